// Tests of the built, shipped .wasm (dist/pkg), both builds: the small one the page loads first
// (the six documents) and the full one (every output), through their exported generate(), every
// golden case compared whole, the full build's LiveGuide, and the boundary's handling of what
// JavaScript may pass.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { INPUT_KEYS, OUTPUT_IDS, SMALL_BUILD_OUTPUT_IDS, EXTENSIONS, PASTED_INPUT_KEYS } from '../../www/generated/facts.js';

const root = new URL('../../', import.meta.url).pathname;
const pkg = join(root, 'dist/pkg');

async function load(name) {
  const module = await import(join(pkg, `${name}.js`));
  module.initSync({ module: readFileSync(join(pkg, `${name}_bg.wasm`)) });
  return module;
}
const small = await load('ecs_guide');
const full = await load('ecs_guide_full');
const { generate, LiveGuide } = full;

const goldenRoot = join(root, 'tests/golden');
const cases = readdirSync(goldenRoot).filter((c) => statSync(join(goldenRoot, c)).isDirectory());

/** The golden file's extension, as tests/golden.rs names it (the core's, through the facts module). */
export function extension(id) {
  return EXTENSIONS[id];
}

/** The same summary tests/golden.rs writes to status.txt. */
function status(guide) {
  let out = '# outputs\n';
  for (const [id, o] of Object.entries(guide.outputs)) {
    out += `${id}: ${o.complete ? 'complete' : `incomplete, waiting for ${o.waitingFor.join(', ')}`}\n`;
  }
  out += '\n# inputs\n';
  for (const [key, i] of Object.entries(guide.inputs)) {
    out += i.error ? `${key}: [${i.error.code}] ${i.error.message}\n` : `${key}: ${i.shown.replaceAll('\n', '\\n')}\n`;
  }
  return out;
}

test('there are golden cases to compare', () => {
  assert.ok(cases.length >= 10, `only ${cases.length} cases`);
});

/** The six documents: all the small build makes. */
const DOCUMENT_IDS = SMALL_BUILD_OUTPUT_IDS;
const PASTED = PASTED_INPUT_KEYS;

/** status.txt without the lines of the outputs and inputs the small build does not have. */
function smallStatus(text) {
  return text.split('\n').filter((line) => {
    const key = line.split(':')[0];
    return !(OUTPUT_IDS.includes(key) && !DOCUMENT_IDS.includes(key)) && !PASTED.includes(key);
  }).join('\n');
}

for (const [build, module, ids] of [['full', full, OUTPUT_IDS], ['small', small, DOCUMENT_IDS]]) {
  for (const name of cases) {
    test(`${build} build, golden case ${name}: every output and status equal the checked-in files`, () => {
      const dir = join(goldenRoot, name);
      const inputs = JSON.parse(readFileSync(join(dir, 'inputs.json'), 'utf8'));
      const guide = module.generate(inputs);
      assert.deepEqual(Object.keys(guide.outputs), ids);
      for (const [id, output] of Object.entries(guide.outputs)) {
        const file = join(dir, `${id}.${extension(id)}`);
        assert.equal(output.text + '\n', readFileSync(file, 'utf8'), `${name}/${id}`);
        const unreadable = output.waitingFor.includes('existing-trust-policy');
        if (extension(id) === 'json' && !unreadable) JSON.parse(output.text);
      }
      const expected = readFileSync(join(dir, 'status.txt'), 'utf8');
      assert.equal(status(guide), build === 'full' ? expected : smallStatus(expected));
      assert.equal(guide.complete, Object.values(guide.outputs).every((o) => o.complete));
    });
  }
}

test('the small build ignores pasted policies, and its LiveGuide hands out its six documents, then only what changed', () => {
  const guide = small.generate({ 'existing-trust-policy': '{not json', 'aws-account-id': '123456789012' });
  assert.deepEqual(Object.keys(guide.inputs).filter((k) => PASTED.includes(k)), []);
  assert.equal(guide.outputs['cross-account-role-arn'].complete, true);
  const live = new small.LiveGuide();
  const inputs = { 'aws-account-id': '123456789012' };
  assert.deepEqual(live.update(inputs), small.generate(inputs));
  const same = live.update(inputs);
  assert.deepEqual(same.outputs, {});
  assert.deepEqual(same.inputs, small.generate(inputs).inputs);
  const before = small.generate(inputs).outputs;
  inputs['role-name'] = 'deployer';
  const after = small.generate(inputs);
  const changed = live.update(inputs);
  assert.deepEqual(Object.keys(changed.outputs), DOCUMENT_IDS.filter((id) => JSON.stringify(before[id]) !== JSON.stringify(after.outputs[id])));
  assert.ok('cross-account-role-arn' in changed.outputs);
  assert.deepEqual({ ...changed, outputs: {} }, { ...after, outputs: {} });
  for (const [id, output] of Object.entries(changed.outputs)) assert.deepEqual(output, after.outputs[id]);
  // The full build's LiveGuide hands out the same changes of the same six documents.
  const full = new LiveGuide();
  full.update({ 'aws-account-id': '123456789012' });
  const fromFull = full.update(inputs);
  assert.deepEqual(Object.keys(changed.outputs), Object.keys(fromFull.outputs).filter((id) => DOCUMENT_IDS.includes(id)));
});

test('a LiveGuide hands out everything first, then only what changed', () => {
  const live = new LiveGuide();
  const inputs = { 'shippable-aws-account-id': '210987654321' };
  assert.deepEqual(live.update(inputs), generate(inputs));
  const same = live.update(inputs);
  assert.deepEqual(same.outputs, {});
  assert.deepEqual(same.inputs, generate(inputs).inputs);
  inputs['external-id'] = 'ab';
  const typed = live.update(inputs);
  const after = generate(inputs);
  const changed = OUTPUT_IDS.filter((id) => JSON.stringify(after.outputs[id]) !== JSON.stringify(generate({ 'shippable-aws-account-id': '210987654321' }).outputs[id]));
  assert.deepEqual(Object.keys(typed.outputs), changed);
  for (const id of changed) assert.deepEqual(typed.outputs[id], after.outputs[id]);
  assert.equal(typed.complete, after.complete);
  // Each LiveGuide remembers only what it handed out itself.
  assert.deepEqual(Object.keys(new LiveGuide().update(inputs).outputs), OUTPUT_IDS);
  assert.throws(() => live.update({ nope: '' }), /update\(inputs\): unknown input "nope"/);
});

test('null and undefined count as empty; defaults fill the names', () => {
  const guide = generate({ 'aws-account-id': null, 'role-name': undefined });
  assert.equal(guide.inputs['aws-account-id'].error.code, 'missing');
  assert.equal(guide.inputs['role-name'].value, 'shippable-role-to-allow-ecs-access');
  assert.equal(guide.outputs['cross-account-role-arn'].complete, false);
});

test('an unknown input key is refused by name', () => {
  assert.throws(() => generate({ awsAccountId: '123456789012' }),
    /unknown input "awsAccountId"; the inputs are aws-account-id, /);
});

test('a number is refused: an account ID as a number loses its leading zeros', () => {
  assert.throws(() => generate({ 'aws-account-id': 12345678901 }), /"aws-account-id" must be a string/);
});

test('inputs must be an object', () => {
  assert.throws(() => generate('123456789012'), /inputs must be an object/);
  assert.throws(() => generate(null), /inputs must be an object/);
});

test('text that would break JSON or HTML stays data', () => {
  const hostile = '"}],"Effect":"Deny<img src=x onerror=alert(1)>';
  const guide = generate({ 'external-id': hostile, 'aws-account-id': hostile });
  for (const [id, o] of Object.entries(guide.outputs)) {
    // A merge with nothing pasted is a sentence saying what to paste, not a document.
    const explains = o.waitingFor.some((key) => key.startsWith('existing-'));
    if (extension(id) === 'json' && !explains) JSON.parse(o.text);
    assert.ok(!o.text.includes('onerror'), id);
  }
  assert.equal(guide.inputs['external-id'].error.code, 'character-not-allowed');
});

test('many calls in a row stay correct (no state kept between calls)', () => {
  const a = generate({ 'aws-account-id': '111122223333' });
  for (let i = 0; i < 2000; i++) generate({ 'external-id': 'x'.repeat(i % 1300) });
  assert.deepEqual(generate({ 'aws-account-id': '111122223333' }), a);
});

test('the permissions check gives its verdicts as data, as IAM decides them', () => {
  const policy = {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'All', Effect: 'Allow', Action: '*', Resource: '*' },
      { Sid: 'x"\nAll clear', Effect: 'Deny', Action: 'ec2:*Instances', Resource: '*' },
      { Effect: 'Deny', Action: 'ecs:Delete*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
    ],
  };
  const guide = generate({ 'aws-account-id': '123456789012', 'existing-permissions-policy': JSON.stringify(policy) });
  const check = guide.outputs['permissions-check'].check;
  assert.equal(check.verdicts.length, 27);
  const state = Object.fromEntries(check.verdicts.map((v) => [v.action, v.state]));
  assert.equal(state['ec2:Describe*'], 'denied');
  assert.equal(state['ec2:DescribeInstances'], 'denied');
  assert.equal(state['ecs:DeleteService'], 'conditional');
  assert.equal(state['ecs:ListTasks'], 'granted');
  const describe = check.verdicts.find((v) => v.action === 'ec2:Describe*');
  assert.deepEqual(describe.statements, [{ index: 1, sid: 'x"\nAll clear' }]);
  assert.ok(!describe.detail.includes('\n'), describe.detail);
  assert.deepEqual(check.add, []);
  const text = guide.outputs['permissions-check'].text;
  assert.ok(!text.split('\n').some((line) => line.startsWith('All clear')), text);
  // Other outputs carry no check.
  assert.equal(guide.outputs['merged-trust-policy'].check, undefined);
});

test('IAM grammar errors name the statement and quote what was pasted', () => {
  const policy = { Statement: [{ Sid: 'a\nb', Effect: 'Allow', Action: 'ecs*', Resource: '*' }] };
  const guide = generate({ 'existing-permissions-policy': JSON.stringify(policy) });
  const error = guide.inputs['existing-permissions-policy'].error;
  assert.equal(error.code, 'not-a-policy');
  assert.match(error.message, /statement 1 \("Sid": "a\\nb"\) has the action "ecs\*", without a service prefix/);
});

test('the facts module (www/generated/facts.js) names every input and output, as both builds hand them out', () => {
  const guide = generate({});
  assert.deepEqual(Object.keys(guide.inputs), INPUT_KEYS);
  assert.deepEqual(Object.keys(guide.outputs), OUTPUT_IDS);
  assert.deepEqual(Object.keys(small.generate({}).outputs), SMALL_BUILD_OUTPUT_IDS);
  assert.deepEqual(Object.keys(EXTENSIONS), OUTPUT_IDS);
});
