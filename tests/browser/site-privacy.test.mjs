// The built site in real headless Chromium: no request off the origin, nothing typed sent, the
// copied link, console links, every page, deployed under another path. (Values from a link, held
// until the reader confirms them: site-links.test.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, openPage, DIST } from './harness.mjs';
import { OUTPUT_IDS } from '../../www/generated/facts.js';
import { browser, origin, useSite, AXE, golden, reveal, typeInputs, fullBuild, outputsOnPage } from './site-helpers.mjs';

useSite();

test('no request leaves the origin and no typed value is in any request', async () => {
  const { page, context, requests } = await openPage(browser, `${origin}/`, { clipboard: true });
  const secret = 'Zq7secretExternalId';
  await page.fill('[name=external-id]', secret);
  await page.fill('[name=aws-account-id]', '9876-5432-1098');
  await page.click('button[data-copy="output-cross-account-trust-policy"]');
  await page.click('[data-copy-link]');
  await page.waitForTimeout(200);
  assert.ok(requests.length >= 4, 'the page, its CSS, JS and Wasm were requested');
  for (const r of requests) {
    assert.ok(r.url.startsWith(`${origin}/`), `off-origin request: ${r.url}`);
    for (const value of [secret, '987654321098', '9876-5432-1098']) {
      assert.ok(!r.url.includes(value) && !(r.postData || '').includes(value), `typed value in ${r.url}`);
    }
  }
  const stored = await page.evaluate(() => [document.cookie, localStorage.length, sessionStorage.length]);
  assert.deepEqual(stored, ['', 0, 0]);
  await context.close();
});

test('the copied link brings the values back, in the fragment only', async () => {
  const { page, context } = await openPage(browser, `${origin}/`, { clipboard: true });
  await typeInputs(page, golden('custom-names').inputs);
  await page.click('[data-copy-link]');
  // The copy is done once the button says so (what copies loads on the first click).
  await page.waitForFunction(() => document.querySelector('[data-copy-link]').textContent === 'Link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const url = new URL(link);
  assert.equal(url.origin + url.pathname, `${origin}/`);
  assert.equal(url.search, '');
  const second = await openPage(browser, link);
  await fullBuild(second.page);
  const shown = await outputsOnPage(second.page);
  const expected = golden('custom-names');
  for (const id of OUTPUT_IDS) assert.equal(shown[id].text, expected.outputs[id], id);
  assert.equal(await second.page.inputValue('[name=role-name]'), expected.inputs['role-name']);
  await second.context.close();
  await context.close();
});

test('deployed under another path, the site works with its relative URLs', async () => {
  const root = mkdtempSync(join(tmpdir(), 'ecs-guide-subpath-'));
  mkdirSync(join(root, 'docs/integrations'), { recursive: true });
  symlinkSync(DIST, join(root, 'docs/integrations/ecs'));
  const sub = await start(root);
  try {
    const { page, context, requests, errors } = await openPage(browser, `${sub.origin}/docs/integrations/ecs/`);
    await page.fill('[name=aws-account-id]', '123456789012');
    assert.equal(await page.textContent('[data-output="cross-account-role-arn"]'), 'arn:aws:iam::123456789012:role/shippable-role-to-allow-ecs-access');
    assert.ok(requests.every((r) => r.url.startsWith(`${sub.origin}/docs/integrations/ecs/`)), requests.map((r) => r.url).join('\n'));
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    sub.server.close();
  }
});

test('every page of the site: no request off the origin, no console error, axe clean', async () => {
  for (const path of ['/', '/embedding.html']) {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const requests = [];
    const errors = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`${origin}${path}`);
    await page.waitForSelector('html.js-ready');
    // The live instance is empty until its core is in: axe checks it shown.
    if (path === '/embedding.html') await page.waitForFunction(() => document.querySelector('ecs-integration-guide')?.guide);
    await page.waitForTimeout(300);
    assert.ok(requests.every((u) => u.startsWith(`${origin}/`)), requests.join('\n'));
    assert.deepEqual(errors, [], path);
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    assert.deepEqual(result.violations.map((v) => v.id), [], path);
    await context.close();
  }
});

test('console links follow the partition, live, and carry nothing typed', async () => {
  const { page, context, errors } = await openPage(browser, `${origin}/`);
  const hrefs = async () => [...new Set(await page.$$eval('a[data-console]', (all) => all.map((a) => a.getAttribute('href'))))];
  assert.deepEqual(await hrefs(), ['https://console.aws.amazon.com/iam/']);
  for (const [partition, href] of [['aws-cn', 'https://console.amazonaws.cn/iam/'],
    ['aws-us-gov', 'https://console.amazonaws-us-gov.com/iam/'], ['aws', 'https://console.aws.amazon.com/iam/']]) {
    await reveal(page, '[name=partition]');
    await page.selectOption('[name=partition]', partition);
    await page.fill('[name=role-name]', `role-for-${partition}`);
    assert.deepEqual(await hrefs(), [href], partition);
  }
  // Same tab, no opener, and every address is one of the build's fixed table.
  const links = await page.$$eval('a[data-console]', (all) => all.map((a) => ({
    target: a.getAttribute('target'), rel: a.getAttribute('rel'),
    table: ['aws', 'aws-cn', 'aws-us-gov'].map((p) => a.getAttribute(`data-console-${p}`)),
  })));
  for (const link of links) {
    assert.equal(link.target, null);
    assert.match(link.rel, /\bnoopener\b/);
    assert.deepEqual(link.table, ['https://console.aws.amazon.com/iam/', 'https://console.amazonaws.cn/iam/',
      'https://console.amazonaws-us-gov.com/iam/']);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
