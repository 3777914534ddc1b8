// The gradient-descent lesson view: an adapter around the Gd1dView handle (the curve
// L(w) with its iterates, tangent and quadratic model; the outcome map over (w₀, η))
// and its controls. Play and Step are the page's shared ones: Step takes one step
// w ← w − η L'(w), Play one step every few frames, so each jump can be followed by eye.
// η and w₀ live in this view's panel; the Training η, steps per frame and batch size
// do not act here and are hidden while it is shown (usesTrainingRates: false).

import { canvasPixel, fitCanvas } from '../app/canvas.js';
import { createCommitter } from '../app/commit.js';
import { etaToSlider, sliderToEta } from '../app/eta-slider.js';
import { formatValue } from '../app/format.js';
import { readNumber } from '../app/validate.js';

/** Milliseconds between two steps while playing: about 8 steps a second. */
const PLAY_INTERVAL_MS = 120;

/** Writes text only when it changed: fewer DOM mutations, no needless relayout. */
function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

/** w₀ as the box shows it: two decimals are finer than a pixel of the plot. */
const roundW = (w) => Math.round(w * 100) / 100;

/** The iterate has left every bound (the core stops there too). */
const escaped = (w) => !Number.isFinite(w) || Math.abs(w) > 1e6;

/** The map's legend, from the core's names of the curve's minima and of the other outcomes. */
function fillLegend(doc, legend, json) {
  legend.replaceChildren(...JSON.parse(json).flatMap(({ label, colour }) => {
    const swatch = doc.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = colour;
    const name = doc.createElement('span');
    name.className = 'legend-item';
    name.textContent = ` ${label} `;
    return [swatch, name];
  }));
}

/** Curve, w₀ (box, drag and arrow keys on the plot) and η (box and log slider). */
function wireControls({ c, view, commit }) {
  const curve = () => {
    view.set_curve(c.curve.value);
    c.w0.value = String(JSON.parse(view.settings_json()).w0);
    return `L(w) is now the ${c.curve.value} curve: restarted from w₀ = ${c.w0.value}.`;
  };
  const start = () => {
    view.set_start(readNumber(c.w0, 'w₀'));
    return `Start w₀ = ${c.w0.value}: restarted at t = 0.`;
  };
  const eta = () => {
    view.set_learning_rate(readNumber(c.eta, 'η'));
    c.etaSlider.value = String(etaToSlider(Number(c.eta.value), c.etaSlider));
    return `η = ${c.eta.value}: restarted from w₀.`;
  };
  c.curve.addEventListener('change', () => commit([c.curve, c.w0], curve));
  c.w0.addEventListener('change', () => commit([c.w0], start));
  c.eta.addEventListener('change', () => commit([c.eta, c.etaSlider], eta));
  c.etaSlider.addEventListener('input', () => {
    c.eta.value = String(sliderToEta(Number(c.etaSlider.value)));
    commit([c.eta, c.etaSlider], eta);
  });
  // w₀ from the plot: outside the curve's interval the core refuses, and a drag
  // that strays there simply keeps the last accepted w₀.
  const moveTo = (w) => {
    const previous = c.w0.value;
    c.w0.value = String(roundW(w));
    if (c.w0.value !== previous && !commit([c.w0], start)) c.w0.value = previous;
  };
  let dragging = false;
  c.plot.addEventListener('pointerdown', (e) => {
    dragging = true;
    c.plot.setPointerCapture(e.pointerId);
    moveTo(view.w_at(canvasPixel(c.plot, e)[0]));
  });
  c.plot.addEventListener('pointermove', (e) => {
    if (dragging) moveTo(view.w_at(canvasPixel(c.plot, e)[0]));
  });
  const stop = () => { dragging = false; };
  c.plot.addEventListener('pointerup', stop);
  c.plot.addEventListener('pointercancel', stop);
  c.plot.addEventListener('keydown', (e) => {
    const dir = { ArrowLeft: -1, ArrowRight: 1 }[e.key];
    if (!dir) return;
    e.preventDefault();
    moveTo(Number(c.w0.value) + dir * (e.shiftKey ? 0.5 : 0.05));
  });
  return { inputs: [c.curve, c.w0, c.eta, c.etaSlider], steps: [curve, start, eta] };
}

/**
 * Builds the gradient-descent view's adapter and wires its controls.
 * @param {object} deps
 * @param {Document} deps.doc
 * @param {object} deps.view the Gd1dView
 * @param {import('../app/status.js').Status} deps.status
 * @param {() => void} deps.changed redraw request (the loop's `changed`)
 * @param {() => boolean} deps.playing whether the loop is playing (Play is throttled, Step is not)
 * @returns {import('../app/loop.js').Adapter & { pushAll: () => boolean }}
 */
export function createGd({ doc, view, status, changed, playing }) {
  const el = (id) => doc.getElementById(id);
  const c = {
    curve: el('gd-curve-select'), w0: el('gd-w0'), eta: el('gd-eta'), etaSlider: el('gd-eta-slider'),
    plot: el('gd-curve'), map: el('gd-map'), legend: el('gd-map-legend'),
  };
  const out = {
    iteration: el('gd-iteration'), w: el('gd-w'), loss: el('gd-loss'),
    derivative: el('gd-derivative'), outcome: el('gd-outcome'),
  };
  const diverged = () => escaped(view.w());
  const why = () => `The iterate left every bound at t = ${view.iteration()}: with η = ${c.eta.value} gradient descent diverges. Lower η, or press Reset to start again from w₀.`;
  const adapter = { diverged, status: () => (diverged() ? why() : '') };
  const { commit, remember } = createCommitter({ view: adapter, status, changed });
  const controls = wireControls({ c, view, commit });
  let lastStep = -Infinity;
  let outcomeFor = '';
  let legendFor = '';
  return {
    ...adapter,
    name: 'gd',
    meter: { add() {}, tick() {}, restart() {} },
    stepsPerFrame: 1,
    trainingDefaults: { eta: '0.03', stepsPerFrame: '1', batch: '' },
    usesTrainingRates: false,
    hint: 'Gradient descent in 1D: Step takes one step w ← w − η L′(w), Play about eight a second; the curve, w₀ and the step η are set below.',
    train(steps) {
      const now = performance.now();
      if (playing() && now - lastStep < PLAY_INTERVAL_MS) return 0;
      lastStep = now;
      return view.train(steps);
    },
    draw() {
      fitCanvas(c.plot);
      fitCanvas(c.map);
      view.draw(c.plot, c.map);
    },
    readouts() {
      setText(out.iteration, String(view.iteration()));
      setText(out.w, formatValue(view.w()));
      setText(out.loss, formatValue(view.loss()));
      setText(out.derivative, formatValue(view.derivative()));
      // outcome() runs up to a few hundred steps: only when w₀, η or the curve changed.
      const settings = view.settings_json();
      if (settings !== outcomeFor) {
        outcomeFor = settings;
        setText(out.outcome, view.outcome());
      }
      const curve = JSON.parse(settings).curve;
      if (curve !== legendFor) {
        legendFor = curve;
        fillLegend(doc, c.legend, view.legend_json());
      }
    },
    // A throttled Play frame does nothing, which is not a stall.
    stalled: () => '',
    iteration: () => view.iteration(),
    setLearningRate: () => {},
    setBatchSize: () => {},
    tunable: () => false,
    buttonTitles: () => ({
      play: 'Take gradient steps w_(t+1) = w_t − η L′(w_t), about eight a second, each drawn with its tangent and quadratic model.',
      step: 'Take one step w_(t+1) = w_t − η L′(w_t): the minimum of the quadratic model L̃ drawn at w_t.',
      reset: 'Go back to w₀ (t = 0), keeping the curve and η.',
    }),
    reset() {
      view.reset();
      status.info(`Back to w₀ = ${c.w0.value}, t = 0.`);
      changed();
    },
    pushAll() {
      const ok = controls.steps.every((step) => commit(controls.inputs, step));
      if (ok) remember(controls.inputs);
      return ok;
    },
  };
}
