// <ecs-integration-guide> in a real host (issue 13): `npm pack` of dist/embed, installed into the
// React 19 + TypeScript + Vite settings page of tests/host (its packages pinned in its own lock file,
// installed by build.sh; no shims, no configuration), checked by `tsc --noEmit`, built by
// `vite build`, and the production build driven in headless Chromium: the full build loads, the
// role ARN reaches React state and FormData, dark and right-to-left hosts, no overflow, no leak.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, DIST, start } from './harness.mjs';

const HOST = new URL('../host/', import.meta.url).pathname;
const BIN = join(HOST, 'node_modules/.bin');
const golden = (file) => readFileSync(new URL(`../golden/aws/${file}`, import.meta.url), 'utf8').replace(/\n$/, '');
const ARN = 'arn:aws:iam::123456789012:role/shippable-role-to-allow-ecs-access';

let browser, server, origin, buildLog, built;

/** Runs a command; on failure the assertion shows its output. */
function run(file, args, cwd) {
  try {
    return execFileSync(file, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    assert.fail(`${file} ${args.join(' ')} failed:\n${error.stdout}\n${error.stderr}`);
  }
}

before(async () => {
  assert.ok(existsSync(BIN), 'tests/host/node_modules is missing: ./build.sh test installs it');
  const work = mkdtempSync(join(tmpdir(), 'ecs-host-'));
  const packed = run('npm', ['pack', join(DIST, 'embed'), '--pack-destination', work, '--json'], HOST);
  const tarball = join(work, JSON.parse(packed)[0].filename);
  run('npm', ['install', '--no-save', '--no-audit', '--no-fund', tarball], HOST);
  built = join(work, 'site');
  buildLog = run(join(BIN, 'vite'), ['build', '--outDir', built, '--emptyOutDir', '--logLevel', 'info'], HOST);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [...CHROMIUM_FLAGS, '--js-flags=--expose-gc'],
  });
  ({ server, origin } = await start(built));
});
after(async () => {
  await browser?.close();
  server?.close();
});

async function open(query = '', { width = 1280, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
  const page = await context.newPage();
  const responses = [];
  page.on('response', (r) => responses.push({ url: r.url(), status: r.status() }));
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`${origin}/${query}`);
  await ready(page);
  return { page, context, responses, errors };
}

/** Waits until the mounted element's Wasm core is in (returns no handle, which would keep it alive). */
const ready = (page) => page.waitForFunction(() => Boolean(document.querySelector('ecs-integration-guide')
  ?.shadowRoot?.querySelector('.guide.js-ready'))).then((handle) => handle.dispose());

/** Scrolls to the as-code section, which loads the full build, and waits for it. */
async function fullBuild(page) {
  await page.evaluate(() => document.querySelector('ecs-integration-guide').shadowRoot
    .querySelector('[data-output="cross-account-cloudformation"]').scrollIntoView());
  await page.locator('ecs-integration-guide .guide.full-ready').waitFor({ state: 'attached' });
}

test('the host type-checks with tsc --noEmit (strict, noImplicitAny, NodeNext, skipLibCheck off; onguide-change typed) and builds with vite', () => {
  run(join(BIN, 'tsc'), ['--noEmit', '-p', HOST], HOST);
  assert.doesNotMatch(buildLog, /MISSING_EXPORT|warning/i, buildLog);
  const assets = readdirSync(join(built, 'assets'));
  // Both .wasm files and the full build's glue were seen and emitted by the bundler itself.
  assert.ok(assets.some((f) => /^ecs_guide_bg-.*\.wasm$/.test(f)), assets.join(' '));
  assert.ok(assets.some((f) => /^ecs_guide_full_bg-.*\.wasm$/.test(f)), assets.join(' '));
  assert.ok(assets.some((f) => /^ecs_guide_full-.*\.js$/.test(f)), assets.join(' '));
});

test('the production build loads the full build; the role ARN reaches React state and FormData', async () => {
  const { page, context, responses, errors } = await open();
  const guide = page.locator('ecs-integration-guide');
  // Required and not yet complete: the form is invalid, with the guide's own reason.
  assert.deepEqual(await guide.evaluate((e) => [e.validity.valueMissing, e.validationMessage, e.value]),
    [true, 'The guide needs: Your AWS account ID.', '']);
  assert.equal(await page.locator('#save').isDisabled(), true);
  await guide.locator('[name="aws-account-id"]').fill('1234-5678-9012');
  await page.locator('#role-arn', { hasText: ARN }).waitFor();
  assert.deepEqual(await guide.evaluate((e) => [e.validity.valid, e.value, e.complete]), [true, ARN, true]);
  await fullBuild(page);
  const template = await guide.locator('[data-output="cross-account-cloudformation"]').textContent();
  // Whole documents, equal to the goldens of the same inputs (tests/golden/aws).
  assert.equal(template, golden('cross-account-cloudformation.yaml'));
  assert.equal(await guide.locator('[data-output="cross-account-trust-policy"]').textContent(), golden('cross-account-trust-policy.json'));
  // The full build changes nothing about completeness: the role ARN stays in React state.
  assert.equal(await page.locator('#role-arn').textContent(), ARN);
  await page.locator('#save').click();
  assert.deepEqual(JSON.parse(await page.locator('#saved').textContent()), { 'integration-name': 'AWS-IAM-Integration', 'role-arn': ARN });
  assert.deepEqual(responses.filter((r) => r.status >= 400), []);
  assert.ok(responses.some((r) => /ecs_guide_full_bg-.*\.wasm$/.test(r.url) && r.status === 200));
  // Form reset clears the reader's values; FormData then has nothing for the guide.
  await page.evaluate(() => document.getElementById('integration').reset());
  await page.waitForFunction(() => document.getElementById('role-arn').textContent === '').then((h) => h.dispose());
  assert.equal(await page.evaluate(() => new FormData(document.getElementById('integration')).has('role-arn')), false);
  assert.deepEqual(errors, []);
  await context.close();
});

/** WCAG contrast ratio of two `rgb(…)` colours. */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, b2] = c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b2;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test('a dark color-scheme host (CSS only, no meta tag) gets a dark, readable guide', async () => {
  const { page, context } = await open('?dark');
  const colors = await page.locator('ecs-integration-guide').evaluate((e) => {
    const text = e.shadowRoot.querySelector('.guide p');
    return { background: getComputedStyle(e).backgroundColor, text: getComputedStyle(text).color };
  });
  assert.ok(contrast(colors.text, colors.background) >= 7, JSON.stringify(colors));
  assert.ok(contrast(colors.background, 'rgb(0, 0, 0)') < 2, `the background is dark: ${colors.background}`);
  await context.close();
});

test('a right-to-left Arabic host keeps the guide and its documents left-to-right English', async () => {
  const { page, context } = await open('?rtl');
  const seen = await page.locator('ecs-integration-guide').evaluate((e) => {
    const guide = e.shadowRoot.querySelector('.guide');
    const pre = e.shadowRoot.querySelector('[data-output="cross-account-trust-policy"]');
    return { dir: guide.getAttribute('dir'), lang: guide.getAttribute('lang'), guide: getComputedStyle(guide).direction,
      pre: getComputedStyle(pre).direction, host: getComputedStyle(document.body).direction };
  });
  assert.deepEqual(seen, { dir: 'ltr', lang: 'en', guide: 'ltr', pre: 'ltr', host: 'rtl' });
  await context.close();
});

test('nothing overflows the host, with the full build in, at 1280 and 390 px', async () => {
  for (const width of [1280, 390]) {
    const { page, context } = await open('', { width });
    await fullBuild(page);
    const box = await page.evaluate(() => {
      const e = document.querySelector('ecs-integration-guide');
      const r = e.getBoundingClientRect();
      const form = e.parentElement.getBoundingClientRect();
      return { right: r.right, formRight: form.right, scrollWidth: document.documentElement.scrollWidth, width: innerWidth };
    });
    assert.ok(box.right <= box.formRight + 0.5, `${width}: ${JSON.stringify(box)}`);
    assert.ok(box.scrollWidth <= box.width, `${width}: ${JSON.stringify(box)}`);
    await context.close();
  }
});

test('no leak: 30 mounts and unmounts in React, then gc(), leave no element alive', async () => {
  const { page, context } = await open();
  await page.evaluate(() => {
    window.alive = [];
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n.localName === 'ecs-integration-guide') window.alive.push(new WeakRef(n));
    }).observe(document.body, { childList: true, subtree: true });
  });
  for (let i = 0; i < 30; i += 1) {
    await page.locator('#toggle').click(); // unmount
    await page.waitForFunction(() => !document.querySelector('ecs-integration-guide')).then((h) => h.dispose());
    await page.locator('#toggle').click(); // mount
    await ready(page);
  }
  await page.locator('#toggle').click();
  // Collected once nothing holds them: a load still in flight when the last one was removed holds
  // it until it settles, so collect again (up to 3 s) until none is left; a leak never gets there.
  const alive = await page.evaluate(async () => {
    const count = () => window.alive.filter((ref) => ref.deref()).length;
    for (let i = 0; i < 60 && (i < 5 || count() > 0); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      window.gc();
    }
    return { mounted: window.alive.length, alive: count() };
  });
  assert.deepEqual(alive, { mounted: 30, alive: 0 });
  await context.close();
});
