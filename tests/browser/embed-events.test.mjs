// <ecs-integration-guide>'s event contract in headless Chromium (issue 21): guide-change is queued,
// never dispatched inside the host's own call into the element, once per state; every listener of
// one dispatch sees the same latest state; a listener attached right after insertion gets the first
// state; and nothing a listener does to `detail` changes the element.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useHost, open, inGuide } from './embed-helpers.mjs';

useHost();

/** The values that make the cross-account documents complete, but the AWS account ID. */
const SHIPPABLE = { 'shippable-aws-account-id': '210987654321', 'external-id': '57b3a1c2d4e5f60718293a4b' };
const ARN = (role = 'shippable-role-to-allow-ecs-access', account = '123456789012') => `arn:aws:iam::${account}:role/${role}`;

/** Opens the blank host with the module imported and its core ready. */
async function blank() {
  const opened = await open('/host/blank.html');
  await opened.page.evaluate(async () => { await (await import('/embed/ecs-integration-guide.js')).ready; });
  return opened;
}

test('never dispatched inside setAttribute, a property set or insertion; queued and sent once per state', async () => {
  const { page, context, errors } = await blank();
  const seen = await page.evaluate(async (shippable) => {
    const log = [];
    let inside = '';
    const e = document.createElement('ecs-integration-guide');
    e.setAttribute('method', 'cross-account');
    for (const [name, value] of Object.entries(shippable)) e.setAttribute(name, value);
    e.addEventListener('guide-change', (event) => log.push({ inside, value: event.detail.value, role: event.detail.inputs['role-name'].shown }));
    const during = (what, call) => { inside = what; call(); inside = ''; };
    const settle = () => new Promise((resolve) => setTimeout(resolve));
    // Out of view (hidden): the full build, which would bring a state of its own, does not load.
    const box = document.body.appendChild(document.createElement('div'));
    box.hidden = true;
    during('connectedCallback', () => box.append(e));
    await settle();
    during('setAttribute', () => e.setAttribute('aws-account-id', '123456789012'));
    await settle();
    during('property', () => { e.roleName = 'one'; e.partition = 'aws-cn'; e.roleName = 'two'; e.partition = 'aws'; });
    await settle();
    // A change and its undoing in one call: the state is the one already sent, so nothing is sent.
    during('undone', () => { e.roleName = 'three'; e.roleName = 'two'; });
    await settle();
    return log;
  }, SHIPPABLE);
  assert.deepEqual(seen, [
    { inside: '', value: '', role: 'shippable-role-to-allow-ecs-access' },
    { inside: '', value: 'arn:aws:iam::123456789012:role/shippable-role-to-allow-ecs-access', role: 'shippable-role-to-allow-ecs-access' },
    { inside: '', value: 'arn:aws:iam::123456789012:role/two', role: 'two' },
  ]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a listener that changes the element: every listener sees the same state, and the last event is the latest', async () => {
  const { page, context, errors } = await blank();
  const seen = await page.evaluate(async (shippable) => {
    const e = document.createElement('ecs-integration-guide');
    e.setAttribute('aws-account-id', '123456789012');
    e.setAttribute('method', 'cross-account');
    for (const [name, value] of Object.entries(shippable)) e.setAttribute(name, value);
    const first = [], second = [];
    e.addEventListener('guide-change', (event) => {
      first.push(event.detail.value);
      if (!e.hasAttribute('role-name')) e.setAttribute('role-name', 'set-by-a-listener');
    });
    e.addEventListener('guide-change', (event) => second.push([event.detail.value, e.value === event.detail.value || 'stale']));
    document.body.append(e);
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { first, second, value: e.value };
  }, SHIPPABLE);
  const arn = 'arn:aws:iam::123456789012:role/shippable-role-to-allow-ecs-access';
  const set = 'arn:aws:iam::123456789012:role/set-by-a-listener';
  // The second listener sees the first event (the element changed under it: its `value` is newer),
  // then the new one: it ends on the latest value, as the first listener does.
  assert.deepEqual(seen, { first: [arn, set], second: [[arn, 'stale'], [set, true]], value: set });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a listener attached right after insertion gets the first state, on every re-mount with the core loaded', async () => {
  const { page, context } = await blank();
  const firsts = await page.evaluate(async (shippable) => {
    const got = [];
    for (let i = 0; i < 20; i += 1) {
      document.querySelector('ecs-integration-guide')?.remove();
      const e = document.createElement('ecs-integration-guide');
      for (const [name, value] of Object.entries(shippable)) e.setAttribute(name, value);
      e.setAttribute('aws-account-id', `1234567890${String(i).padStart(2, '0')}`);
      document.body.append(e);
      // The host's listener, after the insertion, in the same task (as a framework's link step).
      const first = new Promise((resolve) => e.addEventListener('guide-change', (event) => resolve(event.detail.value), { once: true }));
      got.push(await Promise.race([first, new Promise((resolve) => setTimeout(() => resolve('none'), 500))]));
    }
    return got;
  }, SHIPPABLE);
  assert.deepEqual(firsts, Array.from({ length: 20 }, (_, i) => ARN(undefined, `1234567890${String(i).padStart(2, '0')}`)));
  await context.close();
});

test('detail is immutable: a listener that writes to it changes neither value, guide nor the form value', async () => {
  const { page, context } = await blank();
  const seen = await page.evaluate(async () => {
    document.body.insertAdjacentHTML('beforeend', '<form id="f"><ecs-integration-guide name="arn" method="cross-account" aws-account-id="123456789012" shippable-aws-account-id="210987654321" external-id="57b3a1c2d4e5f60718293a4b"></ecs-integration-guide></form>');
    const e = document.querySelector('#f ecs-integration-guide');
    const refused = [];
    const attempts = await new Promise((resolve) => e.addEventListener('guide-change', (event) => {
      'use strict'; // a write to something frozen throws, instead of doing nothing silently
      const d = event.detail;
      for (const [what, write] of [
        ['output text', () => { d.outputs['cross-account-role-arn'].text = 'arn:aws:iam::666666666666:role/evil'; }],
        ['output', () => { d.outputs['cross-account-role-arn'] = { text: 'evil', complete: true }; }],
        ['value', () => { d.value = 'evil'; }],
        ['complete', () => { d.complete = false; }],
        ['input', () => { d.inputs['aws-account-id'].value = '666666666666'; }],
      ]) {
        try { write(); } catch { refused.push(what); }
      }
      resolve(refused);
    }, { once: true }) ?? setTimeout(() => resolve(['no guide-change']), 2000));
    // `guide` is as frozen as the event's detail.
    try { (() => { 'use strict'; e.guide.outputs['cross-account-role-arn'].text = 'evil'; })(); } catch { attempts.push('guide'); }
    return { attempts, value: e.value, guide: e.guide.outputs['cross-account-role-arn'].text, guideValue: e.guide.value,
      form: new FormData(document.getElementById('f')).get('arn') };
  });
  const arn = ARN();
  assert.deepEqual(seen, { attempts: ['output text', 'output', 'value', 'complete', 'input', 'guide'], value: arn, guide: arn, guideValue: arn, form: arn });
  assert.equal(await inGuide(page, 'f ecs-integration-guide', '[data-output="cross-account-role-arn"]').first().textContent(), ARN());
  await context.close();
});
