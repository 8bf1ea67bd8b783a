// The built site in real headless Chromium: the small build first, the full one when needed or
// failing, the engine failing and recovering, and the first visit's weight budget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { openPage, breakFirstFullBuild } from './harness.mjs';
import { OUTPUT_IDS } from '../../www/generated/facts.js';
import { browser, origin, useSite, golden, typeInputs, fullBuild, outputsOnPage } from './site-helpers.mjs';

useSite();

test('the first visit loads the small build only; the full one comes when the reader nears what needs it', async () => {
  const { page, context, requests, errors } = await openPage(browser, `${origin}/`);
  await page.fill('[name="aws-account-id"]', '123456789012');
  await page.waitForTimeout(300);
  const fetched = () => requests.map((r) => new URL(r.url).pathname);
  assert.ok(fetched().includes('/pkg/ecs_guide_bg.wasm'));
  assert.deepEqual(fetched().filter((p) => p.includes('full')), []);
  assert.equal(await page.$('html.full-ready'), null);
  // Until then the as-code outputs are empty, and say why.
  assert.equal(await page.textContent('[data-output="cross-account-verification"]'), '');
  assert.match(await page.textContent('[data-status-for="cross-account-verification"]'), /^Fills in with your values when you get here/);
  await fullBuild(page);
  assert.match(await page.textContent('[data-status-for="cross-account-verification"]'), /^Not ready yet: needs Shippable's AWS account ID, External ID/);
  assert.deepEqual(fetched().filter((p) => p.includes('full')), ['/pkg/ecs_guide_full.js', '/pkg/ecs_guide_full_bg.wasm']);
  // What was typed before it came is in its outputs.
  assert.match(await page.textContent('[data-output="cross-account-verification"]'), /arn:aws:iam::123456789012:role\//);
  assert.deepEqual(errors, []);
  await context.close();
});

test('if the full build cannot load, its documents say so instead of waiting for values', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route('**/ecs_guide_full_bg.wasm', (route) => route.abort());
  await page.goto(`${origin}/`);
  await page.waitForSelector('html.js-ready');
  await page.check('[name="way-cross-account"][value="cloudformation"]');
  await page.locator('[data-output="cross-account-cloudformation"]').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => /^Could not load/.test(document.querySelector('[data-status-for="cross-account-cloudformation"]').textContent));
  // The six documents stay live.
  await page.fill('[name="aws-account-id"]', '123456789012');
  assert.equal(await page.textContent('[data-output="cross-account-role-arn"]'), 'arn:aws:iam::123456789012:role/shippable-role-to-allow-ecs-access');
  assert.equal(await page.getAttribute('[data-output="cross-account-cloudformation"]', 'data-complete'), 'false');
  await context.close();
});

// Issue 11's figure: the page, its style, its script and the small Wasm build, 45 KB compressed.
const FIRST_VISIT_BUDGET = 45 * 1024;

test('page weight is a budget: the first visit stays within 45 KB compressed (issues 3, 11 and 15)', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies = [];
  page.on('response', (r) => bodies.push(r.body().then((body) => ({ path: new URL(r.url()).pathname, body }))));
  await page.goto(`${origin}/`);
  await page.waitForSelector('html.js-ready');
  await page.waitForTimeout(200);
  const loaded = await Promise.all(bodies);
  assert.deepEqual(loaded.map((l) => l.path).sort(), ['/', '/app.js', '/pkg/ecs_guide_bg.wasm', '/style.css']);
  const gzip = loaded.reduce((n, l) => n + gzipSync(l.body, { level: 9 }).length, 0);
  assert.ok(gzip <= FIRST_VISIT_BUDGET, `first visit ${gzip} B gzip, over ${FIRST_VISIT_BUDGET} B`);
  await context.close();
});

test('when the engine fails, every document is marked not ready with why, and the next change recovers (issue 12)', async () => {
  const expected = golden('custom-names');
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url())));
  await breakFirstFullBuild(page, '/pkg/ecs_guide_full.js');
  await page.goto(`${origin}/`);
  await page.waitForSelector('html.js-ready');
  await typeInputs(page, expected.inputs);
  assert.equal(await page.getAttribute('[data-output="cross-account-aws-cli"]', 'data-complete'), 'true');
  await page.fill('[name="role-name"]', 'trap-now');
  const state = () => page.evaluate((ids) => ids.map((id) => [id,
    document.querySelector(`[data-output="${id}"]`).dataset.complete,
    document.querySelector(`[data-status-for="${id}"]`).textContent]), OUTPUT_IDS);
  for (const [id, complete, status] of await state()) {
    assert.equal(complete, 'false', id);
    assert.equal(status, 'Not ready: the generator failed (unreachable). Change a value to restart it.', id);
  }
  assert.match(await page.textContent('[data-announce]'), /^Not ready: the generator failed/);
  // The next change: a fresh instance of the full build, and every document whole and ready again.
  await page.fill('[name="role-name"]', expected.inputs['role-name']);
  await page.waitForFunction(() => document.querySelector('[data-output="cross-account-aws-cli"]').dataset.complete === 'true');
  assert.ok(requests.some((u) => u.pathname.endsWith('/pkg/ecs_guide_full.js') && u.search === '?instance=1'));
  const shown = await outputsOnPage(page);
  for (const id of OUTPUT_IDS) {
    assert.equal(shown[id].text, expected.outputs[id], id);
    assert.equal(shown[id].complete, String(expected.complete[id]), id);
  }
  await context.close();
});
