// Types of the generator without any DOM (generate.js, also re-exported by ecs-integration-guide.js).
/// <reference lib="esnext.disposable" />
import type { Guide, GuideInputs } from './ecs_guide.js';

export type { Guide, GuideInputs, InputKey, OutputId, InputError, InputState, OutputState } from './ecs_guide.js';

/**
 * Resolves once the Wasm core has loaded (fetched from beside the module); `generate` works from
 * then on. Where fetch() cannot read the module's URL (Node), it rejects: use `initWith`.
 */
export declare const ready: Promise<void>;

/** Loads the small build's .wasm from its bytes (or a compiled module), synchronously: for Node. */
export declare function initWith(wasm: BufferSource | WebAssembly.Module): void;

/**
 * The guide's six IAM documents and ARN, with findings and sizes, and every input's error, from
 * `inputs` (no DOM needed). This is the small build, loaded first.
 */
export declare function generate(inputs: GuideInputs): Guide;

/**
 * Loads the full build from beside this module (once) and resolves to its `generate`, which also
 * merges, checks and writes the infrastructure as code: every output.
 */
export declare function loadFull(): Promise<(inputs: GuideInputs) => Guide>;

/** Imports and initialises the full build's glue module once (its `generate` and `LiveGuide`). */
export declare function loadFullModule(): Promise<typeof import('./ecs_guide_full.js')>;
