// Timing and table helpers shared by the benchmark parts. Kept tiny and
// dependency-free: median/min/max over a handful of repetitions is all the
// baseline needs (no confidence intervals to over-interpret).

/**
 * Runs `fn` `warmup` times untimed (JIT, caches, allocator), then `reps` times
 * timed with the given clock; returns the samples in ms.
 * @param {() => unknown} fn
 */
export function measure(fn, { warmup, reps, now = () => performance.now() }) {
  for (let i = 0; i < warmup; i++) fn();
  const samples = [];
  for (let i = 0; i < reps; i++) {
    const t0 = now();
    fn();
    samples.push(now() - t0);
  }
  return samples;
}

/** { median, min, max, reps } of samples in ms (median of an even count: mean of the middle two). */
export function summarize(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s[s.length - 1], reps: s.length };
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
