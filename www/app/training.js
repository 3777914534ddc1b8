// The Training controls (Play/Pause, Step, Reset, η, steps per frame, batch size):
// one set of controls for every view. They always act on the loop's active adapter,
// and each view keeps its own accepted values, so switching views puts that view's
// η and batch size back into the boxes: the controls describe the model on screen.

import { createCommitter } from './commit.js';
import { etaToSlider, sliderToEta } from './eta-slider.js';
import { formatEta } from './format.js';
import { readBatchSize, readInteger, readNumber } from './validate.js';

const MAX_STEPS_PER_FRAME = 1000;

/** Looks up the Training controls once (their ids are part of the contract with the tests). */
function findControls(doc) {
  const el = (id) => doc.getElementById(id);
  return {
    play: el('play'), step: el('step'), reset: el('reset'), statusReset: el('status-reset'),
    eta: el('eta'), etaNumber: el('eta-number'), stepsPerFrame: el('steps-per-frame'),
    batchSize: el('batch-size'), hint: el('training-hint'),
  };
}

/** η (box and slider), steps per frame and batch size with their labels: hidden on a view they do not act on. */
function rateRows(doc) {
  const ids = ['eta-number', 'eta', 'steps-per-frame', 'batch-size'];
  return ids.flatMap((id) => [doc.getElementById(id), ...doc.querySelectorAll(`label[for="${id}"]`)]);
}

/** The setters behind η, steps per frame and batch size, acting on the active view. */
function setters(c, loop) {
  const active = () => loop.adapter;
  const eta = () => {
    const value = readNumber(c.etaNumber, 'η');
    active().setLearningRate(value);
    return `η = ${formatEta(value)}; training continues from iteration ${active().iteration()}.`;
  };
  const stepsPerFrame = () => {
    loop.setStepsPerFrame(readInteger(c.stepsPerFrame, 'Steps per frame', 1, MAX_STEPS_PER_FRAME));
  };
  const batch = () => {
    const k = readBatchSize(c.batchSize);
    active().setBatchSize(k);
    return k === 0 ? 'Full batch: every step uses the whole training set; training continues.'
      : `Batch size ${k}; training continues from iteration ${active().iteration()}.`;
  };
  return { eta, stepsPerFrame, batch };
}

/**
 * Connects the Training controls to the loop.
 * @param {object} deps
 * @param {Document} deps.doc
 * @param {import('./loop.js').Loop} deps.loop
 * @param {import('./status.js').Status} deps.status
 * @returns {{ push: (adapter: import('./loop.js').Adapter) => boolean,
 *   switchTo: (adapter: import('./loop.js').Adapter) => void, sync: () => void,
 *   values: () => Map<string, {eta: string, stepsPerFrame: string, batch: string}>,
 *   applyTo: (adapter: import('./loop.js').Adapter, values: object) => string[] }}
 *   push: make `adapter` active and send it its default η, steps per frame and batch
 *   size (at boot); switchTo: make it active and show its values; sync: enable the
 *   boxes and set the button tooltips for the active view's current mode; values: every
 *   view's values for the address; applyTo: an address's values into a view not shown
 */
export function wireTraining({ doc, loop, status }) {
  const c = findControls(doc);
  // Divergence is judged on whichever view is active when the value is committed.
  const activeView = { diverged: () => loop.adapter.diverged(), status: () => loop.adapter.status() };
  const { commit, remember } = createCommitter({ view: activeView, status, changed: loop.changed });
  const set = setters(c, loop);
  const inputs = [c.eta, c.etaNumber, c.stepsPerFrame, c.batchSize];
  const syncSlider = () => { c.eta.value = String(etaToSlider(Number(c.etaNumber.value), c.eta)); };

  c.eta.addEventListener('input', () => {
    c.etaNumber.value = String(sliderToEta(Number(c.eta.value)));
    commit([c.eta, c.etaNumber], set.eta);
  });
  c.etaNumber.addEventListener('change', () => commit([c.eta, c.etaNumber], () => {
    const notice = set.eta();
    syncSlider();
    return notice;
  }, syncSlider));
  c.stepsPerFrame.addEventListener('change', () => commit([c.stepsPerFrame], set.stepsPerFrame));
  c.batchSize.addEventListener('change', () => commit([c.batchSize], set.batch));
  c.play.addEventListener('click', () => loop.togglePlay());
  c.step.addEventListener('click', () => loop.stepOnce());
  c.reset.addEventListener('click', () => loop.adapter.reset());
  c.statusReset.addEventListener('click', () => loop.adapter.reset());

  /** @type {Map<string, {eta: string, stepsPerFrame: string, batch: string}>} per view */
  const saved = new Map();
  /** @type {Map<string, {eta: string, stepsPerFrame: string, batch: string}>} each view's defaults */
  const defaults = new Map();
  const read = () => ({ eta: c.etaNumber.value, stepsPerFrame: c.stepsPerFrame.value, batch: c.batchSize.value });
  const show = (values) => {
    c.etaNumber.value = values.eta;
    c.stepsPerFrame.value = values.stepsPerFrame;
    c.batchSize.value = values.batch;
    syncSlider();
    remember(inputs);
  };
  // In the constructed mode a Step adds a unit: η and the batch do not apply, and
  // greying them out says so better than silently ignoring them.
  const defaultHint = c.hint.textContent;
  // A lesson view with a step η of its own (usesTrainingRates: false) hides these instead:
  // one η per view. One that computes everything at once (animates: false) has Play and Step off.
  const rows = rateRows(doc);
  const sync = () => {
    const tunable = loop.adapter.tunable();
    inputs.forEach((input) => { input.disabled = !tunable; });
    rows.forEach((row) => { row.hidden = loop.adapter.usesTrainingRates === false; });
    const still = loop.adapter.animates === false;
    c.play.disabled = still;
    c.step.disabled = still;
    // A view whose controls do not apply says why (its own hint, else the construction's).
    c.hint.textContent = loop.adapter.hint ?? defaultHint;
    c.hint.hidden = tunable;
    const titles = loop.adapter.buttonTitles();
    c.play.title = titles.play;
    c.step.title = titles.step;
    c.reset.title = titles.reset;
  };
  const push = (adapter) => {
    loop.use(adapter);
    show(adapter.trainingDefaults);
    defaults.set(adapter.name, adapter.trainingDefaults);
    const ok = [set.eta, set.batch, set.stepsPerFrame].every((step) => commit(inputs, step));
    saved.set(adapter.name, read());
    sync();
    return ok;
  };
  const switchTo = (adapter) => {
    if (loop.adapter) saved.set(loop.adapter.name, read());
    loop.use(adapter);
    show(saved.get(adapter.name) ?? adapter.trainingDefaults);
    sync();
  };
  /** Each view's accepted values that differ from its defaults (the shown view's always, from the boxes). */
  const values = () => {
    const all = new Map([...saved].filter(([name, v]) => {
      const d = defaults.get(name);
      return !d || v.eta !== d.eta || v.stepsPerFrame !== d.stepsPerFrame || v.batch !== d.batch;
    }));
    if (loop.adapter) all.set(loop.adapter.name, read());
    return all;
  };
  /**
   * Sends an address's values to a view not shown: its own setters check them, and the
   * boxes, the status line and the loop end as they were. Returns the names refused.
   */
  const applyTo = (adapter, wanted) => {
    const shown = loop.adapter;
    const { playing } = loop;
    const said = status.snapshot();
    switchTo(adapter);
    const refused = [];
    [[c.etaNumber, wanted.eta, set.eta], [c.stepsPerFrame, wanted.stepsPerFrame, set.stepsPerFrame],
      [c.batchSize, wanted.batch, set.batch]].forEach(([box, value, setter]) => {
      if (value === undefined || box.value === value) return;
      box.value = value;
      if (!commit(inputs, setter)) refused.push(box.id);
    });
    switchTo(shown);
    status.restore(said);
    loop.setPlaying(playing);
    return refused;
  };
  return { push, switchTo, sync, values, applyTo };
}
