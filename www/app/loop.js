// The page's one animation loop. It knows nothing about either view: it asks the
// active view's adapter to train, draw and update its readouts, so Play, Step, steps
// per frame and the divergence rules behave the same in every view, and the
// benchmark's frame() is exactly the work of one frame of whichever view is shown.

import { messageOf } from './validate.js';

/**
 * One view as the loop and the Training controls see it.
 * @typedef {object} Adapter
 * @property {string} name  'classify' or 'approx' (the tab's suffix)
 * @property {(steps: number) => number} train  up to `steps` updates; how many were done
 * @property {() => void} draw  fits and draws every canvas of the view (may throw)
 * @property {() => void} readouts  writes the view's numbers into its readouts
 * @property {() => boolean} diverged
 * @property {() => string} status  the view's own sentence ("" when all is well)
 * @property {() => string} stalled  why train() did nothing although not diverged, or ""
 * @property {() => number} iteration
 * @property {(eta: number) => void} setLearningRate  throws a user sentence on bad input
 * @property {(k: number) => void} setBatchSize  throws a user sentence on bad input
 * @property {() => boolean} tunable  whether η, batch size and steps per frame apply now
 * @property {() => {play: string, step: string, reset: string}} buttonTitles  tooltips for the mode
 * @property {() => void} reset  what the Reset buttons do
 * @property {() => void} [leave]  called before another view is shown (drop what cannot wait)
 * @property {(on: boolean) => void} [playing]  told when Play starts or stops (a view that trains
 *   off the main thread starts and stops its worker)
 * @property {string} [hint]  shown under the Training controls when tunable() is false
 * @property {{add: Function, tick: Function, restart: Function, idle?: Function}} meter  its
 *   steps-per-second meter (idle: nothing runs, show 0)
 * @property {number} stepsPerFrame  updates per frame while playing (per view)
 * @property {{eta: string, stepsPerFrame: string, batch: string}} trainingDefaults  the view's
 *   η, steps per frame and batch size at boot, as the boxes show them
 */

/**
 * The play/pause state and the work of one animation frame. Methods that are handed
 * to event listeners are arrow functions so they can be passed as they are.
 */
export class Loop {
  /**
   * @param {HTMLButtonElement} playButton the #play button (its text says Play or Pause)
   * @param {import('./status.js').Status} status
   */
  constructor(playButton, status) {
    this.playButton = playButton;
    this.status = status;
    /** @type {Adapter|null} */
    this.adapter = null;
    this.playing = false;
    this.dirty = true;
  }

  /** Makes `adapter` the one the loop drives; the previous view stops playing. */
  use(adapter) {
    this.setPlaying(false);
    this.adapter = adapter;
    adapter.meter.restart();
    this.dirty = true;
  }

  setPlaying(playing) {
    this.playing = playing;
    this.adapter?.playing?.(playing);
    this.playButton.textContent = playing ? 'Pause' : 'Play';
    this.playButton.setAttribute('aria-pressed', String(playing));
  }

  // Training stops at the first non-finite value; calling train again would do
  // nothing, so pause and tell the user what to change.
  stopIfDiverged() {
    if (!this.adapter.diverged()) return false;
    this.setPlaying(false);
    this.status.diverged(this.adapter.status());
    return true;
  }

  train(steps) {
    if (this.stopIfDiverged()) return;
    const done = this.adapter.train(steps);
    this.adapter.meter.add(done);
    // Only a step changes what is shown: a view that trains elsewhere (Digits, in Web
    // Workers) calls `changed` when a new state arrives, and is not redrawn meanwhile.
    if (done > 0) this.dirty = true;
    if (this.stopIfDiverged() || done > 0) return;
    // Nothing done without diverging (e.g. the construction is full): playing on
    // would spin silently, so pause and say why.
    const why = this.adapter.stalled();
    if (why) {
      this.setPlaying(false);
      this.status.info(why);
    }
  }

  draw() {
    try {
      this.adapter.draw();
    } catch (err) {
      this.status.error(`Drawing failed: ${messageOf(err)}`);
    }
    this.adapter.readouts();
  }

  /** One animation frame's work, synchronously (the benchmark calls it directly). */
  frame = () => {
    if (this.playing) this.train(this.adapter.stepsPerFrame);
    if (this.dirty) {
      this.dirty = false;
      this.draw();
    }
    // A rate is only measured while playing: otherwise nothing runs and it reads 0.
    if (this.playing) this.adapter.meter.tick(performance.now());
    else this.adapter.meter.idle?.();
  };

  /** Something shown changed: draw at the next frame. */
  changed = () => { this.dirty = true; };

  setStepsPerFrame = (n) => { this.adapter.stepsPerFrame = n; };

  togglePlay = () => { this.setPlaying(!this.playing && !this.stopIfDiverged()); };

  stepOnce = () => {
    this.setPlaying(false);
    this.train(1);
  };
}
