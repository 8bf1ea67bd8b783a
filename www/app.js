// Wires the page to the Wasm core: one generate() per change, then only text and attributes change.
import init, { generate } from './pkg/ecs_guide.js';

const root = document.documentElement;

/** Values in the URL fragment (`#aws-account-id=…&external-id=…`), put there by "Copy a link". */
function valuesFromFragment(names) {
  const hash = location.hash.slice(1);
  if (!hash.includes('=')) return {};
  const params = new URLSearchParams(hash);
  const values = {};
  for (const name of names) if (params.has(name)) values[name] = params.get(name);
  return values;
}

/** Copies text: the async clipboard where allowed, else a selection and execCommand. */
async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

/**
 * Sets an element's text, changing only the characters that differ: an edit inside one text node
 * lets the browser reuse the layout of the rest (a keystroke changes a few characters of a document).
 */
function setTextOf(el, text) {
  const node = el.firstChild;
  if (!node || node !== el.lastChild || node.nodeType !== Node.TEXT_NODE) {
    if (el.textContent !== text) el.textContent = text;
    return;
  }
  const old = node.data;
  if (old === text) return;
  const max = Math.min(old.length, text.length);
  let start = 0;
  while (start < max && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && old.charCodeAt(old.length - 1 - end) === text.charCodeAt(text.length - 1 - end)) end++;
  node.replaceData(start, old.length - start - end, text.slice(start, text.length - end));
}

function announce(message) {
  const region = document.querySelector('[data-announce]');
  if (region) region.textContent = message;
}

function flash(button, label) {
  const before = button.dataset.label || button.textContent;
  button.dataset.label = before;
  button.textContent = label;
  clearTimeout(button._timer);
  button._timer = setTimeout(() => { button.textContent = before; }, 1600);
}

function wireCopyButtons() {
  document.addEventListener('click', async (event) => {
    const button = event.target.closest('button.copy');
    if (!button) return;
    const source = button.dataset.copy
      ? document.getElementById(button.dataset.copy)
      : button.previousElementSibling;
    if (!source) return;
    const ok = await copyText(source.textContent);
    const title = document.getElementById(button.getAttribute('aria-describedby') || '')?.textContent;
    flash(button, ok ? 'Copied' : 'Copy failed');
    announce(ok ? `Copied${title ? ` the ${title}` : ''}.` : 'Copying failed: select the text and copy it by hand.');
  });
}

function wireForm(form) {
  const controls = [...form.querySelectorAll('input[name], select[name]')];
  const byName = (selector) => {
    const map = {};
    for (const el of document.querySelectorAll(selector)) {
      const key = el.getAttribute(selector.slice(1, -1));
      (map[key] ||= []).push(el);
    }
    return map;
  };
  const outputs = byName('[data-output]');
  const mirrors = byName('[data-mirror]');
  const statuses = byName('[data-status-for]');
  const names = byName('[data-input]');
  const errors = byName('[data-error-for]');
  const shown = {};

  const fromLink = valuesFromFragment(controls.map((c) => c.name));
  for (const control of controls) {
    if (control.name in fromLink) control.value = fromLink[control.name];
  }

  const setText = (elements, text) => {
    for (const el of elements || []) setTextOf(el, text);
  };

  function update() {
    const inputs = {};
    for (const control of controls) inputs[control.name] = control.value;
    const guide = generate(inputs);
    for (const [id, output] of Object.entries(guide.outputs)) {
      if (shown[id] === output.text + output.complete) continue;
      shown[id] = output.text + output.complete;
      setText(outputs[id], output.text);
      setText(mirrors[id], output.text);
      setText(statuses[id], output.status);
      for (const el of outputs[id] || []) el.dataset.complete = String(output.complete);
      for (const el of statuses[id] || []) el.dataset.complete = String(output.complete);
    }
    for (const [key, input] of Object.entries(guide.inputs)) {
      setText(names[key], input.shown);
      // An empty field is not an error yet: the documents say what they still need.
      const error = input.error && input.error.code !== 'missing' ? input.error.message : '';
      setText(errors[key], error);
      const control = form.elements.namedItem(key);
      if (control) {
        if (error) control.setAttribute('aria-invalid', 'true');
        else control.removeAttribute('aria-invalid');
      }
    }
    return guide;
  }

  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('reset', () => setTimeout(update));
  form.addEventListener('submit', (event) => event.preventDefault());

  form.querySelector('[data-copy-link]')?.addEventListener('click', async (event) => {
    const params = new URLSearchParams();
    for (const control of controls) {
      const value = control.value.trim();
      if (value && !(control.tagName === 'SELECT' && control.selectedIndex === 0)) params.set(control.name, value);
    }
    const link = `${location.href.split('#')[0]}#${params}`;
    const ok = await copyText(link);
    flash(event.currentTarget, ok ? 'Link copied' : 'Copy failed');
    announce(ok ? 'Copied a link with your values. Anyone you give it to sees them.' : 'Copying the link failed.');
  });

  update();
}

async function main() {
  await init();
  wireCopyButtons();
  for (const form of document.querySelectorAll('[data-your-values]')) wireForm(form);
  root.classList.add('js-ready');
}

main().catch((error) => {
  console.error(error);
  root.classList.add('js-failed');
});
