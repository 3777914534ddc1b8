// Wires the universal-approximation panel to the ApproxView's setters and builds the
// view's adapter. As in the classification view, every change goes through commit():
// a refused value is reported and the control reverts, and each notice says what the
// change rebuilt, so a restarting curve never surprises anyone.

import { createApproxAdapter } from './plots.js';
import { createCommitter } from '../app/commit.js';
import { formatMeasure } from '../app/format.js';
import { createTargetDrawing } from './draw-target.js';
import { createUnitPicker } from './unit-picker.js';
import { messageOf, readNumber, readU32 } from '../app/validate.js';

/** ψ as the notices name it. */
const TARGET_NAMES = {
  sin: 'sin(3πx)', step: 'the step ±0.8', abs: '1.6|x| − 0.8', sawtooth: 'the sawtooth 1.6((x + 1) mod 1) − 0.8',
  bump: 'the bump 1.6 e^(−x²/0.08) − 0.8',
  smooth: 'a random smooth function', drawn: 'the drawn curve',
};

/** Runs `action`: '' if it went through, else its message. */
function attempt(action) {
  try { action(); return ''; } catch (err) { return messageOf(err); }
}

/** The targets that jump (at 0): the page says the theorem does not cover them. */
const JUMPS = new Set(['step', 'sawtooth']);

/** Looks up the panel's elements once; the ids are part of the contract with the tests. */
function findControls(doc) {
  const ids = ['approx-mode', 'approx-target', 'approx-target-seed', 'approx-draw', 'approx-units',
    'approx-units-slider', 'approx-activation', 'approx-samples', 'approx-noise',
    'approx-sample-seed', 'approx-weight-seed', 'approx-show-units', 'approx-log-scale',
    'approx-plot', 'approx-overlay', 'approx-jump-note'];
  const camel = (id) => id.replace(/^approx-/, '').replace(/-(\w)/g, (_, ch) => ch.toUpperCase());
  return Object.fromEntries(ids.map((id) => [camel(id), doc.getElementById(id)]));
}

/** ψ: the target, its seed, and a curve drawn on the plot. */
function wireTarget({ c, view, commit }) {
  let lastDrawn = null; // { xs, ys } of the last accepted stroke, for choosing "drawn" again
  const rebuilt = () => `samples redrawn, trained model restarted, construction rebuilt (ε = ${formatMeasure(view.max_error())}).`;
  const target = () => {
    const kind = c.target.value;
    // The core keeps only the current ψ; a curve drawn earlier is replayed from here.
    if (kind === 'drawn' && lastDrawn) view.set_drawn_target(lastDrawn.xs, lastDrawn.ys);
    else view.set_target(kind);
    c.targetSeed.disabled = kind !== 'smooth';
    c.jumpNote.hidden = !JUMPS.has(kind);
    return `ψ is ${TARGET_NAMES[kind] ?? kind}: ${rebuilt()}`;
  };
  const targetSeed = () => {
    view.set_target_seed(readU32(c.targetSeed, 'Target seed'));
    return `Target seed ${c.targetSeed.value}: a new random smooth ψ; ${rebuilt()}`;
  };
  const drawn = (xs, ys) => commit([c.target, c.targetSeed], () => {
    const stroke = { xs: Float64Array.from(xs), ys: Float64Array.from(ys) };
    view.set_drawn_target(stroke.xs, stroke.ys);
    lastDrawn = stroke;
    c.target.value = 'drawn';
    c.targetSeed.disabled = true;
    c.jumpNote.hidden = true;
    return `ψ is the curve you drew (${xs.length} points): ${rebuilt()}`;
  });
  c.target.addEventListener('change', () => commit([c.target, c.targetSeed], target));
  c.targetSeed.addEventListener('change', () => commit([c.targetSeed], targetSeed));
  return { inputs: [c.target, c.targetSeed], targetSeed, target, drawn };
}

/** The units: K (box and slider) and σ. */
function wireUnits({ c, view, commit }) {
  const units = (input) => () => {
    if (input !== c.units) c.units.value = input.value;
    view.set_units(readU32(c.units, 'K'));
    c.unitsSlider.value = c.units.value;
    return view.mode() === 'trained'
      ? `K = ${view.units()} units: model rebuilt from the weight seed, training restarted.`
      : `K = ${view.units()} units constructed: ε = ${formatMeasure(view.max_error())}.`;
  };
  const activation = () => {
    view.set_activation(c.activation.value);
    return c.activation.value === 'identity'
      ? 'σ = identity: a sum of lines is a line, so f stays affine whatever K. Both modes rebuilt.'
      : `σ = ${c.activation.value}: both modes rebuilt (training restarted, construction rebuilt).`;
  };
  const unitInputs = [c.units, c.unitsSlider];
  c.units.addEventListener('change', () => commit(unitInputs, units(c.units)));
  // K under the teacher's hand: the trained model rebuilds live while sliding (a few
  // ms). Rebuilding the construction costs far more (≈ 0.4 s at K = 100), so there
  // the box only follows the slider and the rebuild waits for its release.
  c.unitsSlider.addEventListener('input', () => {
    if (view.mode() === 'trained') commit(unitInputs, units(c.unitsSlider));
    else c.units.value = c.unitsSlider.value;
  });
  c.unitsSlider.addEventListener('change', () => {
    if (view.mode() !== 'trained') commit(unitInputs, units(c.unitsSlider));
  });
  c.activation.addEventListener('change', () => commit([c.activation], activation));
  return { inputs: [...unitInputs, c.activation], units: units(c.units), activation };
}

/** Samples, weight seed and mode: what the trained mode learns from, and which mode is shown. */
function wireTraining({ c, view, commit, freshSeed, modeChanged }) {
  const sampleInputs = [c.samples, c.noise, c.sampleSeed];
  const samples = () => {
    view.set_samples(readU32(c.samples, 'The number of samples'), readNumber(c.noise, 'Noise'),
      readU32(c.sampleSeed, 'Sample seed'));
    return `${c.samples.value} samples y = ψ(x) + noise: trained model restarted at iteration 0.`;
  };
  sampleInputs.forEach((el) => el.addEventListener('change', () => commit(sampleInputs, samples)));
  const weightSeed = () => {
    view.set_weight_seed(readU32(c.weightSeed, 'Weight seed'));
    return `Weight seed ${c.weightSeed.value}: trained model rebuilt, training restarted.`;
  };
  c.weightSeed.addEventListener('change', () => commit([c.weightSeed], weightSeed));
  const mode = () => {
    view.set_mode(c.mode.value);
    c.units.value = String(view.units());
    c.unitsSlider.value = c.units.value;
    modeChanged();
    return view.mode() === 'trained'
      ? `Trained mode: gradient descent on the samples, at iteration ${view.iteration()}.`
      : `Constructed mode: K = ${view.units()} units placed one by one; Step adds one, Play one per frame.`;
  };
  c.mode.addEventListener('change', () => commit([c.mode, c.units, c.unitsSlider], mode));
  // Trained: a new seed, shown so the run can be replayed. Constructed: empty the sum.
  const reset = () => commit([c.weightSeed, c.units, c.unitsSlider], () => {
    if (view.mode() === 'constructed') {
      view.reset();
      return 'Reset: every unit removed, K = 0 and f(x) = c. Step adds one unit, Play one per frame.';
    }
    c.weightSeed.value = String(freshSeed());
    weightSeed();
    return `Reset: new weight seed ${c.weightSeed.value}, training restarted.`;
  });
  return { inputs: [...sampleInputs, c.weightSeed, c.mode], weightSeed, samples, mode, reset };
}

/**
 * Connects the approximation panel to the view and builds its adapter.
 * @param {object} deps
 * @param {Document} deps.doc
 * @param {object} deps.view the ApproxView
 * @param {() => number} deps.freshSeed the wasm `fresh_seed`
 * @param {import('../app/status.js').Status} deps.status
 * @param {() => void} deps.changed redraw request (the loop's `changed`)
 * @param {() => void} deps.modeChanged called after the mode changed (the Training controls follow it)
 * @returns {import('../app/loop.js').Adapter & { pushAll: () => boolean }}
 */
export function createApprox({ doc, view, freshSeed, status, changed, modeChanged }) {
  const c = findControls(doc);
  const { commit, remember } = createCommitter({ view, status, changed });
  const psi = wireTarget({ c, view, commit });
  const net = wireUnits({ c, view, commit });
  const training = wireTraining({ c, view, commit, freshSeed, modeChanged });
  const drawing = createTargetDrawing({
    canvas: c.plot, overlay: c.overlay, button: c.draw, view, status, onStroke: psi.drawn,
  });
  const picker = createUnitPicker({
    canvas: c.plot, view, changed, ownsClick: drawing.ownsClick,
    enabled: () => c.showUnits.checked && !drawing.busy(),
  });
  [c.showUnits, c.logScale].forEach((el) => el.addEventListener('change', changed));
  // The construction grows K itself (Step, Play, Reset): the K box follows it, unless
  // the user is typing in it or dragging the slider.
  // A sentence of the status line that names K states the current K: the
  // construction's notices (Reset: K = 0 …) are rewritten as Step and Play add units.
  const followStatus = () => {
    if (view.mode() !== 'constructed') return;
    const said = status.snapshot();
    const k = view.units();
    if (said.kind !== 'info' || !/\bK = \d+/.test(said.text) || new RegExp(`\\bK = ${k}\\b`).test(said.text)) return;
    status.info(`The construction has K = ${k} unit${k === 1 ? '' : 's'}: ε = ${formatMeasure(view.max_error())}. `
      + 'Step adds one unit, Play one per frame, Reset removes them all.');
  };
  const followUnits = () => {
    followStatus();
    const k = String(view.units());
    const editing = doc.activeElement === c.units || doc.activeElement === c.unitsSlider;
    if (c.units.value === k || editing) return;
    c.units.value = k;
    c.unitsSlider.value = k;
    remember([c.units, c.unitsSlider]);
  };
  const all = [...psi.inputs, ...net.inputs, ...training.inputs];
  // Weight seed and σ first: the rebuilds that follow start from them; the mode last.
  const steps = [training.weightSeed, net.activation, training.samples, psi.targetSeed, psi.target,
    net.units, training.mode];
  const pushAll = () => {
    const ok = steps.every((step) => commit(all, step));
    if (ok) { remember(all); status.clear(); }
    return ok;
  };
  const adapter = createApproxAdapter({ doc, view, picker, followUnits });
  return {
    ...adapter,
    reset: () => { drawing.cancel(); training.reset(); },
    // A stroke cannot continue in a hidden view (and its Escape must not reach the other view).
    leave: () => drawing.cancel(),
    pushAll,
    /** Values the address keeps outside the controls (see app/url-state.js). */
    addressExtras: [
      {
        key: 'approx-psi',
        code: () => view.drawn_code() || null,
        restore: (text) => attempt(() => view.set_drawn_code(text)),
      },
      {
        // The K box shows the shown mode's K; the trained one travels apart while the construction is shown.
        key: 'approx-trained-units',
        code: () => (view.mode() === 'constructed' ? String(view.trained_units()) : null),
        restore: (text) => (view.mode() !== 'trained' ? 'only read before the mode is set'
          : attempt(() => view.set_units(Number(text)))),
      },
    ],
  };
}
