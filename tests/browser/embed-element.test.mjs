// <ecs-integration-guide> in real headless Chromium: hostile host CSS and a strict CSP, two
// instances, attribute changes, locked fields, the event, removal and re-insertion, engine failure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { breakFirstFullBuild } from './harness.mjs';
import { useHost, open, inGuide, outputText, goldenText, fullBuild, ready } from './embed-helpers.mjs';

useHost();

test('under hostile host CSS and a strict CSP the guide renders, works, and violates nothing', async () => {
  const { page, context, errors } = await open('/host/hostile.html');
  await ready(page);
  for (const selector of ['[data-output="cross-account-trust-policy"]', '[name="aws-account-id"]', 'h2', 'section[data-method="cross-account"]']) {
    assert.ok(await inGuide(page, 'first', selector).first().isVisible(), `${selector} is visible`);
  }
  const style = await inGuide(page, 'first', 'pre').first().evaluate((e) => ({ display: getComputedStyle(e).display, color: getComputedStyle(e).color }));
  assert.equal(style.display, 'block');
  assert.notEqual(style.color, 'rgb(255, 0, 0)');
  // The host's own elements keep the host's CSS: the guide's CSS does not leak out.
  assert.equal(await page.$eval('#painted', (e) => getComputedStyle(e).color), 'rgb(255, 0, 0)');
  await inGuide(page, 'first', '[name="aws-account-id"]').fill('1234-5678-9012');
  assert.equal(await outputText(page, 'first', 'cross-account-role-arn'), 'arn:aws:iam::123456789012:role/shippable-role-to-allow-ecs-access');
  assert.equal(await outputText(page, 'first', 'cross-account-trust-policy'), goldenText('aws', 'cross-account-trust-policy.json'));
  assert.deepEqual(await page.evaluate(() => window.recorded.violations), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('two elements on one page work independently', async () => {
  const { page, context } = await open('/host/hostile.html');
  await ready(page);
  assert.equal(await inGuide(page, 'second', '[name="user-name"]').inputValue(), 'ci-user');
  await inGuide(page, 'second', '[name="role-name"]').fill('second-role');
  assert.equal(await inGuide(page, 'first', '[name="role-name"]').inputValue(), '');
  assert.deepEqual(await inGuide(page, 'first', '[data-input="role-name"]').evaluateAll((els) => [...new Set(els.map((e) => e.textContent))]),
    ['shippable-role-to-allow-ecs-access']);
  assert.deepEqual(await inGuide(page, 'second', '[data-input="role-name"]').evaluateAll((els) => [...new Set(els.filter((e) => e.checkVisibility()).map((e) => e.textContent))]),
    ['second-role']);
  // (The first element may also send one, when the full build arrives for it.)
  const events = await page.evaluate(() => window.recorded.events);
  assert.equal(events.filter((e) => e.id === 'second').at(-1).detail.inputs['role-name'].value, 'second-role');
  assert.ok(events.filter((e) => e.id === 'first').every((e) => e.detail.inputs['role-name'].value !== 'second-role'));
  await context.close();
});

test('method shows one method; attribute changes after creation take effect', async () => {
  const { page, context } = await open('/host/hostile.html');
  await ready(page);
  const visible = (id, selector) => inGuide(page, id, selector).isVisible();
  assert.equal(await visible('first', 'section[data-method="cross-account"]'), true);
  assert.equal(await visible('first', 'section[data-method="account-keys"]'), false);
  assert.equal(await visible('first', 'fieldset[data-method="account-keys"]'), false);
  assert.equal(await visible('second', 'section[data-method="account-keys"]'), true);
  assert.equal(await visible('second', 'section[data-method="cross-account"]'), false);

  await page.$eval('#first', (e) => e.setAttribute('aws-account-id', '111122223333'));
  assert.equal(await outputText(page, 'first', 'cross-account-role-arn'), 'arn:aws:iam::111122223333:role/shippable-role-to-allow-ecs-access');
  await page.$eval('#first', (e) => e.setAttribute('partition', 'aws-us-gov'));
  assert.equal(await outputText(page, 'first', 'cross-account-role-arn'), 'arn:aws-us-gov:iam::111122223333:role/shippable-role-to-allow-ecs-access');
  await page.$eval('#first', (e) => e.removeAttribute('partition'));
  assert.equal(await outputText(page, 'first', 'cross-account-role-arn'), 'arn:aws:iam::111122223333:role/shippable-role-to-allow-ecs-access');
  await page.$eval('#first', (e) => e.setAttribute('external-id', 'changed-by-host'));
  assert.match(await outputText(page, 'first', 'cross-account-trust-policy'), /"sts:ExternalId": "changed-by-host"/);

  await page.$eval('#first', (e) => e.removeAttribute('method'));
  assert.equal(await visible('first', 'section[data-method="account-keys"]'), true);
  assert.equal(await visible('first', 'h1'), true);
  await page.$eval('#first', (e) => e.setAttribute('method', 'account-keys'));
  assert.equal(await visible('first', 'section[data-method="cross-account"]'), false);
  await context.close();
});

test('locked values are read-only facts supplied by the host', async () => {
  const { page, context } = await open('/host/hostile.html');
  await ready(page);
  const field = inGuide(page, 'first', '[name="external-id"]');
  assert.equal(await field.getAttribute('readonly'), '');
  assert.equal(await field.isEditable(), false);
  assert.equal(await field.inputValue(), '57b3a1c2d4e5f60718293a4b');
  const described = await field.getAttribute('aria-describedby');
  assert.match(described, /^locked-external-id /);
  assert.equal(await inGuide(page, 'first', '#locked-external-id').textContent(), 'Provided by Shippable.');
  assert.equal(await inGuide(page, 'first', '[name="aws-account-id"]').isEditable(), true);
  await page.$eval('#first', (e) => e.setAttribute('locked', 'shippable-aws-account-id'));
  assert.equal(await field.isEditable(), true);
  assert.equal(await inGuide(page, 'first', '#locked-external-id').count(), 0);
  await context.close();
});

test('guide-change: bubbling, composed, with every output and input error', async () => {
  const { page, context } = await open('/host/hostile.html');
  await ready(page);
  const initial = await page.evaluate(() => window.recorded.events.find((e) => e.id === 'first'));
  assert.equal(initial.bubbles, true);
  assert.equal(initial.composed, true);
  // First the small build's six documents…
  assert.deepEqual(Object.keys(initial.detail.outputs).sort(), ['account-keys-role-trust-policy', 'account-keys-user-policy',
    'cross-account-permissions-policy', 'cross-account-role-arn', 'cross-account-trust-policy', 'cross-account-trust-statement']);
  assert.equal(initial.detail.outputs['cross-account-role-arn'].complete, false);
  assert.equal(initial.detail.inputs['aws-account-id'].error.code, 'missing');
  assert.equal(initial.detail.outputs['cross-account-permissions-policy'].text, goldenText('aws', 'cross-account-permissions-policy.json'));

  const count = await page.evaluate(() => window.recorded.events.length);
  await inGuide(page, 'first', '[name="aws-account-id"]').fill('12345');
  let last = await page.evaluate(() => window.recorded.events.at(-1));
  assert.equal(last.detail.inputs['aws-account-id'].error.message, 'Your AWS account ID: an AWS account ID has 12 digits; this has 5.');
  await inGuide(page, 'first', '[name="aws-account-id"]').fill('123456789012');
  last = await page.evaluate(() => window.recorded.events.at(-1));
  assert.equal(last.detail.outputs['cross-account-role-arn'].text, 'arn:aws:iam::123456789012:role/shippable-role-to-allow-ecs-access');
  assert.equal(last.detail.outputs['cross-account-role-arn'].complete, true);
  assert.equal(last.detail.outputs['cross-account-trust-policy'].text, goldenText('aws', 'cross-account-trust-policy.json'));
  // A change that changes nothing sends nothing.
  const before = await page.evaluate(() => window.recorded.events.length);
  await inGuide(page, 'first', '[name="aws-account-id"]').fill('1234-5678-9012');
  assert.equal(await page.evaluate(() => window.recorded.events.length), before);
  assert.ok(before > count);
  // …then, once the reader nears the as-code sections, every output, with what was typed.
  await fullBuild(page, 'first');
  last = await page.evaluate(() => window.recorded.events.filter((e) => e.id === 'first').at(-1));
  assert.equal(Object.keys(last.detail.outputs).length, 16);
  assert.equal(await outputText(page, 'first', 'cross-account-cloudformation'), last.detail.outputs['cross-account-cloudformation'].text);
  assert.equal(last.detail.inputs['existing-trust-policy'].error, null);
  assert.match(last.detail.outputs['cross-account-verification'].text, /arn:aws:iam::123456789012:role\//);
  await context.close();
});

test('removed and inserted again, it keeps its values and stays live', async () => {
  const { page, context } = await open('/host/hostile.html');
  await ready(page);
  await inGuide(page, 'first', '[name="aws-account-id"]').fill('123456789012');
  await page.evaluate(() => { const e = document.getElementById('first'); e.remove(); document.body.prepend(e); });
  assert.equal(await inGuide(page, 'first', '[name="aws-account-id"]').inputValue(), '123456789012');
  await inGuide(page, 'first', '[name="role-name"]').fill('moved-role');
  assert.equal(await outputText(page, 'first', 'cross-account-role-arn'), 'arn:aws:iam::123456789012:role/moved-role');
  const last = await page.evaluate(() => window.recorded.events.at(-1));
  assert.equal(last.id, 'first');
  // A new element created by script works too.
  await page.evaluate(() => {
    const e = document.createElement('ecs-integration-guide');
    e.id = 'third';
    e.setAttribute('aws-account-id', '999988887777');
    document.body.append(e);
  });
  await page.waitForFunction(() => window.recorded.events.some((e) => e.id === 'third'));
  assert.equal(await outputText(page, 'third', 'cross-account-role-arn'), 'arn:aws:iam::999988887777:role/shippable-role-to-allow-ecs-access');
  await context.close();
});

test('when the engine fails, every document is marked not ready with why, and the next change recovers (issue 12)', async () => {
  // The full build's LiveGuide throws (as a trap does) for the role name "trap-now", in the instance
  // first loaded only: a fresh instance (a module URL with a query) is the build as shipped.
  const { page, context, requests } = await open('/host/hostile.html', {
    before: (p) => breakFirstFullBuild(p, '/embed/ecs_guide_full.js'),
  });
  await ready(page);
  await inGuide(page, 'first', '[name="aws-account-id"]').fill('123456789012');
  await fullBuild(page, 'first');
  const state = () => page.evaluate(() => [...document.getElementById('first').shadowRoot.querySelectorAll('[data-output]')]
    .map((el) => [el.dataset.output, el.dataset.complete,
      el.getRootNode().querySelector(`[data-status-for="${el.dataset.output}"]`)?.textContent]));
  assert.equal(await inGuide(page, 'first', '[data-output="cross-account-aws-cli"]').getAttribute('data-complete'), 'true');
  await inGuide(page, 'first', '[name="role-name"]').fill('trap-now');
  const failed = await state();
  assert.ok(failed.length >= 8, `${failed.length} outputs`);
  for (const [id, complete, status] of failed) {
    assert.equal(complete, 'false', id);
    if (status !== undefined) assert.equal(status, 'Not ready: the generator failed (unreachable). Change a value to restart it.', id);
  }
  const event = await page.evaluate(() => window.recorded.events.filter((e) => e.id === 'first').at(-1));
  assert.equal(event.detail.complete, false);
  for (const [id, output] of Object.entries(event.detail.outputs)) assert.equal(output.complete, false, id);
  // The next change: a fresh LiveGuide (the element's full build is one bundled module, imported
  // by a literal path a host's bundler sees), and the documents whole and ready again.
  await inGuide(page, 'first', '[name="role-name"]').fill('shippable-ecs');
  await inGuide(page, 'first', '[data-output="cross-account-aws-cli"][data-complete="true"]').waitFor({ state: 'attached' });
  assert.match(await outputText(page, 'first', 'cross-account-aws-cli'), /"RoleName": "shippable-ecs"/);
  assert.equal(await outputText(page, 'first', 'cross-account-role-arn'), 'arn:aws:iam::123456789012:role/shippable-ecs');
  await context.close();
});
