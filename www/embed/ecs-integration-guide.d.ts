// Types of the <ecs-integration-guide> module (ecs-integration-guide.js). Importing it defines the
/// <reference lib="esnext.disposable" />
// element where `customElements` exists; without a DOM it only exports the generator.
import type { Guide, GuideInputs, InputKey } from './ecs_guide.js';

export type { Guide, GuideInputs, InputKey, OutputId, InputError, InputState, OutputState, ActionVerdict, PermissionsCheck } from './ecs_guide.js';
export { ready, generate, loadFull, initWith } from './generate.js';

/** The shown method: `cross-account`, `account-keys`, or both when absent. */
export type GuideMethod = 'cross-account' | 'account-keys';

/** The element's attributes: the input keys (prefill), `method`, `locked`, `name` and `required`. */
export interface EcsIntegrationGuideAttributes extends Partial<Record<Exclude<InputKey, 'hardened' | 'existing-trust-policy' | 'existing-permissions-policy'>, string>> {
  /** Shows one method; absent shows both. Any other value is shown as an error. */
  method?: GuideMethod;
  /** Space-separated input keys shown as read-only facts supplied by the host. */
  locked?: string;
  /** The compact layout for a settings page: an HTML boolean, on when present. */
  compact?: boolean | '';
  /** The least-privilege variant: an HTML boolean, on when present. */
  hardened?: boolean | '';
  /** The element's name in its form: FormData carries its `value` under it. */
  name?: string;
  /** Invalid (valueMissing) until the shown method's documents are complete. */
  required?: boolean | '';
  /** Disabled, as a native input: out of validation and the form data. */
  disabled?: boolean | '';
}

/** `detail` of `guide-change`, and the element's `guide`. */
export interface GuideChangeDetail extends Guide {
  /** True when every document of the shown method is complete; optional inputs do not count. */
  complete: boolean;
  /** The value to save once complete ('' before): the role ARN (cross-account), the user name (account-keys). */
  value: string;
}

/** `guide-change`: bubbles and is composed; check `event.target` is your element. */
export type GuideChangeEvent = CustomEvent<GuideChangeDetail>;

/** Every event the element dispatches, by name (its `on…` props in React 19's JSX come from it). */
export interface EcsIntegrationGuideEventMap {
  'guide-change': GuideChangeEvent;
}

/** The element: a form-associated custom element (its `value` goes into FormData under `name`). */
export interface EcsIntegrationGuideElement extends HTMLElement {
  /** The current outputs and input states, or null before the Wasm core has loaded. */
  readonly guide: GuideChangeDetail | null;
  /** The value to save: the role ARN (cross-account) or user name (account-keys), '' until complete. */
  readonly value: string;
  /** True when the shown method's documents are all complete. */
  readonly complete: boolean;
  readonly form: HTMLFormElement | null;
  readonly validity: ValidityState;
  readonly validationMessage: string;
  readonly willValidate: boolean;
  checkValidity(): boolean;
  reportValidity(): boolean;
  name: string;
  /** Mirrors the `required` attribute: invalid (valueMissing) until complete. */
  required: boolean;
  /** Mirrors the `disabled` attribute: out of validation and the form data, its fields disabled. */
  disabled: boolean;
  method: string | null;
  locked: string;
  hardened: boolean;
  /** Mirrors the `compact` attribute: the compact layout for a settings page. */
  compact: boolean;
  awsAccountId: string | null;
  shippableAwsAccountId: string | null;
  externalId: string | null;
  roleName: string | null;
  policyName: string | null;
  userName: string | null;
  userPolicyName: string | null;
  partition: string | null;
  addEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: EcsIntegrationGuideElement, ev: HTMLElementEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: EcsIntegrationGuideElement, ev: HTMLElementEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'ecs-integration-guide': EcsIntegrationGuideElement;
  }
  interface HTMLElementEventMap extends EcsIntegrationGuideEventMap {}
}
