// <ecs-integration-guide> in real headless Chromium: its attributes and properties, theming by
// --ecs-guide-* properties, and taking part in the host's form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useHost, open, inGuide, outputText, ready, createOn, hostErrors } from './embed-helpers.mjs';

useHost();

test('unknown attribute values are visible errors; partitions are case-insensitive like AWS (issue 12, item 7)', async () => {
  const { page, context } = await open('/host/blank.html');
  await createOn(page, { 'aws-account-id': '123456789012', partition: 'mars', method: 'cross-acount', locked: 'external-id nonsense' });
  assert.deepEqual(await hostErrors(page), [
    'The attribute method="cross-acount" is not a method: use cross-account or account-keys, or leave it out for both. Both are shown; no document is ready until it is fixed.',
    'The attribute locked names "nonsense", not an input key: use aws-account-id, shippable-aws-account-id, external-id, role-name, policy-name, user-name, user-policy-name, partition, hardened. No document is ready until it is fixed.',
    'The attribute partition="mars" is not a partition: use one of aws, aws-cn, aws-us-gov. No document is ready until it is fixed.',
  ]);
  assert.equal(await inGuide(page, 'made', '.host-errors').getAttribute('role'), 'alert');
  await page.$eval('#made', (e) => { e.partition = 'AWS-CN'; e.method = 'cross-account'; e.locked = 'external-id'; });
  assert.deepEqual(await hostErrors(page), []);
  assert.equal(await inGuide(page, 'made', '[name="partition"]').inputValue(), 'aws-cn');
  assert.equal(await outputText(page, 'made', 'cross-account-role-arn'), 'arn:aws-cn:iam::123456789012:role/shippable-role-to-allow-ecs-access');
  await context.close();
});

test('an invalid attribute makes it incomplete until fixed: no document ready, invalid with the attribute\'s message (issue 21)', async () => {
  const { page, context } = await open('/host/blank.html');
  await page.evaluate(() => { document.body.innerHTML = '<form id="f"></form>'; });
  await createOn(page, { name: 'role-arn', method: 'cross-account', 'aws-account-id': '123456789012',
    'shippable-aws-account-id': '210987654321', 'external-id': '57b3a1c2d4e5f60718293a4b' });
  await page.evaluate(() => document.getElementById('f').append(document.getElementById('made')));
  const arn = 'arn:aws:iam::123456789012:role/shippable-role-to-allow-ecs-access';
  /** Everything a host sees, read in the task after `change` (its guide-change dispatched by then). */
  const seen = (change) => page.evaluate(async (change) => {
    const e = document.getElementById('made');
    let last = null;
    const listen = (event) => { last = event.detail; };
    e.addEventListener('guide-change', listen);
    (0, eval)(`(${change})`)(e);
    await new Promise((resolve) => setTimeout(resolve));
    e.removeEventListener('guide-change', listen);
    const shown = (selector) => [...e.shadowRoot.querySelectorAll(selector)].filter((el) => el.checkVisibility());
    return { complete: e.complete, value: e.value, form: new FormData(document.getElementById('f')).get('role-arn'),
      valid: e.validity.valid, message: e.validationMessage,
      event: last && { complete: last.complete, value: last.value, trust: last.outputs['cross-account-trust-policy'].complete,
        arn: last.outputs['cross-account-role-arn'].complete },
      ready: shown('[data-status-for]').some((el) => /Ready/.test(el.textContent)),
      completeShown: shown('[data-output][data-complete="true"]').length > 0 };
  }, change.toString());
  const wrong = (message) => ({ complete: false, value: '', form: null, valid: false, message,
    event: { complete: false, value: '', trust: false, arn: false }, ready: false, completeShown: false });
  const fine = { complete: true, value: arn, form: arn, valid: true, message: '',
    event: { complete: true, value: arn, trust: true, arn: true }, ready: true, completeShown: true };
  assert.deepEqual(await seen((e) => e.setAttribute('partition', 'mars')),
    wrong('The attribute partition="mars" is not a partition: use one of aws, aws-cn, aws-us-gov. No document is ready until it is fixed.'));
  assert.deepEqual(await seen((e) => e.setAttribute('partition', 'aws')), fine);
  assert.deepEqual(await seen((e) => e.setAttribute('method', 'cross-acount')),
    wrong('The attribute method="cross-acount" is not a method: use cross-account or account-keys, or leave it out for both. Both are shown; no document is ready until it is fixed.'));
  assert.deepEqual(await seen((e) => e.setAttribute('method', 'cross-account')), fine);
  assert.deepEqual(await seen((e) => e.setAttribute('locked', 'external-id nonsense')),
    wrong('The attribute locked names "nonsense", not an input key: use aws-account-id, shippable-aws-account-id, external-id, role-name, policy-name, user-name, user-policy-name, partition, hardened. No document is ready until it is fixed.'));
  assert.deepEqual(await seen((e) => e.setAttribute('locked', 'external-id')), fine);
  // A value the core refuses: its own message, and nothing ready.
  const { event, ...bad } = await seen((e) => e.setAttribute('aws-account-id', '12345'));
  assert.deepEqual(bad, { complete: false, value: '', form: null, valid: false,
    message: 'Your AWS account ID: an AWS account ID has 12 digits; this has 5.', ready: false, completeShown: false });
  assert.deepEqual(await seen((e) => e.setAttribute('aws-account-id', '123456789012')), fine);
  await context.close();
});

test('hardened is an HTML boolean; every attribute has a camelCase property (issue 12 item 7, issue 13)', async () => {
  const { page, context } = await open('/host/blank.html');
  for (const value of ['', 'TRUE', '1', 'hardened']) {
    await createOn(page, { hardened: value });
    assert.equal(await inGuide(page, 'made', '[name="hardened"]').isChecked(), true, `hardened="${value}"`);
    await page.$eval('#made', (e) => e.remove());
  }
  await createOn(page, {});
  assert.equal(await inGuide(page, 'made', '[name="hardened"]').isChecked(), false);
  const seen = await page.$eval('#made', (e) => {
    e.hardened = true;
    e.awsAccountId = '111122223333';
    e.roleName = 'from-a-property';
    e.method = 'account-keys';
    return { hardened: e.getAttribute('hardened'), account: e.getAttribute('aws-account-id'), role: e.getAttribute('role-name'),
      method: e.getAttribute('method'), back: [e.hardened, e.awsAccountId, e.method] };
  });
  assert.deepEqual(seen, { hardened: '', account: '111122223333', role: 'from-a-property', method: 'account-keys',
    back: [true, '111122223333', 'account-keys'] });
  assert.equal(await inGuide(page, 'made', '[name="hardened"]').isChecked(), true);
  // account-keys, hardened, needs the AWS account ID: its field is in view there (issue 13, item 5).
  assert.equal(await inGuide(page, 'made', '[name="aws-account-id"]').isVisible(), true);
  assert.equal(await inGuide(page, 'made', '[name="external-id"]').isVisible(), false);
  await page.waitForFunction(() => document.getElementById('made').complete);
  assert.equal(await page.$eval('#made', (e) => e.value), 'shippable-user-to-allow-ecs-access');
  await context.close();
});

test('removing a host attribute removes what it put there, never what the reader typed (issue 12, item 7)', async () => {
  const { page, context } = await open('/host/blank.html');
  await createOn(page, { 'role-name': 'host-role', 'policy-name': 'host-policy' });
  await inGuide(page, 'made', '[name="role-name"]').fill('my-own-role');
  await page.$eval('#made', (e) => { e.removeAttribute('role-name'); e.removeAttribute('policy-name'); });
  assert.equal(await inGuide(page, 'made', '[name="role-name"]').inputValue(), 'my-own-role');
  assert.equal(await inGuide(page, 'made', '[name="policy-name"]').inputValue(), '');
  await context.close();
});

test('only the documented --ecs-guide-* properties theme it; a host rem does not size it (issue 12, item 9)', async () => {
  const { page, context } = await open('/host/private.html');
  await ready(page);
  const look = (id) => page.$eval(`#${id}`, (e) => {
    const pre = e.shadowRoot.querySelector('pre');
    const p = e.shadowRoot.querySelector('.guide p');
    return { text: getComputedStyle(p).color, size: parseFloat(getComputedStyle(p).fontSize), pre: getComputedStyle(pre).backgroundColor,
      preSize: parseFloat(getComputedStyle(pre).fontSize), mono: getComputedStyle(pre).fontFamily, host: getComputedStyle(e).backgroundColor };
  });
  const first = await look('first');
  assert.equal(first.size, 16);
  assert.ok(first.preSize >= 12, JSON.stringify(first));
  for (const key of ['text', 'pre', 'host']) assert.notEqual(first[key], 'rgb(255, 0, 0)', key);
  assert.doesNotMatch(first.mono, /fantasy/);
  const themed = await look('themed');
  assert.equal(themed.text, 'rgb(0, 0, 128)');
  assert.equal(themed.size, 20);
  await context.close();
});

test('form-associated: a disabled fieldset disables its fields; FormData has its value once complete (issue 13)', async () => {
  const { page, context } = await open('/host/blank.html');
  const seen = await page.evaluate(async () => {
    await (await import('/embed/ecs-integration-guide.js')).ready;
    document.body.insertAdjacentHTML('beforeend', '<form id="f"><fieldset id="group"><ecs-integration-guide name="arn" method="cross-account" aws-account-id="123456789012" shippable-aws-account-id="210987654321" external-id="57b3a1c2d4e5f60718293a4b"></ecs-integration-guide></fieldset></form>');
    const e = document.querySelector('#f ecs-integration-guide');
    const field = e.shadowRoot.querySelector('[name="role-name"]');
    const data = new FormData(document.getElementById('f')).get('arn');
    document.getElementById('group').disabled = true;
    const disabled = field.matches(':disabled');
    document.getElementById('group').disabled = false;
    return { data, disabled, enabled: field.matches(':disabled'), form: e.form?.id };
  });
  assert.deepEqual(seen, { data: 'arn:aws:iam::123456789012:role/shippable-role-to-allow-ecs-access', disabled: true, enabled: false, form: 'f' });
  await context.close();
});
