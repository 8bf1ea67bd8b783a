// <ecs-integration-guide>: the guide's steps with live fields and documents in a shadow root.
// Bundled by build-site with the wasm-bindgen glue, live.js, TEMPLATE (the guide's HTML) and
// STYLES (its CSS) into dist/embed/ecs-integration-guide.js; the .wasm is found beside the module.
import init, { generate } from '../pkg/ecs_guide.js';
import { connect, setValueOf, loadFullWhenNeeded, importFull } from '../live.js';

const INPUT_KEYS = ['aws-account-id', 'shippable-aws-account-id', 'external-id', 'role-name', 'policy-name',
  'user-name', 'user-policy-name', 'partition', 'hardened'];
const METHODS = ['cross-account', 'account-keys'];

/** Resolves once the Wasm core is ready; `generate` works from then on. */
const ready = init().then(() => undefined);

/** The full build (merge, check, infrastructure as code), beside this module. */
const FULL = new URL('./ecs_guide_full.js', import.meta.url).href;

/**
 * Loads the full build once: resolves to its `generate`, which returns every output. The element
 * loads it itself when the reader gets near what needs it.
 */
function loadFull() {
  return importFull(FULL).then((module) => module.generate);
}

let sheet;
function styles() {
  // A constructed stylesheet: no <style> element, so a host CSP without 'unsafe-inline' is fine.
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
  }
  return sheet;
}

class EcsIntegrationGuide extends HTMLElement {
  static get observedAttributes() {
    return [...INPUT_KEYS, 'method', 'locked'];
  }

  #container = null;
  #live = null;

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
  }

  connectedCallback() {
    if (this.#container) return; // re-inserted: keep what the reader typed
    const root = this.shadowRoot;
    root.adoptedStyleSheets = [styles()];
    const container = document.createElement('div');
    container.className = 'guide';
    container.innerHTML = TEMPLATE; // the build's own HTML: no typed value is ever in it
    container.querySelectorAll('[data-copy-link], noscript').forEach((el) => el.remove());
    const region = document.createElement('div');
    region.className = 'visually-hidden';
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
    region.dataset.announce = '';
    container.append(region);
    root.append(container);
    this.#container = container;

    // Links to anchors scroll inside the shadow root; the host's URL is left alone.
    root.addEventListener('click', (event) => {
      const link = event.target.closest('a[href^="#"]');
      if (!link) return;
      const target = root.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
      if (!target) return;
      event.preventDefault();
      target.scrollIntoView({ block: 'start' });
    });
    container.querySelector('[data-your-values]')?.addEventListener('reset', () => {
      setTimeout(() => { this.#applyValues(); this.#live?.update(); });
    });

    this.#applyMethod();
    this.#applyLocked();
    this.#applyValues();
    ready.then(() => {
      this.#live = connect(root, generate, (guide) => {
        this.dispatchEvent(new CustomEvent('guide-change', { bubbles: true, composed: true, detail: guide }));
      });
      this.#live.update();
      loadFullWhenNeeded(root, this.#live, FULL, container);
      container.classList.add('js-ready');
    }, (error) => {
      container.classList.add('js-failed');
      console.error('ecs-integration-guide: the Wasm core did not load', error);
    });
  }

  attributeChangedCallback(name) {
    if (!this.#container) return;
    if (name === 'method') this.#applyMethod();
    else if (name === 'locked') this.#applyLocked();
    else {
      this.#applyValues(name);
      this.#live?.update();
    }
  }

  /** The last generated guide: every output and input state. */
  get guide() {
    return this.#live ? this.#live.guide() : null;
  }

  #control(key) {
    return this.#container.querySelector(`[data-your-values] [name="${key}"]`);
  }

  #applyValues(only) {
    for (const key of only ? [only] : INPUT_KEYS) {
      const control = this.#control(key);
      if (!control) continue;
      const value = this.getAttribute(key);
      if (value !== null) setValueOf(control, value);
      else if (only) setValueOf(control, '');
    }
  }

  #applyMethod() {
    const method = METHODS.includes(this.getAttribute('method')) ? this.getAttribute('method') : null;
    for (const el of this.#container.children) {
      if (el.matches('[data-announce]')) continue;
      const isForm = el.matches('section') && el.querySelector('[data-your-values]');
      const forMethod = el.getAttribute('data-method');
      el.hidden = Boolean(method) && !isForm && forMethod !== method;
    }
    for (const fieldset of this.#container.querySelectorAll('fieldset[data-method]')) {
      fieldset.hidden = Boolean(method) && fieldset.dataset.method !== method;
    }
  }

  #applyLocked() {
    const locked = new Set((this.getAttribute('locked') || '').split(/[\s,]+/).filter(Boolean));
    for (const key of INPUT_KEYS) {
      const control = this.#control(key);
      if (!control) continue;
      const field = control.closest('.field');
      const isLocked = locked.has(key);
      if (control.tagName === 'SELECT' || control.type === 'checkbox') control.disabled = isLocked;
      else control.readOnly = isLocked;
      field.toggleAttribute('data-locked', isLocked);
      let note = field.querySelector('.locked-note');
      if (isLocked && !note) {
        note = document.createElement('p');
        note.className = 'locked-note';
        note.id = `locked-${key}`;
        note.textContent = 'Provided by Shippable.';
        field.querySelector('label').after(note);
        control.setAttribute('aria-describedby', `${note.id} ${control.getAttribute('aria-describedby')}`);
      } else if (!isLocked && note) {
        control.setAttribute('aria-describedby', control.getAttribute('aria-describedby').replace(`${note.id} `, ''));
        note.remove();
      }
    }
  }
}

if (!customElements.get('ecs-integration-guide')) {
  customElements.define('ecs-integration-guide', EcsIntegrationGuide);
}
