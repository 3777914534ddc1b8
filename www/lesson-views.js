// The three views behind the other tabs (universal approximation, gradient descent,
// logistic regression), built after the first frame on a plain page load.
//
// Why: on the default page only the classification view is shown, and building
// the other three (their handles, their controls, every setting pushed into Rust)
// costs ~20 ms of main-thread time before anything is drawn. They are built in
// the task after the first frame instead, or at once when something needs them
// earlier: a tab switch, a lesson, any edit of a control, or an address that
// names a view or settings (then before the first frame, as before).

import { createApprox } from './approx.js';
import { createGd } from './gd.js';
import { createLogistic } from './logistic.js';

/** The views built here, in tab order. */
export const LESSON_VIEWS = ['approx', 'gd', 'logistic'];

/**
 * Creates the three handles and their adapters into `adapters` (no setting pushed).
 * @returns {{approx: object, gd: object, logistic: object}} the wasm handles
 */
function construct({ wasm, common, loop, training, adapters }) {
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
  return { approx, gd, logistic };
}

/**
 * The lesson views, built on demand.
 * @param {object} deps
 * @param {object} deps.wasm the wasm-bindgen module (ApproxView, Gd1dView, LogisticView)
 * @param {object} deps.common what every adapter gets (doc, freshSeed, status, changed)
 * @param {import('./loop.js').Loop} deps.loop
 * @param {ReturnType<import('./training.js').wireTraining>} deps.training
 * @param {import('./status.js').Status} deps.status
 * @param {Record<string, object>} deps.adapters the page's adapters by view name (filled in here)
 * @param {(adapters: object[]) => boolean} deps.pushAll sends every control's value into those views
 * @param {() => void} deps.resetForm puts every control of the page back to its default
 */
export function createLessonViews({ wasm, common, loop, training, status, adapters, pushAll, resetForm }) {
  let handles = null;
  const own = () => LESSON_VIEWS.map((name) => adapters[name]);

  /** After boot: push their settings without disturbing the view on screen. */
  const pushLate = () => {
    const shown = loop.adapter;
    const { playing } = loop;
    const said = status.snapshot();
    training.switchTo(shown); // keeps the shown view's Training values before others are pushed
    if (!pushAll(own())) {
      // As at boot: a restored form with a refused value falls back to the defaults.
      resetForm();
      pushAll([shown, ...own()]);
    }
    training.switchTo(shown);
    status.restore(said);
    loop.setPlaying(playing && !loop.stopIfDiverged());
  };

  const ensure = () => {
    if (!handles) {
      handles = construct({ wasm, common, loop, training, adapters });
      pushLate();
    }
    return adapters;
  };
  return {
    /** Builds them now, before the page pushes every view's settings (boot order). */
    buildForBoot() {
      if (!handles) handles = construct({ wasm, common, loop, training, adapters });
      return own();
    },
    /** Builds them if not yet done (after boot), and returns the page's adapters. */
    ensure,
    /** The wasm handles (built if needed). */
    handles: () => {
      ensure();
      return handles;
    },
    /** Whether they exist yet. */
    built: () => handles !== null,
  };
}

/**
 * Whether the lesson views can wait until after the first frame: only on a plain
 * load, since an address with a #view or ?settings applies them at boot.
 * @param {Location} location
 */
export function canDefer(location) {
  return location.search === '' && location.hash === '';
}
