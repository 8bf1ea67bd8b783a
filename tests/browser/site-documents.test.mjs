// The built site (dist/) in real headless Chromium: the live documents as a reader types, each
// value's error on its field, the merge and the check, findings, and clearing the values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPage } from './harness.mjs';
import { OUTPUT_IDS } from '../../www/generated/facts.js';
import { browser, origin, useSite, GOLDEN, KEYS, golden, reveal, typeInputs, fullBuild, outputsOnPage } from './site-helpers.mjs';

useSite();

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
