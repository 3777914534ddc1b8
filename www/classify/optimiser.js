// The Optimiser fieldset of the classification view: the update rule (GD, momentum,
// Adam), the weight penalty λ R(w), the stop condition, and the loss chart's ghost
// curves. Every one of these keeps the training state (like η): the notices say so,
// so a teacher can switch rule mid-run and watch the same model go on.

import { createCommitter } from '../app/commit.js';
import { formatLoss } from '../app/format.js';
import { readNumber } from '../app/validate.js';

/** How each rule and penalty is named in the notices. */
const RULES = { gd: 'gradient descent', momentum: 'momentum', adam: 'Adam' };
const PENALTIES = { none: 'no penalty', l1: 'L1, λ Σ|w|', l2: 'L2, λ ½ Σ w²' };

/** Looks up the controls once; the ids are part of the contract with the tests. */
function findControls(doc) {
  const ids = ['optimizer', 'momentum-beta', 'regularization', 'lambda', 'stop', 'stop-epochs', 'stop-loss',
    'keep-ghost', 'clear-ghosts', 'ghost-list', 'show-test'];
  const camel = (id) => id.replace(/-(\w)/g, (_, ch) => ch.toUpperCase());
  return Object.fromEntries(ids.map((id) => [camel(id), doc.getElementById(id)]));
}

/** Greys out the boxes the chosen options do not use (they keep their values). */
function syncEnabled(c) {
  c.momentumBeta.disabled = c.optimizer.value !== 'momentum';
  c.lambda.disabled = c.regularization.value === 'none';
  c.stopEpochs.disabled = c.stop.value !== 'epochs';
  c.stopLoss.disabled = c.stop.value !== 'loss';
}

/** The three setters; each returns the notice of an accepted change. */
function setters(c, view) {
  const kept = () => `weights kept, training continues from iteration ${view.iteration()}`;
  const optimizer = () => {
    const rule = c.optimizer.value;
    const beta = rule === 'momentum' ? readNumber(c.momentumBeta, 'The momentum β') : 0;
    view.set_optimizer(rule, beta);
    const fresh = rule === 'gd' ? '' : ` (its ${rule === 'adam' ? 'moments m, v' : 'velocity v'} start from 0)`;
    return `Optimiser: ${RULES[rule] ?? rule}${rule === 'momentum' ? ` β = ${beta}` : ''}${fresh}; ${kept()}.`;
  };
  const regularization = () => {
    const kind = c.regularization.value;
    const lambda = kind === 'none' ? 0 : readNumber(c.lambda, 'The regularisation rate λ');
    view.set_regularization(kind, lambda);
    return `Regularisation: ${PENALTIES[kind] ?? kind}${kind === 'none' ? '' : ` with λ = ${lambda}`}; ${kept()}.`;
  };
  const stop = () => {
    const kind = c.stop.value;
    const box = kind === 'epochs' ? c.stopEpochs : c.stopLoss;
    const value = kind === 'none' ? 0 : readNumber(box, kind === 'epochs' ? 'The number of epochs' : 'The target loss');
    view.set_stop(kind, value);
    // A condition that already holds says so at once, rather than on the next Play.
    const already = view.stop_status();
    if (already) return already;
    if (kind === 'none') return `No stop condition: training runs until paused; ${kept()}.`;
    return kind === 'epochs' ? `Training will stop after ${value} epochs; ${kept()}.`
      : `Training will stop once the training loss ℒ ≤ ${formatLoss(value)}; ${kept()}.`;
  };
  return { optimizer, regularization, stop };
}

/** Keep as ghost / Clear ghosts, and the list naming the ghosts drawn. */
function wireGhosts({ c, view, status, changed }) {
  const list = () => {
    const names = view.ghost_names();
    c.ghostList.replaceChildren(...names.map((name) => {
      const item = c.ghostList.ownerDocument.createElement('li');
      item.textContent = name;
      return item;
    }));
    c.ghostList.hidden = names.length === 0;
    c.clearGhosts.disabled = names.length === 0;
  };
  c.keepGhost.addEventListener('click', () => {
    const name = view.keep_ghost(c.showTest.checked);
    list();
    status.info(`Kept ${name} on the loss chart (dashed). Change a setting or press Reset to compare a new run with it.`);
    changed();
  });
  c.clearGhosts.addEventListener('click', () => {
    view.clear_ghosts();
    list();
    status.info('Ghost curves cleared.');
    changed();
  });
  list();
}

/**
 * Wires the Optimiser fieldset and the ghost buttons.
 * @param {object} deps
 * @param {Document} deps.doc
 * @param {object} deps.view the ClassifierView
 * @param {import('../app/status.js').Status} deps.status
 * @param {() => void} deps.changed redraw request
 * @returns {{ pushAll: () => boolean }} pushAll sends every control's value to the view
 */
export function wireOptimiser({ doc, view, status, changed }) {
  const c = findControls(doc);
  const { commit, remember } = createCommitter({ view, status, changed });
  const set = setters(c, view);
  const groups = [
    [[c.optimizer, c.momentumBeta], set.optimizer],
    [[c.regularization, c.lambda], set.regularization],
    [[c.stop, c.stopEpochs, c.stopLoss], set.stop],
  ];
  const revert = () => syncEnabled(c);
  groups.forEach(([inputs, apply]) => inputs.forEach((input) => input.addEventListener('change', () => {
    syncEnabled(c);
    commit(inputs, apply, revert);
  })));
  syncEnabled(c);
  wireGhosts({ c, view, status, changed });
  const all = groups.flatMap(([inputs]) => inputs);
  const pushAll = () => {
    syncEnabled(c);
    const ok = groups.every(([inputs, apply]) => commit(inputs, apply, revert));
    if (ok) remember(all);
    return ok;
  };
  return { pushAll };
}
