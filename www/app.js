// The site page: loads the Wasm core, fills fields from a shared link, and makes the guide live.
// The small build comes first (the six documents); the full one (merge, check, code) when needed.
import init, { generate } from './pkg/ecs_guide.js';
import { connect, copyText, flash, announce, valueOf, setValueOf, loadFullWhenNeeded } from './live.js';

/** The full build, beside the small one. */
const FULL = new URL('./pkg/ecs_guide_full.js', import.meta.url).href;

/** Values in the URL fragment (`#aws-account-id=…&external-id=…`), put there by "Copy a link". */
function valuesFromFragment(names) {
  const hash = location.hash.slice(1);
  if (!hash.includes('=')) return {};
  const params = new URLSearchParams(hash);
  const values = {};
  for (const name of names) if (params.has(name)) values[name] = params.get(name);
  return values;
}

async function main() {
  // Pages without live parts only need their copy buttons, not the Wasm core.
  const live = document.querySelector('[data-your-values], [data-output]');
  if (live) await init();
  const connection = connect(document, generate);
  const { update, controls, form } = connection;
  // Pasted policies never go into a link: only the values form's fields do.
  const linked = controls.filter((c) => c.closest('[data-your-values]') && c.tagName !== 'TEXTAREA');
  const fromLink = valuesFromFragment(linked.map((c) => c.name));
  for (const control of linked) if (control.name in fromLink) setValueOf(control, fromLink[control.name]);

  form?.querySelector('[data-copy-link]')?.addEventListener('click', async (event) => {
    const params = new URLSearchParams();
    for (const control of linked) {
      const value = valueOf(control).trim();
      const isDefault = (control.tagName === 'SELECT' && control.selectedIndex === 0) || value === 'false';
      if (value && !isDefault) params.set(control.name, value);
    }
    const ok = await copyText(`${location.href.split('#')[0]}#${params}`, document);
    flash(event.currentTarget, ok ? 'Link copied' : 'Copy failed');
    announce(document, ok ? 'Copied a link with your values. Anyone you give it to sees them.' : 'Copying the link failed.');
  });

  if (live) {
    update();
    loadFullWhenNeeded(document, connection, FULL, document.documentElement);
  }
  document.documentElement.classList.add('js-ready');
}

main().catch((error) => {
  console.error(error);
  document.documentElement.classList.add('js-failed');
});
