// The built site in real headless Chromium: with JavaScript off, by keyboard, axe-core light and
// dark, and the guide as first written under each console step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from './harness.mjs';
import { OUTPUT_IDS } from '../../www/generated/facts.js';
import { browser, origin, useSite, AXE, KEYS, golden, outputsOnPage } from './site-helpers.mjs';

useSite();

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
