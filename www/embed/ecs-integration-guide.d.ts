// Types of the <ecs-integration-guide> module (dist/embed/ecs-integration-guide.js).
import type { Guide, GuideInputs, InputKey } from './ecs_guide';

export type { Guide, GuideInputs, InputKey, OutputId, InputError, InputState, OutputState, ActionVerdict, PermissionsCheck } from './ecs_guide';

/** Resolves once the Wasm core has loaded; `generate` works from then on. */
export declare const ready: Promise<void>;

/**
 * The guide's six IAM documents and ARN, with findings and sizes, and every input's error, from
 * `inputs` (no DOM needed). This is the small build, loaded first.
 */
export declare function generate(inputs: GuideInputs): Guide;

/**
 * Loads the full build from beside this module (once) and resolves to its `generate`, which also
 * merges, checks and writes the infrastructure as code: every output. The element calls it itself
 * when the reader gets near those sections.
 */
export declare function loadFull(): Promise<(inputs: GuideInputs) => Guide>;

/** The element's attributes: the input keys (prefill), `method`, and `locked`. */
export interface EcsIntegrationGuideAttributes extends Partial<Record<InputKey, string>> {
  /** Shows one method; absent shows both. */
  method?: 'cross-account' | 'account-keys';
  /** Space-separated input keys shown as read-only facts supplied by the host. */
  locked?: string;
}

/** `guide-change`: bubbles and is composed; `detail` holds every output and input state. */
export type GuideChangeEvent = CustomEvent<Guide>;

export declare class EcsIntegrationGuideElement extends HTMLElement {
  /** The current outputs and input states, or null before the Wasm core has loaded. */
  readonly guide: Guide | null;
}

declare global {
  interface HTMLElementTagNameMap {
    'ecs-integration-guide': EcsIntegrationGuideElement;
  }
  interface HTMLElementEventMap {
    'guide-change': GuideChangeEvent;
  }
}
