// Picking one unit on the approximation plot. Hovering a unit's thin term curve
// ω_k σ(w_k x + b_k) highlights it; clicking it keeps it selected (sticky) until a
// click elsewhere on the plot. The Rust side knows where it drew each curve
// (unit_at), so the page only converts the pointer to canvas pixels.

import { canvasPixel } from '../app/canvas.js';
import { formatParam } from '../app/format.js';

/**
 * @typedef {object} UnitPicker
 * @property {() => number} highlight  the unit to draw bold: hovered, else selected, else −1
 * @property {() => boolean} isSelected  whether the highlighted unit is the clicked one
 * @property {(units: number) => void} forget  drops a hovered or selected index ≥ units
 *   (after K shrank or the construction was emptied)
 */

/**
 * Wires hover and click on the plot canvas.
 * @param {object} deps
 * @param {HTMLCanvasElement} deps.canvas the #approx-plot canvas
 * @param {object} deps.view the ApproxView (unit_at of its last drawn plot)
 * @param {() => boolean} deps.enabled whether units may be picked now (shown, not drawing ψ)
 * @param {() => boolean} deps.ownsClick true when the click ends a ψ stroke, not a pick
 * @param {() => void} deps.changed redraw request
 * @returns {UnitPicker}
 */
export function createUnitPicker({ canvas, view, enabled, ownsClick, changed }) {
  let hovered = -1;
  let selected = -1;
  const unitUnder = (event) => {
    const [px, py] = canvasPixel(canvas, event);
    return view.unit_at(px, py);
  };
  const hover = (k) => {
    if (k === hovered) return;
    hovered = k;
    // A pointer cursor tells the user the curve under it can be clicked.
    canvas.classList.toggle('over-unit', k >= 0);
    changed();
  };
  canvas.addEventListener('pointermove', (event) => hover(enabled() ? unitUnder(event) : -1));
  canvas.addEventListener('pointerleave', () => hover(-1));
  canvas.addEventListener('click', (event) => {
    if (ownsClick() || !enabled()) return;
    const k = unitUnder(event);
    if (k === selected) return;
    selected = k;
    changed();
  });
  return {
    highlight: () => (hovered >= 0 ? hovered : selected),
    isSelected: () => hovered < 0 && selected >= 0,
    forget(units) {
      if (hovered >= units) hover(-1);
      if (selected >= units) selected = -1;
    },
  };
}

/**
 * The sentence under the plot for the highlighted unit, numbered from 1 as in the
 * lecture's σ(w₁x + b₁) + σ(w₂x + b₂) + …
 * @param {object} view the ApproxView
 * @param {UnitPicker} picker
 * @param {boolean} shown whether the unit curves are drawn
 * @returns {string}
 */
export function describeUnit(view, picker, shown) {
  const k = picker.highlight();
  if (!shown) return 'Tick "show units" to see each term ω_k σ(w_k x + b_k) of the sum.';
  if (k < 0) {
    return view.units() > 0 ? 'Point at a thin curve (or tap it) to see its unit\'s w, b and ω; a click or a tap keeps it.'
      : 'No unit yet: f(x) = c. Step adds the first unit.';
  }
  const info = JSON.parse(view.unit_info(k));
  const kept = picker.isSelected() ? ' (selected; click elsewhere on the plot to release)' : '';
  return `unit ${info.k + 1}: w = ${formatParam(info.w)}, b = ${formatParam(info.b)}, `
    + `ω = ${formatParam(info.omega)}${kept}`;
}
