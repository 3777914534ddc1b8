// The learning-rate slider is logarithmic: a linear slider would spend almost all of
// its travel on η > 1, where nothing interesting happens, and make 1e-3 unreachable.
// Slider position p maps to η = 10^p; the number box holds the exact value.

/**
 * η for a slider position p (η = 10^p), rounded to 3 significant digits so that
 * the number box shows 0.0316 rather than 0.031622776601683784.
 * @param {number} p slider position (its `value`, a base-10 exponent)
 * @returns {number}
 */
export function sliderToEta(p) {
  return Number(Math.pow(10, p).toPrecision(3));
}

/**
 * Slider position showing η, clamped to the slider's own range: the number box
 * accepts more (1e-6..100) than the slider shows (1e-4..10).
 * @param {number} eta a positive learning rate
 * @param {HTMLInputElement} slider the range input (its min/max are exponents)
 * @returns {number}
 */
export function etaToSlider(eta, slider) {
  const lo = Number(slider.min);
  const hi = Number(slider.max);
  return Math.min(hi, Math.max(lo, Math.log10(eta)));
}
