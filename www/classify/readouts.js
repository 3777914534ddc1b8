// The classification view's numbers on the right: iteration, epoch, losses,
// accuracies and parameter count (the measured speed is app/rate-meter.js). Values
// are read from the view (small copyable answers, nothing serialized) and formatted
// by app/format.js, so that a non-finite value never shows as "NaN".

import { formatAccuracy, formatEpoch, formatLoss } from '../app/format.js';

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
  };
  return (view) => {
    setText(fields.iteration, String(view.iteration()));
    const epoch = view.epoch();
    setText(fields.epoch, formatEpoch(epoch));
    setText(fields.trainLoss, formatLoss(view.train_loss()));
    setText(fields.testLoss, formatLoss(view.test_loss()));
    setText(fields.trainAcc, formatAccuracy(view.train_accuracy()));
    setText(fields.testAcc, formatAccuracy(view.test_accuracy()));
    setText(fields.params, String(view.param_count()));
  };
}
