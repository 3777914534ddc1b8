// Applying a change to the model, all or nothing. The wasm setters either accept a
// value or throw and change nothing; the page must match that: a refused value is
// reported in #status and the control shows the last accepted value again, so the
// controls always describe the model that is actually being trained.

import { messageOf } from './validate.js';

/**
 * @typedef {object} Committer
 * @property {(inputs: Element[], apply: () => (string|void), revert?: () => void) => boolean} commit
 *   runs `apply` (which reads the inputs, calls setters, and returns a notice);
 *   on success remembers the inputs' values, on failure restores them and runs `revert`
 * @property {(inputs: Element[]) => void} remember  marks the current values as accepted
 */

/** The value of a control as a string (checkboxes included), for remembering it. */
function valueOf(input) {
  return input.type === 'checkbox' ? String(input.checked) : input.value;
}

/** Puts a remembered value back into a control. */
function restore(input, value) {
  if (input.type === 'checkbox') input.checked = value === 'true';
  else input.value = value;
}

/**
 * Creates the commit helper shared by all controls.
 * @param {object} deps
 * @param {object} deps.view the ClassifierView
 * @param {import('./status.js').Status} deps.status
 * @param {() => void} deps.changed called after every accepted change (redraw)
 * @returns {Committer}
 */
export function createCommitter({ view, status, changed }) {
  /** @type {Map<Element, string>} last accepted value of each control */
  const accepted = new Map();
  const remember = (inputs) => inputs.forEach((input) => accepted.set(input, valueOf(input)));

  // After any accepted change: divergence wins (the user must see why nothing moves),
  // otherwise the change's own notice, otherwise a stale divergence notice is cleared.
  const announce = (notice) => {
    if (view.diverged()) status.diverged(view.status());
    else if (notice) status.info(notice);
    else if (status.showingDivergence()) status.clear();
  };

  const commit = (inputs, apply, revert) => {
    try {
      const notice = apply();
      remember(inputs);
      announce(notice);
      changed();
      return true;
    } catch (err) {
      inputs.forEach((input) => {
        if (accepted.has(input)) restore(input, accepted.get(input));
      });
      if (revert) revert();
      status.error(messageOf(err), view.diverged());
      return false;
    }
  };
  return { commit, remember };
}
