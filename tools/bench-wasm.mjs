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
    // The small build has no check: the adversarial pastes cost it nothing to measure.
    if (name === 'ecs_guide_full') adversarial(name, generate, LiveGuide, filled);
  }
}

// The adversarial pastes of benches/adversarial.rs, the same shapes written again here: legal
// policies of the 10,056 characters and of the paste cap, built to cost the check the
// most. The slowest of a few calls (as many as fit in a second, at least one) of generate(), and
// of a keystroke after the paste that changes the check's scope (a valid account ID each time).
function adversarial(name, generate, LiveGuide, filled) {
  const repeated = (head, unit, length) => head + unit.repeat(Math.max(0, Math.floor((length - head.length) / unit.length)));
  const padded = (statements, length) => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: statements });
    return text.slice(0, -1) + ' '.repeat(Math.max(0, length - text.length)) + '}';
  };
  const fill = (make, length) => {
    const list = [];
    for (let n = 0; ; n++) {
      list.push(make(n));
      if (padded(list, 0).length > length) { list.pop(); return padded(list, length); }
    }
  };
  const entries = (n) => Object.fromEntries([...Array(n).keys()].map((k) => [`aws:PrincipalTag/k${k}`, `v*${k}`]));
  const shapes = {
    'long `*a` patterns': (length) => {
      const half = Math.floor(length / 2) - 80;
      return padded([
        { Effect: 'Allow', Action: '*', Resource: repeated('arn:*:*:*:*:', '*a', half) },
        { Effect: 'Deny', Action: '*', Resource: `${repeated('arn:*:*:*:*:', '*a', half - 1)}?` }], length);
    },
    'long `*é?` patterns': (length) => {
      const half = Math.floor(length / 2) - 80;
      return padded([
        { Effect: 'Allow', Action: ['ec2:*', 'ecs:*', 'iam:*', 'elasticloadbalancing:*'], Resource: repeated('arn:*:*:*:*:', '*\u00e9?', half) },
        { Effect: 'Deny', Action: '*', Resource: repeated('arn:*:*:*:*:', '?*\u00e9', half) }], length);
    },
    'many statements': (length) => fill((n) => (n % 2 === 0
      ? { Effect: 'Allow', Action: '*', Resource: `arn:*:*:*:*:*a*${n}` }
      : { Effect: 'Deny', Action: '*', Resource: `arn:*:*:*:*:*${n}*a*` }), length),
    'many condition entries': (length) => fill((n) => (n % 2 === 0
      ? { Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringLike: entries(40) } }
      : { Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringLike: { ...entries(39), [`aws:PrincipalTag/x${n}`]: 'v' } } }), length),
  };
  const worst = (label, call) => {
    let slowest = 0, total = 0, n = 0;
    while (n < 1 || (total < 1000 && n < 200)) {
      const t = performance.now();
      call(n);
      const took = performance.now() - t;
      slowest = Math.max(slowest, took);
      total += took;
      n++;
    }
    console.log(`${name}: ${label.padEnd(62)} worst ${slowest.toFixed(2).padStart(9)} ms  mean ${(total / n).toFixed(2).padStart(9)} ms  (${n} calls)`);
    return [slowest, label];
  };
  let slowest = [0, ''];
  const note = (result) => { if (result[0] > slowest[0]) slowest = result; };
  const base = { ...filled, 'aws-account-id': '123456789012' };
  for (const length of (process.env.ADVERSARIAL_LENGTHS || '10056,65536').split(',').map(Number)) {
    for (const [shape, make] of Object.entries(shapes)) {
      const raw = { ...base, 'existing-permissions-policy': make(length) };
      note(worst(`generate(), ${shape}, ${length} chars`, () => generate(raw)));
      const live = new LiveGuide();
      live.update(raw);
      note(worst(`keystroke in the account ID, ${shape}, ${length} chars`,
        (i) => live.update({ ...raw, 'aws-account-id': `1234567890${String(i % 100).padStart(2, '0')}` })));
      live.update(raw);
      note(worst(`keystroke in the external ID, ${shape}, ${length} chars`,
        (i) => live.update({ ...raw, 'external-id': `external-${i}` })));
    }
  }
  console.log(`${name}: worst of the adversarial inputs: ${slowest[0].toFixed(2)} ms (${slowest[1]}; budget 16 ms: ${slowest[0] <= 16 ? 'within' : 'OVER'})`);
}
