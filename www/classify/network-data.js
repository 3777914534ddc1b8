// Wires the classification view's own controls (network and data) to the
// ClassifierView's setters. Each control group maps to one setter; the rule of the
// design is visible in the notices: the loss keeps the weights, while data,
// architecture and weight seed rebuild the model (and say so, so a curve that
// restarts never surprises anyone). The shared Training controls live in app/training.js.

import { createCommitter } from '../app/commit.js';
import { createLayerEditor, describeArchitecture } from './hidden-layers.js';
import { readNumber, readU32 } from '../app/validate.js';

/** Hidden widths of a fresh ClassifierView (the contract's defaults). */
export const DEFAULT_HIDDEN = [8, 8];

/** Looks up every control once; the ids are part of the contract with the tests. */
function findControls(doc) {
  const ids = ['layers', 'add-layer', 'remove-layer', 'architecture', 'activation', 'output-activation',
    'loss', 'reduction', 'dataset', 'points', 'noise', 'train-fraction', 'data-seed',
    'new-data-seed', 'weight-seed', 'restart', 'log-scale', 'show-test'];
  const camel = (id) => id.replace(/-(\w)/g, (_, ch) => ch.toUpperCase());
  return Object.fromEntries(ids.map((id) => [camel(id), doc.getElementById(id)]));
}

/** Hidden widths as typed, checked here because a u32 array would silently truncate. */
function readWidths(layers, maxWidth) {
  const widths = layers.read();
  widths.forEach((w, i) => {
    if (!Number.isInteger(w) || w < 1 || w > maxWidth) {
      throw new Error(`Hidden layer ${i + 1} must have a whole number of units between 1 and ${maxWidth} (got ${Number.isNaN(w) ? 'nothing' : w}).`);
    }
  });
  return widths;
}

/** Hidden layers and activations rebuild the model; the loss keeps the weights. */
function wireNetwork({ c, view, commit, limits }) {
  const layers = createLayerEditor({
    list: c.layers, add: c.addLayer, remove: c.removeLayer,
    maxLayers: limits.max_layers, maxWidth: limits.max_width,
  });
  let acceptedWidths = [...DEFAULT_HIDDEN];
  layers.set(acceptedWidths);
  // The width of x(0) is the number of input features (input-features.js).
  const describe = () => {
    c.architecture.textContent = `${describeArchitecture(acceptedWidths, view.input_width(), view.output_width())} · ${view.param_count()} parameters`;
  };
  const architecture = () => {
    const widths = readWidths(layers, limits.max_width);
    view.set_architecture(Uint32Array.from(widths), c.activation.value, c.outputActivation.value);
    acceptedWidths = widths;
    describe();
    return 'Architecture changed: model rebuilt, training restarted.';
  };
  const activations = [c.activation, c.outputActivation];
  const commitArchitecture = () => commit(activations, architecture, () => layers.set(acceptedWidths));
  layers.onChange(commitArchitecture);
  activations.forEach((el) => el.addEventListener('change', commitArchitecture));
  // For lessons and the address: new widths, committed like a user's edit.
  const setHidden = (widths) => {
    layers.set(widths);
    return commitArchitecture();
  };
  const loss = () => {
    view.set_loss(c.loss.value, c.reduction.value);
    return 'Loss changed: weights kept, loss history cleared (old values are not comparable).';
  };
  const lossInputs = [c.loss, c.reduction];
  lossInputs.forEach((el) => el.addEventListener('change', () => commit(lossInputs, loss)));
  return { inputs: [...activations, ...lossInputs], architecture, loss, setHidden, describe };
}

/**
 * A box typed into whose value ends as it was fires no 'change', yet typing a seed is
 * how the README restarts a run from the same weights: a value typed and committed
 * (Enter, or leaving the box) with no 'change' calls `restart` all the same.
 */
function retypedRestarts(box, restart) {
  let typed = false;
  box.addEventListener('input', () => { typed = true; });
  box.addEventListener('change', () => { typed = false; });
  // After the browser's own 'change' (fired first on Enter and on leaving), if any.
  const commitTyped = () => setTimeout(() => {
    if (!typed) return;
    typed = false;
    restart();
  }, 0);
  box.addEventListener('blur', commitTyped);
  box.addEventListener('keydown', (e) => { if (e.key === 'Enter') commitTyped(); });
}

/** Data set and seeds: both rebuild the model from the weight seed. */
function wireData({ c, view, commit, freshSeed }) {
  const dataInputs = [c.dataset, c.points, c.noise, c.trainFraction, c.dataSeed];
  const data = () => {
    view.set_data(c.dataset.value, readU32(c.points, 'The number of points'),
      readNumber(c.noise, 'Noise'), readNumber(c.trainFraction, 'Train fraction'),
      readU32(c.dataSeed, 'Data seed'));
    return `Data changed: ${view.train_size()} training and ${view.test_size()} test points, `
      + 'model rebuilt, training restarted.';
  };
  dataInputs.forEach((el) => el.addEventListener('change', () => commit(dataInputs, data)));
  c.newDataSeed.addEventListener('click', () => commit(dataInputs, () => {
    c.dataSeed.value = String(freshSeed());
    return data();
  }));
  const weightSeed = () => {
    view.set_weight_seed(readU32(c.weightSeed, 'Weight seed'));
    return `Weight seed ${c.weightSeed.value}: model rebuilt, training restarted.`;
  };
  const restartFromSeed = () => commit([c.weightSeed], weightSeed);
  c.weightSeed.addEventListener('change', restartFromSeed);
  retypedRestarts(c.weightSeed, restartFromSeed);
  // Restart: the same initial weights again, from the seed shown (compare runs from one w₀).
  c.restart.addEventListener('click', () => commit([c.weightSeed], () => {
    weightSeed();
    return `Restart: weight seed ${c.weightSeed.value} again, the same initial weights, training restarted.`;
  }));
  // Reset draws a new seed rather than replaying the old one, and shows it, so
  // any run can still be replayed by typing its seed back.
  const reset = () => commit([c.weightSeed], () => {
    c.weightSeed.value = String(freshSeed());
    weightSeed();
    return `Reset: new weight seed ${c.weightSeed.value}, training restarted.`;
  });
  return { inputs: [...dataInputs, c.weightSeed], data, weightSeed, reset };
}

/**
 * Connects the classification controls to the view.
 * @param {object} deps
 * @param {Document} deps.doc
 * @param {object} deps.view the ClassifierView
 * @param {() => number} deps.freshSeed the wasm `fresh_seed`
 * @param {{max_layers: number, max_width: number}} deps.limits parsed `limits()`
 * @param {import('../app/status.js').Status} deps.status
 * @param {() => void} deps.changed redraw request (the loop's `changed`)
 * @returns {{ pushAll: () => boolean, reset: () => boolean, setHidden: (widths: number[]) => boolean }}
 *   pushAll sends every control's value to the view; reset draws a new weight seed and
 *   restarts (the Reset buttons); setHidden sets the hidden widths as if typed
 */
export function wireControls({ doc, view, freshSeed, limits, status, changed }) {
  const c = findControls(doc);
  const { commit, remember } = createCommitter({ view, status, changed });
  const ctx = { c, view, commit, limits, freshSeed };
  const network = wireNetwork(ctx);
  const data = wireData(ctx);
  [c.logScale, c.showTest].forEach((el) => el.addEventListener('change', changed));

  const all = [...network.inputs, ...data.inputs];
  // The weight seed goes first: set_data and set_architecture re-initialise from it.
  const steps = [data.weightSeed, data.data, network.architecture, network.loss];
  const pushAll = () => {
    const ok = steps.every((step) => commit(all, step));
    if (ok) { remember(all); status.clear(); }
    return ok;
  };
  return { pushAll, reset: data.reset, setHidden: network.setHidden, describe: network.describe };
}
