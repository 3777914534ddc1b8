// Boots the WebAssembly core and owns the animation loop. Rust keeps all training
// state behind one ClassifierView handle; this file only decides *when* to train and
// draw (requestAnimationFrame), which keeps the page responsive and lets the
// benchmark drive exactly the same frame() synchronously.

import init, { ClassifierView, fresh_seed, limits } from './pkg/mlp_playground.js';
import { wireControls } from './controls.js';
import { createReadouts, createRateMeter } from './readouts.js';
import { createStatus } from './status.js';
import { messageOf } from './validate.js';

/**
 * Gives a canvas a backing store of its CSS size times devicePixelRatio, so the
 * Rust drawing (done at the canvas's pixel size) is sharp on high-density screens.
 * @param {HTMLCanvasElement} canvas
 * @returns {boolean} whether the size changed (the canvas is then blank)
 */
function fitCanvas(canvas) {
  const ratio = window.devicePixelRatio || 1;
  const width = Math.max(1, Math.round(canvas.clientWidth * ratio));
  const height = Math.max(1, Math.round(canvas.clientHeight * ratio));
  if (canvas.width === width && canvas.height === height) return false;
  canvas.width = width;
  canvas.height = height;
  return true;
}

/**
 * The play/pause state and the work of one animation frame. Methods are arrow
 * functions so they can be handed to event listeners as they are.
 */
class Loop {
  constructor(doc, view, status) {
    this.view = view;
    this.status = status;
    this.boundary = doc.getElementById('boundary');
    this.lossCurve = doc.getElementById('loss-curve');
    this.playButton = doc.getElementById('play');
    this.logScale = doc.getElementById('log-scale');
    this.showTest = doc.getElementById('show-test');
    this.updateReadouts = createReadouts(doc);
    this.meter = createRateMeter(doc.getElementById('steps-per-sec'));
    this.playing = false;
    this.stepsPerFrame = 1;
    this.dirty = true;
  }

  setPlaying(playing) {
    this.playing = playing;
    this.playButton.textContent = playing ? 'Pause' : 'Play';
    this.playButton.setAttribute('aria-pressed', String(playing));
  }

  // Training stops at the first non-finite value; calling train again would do
  // nothing, so pause and tell the user what to change.
  stopIfDiverged() {
    if (!this.view.diverged()) return false;
    this.setPlaying(false);
    this.status.diverged(this.view.status());
    return true;
  }

  train(steps) {
    if (this.stopIfDiverged()) return;
    this.meter.add(this.view.train(steps));
    this.dirty = true;
    this.stopIfDiverged();
  }

  draw() {
    try {
      fitCanvas(this.boundary);
      fitCanvas(this.lossCurve);
      this.view.draw(this.boundary, this.lossCurve, this.logScale.checked, this.showTest.checked);
    } catch (err) {
      this.status.error(`Drawing failed: ${messageOf(err)}`);
    }
    this.updateReadouts(this.view);
  }

  /** One animation frame's work, synchronously (the benchmark calls it directly). */
  frame = () => {
    if (this.playing) this.train(this.stepsPerFrame);
    if (this.dirty) {
      this.dirty = false;
      this.draw();
    }
    this.meter.tick(performance.now());
  };

  changed = () => { this.dirty = true; };

  setStepsPerFrame = (n) => { this.stepsPerFrame = n; };

  togglePlay = () => { this.setPlaying(!this.playing && !this.stopIfDiverged()); };

  stepOnce = () => {
    this.setPlaying(false);
    this.train(1);
  };
}

/** Loads the wasm, builds the view and the controls, and starts the loop. */
async function boot() {
  const status = createStatus(document.getElementById('status'), document.getElementById('status-reset'));
  try {
    await init();
  } catch (err) {
    status.error(`The WebAssembly core could not be loaded (${messageOf(err)}). Was it built (npm run build)?`);
    return;
  }
  const view = new ClassifierView();
  const loop = new Loop(document, view, status);
  const controls = wireControls({
    doc: document, view, freshSeed: fresh_seed, limits: JSON.parse(limits()), status, loop,
  });
  // The view starts with the contract's defaults and the controls show the same
  // values, but pushing them makes the two agree even if a browser restored a form.
  if (!controls.pushAll()) {
    document.getElementById('controls-form').reset();
    controls.pushAll();
  }
  // Enter in a box must only commit the value (a 'change'), never reload the page.
  document.getElementById('controls-form').addEventListener('submit', (e) => e.preventDefault());
  window.addEventListener('resize', loop.changed);
  window.playground = { view, frame: loop.frame };
  const tick = () => {
    loop.frame();
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

boot();
