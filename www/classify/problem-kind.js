// What kind of problem the classification view shows, and the controls that follow
// it: the "Classes K" box of the K-class data sets (K spiral arms, K clusters), the
// Loss and Output σ selects (a K-class problem always uses K identity scores and the
// softmax cross-entropy, so they are disabled there and keep their values for
// two-class data), and the legend under the chart: classes ±1, K class colours, or
// a value scale for regression.

import { createCommitter } from '../app/commit.js';

/** The class palette of src/render/classes.rs (Okabe–Ito), as CSS colours. */
export const CLASS_COLOURS = ['rgb(230,159,0)', 'rgb(86,180,233)', 'rgb(0,158,115)', 'rgb(213,94,0)', 'rgb(204,121,167)'];

/** A legend swatch of the given colour followed by its text. */
function swatch(doc, colour, text) {
  const span = doc.createElement('span');
  span.className = 'swatch';
  span.style.background = colour;
  return [span, doc.createTextNode(` ${text} `)];
}

/** Legend entries for `classes` (0: regression values, 2: ±1, K ≥ 3: K classes). */
function legendEntries(doc, classes) {
  if (classes === 0) {
    return [...swatch(doc, 'var(--class-neg)', 'f = −1'), ...swatch(doc, 'var(--class-pos)', 'f = +1'),
      doc.createTextNode('· pale: f ≈ 0 ·')];
  }
  if (classes === 2) {
    return [...swatch(doc, 'var(--class-pos)', 'class +1'), ...swatch(doc, 'var(--class-neg)', 'class −1')];
  }
  return Array.from({ length: classes }, (_, k) => swatch(doc, CLASS_COLOURS[k], `class ${k}`)).flat();
}

/**
 * Wires the Classes K box and keeps the legend and the two-class-only selects in step
 * with the data set shown.
 * @param {object} deps
 * @param {Document} deps.doc
 * @param {object} deps.view the ClassifierView (set_classes, classes)
 * @param {import('../app/status.js').Status} deps.status
 * @param {() => void} deps.changed redraw request
 * @param {() => void} deps.rebuilt called when the output width changed (architecture readout)
 * @returns {{ pushAll: () => boolean, sync: () => void }} pushAll sends K to the view;
 *   sync updates the legend and the selects after a data change
 */
export function createClasses({ doc, view, status, changed, rebuilt }) {
  const el = (id) => doc.getElementById(id);
  const box = el('classes');
  const legend = el('legend-classes');
  const hint = el('classes-hint');
  const twoClassOnly = [el('loss'), el('output-activation')];
  const { commit, remember } = createCommitter({ view, status, changed });
  let shown = null;
  const sync = () => {
    const classes = view.classes();
    if (classes === shown) return;
    shown = classes;
    legend.replaceChildren(...legendEntries(doc, classes));
    // A regression's value map has no decision boundary.
    el('legend-boundary').hidden = classes === 0;
    const many = classes > 2;
    twoClassOnly.forEach((select) => { select.disabled = many; });
    hint.hidden = !many;
    box.disabled = !many;
    rebuilt();
  };
  const apply = () => {
    view.set_classes(Number(box.value));
    sync();
    return view.classes() > 2
      ? `${view.classes()} classes: data redrawn, model rebuilt with ${view.classes()} output scores, training restarted.`
      : `K = ${box.value} is kept for the K-class data sets.`;
  };
  box.addEventListener('change', () => commit([box], apply));
  // After network-data.js has applied a data change (its listener was added first).
  el('dataset').addEventListener('change', sync);
  const pushAll = () => {
    if (!commit([box], apply)) return false;
    remember([box]);
    return true;
  };
  return { pushAll, sync };
}
