// The linear-collapse readout of the classification view. With σ(x) = αx + β the
// notes show that the MLP is one affine map f(x) = A x + B; the core computes A and
// B by their recurrence and how far the network's output is from A x + B. This
// module shows that beside the network's own parameter count, so the teacher can
// point at "105 numbers, yet only 3 matter" and at the difference leaving 0 when σ
// is switched to tanh.

import { fmt, formatLoss } from '../app/format.js';

/** Writes text only when it changed: fewer DOM mutations, no needless relayout. */
function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

/**
 * Wires the "show collapse" checkbox and returns the per-frame readout update.
 * @param {object} deps
 * @param {Document} deps.doc
 * @param {object} deps.view the ClassifierView (set_show_collapse, collapse_json)
 * @param {() => void} deps.changed redraw request
 * @returns {{ update: () => void, sync: () => void }} update: refresh the numbers (only
 *   while shown, since collapse_json runs a forward pass); sync: push the checkbox
 *   into the view (after the checkbox was set from outside, e.g. by a lesson)
 */
export function createCollapse({ doc, view, changed }) {
  const el = (id) => doc.getElementById(id);
  const toggle = el('show-collapse');
  const panel = el('collapse-panel');
  const out = {
    network: el('collapse-network-params'), collapsed: el('collapse-params'),
    diff: el('collapse-diff'), map: el('collapse-map'),
  };
  const sync = () => {
    view.set_show_collapse(toggle.checked);
    panel.hidden = !toggle.checked;
    changed();
  };
  toggle.addEventListener('change', sync);
  const update = () => {
    if (!toggle.checked) return;
    const c = JSON.parse(view.collapse_json());
    setText(out.network, String(c.network_params));
    setText(out.collapsed, String(c.collapsed_params));
    setText(out.diff, formatLoss(c.max_difference));
    // One coefficient per input feature of x(0).
    setText(out.map, `A = (${c.a.map(fmt).join(", ")}), B = ${fmt(c.b)}`);
  };
  return { update, sync };
}
