// Time per generate() call in the built .wasm under Node, and the shipped sizes (benchmark).
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { join, resolve } from 'node:path';

const dist = resolve(process.argv[2] || 'dist');
const pkg = join(dist, 'pkg');

// Both builds: the small one the first visit loads, and the full one (every output).
for (const name of ['ecs_guide', 'ecs_guide_full']) {
  const { initSync, generate, LiveGuide } = await import(join(pkg, `${name}.js`));
  initSync({ module: readFileSync(join(pkg, `${name}_bg.wasm`)) });
  for (const f of [`${name}_bg.wasm`, `${name}.js`]) {
    const b = readFileSync(join(pkg, f));
    console.log(`${f.padEnd(24)} ${b.length} B raw, ${gzipSync(b, { level: 9 }).length} B gzip, ${brotliCompressSync(b).length} B brotli`);
  }
  const time = (label, call) => {
    for (let i = 0; i < 500; i++) call(i);
    const samples = [];
    for (let r = 0; r < 2000; r++) {
      const t = performance.now();
      call(r);
      samples.push((performance.now() - t) * 1000);
    }
    samples.sort((a, b) => a - b);
    const q = (p) => samples[Math.floor(samples.length * p)].toFixed(1);
    console.log(`${name}: ${label.padEnd(44)} median ${q(0.5)} µs  p95 ${q(0.95)} µs  p99 ${q(0.99)} µs`);
  };
  const filled = { 'aws-account-id': '1234-5678-9012', 'shippable-aws-account-id': '210987654321',
    'external-id': '57b3a1c2d4e5f60718293a4b', partition: 'aws-cn' };
  time('generate(), nothing typed', () => generate({}));
  time('generate(), all filled', () => generate(filled));
  time('generate(), a keystroke in the external ID', (i) => generate({ ...filled, 'external-id': `external-id-${i}` }));
  if (LiveGuide) {
    const live = new LiveGuide();
    time('LiveGuide.update(), a keystroke in the external ID', (i) => live.update({ ...filled, 'external-id': `external-id-${i}` }));
    // The check evaluates every real action the guide's actions stand for: it runs again only
    // when the pasted policy (or the account or partition) changes, not on other keystrokes.
    const policy = (sid) => JSON.stringify({ Version: '2012-10-17', Statement: [
      { Sid: sid, Effect: 'Allow', Action: ['ec2:*', 'ecs:*', 'elasticloadbalancing:*', 'iam:List*'], Resource: '*' },
      { Effect: 'Deny', Action: 'ec2:*Instances', Resource: `arn:aws-cn:ec2:*:123456789012:instance/*` },
      { Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws-cn:iam::123456789012:role/*',
        Condition: { StringEquals: { 'iam:PassedToService': 'ecs.amazonaws.com' } } }] });
    const pasted = { ...filled, 'existing-permissions-policy': policy('Read') };
    const withPolicy = new LiveGuide();
    time('LiveGuide.update(), external ID, a policy pasted', (i) => withPolicy.update({ ...pasted, 'external-id': `external-id-${i}` }));
    time('LiveGuide.update(), a keystroke in the pasted policy', (i) => withPolicy.update({ ...pasted, 'existing-permissions-policy': policy(`Read${i}`) }));
  }
}
