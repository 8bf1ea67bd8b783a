// The full build, loaded when the reader nears what needs it: each build's engine (a LiveGuide),
// the full build's glue imported and initialised once per URL, and the switch to it.

/** The full build's glue modules, imported and initialised once per URL. */
const fullBuilds = new Map();
/** Fresh instances of the full build made so far: each has a module URL (a query) of its own. */
let instances = 0;

/**
 * A build's engine: a LiveGuide of its own (both builds have one), made at the first update (once
 * the module is initialised), whose update() hands back only what changed since the last
 * (everything, the first time): the one change detection, in the core.
 */
export function engineOf(module) {
  let guide;
  return (inputs) => (guide ||= new module.LiveGuide()).update(inputs);
}

/** Imports the full build's glue from `url` (beside its .wasm) and initialises it, once. */
export function importFull(url) {
  if (!fullBuilds.has(url)) {
    fullBuilds.set(url, import(url).then(async (module) => { await module.default(); return module; }));
  }
  return fullBuilds.get(url);
}

/**
 * Switches `live` to the full build once the reader may need it: when an output the small build
 * does not make (or a field where a policy is pasted) comes within a screen of view, when such a
 * field gets focus, or before printing. `source` is the full build's glue URL; once it is in use,
 * `marker` gets the class `full-ready`. Returns { load, stop }: load it now; stop watching
 * (listeners and observer).
 */
export function loadFullWhenNeeded(root, live, source, marker) {
  // After a failure: a new instance of the glue (its URL differs by a query), its own Wasm memory.
  return watchForFull(root, live, () => importFull(source),
    () => importFull(`${source}?instance=${++instances}`).then(engineOf), marker);
}

/**
 * loadFullWhenNeeded with the loading given as functions: `load` imports and initialises the full
 * build, `fresh` makes a fresh engine after a failure. The embed calls it with its own literal
 * import, so its bundle holds no import() of a variable (a bundler warns of one).
 */
export function watchForFull(root, live, load, fresh, marker) {
  live.fresh = fresh;
  const missing = [...root.querySelectorAll('[data-output]')]
    .filter((el) => !(el.dataset.output in live.guide().outputs));
  const fields = [...root.querySelectorAll('[data-guide-inputs]')];
  if (!missing.length && !fields.length) return { load: () => {}, stop: () => {} };
  const say = (text) => {
    for (const el of missing) {
      const status = root.querySelector(`[data-status-for="${el.dataset.output}"]`);
      if (status) status.textContent = text;
    }
  };
  // Until then these show the page's own text, with the guide's placeholders; their status says why.
  say('Fills in with your values when you get here: the rest of the generator loads then.');
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    stop();
    load().then((full) => {
      live.setEngine(engineOf(full));
      marker.classList.add('full-ready');
    }, (error) => {
      console.error('The full build of the guide did not load', error);
      say('Could not load what makes this document: reload the page to try again.');
    });
  };
  const observer = typeof IntersectionObserver === 'function'
    ? new IntersectionObserver((entries) => { if (entries.some((e) => e.isIntersecting)) start(); }, { rootMargin: '100% 0px' })
    : null;
  const onFocus = (event) => { if (event.target.closest?.('[data-guide-inputs]')) start(); };
  // Opening a document's checks: its findings are the full build's.
  const onToggle = (event) => { if (event.target.open && event.target.matches?.('.document-extras')) start(); };
  function stop() {
    observer?.disconnect();
    root.removeEventListener('focusin', onFocus);
    root.removeEventListener('toggle', onToggle, true);
    window.removeEventListener('beforeprint', start);
  }
  if (!observer) {
    start();
    return { load: start, stop };
  }
  for (const el of [...missing, ...fields]) observer.observe(el);
  root.addEventListener('focusin', onFocus);
  root.addEventListener('toggle', onToggle, true);
  window.addEventListener('beforeprint', start);
  return { load: start, stop };
}
