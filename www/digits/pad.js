// The drawing pad of the Digits view: pointer events (mouse, pen and touch alike)
// draw thick round strokes; after each stroke segment the pad's ink (its alpha
// channel, 0 = paper, 255 = ink) goes to the core, which brings it to MNIST's form.

/** The stroke width as a share of the pad's side (MNIST's strokes are about 2 of 20 pixels). */
const STROKE = 0.085;

/**
 * Wires the pad.
 * @param {HTMLCanvasElement} pad
 * @param {(ink: Uint8Array, width: number, height: number) => void} onInk called while drawing
 * @returns {{clear: () => void, undo: () => boolean}} undo removes the last stroke and
 *   returns whether ink is left (it has then been sent to onInk)
 */
export function wirePad(pad, onInk) {
  const ctx = pad.getContext('2d', { willReadFrequently: true });
  let last = null;
  /** The pad before each stroke, for Undo (a stroke = pointer down to up). */
  const before = [];
  const UNDO_DEPTH = 50;
  const point = (e) => {
    const r = pad.getBoundingClientRect();
    return [((e.clientX - r.left) * pad.width) / Math.max(1, r.width), ((e.clientY - r.top) * pad.height) / Math.max(1, r.height)];
  };
  const inkOf = () => {
    const { data } = ctx.getImageData(0, 0, pad.width, pad.height);
    const ink = new Uint8Array(pad.width * pad.height);
    for (let i = 0; i < ink.length; i++) ink[i] = data[4 * i + 3];
    return ink;
  };
  const send = () => onInk(inkOf(), pad.width, pad.height);
  const line = (from, to) => {
    ctx.strokeStyle = '#000';
    ctx.lineWidth = STROKE * pad.width;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    if (from[0] === to[0] && from[1] === to[1]) {
      // A zero-length line draws nothing, even with round caps: a dot instead.
      ctx.fillStyle = '#000';
      ctx.arc(from[0], from[1], ctx.lineWidth / 2, 0, 2 * Math.PI);
      ctx.fill();
      return;
    }
    ctx.moveTo(from[0], from[1]);
    ctx.lineTo(to[0], to[1]);
    ctx.stroke();
  };
  pad.addEventListener('pointerdown', (e) => {
    e.preventDefault();
    pad.setPointerCapture?.(e.pointerId);
    before.push(ctx.getImageData(0, 0, pad.width, pad.height));
    if (before.length > UNDO_DEPTH) before.shift();
    last = point(e);
    line(last, last);
    send();
  });
  pad.addEventListener('pointermove', (e) => {
    if (!last) return;
    const p = point(e);
    line(last, p);
    last = p;
    send();
  });
  const end = () => { last = null; };
  pad.addEventListener('pointerup', end);
  pad.addEventListener('pointercancel', end);
  return {
    clear() {
      ctx.clearRect(0, 0, pad.width, pad.height);
      last = null;
      before.length = 0;
    },
    undo() {
      const shot = before.pop();
      if (shot) ctx.putImageData(shot, 0, 0);
      else ctx.clearRect(0, 0, pad.width, pad.height);
      last = null;
      const ink = inkOf();
      if (!ink.some((a) => a > 0)) return false;
      onInk(ink, pad.width, pad.height);
      return true;
    },
  };
}
