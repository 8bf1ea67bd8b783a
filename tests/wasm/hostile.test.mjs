// The built .wasm (dist/pkg, both builds) against what a hostile or careless caller may pass:
// JavaScript objects whose reading throws (Proxy traps, getters), values that are not strings, and
// pastes too large or too deeply nested to be a policy. Every such call gets an error (an Error for
// a malformed call, an input error for a paste), and nothing lasts: thousands of them later,
// generate() and LiveGuide.update() still give the same guide as a fresh module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const pkg = join(new URL('../../', import.meta.url).pathname, 'dist/pkg');

async function load(name) {
  const module = await import(join(pkg, `${name}.js`));
  module.initSync({ module: readFileSync(join(pkg, `${name}_bg.wasm`)) });
  return module;
}
const builds = { small: await load('ecs_guide'), full: await load('ecs_guide_full') };

const VALUES = {
  'aws-account-id': '123456789012',
  'shippable-aws-account-id': '210987654321',
  'external-id': '57b3a1c2d4e5f60718293a4b',
};

/** Inputs objects that throw when read, or hold what is not a string: each call must fail cleanly. */
function hostileInputs() {
  const revocable = Proxy.revocable({}, {});
  revocable.revoke();
  return [
    ['a Proxy whose key enumeration throws', new Proxy({}, { ownKeys() { throw new Error('no keys for you'); } })],
    ['a Proxy whose property descriptors throw', new Proxy({ ...VALUES }, {
      getOwnPropertyDescriptor() { throw new Error('no descriptor'); },
    })],
    ['a Proxy whose get throws', new Proxy({ ...VALUES }, { get() { throw new Error('no value'); } })],
    ['a revoked Proxy', revocable.proxy],
    ['a getter that throws', Object.defineProperty({ ...VALUES }, 'role-name', {
      enumerable: true, get() { throw new Error('getter'); },
    })],
    ['a number', { ...VALUES, 'aws-account-id': 123456789012 }],
    ['an object with toString', { ...VALUES, 'role-name': { toString() { return 'x'; } } }],
    ['a symbol', { ...VALUES, 'role-name': Symbol('x') }],
    ['an unknown key', { ...VALUES, 'aws-acount-id': '1' }],
    ['null', null],
    ['a string', 'aws-account-id=123456789012'],
  ];
}

/** The attack of issue 12: about 5 MB of nested arrays pasted as a trust policy. */
const HUGE_NESTED = `{"Statement": [${Array(21000).fill(`${'['.repeat(120)}${']'.repeat(120)}`).join(',')}]}`;

for (const [buildName, build] of Object.entries(builds)) {
  const engines = { generate: () => build.generate };
  if (build.LiveGuide) {
    engines['one LiveGuide'] = () => { const live = new build.LiveGuide(); return (inputs) => live.update(inputs); };
  }
  for (const [engineName, makeEngine] of Object.entries(engines)) {
    test(`${buildName} build, ${engineName}: 2,200 hostile calls each throw an Error, and nothing breaks`, () => {
      const engine = makeEngine();
      const expected = JSON.stringify(build.generate(VALUES));
      const hostile = hostileInputs();
      let calls = 0;
      const wrong = [];
      for (let round = 0; round < 200; round++) {
        for (const [what, inputs] of hostile) {
          calls++;
          try {
            engine(inputs);
            wrong.push(`${what}: no error`);
          } catch (error) {
            if (!(error instanceof Error) || !/^(generate|update)\(inputs\): /.test(error.message)) {
              wrong.push(`${what}: threw ${error}`);
            }
          }
        }
      }
      assert.ok(calls > 2000, `${calls} calls`);
      // The same engine (the same LiveGuide) still works, and gives what a fresh module gives.
      const after = engine({ ...VALUES });
      if (engineName === 'generate') assert.equal(JSON.stringify(after), expected);
      else assert.equal(after.outputs['cross-account-trust-policy'].text, build.generate(VALUES).outputs['cross-account-trust-policy'].text);
      // Each hostile call threw an Error naming the call, not whatever the object threw.
      assert.deepEqual([...new Set(wrong)], []);
      assert.equal(JSON.stringify(build.generate(VALUES)), expected);
    });
  }
}

test('full build: a paste beyond the size limit is an input error naming the field, the rule and the size', () => {
  const { generate, LiveGuide } = builds.full;
  for (const engine of [generate, (inputs) => new LiveGuide().update(inputs)]) {
    const guide = engine({ ...VALUES, 'existing-trust-policy': HUGE_NESTED });
    const error = guide.inputs['existing-trust-policy'].error;
    assert.equal(error.code, 'paste-too-large');
    assert.equal(error.message, `Current trust relationship: a pasted policy may be at most 65,536 characters (IAM’s largest policy quota is 10,240); this has ${HUGE_NESTED.length.toLocaleString('en-US')}.`);
    assert.equal(guide.outputs['merged-trust-policy'].complete, false);
    assert.equal(guide.outputs['cross-account-trust-policy'].complete, true);
  }
  const permissions = builds.full.generate({ ...VALUES, 'existing-permissions-policy': HUGE_NESTED });
  assert.equal(permissions.inputs['existing-permissions-policy'].error.code, 'paste-too-large');
});

test('full build: a paste nested deeper than any policy is an input error, and the next update is whole', () => {
  const live = new builds.full.LiveGuide();
  const deep = `{"Statement": [${'['.repeat(120)}${']'.repeat(120)}]}`;
  const guide = live.update({ ...VALUES, 'existing-trust-policy': deep });
  const error = guide.inputs['existing-trust-policy'].error;
  assert.equal(error.code, 'paste-too-deep');
  assert.match(error.message, /^Current trust relationship: a pasted policy may nest arrays and objects at most 16 deep .*; line 1 goes deeper\.$/);
  const trust = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}';
  const next = live.update({ ...VALUES, 'existing-trust-policy': trust });
  assert.equal(next.inputs['existing-trust-policy'].error, null);
  assert.equal(next.outputs['merged-trust-policy'].text,
    builds.full.generate({ ...VALUES, 'existing-trust-policy': trust }).outputs['merged-trust-policy'].text);
  assert.equal(next.outputs['merged-trust-policy'].complete, true);
});
