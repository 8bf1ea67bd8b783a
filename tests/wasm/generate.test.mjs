// Tests of the built, shipped .wasm (dist/pkg) through its exported generate(): every golden case
// compared whole, and the boundary's handling of what JavaScript may pass.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const pkg = join(root, 'dist/pkg');
const { initSync, generate } = await import(join(pkg, 'ecs_guide.js'));
initSync({ module: readFileSync(join(pkg, 'ecs_guide_bg.wasm')) });

const goldenRoot = join(root, 'tests/golden');
const cases = readdirSync(goldenRoot).filter((c) => statSync(join(goldenRoot, c)).isDirectory());

const OUTPUT_IDS = [
  'cross-account-permissions-policy', 'cross-account-trust-statement',
  'cross-account-trust-policy', 'cross-account-role-arn',
  'account-keys-user-policy', 'account-keys-role-trust-policy',
  'merged-trust-policy', 'permissions-check',
  'cross-account-aws-cli', 'cross-account-cloudformation', 'cross-account-terraform', 'cross-account-verification',
  'account-keys-aws-cli', 'account-keys-cloudformation', 'account-keys-terraform', 'account-keys-verification',
];

/** The golden file's extension, as tests/golden.rs names it. */
export function extension(id) {
  if (id === 'cross-account-role-arn' || id === 'permissions-check') return 'txt';
  if (id.endsWith('-aws-cli') || id.endsWith('-verification')) return 'sh';
  if (id.endsWith('-cloudformation')) return 'yaml';
  if (id.endsWith('-terraform')) return 'tf';
  return 'json';
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

for (const name of cases) {
  test(`golden case ${name}: every output and status equal the checked-in files`, () => {
    const dir = join(goldenRoot, name);
    const inputs = JSON.parse(readFileSync(join(dir, 'inputs.json'), 'utf8'));
    const guide = generate(inputs);
    assert.deepEqual(Object.keys(guide.outputs), OUTPUT_IDS);
    for (const [id, output] of Object.entries(guide.outputs)) {
      const file = join(dir, `${id}.${extension(id)}`);
      assert.equal(output.text + '\n', readFileSync(file, 'utf8'), `${name}/${id}`);
      const unreadable = output.waitingFor.includes('existing-trust-policy');
      if (extension(id) === 'json' && !unreadable) JSON.parse(output.text);
    }
    assert.equal(status(guide), readFileSync(join(dir, 'status.txt'), 'utf8'));
    assert.equal(guide.complete, Object.values(guide.outputs).every((o) => o.complete));
  });
}

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
    if (extension(id) === 'json') JSON.parse(o.text);
    assert.ok(!o.text.includes('onerror'), id);
  }
  assert.equal(guide.inputs['external-id'].error.code, 'character-not-allowed');
});

test('many calls in a row stay correct (no state kept between calls)', () => {
  const a = generate({ 'aws-account-id': '111122223333' });
  for (let i = 0; i < 2000; i++) generate({ 'external-id': 'x'.repeat(i % 1300) });
  assert.deepEqual(generate({ 'aws-account-id': '111122223333' }), a);
});
