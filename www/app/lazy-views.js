// The three views behind the other tabs (universal approximation, gradient descent,
// logistic regression), loaded only when needed.
//
// Why: their code is a wasm module of its own (www/pkg/mlp_lessons_bg.wasm, the
// crate built with the `lesson-views` feature) and a few JS modules, which most
// visitors never use; a plain page load fetches none of them, not even after the
// first frame. lazy-views-build.js (imported with import()) brings them when a
// lesson tab is shown, a lesson of the menu needs one, or the address names a
// lesson view or changes one of its settings (then during boot, before the
// settings are applied, so the core's refusals still apply).
//
// Until then their controls are plain HTML: an edit of one (a lesson's setup, the
// address, a user on a tab still loading) stays in the control, and pushLate sends
// every control's current value into the views once they exist, so no edit made
// before is lost.

import { messageOf } from './validate.js';

/** The views built here, in tab order. */
export const LESSON_VIEWS = ['approx', 'gd', 'logistic', 'digits'];
/** A tab still waiting for its module after this long says "Loading…". */
const LOADING_AFTER_MS = 150;

/**
 * The lesson views, built on demand.
 * @param {object} deps
 * @param {object} deps.common what every adapter gets (doc, freshSeed, status, changed)
 * @param {import('./loop.js').Loop} deps.loop
 * @param {ReturnType<import('./training.js').wireTraining>} deps.training
 * @param {import('./status.js').Status} deps.status
 * @param {Record<string, object>} deps.adapters the page's adapters by view name (filled in here)
 * @param {(adapters: object[]) => boolean} deps.pushAll sends every control's value into those views
 * @param {() => void} deps.resetForm puts every control of the page back to its default
 * @param {() => Promise<typeof import('./lazy-views-build.js')>} [deps.load] imports lazy-views-build.js
 */
export function createLessonViews({
  common, loop, training, status, adapters, pushAll, resetForm, load = () => import('./lazy-views-build.js'),
}) {
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

  // The import and the wasm's instantiation, once (again after a failure).
  let loading = null;
  const module = () => {
    loading ??= load().then(async (m) => { await m.ready(); return m; }).catch((err) => {
      loading = null;
      throw new Error(`The lesson views could not be loaded (${messageOf(err)}); the classification tab still works.`);
    });
    return loading;
  };
  const build = (m) => {
    if (!handles) handles = m.construct({ common, loop, training, adapters });
  };

  let pending = null;
  /** Loads and builds them if not yet done (after boot); resolves to the page's adapters. */
  const ensure = () => {
    pending ??= module().then((m) => {
      if (!handles) {
        build(m);
        pushLate();
      }
      return adapters;
    }).catch((err) => {
      pending = null;
      throw err;
    });
    return pending;
  };
  return {
    /** Loads and builds them before the page pushes every view's settings (boot order). */
    async buildForBoot() {
      build(await module());
      return own();
    },
    ensure,
    /** The wasm handles, once loaded and built. */
    handles: async () => {
      await ensure();
      return handles;
    },
    /** Whether they exist yet. */
    built: () => handles !== null,
  };
}

/**
 * The tab switch: a view whose adapter exists becomes active at once; a lesson view
 * not loaded yet becomes active when its module arrives (if it is still the one
 * shown), with "Loading…" in the status line meanwhile if that takes long, or a
 * sentence saying why if the import fails (the other tabs keep working).
 * @param {object} deps
 * @param {ReturnType<typeof createLessonViews>} deps.lessonViews
 * @param {Record<string, object>} deps.adapters
 * @param {{activate: (adapter: object) => void, park: () => void}} deps.views see main.js's activator
 * @param {import('./status.js').Status} deps.status
 * @param {() => string|null} deps.current the view shown
 * @returns {{onSwitch: (name: string) => void, shown: () => Promise<boolean>}} shown: resolves once
 *   the last view switched to is active (true) or could not be loaded (false); it never rejects
 */
export function lessonSwitch({ lessonViews, adapters, views, status, current }) {
  let waiting = Promise.resolve(true);
  const onSwitch = (name) => {
    if (adapters[name]) {
      views.activate(adapters[name]);
      waiting = Promise.resolve(true);
      return;
    }
    // Nothing trains behind a tab that is still loading.
    views.park();
    const slow = setTimeout(() => status.info('Loading…'), LOADING_AFTER_MS);
    waiting = lessonViews.ensure().then(() => {
      clearTimeout(slow);
      if (current() === name) views.activate(adapters[name]);
      return true;
    }, (err) => {
      clearTimeout(slow);
      if (current() === name) status.error(err.message);
      return false;
    });
  };
  return { onSwitch, shown: () => waiting };
}
