// Bundles the embed from real ES modules (esbuild): www/embed/element.js with generate.js, live.js,
// the wasm-bindgen glue (dist/pkg/) and build-site's dist/embed/assets.js, into
// dist/embed/ecs-integration-guide.js; and www/embed/generate.js alone (no DOM) into
// dist/embed/generate.js. The full build's glue stays a separate file beside them, imported by a
// literal import('./ecs_guide_full.js'); each glue finds its .wasm by a literal
// new URL('…_bg.wasm', import.meta.url): a host's bundler sees everything the element loads.
// Usage: node tools/build-embed.mjs DIST
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dist = resolve(process.argv[2] || 'dist');
const www = new URL('../www/embed/', import.meta.url).pathname;

/** Maps the sources' imports of build outputs to dist/: the glue and the generated assets. */
const fromDist = {
  name: 'from-dist',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/pkg\/ecs_guide\.js$/ }, () => ({ path: join(dist, 'pkg/ecs_guide.js') }));
    b.onResolve({ filter: /^\.\/assets\.js$/ }, () => ({ path: join(dist, 'embed/assets.js') }));
    b.onResolve({ filter: /^\.\/ecs_guide_full\.js$/ }, (args) => ({ path: args.path, external: true }));
  },
};

for (const [entry, out] of [['element.js', 'ecs-integration-guide.js'], ['generate.js', 'generate.js']]) {
  await build({
    entryPoints: [join(www, entry)],
    outfile: join(dist, 'embed', out),
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [fromDist],
  });
}
rmSync(join(dist, 'embed/assets.js'));
