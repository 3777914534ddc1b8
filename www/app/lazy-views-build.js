// What the lesson tabs load when first needed (lazy-views.js imports this
// module with import(), never statically): their wasm module, mlp_lessons (the
// crate built with the `lesson-views` feature: ApproxView, Gd1dView,
// LogisticView, DigitsView), and the adapters of their views. A plain page load fetches
// none of it; dist/ bundles it as a chunk of its own (scripts/dist.mjs).

import init, * as wasm from '../pkg/mlp_lessons.js';
import { createApprox } from '../approx/approx.js';
import { createGd } from '../gd/gd.js';
import { createLogistic } from '../logistic/logistic.js';
import { createDigits } from '../digits/digits.js';

/** Fetches and instantiates the lessons' wasm module (the glue finds the .wasm beside itself). */
export async function ready() {
  await init();
}

/**
 * Creates the three handles and their adapters into `adapters` (no setting pushed).
 * @param {object} deps
 * @param {object} deps.common what every adapter gets (doc, freshSeed, status, changed)
 * @param {import('./loop.js').Loop} deps.loop
 * @param {ReturnType<import('./training.js').wireTraining>} deps.training
 * @param {Record<string, object>} deps.adapters the page's adapters by view name (filled in here)
 * @returns {{approx: object, gd: object, logistic: object}} the wasm handles
 */
export function construct({ common, loop, training, adapters }) {
  // A mode switch changes what Play does (steps or units): pause, and let the
  // Training controls follow the mode.
  const modeChanged = () => {
    if (loop.adapter !== adapters.approx) return;
    loop.setPlaying(false);
    training.sync();
  };
  const approx = new wasm.ApproxView();
  adapters.approx = createApprox({ ...common, view: approx, modeChanged });
  const gd = new wasm.Gd1dView();
  adapters.gd = createGd({ ...common, view: gd, playing: () => loop.playing });
  const logistic = new wasm.LogisticView();
  adapters.logistic = createLogistic({ ...common, view: logistic });
  // The digits themselves are fetched when the Digits view is first drawn.
  adapters.digits = createDigits({ ...common, DigitsView: wasm.DigitsView });
  return { approx, gd, logistic };
}
