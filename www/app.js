// The site page: loads the Wasm core, fills fields from a shared link, and makes the guide live.
import init, { generate } from './pkg/ecs_guide.js';
import { connect, copyText, flash, announce } from './live.js';

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
  const { update, controls, form } = connect(document, generate);
  const fromLink = valuesFromFragment(controls.map((c) => c.name));
  for (const control of controls) if (control.name in fromLink) control.value = fromLink[control.name];

  form?.querySelector('[data-copy-link]')?.addEventListener('click', async (event) => {
    const params = new URLSearchParams();
    for (const control of controls) {
      const value = control.value.trim();
      if (value && !(control.tagName === 'SELECT' && control.selectedIndex === 0)) params.set(control.name, value);
    }
    const ok = await copyText(`${location.href.split('#')[0]}#${params}`, document);
    flash(event.currentTarget, ok ? 'Link copied' : 'Copy failed');
    announce(document, ok ? 'Copied a link with your values. Anyone you give it to sees them.' : 'Copying the link failed.');
  });

  if (live) update();
  document.documentElement.classList.add('js-ready');
}

main().catch((error) => {
  console.error(error);
  document.documentElement.classList.add('js-failed');
});
