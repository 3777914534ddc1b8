// The numbers on the right: iteration, epoch, losses, accuracies, the objective
// ℒ + λR, parameter count and the measured speed. Every number of a frame is read
// in that frame, after its training, so all of them describe the same step. Values are read from the view (small copyable answers, nothing
// serialized) and formatted by app/format.js, so that a non-finite value never shows as "NaN".

import { formatAccuracy, formatEpoch, formatLoss, formatRate } from '../app/format.js';

/** Writes text only when it changed: fewer DOM mutations, no needless relayout. */
function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

/**
 * Binds the readout elements once, so the per-frame update does no id lookups.
 * @param {Document} doc
 * @returns {(view: object) => void} update function reading everything from the view
 */
export function createReadouts(doc) {
  const el = (id) => doc.getElementById(id);
  const fields = {
    iteration: el('iteration'), epoch: el('epoch'),
    trainLoss: el('train-loss'), testLoss: el('test-loss'),
    trainAcc: el('train-acc'), testAcc: el('test-acc'), params: el('params'),
    objective: el('objective'),
  };
  return (view) => {
    setText(fields.iteration, String(view.iteration()));
    const epoch = view.epoch();
    setText(fields.epoch, formatEpoch(epoch));
    setText(fields.trainLoss, formatLoss(view.train_loss()));
    setText(fields.testLoss, formatLoss(view.test_loss()));
    setText(fields.trainAcc, formatAccuracy(view.train_accuracy()));
    setText(fields.testAcc, formatAccuracy(view.test_accuracy()));
    // The same evaluation as the train loss, plus λR(w): equal to it when λ = 0.
    setText(fields.objective, formatLoss(view.objective()));
    setText(fields.params, String(view.param_count()));
  };
}

/**
 * Steps-per-second meter: counts the updates actually done and publishes a rate
 * about once a second. A per-frame rate would flicker; a one-second window is
 * steady enough to read and still follows changes of steps per frame quickly.
 * @param {HTMLElement} output the #steps-per-sec element
 * @param {number} [windowMs=1000] length of a measuring window
 * @returns {{ add: (steps: number) => void, tick: (now: number) => void, restart: () => void,
 *   idle: () => void }}
 *   restart starts a fresh window (after the meter's view was hidden, so the time
 *   spent in another view does not count as slow training); idle shows 0 at once
 *   (nothing runs: paused, stopped or diverged) and starts afresh
 */
export function createRateMeter(output, windowMs = 1000) {
  let windowStart = null;
  let steps = 0;
  return {
    add(count) { steps += count; },
    tick(now) {
      if (windowStart === null) { windowStart = now; return; }
      const elapsed = now - windowStart;
      if (elapsed < windowMs) return;
      const rate = (steps * 1000) / elapsed;
      setText(output, formatRate(rate));
      windowStart = now;
      steps = 0;
    },
    restart() {
      windowStart = null;
      steps = 0;
    },
    idle() {
      setText(output, '0');
      windowStart = null;
      steps = 0;
    },
  };
}
