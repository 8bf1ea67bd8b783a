// The built site in real headless Chromium: the method choice and its way tabs, and the code
// frames: copy buttons, downloads, title bars, statuses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPage } from './harness.mjs';
import { OUTPUT_IDS } from '../../www/generated/facts.js';
import { browser, origin, useSite, GOLDEN, golden, reveal, typeInputs, fullBuild, typeThreeIds } from './site-helpers.mjs';

useSite();

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
