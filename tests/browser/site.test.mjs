// The built site (dist/) in real headless Chromium: live documents, errors, copy, JS off, privacy,
// accessibility, print, phone, layout stability, the lazily loaded full build, the weight budget.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync, inflateSync } from 'node:zlib';
import { launch, start, openPage, breakFirstFullBuild, DIST } from './harness.mjs';
import { INPUT_KEYS, PASTED_INPUT_KEYS, OUTPUT_IDS, EXTENSIONS } from '../../www/generated/facts.js';

const GOLDEN = new URL('../golden/', import.meta.url).pathname;
const AXE = new URL('../../node_modules/axe-core/axe.min.js', import.meta.url).pathname;
const extension = (id) => EXTENSIONS[id];
/** The typed values (not the pasted policies, not the Hardened switch). */
const KEYS = INPUT_KEYS.filter((key) => !PASTED_INPUT_KEYS.includes(key) && key !== 'hardened');

const golden = (name) => {
  const dir = join(GOLDEN, name);
  const outputs = {};
  for (const id of OUTPUT_IDS) {
    outputs[id] = readFileSync(join(dir, `${id}.${extension(id)}`), 'utf8').replace(/\n$/, '');
  }
  const status = readFileSync(join(dir, 'status.txt'), 'utf8');
  const complete = Object.fromEntries(OUTPUT_IDS.map((id) => [id, new RegExp(`^${id}: complete$`, 'm').test(status)]));
  const messages = {};
  for (const m of status.matchAll(/^([a-z-]+): \[([a-z-]+)\] (.*)$/gm)) messages[m[1]] = { code: m[2], message: m[3] };
  return { inputs: JSON.parse(readFileSync(join(dir, 'inputs.json'), 'utf8')), outputs, complete, messages };
};

let browser, server, origin;
before(async () => {
  browser = await launch();
  ({ server, origin } = await start());
});
after(async () => {
  await browser?.close();
  server?.close();
});

/**
 * Makes an element visible the way a reader does: chooses its method and way, and opens the
 * collapsed parts around it (summaries clicked, outermost first).
 */
async function reveal(page, selector) {
  if (await page.isVisible(selector)) return;
  const need = await page.$eval(selector, (el) => {
    const panel = el.closest('.way-panel');
    const doc = el.closest('[data-document]')?.dataset.document || '';
    const method = el.closest('section[data-method], fieldset[data-method="account-keys"], .names-and-options fieldset[data-method]')
      ?.dataset.method || null;
    let way = panel?.dataset.way || null;
    if (way === 'code') way = ['aws-cli', 'cloudformation', 'terraform'].find((w) => doc.endsWith(`-${w}`)) || 'aws-cli';
    for (const d of document.querySelectorAll('details[data-reveal]')) delete d.dataset.reveal;
    const closed = [];
    for (let d = el.closest('details'); d; d = d.parentElement.closest('details')) if (!d.open) closed.unshift(d);
    closed.forEach((d, i) => { d.dataset.reveal = String(i); });
    return { method, way, closed: closed.length };
  });
  if (need.method) await page.check(`#method-${need.method}`);
  if (need.way) await page.check(`[name="way-${need.method || 'cross-account'}"][value="${need.way}"]`);
  for (let i = 0; i < need.closed; i++) await page.click(`details[data-reveal="${i}"] > summary`);
}

/** Types every input of a golden case the way a reader does. */
async function typeInputs(page, inputs) {
  for (const key of KEYS) {
    await reveal(page, `[name="${key}"]`);
    const value = inputs[key] ?? '';
    if (key === 'partition') {
      const option = ['aws', 'aws-cn', 'aws-us-gov'].includes(value.trim().toLowerCase()) ? value.trim().toLowerCase() : 'aws';
      await page.selectOption('[name=partition]', option);
    } else {
      await page.fill(`[name="${key}"]`, '');
      if (value) await page.locator(`[name="${key}"]`).pressSequentially(value.length > 80 ? '' : value, { delay: 0 });
      if (value.length > 80) await page.fill(`[name="${key}"]`, value);
    }
  }
  // The switch is clicked; pasted policies are pasted (filled at once) into the cross-account method.
  await reveal(page, '[name="hardened"]');
  await page.setChecked('[name="hardened"]', inputs.hardened === 'true');
  await page.check('#method-cross-account');
  for (const key of ['existing-trust-policy', 'existing-permissions-policy']) {
    await reveal(page, `[name="${key}"]`);
    await page.fill(`[name="${key}"]`, inputs[key] ?? '');
  }
  // Pasting focused the policy fields, which loads the full build: every output is made from here.
  await page.waitForSelector('html.full-ready', { state: 'attached' });
}

/** Scrolls to the as-code sections, which loads the full build, and waits until it is in use. */
async function fullBuild(page) {
  await reveal(page, '[data-output="cross-account-cloudformation"]');
  await page.locator('[data-output="cross-account-cloudformation"]').scrollIntoViewIfNeeded();
  await page.waitForSelector('html.full-ready', { state: 'attached' });
}

async function outputsOnPage(page) {
  return page.evaluate((ids) => Object.fromEntries(ids.map((id) => {
    const els = [...document.querySelectorAll(`[data-output="${id}"]`)];
    return [id, { count: els.length, text: els[0]?.textContent, complete: els[0]?.dataset.complete }];
  })), OUTPUT_IDS);
}

for (const name of ['aws', 'aws-cn', 'aws-us-gov', 'console-format', 'custom-names', 'maximum-lengths', 'wrong-only-where-needed',
  'merge-and-check', 'hardened', 'wrong-boxes']) {
  test(`typing the ${name} values updates every document exactly`, async () => {
    const expected = golden(name);
    const { page, context, errors } = await openPage(browser, `${origin}/`);
    await typeInputs(page, expected.inputs);
    const shown = await outputsOnPage(page);
    for (const id of OUTPUT_IDS) {
      assert.equal(shown[id].count, 1, `one element for ${id}`);
      assert.equal(shown[id].text, expected.outputs[id], `${name}: ${id}`);
      assert.equal(shown[id].complete, String(expected.complete[id]), `${name}: ${id} completeness`);
    }
    // Names in the prose follow the typed values.
    const roleName = expected.inputs['role-name']?.trim() || 'shippable-role-to-allow-ecs-access';
    const spans = await page.$$eval('[data-input="role-name"]', (els) => els.map((e) => e.textContent));
    assert.ok(spans.length >= 5, 'the role name appears throughout the prose');
    assert.deepEqual([...new Set(spans)], [roleName]);
    const mirror = await page.textContent('[data-mirror="cross-account-role-arn"]');
    assert.equal(mirror, expected.outputs['cross-account-role-arn']);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('each invalid value shows its message on the field and leaves its documents incomplete', async () => {
  const expected = golden('invalid-values');
  const { page, context } = await openPage(browser, `${origin}/`);
  await typeInputs(page, expected.inputs);
  for (const key of KEYS.filter((k) => k !== 'partition')) {
    const field = page.locator(`[name="${key}"]`);
    assert.equal(await field.getAttribute('aria-invalid'), 'true', key);
    const described = (await field.getAttribute('aria-describedby')).split(' ');
    const messages = await Promise.all(described.map((id) => page.textContent(`#${id}`)));
    assert.ok(messages.includes(expected.messages[key].message), `${key}: ${messages.join(' | ')}`);
    await reveal(page, `#error-${key}`);
    assert.ok(await page.isVisible(`#error-${key}`), `${key} error is visible`);
  }
  const shown = await outputsOnPage(page);
  assert.equal(shown['cross-account-trust-policy'].complete, 'false');
  assert.equal(shown['cross-account-role-arn'].complete, 'false');
  assert.equal(shown['cross-account-role-arn'].text, 'arn:aws:iam::<12 digit AWS account id>:role/<role name>');
  assert.match(await page.textContent('[data-status-for="cross-account-role-arn"]'), /Not ready yet: needs Your AWS account ID, Role name/);
  // Fixing a value clears its error.
  await page.fill('[name=aws-account-id]', '123456789012');
  assert.equal(await page.getAttribute('[name=aws-account-id]', 'aria-invalid'), null);
  assert.equal(await page.textContent('#error-aws-account-id'), '');
  await context.close();
});

test('an empty required field is not flagged, but its documents say what they need', async () => {
  const { page, context } = await openPage(browser, `${origin}/`);
  assert.equal(await page.getAttribute('[name=aws-account-id]', 'aria-invalid'), null);
  assert.equal(await page.getAttribute('[data-output="cross-account-role-arn"]', 'data-complete'), 'false');
  assert.match(await page.textContent('[data-status-for="cross-account-trust-policy"]'),
    /needs Shippable's AWS account ID, External ID/);
  await context.close();
});

test('each copy button puts exactly its document on the clipboard', async () => {
  const { page, context } = await openPage(browser, `${origin}/`, { clipboard: true });
  await typeInputs(page, golden('aws-cn').inputs);
  // Nothing pasted: the merge and the check are a sentence, not a document, and have no Copy button.
  for (const id of ['merged-trust-policy', 'permissions-check']) {
    assert.equal(await page.getAttribute(`[data-document="${id}"]`, 'data-state'), 'explanation');
    assert.equal(await page.isVisible(`button[data-copy="output-${id}"]`), false, id);
  }
  for (const id of OUTPUT_IDS.filter((id) => !['merged-trust-policy', 'permissions-check'].includes(id))) {
    await reveal(page, `button[data-copy="output-${id}"]`);
    await page.click(`button[data-copy="output-${id}"]`);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, await page.textContent(`[data-output="${id}"]`), id);
    assert.equal(copied, golden('aws-cn').outputs[id], id);
  }
  // Keyboard: focus a copy button and press Enter.
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.check('#method-cross-account');
  await page.check('[name="way-cross-account"][value="console"]');
  await page.focus('button[data-copy="output-cross-account-role-arn"]');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'arn:aws-cn:iam::123456789012:role/shippable-role-to-allow-ecs-access');
  assert.match(await page.textContent('[data-announce]'), /Copied the Role ARN/);
  await context.close();
});

test('with JavaScript off the whole guide is there, with the guide placeholders', async () => {
  const expected = golden('nothing-typed');
  const { page, context } = await openPage(browser, `${origin}/`, { javaScriptEnabled: false });
  const shown = await outputsOnPage(page);
  // The guide's documents (and the merge and check, which explain what to paste) are in the page;
  // the scripts, templates and commands are written by the script (the first visit stays small).
  const scripted = (id) => /-(aws-cli|cloudformation|terraform|verification)$/.test(id);
  for (const id of OUTPUT_IDS) {
    assert.equal(shown[id].count, 1, id);
    assert.equal(shown[id].text, scripted(id) ? '' : expected.outputs[id], id);
    assert.equal(shown[id].complete, String(expected.complete[id]), id);
    if (scripted(id)) assert.match(await page.textContent(`[data-status-for="${id}"]`), /it needs JavaScript/);
  }
  const headings = await page.$$eval('h2, h3', (els) => els.map((e) => e.id));
  for (const id of ['cross-account', 'account-keys', 'deleting', ...[1, 2, 3, 4].flatMap((n) => [`cross-account-step-${n}`, `account-keys-step-${n}`])]) {
    assert.ok(headings.includes(id), `heading ${id}`);
  }
  const text = await page.textContent('main');
  for (const phrase of ['Click `Validate Policy`'.replace(/`/g, ''), 'Do not forget to include a comma', 'No dependency', 'AmazonEC2ContainerServiceRole', 'Refer the official Amazon documentation']) {
    assert.ok(text.replace(/\s+/g, ' ').includes(phrase), phrase);
  }
  assert.match(await page.textContent('main noscript'), /Turn on JavaScript/);
  assert.ok(await page.isVisible('main noscript'));
  // Both methods and every way, one after the other; no choice that only a script could keep.
  for (const selector of ['#cross-account-step-1', '#account-keys-step-1', '[data-document="cross-account-terraform"]',
    '[data-document="account-keys-aws-cli"]', '[name="aws-account-id"]']) {
    await page.locator(selector).scrollIntoViewIfNeeded();
    assert.ok(await page.isVisible(selector), selector);
  }
  assert.equal(await page.isVisible('.method-choice'), false);
  assert.equal(await page.isVisible('.tabs'), false);
  await context.close();
});

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

test('typed HTML stays text in every field', async () => {
  const { page, context } = await openPage(browser, `${origin}/`);
  let dialogs = 0;
  page.on('dialog', async (d) => { dialogs++; await d.dismiss(); });
  const attack = '<img src=x onerror=alert(1)>';
  for (const key of KEYS.filter((k) => k !== 'partition')) {
    await reveal(page, `[name="${key}"]`);
    await page.fill(`[name="${key}"]`, attack);
  }
  await page.waitForTimeout(100);
  assert.equal(dialogs, 0);
  assert.equal(await page.locator('main img').count(), 0);
  assert.match(await page.textContent('#error-external-id'), /character 1 is “<”/);
  const outputs = await outputsOnPage(page);
  for (const id of OUTPUT_IDS) assert.ok(!outputs[id].text.includes('onerror'), id);
  await context.close();
});

test('axe-core finds no violations, light and dark, with errors showing', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const context = await browser.newContext({ bypassCSP: true, colorScheme });
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.waitForSelector('html.js-ready');
    await page.fill('[name=aws-account-id]', '12345');
    await page.fill('[name=external-id]', 'ok-external-id');
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    assert.deepEqual(summary, [], `${colorScheme}: ${summary.join('\n')}`);
    await context.close();
  }
});

test('no layout shift when the live page takes over', async () => {
  const { page, context } = await openPage(browser, `${origin}/`);
  await page.waitForTimeout(300);
  const shift = await page.evaluate(() => new Promise((resolve) => {
    let total = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) total += e.value; })
      .observe({ type: 'layout-shift', buffered: true });
    setTimeout(() => resolve(total), 100);
  }));
  assert.equal(shift, 0);
  await context.close();
});

test('usable on a 360-pixel-wide phone: nothing wider than the screen', async () => {
  const { page, context } = await openPage(browser, `${origin}/`, { viewport: { width: 360, height: 740 } });
  await typeInputs(page, golden('maximum-lengths').inputs);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `page is ${width}px wide`);
  await context.close();
});

test('printing shows the filled-in documents and hides the controls', async () => {
  const { page, context } = await openPage(browser, `${origin}/`);
  await typeInputs(page, golden('aws').inputs);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('button.copy'), false);
  assert.equal(await page.isVisible('.toc'), false);
  assert.equal(await page.isVisible('[data-output="cross-account-trust-policy"]'), true);
  assert.equal(await page.$eval('[data-output="cross-account-trust-policy"]', (e) => getComputedStyle(e).whiteSpace), 'pre-wrap');
  assert.match(await page.textContent('[data-output="cross-account-trust-policy"]'), /210987654321/);
  const pdf = await page.pdf();
  assert.ok(pdf.length > 10_000);
  await context.close();
});

test('keyboard: every control is reachable with Tab', async () => {
  const { page, context } = await openPage(browser, `${origin}/`);
  const reached = new Set();
  const tabThrough = async () => {
    await page.evaluate(() => document.activeElement?.blur());
    for (let i = 0; i < 90; i++) {
      await page.keyboard.press('Tab');
      const name = await page.evaluate(() => document.activeElement?.getAttribute('name') || document.activeElement?.dataset.copy);
      if (name) reached.add(name);
    }
  };
  // Names and options open with Enter on their summary; then each method's fields.
  await page.focus('.names-and-options > summary');
  await page.keyboard.press('Enter');
  await tabThrough();
  await page.focus('#method-cross-account');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.isChecked('#method-account-keys'), true, 'arrow keys choose the method');
  await tabThrough();
  for (const key of KEYS) assert.ok(reached.has(key), `Tab reaches ${key}`);
  assert.ok(reached.has('output-cross-account-permissions-policy'), 'Tab reaches a copy button');
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

test('merge: pasting the merged document back changes nothing, and a bad paste is flagged on its field', async () => {
  const expected = golden('merge-and-check');
  const { page, context, errors } = await openPage(browser, `${origin}/`);
  await typeInputs(page, expected.inputs);
  const merged = await page.textContent('[data-output="merged-trust-policy"]');
  assert.equal(merged, expected.outputs['merged-trust-policy']);
  await page.fill('[name="existing-trust-policy"]', merged);
  assert.equal(await page.textContent('[data-output="merged-trust-policy"]'), merged);
  await page.fill('[name="existing-trust-policy"]', '{"Statement": [}');
  const field = page.locator('[name="existing-trust-policy"]');
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  const described = (await field.getAttribute('aria-describedby')).split(' ');
  const message = await page.textContent(`#${described.find((id) => id.startsWith('error-'))}`);
  assert.match(message, /^Current trust relationship is not valid JSON: at line 1, column 16, expected value\.$/);
  assert.equal(await page.getAttribute('[data-output="merged-trust-policy"]', 'data-complete'), 'false');
  assert.deepEqual(errors, []);
  await context.close();
});

test('check: a trust policy in the permissions box is named as such', async () => {
  const { page, context } = await openPage(browser, `${origin}/`);
  await reveal(page, '[name="existing-permissions-policy"]');
  await page.fill('[name="existing-permissions-policy"]', readFileSync(join(GOLDEN, 'aws/cross-account-trust-policy.json'), 'utf8'));
  await page.waitForSelector('html.full-ready', { state: 'attached' });
  const field = page.locator('[name="existing-permissions-policy"]');
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  assert.match(await page.textContent('#error-existing-permissions-policy'), /this is a trust policy/);
  await context.close();
});

test('findings and size meters follow the hardened switch', async () => {
  const { page, context } = await openPage(browser, `${origin}/`);
  const rules = () => page.$$eval('[data-findings-for="cross-account-permissions-policy"] li', (els) => els.map((e) => e.dataset.rule));
  // Findings are the full build's: opening a document's checks brings them.
  assert.deepEqual(await rules(), []);
  await page.click('[data-document="cross-account-permissions-policy"] .document-extras > summary');
  await page.waitForSelector('html.full-ready', { state: 'attached' });
  assert.deepEqual(await rules(), ['passrole-any-resource', 'redundant-action']);
  assert.ok(await page.isVisible('[data-findings-for="cross-account-permissions-policy"] .finding-warning'));
  await page.fill('[name="aws-account-id"]', '123456789012');
  await reveal(page, '[name="hardened"]');
  await page.check('[name="hardened"]');
  assert.deepEqual(await rules(), []);
  const meter = await page.$eval('[data-size-for="cross-account-trust-policy"] meter', (m) => [m.value, m.max]);
  assert.equal(meter[1], 2048);
  const text = await page.textContent('[data-output="cross-account-trust-policy"]');
  assert.equal(meter[0], JSON.stringify(JSON.parse(text)).length);
  // The sentence writes the counts as the quotas are written: thousands separated.
  const used = meter[0];
  assert.equal(await page.textContent('[data-size-for="cross-account-trust-policy"] [data-size-text]'),
    `Size: ${used.toLocaleString('en-US')} of 2,048 characters (${Math.floor(used * 100 / 2048)}%) of the role trust policy length (default quota), whitespace not counted.`);
  await context.close();
});

test('download buttons save exactly the script or template shown', async () => {
  const expected = golden('aws');
  const { page, context } = await openPage(browser, `${origin}/`);
  await typeInputs(page, expected.inputs);
  for (const id of ['cross-account-aws-cli', 'cross-account-cloudformation', 'account-keys-terraform']) {
    await reveal(page, `[data-download="output-${id}"]`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click(`[data-download="output-${id}"]`),
    ]);
    const path = await download.path();
    assert.equal(readFileSync(path, 'utf8'), `${expected.outputs[id]}\n`, id);
    assert.match(download.suggestedFilename(), /^shippable-/);
  }
  await context.close();
});

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

test('findings follow values a document does not show: your account ID equal to Shippable\'s', async () => {
  const { page, context } = await openPage(browser, `${origin}/`);
  const rules = () => page.$$eval('[data-findings-for="cross-account-trust-policy"] li', (els) => els.map((e) => e.dataset.rule));
  await fullBuild(page);
  await page.fill('[name="shippable-aws-account-id"]', '123456789012');
  assert.deepEqual(await rules(), []);
  // The trust policy's text does not hold your account ID, yet its finding must appear.
  await page.fill('[name="aws-account-id"]', '123456789012');
  assert.deepEqual(await rules(), ['same-account']);
  await page.fill('[name="aws-account-id"]', '111122223333');
  assert.deepEqual(await rules(), []);
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

test('"Clear my values" clears the pasted policies too', async () => {
  const expected = golden('merge-and-check');
  const { page, context } = await openPage(browser, `${origin}/`);
  await typeInputs(page, expected.inputs);
  assert.notEqual(await page.inputValue('[name="existing-trust-policy"]'), '');
  await page.click('[data-your-values] button[type="reset"]');
  await page.waitForFunction(() => document.querySelector('[name="existing-permissions-policy"]').value === ''
    && /^Paste a policy above/.test(document.querySelector('[data-output="permissions-check"]').textContent));
  assert.equal(await page.inputValue('[name="existing-trust-policy"]'), '');
  assert.equal(await page.inputValue('[name="aws-account-id"]'), '');
  // With nothing pasted, the merge is one line that says what to paste, with nothing to copy.
  assert.equal(await page.textContent('[data-output="merged-trust-policy"]'),
    "Paste the role's current trust relationship above to get it back with the guide's statements merged in.");
  assert.equal(await page.getAttribute('[data-document="merged-trust-policy"]', 'data-state'), 'explanation');
  assert.equal(await page.isVisible('button[data-copy="output-merged-trust-policy"]'), false);
  assert.equal(await page.textContent('[data-status-for="merged-trust-policy"]'), 'Waiting for a policy pasted above.');
  await context.close();
});

// ---- Issue 11: the reader's path, in figures ------------------------------------------------

const THREE_IDS = { 'aws-account-id': '123456789012', 'shippable-aws-account-id': '210987654321', 'external-id': '57b3a1c2d4e5f60718293a4b' };

/**
 * The page's real height: scrolled through once as a reader does, so that every part far from
 * view (laid out only when near, content-visibility) has been laid out and keeps its size.
 */
async function realHeight(page) {
  return page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
      scrollTo(0, y);
      await frame();
    }
    scrollTo(0, 0);
    await frame();
    return document.documentElement.scrollHeight;
  });
}

async function typeThreeIds(page) {
  for (const [key, value] of Object.entries(THREE_IDS)) await page.fill(`[name="${key}"]`, value);
}

/** The pages of a PDF in order, each with the number of text runs (BT…ET blocks) drawn on it. */
function pdfPages(pdf) {
  const text = pdf.toString('latin1');
  const objects = new Map();
  for (const m of text.matchAll(/(\d+) 0 obj\b([\s\S]*?)\bendobj/g)) objects.set(m[1], { start: m.index + m[0].indexOf(m[2]), body: m[2] });
  const streamOf = (id) => {
    const object = objects.get(id);
    const at = object?.body.search(/stream\r?\n/);
    if (!object || at < 0) return '';
    const head = object.body.slice(0, at);
    const begin = object.start + at + object.body.slice(at).match(/stream\r?\n/)[0].length;
    const length = Number(head.match(/\/Length (\d+)/)?.[1]);
    const data = pdf.subarray(begin, begin + length);
    return (/FlateDecode/.test(head) ? inflateSync(data) : data).toString('latin1');
  };
  const root = [...objects.values()].find((o) => /\/Type \/Pages\b/.test(o.body) && !/\/Parent/.test(o.body));
  const kids = [...root.body.match(/\/Kids \[([^\]]*)\]/)[1].matchAll(/(\d+) 0 R/g)].map((m) => m[1]);
  return kids.map((id) => {
    const contents = objects.get(id).body.match(/\/Contents (?:\[([^\]]*)\]|(\d+) 0 R)/);
    const ids = contents[2] ? [contents[2]] : [...contents[1].matchAll(/(\d+) 0 R/g)].map((m) => m[1]);
    return { runs: ids.reduce((n, c) => n + (streamOf(c).match(/\bBT\b/g) || []).length, 0) };
  });
}

test('1280×900 with the three IDs typed: at most 8 viewports, step 1 within 1.6, the three documents complete with no click', async () => {
  const { page, context } = await openPage(browser, `${origin}/`);
  await typeThreeIds(page);
  const height = await realHeight(page);
  const figures = await page.evaluate((height) => ({
    height,
    step1: document.getElementById('cross-account-step-1').getBoundingClientRect().top + scrollY,
  }), height);
  assert.ok(figures.height <= 8 * 900, `the page is ${figures.height} px, ${(figures.height / 900).toFixed(2)} viewports`);
  assert.ok(figures.step1 <= 1.6 * 900, `step 1 starts at ${figures.step1} px, ${(figures.step1 / 900).toFixed(2)} viewports`);
  for (const id of ['cross-account-permissions-policy', 'cross-account-trust-policy', 'cross-account-role-arn']) {
    assert.ok(await page.isVisible(`[data-output="${id}"]`), `${id} visible`);
    assert.equal(await page.getAttribute(`[data-output="${id}"]`, 'data-complete'), 'true', id);
  }
  assert.equal(await page.textContent('[data-readiness]'), '3 of 3 values set: every document is ready.');
  // One method at a time: the account-keys method is in the page, hidden.
  assert.equal(await page.isVisible('#account-keys-step-1'), false);
  assert.equal(await page.locator('[data-output="account-keys-user-policy"]').count(), 1);
  await context.close();
});

test('390×844 phone: at most 12 screens, the title on the first, "On this page" collapsed', async () => {
  const { page, context } = await openPage(browser, `${origin}/`, { viewport: { width: 390, height: 844 } });
  const h1 = await page.$eval('h1', (e) => e.getBoundingClientRect().bottom);
  assert.ok(h1 <= 844, `the H1 ends at ${h1} px`);
  assert.equal(await page.isVisible('.toc a[href="#cross-account-step-1"]'), false, 'collapsed on a phone');
  await typeThreeIds(page);
  const height = await realHeight(page);
  assert.ok(height <= 12 * 844, `the page is ${height} px, ${(height / 844).toFixed(2)} screens`);
  await context.close();
});

test('360 px: no horizontal scroll in any method or way, nor on the embed demo with its full build', async () => {
  const { page, context } = await openPage(browser, `${origin}/`, { viewport: { width: 360, height: 740 } });
  await typeInputs(page, golden('maximum-lengths').inputs);
  for (const method of ['cross-account', 'account-keys']) {
    await page.check(`#method-${method}`);
    for (const way of ['console', 'aws-cli', 'cloudformation', 'terraform']) {
      await page.check(`[name="way-${method}"][value="${way}"]`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 360, `${method}, ${way}: the page is ${width} px wide`);
    }
  }
  await page.goto(`${origin}/embed/demo.html`);
  await page.waitForFunction(() => document.querySelector('ecs-integration-guide')?.guide);
  await page.evaluate(() => document.querySelector('ecs-integration-guide').loadFull?.());
  await page.locator('ecs-integration-guide [data-output="cross-account-cloudformation"]').scrollIntoViewIfNeeded().catch(() => {});
  await page.waitForTimeout(500);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `the embed demo is ${width} px wide`);
  await context.close();
});

test('print to A4: at most 12 pages, none nearly blank, only the chosen method and way, never "Fills in…"', async () => {
  const { page, context } = await openPage(browser, `${origin}/`);
  await typeThreeIds(page);
  for (const [method, way] of [['cross-account', 'console'], ['account-keys', 'terraform']]) {
    await page.check(`#method-${method}`);
    await page.check(`[name="way-${method}"][value="${way}"]`);
    // Choosing a way that shows a template loads what writes it, before any print.
    if (way !== 'console') await page.waitForSelector('html.full-ready', { state: 'attached' });
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() => document.body.innerText);
    assert.ok(!shown.includes('Fills in'), `${method}, ${way}: a "Fills in…" placeholder would print`);
    const other = method === 'cross-account' ? 'Create an AWS IAM User' : 'Create an AWS IAM Role that Shippable will assume';
    assert.ok(!shown.includes(other), `${method}: the other method would print`);
    // Back to no emulation: page.pdf() prints with the print media (with 'screen' it would not).
    await page.emulateMedia({ media: null });
    const pages = pdfPages(await page.pdf({ format: 'A4' }));
    assert.ok(pages.length >= 2 && pages.length <= 12, `${method}, ${way}: ${pages.length} pages`);
    pages.forEach((p, i) => assert.ok(p.runs >= 8, `${method}, ${way}: page ${i + 1} of ${pages.length} is nearly blank (${p.runs} text runs)`));
  }
  await context.close();
});

test('the method choice shows one method, goes into the link, and the way tabs stay in step', async () => {
  const { page, context } = await openPage(browser, `${origin}/`, { clipboard: true });
  assert.ok(await page.isChecked('#method-cross-account'));
  await page.check('#method-account-keys');
  assert.equal(await page.isVisible('#cross-account-step-1'), false);
  assert.ok(await page.isVisible('[data-output="account-keys-user-policy"]'));
  assert.ok(await page.isVisible('.toc li[data-method="account-keys"]'));
  assert.equal(await page.isVisible('.toc li[data-method="cross-account"]'), false);
  await page.click('.names-and-options > summary');
  assert.ok(await page.isVisible('[name="user-name"]'));
  assert.equal(await page.isVisible('[name="policy-name"]'), false);
  // The way: Terraform here is Terraform in the other method too.
  await page.check('[name="way-account-keys"][value="terraform"]');
  assert.equal(await page.isVisible('#account-keys-step-1'), false);
  assert.ok(await page.isVisible('[data-document="account-keys-terraform"]'));
  assert.equal(await page.isVisible('[data-document="account-keys-cloudformation"]'), false);
  assert.ok(await page.isChecked('[name="way-cross-account"][value="terraform"]'));
  assert.ok(await page.isVisible('#account-keys-step-4'), 'step 4 is every way\'s');
  await page.fill('[name="aws-account-id"]', '123456789012');
  // Copy a link: feedback on the button, the warning announced, and the choices in the link.
  await page.click('[data-copy-link]');
  await page.waitForFunction(() => document.querySelector('[data-copy-link]').textContent === 'Link copied');
  assert.match(await page.textContent('[data-announce]'), /Anyone you give it to sees them/);
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /#method=account-keys&way=terraform&aws-account-id=123456789012$/);
  const second = await openPage(browser, link);
  assert.ok(await second.page.isChecked('#method-account-keys'));
  assert.ok(await second.page.isVisible('[data-document="account-keys-terraform"]'));
  await second.context.close();
  await context.close();
});

test('code frames: a title bar that covers no code, Copied with the placeholders left, statuses by kind, the Hardened badge', async () => {
  const { page, context } = await openPage(browser, `${origin}/`, { clipboard: true });
  for (const id of ['cross-account-role-arn', 'cross-account-permissions-policy']) {
    const [bar, code] = await Promise.all([page.$eval(`[data-document="${id}"] .frame-head`, (e) => e.getBoundingClientRect().toJSON()),
      page.$eval(`[data-output="${id}"]`, (e) => e.getBoundingClientRect().toJSON())]);
    assert.ok(bar.bottom <= code.top, `${id}: the title bar ends above the code`);
  }
  await page.click('button[data-copy="output-cross-account-trust-policy"]');
  // The label changes once the clipboard has taken the text (asynchronous).
  await page.waitForFunction(() => document.querySelector('button[data-copy="output-cross-account-trust-policy"]').textContent !== 'Copy');
  assert.equal(await page.textContent('button[data-copy="output-cross-account-trust-policy"]'), 'Copied, with 2 placeholders still to fill');
  await typeThreeIds(page);
  await page.click('button[data-copy="output-cross-account-trust-policy"]');
  await page.waitForFunction(() => document.querySelector('button[data-copy="output-cross-account-trust-policy"]').textContent === 'Copied');
  assert.equal(await page.textContent('[data-status-for="cross-account-trust-policy"]'), 'Ready to paste.');
  await fullBuild(page);
  assert.equal(await page.textContent('[data-status-for="cross-account-cloudformation"]'), 'Ready to save and deploy.');
  assert.equal(await page.textContent('[data-status-for="cross-account-aws-cli"]'), 'Ready to run.');
  await page.fill('[name="existing-permissions-policy"]', readFileSync(join(GOLDEN, 'aws/cross-account-permissions-policy.json'), 'utf8')).catch(async () => {
    await reveal(page, '[name="existing-permissions-policy"]');
    await page.fill('[name="existing-permissions-policy"]', readFileSync(join(GOLDEN, 'aws/cross-account-permissions-policy.json'), 'utf8'));
  });
  assert.equal(await page.textContent('[data-status-for="permissions-check"]'), 'Ready to read.');
  // Hardened: a badge on each document the switch changed, none on the others.
  await page.check('[name="way-cross-account"][value="console"]');
  assert.equal(await page.isVisible('[data-document="cross-account-permissions-policy"] .badge-hardened'), false);
  await reveal(page, '[name="hardened"]');
  await page.check('[name="hardened"]');
  assert.ok(await page.isVisible('[data-document="cross-account-permissions-policy"] .badge-hardened'));
  assert.equal(await page.isVisible('[data-document="cross-account-trust-policy"] .badge-hardened'), false);
  await context.close();
});

test('an incomplete value is flagged when the reader leaves it, an impossible one at once; the same account twice is warned of', async () => {
  const { page, context } = await openPage(browser, `${origin}/`);
  const field = page.locator('[name="aws-account-id"]');
  await field.pressSequentially('1234', { delay: 0 });
  assert.equal(await field.getAttribute('aria-invalid'), null, 'not while it is typed');
  await field.pressSequentially('x', { delay: 0 });
  assert.equal(await field.getAttribute('aria-invalid'), 'true', 'a letter can never become valid');
  await page.fill('[name="aws-account-id"]', '1234');
  assert.equal(await field.getAttribute('aria-invalid'), null);
  await page.focus('[name="external-id"]');
  assert.equal(await field.getAttribute('aria-invalid'), 'true', 'flagged on leaving it');
  assert.match(await page.textContent('#error-aws-account-id'), /12 digits; this has 4/);
  assert.equal(await page.isVisible('[data-same-account]'), false);
  await page.fill('[name="aws-account-id"]', '210987654321');
  await page.fill('[name="shippable-aws-account-id"]', '2109-8765-4321');
  assert.ok(await page.isVisible('[data-same-account]'));
  await context.close();
});

test('docs-site basics: sticky header, theme, On this page with scroll-spy, pager, developers\' page out of the navigation', async () => {
  const { page, context } = await openPage(browser, `${origin}/`);
  assert.equal(await page.$('.sidebar a[href="embedding.html"]'), null, 'not in the reader\'s navigation');
  assert.ok(await page.isVisible('.site-footer a[href="embedding.html"]'));
  assert.ok(await page.$('.pager .back-to-top[href="#top"]'));
  assert.match(await page.textContent('.pager a[rel="next"]'), /Embedding the guide \(for Shippable’s developers\)/);
  assert.ok(await page.isVisible('.toc a[href="#cross-account-step-1"]'), 'open beside the page on a wide screen');
  await page.locator('#cross-account-step-3').scrollIntoViewIfNeeded();
  await page.evaluate(() => document.getElementById('cross-account-step-3').scrollIntoView());
  await page.waitForFunction(() => document.querySelector('.toc a[aria-current]')?.getAttribute('href') === '#cross-account-step-3');
  const header = await page.$eval('.site-header', (e) => e.getBoundingClientRect().top);
  assert.equal(header, 0, 'the header stays at the top');
  // Theme: dark, remembered (only the theme: typed values never are).
  await page.click('.theme-switch label:has([value="dark"])');
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme), 'dark');
  assert.equal(await page.evaluate(() => localStorage.getItem('theme')), 'dark');
  await page.reload();
  await page.waitForSelector('html.js-ready');
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme), 'dark');
  await page.goto(`${origin}/embedding.html`);
  await page.waitForSelector('html.js-ready');
  // Measured once shown: the element is empty until its core is in.
  await page.waitForFunction(() => document.querySelector('main ecs-integration-guide')?.guide);
  const embedHeight = await page.$eval('main ecs-integration-guide', (e) => e.getBoundingClientRect().height);
  assert.ok(embedHeight <= 700, `the live instance is ${embedHeight} px tall`);
  assert.ok(await page.$('.site-footer a[href="index.html"]'));
  assert.equal(await page.getAttribute('.pager a[rel="prev"]', 'href'), 'index.html');
  await context.close();
});

test('the drawing of Shippable\'s form: labels, fields, Save, and the ARN once', async () => {
  const { page, context } = await openPage(browser, `${origin}/`);
  await typeThreeIds(page);
  const drawing = page.locator('section[data-method="cross-account"] .integration-form');
  assert.deepEqual(await drawing.locator('.mock-label').allTextContents(), ['Integration type', 'Integration Name', 'Role ARN']);
  assert.equal(await drawing.locator('.mock-button').textContent(), 'Save');
  const text = await drawing.textContent();
  assert.equal(text.split('arn:aws:iam::123456789012:role/').length - 1, 1);
  await context.close();
});

test('the guide as first written: collapsed under each console step, opened by a click, with JavaScript off too; no comment in the page', async () => {
  for (const javaScriptEnabled of [true, false]) {
    const { page, context } = await openPage(browser, `${origin}/`, { javaScriptEnabled });
    const blocks = page.locator('details.original');
    assert.equal(await blocks.count(), 6, `javaScriptEnabled: ${javaScriptEnabled}`);
    assert.deepEqual(await blocks.evaluateAll((all) => all.map((d) => d.open)), [false, false, false, false, false, false]);
    const first = blocks.first();
    assert.equal(await first.locator('summary').innerText(), 'As the guide was first written');
    assert.equal(await first.locator('.original-text').isVisible(), false);
    await first.locator('summary').click();
    assert.equal(await first.evaluate((d) => d.open), true);
    assert.ok(await first.locator('.original-text').isVisible());
    // The guide's words and placeholders, as it wrote them.
    const text = await first.locator('.original-text').innerText();
    assert.match(text, /Click Create New Role and enter the following:/);
    assert.match(text, /Account Id: <12 digit AWS account id>/);
    // Today's steps are shown, not collapsed (with JavaScript, one method at a time).
    assert.ok(await page.locator('strong', { hasText: /^Require external ID$/ }).first().isVisible());
    if (javaScriptEnabled) await page.check('#method-account-keys');
    assert.ok(await page.locator('strong', { hasText: /^Create access key$/ }).first().isVisible());
    // The sources written in content/ for reviewers never reach the page.
    const comments = await page.evaluate(() => {
      const walker = document.createTreeWalker(document, NodeFilter.SHOW_COMMENT);
      let n = 0;
      while (walker.nextNode()) n += 1;
      return n;
    });
    assert.equal(comments, 0);
    assert.ok(!(await page.content()).includes('docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user'));
    // Without JavaScript the console links are the aws console's.
    const hrefs = await page.$$eval('a[data-console]', (all) => all.map((a) => a.href));
    assert.ok(hrefs.length >= 4);
    assert.deepEqual([...new Set(hrefs)], ['https://console.aws.amazon.com/iam/']);
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

test('values from a link are marked as such, and the documents that trust them wait for the reader to confirm (issue 12)', async () => {
  const expected = golden('custom-names');
  const fragment = new URLSearchParams({
    'aws-account-id': expected.inputs['aws-account-id'],
    'shippable-aws-account-id': expected.inputs['shippable-aws-account-id'],
    'external-id': expected.inputs['external-id'],
  });
  const { page, context, errors } = await openPage(browser, `${origin}/#${fragment}`);
  const notice = page.locator('[data-link-notice]');
  assert.equal(await notice.getAttribute('role'), 'alert');
  assert.ok(await notice.isVisible());
  const text = await notice.textContent();
  assert.match(text, /^These values came from a link: check them before you use them, Shippable's AWS account ID above all/);
  assert.ok(text.includes(`Shippable's AWS account ID: ${expected.inputs['shippable-aws-account-id']}`), text);
  assert.ok(text.includes(`External ID: ${expected.inputs['external-id']}`), text);
  await fullBuild(page);
  // (The merged trust policy waits for a paste: it is not ready either way.)
  const held = ['cross-account-trust-statement', 'cross-account-trust-policy',
    'cross-account-aws-cli', 'cross-account-cloudformation', 'cross-account-terraform', 'cross-account-verification'];
  const state = () => page.evaluate((ids) => Object.fromEntries(ids.map((id) => [id, {
    complete: document.querySelector(`[data-output="${id}"]`).dataset.complete,
    status: document.querySelector(`[data-status-for="${id}"]`).textContent,
  }])), OUTPUT_IDS);
  let shown = await state();
  for (const id of held) {
    assert.equal(shown[id].complete, 'false', id);
    assert.match(shown[id].status, /^Not ready: Shippable's account ID or the external ID came from a link\./, id);
  }
  // What does not trust them is ready; the held documents already show the values, unconfirmed.
  assert.equal(shown['cross-account-role-arn'].complete, 'true');
  assert.equal(shown['cross-account-permissions-policy'].complete, 'true');
  assert.equal(await page.textContent('[data-output="cross-account-trust-policy"]'), expected.outputs['cross-account-trust-policy']);
  // Typing keeps them held until the reader confirms.
  await reveal(page, '[name="role-name"]');
  await page.fill('[name="role-name"]', expected.inputs['role-name']);
  assert.equal(await page.getAttribute('[data-output="cross-account-aws-cli"]', 'data-complete'), 'false');
  await page.click('[data-confirm-link]');
  assert.equal(await notice.count(), 0);
  shown = await state();
  for (const id of held) {
    assert.equal(shown[id].complete, 'true', id);
    assert.match(shown[id].status, /^Ready to (paste|run|save and deploy)\./, id);
  }
  assert.match(await page.textContent('[data-announce]'), /Values confirmed/);
  assert.deepEqual(errors, []);
  await context.close();
  // Without a link: no notice, nothing held.
  const plain = await openPage(browser, `${origin}/`);
  assert.equal(await plain.page.locator('[data-link-notice]').count(), 0);
  await plain.context.close();
});

test('a paste beyond the size or nesting limit is a clear error on its field, and the page stays live (issue 12)', async () => {
  const { page, context, errors } = await openPage(browser, `${origin}/`);
  const huge = `{"Statement": [${Array(500).fill(`${'['.repeat(100)}${']'.repeat(100)}`).join(',')}]}`;
  await reveal(page, '[name="existing-trust-policy"]');
  await page.fill('[name="existing-trust-policy"]', huge);
  await page.waitForSelector('html.full-ready', { state: 'attached' });
  await page.waitForFunction(() => /at most 65,536 characters/.test(document.querySelector('[data-error-for="existing-trust-policy"]').textContent));
  assert.equal(await page.textContent('[data-error-for="existing-trust-policy"]'),
    `Current trust relationship: a pasted policy may be at most 65,536 characters (IAM’s largest policy quota is 10,240); this has ${huge.length.toLocaleString('en-US')}.`);
  assert.equal(await page.getAttribute('[name="existing-trust-policy"]', 'aria-invalid'), 'true');
  assert.equal(await page.getAttribute('[data-output="merged-trust-policy"]', 'data-complete'), 'false');
  await page.fill('[name="existing-trust-policy"]', `{"Statement": [${'['.repeat(100)}${']'.repeat(100)}]}`);
  assert.match(await page.textContent('[data-error-for="existing-trust-policy"]'), /^Current trust relationship: a pasted policy may nest arrays and objects at most 16 deep/);
  await page.fill('[name="aws-account-id"]', '123456789012');
  assert.equal(await page.textContent('[data-output="cross-account-role-arn"]'), 'arn:aws:iam::123456789012:role/shippable-role-to-allow-ecs-access');
  assert.deepEqual(errors, []);
  await context.close();
});

test('axe-core finds no violations with every original wording open, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const context = await browser.newContext({ bypassCSP: true, colorScheme });
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.waitForSelector('html.js-ready');
    await page.addScriptTag({ path: AXE });
    // Every block open (a click opens one: the test above), then each method's, as one shows at a time.
    await page.$$eval('details.original', (all) => { for (const d of all) d.open = true; });
    for (const method of ['cross-account', 'account-keys']) {
      await page.check(`#method-${method}`);
      const result = await page.evaluate(() => window.axe.run(document.querySelectorAll('details.original[open]'),
        { resultTypes: ['violations'] }));
      const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      assert.deepEqual(summary, [], `${colorScheme}, ${method}: ${summary.join('\n')}`);
    }
    await context.close();
  }
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
