// The site page: loads the Wasm core, fills fields from a shared link, and makes the guide live.
// The small build comes first (the six documents); the full one (merge, check, code) when needed.
// Also the page's own parts: method and way (in the link), theme, "On this page", readiness.
import init, { generate } from './pkg/ecs_guide.js';
import { connect, copyText, flash, announce, valueOf, setValueOf, loadFullWhenNeeded } from './live.js';

/** The full build, beside the small one. */
const FULL = new URL('./pkg/ecs_guide_full.js', import.meta.url).href;

/** The three IDs the cross-account documents need. */
const IDS = ['aws-account-id', 'shippable-aws-account-id', 'external-id'];

/** Values in the URL fragment (`#aws-account-id=…&external-id=…`), put there by "Copy a link". */
function valuesFromFragment(names) {
  const hash = location.hash.slice(1);
  if (!hash.includes('=')) return {};
  const params = new URLSearchParams(hash);
  const values = {};
  for (const name of names) if (params.has(name)) values[name] = params.get(name);
  return values;
}

/** The checked radio of a group, and checking one by value. */
const chosen = (name) => document.querySelector(`input[name="${name}"]:checked`)?.value;
function choose(name, value) {
  const radio = document.querySelector(`input[name="${name}"][value="${CSS.escape(value)}"]`);
  if (radio) radio.checked = true;
}

/** Every way tab group keeps the same way: a choice in one method is the choice in the other. */
function syncWays() {
  document.addEventListener('change', (event) => {
    const radio = event.target;
    if (!radio.name?.startsWith('way-')) return;
    for (const other of document.querySelectorAll(`[data-sync="way"] input[value="${radio.value}"]`)) other.checked = true;
  });
}

/** Light, dark or auto: remembered in this browser only when the reader picks one. */
function theme() {
  try {
    const saved = localStorage.getItem('theme');
    if (saved) choose('theme', saved);
  } catch { /* storage off: the theme follows the system */ }
  document.addEventListener('change', (event) => {
    if (event.target.name !== 'theme') return;
    try {
      if (event.target.value === 'auto') localStorage.removeItem('theme');
      else localStorage.setItem('theme', event.target.value);
    } catch { /* not remembered */ }
  });
}

/** "On this page": open beside the page on a wide screen, and the section in view highlighted. */
function onThisPage() {
  const toc = document.querySelector('.toc details');
  if (!toc) return;
  // Beside the page the list shows by CSS (::details-content); where that is not supported, open it.
  if (!CSS.supports('selector(::details-content)')) {
    const wide = matchMedia('(min-width: 64rem)');
    const fit = () => { toc.open = wide.matches; };
    fit();
    wide.addEventListener('change', fit);
  }
  const links = new Map([...toc.querySelectorAll('a[href^="#"]')].map((a) => [a.getAttribute('href').slice(1), a]));
  const headings = [...document.querySelectorAll('main :is(h2, h3)[id]')].filter((h) => links.has(h.id));
  let current = null;
  let queued = false;
  const spy = () => {
    queued = false;
    const line = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) + 8 || 60;
    let found = null;
    for (const h of headings) {
      const top = h.getBoundingClientRect();
      if (!top.height) continue; // a hidden method or way
      if (top.top <= line) found = h;
      else break;
    }
    const link = found ? links.get(found.id) : null;
    if (link === current) return;
    current?.removeAttribute('aria-current');
    link?.setAttribute('aria-current', 'true');
    current = link;
  };
  const queue = () => { if (!queued) { queued = true; requestAnimationFrame(spy); } };
  addEventListener('scroll', queue, { passive: true });
  document.addEventListener('change', queue);
  queue();
}

/** "3 of 3 values set", and a warning when the two account IDs are one. */
function readiness(guide) {
  const line = document.querySelector('[data-readiness]');
  if (!line) return;
  const set = IDS.filter((key) => guide.inputs[key] && !guide.inputs[key].error).length;
  const text = set === IDS.length
    ? `${set} of ${IDS.length} values set: every document is ready.`
    : `${set} of ${IDS.length} values set: the documents show placeholders where the others go.`;
  if (line.textContent !== text) line.textContent = text;
  line.dataset.complete = String(set === IDS.length);
  const own = guide.inputs['aws-account-id'];
  const theirs = guide.inputs['shippable-aws-account-id'];
  const same = document.querySelector('[data-same-account]');
  if (same) same.hidden = !(own?.value && own.value === theirs?.value);
}

async function main() {
  theme();
  onThisPage();
  syncWays();
  // Pages without live parts only need their copy buttons, not the Wasm core.
  const live = document.querySelector('[data-your-values], [data-output]');
  if (live) await init();
  const connection = connect(document, generate, readiness);
  const { update, controls, form } = connection;
  // Pasted policies never go into a link: only the values form's fields do, and the choices.
  const linked = controls.filter((c) => c.closest('[data-your-values]') && c.tagName !== 'TEXTAREA');
  const fromLink = valuesFromFragment([...linked.map((c) => c.name), 'method', 'way']);
  for (const control of linked) if (control.name in fromLink) setValueOf(control, fromLink[control.name]);
  if (fromLink.method) choose('method', fromLink.method);
  if (fromLink.way) for (const group of ['way-cross-account', 'way-account-keys']) choose(group, fromLink.way);

  form?.querySelector('[data-copy-link]')?.addEventListener('click', async (event) => {
    // Read before the await: currentTarget is null once the event has been dispatched.
    const button = event.currentTarget;
    const params = new URLSearchParams();
    const method = chosen('method');
    if (method && method !== 'cross-account') params.set('method', method);
    const way = chosen(`way-${method || 'cross-account'}`);
    if (way && way !== 'console') params.set('way', way);
    for (const control of linked) {
      const value = valueOf(control).trim();
      const isDefault = (control.tagName === 'SELECT' && control.selectedIndex === 0) || value === 'false';
      if (value && !isDefault) params.set(control.name, value);
    }
    const ok = await copyText(`${location.href.split('#')[0]}#${params}`, document);
    flash(button, ok ? 'Link copied' : 'Copy failed');
    announce(document, ok ? 'Copied a link with your values. Anyone you give it to sees them.' : 'Copying the link failed.');
  });

  if (live) {
    update();
    const loadFull = loadFullWhenNeeded(document, connection, FULL, document.documentElement);
    // A way other than the console shows a script or template: the full build writes it.
    const codeWay = () => [...document.querySelectorAll('[name^="way-"]:checked')].some((r) => r.value !== 'console');
    if (codeWay()) loadFull();
    document.addEventListener('change', (event) => { if (event.target.name?.startsWith('way-') && codeWay()) loadFull(); });
  }
  document.documentElement.classList.add('js-ready');
}

main().catch((error) => {
  console.error(error);
  document.documentElement.classList.add('js-failed');
});
