// Links to the page with values in the fragment (`#shippable-aws-account-id=…&external-id=…`):
// copying one, and filling in the values one brought, marked as such until the reader confirms
// them, since anyone can send a link that trusts their own account. Loaded by app.js only when a
// link is copied or brought values.
import { copyText, flash, announce, valueOf, setValueOf, chosen, choose } from './live.js';
import { OUTPUT_INPUTS } from './generated/facts.js';

/** Values in the URL fragment (`#aws-account-id=…&external-id=…`), put there by "Copy a link". */
function valuesFromFragment(names) {
  const hash = location.hash.slice(1);
  if (!hash.includes('=')) return {};
  const params = new URLSearchParams(hash);
  const values = {};
  for (const name of names) if (params.has(name)) values[name] = params.get(name);
  return values;
}

/** The reader's choices a link carries besides the values: the method and the way. */
const CHOICES = ['method', 'way'];

/**
 * Copies a link to this page with the reader's values, method and way in its fragment (never sent
 * to a server).
 */
export async function copyLink(button, linked) {
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
}

/** Fills the `linked` controls from the fragment, then marks those values (below). */
export function fillFromLink(connection, linked) {
  const fromLink = valuesFromFragment([...linked.map((c) => c.name), ...CHOICES]);
  if (fromLink.method) choose('method', fromLink.method);
  if (fromLink.way) for (const group of ['way-cross-account', 'way-account-keys']) choose(group, fromLink.way);
  for (const key of CHOICES) delete fromLink[key]; // choices, not values to check
  for (const control of linked) if (control.name in fromLink) setValueOf(control, fromLink[control.name]);
  holdLinkedValues(connection, fromLink);
}

/**
 * The values that say whom the role trusts: a link that brings one could trust the sender's own
 * account, so every document made with it is held until the reader confirms it or types their own.
 */
const TRUST_KEYS = ['shippable-aws-account-id', 'external-id'];
/** The outputs made with any of `keys` (the core's dependencies, in the facts module). */
const madeWith = (keys) => Object.keys(OUTPUT_INPUTS).filter((id) => OUTPUT_INPUTS[id].some((key) => keys.includes(key)));

const HELD = 'Not ready: Shippable\'s AWS account ID or the external ID came from a link. Check them at the top of “Your values” and confirm them.';
const CONFIRM = 'I checked them: use these values';

/** A held output: not ready, and (unless it waits for something else first) saying why. */
const held = (output) => ({ ...output, held: true, complete: false, status: output.complete ? HELD : output.status });

/**
 * Shows a notice (announced) at the top of the values form naming each value from the link. Until
 * the reader confirms them, or replaces each of the link's trust values (TRUST_KEYS) by typing, the
 * documents made with those values are held: not ready and saying why (through the connection's
 * view, whichever engine is in use), and their Copy and Download buttons ask for the confirmation
 * first. The readiness line (app.js) says so from the outputs' `held`.
 */
function holdLinkedValues(connection, fromLink) {
  const form = connection.form;
  const keys = Object.keys(fromLink);
  if (!form || !keys.length) return;
  const notice = document.createElement('div');
  notice.className = 'link-notice';
  notice.setAttribute('role', 'alert');
  notice.dataset.linkNotice = '';
  Object.assign(notice.style, { border: '2px solid', borderRadius: '0.5em', padding: '0 1em 1em', margin: '0 0 1em' });
  const text = document.createElement('p');
  text.id = 'link-notice-text';
  const strong = document.createElement('strong');
  strong.textContent = 'These values came from a link:';
  text.append(strong, ' check them before you use them, Shippable\'s AWS account ID above all: compare it with your Shippable settings (Integrations, AWS).');
  const list = document.createElement('ul');
  list.id = 'link-notice-values';
  const items = {};
  for (const key of keys) {
    const item = items[key] = document.createElement('li');
    const label = form.querySelector(`label[for="input-${key}"]`)?.textContent || key;
    item.textContent = `${label}: ${fromLink[key]}`; // text only: nothing from a link becomes HTML
    list.append(item);
  }
  const confirm = document.createElement('button');
  confirm.type = 'button';
  confirm.dataset.confirmLink = '';
  confirm.textContent = CONFIRM;
  // Focused when Copy or Download asks for it: read with what it confirms.
  confirm.setAttribute('aria-describedby', `${text.id} ${list.id}`);
  notice.append(text, list, confirm);
  form.prepend(notice);

  // The link's trust values the reader has neither confirmed nor replaced.
  const unconfirmed = new Set(TRUST_KEYS.filter((key) => key in fromLink));
  const latest = {}; // each output as the engine last gave it
  let shownHeld = new Set();
  connection.setView((changes) => {
    Object.assign(latest, changes.outputs);
    const holding = new Set(madeWith([...unconfirmed]).filter((id) => latest[id]));
    const outputs = { ...changes.outputs };
    // Changed outputs, and those whose hold begins or ends (shown as the engine last gave them).
    for (const id of new Set([...holding, ...shownHeld])) {
      if (id in outputs || holding.has(id) !== shownHeld.has(id)) outputs[id] = holding.has(id) ? held(latest[id]) : latest[id];
    }
    shownHeld = holding;
    return { ...changes, outputs, complete: changes.complete && !holding.size };
  });

  let asking = null; // { button, title }: the Copy or Download that asked for the confirmation

  /** Lifts the hold: every held document shown as the engine made it. */
  const lift = () => {
    unconfirmed.clear();
    connection.update();
  };
  confirm.addEventListener('click', () => {
    const back = asking;
    asking = null;
    notice.remove();
    lift();
    if (!back) return announce(document, 'Values confirmed: the documents that trust them are ready.');
    const { button, title } = back;
    clearTimeout(button.flashTimer); // its label again, not "Confirm first"
    button.textContent = button.dataset.label;
    button.focus();
    announce(document, `Values confirmed: the documents that trust them are ready. Focus is back on ${button.textContent} for the ${title}.`);
  });
  form.addEventListener('reset', () => {
    notice.remove();
    lift();
  }, { once: true });

  // The reader's own edit makes a value theirs: off the notice, and no longer holding anything.
  // (Before the page's own input listener, so that the update it makes shows the hold lifted.)
  form.addEventListener('input', (event) => {
    const key = event.target.name;
    if (!items[key] || valueOf(event.target) === fromLink[key]) return;
    items[key].remove();
    delete items[key];
    if (!Object.keys(items).length) notice.remove();
    if (unconfirmed.delete(key) && !unconfirmed.size) {
      lift();
      announce(document, 'The values from the link are replaced by yours: no document waits for confirmation.');
    }
  }, true);

  // Copy and Download of a held document ask for the confirmation first, before the page's own
  // handlers (live.js) copy or save it: a document trusting a link's account is not one to paste
  // unseen. The confirmation gets focus (it is read with the values), then gives it back.
  document.addEventListener('click', (event) => {
    const button = event.target.closest?.('button.copy, button.download');
    const source = button && (button.dataset.copy || button.dataset.download
      ? document.getElementById(button.dataset.copy || button.dataset.download) : button.previousElementSibling);
    const id = source?.dataset.output ?? source?.dataset.mirror;
    if (!id || !connection.guide().outputs[id]?.held) return;
    event.stopImmediatePropagation();
    asking = { button, title: document.getElementById(`title-${id}`)?.textContent || 'document' };
    flash(button, 'Confirm first');
    confirm.focus();
    announce(document, `Not ${button.matches('.copy') ? 'copied' : 'downloaded'}: the ${asking.title} is made with values from a link that you have not confirmed. `
      + `Focus is now on “${CONFIRM}”: check the values listed above it, then press it.`);
  }, true);
}
