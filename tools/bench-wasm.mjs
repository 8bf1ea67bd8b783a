// Time per generate() call in the built .wasm under Node, and the shipped sizes (benchmark).
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { join, resolve } from 'node:path';

const dist = resolve(process.argv[2] || 'dist');
const pkg = join(dist, 'pkg');
const { initSync, generate } = await import(join(pkg, 'ecs_guide.js'));
const wasm = readFileSync(join(pkg, 'ecs_guide_bg.wasm'));
initSync({ module: wasm });

for (const f of ['ecs_guide_bg.wasm', 'ecs_guide.js']) {
  const b = readFileSync(join(pkg, f));
  console.log(`${f.padEnd(20)} ${b.length} B raw, ${gzipSync(b, { level: 9 }).length} B gzip, ${brotliCompressSync(b).length} B brotli`);
}

const sets = {
  'nothing typed': {},
  'all filled': { 'aws-account-id': '1234-5678-9012', 'shippable-aws-account-id': '210987654321',
    'external-id': '57b3a1c2d4e5f60718293a4b', partition: 'aws-cn' },
};
for (const [label, inputs] of Object.entries(sets)) {
  for (let i = 0; i < 2000; i++) generate(inputs);
  const samples = [];
  for (let r = 0; r < 2000; r++) {
    const t = performance.now();
    generate(inputs);
    samples.push((performance.now() - t) * 1000);
  }
  samples.sort((a, b) => a - b);
  const q = (p) => samples[Math.floor(samples.length * p)].toFixed(1);
  console.log(`generate() in Wasm, ${label.padEnd(14)} median ${q(0.5)} µs  p95 ${q(0.95)} µs  p99 ${q(0.99)} µs`);
}
