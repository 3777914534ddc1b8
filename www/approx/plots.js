// The universal-approximation view as the loop sees it: an adapter around the
// ApproxView handle that draws its three canvases (the plot of ψ, f and the unit
// terms; the loss curve; ε against K) and writes its readouts. The panel's controls
// are wired in approx.js.

import { fitCanvas } from '../app/canvas.js';
import { formatLoss } from '../app/format.js';
import { createRateMeter } from '../classify/readouts.js';
import { describeUnit } from './unit-picker.js';

/** The Training controls of this view at boot: the contract's η = 0.1, full batch. */
const TRAINING_DEFAULTS = { eta: '0.05', stepsPerFrame: '50', batch: '' };

/** Play/Step/Reset mean different things in each mode; their tooltips say which. */
const BUTTON_TITLES = {
  trained: {
    play: 'Run gradient descent on the MSE over the samples, (1/N) Σₙ (f(xₙ) − yₙ)²: each frame performs \'steps per frame\' updates w ← w − η∇ℒ of every w_k, b_k, ω_k and c.',
    step: 'Perform a single update w ← w − η∇ℒ of all the parameters w_k, b_k, ω_k, c on one batch of samples.',
    reset: 'Draw a new weight seed, re-initialise w_k, b_k, ω_k and c from it and restart at iteration 0 (same ψ and samples).',
  },
  constructed: {
    play: 'Add one unit ω_k σ(w_k x + b_k) per animation frame, each placed where the error |ψ − f| is largest, until K = 500: ε never rises.',
    step: 'Add one unit ω_K σ(w_K x + b_K): a steep step cutting the piece with the largest error (or a ReLU hinge where the error is largest); ε never rises.',
    reset: 'Remove every unit: K = 0 and f(x) = c. Step or Play then build the sum again, one unit at a time.',
  },
};

/** Writes text only when it changed: fewer DOM mutations, no needless relayout. */
function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

/**
 * Builds the adapter.
 * @param {object} deps
 * @param {Document} deps.doc
 * @param {object} deps.view the ApproxView
 * @param {import('./unit-picker.js').UnitPicker} deps.picker hovered / selected unit
 * @param {() => void} deps.followUnits keeps the K box on the current K (constructed mode grows it)
 * @returns {Omit<import('../app/loop.js').Adapter, 'reset'>}
 */
export function createApproxAdapter({ doc, view, picker, followUnits }) {
  const el = (id) => doc.getElementById(id);
  const canvases = [el('approx-plot'), el('approx-loss'), el('approx-error')];
  const logScale = el('approx-log-scale');
  const showUnits = el('approx-show-units');
  const out = {
    units: el('approx-units-now'), maxError: el('approx-max-error'), mse: el('approx-mse'),
    iteration: el('approx-iteration'), trainLoss: el('approx-train-loss'),
    params: el('approx-params'), unitInfo: el('approx-unit-info'),
  };
  const samplesLegend = el('approx-legend-samples');
  const trained = () => view.mode() === 'trained';
  return {
    name: 'approx',
    meter: createRateMeter(el('approx-steps-per-sec')),
    stepsPerFrame: 1,
    trainingDefaults: TRAINING_DEFAULTS,
    train: (steps) => view.train(steps),
    draw() {
      canvases.forEach(fitCanvas);
      // K may have shrunk since the unit was picked (Reset, a smaller K, a new mode).
      picker.forget(view.units());
      // A picked unit stays picked while the units are hidden, but is not drawn then.
      const highlight = showUnits.checked ? picker.highlight() : -1;
      view.draw(...canvases, showUnits.checked, highlight, logScale.checked);
    },
    readouts() {
      setText(out.units, String(view.units()));
      setText(out.maxError, formatLoss(view.max_error()));
      setText(out.mse, formatLoss(view.mse()));
      // Iterations and the sample loss belong to gradient descent; the construction has neither.
      setText(out.iteration, trained() ? String(view.iteration()) : '—');
      setText(out.trainLoss, trained() ? formatLoss(view.train_loss()) : '—');
      setText(out.params, String(view.param_count()));
      setText(out.unitInfo, describeUnit(view, picker, showUnits.checked));
      // The construction uses ψ itself, not samples, and draws none.
      if (samplesLegend.hidden === trained()) samplesLegend.hidden = !trained();
      followUnits();
    },
    diverged: () => view.diverged(),
    status: () => view.status(),
    // The construction stops at its maximum K (or when no unit can be placed without raising ε).
    stalled: () => (trained() ? '' : view.status()
      || `No further unit can be placed without raising ε: the construction stops at K = ${view.units()}.`),
    iteration: () => view.iteration(),
    setLearningRate: (eta) => view.set_learning_rate(eta),
    setBatchSize: (k) => view.set_batch_size(k),
    tunable: trained,
    buttonTitles: () => BUTTON_TITLES[view.mode()] ?? BUTTON_TITLES.trained,
  };
}
