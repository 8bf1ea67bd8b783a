// The `locked` attribute: the fields it names shown as read-only facts "Provided by Shippable."
// (read-only, or disabled for a select or checkbox), described as such to assistive technology.

/** The keys a `locked` attribute names (lower case, as written: unknown ones too). */
export function lockedKeys(attribute) {
  return new Set((attribute || '').split(/[\s,]+/).filter(Boolean).map((key) => key.toLowerCase()));
}

/**
 * Locks the fields of `form` whose keys are in `locked` and unlocks the others, among `keys`.
 * Returns the error to show when `locked` names a key that is not one of them, else null.
 */
export function applyLocked(form, locked, keys) {
  const unknown = [...locked].filter((key) => !keys.includes(key));
  for (const key of keys) {
    const control = form?.querySelector(`[name="${key}"]`);
    if (!control) continue;
    const field = control.closest('.field');
    const isLocked = locked.has(key);
    if (control.tagName === 'SELECT' || control.type === 'checkbox') control.disabled = isLocked;
    else control.readOnly = isLocked;
    field.toggleAttribute('data-locked', isLocked);
    let note = field.querySelector('.locked-note');
    if (isLocked && !note) {
      note = document.createElement('p');
      note.className = 'locked-note';
      note.id = `locked-${key}`;
      note.textContent = 'Provided by Shippable.';
      field.querySelector('label').after(note);
      control.setAttribute('aria-describedby', `${note.id} ${control.getAttribute('aria-describedby')}`);
    } else if (!isLocked && note) {
      control.setAttribute('aria-describedby', control.getAttribute('aria-describedby').replace(`${note.id} `, ''));
      note.remove();
    }
  }
  return unknown.length
    ? `The attribute locked names ${unknown.map((k) => `"${k}"`).join(', ')}, not an input key: use ${keys.join(', ')}. No document is ready until it is fixed.`
    : null;
}
