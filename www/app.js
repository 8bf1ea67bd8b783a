// The site page: loads the Wasm core, fills fields from a shared link, and makes the guide live.
// The small build comes first (the six documents); the full one (merge, check, code) when needed.
import init, { generate } from './pkg/ecs_guide.js';
import { connect, loadFullWhenNeeded } from './live.js';

/** The full build, beside the small one. */
const FULL = new URL('./pkg/ecs_guide_full.js', import.meta.url).href;

async function main() {
  // Pages without live parts only need their copy buttons, not the Wasm core.
  const live = document.querySelector('[data-your-values], [data-output]');
  if (live) await init();
  const connection = connect(document, generate);
  const { update, controls, form } = connection;
  // Pasted policies never go into a link: only the values form's fields do.
  const linked = controls.filter((c) => c.closest('[data-your-values]') && c.tagName !== 'TEXTAREA');
  // What links do (copy one; fill in, and mark, the values one brought) loads only when a link is
  // used: the first visit's weight is a budget.
  const links = () => import('./links.js');
  form?.querySelector('[data-copy-link]')?.addEventListener('click', (event) => {
    const button = event.currentTarget;
    links().then((module) => module.copyLink(button, linked));
  });

  if (live) {
    if (location.hash.includes('=')) (await links()).fillFromLink(connection, linked, generate);
    update();
    loadFullWhenNeeded(document, connection, FULL, document.documentElement);
  }
  document.documentElement.classList.add('js-ready');
}

main().catch((error) => {
  console.error(error);
  document.documentElement.classList.add('js-failed');
});
