// Drawing ψ with the mouse or a finger on the approximation plot. "Draw ψ" arms the
// plot; a press-drag-release then collects points in data coordinates (through the
// view's data_x / data_y, which know where the last plot was drawn) and hands them
// over on release. Escape, the button again, or a cancelled pointer drop the stroke.
// The stroke is previewed on a transparent overlay canvas, so the loop may keep
// redrawing the plot underneath while the user draws.

import { canvasPixel, fitCanvas } from '../app/canvas.js';

/** The plot's x interval and y range (fixed by the contract): ψ lives inside them. */
const X_RANGE = [-1, 1];
const Y_RANGE = [-1.5, 1.5];

/**
 * @typedef {object} TargetDrawing
 * @property {() => boolean} busy  armed or in the middle of a stroke (no unit picking then)
 * @property {() => boolean} ownsClick  true once for the click that ends a stroke
 * @property {(why?: string) => void} cancel  disarms and drops any stroke
 */

/** Paints the stroke so far on the overlay, in its canvas pixels. */
function paint(overlay, pixels) {
  const ctx = overlay.getContext('2d');
  ctx.clearRect(0, 0, overlay.width, overlay.height);
  if (pixels.length < 2) return;
  ctx.lineWidth = 3 * (window.devicePixelRatio || 1);
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  ctx.strokeStyle = getComputedStyle(overlay).color;
  ctx.beginPath();
  ctx.moveTo(pixels[0][0], pixels[0][1]);
  pixels.slice(1).forEach(([x, y]) => ctx.lineTo(x, y));
  ctx.stroke();
}

/**
 * Wires the Draw ψ button and the pointer on the plot.
 * @param {object} deps
 * @param {HTMLCanvasElement} deps.canvas the #approx-plot canvas (receives the pointer)
 * @param {HTMLCanvasElement} deps.overlay the transparent canvas over it (the preview)
 * @param {HTMLButtonElement} deps.button the #approx-draw button
 * @param {object} deps.view the ApproxView (data_x, data_y)
 * @param {import('../app/status.js').Status} deps.status
 * @param {(xs: number[], ys: number[]) => void} deps.onStroke receives the finished stroke
 * @returns {TargetDrawing}
 */
export function createTargetDrawing({ canvas, overlay, button, view, status, onStroke }) {
  let armed = false;
  let stroke = null; // { id, xs, ys, pixels } while the pointer is down
  let endedStroke = false;
  const label = button.textContent;

  const arm = (on) => {
    armed = on;
    stroke = null;
    button.setAttribute('aria-pressed', String(on));
    button.textContent = on ? 'Cancel drawing' : label;
    canvas.classList.toggle('drawing', on);
    fitCanvas(overlay);
    paint(overlay, []);
  };
  const cancel = (why = 'Drawing cancelled: ψ is unchanged.') => {
    if (!armed) return;
    arm(false);
    status.info(why);
  };
  const add = (event) => {
    const [px, py] = canvasPixel(canvas, event);
    const x = view.data_x(px);
    const y = view.data_y(py);
    // Outside [−1, 1] there is nothing to fit (ψ is constant beyond the ends), and
    // clamping x would stack points on the edge; y is clamped to what the plot shows.
    if (!Number.isFinite(x) || !Number.isFinite(y) || x < X_RANGE[0] || x > X_RANGE[1]) return;
    stroke.xs.push(x);
    stroke.ys.push(Math.min(Y_RANGE[1], Math.max(Y_RANGE[0], y)));
    stroke.pixels.push([px, py]);
  };

  button.addEventListener('click', () => {
    if (armed) { cancel(); return; }
    arm(true);
    status.info('Draw ψ: press on the plot and drag across it; releasing sets ψ. Escape cancels.');
  });
  canvas.addEventListener('pointerdown', (event) => {
    endedStroke = false;
    if (!armed || stroke || event.button !== 0) return;
    event.preventDefault();
    // Capture: the stroke continues even if the pointer leaves the canvas.
    canvas.setPointerCapture(event.pointerId);
    stroke = { id: event.pointerId, xs: [], ys: [], pixels: [] };
    add(event);
  });
  canvas.addEventListener('pointermove', (event) => {
    if (!stroke || event.pointerId !== stroke.id) return;
    // Coalesced events keep a fast stroke smooth (several moves per frame).
    const events = event.getCoalescedEvents ? event.getCoalescedEvents() : [];
    (events.length ? events : [event]).forEach(add);
    paint(overlay, stroke.pixels);
  });
  canvas.addEventListener('pointerup', (event) => {
    if (!stroke || event.pointerId !== stroke.id) return;
    const { xs, ys } = stroke;
    arm(false);
    endedStroke = true;
    onStroke(xs, ys);
  });
  canvas.addEventListener('pointercancel', () => { if (stroke) cancel(); });
  canvas.ownerDocument.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && armed) cancel();
  });
  return {
    busy: () => armed,
    ownsClick: () => {
      const mine = endedStroke;
      endedStroke = false;
      return mine;
    },
    cancel,
  };
}
