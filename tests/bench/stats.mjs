// Timing and table helpers shared by the benchmark parts. Kept tiny and
// dependency-free (the page imports this file too, through workloads.mjs):
// median/min/max over a handful of repetitions is all the benchmark needs (no
// confidence intervals to over-interpret).

/**
 * Times `fn` and returns the per-call samples in ms, one per repetition.
 * Runs `fn` `warmup` times untimed (JIT, caches, allocator), then finds how many
 * calls one repetition needs to last at least `minMs` (browsers coarsen
 * performance.now() to 0.1 ms, so a 0.1 ms epoch must be timed in a batch), then
 * times `reps` such batches and divides each by its call count.
 * @param {() => unknown} fn
 * @returns {number[] & { calls: number }} samples in ms per call; `.calls` = calls per repetition
 */
export function measure(fn, { warmup, reps, minMs = 0, now = () => performance.now() }) {
  for (let i = 0; i < warmup; i++) fn();
  let calls = 1;
  for (let tries = 0; minMs > 0 && tries < 20; tries++) {
    const t0 = now();
    for (let i = 0; i < calls; i++) fn();
    const dt = now() - t0;
    if (dt >= minMs) break;
    // Aim 20% above the minimum; grow at most 16x per try in case dt is one clock tick.
    calls = Math.min(calls * 16, Math.max(calls + 1, Math.ceil((calls * 1.2 * minMs) / Math.max(dt, 1e-3))));
  }
  const samples = [];
  for (let r = 0; r < reps; r++) {
    const t0 = now();
    for (let i = 0; i < calls; i++) fn();
    samples.push((now() - t0) / calls);
  }
  return Object.assign(samples, { calls });
}

/**
 * { median, min, max, reps } of samples in ms (median of an even count: mean of
 * the middle two), plus `calls` per repetition when `measure` batched them.
 */
export function summarize(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  const out = { median, min: s[0], max: s[s.length - 1], reps: s.length };
  return samples.calls > 1 ? { ...out, calls: samples.calls } : out;
}

/** Milliseconds with 3 significant-ish decimals, so 0.042 and 812.3 both read well. */
export const ms = (x) => (x >= 100 ? x.toFixed(1) : x >= 10 ? x.toFixed(2) : x.toFixed(3));

/** Bytes as "123,456". */
export const bytes = (n) => n.toLocaleString('en-US');

/**
 * Formats rows as an aligned text table. Columns whose header starts with a
 * space-free right-alignment marker '>' are right-aligned (numbers).
 * @param {string[]} headers e.g. ['case', '>median ms']
 * @param {Array<Array<string|number>>} rows
 */
export function table(headers, rows) {
  const right = headers.map((h) => h.startsWith('>'));
  const head = headers.map((h) => h.replace(/^>/, ''));
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, c) => Math.max(...cells.map((r) => r[c].length)));
  const line = (r) => r.map((v, c) => (right[c] ? v.padStart(widths[c]) : v.padEnd(widths[c]))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}
