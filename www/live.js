// The live guide, shared by the site page and the embed: one LiveGuide.update() per change, and
// what it hands back (the outputs that changed) is written. `root` is the document or a shadow root.
import { SEVERITY_LABELS, SIZE_METER } from './generated/facts.js';

/**
 * Sets an element's text, changing only the characters that differ: an edit inside one text node
 * lets the browser reuse the layout of the rest (a keystroke changes a few characters of a document).
 */
function setTextOf(el, text) {
  const node = el.firstChild;
  if (!node || node !== el.lastChild || node.nodeType !== 3) {
    if (el.textContent !== text) el.textContent = text;
    return;
  }
  const old = node.data;
  if (old === text) return;
  const start = longestMatch(Math.min(old.length, text.length),
    (n) => old.substring(0, n) === text.substring(0, n));
  const end = longestMatch(Math.min(old.length, text.length) - start,
    (n) => old.substring(old.length - n) === text.substring(text.length - n));
  node.replaceData(start, old.length - start - end, text.slice(start, text.length - end));
}

/**
 * The largest n ≤ max for which same(n) holds (same(0) always does; if same(n), same(m) for m < n):
 * a binary search of whole-substring comparisons, which the engine does natively, instead of a
 * loop over every character of a script kilobytes long.
 */
function longestMatch(max, same) {
  let low = 0, high = max;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (same(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Copies text: the async clipboard where allowed, else a selection and execCommand. */
export async function copyText(text, root) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    const host = root.body || root;
    host.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

/**
 * Says something to screen readers through the root's live region (polite): what is said in one
 * task (an error that appears and the readiness it changes) is said together, once.
 */
export function announce(root, message) {
  const region = root.querySelector('[data-announce]');
  if (!region) return;
  if (region.pending) return void region.pending.push(message);
  region.pending = [message];
  queueMicrotask(() => {
    region.textContent = region.pending.join(' ');
    region.pending = null;
  });
}

/** Shows a short confirmation on a button, then its label again. */
export function flash(button, label) {
  const before = button.dataset.label || button.textContent;
  button.dataset.label = before;
  button.textContent = label;
  clearTimeout(button.flashTimer);
  button.flashTimer = setTimeout(() => { button.textContent = before; }, 1600);
}

/** A control's value for generate(): a checkbox gives "true" or "false". */
export function valueOf(control) {
  return control.type === 'checkbox' ? String(control.checked) : control.value;
}

/** Sets a control from a value generate() would take. */
export function setValueOf(control, value) {
  if (control.type === 'checkbox') control.checked = value === 'true';
  else control.value = value;
}

/** The checked radio of a group (`method`, `way-…`, `theme`), and checking one by its value. */
export const chosen = (name) => document.querySelector(`input[name="${name}"]:checked`)?.value;
export function choose(name, value) {
  const radio = document.querySelector(`input[name="${name}"][value="${CSS.escape(value)}"]`);
  if (radio) radio.checked = true;
}

/** Saves text as a file, made in the page (a blob URL): nothing is sent anywhere. */
function download(text, filename) {
  const url = URL.createObjectURL(new Blob([`${text}\n`], { type: 'text/plain' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * A count with thousands separated, as the quotas are written ("10,240"). Not Intl.NumberFormat:
 * making one loads locale data, a main-thread task of tens of milliseconds on a slow phone.
 */
export const thousands = (v) => String(v).replace(/\B(?=(\d{3})+$)/g, ',');

/** Updates a size meter and its sentence. */
function showSize(el, size) {
  const meter = el.querySelector('meter');
  const text = el.querySelector('[data-size-text]');
  el.hidden = !size;
  if (!size || !meter || !text) return;
  meter.max = size.limit;
  meter.value = size.used;
  const [lowOf, lowIn] = SIZE_METER.low, [highOf, highIn] = SIZE_METER.high;
  meter.low = Math.floor(size.limit * lowOf / lowIn);
  meter.high = Math.floor(size.limit * highOf / highIn);
  const figures = { used: thousands(size.used), limit: thousands(size.limit),
    percent: Math.floor(size.used * 100 / size.limit), quota: size.quota };
  setTextOf(text, SIZE_METER.sentence.replace(/\{(\w+)\}/g, (_, name) => figures[name]));
}

/**
 * Rebuilds a findings list from data (text only: nothing typed becomes HTML). An output changes as
 * a whole, and most keystrokes that change a document leave its findings as they were: the list
 * keeps what it shows, so that the same list is not built again (nor a screen reader's place lost).
 */
function showFindings(list, items) {
  const key = JSON.stringify(items);
  if (list.dataset.shown === key) return;
  list.dataset.shown = key;
  list.replaceChildren(...items.map((finding) => {
    const item = document.createElement('li');
    item.className = `finding finding-${finding.severity}`;
    item.dataset.rule = finding.rule;
    const label = document.createElement('strong');
    label.textContent = `${SEVERITY_LABELS[finding.severity]}:`;
    item.append(label, ` ${finding.message}`);
    return item;
  }));
}

/** Placeholders still in a document: the guide's `<…>` on one line. */
export function placeholders(text) {
  return (text.match(/<[^<>\n]+>/g) || []).length;
}

/**
 * Errors a value can still grow out of while it is typed (too few digits or characters): shown
 * once the reader leaves the field. Any other error (a letter in an account ID) shows at once.
 */
const INCOMPLETE = new Set(['account-id-length', 'too-short']);

/** True while an error may only mean the value is not typed to its end yet. */
function stillTyping(code, control) {
  if (!INCOMPLETE.has(code) || !control) return false;
  return code !== 'account-id-length' || (control.value.match(/\d/g) || []).length < 12;
}

/** All elements under root carrying `attr`, grouped by its value. */
function byAttribute(root, attr) {
  const map = {};
  for (const el of root.querySelectorAll(`[${attr}]`)) (map[el.getAttribute(attr)] ||= []).push(el);
  return map;
}

/**
 * Points each console link at the console of the chosen partition. The addresses are the page's
 * own, written at build time (`data-console-<partition>`): the partition only picks one of them, so
 * nothing typed goes into a link. No partition, or one with an error, keeps the aws console.
 */
function followPartition(links, partition) {
  const name = partition && !partition.error && /^[a-z-]+$/.test(partition.shown) ? partition.shown : 'aws';
  for (const link of links) {
    const href = link.getAttribute(`data-console-${name}`) ?? link.getAttribute('data-console-aws');
    if (href && link.getAttribute('href') !== href) link.setAttribute('href', href);
  }
}

/**
 * Wires the form, documents, names and copy buttons under `root` to a guide engine: a function
 * from inputs to what changed in the guide (a `LiveGuide`'s update, see `engineOf` in engine.js): the outputs
 * it hands back are written, as they are. `onChange(guide)` runs after every update with changed
 * outputs or errors, with every output and input known so far.
 * Returns { update, controls, form, setEngine, setView, guide, fresh } (`fresh()`: a fresh engine after a failure).
 */
export function connect(root, engine, onChange = () => {}) {
  const form = root.querySelector('[data-your-values]');
  // The values form, and the forms where a policy is pasted to merge or check it.
  const controls = [...root.querySelectorAll('[data-your-values] [name], [data-guide-inputs] [name]')];
  const sizes = byAttribute(root, 'data-size-for');
  const findings = byAttribute(root, 'data-findings-for');
  const outputs = byAttribute(root, 'data-output');
  const mirrors = byAttribute(root, 'data-mirror');
  const statuses = byAttribute(root, 'data-status-for');
  const names = byAttribute(root, 'data-input');
  const errors = byAttribute(root, 'data-error-for');
  const consoles = [...root.querySelectorAll('a[data-console]')];
  // Fields the reader has left at least once: their incomplete values are errors from then on.
  const left = new Set();
  let pressed = false;
  root.addEventListener('pointerdown', () => { pressed = true; }, true);
  root.addEventListener('pointerup', () => { pressed = false; }, true);
  // Every output and input state handed out so far: an update may bring only what changed.
  const guide = { complete: false, outputs: {}, inputs: {} };
  let errorSignature = '';
  // The error each field shows (its code): one is announced when it appears, not per keystroke.
  const heard = {};
  // What is shown of what an engine hands back: as it is, unless a view is set (links.js holds the
  // documents made with values from a link through one). Every update goes through it, whichever
  // engine is in use: the small build's, the full build's, or a fresh one after a failure.
  let view = (changes) => changes;

  const setText = (elements, text) => {
    for (const el of elements || []) setTextOf(el, text);
  };

  function update() {
    const inputs = {};
    for (const control of controls) inputs[control.name] = valueOf(control);
    if (!engine) return engine === null && restart(); // undefined: a fresh one is on its way
    let changes;
    try {
      changes = engine(inputs);
    } catch (error) {
      return engineFailed(error);
    }
    changes = view(changes);
    guide.complete = changes.complete;
    let changed = false;
    for (const [id, output] of Object.entries(changes.outputs)) {
      guide.outputs[id] = output;
      changed = true;
      setText(outputs[id], output.text);
      setText(mirrors[id], output.text);
      setText(statuses[id], output.status);
      for (const el of outputs[id] || []) el.dataset.complete = String(output.complete);
      for (const el of statuses[id] || []) el.dataset.complete = String(output.complete);
      // A merge or check waiting for a paste shows a sentence, not a document: nothing to copy.
      const state = output.waitingFor?.some((key) => key.startsWith('existing-')) ? 'explanation' : 'document';
      for (const el of outputs[id] || []) el.closest('[data-document]')?.setAttribute('data-state', state);
      for (const el of sizes[id] || []) showSize(el, output.size);
      for (const el of findings[id] || []) showFindings(el, output.findings);
    }
    let signature = '';
    const appeared = [];
    for (const [key, input] of Object.entries(changes.inputs)) {
      guide.inputs[key] = input;
      setText(names[key], input.shown);
      // An empty field is not an error yet: the documents say what they still need.
      const control = controls.find((c) => c.name === key);
      const error = input.error && input.error.code !== 'missing'
        && (left.has(key) || !stillTyping(input.error.code, control)) ? input.error.message : '';
      signature += `\u0000${input.error ? input.error.message : ''}`;
      setText(errors[key], error);
      const code = error ? input.error.code : '';
      if (code && code !== heard[key] && errors[key]) appeared.push(error);
      heard[key] = code;
      if (control) {
        if (error) control.setAttribute('aria-invalid', 'true');
        else control.removeAttribute('aria-invalid');
      }
    }
    if (appeared.length) announce(root, appeared.join(' '));
    if ('partition' in changes.inputs) followPartition(consoles, guide.inputs.partition);
    if (changed || signature !== errorSignature) {
      errorSignature = signature;
      onChange(snapshot());
    }
  }

  /** A copy of the guide as known now: every output and input state. */
  function snapshot() {
    return { complete: guide.complete, outputs: { ...guide.outputs }, inputs: { ...guide.inputs } };
  }

  /** Swaps the engine (the full build replacing the small one) and brings everything up to date. */
  function setEngine(next) {
    engine = next;
    update();
  }

  /** Sets the view (see above) and shows everything through it. */
  function setView(next) {
    view = next;
    update();
  }

  /** The engine threw (a trap in the Wasm): nothing stale stays ready; every output says why. */
  function engineFailed(error) {
    console.error(error);
    engine = null;
    const status = `Not ready: the generator failed (${error?.message || error}). Change a value to restart it.`;
    for (const id in guide.outputs) guide.outputs[id] = { ...guide.outputs[id], complete: false, status };
    guide.complete = false;
    for (const el of root.querySelectorAll('[data-output], [data-status-for]')) el.dataset.complete = false;
    for (const id in statuses) setText(statuses[id], status);
    announce(root, status);
    onChange(snapshot());
  }

  /** The next change after a failure: a fresh engine (`connection.fresh`), everything written anew. */
  function restart() {
    engine = undefined;
    connection.fresh().then((fresh) => { guide.outputs = {}; setEngine(fresh); }, engineFailed);
  }

  for (const f of root.querySelectorAll('[data-your-values], [data-guide-inputs]')) {
    f.addEventListener('focusout', (event) => {
      if (!event.target.name || left.has(event.target.name)) return;
      left.add(event.target.name);
      // Left by a click: its message shows once the click is done, so that nothing moves under
      // the pointer between the press and the release (the click would miss what it aimed at).
      if (pressed) root.addEventListener('pointerup', () => setTimeout(update), { once: true, capture: true });
      else update();
    });
    f.addEventListener('reset', () => left.clear());
    f.addEventListener('input', update);
    f.addEventListener('change', update);
    f.addEventListener('reset', () => setTimeout(update));
    f.addEventListener('submit', (event) => event.preventDefault());
  }
  // "Clear my values" clears everything the reader put in the page, pasted policies included.
  form?.addEventListener('reset', () => {
    for (const pasted of root.querySelectorAll('[data-guide-inputs]')) pasted.reset();
  });

  root.addEventListener('click', (event) => {
    const button = event.target.closest('button.download');
    if (!button) return;
    const source = root.getElementById(button.dataset.download);
    if (!source) return;
    download(source.textContent, button.dataset.filename);
    flash(button, 'Downloaded');
    announce(root, `Saved ${button.dataset.filename} to your downloads.`);
  });

  root.addEventListener('click', async (event) => {
    const button = event.target.closest('button.copy');
    if (!button) return;
    const source = button.dataset.copy ? root.getElementById(button.dataset.copy) : button.previousElementSibling;
    if (!source) return;
    const text = source.textContent;
    const ok = await copyText(text, root);
    const title = root.getElementById((button.getAttribute('aria-labelledby') || '').split(' ').pop())?.textContent;
    const unfilled = source.dataset.complete === 'false' ? placeholders(text) : 0;
    const still = unfilled ? `, with ${unfilled} placeholder${unfilled > 1 ? 's' : ''} still to fill` : '';
    flash(button, ok ? `Copied${still}` : 'Copy failed');
    announce(root, ok ? `Copied${title ? ` the ${title}` : ''}${still}.` : 'Copying failed: select the text and copy it by hand.');
  });

  const connection = { update, controls, form, setEngine, setView, guide: snapshot };
  return connection;
}
