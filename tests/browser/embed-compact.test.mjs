// <ecs-integration-guide compact> in headless Chromium (issue 21): the layout for a settings page.
// The role ARN and the next action first, then the values, then the chosen method's steps as their
// headings and documents; under 1,500 px tall at 1280×900 with the three values given.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useHost, open, inGuide } from './embed-helpers.mjs';

useHost();

const ARN = 'arn:aws:iam::123456789012:role/shippable-role-to-allow-ecs-access';

/** The demo settings page, its guide given the three values; `compact` on or off. */
async function settings(compact) {
  const opened = await open('/embed/demo.html');
  await opened.page.setViewportSize({ width: 1280, height: 900 });
  await opened.page.evaluate(async (compact) => {
    await (await import('/embed/ecs-integration-guide.js')).ready;
    const e = document.querySelector('ecs-integration-guide');
    e.id = 'made';
    e.compact = compact;
    e.setAttribute('aws-account-id', '123456789012');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }, compact);
  return opened;
}

/** Where each part is (top, in px) and whether it shows. */
const layout = (page) => page.$eval('#made', (e) => {
  const root = e.shadowRoot;
  const top = (el) => (el && el.checkVisibility() ? Math.round(el.getBoundingClientRect().top - e.getBoundingClientRect().top) : null);
  const arn = root.querySelector('[data-output="cross-account-role-arn"]');
  return {
    height: e.getBoundingClientRect().height,
    arn: top(arn),
    arnText: arn.textContent,
    next: top(root.querySelector('.next-action')),
    values: top(root.getElementById('your-values')),
    steps: ['1', '2', '3'].map((n) => top(root.getElementById(`cross-account-step-${n}`))),
    documents: ['cross-account-permissions-policy', 'cross-account-trust-statement', 'cross-account-trust-policy']
      .map((id) => top(root.querySelector(`figure[data-document="${id}"]`))),
    prose: [...root.querySelectorAll('section[data-method="cross-account"] .way-panel > ul, section[data-method="cross-account"] aside')]
      .filter((el) => el.checkVisibility()).length,
    asCode: top(root.getElementById('cross-account-as-code')),
    otherMethod: top(root.getElementById('account-keys')),
    arnIn: arn.closest('.next-action') ? 'next-action' : arn.closest('li') ? 'step 4' : 'elsewhere',
  };
});

test('compact: the role ARN and the next action first, the steps as headings and documents, under 1,500 px (issue 21)', async () => {
  const { page, context, errors } = await settings(true);
  const seen = await layout(page);
  assert.ok(seen.height < 1500, `compact guide ${seen.height}px tall`);
  assert.equal(seen.arnText, ARN);
  assert.equal(seen.arnIn, 'next-action');
  assert.ok(seen.next === Math.min(seen.next, seen.arn, seen.values, ...seen.steps) && seen.arn < seen.values, JSON.stringify(seen));
  assert.ok(seen.values < seen.steps[0] && seen.steps[0] < seen.steps[1] && seen.steps[1] < seen.documents[0]
    && seen.documents[0] < seen.steps[2] && seen.steps[2] < seen.documents[1] && seen.documents[1] < seen.documents[2], JSON.stringify(seen));
  assert.deepEqual([seen.prose, seen.asCode, seen.otherMethod], [0, null, null]);
  assert.equal(await inGuide(page, 'made', '.next-action > p').textContent(),
    'Next: set up the role with the steps below, then save: this role ARN goes with this form.');
  // The host's own next action, in the slot.
  await page.$eval('#made', (e) => e.insertAdjacentHTML('beforeend', '<span slot="next-action">Then press Save, on the left.</span>'));
  assert.equal(await page.$eval('#made', (e) => e.shadowRoot.querySelector('slot[name="next-action"]').assignedNodes()[0]?.textContent),
    'Then press Save, on the left.');
  // The copy button of the moved document still copies it.
  await inGuide(page, 'made', '.next-action button.copy').click();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), ARN);
  // Off again: the full guide, the role ARN back in step 4.
  await page.$eval('#made', (e) => { e.compact = false; });
  const full = await layout(page);
  assert.deepEqual([full.arnIn, full.prose > 0, full.asCode !== null, full.next], ['step 4', true, true, null]);
  assert.ok(full.height > 3000, `full guide ${full.height}px tall`);
  assert.deepEqual(errors, []);
  await context.close();
});
