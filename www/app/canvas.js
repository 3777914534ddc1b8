// Canvas geometry shared by every view. The Rust drawing works in the canvas's own
// pixels, while pointer events arrive in CSS pixels relative to the viewport; these
// two helpers are the only places that convert between the two.

/**
 * Gives a canvas a backing store of its CSS size times devicePixelRatio, so the
 * Rust drawing (done at the canvas's pixel size) is sharp on high-density screens.
 * A hidden canvas (CSS size 0) is left alone: it is fitted when its view is shown.
 * @param {HTMLCanvasElement} canvas
 * @returns {boolean} whether the size changed (the canvas is then blank)
 */
export function fitCanvas(canvas) {
  if (canvas.clientWidth === 0 || canvas.clientHeight === 0) return false;
  const ratio = window.devicePixelRatio || 1;
  const width = Math.max(1, Math.round(canvas.clientWidth * ratio));
  const height = Math.max(1, Math.round(canvas.clientHeight * ratio));
  if (canvas.width === width && canvas.height === height) return false;
  canvas.width = width;
  canvas.height = height;
  return true;
}

/**
 * Where a pointer event falls on a canvas, in the canvas's pixels (CSS pixels times
 * the backing-store scale, i.e. devicePixelRatio after fitCanvas), as the view's
 * unit_at, data_x and data_y expect.
 * @param {HTMLCanvasElement} canvas
 * @param {{clientX: number, clientY: number}} event
 * @returns {[number, number]} [px, py]
 */
export function canvasPixel(canvas, event) {
  const rect = canvas.getBoundingClientRect();
  const sx = rect.width > 0 ? canvas.width / rect.width : 1;
  const sy = rect.height > 0 ? canvas.height / rect.height : 1;
  return [(event.clientX - rect.left) * sx, (event.clientY - rect.top) * sy];
}
