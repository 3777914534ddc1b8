// The steps-per-second readout of every trained view (classification, the trained
// universal approximation): the updates actually done, counted over a window.

import { formatRate } from './format.js';

/** Writes text only when it changed: fewer DOM mutations, no needless relayout. */
function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

/**
 * Steps-per-second meter: counts the updates actually done and publishes a rate
 * about once a second. A per-frame rate would flicker; a one-second window is
 * steady enough to read and still follows changes of steps per frame quickly.
 * @param {HTMLElement} output the #steps-per-sec element
 * @param {number} [windowMs=1000] length of a measuring window
 * @returns {{ add: (steps: number) => void, tick: (now: number) => void, restart: () => void }}
 *   restart starts a fresh window (after the meter's view was hidden, so the time
 *   spent in another view does not count as slow training)
 */
export function createRateMeter(output, windowMs = 1000) {
  let windowStart = null;
  let steps = 0;
  return {
    add(count) { steps += count; },
    tick(now) {
      if (windowStart === null) { windowStart = now; return; }
      const elapsed = now - windowStart;
      if (elapsed < windowMs) return;
      const rate = (steps * 1000) / elapsed;
      setText(output, formatRate(rate));
      windowStart = now;
      steps = 0;
    },
    restart() {
      windowStart = null;
      steps = 0;
    },
  };
}
