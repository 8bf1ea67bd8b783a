// <ecs-integration-guide>: the guide's steps with live fields and documents in a shadow root; a
// form-associated custom element. Bundled by tools/build-embed.mjs (esbuild) with generate.js, the
// wasm-bindgen glue, live.js, engine.js, shadow.js, compact.js, state.js, locked.js and
// assets.js (the guide's HTML and CSS, written
// by build-site) into dist/embed/ecs-integration-guide.js. Importable without a DOM: the element is
// defined only where customElements exists.
import { ready, generate, loadFull, loadFullModule, initWith } from './generate.js';
import { LiveGuide } from '../pkg/ecs_guide.js';
import { connect, setValueOf } from '../live.js';
import { engineOf, watchForFull } from '../engine.js';
import { renderShadow } from './shadow.js';
import { applyCompact } from './compact.js';
import { applyLocked, lockedKeys } from './locked.js';
import { METHODS, detailOf, showStatuses, validityOf } from './state.js';
import { INPUT_KEYS as ALL_INPUT_KEYS, PASTED_INPUT_KEYS, PARTITIONS } from '../generated/facts.js';

export { ready, generate, loadFull, initWith };

/** The element's input attributes: every input but the pasted policies. */
const INPUT_KEYS = ALL_INPUT_KEYS.filter((key) => !PASTED_INPUT_KEYS.includes(key));

let coreReady = false;
ready.then(() => { coreReady = true; }, () => {});

/** How long the element waits for the Wasm core before showing the guide with its placeholders. */
const SHOW_PLACEHOLDERS_AFTER = 1000;

const camel = (key) => key.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

function define() {
  class EcsIntegrationGuideElement extends HTMLElement {
    static formAssociated = true;

    static get observedAttributes() {
      // `required`, `disabled` and `name` too: a form control's own, each taking effect at once.
      return [...INPUT_KEYS, 'method', 'locked', 'compact', 'required', 'disabled', 'name'];
    }

    #internals = this.attachInternals();
    #container = null;
    #live = null;
    #stopLoading = null;
    #hostErrors = new Map();
    /** What each host attribute last put in its field: removing it clears only that. */
    #fromHost = new Map();
    #state = { complete: false, value: '' };
    /** The latest state (frozen), what `guide` returns; the last one dispatched (as JSON); one dispatch queued. */
    #current = null;
    #sent = '';
    #queued = false;
    #disabled = false;
    /** Outputs not generated yet, marked not ready while an attribute is wrong: what they said before. */
    #notGenerated = new Map();
    /** A form state the browser restored before the element rendered: applied when it does. */
    #restored = null;
    /** Until the first documents are in: the timer that shows the guide with placeholders instead. */
    #showLater = null;

    constructor() {
      super();
      this.attachShadow({ mode: 'open' });
    }

    connectedCallback() {
      if (!this.#container) this.#render();
      // Once the core is in, an element is live (its `guide` set) as soon as it is connected.
      if (coreReady) this.#start();
      else {
        if (this.#container.classList.contains('waiting')) {
          this.#showLater ??= setTimeout(() => this.#show(), SHOW_PLACEHOLDERS_AFTER);
        }
        ready.then(() => this.#start(), (error) => this.#failed(error));
      }
    }

    /** Shows the guide (hidden while `waiting` for its first documents). */
    #show() {
      clearTimeout(this.#showLater);
      this.#showLater = null;
      this.#container.classList.remove('waiting');
    }

    #start() {
      if (!this.isConnected) return;
      if (!this.#live) {
        this.#live = connect(this.shadowRoot, engineOf({ LiveGuide }), (guide) => this.#changed(guide));
        // Shown with its first documents, in this task: the host's guide-change sees it shown.
        this.#show();
        this.#live.update();
        this.#container.classList.add('js-ready');
      }
      if (!this.#container.classList.contains('full-ready') && !this.#stopLoading) {
        // A bundled module is one instance: after a failure, a new LiveGuide of it.
        this.#stopLoading = watchForFull(this.shadowRoot, this.#live, loadFullModule,
          () => loadFullModule().then(engineOf), this.#container).stop;
      }
    }

    disconnectedCallback() {
      this.#stopLoading?.();
      this.#stopLoading = null;
      clearTimeout(this.#showLater);
      this.#showLater = null;
    }

    attributeChangedCallback(name, before, after) {
      if (!this.#container) return;
      // The browser bars a disabled control from validation and the form data, and keeps its name.
      if (name === 'disabled' || name === 'name') return;
      if (name === 'required') {
        if (this.#current) this.#validate(this.#current);
        return;
      }
      if (name === 'compact' || name === 'method') applyCompact(this.#container, this.hasAttribute('compact'), this.#method());
      if (name === 'compact') return;
      if (name === 'method') this.#applyMethod();
      else if (name === 'locked') this.#applyLocked();
      else {
        this.#applyValue(name, after === null);
        this.#live?.update();
      }
      // An attribute's error, made or mended, changes the state even where the documents do not.
      if (this.#live) this.#changed(this.#live.guide());
    }

    /** The last generated guide: every output and input state, `complete` and `value`. */
    get guide() {
      return this.#live ? this.#current : null;
    }

    /** The value to save: the role ARN (cross-account) or user name (account keys), once complete. */
    get value() {
      return this.#state.value;
    }

    /** True when the shown method's documents are all complete (optional inputs do not count). */
    get complete() {
      return this.#state.complete;
    }

    get form() { return this.#internals.form; }
    get validity() { return this.#internals.validity; }
    get validationMessage() { return this.#internals.validationMessage; }
    get willValidate() { return this.#internals.willValidate; }
    checkValidity() { return this.#internals.checkValidity(); }
    reportValidity() { return this.#internals.reportValidity(); }

    get name() { return this.getAttribute('name') ?? ''; }
    set name(value) { this.setAttribute('name', value); }
    get method() { return this.getAttribute('method'); }
    set method(value) { if (value == null) this.removeAttribute('method'); else this.setAttribute('method', value); }
    get locked() { return this.getAttribute('locked') ?? ''; }
    set locked(value) { if (value == null) this.removeAttribute('locked'); else this.setAttribute('locked', value); }
    get required() { return this.hasAttribute('required'); }
    set required(on) { this.toggleAttribute('required', Boolean(on)); }
    get disabled() { return this.hasAttribute('disabled'); }
    set disabled(on) { this.toggleAttribute('disabled', Boolean(on)); }
    /** The compact layout for settings pages: the value and the next action first, the steps as headings and documents. */
    get compact() { return this.hasAttribute('compact'); }
    set compact(on) { this.toggleAttribute('compact', Boolean(on)); }
    get hardened() { return this.hasAttribute('hardened'); }
    set hardened(on) { this.toggleAttribute('hardened', Boolean(on)); }

    /** As a native input: back to the host's values (its attributes) at once, value and validity too. */
    formResetCallback() {
      if (!this.#container) return;
      this.#container.querySelector('[data-your-values]')?.reset();
      this.#applyValues();
      this.#live?.update();
    }

    /** In a disabled fieldset (or form control group), its fields are disabled too. */
    formDisabledCallback(disabled) {
      this.#disabled = disabled;
      this.#container?.querySelectorAll('[data-your-values] fieldset').forEach((fieldset) => { fieldset.disabled = disabled; });
    }

    /** The reader's values back (the browser's restore or autofill); the host's locked values stay the host's. */
    formStateRestoreCallback(state) {
      if (typeof state !== 'string') return;
      if (!this.#container) {
        this.#restored = state;
        return;
      }
      let values;
      try {
        values = JSON.parse(state);
      } catch {
        return;
      }
      const locked = this.#lockedKeys();
      for (const key of INPUT_KEYS) {
        const control = this.#control(key);
        if (control && typeof values?.[key] === 'string' && !locked.has(key)) setValueOf(control, values[key]);
      }
      this.#live?.update();
    }

    #render() {
      const container = renderShadow(this.shadowRoot);
      this.#container = container;
      container.querySelector('[data-your-values]')?.addEventListener('reset', () => {
        setTimeout(() => { this.#applyValues(); this.#live?.update(); });
      });

      this.#applyMethod();
      applyCompact(container, this.hasAttribute('compact'), this.#method());
      this.#applyLocked();
      this.#applyValues();
      if (this.#disabled) this.formDisabledCallback(true);
      if (this.#restored !== null) {
        const state = this.#restored;
        this.#restored = null;
        this.formStateRestoreCallback(state);
      }
    }

    #failed(error) {
      this.#container.classList.add('js-failed');
      this.#show();
      const compile = error instanceof WebAssembly.CompileError || /wasm|WebAssembly/i.test(String(error));
      this.#setHostError('wasm', compile
        ? "The guide's generator (WebAssembly) could not be compiled here. If the page has a Content-Security-Policy, its script-src needs 'wasm-unsafe-eval'."
        : `The guide's generator did not load: ${error}`);
      console.error('ecs-integration-guide: the Wasm core did not load', error);
    }

    #method() {
      const method = (this.getAttribute('method') || '').toLowerCase();
      return METHODS.includes(method) ? method : null;
    }

    /**
     * The first error of a host attribute, as [key, message]: `partition`, `method` or `locked` not
     * understood, or a value the core refuses while its field still holds it. No document is ready
     * until it is fixed.
     */
    #attributeError(guide) {
      for (const [key, message] of this.#hostErrors) if (key !== 'wasm') return [key, message];
      for (const [key, value] of this.#fromHost) {
        const error = guide.inputs[key]?.error;
        const control = this.#control(key);
        if (error && error.code !== 'missing' && control && String(control.type === 'checkbox' ? control.checked : control.value) === value) {
          return [key, error.message];
        }
      }
      return null;
    }

    /**
     * A new state: `value`, `guide`, the form value and validity change at once; `guide-change` is
     * queued (a microtask), never dispatched inside the host's own call into the element.
     */
    #changed(guide) {
      const detail = detailOf(guide, this.#method(), this.#attributeError(guide));
      this.#current = detail;
      this.#state = { complete: detail.complete, value: detail.value };
      const values = {};
      for (const control of this.#live?.controls ?? []) values[control.name] = control.type === 'checkbox' ? String(control.checked) : control.value;
      this.#internals.setFormValue(detail.value || null, JSON.stringify(values));
      this.#validate(detail);
      showStatuses(this.#container, detail, this.#attributeError(detail), this.#notGenerated);
      if (this.#queued) return;
      this.#queued = true;
      queueMicrotask(() => this.#dispatch());
    }

    /**
     * Dispatches the latest state, once: every listener gets the same frozen detail, and a change a
     * listener makes is queued after this dispatch, so the last event a host sees is the latest state.
     */
    #dispatch() {
      this.#queued = false;
      const detail = this.#current;
      const signature = JSON.stringify(detail);
      if (signature === this.#sent) return;
      this.#sent = signature;
      this.dispatchEvent(new CustomEvent('guide-change', { bubbles: true, composed: true, detail }));
    }

    /** Invalid while an attribute or input has an error; while incomplete too when the host marks it `required`. */
    #validate(detail) {
      const [flags, message, key] = validityOf(detail, this.#method(), this.#attributeError(detail), (k) => this.#control(k),
        this.hasAttribute('required'));
      this.#internals.setValidity(flags, message, (key && this.#control(key)) || undefined);
    }

    #control(key) {
      return this.#container.querySelector(`[data-your-values] [name="${key}"]`);
    }

    #setHostError(key, message) {
      if (message) this.#hostErrors.set(key, message);
      else this.#hostErrors.delete(key);
      const box = this.#container.querySelector('.host-errors');
      box.replaceChildren(...[...this.#hostErrors.values()].map((text) => {
        const p = document.createElement('p');
        p.textContent = text;
        return p;
      }));
      box.hidden = this.#hostErrors.size === 0;
    }

    #applyValues() {
      for (const key of INPUT_KEYS) this.#applyValue(key, false);
    }

    /** Puts a host attribute's value in its field; an unknown value is shown as an error instead. */
    #applyValue(key, removed) {
      const control = this.#control(key);
      if (!control) return;
      const attribute = this.getAttribute(key);
      if (attribute === null) {
        this.#setHostError(key, null);
        // Removed by the host: what the host had put there goes, what the reader typed stays.
        if (removed && this.#fromHost.has(key) && this.#fromHost.get(key) === String(control.type === 'checkbox' ? control.checked : control.value)) {
          setValueOf(control, '');
        }
        this.#fromHost.delete(key);
        return;
      }
      let value = attribute;
      if (key === 'hardened') value = 'true'; // an HTML boolean: present means on
      else if (key === 'partition') {
        value = attribute.trim().toLowerCase();
        if (!PARTITIONS.includes(value)) {
          this.#setHostError(key, `The attribute partition="${attribute}" is not a partition: use one of ${PARTITIONS.join(', ')}. No document is ready until it is fixed.`);
          return;
        }
      }
      this.#setHostError(key, null);
      setValueOf(control, value);
      this.#fromHost.set(key, value);
    }

    #applyMethod() {
      const raw = this.getAttribute('method');
      const method = this.#method();
      this.#setHostError('method', raw !== null && !method
        ? `The attribute method="${raw}" is not a method: use cross-account or account-keys, or leave it out for both. Both are shown; no document is ready until it is fixed.`
        : null);
      for (const el of this.#container.children) {
        if (el.matches('[data-announce], .host-errors')) continue;
        const isForm = el.matches('section') && el.querySelector('[data-your-values]');
        const forMethod = el.getAttribute('data-method');
        el.hidden = Boolean(method) && !isForm && forMethod !== method;
      }
      for (const fieldset of this.#container.querySelectorAll('fieldset[data-method]')) {
        fieldset.hidden = Boolean(method) && fieldset.dataset.method !== method;
      }
      // The hardened account-keys documents need the AWS account ID: its field stays in view.
      const account = this.#control('aws-account-id')?.closest('.field');
      const shared = this.#container.querySelector('[data-your-values] fieldset:not([data-method])');
      const home = this.#container.querySelector('[data-your-values] fieldset[data-method="cross-account"]');
      if (account && shared && home) {
        if (method === 'account-keys' && account.parentElement !== shared) shared.prepend(account);
        else if (method !== 'account-keys' && account.parentElement !== home) home.querySelector('legend').after(account);
      }
    }

    #lockedKeys() {
      return lockedKeys(this.getAttribute('locked'));
    }

    #applyLocked() {
      this.#setHostError('locked', applyLocked(this.#container.querySelector('[data-your-values]'), this.#lockedKeys(), INPUT_KEYS));
    }
  }

  // Every input key is a camelCase property mirroring its attribute (hardened, above, is a boolean).
  for (const key of INPUT_KEYS.filter((k) => k !== 'hardened')) {
    Object.defineProperty(EcsIntegrationGuideElement.prototype, camel(key), {
      configurable: true,
      enumerable: true,
      get() { return this.getAttribute(key); },
      set(value) { if (value == null) this.removeAttribute(key); else this.setAttribute(key, value); },
    });
  }
  customElements.define('ecs-integration-guide', EcsIntegrationGuideElement);
}

if (typeof customElements !== 'undefined' && !customElements.get('ecs-integration-guide')) define();
