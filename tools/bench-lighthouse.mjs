// Lighthouse scores of every page (performance, accessibility, best practices, SEO), served
// compressed on loopback. Run by ./build.sh bench, which installs lighthouse@12.2.3 under .tools/.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync, mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve } from './serve.mjs';
import { CHROMIUM_FLAGS } from '../tests/browser/harness.mjs';

const dist = resolve(process.argv[2] || 'dist');
const bin = resolve('.tools/lighthouse/node_modules/.bin/lighthouse');
const server = await serve(dist, 0);
const origin = `http://127.0.0.1:${server.address().port}`;
const out = mkdtempSync(join(tmpdir(), 'lighthouse-'));
// Usage: node tools/bench-lighthouse.mjs DIST [PATH…] (every page when no path is given).
const paths = process.argv.length > 3 ? process.argv.slice(3) : ['/', '/embedding.html', '/embed/demo.html'];
for (const path of paths) {
  const report = join(out, 'report.json');
  // Asynchronous: the server runs in this process and must keep answering.
  await promisify(execFile)(bin, [`${origin}${path}`, `--chrome-flags=${CHROMIUM_FLAGS.join(' ')}`, '--output=json',
    `--output-path=${report}`, '--quiet', '--only-categories=performance,accessibility,best-practices,seo'],
  { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM || '/usr/bin/chromium' } });
  const { categories, audits } = JSON.parse(readFileSync(report, 'utf8'));
  const scores = Object.values(categories).map((c) => `${c.title} ${Math.round(c.score * 100)}`).join(', ');
  const all = Object.values(categories).every((c) => Math.round(c.score * 100) === 100);
  console.log(`lighthouse ${path.padEnd(18)} ${scores} (goal 100 in each, issue 11): ${all ? 'within' : 'OVER'}`);
  // What cost the points: each scored audit short of full marks, with its figure.
  for (const category of Object.values(categories)) {
    for (const { id, weight } of category.auditRefs) {
      const audit = audits[id];
      if (weight > 0 && audit.score !== null && audit.score < 1) {
        console.log(`  ${category.title}: ${audit.title} ${audit.displayValue ?? ''} (score ${audit.score})`);
      }
    }
  }
}
// Lighthouse times the main thread's tasks by the clock: on a busy machine they last longer.
console.log(`load average while measured: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on this machine`);
server.close();
