// Lighthouse scores of every page (performance, accessibility, best practices, SEO), served
// compressed on loopback. Run by ./build.sh bench, which installs lighthouse@12.2.3 under .tools/.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve } from './serve.mjs';
import { CHROMIUM_FLAGS } from '../tests/browser/harness.mjs';

const dist = resolve(process.argv[2] || 'dist');
const bin = resolve('.tools/lighthouse/node_modules/.bin/lighthouse');
const server = await serve(dist, 0);
const origin = `http://127.0.0.1:${server.address().port}`;
const out = mkdtempSync(join(tmpdir(), 'lighthouse-'));
for (const path of ['/', '/embedding.html', '/embed/demo.html']) {
  const report = join(out, 'report.json');
  // Asynchronous: the server runs in this process and must keep answering.
  await promisify(execFile)(bin, [`${origin}${path}`, `--chrome-flags=${CHROMIUM_FLAGS.join(' ')}`, '--output=json',
    `--output-path=${report}`, '--quiet', '--only-categories=performance,accessibility,best-practices,seo'],
  { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM || '/usr/bin/chromium' } });
  const { categories } = JSON.parse(readFileSync(report, 'utf8'));
  const scores = Object.values(categories).map((c) => `${c.title} ${Math.round(c.score * 100)}`).join(', ');
  console.log(`lighthouse ${path.padEnd(18)} ${scores}`);
}
server.close();
