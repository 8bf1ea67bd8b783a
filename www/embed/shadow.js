// The element's shadow root: its constructed stylesheet, the guide's own HTML (through the Trusted
// Types policy `ecs-integration-guide`), the host-errors box, the live region and in-root anchor links.
import { TEMPLATE, STYLES } from './assets.js';
import { COMPACT_STYLES } from './compact.js';

let sheets;
function styles() {
  // Constructed stylesheets: no <style> element, so a host CSP without 'unsafe-inline' is fine.
  if (!sheets) {
    sheets = [STYLES, COMPACT_STYLES].map((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      return sheet;
    });
  }
  return sheets;
}

/**
 * The guide's HTML (the build's own: no typed value is ever in it), parsed into `container`. Under
 * Trusted Types it goes through the policy named `ecs-integration-guide`, which passes this one
 * string and nothing else.
 */
let policy;
function renderGuide(container) {
  policy ??= globalThis.trustedTypes?.createPolicy('ecs-integration-guide', {
    createHTML: (html) => {
      if (html !== TEMPLATE) throw new TypeError('ecs-integration-guide: only its own template is trusted');
      return html;
    },
  }) ?? null;
  container.innerHTML = policy ? policy.createHTML(TEMPLATE) : TEMPLATE;
  container.querySelectorAll('[data-copy-link], noscript, .form-note').forEach((el) => el.remove());
}

/** Renders the guide into the shadow root `root`; returns its container (hidden while `waiting`). */
export function renderShadow(root) {
  root.adoptedStyleSheets = styles();
  const container = document.createElement('div');
  // Hidden until its first documents are in: no layout or paint of the placeholders before.
  container.className = 'guide waiting';
  // Its own root: left to right and English whatever the host's dir and lang.
  container.dir = 'ltr';
  container.lang = 'en';
  renderGuide(container);
  const problems = document.createElement('div');
  problems.className = 'host-errors';
  problems.setAttribute('role', 'alert');
  problems.hidden = true;
  container.prepend(problems);
  const region = document.createElement('div');
  region.className = 'visually-hidden';
  region.setAttribute('role', 'status');
  region.setAttribute('aria-live', 'polite');
  region.dataset.announce = '';
  container.append(region);
  root.append(container);

  // Links to anchors scroll inside the shadow root; the host's URL is left alone.
  root.addEventListener('click', (event) => {
    const link = event.target.closest('a[href^="#"]');
    if (!link) return;
    const target = root.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ block: 'start' });
  });
  return container;
}
