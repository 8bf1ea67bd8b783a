// The built site in real headless Chromium: values from a link (issues 12 and 19). They are marked
// as such, and the documents made with Shippable's AWS account ID or the external ID are held until
// the reader confirms them or types their own: held in their status, the readiness line, Copy and
// Download, through the full build's arrival and an engine restart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openPage, breakFirstFullBuild } from './harness.mjs';
import { OUTPUT_IDS } from '../../www/generated/facts.js';
import { browser, origin, useSite, golden, reveal, fullBuild, outputsOnPage } from './site-helpers.mjs';

useSite();

/** The documents made with Shippable's AWS account ID or the external ID: every one the link holds. */
const HELD = ['cross-account-trust-policy', 'merged-trust-policy', 'cross-account-aws-cli',
  'cross-account-cloudformation', 'cross-account-terraform', 'cross-account-verification'];
const HELD_STATUS = 'Not ready: Shippable\'s AWS account ID or the external ID came from a link. Check them at the top of “Your values” and confirm them.';
const READINESS_HELD = '3 of 3 values set, but Shippable\'s AWS account ID or the external ID came from a link: the trust policy and the scripts and templates made with it wait until you check those values at the top of “Your values” and confirm them.';
const READINESS_READY = '3 of 3 values set: every document is ready.';
const CONFIRM = 'I checked them: use these values';

/** The page opened from a link bringing the three IDs of golden case `name`. */
async function openLink(name, options = {}) {
  const { inputs } = golden(name);
  const fragment = new URLSearchParams(Object.fromEntries(['aws-account-id', 'shippable-aws-account-id', 'external-id']
    .map((key) => [key, inputs[key]])));
  return openPage(browser, `${origin}/#${fragment}`, options);
}

/** Each output's data-complete and status as shown. */
const statesOf = (page) => page.evaluate((ids) => Object.fromEntries(ids.map((id) => [id, {
  complete: document.querySelector(`[data-output="${id}"]`).dataset.complete,
  status: document.querySelector(`[data-status-for="${id}"]`).textContent,
}])), OUTPUT_IDS);

/**
 * Asserts that exactly the documents of HELD are held, each not ready and saying why; those of
 * `waiting` (held too) wait for something else first, and say what (the merge: a paste).
 */
async function assertHeld(page, when, waiting = []) {
  const states = await statesOf(page);
  for (const id of OUTPUT_IDS) {
    if (waiting.includes(id)) {
      assert.equal(states[id].complete, 'false', `${id} ${when}`);
      assert.equal(states[id].status, 'Waiting for a policy pasted above.', `${id} ${when}`);
    } else if (HELD.includes(id)) {
      assert.deepEqual(states[id], { complete: 'false', status: HELD_STATUS }, `${id} ${when}`);
    } else {
      assert.notEqual(states[id].status, HELD_STATUS, `${id} ${when}`);
    }
  }
  assert.equal(await page.textContent('[data-readiness]'), READINESS_HELD, when);
}

/** Pastes the case's trust relationship and permissions policy (the merge and the check made). */
async function paste(page, inputs) {
  for (const key of ['existing-trust-policy', 'existing-permissions-policy']) {
    await reveal(page, `[name="${key}"]`);
    await page.fill(`[name="${key}"]`, inputs[key]);
  }
  await page.waitForSelector('html.full-ready', { state: 'attached' });
}

test('values from a link are marked, and exactly the documents made with Shippable\'s account ID or the external ID wait for the reader to confirm (issues 12, 19)', async () => {
  const expected = golden('merge-and-check');
  const { page, context, errors } = await openLink('merge-and-check');
  const notice = page.locator('[data-link-notice]');
  assert.equal(await notice.getAttribute('role'), 'alert');
  assert.ok(await notice.isVisible());
  const text = await notice.textContent();
  assert.equal(text, 'These values came from a link: check them before you use them, Shippable\'s AWS account ID above all: '
    + 'compare it with your Shippable settings (Integrations, AWS).'
    + `Your AWS account ID: ${expected.inputs['aws-account-id']}`
    + `Shippable's AWS account ID: ${expected.inputs['shippable-aws-account-id']}`
    + `External ID: ${expected.inputs['external-id']}${CONFIRM}`);
  await paste(page, expected.inputs);
  await assertHeld(page, 'with the full build');
  // What is not made with them is as the golden has it; the statement to add trusts no account.
  const shown = await outputsOnPage(page);
  for (const id of OUTPUT_IDS.filter((id) => !HELD.includes(id))) assert.equal(shown[id].complete, String(expected.complete[id]), id);
  assert.equal((await statesOf(page))['cross-account-trust-statement'].status, 'Ready to paste.');
  // The held documents already show the values, unconfirmed.
  for (const id of OUTPUT_IDS) assert.equal(shown[id].text, expected.outputs[id], id);
  // Typing a value the link did not bring keeps them held.
  await reveal(page, '[name="role-name"]');
  await page.fill('[name="role-name"]', 'another-role');
  await page.fill('[name="role-name"]', '');
  await assertHeld(page, 'after typing a role name');
  await page.click('[data-confirm-link]');
  assert.equal(await notice.count(), 0);
  const after = await outputsOnPage(page);
  const states = await statesOf(page);
  for (const id of OUTPUT_IDS) {
    assert.equal(after[id].text, expected.outputs[id], id);
    assert.equal(after[id].complete, String(expected.complete[id]), id);
    assert.notEqual(states[id].status, HELD_STATUS, id);
  }
  assert.equal(await page.textContent('[data-readiness]'), READINESS_READY);
  assert.equal(await page.textContent('[data-announce]'), 'Values confirmed: the documents that trust them are ready.');
  assert.deepEqual(errors, []);
  await context.close();
  // Without a link: no notice, nothing held.
  const plain = await openPage(browser, `${origin}/`);
  assert.equal(await plain.page.locator('[data-link-notice]').count(), 0);
  await plain.context.close();
});

test('while values from a link are held, the readiness line says so, which documents, and what to do (issue 19)', async () => {
  const { page, context, errors } = await openLink('custom-names');
  assert.equal(await page.textContent('[data-readiness]'), READINESS_HELD);
  assert.equal(await page.getAttribute('[data-readiness]', 'data-complete'), 'false');
  await page.click('[data-confirm-link]');
  assert.equal(await page.textContent('[data-readiness]'), READINESS_READY);
  assert.equal(await page.getAttribute('[data-readiness]', 'data-complete'), 'true');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Copy on a held document asks for confirmation first, and says so to a screen reader (issue 19)', async () => {
  const expected = golden('custom-names');
  const { page, context, errors } = await openLink('custom-names', { clipboard: true });
  await page.evaluate(() => navigator.clipboard.writeText('before'));
  const copy = 'button[data-copy="output-cross-account-trust-policy"]';
  await page.click(copy);
  await page.waitForFunction((s) => document.querySelector(s).textContent !== 'Copy', copy);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'before', 'nothing copied');
  assert.equal(await page.textContent(copy), 'Confirm first');
  assert.equal(await page.textContent('[data-announce]'), 'Not copied: the Complete trust policy is made with values from a link that you have not confirmed. '
    + `Focus is now on “${CONFIRM}”: check the values listed above it, then press it.`);
  // Focus is on the confirmation, which a screen reader reads with the values it confirms.
  const focused = await page.evaluate(() => {
    const el = document.activeElement;
    const description = (el.getAttribute('aria-describedby') || '').split(' ').map((id) => document.getElementById(id)?.textContent).join(' ');
    return { confirm: el.matches('[data-confirm-link]'), description };
  });
  assert.ok(focused.confirm);
  assert.ok(focused.description.includes(`Shippable's AWS account ID: ${expected.inputs['shippable-aws-account-id']}`), focused.description);
  assert.ok(focused.description.includes(`External ID: ${expected.inputs['external-id']}`), focused.description);
  await page.keyboard.press('Enter');
  // Back where the reader was, and told so; the next Copy copies the document, now ready.
  assert.ok(await page.evaluate((s) => document.activeElement === document.querySelector(s), copy));
  assert.equal(await page.textContent(copy), 'Copy');
  assert.equal(await page.textContent('[data-announce]'), 'Values confirmed: the documents that trust them are ready. Focus is back on Copy for the Complete trust policy.');
  await page.keyboard.press('Enter');
  await page.waitForFunction((s) => document.querySelector(s).textContent === 'Copied', copy);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected.outputs['cross-account-trust-policy']);
  assert.equal(await page.textContent('[data-announce]'), 'Copied the Complete trust policy.');
  // A document not made with the link's trust values copies at once, even while others are held.
  const other = await openLink('custom-names', { clipboard: true });
  await other.page.click('button[data-copy="output-cross-account-permissions-policy"]');
  await other.page.waitForFunction(() => document.querySelector('button[data-copy="output-cross-account-permissions-policy"]').textContent === 'Copied');
  assert.equal(await other.page.evaluate(() => navigator.clipboard.readText()), expected.outputs['cross-account-permissions-policy']);
  await other.context.close();
  assert.deepEqual(errors, []);
  await context.close();
});

test('Download on a held document asks for confirmation first, as Copy does (issue 19)', async () => {
  const expected = golden('aws');
  const { page, context, errors } = await openLink('aws');
  await fullBuild(page);
  const downloads = [];
  page.on('download', (d) => downloads.push(d));
  const button = '[data-download="output-cross-account-cloudformation"]';
  await reveal(page, button);
  await page.click(button);
  await page.waitForFunction((s) => document.querySelector(s).textContent !== 'Download', button);
  await page.waitForTimeout(300);
  assert.equal(downloads.length, 0, 'nothing downloaded');
  assert.equal(await page.textContent(button), 'Confirm first');
  assert.equal(await page.textContent('[data-announce]'), 'Not downloaded: the CloudFormation template is made with values from a link that you have not confirmed. '
    + `Focus is now on “${CONFIRM}”: check the values listed above it, then press it.`);
  assert.ok(await page.evaluate(() => document.activeElement.matches('[data-confirm-link]')));
  await page.keyboard.press('Enter');
  assert.ok(await page.evaluate((s) => document.activeElement === document.querySelector(s), button));
  assert.equal(await page.textContent('[data-announce]'), 'Values confirmed: the documents that trust them are ready. Focus is back on Download for the CloudFormation template.');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.equal(readFileSync(await download.path(), 'utf8'), `${expected.outputs['cross-account-cloudformation']}\n`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the hold survives the full build\'s arrival, other values typed, and an engine restart (issue 19)', async () => {
  const expected = golden('aws');
  const context = await browser.newContext();
  const page = await context.newPage();
  await breakFirstFullBuild(page, '/pkg/ecs_guide_full.js');
  const fragment = new URLSearchParams(expected.inputs);
  await page.goto(`${origin}/#${fragment}`);
  await page.waitForSelector('html.js-ready');
  // The small build makes one of them; the others fill in with the full build.
  assert.deepEqual((await statesOf(page))['cross-account-trust-policy'], { complete: 'false', status: HELD_STATUS });
  assert.equal(await page.textContent('[data-readiness]'), READINESS_HELD);
  await fullBuild(page);
  await assertHeld(page, 'with the full build', ['merged-trust-policy']);
  await reveal(page, '[name="role-name"]');
  await page.fill('[name="role-name"]', 'another-role');
  await assertHeld(page, 'after typing a role name', ['merged-trust-policy']);
  // The engine fails (a trap), then the next change restarts it: a fresh instance of the full build.
  await page.fill('[name="role-name"]', 'trap-now');
  const failed = 'Not ready: the generator failed (unreachable). Change a value to restart it.';
  assert.equal(await page.textContent('[data-status-for="cross-account-aws-cli"]'), failed);
  await page.fill('[name="role-name"]', '');
  await page.waitForFunction((s) => document.querySelector('[data-status-for="cross-account-aws-cli"]').textContent !== s, failed);
  await assertHeld(page, 'after the restart', ['merged-trust-policy']);
  const shown = await outputsOnPage(page);
  for (const id of OUTPUT_IDS) assert.equal(shown[id].text, expected.outputs[id], id);
  // Only the reader's confirmation lifts it.
  await page.click('[data-confirm-link]');
  const states = await statesOf(page);
  for (const id of OUTPUT_IDS) assert.equal(states[id].complete, String(expected.complete[id]), id);
  assert.equal(await page.textContent('[data-readiness]'), READINESS_READY);
  await context.close();
});

test('the reader\'s own Shippable account ID and external ID lift the hold: each value, once edited, is theirs (issue 19)', async () => {
  const { page, context, errors } = await openLink('custom-names');
  const items = () => page.$$eval('[data-link-notice] li', (all) => all.map((li) => li.textContent));
  await page.fill('[name="shippable-aws-account-id"]', '111122223333');
  // The external ID still is the link's: still held.
  assert.deepEqual(await statesOf(page).then((s) => s['cross-account-trust-policy']), { complete: 'false', status: HELD_STATUS });
  assert.equal(await page.textContent('[data-readiness]'), READINESS_HELD);
  assert.deepEqual(await items(), ['Your AWS account ID: 000000000042', 'External ID: team+ecs=prod,eu.west@shippable:acct/01_x-y']);
  await page.fill('[name="external-id"]', 'my-own-external-id');
  assert.deepEqual(await statesOf(page).then((s) => s['cross-account-trust-policy']), { complete: 'true', status: 'Ready to paste.' });
  assert.equal(await page.textContent('[data-readiness]'), READINESS_READY);
  assert.equal(await page.textContent('[data-announce]'), 'The values from the link are replaced by yours: no document waits for confirmation.');
  assert.deepEqual(await items(), ['Your AWS account ID: 000000000042']);
  // The reader's own value stays theirs, even typed back as the link had it.
  await page.fill('[name="external-id"]', golden('custom-names').inputs['external-id']);
  assert.equal(await page.getAttribute('[data-output="cross-account-trust-policy"]', 'data-complete'), 'true');
  assert.deepEqual(errors, []);
  await context.close();
});
