// The Features fieldset of the classification view: which features φ(x₁, x₂) make
// the network's input x(0) (x₁, x₂, x₁², x₂², x₁·x₂, sin x₁, sin x₂), and the
// "discretize output" display switch. A feature change alters the width of x(0),
// so the core rebuilds the first layer and training restarts (and the notice says
// so); discretizing only changes how the heatmap is painted, training goes on.

import { createCommitter } from '../app/commit.js';

/** The feature checkboxes in input order (the order of the fieldset). */
function featureBoxes(doc) {
  return [...doc.querySelectorAll('#features-fieldset input[data-feature]')];
}

/** The ticked features as the core names them, comma-separated ("x1,x2,x1sq"). */
export function featureNames(boxes) {
  return boxes.filter((box) => box.checked).map((box) => box.dataset.feature).join(',');
}

/** The ticked features as the page writes them ("x₁, x₂, x₁²"), for notices. */
function featureFormulas(boxes) {
  return boxes.filter((box) => box.checked).map((box) => box.parentElement.textContent.trim()).join(', ');
}

/**
 * Wires the Features fieldset.
 * @param {object} deps
 * @param {Document} deps.doc
 * @param {object} deps.view the ClassifierView (set_features, set_discretize)
 * @param {import('../app/status.js').Status} deps.status
 * @param {() => void} deps.changed redraw request
 * @param {() => void} deps.rebuilt called after the features changed the network
 *   (the architecture readout follows the width of x(0))
 * @returns {{ pushAll: () => boolean }} pushAll sends the fieldset's state to the view
 */
export function createFeatures({ doc, view, status, changed, rebuilt }) {
  const boxes = featureBoxes(doc);
  const discretize = doc.getElementById('discretize');
  const { commit, remember } = createCommitter({ view, status, changed });
  const apply = () => {
    // An empty list is refused by the core with its own sentence, and the
    // committer then ticks the last accepted features again.
    view.set_features(featureNames(boxes));
    rebuilt();
    return `Features x(0) = (${featureFormulas(boxes)}): first layer rebuilt, training restarted.`;
  };
  boxes.forEach((box) => box.addEventListener('change', () => commit(boxes, apply)));
  const pushDiscretize = () => {
    view.set_discretize(discretize.checked);
    changed();
  };
  discretize.addEventListener('change', pushDiscretize);
  const pushAll = () => {
    pushDiscretize();
    if (!commit(boxes, apply)) return false;
    remember(boxes);
    return true;
  };
  return { pushAll };
}
