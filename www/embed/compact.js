// The element's compact layout for settings pages (the `compact` attribute): the value to save and
// the host's next action first, then the values, then the shown method's steps collapsed to their
// headings and documents (each document's box scrolls); the prose, the alternatives (as code),
// the checks, the hints of the host's locked values and the form's own buttons (the host's form
// has its own) stay out. Its CSS is a constructed stylesheet of its own, adopted with the guide's.

/** The compact layout's CSS: scoped to `.guide.compact`, so the full layout is untouched. */
export const COMPACT_STYLES = `
.guide.compact { display: flex; flex-direction: column; }
.guide.compact > * { order: 2; }
.guide.compact > .host-errors { order: 0; }
.guide.compact > .next-action { order: 1; }
.guide.compact > section:has([data-your-values]) > :not(h2, form) { display: none; }
.guide.compact > section[data-method] > :not(h2, .way-panel) { display: none; }
.guide.compact > section[data-method] > h2 { font-size: 1.25em; }
.guide.compact .way-panel[data-way="code"] { display: none; }
.guide.compact .way-panel > :not(h3, figure.document) { display: none; }
.guide.compact .way-panel > h3 { margin-block: 0.75em 0.25em; }
.guide.compact figure.document { margin-block: 0.25em 0.5em; }
.guide.compact figure.document pre { max-height: 5em; overflow: auto; }
.guide.compact .form-actions, .guide.compact [data-locked] .hint { display: none; }
.guide.compact .frame-head, .guide.compact .document-status { padding-block: 0.375em; }
.guide.compact > section { margin-block: 0.5em; padding-block-start: 0.25em; }
.guide.compact > section > h2 { margin-block: 0.5em 0.25em; }
.guide.compact .document-extras, .guide.compact [data-size-for] { display: none; }
.guide.compact .next-action { border: 2px solid var(--ecs-guide-accent, currentColor); border-radius: 0.5em;
  padding: 0.75em 1em; margin-block-end: 1em; }
.guide.compact .next-action > p { margin: 0 0 0.5em; }
.guide.compact .next-action figure.document { margin: 0; }
.guide.compact .next-action pre { max-height: none; }
`;

/** The value each method saves that is a document of its own (account keys save the user name, a field). */
const VALUE_DOCUMENT = { 'cross-account': 'cross-account-role-arn' };

const NEXT_ACTION = {
  'cross-account': 'Next: set up the role with the steps below, then save: this role ARN goes with this form.',
  'account-keys': 'Next: create the IAM user with the steps below, then save: the user name goes with this form.',
};

/**
 * Turns the compact layout on or off in `container` for `method` ('cross-account' when both are
 * shown). On: a box first with the host's next action (the host's own, in the `next-action` slot,
 * else the guide's sentence) and the value's document, moved there from its step; off: the
 * document back where it was. The names-and-options section starts closed.
 */
export function applyCompact(container, on, method) {
  let box = container.querySelector(':scope > .next-action');
  const moved = box?.querySelector('figure.document');
  if (moved && box.placeholder) box.placeholder.replaceWith(moved);
  box?.remove();
  container.classList.toggle('compact', on);
  if (!on) return;
  const chosen = method ?? 'cross-account';
  box = document.createElement('div');
  box.className = 'next-action';
  const say = document.createElement('p');
  const slot = document.createElement('slot');
  slot.name = 'next-action';
  slot.textContent = NEXT_ACTION[chosen];
  say.append(slot);
  box.append(say);
  const document_ = VALUE_DOCUMENT[chosen] && container.querySelector(`figure.document[data-document="${VALUE_DOCUMENT[chosen]}"]`);
  if (document_) {
    box.placeholder = new Comment('the value document, moved to the compact layout\'s first box');
    document_.replaceWith(box.placeholder);
    box.append(document_);
  }
  container.prepend(box);
  container.querySelector('details.names-and-options')?.removeAttribute('open');
}
