// The cost of back-propagation, measured: the time of one forward and one backward
// pass over the training set, and their multiply-add counts, next to the notes' rule
// of thumb "the backward pass is about twice as expensive as the forward one".
// One pass can take a few microseconds, below the browser's timer resolution
// (performance.now is coarsened to 0.1 ms or more), so each timing covers a batch
// of passes long enough to measure, and the median of many batches is reported.

/** Batches timed per pass kind: an odd number, so the median is one of them. */
const BATCHES = 41;
/** A batch must last at least this long (ms) to be well above the timer's resolution. */
const MIN_BATCH_MS = 1;

/** Median of a list of numbers. */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** How many calls of `run` make a batch of at least MIN_BATCH_MS. */
function batchSize(run) {
  for (let k = 1; k < 1 << 20; k *= 2) {
    const t0 = performance.now();
    for (let i = 0; i < k; i += 1) run();
    if (performance.now() - t0 >= MIN_BATCH_MS) return k;
  }
  return 1 << 20;
}

/** Median time of one call of `run`, in ms, and how many calls were timed. */
function timePerCall(run) {
  let k = batchSize(run);
  for (;;) {
    const times = [];
    for (let b = 0; b < BATCHES; b += 1) {
      const t0 = performance.now();
      for (let i = 0; i < k; i += 1) run();
      times.push((performance.now() - t0) / k);
    }
    // The calibration may have run slower code (before the engine optimised it, or
    // while the page was busy): batches then fall below the timer's resolution and
    // the median is 0. Longer batches, rather than a ratio of infinity.
    const ms = median(times);
    if (ms > 0 || k >= 1 << 20) return { ms, calls: k * BATCHES };
    k *= 4;
  }
}

/**
 * Measures one forward and one backward pass over the training set.
 * @param {object} view the ClassifierView (forward_pass, backward_pass, multiply_adds, train_size)
 * @returns {{forwardMs: number, backwardMs: number, forwardMacs: number, backwardMacs: number,
 *   calls: number, rows: number}}
 */
export function measureCost(view) {
  // The backward pass needs the forward pass's values, which the core keeps; one
  // forward pass first makes sure they exist, so only the backward work is timed.
  view.forward_pass();
  const forward = timePerCall(() => view.forward_pass());
  view.forward_pass();
  const backward = timePerCall(() => view.backward_pass());
  const rows = view.train_size();
  const [forwardMacs, backwardMacs] = view.multiply_adds(rows);
  return {
    forwardMs: forward.ms, backwardMs: backward.ms, forwardMacs, backwardMacs,
    calls: Math.min(forward.calls, backward.calls), rows,
  };
}
