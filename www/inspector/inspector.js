// The backprop inspector of the classification view: one training sample walked
// through the forward pass (layer 1 to L) and then the backward pass (layer L down
// to 1), each step with its formula in the notes' notation and its values on the
// diagram (trace-diagram.js); a gradient check against finite differences; and
// the measured cost of both passes (backprop-cost.js). Values come from the core's
// trace_json, so they are the engine's own, not recomputed here.

import { fmt, formatDuration, formatMeasure, formatRelativeError } from '../app/format.js';
import { measureCost } from './backprop-cost.js';
import { drawDiagram, matrixTable } from './trace-diagram.js';

/**
 * Gradient checks run at most this often while training plays (each is 2P passes
 * over the training set), and never more than one twentieth of the time: on a
 * wide network, where one check takes long, the pause between checks grows with it.
 */
const CHECK_INTERVAL_MS = 500;
const CHECK_SHARE = 1 / 20;

/** Step k of 0 … 2L: 0 the input, 1 … L forward, L + 1 … 2L backward from layer L. */
function stepAt(k, L) {
  if (k === 0) return { phase: 'input', layer: 0 };
  if (k <= L) return { phase: 'forward', layer: k };
  return { phase: 'backward', layer: 2 * L + 1 - k };
}

/** The formula of a step, in the notes' notation, with its numbers where short. */
function formula(trace, at) {
  const L = trace.layers.length;
  const l = at.layer;
  if (at.phase === 'input') {
    return `x(0) = xₙ = (${trace.input.map(fmt).join(', ')}),  target yₙ = ${trace.target.map(fmt).join(', ')}\nNext: the forward pass, layer 1 to ${L}.`;
  }
  const sigma = trace.layers[l - 1].activation;
  if (at.phase === 'forward') {
    // K outputs (K classes' scores) are a vector; one output a number.
    const out = trace.layers[L - 1].x;
    const f = out.length === 1 ? fmt(out[0]) : `(${out.map(fmt).join(', ')})`;
    const last = l === L ? `\nf(xₙ) = x(${L}) = ${f},  ℓ(f(xₙ), yₙ) = ${fmt(trace.loss)}` : '';
    return `s(${l}) = w(${l}) x(${l - 1}) + b(${l}),   x(${l}) = σ(s(${l})) with σ = ${sigma}${last}`;
  }
  const dx = l === L ? `[∂ℓ/∂x(${L})] = ∇₁ℓ(x(${L}), yₙ)` : `[∂ℓ/∂x(${l})] = (w(${l + 1}))ᵀ [∂ℓ/∂s(${l + 1})]`;
  return `${dx},   [∂ℓ/∂s(${l})] = [∂ℓ/∂x(${l})] ⊙ σ′(s(${l}))\n`
    + `[[∂ℓ/∂w(${l})]] = [∂ℓ/∂s(${l})] (x(${l - 1}))ᵀ  (the edges and the table),   [∂ℓ/∂b(${l})] = [∂ℓ/∂s(${l})] = (${trace.layers[l - 1].db.map(fmt).join(', ')})`;
}

/** What the step label says: where in the two passes we are. */
function stepLabel(at, L) {
  if (at.phase === 'input') return `step 0 of ${2 * L}: the input`;
  const k = at.phase === 'forward' ? at.layer : 2 * L + 1 - at.layer;
  return `step ${k} of ${2 * L}: ${at.phase} pass, layer ${at.layer}`;
}

/** The notes' rule of thumb for backward / forward, and how far from it the page explains why. */
const NOTES_RATIO = 2;
const EXPLAIN_BELOW = 1.5;
const EXPLAIN_ABOVE = 2.5;
/** σ′ from the kept x(l) = σ(s(l)), as Activation::backprop computes it. */
const DERIVATIVE = { tanh: '1 − x² for tanh', sigmoid: 'x (1 − x) for the sigmoid' };

/**
 * Why the measured times' ratio is far from the notes' ≈ 2, from what the core's two
 * passes do (nn/mlp.rs, nn/matrix.rs, nn/activation.rs); "" when it is not far.
 * @param {object} c measureCost's answer
 * @param {string[]} sigmas the network's σ, hidden then output
 */
function whyNotTwo(c, sigmas) {
  const ratio = c.backwardMs / c.forwardMs;
  const counts = formatMeasure(c.backwardMacs / c.forwardMacs);
  if (ratio < EXPLAIN_BELOW) {
    const costly = [...new Set(sigmas.filter((s) => s === 'tanh' || s === 'sigmoid'))];
    const sigma = costly.length > 0
      ? `, and the forward pass evaluates σ(s(l)) = ${costly.join(' and ')} for every unit and sample, which costs more than a `
        + `multiply-add, where the backward pass reads σ′ off the kept x(l) (${costly.map((s) => DERIVATIVE[s]).join(', ')})`
      : '';
    return `\nWhy the times give less than ${NOTES_RATIO} here: besides its multiply-adds, each pass has work that is not one — `
      + 'the call from JavaScript, copying the samples into the network\'s layout and (forward) the outputs back'
      + `${sigma}. The fewer the multiply-adds (here ${c.forwardMacs} per forward pass), the larger that work's share of both `
      + `times; on wider layers the multiply-adds dominate and the times' ratio comes closer to theirs (${counts} here).`;
  }
  if (ratio > EXPLAIN_ABOVE) {
    const ns = (ms, macs) => formatMeasure((ms * 1e6) / macs);
    return `\nWhy the times give more than ${NOTES_RATIO} here: the backward pass took longer per multiply-add than the forward pass `
      + `(${ns(c.backwardMs, c.backwardMacs)} ns against ${ns(c.forwardMs, c.forwardMacs)} ns): its ∂ℓ/∂w(l) is one sum over the `
      + `${c.rows} samples per weight, each with a few more operations to add up its partial sums, and ∂ℓ/∂s(l) = ∂ℓ/∂x(l) ⊙ σ′(s(l)) `
      + 'is computed for every unit; a timing can also include other work of the browser (Measure again shows how much it varies).';
  }
  return '';
}

/** The cost readout's text: times, their ratio beside the notes' ≈ 2 (and why it differs), the multiply-adds. */
function costText(c, sigmas) {
  const ratio = c.backwardMs / c.forwardMs;
  const seconds = formatDuration(c.elapsedMs);
  return `Over the ${c.rows} training samples: forward ${formatDuration(c.forwardMs)}, backward ${formatDuration(c.backwardMs)}`
    + ` (medians over ${c.forwardCalls} and ${c.backwardCalls} passes, each kind timed for at least ${seconds}):`
    + ` backward / forward = ${formatMeasure(ratio)} (the notes: ≈ ${NOTES_RATIO}).\n`
    + `Multiply-adds: forward ${c.forwardMacs}, backward ${c.backwardMacs}: ratio ${formatMeasure(c.backwardMacs / c.forwardMacs)}`
    + ' (no ∂ℓ/∂x(0) is needed for the inputs, so below 2).'
    + whyNotTwo(c, sigmas);
}

/**
 * Wires the inspector panel.
 * @param {object} deps
 * @param {Document} deps.doc
 * @param {object} deps.view the ClassifierView
 * @param {() => void} deps.changed redraw request
 * @returns {{ update: () => void, sync: () => void, setStep: (k: number) => void, step: () => number }}
 *   update: refresh after a frame (only while open); sync: follow the toggle after it was set
 *   from outside; setStep/step: the current step (for lessons and the address)
 */
export function createInspector({ doc, view, changed }) {
  const el = (id) => doc.getElementById(id);
  const c = {
    toggle: el('inspector-toggle'), panel: el('inspector'), sample: el('bp-sample'), prev: el('bp-prev'),
    next: el('bp-next'), label: el('bp-step'), svg: el('bp-diagram'), formula: el('bp-formula'),
    matrix: el('bp-matrix'), check: el('bp-gradcheck'), cost: el('bp-cost'), measure: el('bp-measure'),
  };
  let k = 0;
  let shown = '';
  let checked = { key: '', at: -Infinity, took: 0 };
  let measured = '';
  const layers = () => JSON.parse(view.settings_json()).hidden.length + 1;
  const sample = () => Math.min(Math.max(0, Math.floor(Number(c.sample.value) || 0)), view.train_size() - 1);
  // What the cost depends on: the layers' widths and σ, the inputs, the number of samples.
  const costKey = (settings) => JSON.stringify([settings.hidden, settings.hidden_activation, settings.output_activation,
    settings.features, settings.classes, settings.task, view.train_size()]);
  const measure = () => {
    const settings = JSON.parse(view.settings_json());
    measured = costKey(settings);
    c.cost.textContent = costText(measureCost(view), [settings.hidden_activation, settings.output_activation]);
  };

  const render = () => {
    const L = layers();
    k = Math.min(k, 2 * L);
    const trace = JSON.parse(view.trace_json(sample()));
    const at = stepAt(k, L);
    drawDiagram(c.svg, trace, at);
    c.formula.textContent = formula(trace, at);
    matrixTable(c.matrix, trace, at);
    c.label.textContent = stepLabel(at, L);
    c.prev.disabled = k === 0;
    c.next.disabled = k === 2 * L;
  };
  const gradientCheck = (key) => {
    const now = performance.now();
    const pause = Math.max(CHECK_INTERVAL_MS, checked.took / CHECK_SHARE);
    if (key === checked.key || now - checked.at < pause) return;
    c.check.textContent = formatRelativeError(view.gradient_check());
    checked = { key, at: now, took: performance.now() - now };
  };
  const update = () => {
    if (c.panel.hidden) return;
    c.sample.max = String(view.train_size() - 1);
    const settings = view.settings_json();
    const model = `${view.iteration()}|${settings}`;
    const key = `${model}|${sample()}|${k}`;
    if (key !== shown) {
      shown = key;
      render();
    }
    gradientCheck(model);
    // A new network (widths, σ, inputs) or data set has another cost: measured again at once.
    if (costKey(JSON.parse(settings)) !== measured) measure();
  };
  const sync = () => {
    c.panel.hidden = !c.toggle.checked;
    shown = '';
    checked = { key: '', at: -Infinity, took: 0 };
    measured = ''; // measured by the next update, once every setting of this change is in
    changed();
  };
  const setStep = (step) => {
    k = Math.max(0, Math.min(step, 2 * layers()));
    shown = '';
    changed();
  };
  c.toggle.addEventListener('change', sync);
  c.prev.addEventListener('click', () => setStep(k - 1));
  c.next.addEventListener('click', () => setStep(k + 1));
  c.sample.addEventListener('change', () => {
    c.sample.value = String(sample());
    shown = '';
    changed();
  });
  c.measure.addEventListener('click', measure);
  return { update, sync, setStep, step: () => k };
}
