// The element's state as a host sees it: the frozen detail of guide-change (and `guide`), the
// validity it reports to its form, and each output's completeness and status in its shadow root.
// An error of a host attribute holds every document back until it is fixed.
import { INPUT_LABELS } from '../generated/facts.js';

export const METHODS = ['cross-account', 'account-keys'];
/** Each method's value to save: the role ARN, or the IAM user's name (its keys are the reader's). */
const VALUE_OF = { 'cross-account': 'cross-account-role-arn', 'account-keys': null };

/** What an incomplete output waits for, as a validation message: "The guide needs: Your AWS account ID." */
function needs(output) {
  const keys = output?.waitingFor ?? [];
  return keys.length ? `The guide needs: ${keys.map((key) => INPUT_LABELS[key]).join(', ')}.` : 'The guide is not complete yet.';
}

/** `value`, copied and frozen all the way down: what a listener gets cannot change the element. */
function frozen(value) {
  const copy = structuredClone(value);
  const freeze = (v) => {
    if (v && typeof v === 'object' && !Object.isFrozen(v)) {
      Object.freeze(v);
      for (const child of Object.values(v)) freeze(child);
    }
    return v;
  };
  return freeze(copy);
}

/** The outputs of `method` (both methods when null): the documents a host waits for. */
function shownOutputs(guide, method) {
  return Object.entries(guide.outputs)
    .filter(([id]) => (method ? [method] : METHODS).some((m) => id.startsWith(`${m}-`)));
}

/**
 * The event's detail and `guide`: the outputs and inputs, with the element's complete and value,
 * frozen. While an attribute is wrong (`wrong`: [key, message]), no output is complete and each says why.
 */
export function detailOf(guide, method, wrong) {
  if (wrong) {
    const status = `Not ready: ${wrong[1]}`;
    const outputs = Object.fromEntries(Object.entries(guide.outputs).map(([id, output]) => [id, { ...output, complete: false, status }]));
    guide = { ...guide, complete: false, outputs };
  }
  const shown = shownOutputs(guide, method);
  const complete = shown.length > 0 && shown.every(([, output]) => output.complete);
  const id = VALUE_OF[method ?? 'cross-account'];
  let value = '';
  if (complete) value = id ? guide.outputs[id].text : guide.inputs['user-name']?.value ?? '';
  return frozen({ ...guide, complete, value });
}

/**
 * The validity to report, as [flags, message, the key of the field to point at]: invalid while an
 * attribute (`wrong`) or a shown input has an error; while incomplete too when `required`.
 * `control(key)` is the key's field.
 */
export function validityOf(detail, method, wrong, control, required) {
  if (wrong) return [{ customError: true }, wrong[1], wrong[0]];
  const error = Object.entries(detail.inputs).find(([key, input]) => input.error && input.error.code !== 'missing'
    && control(key) && !control(key).closest('[hidden]'));
  if (error) return [{ customError: true }, error[1].error.message, error[0]];
  if (!detail.complete && required) {
    const waiting = shownOutputs(detail, method).find(([, output]) => !output.complete);
    return [{ valueMissing: true }, needs(waiting?.[1]), waiting?.[1].waitingFor?.[0]];
  }
  return [{}, '', null];
}

/**
 * Each output's completeness and status in `container`, as the state has them. While an attribute
 * is wrong, those not generated yet (the full build's, still the page's own) are not ready either,
 * and get back what they said (kept in `notGenerated`) once it is fixed.
 */
export function showStatuses(container, detail, wrong, notGenerated) {
  for (const el of container.querySelectorAll('[data-output], [data-status-for]')) {
    let output = detail.outputs[el.dataset.output ?? el.dataset.statusFor];
    if (!output && wrong) {
      if (!notGenerated.has(el)) notGenerated.set(el, { complete: el.dataset.complete, status: el.textContent });
      output = { complete: false, status: `Not ready: ${wrong[1]}` };
    } else if (!output) {
      output = notGenerated.get(el);
      notGenerated.delete(el);
      if (!output) continue;
    }
    if (el.dataset.complete !== String(output.complete)) el.dataset.complete = String(output.complete);
    if (el.dataset.statusFor && el.textContent !== output.status) el.textContent = output.status;
  }
}
