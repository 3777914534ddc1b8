// The cost of back-propagation, measured: the time of one forward and one backward
// pass over the training set, and their multiply-add counts, next to the notes' rule
// of thumb "the backward pass is about twice as expensive as the forward one".
// One pass can take a microsecond, far below the browser's timer resolution
// (performance.now is coarsened to 0.1 ms or more), so passes are timed in batches
// of at least BATCH_MS, batches of the two kinds alternate (both see the same state
// of the machine), and batches are timed until each kind has run at least TOTAL_MS.
// The reported time of a pass is the median batch's time divided by its passes.

/** A batch lasts at least this long (ms): 50 times a 0.1 ms timer resolution. */
const BATCH_MS = 5;
/** Each kind of pass is timed for at least this long in all (ms). */
const TOTAL_MS = 50;
/** And over at least this many batches, so that the median ignores an interrupted one. */
const MIN_BATCHES = 5;
/** No batch runs more passes than this (a safeguard: a pass takes at least a few ns). */
const MAX_CALLS = 1 << 22;

/** Median of a list of numbers. */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Time (ms) of `k` calls of `run`. */
function batch(run, k) {
  const t0 = performance.now();
  for (let i = 0; i < k; i += 1) run();
  return performance.now() - t0;
}

/** How many calls of `run` make a batch of at least BATCH_MS. */
function batchSize(run) {
  let k = 1;
  while (k < MAX_CALLS && batch(run, k) < BATCH_MS) k *= 2;
  return k;
}

/**
 * Times the passes in `kinds` (name → run), alternating their batches.
 * @returns {Record<string, {ms: number, calls: number, elapsed: number}>} per name: median
 *   time of one pass (ms), how many passes were timed, and their total time (ms)
 */
function timeAlternating(kinds) {
  const names = Object.keys(kinds);
  const state = Object.fromEntries(names.map((name) => [name, { k: batchSize(kinds[name]), times: [], elapsed: 0 }]));
  const done = (s) => s.elapsed >= TOTAL_MS && s.times.length >= MIN_BATCHES;
  while (!names.every((name) => done(state[name]))) {
    names.forEach((name) => {
      const s = state[name];
      const t = batch(kinds[name], s.k);
      s.elapsed += t;
      if (t < BATCH_MS / 2 && s.k < MAX_CALLS) {
        // The calibration ran slower code (before the engine optimised it, or while
        // the page was busy): longer batches, and the short ones are not counted.
        s.k *= 2;
        s.times = [];
        s.elapsed = 0;
        return;
      }
      s.times.push(t / s.k);
    });
  }
  return Object.fromEntries(names.map((name) => {
    const s = state[name];
    return [name, { ms: median(s.times), calls: s.k * s.times.length, elapsed: s.elapsed }];
  }));
}

/**
 * Measures one forward and one backward pass over the training set.
 * @param {object} view the ClassifierView (forward_pass, backward_pass, multiply_adds, train_size)
 * @returns {{forwardMs: number, backwardMs: number, forwardMacs: number, backwardMacs: number,
 *   forwardCalls: number, backwardCalls: number, elapsedMs: number, rows: number}} elapsedMs: the
 *   shorter of the two kinds' total timed time
 */
export function measureCost(view) {
  // The backward pass needs the forward pass's values, which the core keeps (the
  // same weights give the same values, so alternating leaves them valid); one
  // forward pass first makes sure they exist, so only the backward work is timed.
  view.forward_pass();
  const t = timeAlternating({ forward: () => view.forward_pass(), backward: () => view.backward_pass() });
  const rows = view.train_size();
  const [forwardMacs, backwardMacs] = view.multiply_adds(rows);
  return {
    forwardMs: t.forward.ms, backwardMs: t.backward.ms, forwardMacs, backwardMacs,
    forwardCalls: t.forward.calls, backwardCalls: t.backward.calls,
    elapsedMs: Math.min(t.forward.elapsed, t.backward.elapsed), rows,
  };
}
