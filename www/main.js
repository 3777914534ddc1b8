// Boots the WebAssembly core, builds one adapter per view and starts the one
// animation loop. Rust keeps all training state behind one handle per view; the
// loop (loop.js) only decides *when* the active view trains and draws
// (requestAnimationFrame), which keeps the page responsive and lets the benchmark
// drive exactly the same frame() synchronously.

import init, * as wasm from './pkg/mlp_playground.js';
import { createApprox } from './approx.js';
import { createClassifier } from './classify.js';
import { createGd } from './gd.js';
import { wireKeys } from './keys.js';
import { createLessonMenu } from './lesson-menu.js';
import { LESSONS } from './lessons.js';
import { createLogistic } from './logistic.js';
import { Loop } from './loop.js';
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

  const form = document.getElementById('controls-form');
  const list = VIEW_NAMES.map((name) => adapters[name]);
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
    doc: document, names: VIEW_NAMES, onSwitch: (name) => activate(adapters[name]),
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
  window.playground = { view, approx, gd, logistic, frame: loop.frame, showView: switcher.show, lessons };
  let first = true;
  const tick = () => {
    loop.frame();
    // The benchmark reads this mark: navigation to the first drawn frame.
    if (first) {
      first = false;
      performance.mark('mlp:first-frame');
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

boot();
