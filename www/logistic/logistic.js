// The logistic-regression lesson view: an adapter around the LogisticView handle,
// which runs gradient descent to 10, 100, 1000 and 10000 iterations at once (the
// notes' four panels) and computes LDA. There is nothing to animate, so Play and
// Step are off here (animates: false), and the Training η, steps per frame and batch
// size, which do not act on it, are hidden (its step η is its own); every control
// recomputes the four panels.

import { fitCanvas } from '../app/canvas.js';
import { createCommitter } from '../app/commit.js';
import { fmt, formatLoss } from '../app/format.js';
import { readNumber, readU32 } from '../app/validate.js';

/** One <tr> of the results table. */
function row(doc, cells, className = '') {
  const tr = doc.createElement('tr');
  if (className) tr.className = className;
  cells.forEach((text) => {
    const td = doc.createElement('td');
    td.textContent = text;
    tr.append(td);
  });
  return tr;
}

/** A loss of the table; null is a loss JSON cannot hold (it overflowed to ∞). */
const lossText = (loss) => formatLoss(loss ?? Infinity);

/** The results table: one row per snapshot, and LDA's boundary with its own logistic loss ℒ. */
function fillTable(doc, body, results) {
  const rows = results.snapshots.map((s) => row(doc,
    [String(s.iterations), lossText(s.loss), `(${fmt(s.w[0])}, ${fmt(s.w[1])})`, fmt(s.b)]));
  if (results.lda) {
    const { loss, w, b } = results.lda;
    rows.push(row(doc, ['LDA', lossText(loss), `(${fmt(w[0])}, ${fmt(w[1])})`, fmt(b)], 'lda'));
  }
  body.replaceChildren(...rows);
}

/** The controls: data (spreads and seed), η and the weight seed; each recomputes. */
function wireControls({ c, view, commit, freshSeed }) {
  const data = () => {
    view.set_data(readNumber(c.spreadPos, 'The spread of y = +1'), readNumber(c.spreadNeg, 'The spread of y = −1'),
      readU32(c.seed, 'Data seed'));
    return `Spreads ${c.spreadPos.value} and ${c.spreadNeg.value}, data seed ${c.seed.value}: the four panels and LDA recomputed.`;
  };
  const eta = () => {
    view.set_learning_rate(readNumber(c.eta, 'η'));
    return `η = ${c.eta.value}: the four panels recomputed.`;
  };
  const weightSeed = () => {
    view.set_weight_seed(readU32(c.weightSeed, 'Weight seed'));
    return `Weight seed ${c.weightSeed.value}: a new initial w, the four panels recomputed.`;
  };
  const dataInputs = [c.spreadPos, c.spreadNeg, c.seed];
  dataInputs.forEach((el) => el.addEventListener('change', () => commit(dataInputs, data)));
  c.eta.addEventListener('change', () => commit([c.eta], eta));
  c.weightSeed.addEventListener('change', () => commit([c.weightSeed], weightSeed));
  const reset = () => commit([c.weightSeed], () => {
    c.weightSeed.value = String(freshSeed());
    weightSeed();
    return `Reset: new weight seed ${c.weightSeed.value}, the four panels recomputed.`;
  });
  return { inputs: [...dataInputs, c.eta, c.weightSeed], steps: [weightSeed, eta, data], reset };
}

/**
 * Builds the logistic-regression view's adapter and wires its controls.
 * @param {object} deps
 * @param {Document} deps.doc
 * @param {object} deps.view the LogisticView
 * @param {() => number} deps.freshSeed the wasm `fresh_seed`
 * @param {import('../app/status.js').Status} deps.status
 * @param {() => void} deps.changed redraw request (the loop's `changed`)
 * @returns {import('../app/loop.js').Adapter & { pushAll: () => boolean }}
 */
export function createLogistic({ doc, view, freshSeed, status, changed }) {
  const el = (id) => doc.getElementById(id);
  const c = {
    spreadPos: el('lr-spread-pos'), spreadNeg: el('lr-spread-neg'), seed: el('lr-seed'), eta: el('lr-eta'),
    weightSeed: el('lr-weight-seed'), showLda: el('lr-show-lda'), canvas: el('lr-canvas'),
    ledeEta: el('lr-lede-eta'),
  };
  const body = el('lr-table').tBodies[0];
  // Nothing here diverges for the loop: a huge η shows as a huge loss in the table.
  const quiet = { diverged: () => false, status: () => '' };
  const { commit, remember } = createCommitter({ view: quiet, status, changed });
  const controls = wireControls({ c, view, commit, freshSeed });
  c.showLda.addEventListener('change', changed);
  let tableFor = null;
  return {
    ...quiet,
    name: 'logistic',
    meter: { add() {}, tick() {}, restart() {} },
    stepsPerFrame: 1,
    trainingDefaults: { eta: '0.1', stepsPerFrame: '1', batch: '' },
    usesTrainingRates: false,
    animates: false,
    hint: 'The four panels are computed at once (10, 100, 1000 and 10000 iterations), so Play and Step are off here; the step η and the seeds are set below, Reset draws a new weight seed.',
    train: () => 0,
    draw() {
      fitCanvas(c.canvas);
      view.draw(c.canvas, c.showLda.checked);
    },
    readouts() {
      const json = view.results_json();
      if (json === tableFor) return;
      tableFor = json;
      const results = JSON.parse(json);
      fillTable(doc, body, results);
      // The header names the η the panels were trained with.
      c.ledeEta.textContent = String(results.eta);
    },
    stalled: () => 'The four panels are already computed, from 10 to 10000 iterations: change η, the spreads or the seeds to see others.',
    iteration: () => 10000,
    setLearningRate: () => {},
    setBatchSize: () => {},
    tunable: () => false,
    buttonTitles: () => ({
      play: 'Off here: nothing to animate, the four panels show 10, 100, 1000 and 10000 iterations at once.',
      step: 'Off here: nothing to step, the four panels show 10, 100, 1000 and 10000 iterations at once.',
      reset: 'Draw a new weight seed (initial w ~ N(0, I)) and recompute the four panels.',
    }),
    reset: () => { controls.reset(); },
    pushAll() {
      const ok = controls.steps.every((step) => commit(controls.inputs, step));
      if (ok) remember(controls.inputs);
      return ok;
    },
  };
}
