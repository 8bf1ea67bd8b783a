// The guide's generator without any DOM: the small build's generate() and the full build on demand.
// Bundled (esbuild) into dist/embed/generate.js, and into the element's module. Everything it loads
// is written literally, for a bundler's static analysis: the glue's
// new URL('ecs_guide_bg.wasm', import.meta.url) and import('./ecs_guide_full.js').
import init, { initSync, generate } from '../pkg/ecs_guide.js';

export { generate };

/**
 * Loads the small build's .wasm from `source` instead (bytes or a compiled WebAssembly.Module),
 * synchronously: for Node, where the module's own URL is a file that fetch() cannot read.
 */
export function initWith(source) {
  initSync({ module: source });
}

/** Resolves once the Wasm core is ready; `generate` works from then on. */
export const ready = init().then(() => undefined);
// Where nobody waits for it (Node before initWith), a failed fetch is no unhandled rejection.
ready.catch(() => {});

let full;

/** Imports the full build's glue (beside this module) and initialises it, once. */
export function loadFullModule() {
  full ||= import('./ecs_guide_full.js').then(async (module) => {
    await module.default();
    return module;
  });
  return full;
}

/**
 * Loads the full build once: resolves to its `generate`, which returns every output. The element
 * loads it itself when the reader gets near what needs it.
 */
export function loadFull() {
  return loadFullModule().then((module) => module.generate);
}
