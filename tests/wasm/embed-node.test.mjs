// The embed's modules in Node, with no DOM (issue 13): importing either defines nothing and throws
// nothing; generate() works once the .wasm is handed over (initWith), as on a server or in a Worker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const embed = new URL('../../dist/embed/', import.meta.url).pathname;
const ARN = 'arn:aws-cn:iam::123456789012:role/shippable-role-to-allow-ecs-access';

test('there is no DOM here', () => {
  assert.equal(typeof globalThis.HTMLElement, 'undefined');
  assert.equal(typeof globalThis.customElements, 'undefined');
  assert.equal(typeof globalThis.document, 'undefined');
});

for (const [file, exports] of [['ecs-integration-guide.js', ['generate', 'initWith', 'loadFull', 'ready']],
  ['generate.js', ['generate', 'initWith', 'loadFull', 'loadFullModule', 'ready']]]) {
  test(`${file} imports without a DOM, and its generate() makes the documents`, async () => {
    const module = await import(join(embed, file));
    assert.deepEqual(Object.keys(module).sort(), exports);
    // Node's fetch() cannot read the module's own file URL: `ready` says so, without an unhandled rejection.
    await assert.rejects(module.ready);
    module.initWith(readFileSync(join(embed, 'ecs_guide_bg.wasm')));
    const guide = module.generate({ 'aws-account-id': '1234-5678-9012', partition: 'aws-cn' });
    assert.equal(guide.outputs['cross-account-role-arn'].text, ARN);
    assert.equal(guide.outputs['cross-account-role-arn'].complete, true);
    assert.equal(Object.keys(guide.outputs).length, 6);
  });
}
