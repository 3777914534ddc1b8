// The Digits view: an adapter around the DigitsView handle (the practical's MLP on
// MNIST digits). The digits (www/pkg/digits.bin, ~7.9 MB) are fetched the first
// time the view is drawn, i.e. when it is first shown, never on a plain page load.
//
// Training runs in Web Workers (worker.js, training.js), each on a DigitsView of its
// own, so that the page's frames never wait for a step (3-4 ms each on the
// practical's defaults; two workers share each full-batch step of 4000 digits or more
// on two cores). The
// page's handle checks every setting first (a refusal is a sentence here and nothing
// reaches the workers), then the workers get the same call; the lead sends states,
// which this handle draws (adopt). A restart counts a new generation, and a state of
// an older one is dropped. Where no worker can start, the page trains itself, a step
// a frame.

import { createCommitter } from '../app/commit.js';
import { fitCanvas } from '../app/canvas.js';
import { formatClock, formatLoss } from '../app/format.js';
import { messageOf, readInteger, readIntegerList, readNumber, readU32 } from '../app/validate.js';
import { createRateMeter } from '../classify/readouts.js';
import { wirePad } from './pad.js';
import { createTraining } from './training.js';

/** The digits file, beside the wasm (the same path in dist/, whose chunk sits in www/pkg/). */
const DATA_URL = new URL('../pkg/digits.bin', import.meta.url);
/** The training worker's script (in dist/ the bundled worker beside the other bundles). */
const WORKER_URL = new URL('./worker.js', import.meta.url);
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

/**
 * The outputs table: one row per digit, a bar (a <meter>) and its value. The bars
 * span −1 to 1 for the outputs x(L) under the squared error, 0 to 1 for the softmax's
 * probabilities under the cross-entropy.
 */
function fillOutputs(doc, body, outputs, answer, softmax) {
  const rows = outputs.map((v, k) => {
    const tr = doc.createElement('tr');
    const th = doc.createElement('th');
    th.scope = 'row';
    th.textContent = String(k);
    const bar = doc.createElement('td');
    const meter = doc.createElement('meter');
    meter.min = softmax ? 0 : -1;
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
 * @param {() => Worker} [deps.createWorker] the training worker (throws where there is none)
 */
export function createDigits({
  doc, DigitsView, freshSeed, status, changed, fetchData = (url) => fetch(url),
  createWorker = () => new Worker(WORKER_URL, { type: 'module' }),
}) {
  const el = (id) => doc.getElementById(id);
  const c = {
    train: el('dg-train'), test: el('dg-test'), seed: el('dg-seed'), width: el('dg-width'),
    activation: el('dg-activation'), loss: el('dg-loss-function'), epsilon: el('dg-epsilon'), weightSeed: el('dg-weight-seed'),
    eta: el('dg-eta'), optimizer: el('dg-optimizer'), batch: el('dg-batch'), log: el('dg-log-scale'),
  };
  const out = {
    step: el('dg-step'), loss: el('dg-train-loss'), trainError: el('dg-train-error'), testError: el('dg-test-error'),
    params: el('dg-params'), played: el('dg-played'), workers: el('dg-workers'), oursTrain: el('dg-ours-train'), oursTest: el('dg-ours-test'), note: el('dg-ours-note'),
    confusion: el('dg-confusion'), answers: el('dg-answers'), outputs: el('dg-outputs').tBodies[0], answer: el('dg-answer'),
  };
  const canvases = {
    errors: el('dg-errors'), loss: el('dg-loss'), weights: el('dg-weights'), tests: el('dg-test-digits'), input: el('dg-input'),
  };
  let view = null;
  /** Where the steps run (createTraining), once the digits are here. */
  let training = null;
  let loading = null;
  let at1000 = null;
  let readFor = -1;
  /** What the outputs table shows: the drawing (null) or test digit k. */
  let picked = null;
  let answers = [];
  const stopped = () => (view ? view.stopped() : '');
  const quiet = { diverged: () => stopped() !== '', status: stopped };
  const { commit, remember } = createCommitter({ view: quiet, status, changed });

  /** view[method](...args) here, then the same in the worker. */
  const call = (method, args, restarts) => {
    view[method](...args);
    training?.call(method, args, restarts);
  };
  const data = () => {
    const train = readInteger(c.train, 'Training digits', 1, 9999);
    const test = readInteger(c.test, 'Test digits', 1, 9999);
    call('set_data', [train, test, readU32(c.seed, 'Data seed')], true);
    // η is the user's and stays; the handout scales it with the summed loss, η = 0.1 / N.
    const handout = 0.1 / train;
    const shown = Number(handout.toPrecision(3));
    const hint = Number(c.eta.value) === handout ? ''
      : ` η stays ${c.eta.value}; the handout's η for ${train} digits is 0.1 / ${train} ${shown === handout ? '=' : '≈'} ${shown}.`;
    return `${train} training and ${test} test digits (data seed ${c.seed.value}): training restarts.${hint}`;
  };
  const model = () => {
    const widths = readIntegerList(c.width, 'Hidden widths');
    call('set_model', [Uint32Array.from(widths), c.activation.value, c.loss.value,
      readNumber(c.epsilon, 'The init scale ε'), readU32(c.weightSeed, 'Weight seed')], true);
    const loss = c.loss.selectedOptions[0]?.textContent ?? c.loss.value;
    return `784 → ${widths.join(' → ')} → 10, σ = ${c.activation.value}, ${loss}, ε = ${c.epsilon.value}: training restarts.`;
  };
  const eta = () => {
    const value = readNumber(c.eta, 'η');
    if (value <= 0) throw new Error(`η must be above 0 (got ${c.eta.value}): with η = 0 nothing would learn.`);
    call('set_eta', [value], false);
    return `η = ${c.eta.value}: training continues with the same weights.`;
  };
  const optimizer = () => {
    call('set_optimizer', [c.optimizer.value, 0.9], false);
    return `${c.optimizer.selectedOptions[0]?.textContent ?? c.optimizer.value}: training continues with the same weights.`;
  };
  const batch = () => {
    const k = readU32(c.batch, 'Mini-batch');
    call('set_batch_size', [k], false);
    return k === 0 ? 'Full batch: every update sees all the training digits.'
      : `Mini-batches of ${k} digits: training continues with the same weights.`;
  };
  const restarted = () => { at1000 = null; readFor = -1; training?.restarted(); };
  // Without the data yet a value is only checked when the digits arrive (then applied).
  const guard = (apply, restarts) => () => {
    if (!view) return 'The digits are still loading: the value is applied when they arrive.';
    const said = apply();
    if (restarts) restarted();
    return said;
  };
  const dataInputs = [c.train, c.test, c.seed];
  const modelInputs = [c.width, c.activation, c.loss, c.epsilon, c.weightSeed];
  const allInputs = [...dataInputs, ...modelInputs, c.eta, c.optimizer, c.batch];
  dataInputs.forEach((i) => i.addEventListener('change', () => commit(dataInputs, guard(data, true))));
  modelInputs.forEach((i) => i.addEventListener('change', () => commit(modelInputs, guard(model, true))));
  c.eta.addEventListener('change', () => commit([c.eta], guard(eta, false)));
  c.optimizer.addEventListener('change', () => commit([c.optimizer], guard(optimizer, false)));
  c.batch.addEventListener('change', () => commit([c.batch], guard(batch, false)));
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
      const bytes = new Uint8Array(await response.arrayBuffer());
      view = new DigitsView(bytes);
      // The worker gets the digits, then every call made here, in order.
      training = createTraining({ view, bytes, createWorker, changed, failed: (m) => status.error(m) });
      const ok = [data, model, eta, optimizer, batch].every((step) => commit(allInputs, step));
      if (ok) remember(allInputs);
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
    /** Always 0: a playing frame only collects the worker's steps (see train). */
    get stepsPerFrame() { return 0; },
    set stepsPerFrame(_) {},
    trainingDefaults: { eta: '0.0001', stepsPerFrame: '1', batch: '' },
    usesTrainingRates: false,
    hint: 'Gradient descent on the training digits: Step takes one step, Play runs them back to back in the background (Web Workers, two sharing each full-batch step of 4000 digits or more on a two-core machine), so the page stays smooth; η, the optimiser, the mini-batch and the network are set in the Digits panel.',
    /** Play and Pause start and stop the worker's steps. */
    playing(on) { training?.playing(on); },
    /** Step (steps ≥ 1) asks for whole steps; a playing frame (0) counts the steps the last state brought. */
    train(steps) {
      if (!training) return 0;
      if (steps < 1) {
        const now = performance.now();
        if (now - lastFrame < GAP_MS) played += now - lastFrame;
        lastFrame = now;
      }
      return training.train(steps);
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
      // Which weights the training figures are of (a step's own forward pass under
      // full batch, as the practical measures them): said in their titles.
      const whose = r.during_step
        ? 'of the weights the last step started from (the forward pass its gradient came from, as the practical measures it)'
        : 'of the weights after the last step';
      out.loss.previousElementSibling.title = `ℒ summed over the training digits (the panel's loss), ${whose}.`;
      out.trainError.previousElementSibling.title = `Share of training digits whose largest output is not their digit, ${whose}.`;
      setText(out.testError, pct(r.test_error));
      setText(out.params, r.params.toLocaleString('en'));
      setText(out.workers, training ? training.where : '—');
      if (r.step === 0) played = 0;
      setText(out.played, formatClock(played));
      if (r.at_1000 && !at1000) at1000 = { train: r.at_1000[0], test: r.at_1000[1], n: r.train, width: c.width.value };
      if (!r.at_1000) at1000 = null;
      setText(out.oursTrain, at1000 ? pct(at1000.train) : '—');
      setText(out.oursTest, at1000 ? pct(at1000.test) : '—');
      setText(out.note, at1000
        ? `Here: step 1000 of this run, ${at1000.n} training digits, hidden widths ${at1000.width}.`
        : `Here: the errors at step 1000 of this run, once it gets there (now at step ${r.step}).`);
      fillConfusion(doc, out.confusion, r.confusion);
      if (readFor !== r.step) {
        readFor = r.step;
        const reading = view.reread();
        if (picked !== null && picked < answers.length) {
          const [answer, truth] = answers[picked];
          const { outputs, softmax } = JSON.parse(view.test_outputs(picked));
          fillOutputs(doc, out.outputs, outputs, answer, softmax);
          const targets = softmax ? `The target is probability 1 for ${truth}, 0 for the others.`
            : `The targets are +0.9 for ${truth}, −0.9 for the others.`;
          setText(out.answer, `Test digit ${picked + 1}, a ${truth}: the network reads ${answer}${answer === truth ? '' : ' (a mistake)'}. ${targets}`);
        } else if (reading) {
          const { outputs, answer, softmax } = JSON.parse(reading);
          fillOutputs(doc, out.outputs, outputs, answer, softmax);
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
      play: 'Run gradient steps on the training digits back to back, in the background (Web Workers) so the page stays smooth.',
      step: 'One step: forward and backward over the training digits (or one mini-batch), the update, then the loss and errors on both sets.',
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
