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

/** The documents that trust Shippable's account ID and the external ID: held while they came from a link. */
const TRUSTING = ['cross-account-trust-statement', 'cross-account-trust-policy', 'merged-trust-policy',
  'cross-account-aws-cli', 'cross-account-cloudformation', 'cross-account-terraform', 'cross-account-verification'];

/**
 * Values filled in from a link are marked as such until the reader confirms them: anyone can send
 * a link that trusts their own account. A notice (announced) names each value and asks to check
 * Shippable's account ID; until "Confirm" the documents that trust it are not ready and say why.
 */
function holdLinkedValues(connection, fromLink) {
  const form = connection.form;
  const keys = Object.keys(fromLink);
  if (!form || !keys.length) return;
  const notice = document.createElement('div');
  notice.className = 'link-notice';
  notice.setAttribute('role', 'alert');
  notice.dataset.linkNotice = '';
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
  const trusted = 'shippable-aws-account-id' in fromLink || 'external-id' in fromLink;
  if (trusted) {
    connection.hold({
      ids: TRUSTING,
      status: 'Not ready: Shippable\'s account ID or the external ID came from a link. Check them and confirm at "Your values".',
    });
  }
  const release = () => {
    notice.remove();
    connection.hold(null);
  };
  confirm.addEventListener('click', () => {
    release();
    announce(document, 'Values confirmed: the documents that trust them are ready.');
  });
  form.addEventListener('reset', release, { once: true });
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
    holdLinkedValues(connection, fromLink);
    update();
    loadFullWhenNeeded(document, connection, FULL, document.documentElement);
  }
  document.documentElement.classList.add('js-ready');
}

main().catch((error) => {
  console.error(error);
  document.documentElement.classList.add('js-failed');
});
