// Boots the WebAssembly core, builds one adapter per view and starts the one
// animation loop. Rust keeps all training state behind one handle per view; the
// loop (loop.js) only decides *when* the active view trains and draws
// (requestAnimationFrame), which keeps the page responsive and lets the benchmark
// drive exactly the same frame() synchronously.

import init, * as wasm from './pkg/mlp_playground.js';
import { createClassifier } from './classify.js';
import { wireKeys } from './keys.js';
import { createLessonMenu } from './lesson-menu.js';
import { canDefer, createLessonViews } from './lesson-views.js';
import { LESSONS } from './lessons.js';
import { Loop } from './loop.js';
import { wireSliders } from './sliders.js';
import { createStatus } from './status.js';
import { createUrlState } from './url-state.js';
import { wireTraining } from './training.js';
import { messageOf } from './validate.js';
import { createViewSwitcher } from './views.js';

/** The views in tab order; the first is shown when the address names none. */
const VIEW_NAMES = ['classify', 'approx', 'gd', 'logistic'];

/**
 * Sends every control's value into its view (the handles start with the contract's
 * defaults and the controls show the same values, but pushing makes the two agree
 * even if a browser restored a form). The Training values go last: a rebuild may
 * start from the view's defaults.
 */
function pushAll(adapters, training) {
  return adapters.every((adapter) => adapter.pushAll() && training.push(adapter));
}

/**
 * Makes a view active. The status line is per view too: the message a view last
 * showed comes back with it (a divergence above all).
 */
function activator(loop, training, status) {
  const shown = new Map();
  return (adapter) => {
    if (loop.adapter) {
      loop.adapter.leave?.();
      shown.set(loop.adapter.name, status.snapshot());
    }
    training.switchTo(adapter);
    status.restore(shown.get(adapter.name) ?? { text: '', kind: 'info', offerReset: false });
    if (adapter.diverged()) status.diverged(adapter.status());
  };
}

/** Loads the wasm, builds the views and the controls, and starts the loop. */
async function boot() {
  const status = createStatus(document.getElementById('status'), document.getElementById('status-reset'));
  try {
    await init();
  } catch (err) {
    status.error(`The WebAssembly core could not be loaded (${messageOf(err)}). Was it built (npm run build)?`);
    return;
  }
  const loop = new Loop(document.getElementById('play'), status);
  const training = wireTraining({ doc: document, loop, status });
  const common = { doc: document, freshSeed: wasm.fresh_seed, status, changed: loop.changed };
  const view = new wasm.ClassifierView();
  const adapters = { classify: createClassifier({ ...common, view, limits: JSON.parse(wasm.limits()) }) };
  wireSliders(document);
  const form = document.getElementById('controls-form');
  const lessonViews = createLessonViews({
    wasm, common, loop, training, status, adapters,
    pushAll: (list) => pushAll(list, training), resetForm: () => form.reset(),
  });
  // On a plain load the other tabs' views are built after the first frame (lesson-views.js).
  const defer = canDefer(window.location);
  if (!defer) lessonViews.buildForBoot();
  const list = VIEW_NAMES.map((name) => adapters[name]).filter(Boolean);
  if (!pushAll(list, training)) {
    form.reset();
    pushAll(list, training);
  }
  status.clear();
  // Enter in a box must only commit the value (a 'change'), never reload the page.
  form.addEventListener('submit', (e) => e.preventDefault());
  window.addEventListener('resize', loop.changed);
  const activate = activator(loop, training, status);
  const switcher = createViewSwitcher({
    doc: document, names: VIEW_NAMES, onSwitch: (name) => activate(adapters[name] ?? lessonViews.ensure()[name]),
  });
  switcher.show(switcher.fromAddress());
  const lessons = createLessonMenu({
    doc: document, lessons: LESSONS, showView: switcher.show, loop, classifier: adapters.classify, status,
  });
  const address = createUrlState({
    win: window, doc: document, lessons, classifier: adapters.classify, view: switcher.current, status,
  });
  address.restore();
  window.addEventListener('hashchange', address.save);
  const button = (id) => document.getElementById(id);
  wireKeys(document, { play: button('play'), step: button('step'), reset: button('reset') });
  // A lesson or an edit may set a hidden view's controls: build those views before its listeners run.
  ['change', 'input'].forEach((type) => document.addEventListener(type, lessonViews.ensure, { capture: true, once: true }));
  window.playground = {
    view, frame: loop.frame, showView: switcher.show, lessons,
    get approx() { return lessonViews.handles().approx; },
    get gd() { return lessonViews.handles().gd; },
    get logistic() { return lessonViews.handles().logistic; },
    /** Whether the other tabs' views exist yet (they are built after the first frame). */
    get lessonViewsBuilt() { return lessonViews.built(); },
  };
  let first = true;
  const tick = () => {
    loop.frame();
    // The benchmark reads this mark: navigation to the first drawn frame.
    if (first) {
      first = false;
      performance.mark('mlp:first-frame');
      if (defer) setTimeout(lessonViews.ensure, 0);
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

boot();
