// Presentation mode, for a projector: the active view's charts and its key
// readouts fill the window, every chart's text and lines drawn larger (the
// `data-chart-emphasis` the wasm side multiplies its pixel ratio by), and only
// the controls a teacher needs while talking (Play, Step, Reset, η and the
// view's main setting; style.css, "Presentation mode", lists them). It is one
// class on <body>: leaving it restores the page exactly as it was, and the
// address keeps it (?present=1) so a prepared link opens presenting.

/** How much larger the charts' text, lines and points are drawn when presenting. */
export const CHART_EMPHASIS = 1.6;

/**
 * Wires the #present button.
 * @param {object} deps
 * @param {Document} deps.doc
 * @param {() => void} deps.changed redraw request (the canvases refit to their new size)
 * @returns {{ active: () => boolean, set: (on: boolean) => void, toggle: () => void }}
 */
export function createPresentation({ doc, changed }) {
  const button = doc.getElementById('present');
  let on = false;
  const set = (next) => {
    on = next;
    doc.body.classList.toggle('presenting', on);
    if (on) doc.documentElement.dataset.chartEmphasis = String(CHART_EMPHASIS);
    else delete doc.documentElement.dataset.chartEmphasis;
    button.setAttribute('aria-pressed', String(on));
    button.textContent = on ? 'Leave presentation' : 'Present';
    if (on) doc.defaultView.scrollTo(0, 0);
    changed();
  };
  button.addEventListener('click', () => set(!on));
  return { active: () => on, set, toggle: () => set(!on) };
}
