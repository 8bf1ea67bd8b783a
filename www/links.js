// Links to the page with values in the fragment (`#shippable-aws-account-id=…&external-id=…`):
// copying one, and filling in the values one brought, marked as such until the reader confirms
// them, since anyone can send a link that trusts their own account. Loaded by app.js only when a
// link is copied or brought values.
import { copyText, flash, announce, valueOf, setValueOf, chosen, choose } from './live.js';

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
export function fillFromLink(connection, linked, engine) {
  const fromLink = valuesFromFragment([...linked.map((c) => c.name), ...CHOICES]);
  if (fromLink.method) choose('method', fromLink.method);
  if (fromLink.way) for (const group of ['way-cross-account', 'way-account-keys']) choose(group, fromLink.way);
  for (const key of CHOICES) delete fromLink[key]; // choices, not values to check
  for (const control of linked) if (control.name in fromLink) setValueOf(control, fromLink[control.name]);
  holdLinkedValues(connection, fromLink, engine);
}

/** The documents that trust Shippable's account ID and the external ID. */
const TRUSTING = ['cross-account-trust-statement', 'cross-account-trust-policy', 'merged-trust-policy',
  'cross-account-aws-cli', 'cross-account-cloudformation', 'cross-account-terraform', 'cross-account-verification'];
const HELD = 'Not ready: Shippable\'s account ID or the external ID came from a link. Check them and confirm at "Your values".';

/**
 * Shows a notice (announced) at the top of the values form naming each value from the link; until
 * the reader confirms, the documents that trust Shippable's account ID or the external ID (when the
 * link set either) are not ready and say why. Works by wrapping `connection`'s engines: the small
 * build's, and the full build's when it replaces it.
 */
function holdLinkedValues(connection, fromLink, engine) {
  const form = connection.form;
  const keys = Object.keys(fromLink);
  if (!form || !keys.length) return;
  const notice = document.createElement('div');
  notice.className = 'link-notice';
  notice.setAttribute('role', 'alert');
  notice.dataset.linkNotice = '';
  Object.assign(notice.style, { border: '2px solid', borderRadius: '0.5em', padding: '0 1em 1em', margin: '0 0 1em' });
  const text = document.createElement('p');
  const strong = document.createElement('strong');
  strong.textContent = 'These values came from a link:';
  text.append(strong, ' check them before you use them, Shippable\'s AWS account ID above all: compare it with your Shippable settings (Integrations, AWS).');
  const list = document.createElement('ul');
  for (const key of keys) {
    const item = document.createElement('li');
    const label = form.querySelector(`label[for="input-${key}"]`)?.textContent || key;
    item.textContent = `${label}: ${fromLink[key]}`; // text only: nothing from a link becomes HTML
    list.append(item);
  }
  const confirm = document.createElement('button');
  confirm.type = 'button';
  confirm.dataset.confirmLink = '';
  confirm.textContent = 'I checked them: use these values';
  notice.append(text, list, confirm);
  form.prepend(notice);

  let holding = 'shippable-aws-account-id' in fromLink || 'external-id' in fromLink;
  let release = false;
  const last = {}; // each trusting output as the engine last gave it
  const wrap = (engine) => (inputs) => {
    const changes = engine(inputs);
    const outputs = { ...changes.outputs };
    for (const id of TRUSTING) {
      if (outputs[id]) last[id] = outputs[id];
      else if (release && last[id]) outputs[id] = last[id]; // unchanged, but shown held until now
      if (holding && outputs[id]?.complete) outputs[id] = { ...outputs[id], complete: false, status: HELD };
    }
    release = false;
    return { ...changes, outputs, complete: changes.complete && !holding };
  };
  const setEngine = connection.setEngine;
  connection.setEngine = (engine) => setEngine(wrap(engine));
  connection.setEngine(engine);

  const confirmed = () => {
    notice.remove();
    if (holding) {
      holding = false;
      release = true;
      connection.update();
    }
  };
  confirm.addEventListener('click', () => {
    confirmed();
    announce(document, 'Values confirmed: the documents that trust them are ready.');
  });
  form.addEventListener('reset', confirmed, { once: true });
}
