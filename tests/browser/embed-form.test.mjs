// <ecs-integration-guide> as a form control, per the HTML rules of a native input (issue 21):
// `required`, `disabled` and `name` observed, each change taking effect at once on validity and the
// form value; form reset back to the host's values at once; the browser's form restore.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useHost, open, inGuide } from './embed-helpers.mjs';

useHost();

const ARN = 'arn:aws:iam::123456789012:role/shippable-role-to-allow-ecs-access';

/** The blank host with a form holding one element with Shippable's values and `attributes`, its core ready and its first state in. */
async function inForm(attributes) {
  const opened = await open('/host/blank.html');
  await opened.page.evaluate(async (attributes) => {
    await (await import('/embed/ecs-integration-guide.js')).ready;
    const form = document.createElement('form');
    form.id = 'f';
    const e = document.createElement('ecs-integration-guide');
    e.id = 'made';
    for (const [name, value] of Object.entries({ 'shippable-aws-account-id': '210987654321', 'external-id': '57b3a1c2d4e5f60718293a4b', ...attributes })) {
      e.setAttribute(name, value);
    }
    form.append(e);
    document.body.append(form);
    await new Promise((resolve) => e.addEventListener('guide-change', resolve, { once: true }));
  }, attributes);
  return opened;
}

/** What a form sees of the element, read in the same task as `change` (a function run in the page). */
const seenAfter = (page, change) => page.evaluate((change) => {
  const e = document.getElementById('made');
  (0, eval)(`(${change})`)(e);
  const data = new FormData(document.getElementById('f'));
  return { valid: e.validity.valid, missing: e.validity.valueMissing, message: e.validationMessage, willValidate: e.willValidate,
    data: [...data.entries()].map(([k, v]) => `${k}=${v}`), value: e.value };
}, change.toString());

test('required: adding or removing it changes validity at once, attribute or property', async () => {
  const { page, context } = await inForm({ name: 'role-arn', method: 'cross-account' });
  const needs = 'The guide needs: Your AWS account ID.';
  assert.deepEqual(await seenAfter(page, (e) => e.setAttribute('required', '')),
    { valid: false, missing: true, message: needs, willValidate: true, data: [], value: '' });
  assert.equal(await page.$eval('#f', (f) => f.checkValidity()), false);
  assert.deepEqual(await seenAfter(page, (e) => e.removeAttribute('required')),
    { valid: true, missing: false, message: '', willValidate: true, data: [], value: '' });
  assert.deepEqual(await seenAfter(page, (e) => { e.required = true; }),
    { valid: false, missing: true, message: needs, willValidate: true, data: [], value: '' });
  assert.equal(await page.$eval('#made', (e) => [e.required, e.getAttribute('required')].join()), 'true,');
  // Complete: valid with or without it, and the role ARN is the form value.
  assert.deepEqual(await seenAfter(page, (e) => e.setAttribute('aws-account-id', '123456789012')),
    { valid: true, missing: false, message: '', willValidate: true, data: [`role-arn=${ARN}`], value: ARN });
  assert.deepEqual(await seenAfter(page, (e) => { e.required = false; e.removeAttribute('aws-account-id'); }),
    { valid: true, missing: false, message: '', willValidate: true, data: [], value: '' });
  await context.close();
});

test('disabled and name: barred from validation and the form data at once, as a native input', async () => {
  const { page, context } = await inForm({ name: 'role-arn', method: 'cross-account', required: '', 'aws-account-id': '123456789012' });
  assert.deepEqual(await seenAfter(page, (e) => { e.disabled = true; }),
    { valid: true, missing: false, message: '', willValidate: false, data: [], value: ARN });
  assert.deepEqual(await page.$eval('#made', (e) => [e.disabled, e.getAttribute('disabled'), e.matches(':disabled'),
    e.shadowRoot.querySelector('[name="role-name"]').matches(':disabled')]), [true, '', true, true]);
  assert.deepEqual(await seenAfter(page, (e) => e.removeAttribute('disabled')),
    { valid: true, missing: false, message: '', willValidate: true, data: [`role-arn=${ARN}`], value: ARN });
  assert.equal(await inGuide(page, 'made', '[name="role-name"]').isDisabled(), false);
  assert.deepEqual(await seenAfter(page, (e) => { e.name = 'arn'; }),
    { valid: true, missing: false, message: '', willValidate: true, data: [`arn=${ARN}`], value: ARN });
  assert.deepEqual(await seenAfter(page, (e) => e.removeAttribute('name')),
    { valid: true, missing: false, message: '', willValidate: true, data: [], value: ARN });
  await context.close();
});

test('form reset: back to the host\'s values at once (value, validity, form data), as a native input', async () => {
  const { page, context } = await inForm({ name: 'role-arn', method: 'cross-account', required: '', 'role-name': 'host-role' });
  await inGuide(page, 'made', '[name="aws-account-id"]').fill('123456789012');
  await inGuide(page, 'made', '[name="role-name"]').fill('typed-role');
  assert.equal(await page.$eval('#made', (e) => e.value), 'arn:aws:iam::123456789012:role/typed-role');
  assert.deepEqual(await seenAfter(page, () => document.getElementById('f').reset()),
    { valid: false, missing: true, message: 'The guide needs: Your AWS account ID.', willValidate: true, data: [], value: '' });
  assert.equal(await inGuide(page, 'made', '[name="role-name"]').inputValue(), 'host-role');
  assert.equal(await inGuide(page, 'made', '[name="aws-account-id"]').inputValue(), '');
  await context.close();
});

test('form restore: the browser brings the reader\'s values back; the host\'s locked values stay the host\'s', async () => {
  const { page, context } = await inForm({ name: 'role-arn', method: 'cross-account', 'external-id': 'host-external-id', locked: 'external-id' });
  const restored = await page.evaluate(() => {
    const e = document.getElementById('made');
    // What the browser hands back: the state the element gave with its form value.
    e.formStateRestoreCallback(JSON.stringify({ 'aws-account-id': '123456789012', 'role-name': 'restored-role', 'external-id': 'stale-id' }), 'restore');
    const field = (name) => e.shadowRoot.querySelector(`[name="${name}"]`).value;
    return { value: e.value, form: new FormData(document.getElementById('f')).get('role-arn'), role: field('role-name'), external: field('external-id') };
  });
  const arn = 'arn:aws:iam::123456789012:role/restored-role';
  assert.deepEqual(restored, { value: arn, form: arn, role: 'restored-role', external: 'host-external-id' });
  await context.close();
});
