// The Digits view: an adapter around the DigitsView handle (the practical's MLP on
// MNIST digits). The digits (www/pkg/digits.bin, ~7.9 MB) are fetched the first
// time the view is drawn, i.e. when it is first shown, never on a plain page load.
//
// Training never holds the main thread for long: while playing, each frame works
// through chunks of digits for at most SLICE_MS (one full-batch step of the practical
// spans several frames); Step does one whole step at once.

import { createCommitter } from '../app/commit.js';
import { fitCanvas } from '../app/canvas.js';
import { formatClock, formatLoss } from '../app/format.js';
import { messageOf, readInteger, readNumber, readU32 } from '../app/validate.js';
import { createRateMeter } from '../classify/readouts.js';
import { wirePad } from './pad.js';

/** The digits file, beside the wasm (the same path in dist/, whose chunk sits in www/pkg/). */
const DATA_URL = new URL('../pkg/digits.bin', import.meta.url);
/** Time a playing frame may spend training (a frame at 60 Hz is 16.7 ms). */
const SLICE_MS = 8;
/** Digits per call into the core while playing. */
const CHUNK = 50;
/** Test digits shown, and per row. */
const SHOWN = 60;
const SHOWN_COLS = 20;
/** Weight images per row. */
const WEIGHT_COLS = 10;

const pct = (v) => (v == null ? '—' : `${(100 * v).toFixed(2)} %`);

function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

/** The 10 × 10 confusion table (row = true digit, column = answer). */
function fillConfusion(doc, table, counts) {
  const caption = table.caption;
  const head = doc.createElement('tr');
  head.append(doc.createElement('th'));
  for (let k = 0; k < 10; k++) {
    const th = doc.createElement('th');
    th.scope = 'col';
    th.textContent = String(k);
    head.append(th);
  }
  const rows = [head];
  for (let t = 0; t < 10; t++) {
    const tr = doc.createElement('tr');
    const th = doc.createElement('th');
    th.scope = 'row';
    th.textContent = String(t);
    tr.append(th);
    for (let k = 0; k < 10; k++) {
      const td = doc.createElement('td');
      td.textContent = String(counts[t * 10 + k] ?? 0);
      if (t === k) td.className = 'diagonal';
      tr.append(td);
    }
    rows.push(tr);
  }
  table.replaceChildren(caption, ...rows);
}

/** The outputs table: one row per digit, a bar (a <meter> from −1 to 1) and its value. */
function fillOutputs(doc, body, outputs, answer) {
  const rows = outputs.map((v, k) => {
    const tr = doc.createElement('tr');
    const th = doc.createElement('th');
    th.scope = 'row';
    th.textContent = String(k);
    const bar = doc.createElement('td');
    const meter = doc.createElement('meter');
    meter.min = -1;
    meter.max = 1;
    meter.value = Number.isFinite(v) ? v : 0;
    bar.append(meter);
    const value = doc.createElement('td');
    value.textContent = Number.isFinite(v) ? v.toFixed(3) : '—';
    if (k === answer) tr.className = 'answer';
    tr.append(th, bar, value);
    return tr;
  });
  body.replaceChildren(...rows);
}

/**
 * Builds the Digits view's adapter.
 * @param {object} deps
 * @param {Document} deps.doc
 * @param {new (bytes: Uint8Array) => object} deps.DigitsView the wasm class
 * @param {() => number} deps.freshSeed
 * @param {import('../app/status.js').Status} deps.status
 * @param {() => void} deps.changed
 * @param {(url: URL) => Promise<Response>} [deps.fetchData]
 */
export function createDigits({ doc, DigitsView, freshSeed, status, changed, fetchData = (url) => fetch(url) }) {
  const el = (id) => doc.getElementById(id);
  const c = {
    train: el('dg-train'), test: el('dg-test'), seed: el('dg-seed'), width: el('dg-width'),
    activation: el('dg-activation'), epsilon: el('dg-epsilon'), weightSeed: el('dg-weight-seed'),
    eta: el('dg-eta'), log: el('dg-log-scale'),
  };
  const out = {
    step: el('dg-step'), loss: el('dg-train-loss'), trainError: el('dg-train-error'), testError: el('dg-test-error'),
    params: el('dg-params'), played: el('dg-played'), oursTrain: el('dg-ours-train'), oursTest: el('dg-ours-test'), note: el('dg-ours-note'),
    confusion: el('dg-confusion'), answers: el('dg-answers'), outputs: el('dg-outputs').tBodies[0], answer: el('dg-answer'),
  };
  const canvases = {
    errors: el('dg-errors'), loss: el('dg-loss'), weights: el('dg-weights'), tests: el('dg-test-digits'), input: el('dg-input'),
  };
  let view = null;
  let loading = null;
  let at1000 = null;
  let readFor = -1;
  /** What the outputs table shows: the drawing (null) or test digit k. */
  let picked = null;
  let answers = [];
  const stopped = () => (view ? view.stopped() : '');
  const quiet = { diverged: () => stopped() !== '', status: stopped };
  const { commit, remember } = createCommitter({ view: quiet, status, changed });

  const data = () => {
    const train = readInteger(c.train, 'Training digits', 1, 9999);
    const test = readInteger(c.test, 'Test digits', 1, 9999);
    view.set_data(train, test, readU32(c.seed, 'Data seed'));
    return `${train} training and ${test} test digits (data seed ${c.seed.value}): training restarts.`;
  };
  const model = () => {
    const width = readInteger(c.width, 'Hidden units', 0, 1e6);
    view.set_model(width, c.activation.value, readNumber(c.epsilon, 'The init scale ε'), readU32(c.weightSeed, 'Weight seed'));
    return `784 → ${width} → 10, σ = ${c.activation.value}, ε = ${c.epsilon.value}: training restarts.`;
  };
  const eta = () => {
    const value = readNumber(c.eta, 'η');
    if (value <= 0) throw new Error(`η must be above 0 (got ${c.eta.value}): with η = 0 nothing would learn.`);
    view.set_eta(value);
    return `η = ${c.eta.value}: training continues with the same weights.`;
  };
  const restarted = () => { at1000 = null; readFor = -1; };
  // Without the data yet a value is only checked when the digits arrive (then applied).
  const guard = (apply, restarts) => () => {
    if (!view) return 'The digits are still loading: the value is applied when they arrive.';
    const said = apply();
    if (restarts) restarted();
    return said;
  };
  const dataInputs = [c.train, c.test, c.seed];
  const modelInputs = [c.width, c.activation, c.epsilon, c.weightSeed];
  dataInputs.forEach((i) => i.addEventListener('change', () => commit(dataInputs, guard(data, true))));
  modelInputs.forEach((i) => i.addEventListener('change', () => commit(modelInputs, guard(model, true))));
  c.eta.addEventListener('change', () => commit([c.eta], guard(eta, false)));
  c.log.addEventListener('change', changed);

  const pad = wirePad(el('dg-pad'), (ink, w, h) => {
    if (!view) { status.info('The digits are still loading: the network can read a drawing once they are here.'); return; }
    try {
      view.read_drawing(ink, w, h);
      picked = null;
      readFor = -1;
      changed();
    } catch (err) {
      status.error(messageOf(err));
    }
  });
  const emptied = () => {
    view?.clear_drawing();
    picked = null;
    out.outputs.replaceChildren();
    setText(out.answer, 'The pad is empty: draw a digit.');
    changed();
  };
  el('dg-clear').addEventListener('click', () => {
    pad.clear();
    emptied();
  });
  // Undo takes the last stroke away; the network reads what is left (or nothing).
  el('dg-undo').addEventListener('click', () => {
    if (!pad.undo()) emptied();
  });

  /** Fetches the digits and builds the handle with the controls' values (once). */
  const load = () => {
    loading ??= (async () => {
      status.info('Loading the 10,000 MNIST digits…');
      const response = await fetchData(DATA_URL);
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      view = new DigitsView(new Uint8Array(await response.arrayBuffer()));
      const ok = [data, model, eta].every((step) => commit([...dataInputs, ...modelInputs, c.eta], step));
      if (ok) remember([...dataInputs, ...modelInputs, c.eta]);
      status.info(`${view.available()} digits loaded: press Play to train the practical's network.`);
      changed();
    })().catch((err) => {
      loading = null;
      view = null;
      status.error(`The digits could not be loaded (${messageOf(err)}); the other views still work.`);
    });
    return loading;
  };

  // A click on a test digit shows its 10 outputs instead of the drawing's.
  canvases.tests.addEventListener('click', (e) => {
    if (!view) return;
    const r = canvases.tests.getBoundingClientRect();
    const cell = r.width / SHOWN_COLS;
    const k = Math.floor((e.clientY - r.top) / cell) * SHOWN_COLS + Math.floor((e.clientX - r.left) / cell);
    if (k < 0 || k >= answers.length) return;
    picked = k;
    readFor = -1;
    changed();
  });

  const meter = createRateMeter(el('dg-rate'));
  // Wall-clock time spent playing since step 0 (the handout quotes 1 min 40 s for its
  // 1000 steps): the gaps between playing frames, a gap over GAP_MS being a pause.
  const GAP_MS = 250;
  let played = 0;
  let lastFrame = -Infinity;
  return {
    ...quiet,
    name: 'digits',
    meter,
    /** Always 0, "as much as fits in SLICE_MS" (see train): the Training box's steps per frame do not apply here. */
    get stepsPerFrame() { return 0; },
    set stepsPerFrame(_) {},
    trainingDefaults: { eta: '0.0001', stepsPerFrame: '1', batch: '' },
    usesTrainingRates: false,
    hint: 'Full-batch gradient descent on the training digits: Step takes one step, Play runs them as fast as the page stays smooth; η and the network are set in the Digits panel.',
    /** A playing frame (steps = 0) trains for at most SLICE_MS; Step (steps ≥ 1) does whole steps. */
    train(steps) {
      if (!view) return 0;
      if (steps >= 1) return view.run(steps);
      const start = performance.now();
      if (start - lastFrame < GAP_MS) played += start - lastFrame;
      lastFrame = start;
      let done = 0;
      while (performance.now() - start < SLICE_MS && !view.stopped()) {
        if (view.advance(CHUNK)) done += 1;
      }
      return done;
    },
    draw() {
      if (!view) { load(); return; }
      fitCanvas(canvases.errors);
      fitCanvas(canvases.loss);
      view.draw_curves(canvases.loss, canvases.errors, c.log.checked);
      view.draw_weights(canvases.weights, WEIGHT_COLS);
      answers = JSON.parse(view.draw_test_digits(canvases.tests, SHOWN, SHOWN_COLS));
      const wrong = answers.filter(([a, t]) => a !== t).length;
      setText(out.answers, `Answers, row by row: ${answers.map(([a]) => a).join(' ')} — ${wrong} of ${answers.length} wrong (framed red).`);
      view.draw_input(canvases.input);
    },
    readouts() {
      if (!view) return;
      const r = JSON.parse(view.readouts_json());
      setText(out.step, String(r.step));
      setText(out.loss, formatLoss(r.train_loss ?? Infinity));
      setText(out.trainError, pct(r.train_error));
      setText(out.testError, pct(r.test_error));
      setText(out.params, r.params.toLocaleString('en'));
      if (r.step === 0) played = 0;
      setText(out.played, formatClock(played));
      if (r.at_1000 && !at1000) at1000 = { train: r.at_1000[0], test: r.at_1000[1], n: r.train, width: c.width.value };
      if (!r.at_1000) at1000 = null;
      setText(out.oursTrain, at1000 ? pct(at1000.train) : '—');
      setText(out.oursTest, at1000 ? pct(at1000.test) : '—');
      setText(out.note, at1000
        ? `Here: step 1000 of this run, ${at1000.n} training digits, ${at1000.width} hidden units.`
        : `Here: the errors at step 1000 of this run, once it gets there (now at step ${r.step}).`);
      fillConfusion(doc, out.confusion, r.confusion);
      if (readFor !== r.step) {
        readFor = r.step;
        const reading = view.reread();
        if (picked !== null && picked < answers.length) {
          const [answer, truth] = answers[picked];
          fillOutputs(doc, out.outputs, JSON.parse(view.test_outputs(picked)), answer);
          setText(out.answer, `Test digit ${picked + 1}, a ${truth}: the network reads ${answer}${answer === truth ? '' : ' (a mistake)'}. The targets are +0.9 for ${truth}, −0.9 for the others.`);
        } else if (reading) {
          const { outputs, answer } = JSON.parse(reading);
          fillOutputs(doc, out.outputs, outputs, answer);
          setText(out.answer, `The network reads: ${answer}`);
        }
      }
    },
    stalled: () => (view ? '' : 'The digits are still loading: press Play again once they are here.'),
    iteration: () => (view ? view.step_count() : 0),
    setLearningRate: () => {},
    setBatchSize: () => {},
    tunable: () => false,
    buttonTitles: () => ({
      play: 'Run full-batch gradient steps on the training digits, a few digits at a time so the page stays smooth.',
      step: 'One full-batch step: forward and backward over every training digit, w ← w − η ∇ℒ, then the test error.',
      reset: 'Draw a new weight seed (every weight and bias from N(0, ε²)) and restart at step 0.',
    }),
    reset() {
      c.weightSeed.value = String(freshSeed());
      commit(modelInputs, guard(model, true));
    },
    /** Checked and applied when the digits arrive (nothing is fetched before the view is shown). */
    pushAll: () => true,
    /** For the tests: resolves once the digits are loaded (fetching them if needed). */
    loaded: () => load(),
  };
}
