// The one-line status above the active view's plot. Every message the user needs to
// see goes here (rebuild notices, validation errors, divergence) rather than to the
// console, which a student never opens.

/**
 * @typedef {object} Status
 * @property {(text: string) => void} info   a neutral notice (rebuilds, seeds)
 * @property {(text: string, stillDiverged?: boolean) => void} error  a rejected input (the control
 *   was reverted); stillDiverged keeps the Reset button, since the model is still stuck
 * @property {(text: string) => void} diverged  training stopped; shows the Reset button
 * @property {() => void} clear
 * @property {() => boolean} showingDivergence
 * @property {() => StatusSnapshot} snapshot  what is shown now (kept per view while another view is shown)
 * @property {(shot: StatusSnapshot) => void} restore  shows a snapshot again
 */

/** @typedef {{ text: string, kind: string, offerReset: boolean }} StatusSnapshot */

/**
 * Wraps the #status line and its #status-reset button.
 * @param {HTMLElement} line the #status element
 * @param {HTMLButtonElement} resetButton the #status-reset button (hidden unless diverged)
 * @returns {Status}
 */
export function createStatus(line, resetButton) {
  let divergence = false;
  let current = { text: '', kind: 'info', offerReset: false };
  const show = (text, kind, offerReset) => {
    current = { text, kind, offerReset };
    line.textContent = text;
    line.dataset.kind = kind;
    divergence = kind === 'diverged';
    resetButton.hidden = !offerReset;
  };
  return {
    info: (text) => show(text, 'info', false),
    error: (text, stillDiverged = false) => show(text, 'error', stillDiverged),
    diverged: (text) => show(text, 'diverged', true),
    clear: () => show('', 'info', false),
    showingDivergence: () => divergence,
    snapshot: () => ({ ...current }),
    restore: (shot) => show(shot.text, shot.kind, shot.offerReset),
  };
}
