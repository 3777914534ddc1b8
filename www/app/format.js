// Every number the page writes for people, formatted in one place: losses and
// readouts, accuracies, learning rates, durations, the short numbers of the
// diagrams and tables, edit boxes, and the limits the controls' tooltips quote. Each returns a
// string and never "NaN": a value that is not a number shows as "—".

/**
 * A loss for display: 4 significant digits, exponent form when very small or large,
 * "∞" for an infinite loss and "—" for anything that is not a number at all.
 * @param {number} value
 * @returns {string}
 */
export function formatLoss(value) {
  if (Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude < 1e-3 || magnitude >= 1e5) return value.toExponential(3);
  return value.toPrecision(4);
}

/**
 * A readout that may be negative (a weight, a derivative): as formatLoss, with the
 * minus sign typeset.
 * @param {number} value
 * @returns {string}
 */
export function formatValue(value) {
  return formatLoss(value).replace('-', '−');
}

/**
 * An accuracy in [0, 1] as a percentage with one decimal.
 * @param {number} value
 * @returns {string}
 */
export function formatAccuracy(value) {
  return Number.isFinite(value) ? `${(100 * value).toFixed(1)} %` : '—';
}

/**
 * An epoch count (iterations × batch size / training-set size): two decimals.
 * @param {number} epoch
 * @returns {string}
 */
export function formatEpoch(epoch) {
  return Number.isFinite(epoch) ? epoch.toFixed(2) : '—';
}

/**
 * A speed in steps per second: whole above 100, one decimal below.
 * @param {number} rate
 * @returns {string}
 */
export function formatRate(rate) {
  return rate >= 100 ? String(Math.round(rate)) : rate.toFixed(1);
}

/**
 * Short text for η in messages: 0.03, 1e-5, 100.
 * @param {number} eta
 * @returns {string}
 */
export function formatEta(eta) {
  return eta !== 0 && Math.abs(eta) < 1e-3 ? eta.toExponential() : String(eta);
}

/**
 * A duration for people: µs below a millisecond.
 * @param {number} ms
 * @returns {string}
 */
export function formatDuration(ms) {
  return ms < 1 ? `${(ms * 1000).toPrecision(3)} µs` : `${ms.toPrecision(3)} ms`;
}

/**
 * A wall-clock time for a person: 0.0 s … 59.9 s, then 1 min 40 s.
 * @param {number} ms
 * @returns {string}
 */
export function formatClock(ms) {
  const s = Math.max(0, ms) / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const whole = Math.floor(s);
  return `${Math.floor(whole / 60)} min ${whole % 60} s`;
}

/**
 * A number of a diagram or a table: 3 significant digits, the minus sign typeset.
 * @param {number} x
 * @returns {string}
 */
export function fmt(x) {
  return Number.isFinite(x) ? Number(x.toPrecision(3)).toString().replace('-', '−') : '—';
}

/**
 * A parameter of one unit: 3 significant digits, exponent form when very small or
 * large, the minus sign typeset.
 * @param {number|null} value
 * @returns {string}
 */
export function formatParam(value) {
  if (value === null || !Number.isFinite(value)) return '—';
  const text = Math.abs(value) >= 1e4 || (value !== 0 && Math.abs(value) < 1e-3)
    ? value.toExponential(2) : String(Number(value.toPrecision(3)));
  return text.replace('-', '−');
}

/**
 * A measured quantity in a sentence (ε, a ratio of two costs): 3 significant
 * digits, trailing zeros kept (0.0500, 2.00).
 * @param {number} value
 * @returns {string}
 */
export function formatMeasure(value) {
  return value.toPrecision(3);
}

/**
 * A relative error (the gradient check): exponent form with 3 significant digits.
 * @param {number} value
 * @returns {string}
 */
export function formatRelativeError(value) {
  return value.toExponential(2);
}

/**
 * A file size in MB (2²⁰ bytes), one decimal.
 * @param {number} bytes
 * @returns {string}
 */
export function formatMegabytes(bytes) {
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

/**
 * A parameter as an edit box shows it: 5 significant digits, no trailing zeros,
 * an ASCII minus (the box reads it back); empty for a value that is not finite.
 * @param {number} value
 * @returns {string}
 */
export function formatBoxValue(value) {
  return Number.isFinite(value) ? String(Number(value.toPrecision(5))) : '';
}

const SUPERSCRIPT = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };

/**
 * A limit as the tooltips write it: 5000, 100, 0.5, and a small power of ten as
 * 10⁻⁶ (as the notes write it) rather than 0.000001.
 * @param {number} value
 * @returns {string}
 */
export function formatLimit(value) {
  const exponent = Math.round(Math.log10(value));
  if (value > 0 && value < 1e-3 && Number(`1e${exponent}`) === value) {
    return `10${[...String(exponent)].map((c) => SUPERSCRIPT[c]).join('')}`;
  }
  return String(value);
}
