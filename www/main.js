// Boots the WebAssembly core, builds one adapter per view and starts the one
// animation loop. Rust keeps all training state behind one handle per view; the
// loop (app/loop.js) only decides *when* the active view trains and draws
// (requestAnimationFrame), which keeps the page responsive and lets the benchmark
// drive exactly the same frame() synchronously.

import init, * as wasm from './pkg/mlp_playground.js';
import { createClassifier } from './classify/classify.js';
import { wireKeys } from './app/keys.js';
import { createLessonMenu } from './lessons/menu.js';
import { LESSON_VIEWS, createLessonViews, lessonSwitch } from './app/lazy-views.js';
import { LESSONS } from './lessons/list.js';
import { Loop } from './app/loop.js';
import { wireSliders } from './app/sliders.js';
import { createStatus } from './app/status.js';
import { applyLimits } from './app/limits.js';
import { addressNeeds, createUrlState } from './app/url-state.js';
import { wireTraining } from './app/training.js';
import { messageOf } from './app/validate.js';
import { createViewSwitcher } from './app/tabs.js';
import { wireCopyLink } from './app/copy-link.js';
import { createPresentation } from './app/presentation.js';

/** The views in tab order; the first is shown when the address names none. */
const VIEW_NAMES = ['classify', 'approx', 'gd', 'logistic', 'digits'];

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
 * activate makes a view active. The status line is per view too: the message a view
 * last showed comes back with it (a divergence above all). park leaves the active
 * view (paused, its message kept) before the next one exists: a tab still loading.
 */
function activator(loop, training, status) {
  const shown = new Map();
  // Play, Step and Reset would act on the view left behind: off until the next one is active.
  const buttons = ['play', 'step', 'reset'].map((id) => document.getElementById(id));
  const usable = (on) => buttons.forEach((b) => { b.disabled = !on; });
  let parked = false;
  const park = () => {
    if (!loop.adapter || parked) return;
    loop.adapter.leave?.();
    shown.set(loop.adapter.name, status.snapshot());
    loop.setPlaying(false);
    usable(false);
    parked = true;
  };
  const activate = (adapter) => {
    park();
    parked = false;
    usable(true);
    training.switchTo(adapter);
    status.restore(shown.get(adapter.name) ?? { text: '', kind: 'info', offerReset: false });
    if (adapter.diverged()) status.diverged(adapter.status());
  };
  return { activate, park };
}

/**
 * The tabs and the Lessons menu. A lesson view whose module is not loaded yet is
 * shown at once and becomes active when it arrives (app/lazy-views.js); a lesson of
 * the menu that needs one waits for it before its setup runs.
 */
function wireTabs({ adapters, lessonViews, loop, training, status }) {
  const switching = lessonSwitch({
    lessonViews, adapters, views: activator(loop, training, status), status, current: () => switcher.current(),
  });
  const switcher = createViewSwitcher({ doc: document, names: VIEW_NAMES, onSwitch: switching.onSwitch });
  switcher.show(switcher.fromAddress());
  // Shows the view (again, after a failed import) and resolves once it is active.
  const prepare = (name) => {
    if (adapters[name] || !LESSON_VIEWS.includes(name)) return null;
    if (switcher.current() === name) switching.onSwitch(name);
    else switcher.show(name);
    return switching.shown();
  };
  const lessons = createLessonMenu({
    doc: document, lessons: LESSONS, showView: switcher.show, loop, classifier: adapters.classify, status, prepare,
  });
  return { switcher, lessons };
}

/** Loads the wasm, builds the views and the controls, and starts the loop. */
async function boot() {
  const status = createStatus(document.getElementById('status'), document.getElementById('status-reset'));
  try {
    // index.html began compiling the module during page load; init() instantiates it.
    await init(window.mlpCompiled ? { module_or_path: window.mlpCompiled } : undefined);
    // The benchmark reads these marks to say where the first frame's time goes.
    performance.mark('mlp:wasm-ready');
  } catch (err) {
    status.error(`The WebAssembly core could not be loaded (${messageOf(err)}). Was it built (npm run build)?`);
    return;
  }
  const loop = new Loop(document.getElementById('play'), status);
  const training = wireTraining({ doc: document, loop, status });
  const common = { doc: document, freshSeed: wasm.fresh_seed, status, changed: loop.changed };
  const view = new wasm.ClassifierView();
  // The controls' ranges and the limits their tooltips quote are the core's.
  const limits = JSON.parse(wasm.limits());
  applyLimits(document, limits);
  const adapters = { classify: createClassifier({ ...common, view, limits }) };
  wireSliders(document);
  const form = document.getElementById('controls-form');
  const lessonViews = createLessonViews({
    common, loop, training, status, adapters,
    pushAll: (list) => pushAll(list, training), resetForm: () => form.reset(),
  });
  // The lesson tabs' code loads only when needed (app/lazy-views.js); an address that
  // shows or changes a lesson view needs it now, before its settings are applied.
  const needed = addressNeeds({ location: window.location, doc: document, lessons: LESSONS, views: LESSON_VIEWS });
  const lessonsFailed = needed ? await lessonViews.buildForBoot().then(() => '', (err) => err.message) : '';
  const list = VIEW_NAMES.map((name) => adapters[name]).filter(Boolean);
  if (!pushAll(list, training)) {
    form.reset();
    pushAll(list, training);
  }
  status.clear();
  performance.mark('mlp:controls-pushed');
  // Enter in a box must only commit the value (a 'change'), never reload the page.
  form.addEventListener('submit', (e) => e.preventDefault());
  window.addEventListener('resize', loop.changed);
  const { switcher, lessons } = wireTabs({ adapters, lessonViews, loop, training, status });
  const presentation = createPresentation({ doc: document, changed: loop.changed });
  const address = createUrlState({
    win: window, doc: document, lessons, classifier: adapters.classify, views: VIEW_NAMES, view: switcher.current, showView: switcher.show, status, presentation,
    training: {
      values: training.values,
      applyTo: (name, values) => (adapters[name] ? training.applyTo(adapters[name], values) : ['eta-number']),
    },
    extras: () => adapters.approx?.addressExtras ?? [],
  });
  address.restore();
  // Said last, so that the address's own message does not hide it.
  if (lessonsFailed) status.error(lessonsFailed);
  window.addEventListener('hashchange', address.save);
  wireCopyLink({ doc: document, win: window, save: address.save, status });
  const button = (id) => document.getElementById(id);
  wireKeys(document, { play: button('play'), step: button('step'), reset: button('reset'), present: button('present') });
  window.playground = {
    view, frame: loop.frame, showView: switcher.show, lessons,
    /** The lesson views' wasm handles, { approx, gd, logistic }, loading and building them if needed. */
    lessonHandles: lessonViews.handles,
    /** Whether the other tabs' views exist yet (they are built when first needed). */
    get lessonViewsBuilt() { return lessonViews.built(); },
  };
  const tick = () => {
    loop.frame();
    requestAnimationFrame(tick);
  };
  // The first frame is drawn now rather than at the next animation frame, so the
  // page's first paint after boot already shows the canvases filled.
  tick();
  // The benchmark reads this mark: navigation to the first frame ON SCREEN. A task
  // queued from the next animation frame runs once that frame's paint is done.
  requestAnimationFrame(() => setTimeout(() => performance.mark('mlp:first-frame'), 0));
}

boot();
