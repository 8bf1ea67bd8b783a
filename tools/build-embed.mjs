// Bundles the embed from real ES modules (esbuild), each import a real relative path: the element's
// sources (www/embed/element.js, shadow.js, compact.js, state.js, locked.js and generate.js) are laid
// beside what they import in dist/, as build-site and the Wasm build left it (embed/assets.js,
// live.js, engine.js, generated/facts.js, pkg/), and bundled from there: element.js with all of it into
// dist/embed/ecs-integration-guide.js, and generate.js alone (no DOM) into dist/embed/generate.js.
// The full build's glue stays a separate file beside them, imported by a literal
// import('./ecs_guide_full.js'); each glue finds its .wasm by a literal new URL('…_bg.wasm',
// import.meta.url): a host's bundler sees everything the element loads.
// Usage: node tools/build-embed.mjs DIST
import { build } from 'esbuild';
import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dist = resolve(process.argv[2] || 'dist');
const embed = join(dist, 'embed');
const sources = new URL('../www/embed/', import.meta.url).pathname;

for (const file of ['element.js', 'shadow.js', 'compact.js', 'state.js', 'locked.js', 'generate.js']) copyFileSync(join(sources, file), join(embed, file));

/** The full build's glue stays a module of its own, loaded when needed. */
const fullBuildApart = {
  name: 'full-build-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/ecs_guide_full\.js$/ }, (args) => ({ path: args.path, external: true }));
  },
};

// Both bundles are made before any is written: generate.js is one's output and the other's input.
const bundles = [];
for (const [entry, out] of [['element.js', 'ecs-integration-guide.js'], ['generate.js', 'generate.js']]) {
  const result = await build({
    entryPoints: [join(embed, entry)],
    outfile: join(embed, out),
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [fullBuildApart],
  });
  bundles.push(...result.outputFiles);
}
for (const file of ['element.js', 'shadow.js', 'compact.js', 'state.js', 'locked.js', 'assets.js']) rmSync(join(embed, file));
for (const file of bundles) writeFileSync(file.path, file.contents);
