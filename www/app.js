// The site page: loads the Wasm core, fills fields from a shared link, and makes the guide live.
// The small build comes first (the six documents); the full one (merge, check, code) when needed.
// Also the page's own parts: method and way (in the link), theme, "On this page", readiness.
import init, { LiveGuide } from './pkg/ecs_guide.js';
import { connect, choose, announce } from './live.js';
import { engineOf, loadFullWhenNeeded } from './engine.js';
import { ID_KEYS, READINESS } from './generated/facts.js';

/** The full build, beside the small one. */
const FULL = new URL('./pkg/ecs_guide_full.js', import.meta.url).href;

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

/**
 * "3 of 3 values set", or that documents are held for the reader to confirm values from a link
 * (links.js), and a warning when the two account IDs are one.
 */
function readiness(guide) {
  const line = document.querySelector('[data-readiness]');
  if (!line) return;
  const set = ID_KEYS.filter((key) => guide.inputs[key] && !guide.inputs[key].error).length;
  const held = Object.values(guide.outputs).some((output) => output.held);
  const text = READINESS[held ? 'held' : set === ID_KEYS.length ? 'ready' : 'waiting']
    .replace('{set}', set).replace('{total}', ID_KEYS.length);
  if (line.textContent !== text) {
    // Said once when it changes (not per keystroke, not at load: the line is there to read), except
    // when a hold on values from a link ends: links.js says that, and what it made ready.
    if (readiness.said !== undefined && !readiness.held) announce(document, text);
    line.textContent = text;
  }
  readiness.said = text;
  readiness.held = held;
  line.dataset.complete = String(set === ID_KEYS.length && !held);
  const own = guide.inputs['aws-account-id'];
  const theirs = guide.inputs['shippable-aws-account-id'];
  const same = document.querySelector('[data-same-account]');
  if (same) same.hidden = !(own?.value && own.value === theirs?.value);
}

/**
 * The end of the current task: what follows runs in a task of its own. Loading is split so that no
 * one task keeps the main thread long (Lighthouse's total blocking time counts every task over 50 ms
 * on a phone four times slower than this machine).
 */
const nextTask = () => new Promise((resolve) => { setTimeout(resolve); });

async function main() {
  theme();
  onThisPage();
  syncWays();
  // Pages without live parts only need their copy buttons, not the Wasm core.
  const live = document.querySelector('[data-your-values], [data-output]');
  // The small build's glue is bundled into this file (build.sh): its .wasm is named from here.
  if (live) await init({ module_or_path: new URL('./pkg/ecs_guide_bg.wasm', import.meta.url) });
  await nextTask();
  const connection = connect(document, engineOf({ LiveGuide }), readiness);
  const { update, controls, form } = connection;
  // Pasted policies never go into a link: only the values form's fields do, and the choices.
  const linked = controls.filter((c) => c.closest('[data-your-values]') && c.tagName !== 'TEXTAREA');
  // What links do (copy one; fill in, and mark, the values one brought) loads only when a link is
  // used: the first visit's weight is a budget.
  const links = () => import('./links.js');
  form?.querySelector('[data-copy-link]')?.addEventListener('click', (event) => {
    const button = event.currentTarget;
    links().then((module) => module.copyLink(button, linked));
  });

  if (live) {
    if (location.hash.includes('=')) (await links()).fillFromLink(connection, linked);
    update();
    await nextTask();
    const { load: loadFull } = loadFullWhenNeeded(document, connection, FULL, document.documentElement);
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
