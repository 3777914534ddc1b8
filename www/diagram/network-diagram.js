// The classification view's network diagram: inputs, every hidden unit and the
// output as nodes, each showing its own output over the plane (thumbnails computed
// and drawn by the core on one canvas), links coloured by the sign of w(l)_ij and as
// wide as |w(l)_ij|. Hovering says what a node or link is and its value; a click,
// or Enter on the node the arrow keys reached, opens the editor (editor.js).
// While training plays it refreshes at most ten times a second, and not at all while
// it is scrolled out of view (a small screen): it catches up as it comes back.

import { buildDiagram, layoutDiagram } from './layout.js';
import { createEditor, describeParam } from './editor.js';
import { fmt } from '../app/format.js';
import { messageOf } from '../app/validate.js';

/** Least time between two refreshes, in ms: the thumbnails need no 60 Hz. */
const REFRESH_MS = 100;
/** The grid side the thumbnails ask for (the core lowers it for large networks). */
const WANTED_SIDE = 32;
/** The widest link, in CSS px (for the largest |w| on show). */
const MAX_LINK = 5;

const TITLE = 'The network x(l) = σ(w(l) x(l−1) + b(l)), one column per layer. Each square shows that node\'s '
  + 'own output over the plane [−6, 6]² (orange > 0, blue < 0, as the boundary). A link is w(l)_ij, from unit j of '
  + 'layer l−1 to unit i of layer l: width ∝ |w(l)_ij|, orange when w > 0, blue when w < 0. Click a node or a link, '
  + 'or use the arrow keys and Enter, to type a new weight or bias.';

/** What a node is, with its value where it has one. */
function describeNode(net, l, i, biases) {
  if (l === 0) return `${net.names[i]} = x(0)_${i + 1}: input ${i + 1}; its square shows it over the plane; an input has no weight or bias of its own.`;
  const last = l === net.sizes.length - 1;
  const what = last ? `the output f(x) = x(${l})_1` : `x(${l})_${i + 1}, unit ${i + 1} of layer ${l}`;
  return `${what} = σ(Σ_j w(${l})_${i + 1}j x(${l - 1})_j + b(${l})_${i + 1}), b(${l})_${i + 1} = ${fmt(biases[l][i])}. `
    + 'Enter or click: edit its bias and incoming weights.';
}

/** The note under the diagram: what is left out for a large network. */
function noteText(net, side) {
  // Layers capped alike are named together: "12 of 128 units of layers 1, 2, 3".
  const groups = new Map();
  net.sizes.forEach((n, l) => {
    if (n <= net.shown[l]) return;
    const key = `${net.shown[l]} of ${n} units`;
    groups.set(key, [...(groups.get(key) ?? []), l]);
  });
  const parts = [];
  if (groups.size) {
    const named = [...groups].map(([key, ls]) => `${key} of layer${ls.length > 1 ? 's' : ''} ${ls.join(', ')}`);
    parts.push(`Showing the first ${named.join('; ')} (+n under a column: units not drawn, nor their links; a unit's editor lists all its weights).`);
  }
  if (side < WANTED_SIDE) parts.push(`Thumbnails on a ${side} × ${side} grid to keep this large network fast.`);
  return parts.join(' ');
}

/** Sizes the thumbnails' canvas to the layout; returns the squares' corners and side in canvas pixels. */
function sizeCanvas(canvas, layout) {
  const ratio = window.devicePixelRatio || 1;
  Object.assign(canvas.style, { width: `${layout.width}px`, height: `${layout.height}px` });
  canvas.width = Math.round(layout.width * ratio);
  canvas.height = Math.round(layout.height * ratio);
  const positions = Float32Array.from(layout.nodes.flat().flatMap((p) => [p.x * ratio, p.y * ratio]));
  return { positions, thumb: layout.size * ratio };
}

/** w(l) and b(l) for l = 1 … L (index 0 unused), one copy each per refresh. */
function readParams(view, L) {
  const weights = [null];
  const biases = [null];
  for (let l = 1; l <= L; l += 1) {
    weights.push(view.layer_weights(l));
    biases.push(view.layer_biases(l));
  }
  return { weights, biases };
}

/** Each link's width ∝ |w(l)_ij| (the largest shown gets MAX_LINK) and its colour by sign. */
function restyleLinks(links, weights) {
  let max = 1e-12;
  links.forEach((paths, l) => paths.forEach((path) => { max = Math.max(max, Math.abs(weights[l][path.w])); }));
  links.forEach((paths, l) => paths.forEach((path) => {
    const w = weights[l][path.w];
    // Half-pixel steps: a width that moves by less is not rewritten (nor repainted).
    const width = String(Math.round(2 * (0.5 + (MAX_LINK * Math.abs(w)) / max)) / 2);
    const cls = w >= 0 ? 'link positive' : 'link negative';
    if (path.getAttribute('stroke-width') !== width) path.setAttribute('stroke-width', width);
    if (path.getAttribute('class') !== cls) path.setAttribute('class', cls);
  }));
}

/** The arrow keys' moves: [Δ layer, Δ unit]. */
const MOVES = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };

/** Hover, click and keys on the diagram; `d` is the diagram's state and actions (see createDiagram). */
function wireEvents(svg, d) {
  const targetOf = (e) => e.target.closest?.('[data-l]');
  svg.addEventListener('pointerover', (e) => {
    const target = targetOf(e);
    if (target && d.net) d.say(target);
  });
  svg.addEventListener('click', (e) => {
    const target = targetOf(e);
    if (!target) return;
    const j = target.dataset.j === undefined ? undefined : Number(target.dataset.j);
    d.edit(Number(target.dataset.l), Number(target.dataset.i), j);
  });
  svg.addEventListener('keydown', (e) => {
    if (!d.net || !(e.key === 'Enter' || MOVES[e.key])) return;
    if (e.key === 'Enter') d.edit(d.focus.l, d.focus.i);
    else d.move(...MOVES[e.key]);
    // The page's shortcuts (→ steps) must not also act on a key the diagram used.
    e.preventDefault();
    e.stopPropagation();
  });
  svg.addEventListener('focus', () => d.net && d.move(0, 0));
  svg.addEventListener('blur', () => d.net && d.placeRing());
}

/**
 * Wires the diagram panel.
 * @param {object} deps
 * @param {Document} deps.doc
 * @param {object} deps.view the ClassifierView
 * @param {() => void} deps.changed redraw request (the loop's `changed`)
 * @param {import('../app/status.js').Status} deps.status the page's status line
 * @returns {{ draw: () => void }} draw: refresh if due (called from the view's draw)
 */
export function createDiagram({ doc, view, changed, status }) {
  const el = (id) => doc.getElementById(id);
  const [svg, canvas, frame, note, info] = ['diagram-svg', 'diagram-thumbs', 'diagram-frame', 'diagram-note', 'diagram-info'].map(el);
  const editor = createEditor({
    panel: el('diagram-editor'), view, changed, status, onClose: () => svg.focus(),
  });
  let last = -Infinity;
  let params = { weights: [], biases: [] };
  const d = { net: null, focus: { l: 0, i: 0 } };
  // Whether any of the panel is on screen; a draw skipped while it is not is owed.
  let onScreen = true;
  let owed = false;
  new IntersectionObserver(([entry]) => {
    onScreen = entry.isIntersecting;
    if (onScreen && owed) changed();
  }).observe(frame);

  d.placeRing = () => {
    const { ring, nodes } = d.net.parts;
    const rect = nodes[d.focus.l][d.focus.i];
    ring.setAttribute('x', String(Number(rect.getAttribute('x')) - 3));
    ring.setAttribute('y', String(Number(rect.getAttribute('y')) - 3));
    // The ring marks the keyboard's node, and the unit being edited.
    ring.setAttribute('visibility', doc.activeElement === svg || editor.isOpen() ? 'visible' : 'hidden');
  };
  d.say = (target) => {
    const [l, i] = [Number(target.dataset.l), Number(target.dataset.i)];
    const text = target.dataset.j === undefined ? describeNode(d.net, l, i, params.biases)
      : `${describeParam({ l, i, j: Number(target.dataset.j) }, d.net.names)} = ${fmt(params.weights[l][target.w])}. Click to edit it.`;
    info.textContent = text;
    target.querySelector('title').textContent = text;
  };
  d.move = (dl, di) => {
    const l = Math.max(0, Math.min(d.net.shown.length - 1, d.focus.l + dl));
    d.focus = { l, i: Math.max(0, Math.min(d.net.shown[l] - 1, d.focus.i + di)) };
    d.placeRing();
    d.say(d.net.parts.nodes[d.focus.l][d.focus.i]);
  };
  d.edit = (l, i, j) => {
    d.focus = { l, i };
    editor.open(l, i, j);
    d.placeRing();
  };
  const rebuild = (key, sizes, width) => {
    const sameNet = d.net && d.net.sizes.join() === sizes.join();
    const shown = Array.from(view.shown_sizes());
    const net = { key, sizes, shown, names: view.input_names(), layout: layoutDiagram(shown, width) };
    net.parts = buildDiagram(svg, net.layout, { ...net, title: TITLE });
    // Each link's index into w(l): row-major, rows as wide as the whole layer l − 1.
    net.parts.links.forEach((paths, l) => paths.forEach((path) => {
      path.w = Number(path.dataset.i) * sizes[l - 1] + Number(path.dataset.j);
    }));
    d.net = Object.assign(net, sizeCanvas(canvas, net.layout));
    if (!sameNet) {
      editor.close();
      d.focus = { l: 0, i: 0 };
    }
    d.placeRing();
  };
  const draw = () => {
    owed = !onScreen;
    if (owed) return;
    const width = frame.clientWidth;
    if (width === 0) return; // hidden: drawn when shown
    const sizes = Array.from(view.layer_sizes());
    const key = `${sizes.join()}|${width}`;
    const rebuilt = !d.net || d.net.key !== key;
    if (rebuilt) rebuild(key, sizes, width);
    const now = performance.now();
    if (!rebuilt && now - last < REFRESH_MS) {
      changed(); // come back when due, so the diagram is never left stale
      return;
    }
    last = now;
    let why = '';
    try {
      why = noteText(d.net, view.draw_diagram(canvas, d.net.positions, d.net.thumb, WANTED_SIDE));
    } catch (err) {
      // No thumbnails (the core says why, once, here): the links and the editor still work.
      canvas.getContext('2d').clearRect(0, 0, canvas.width, canvas.height);
      why = messageOf(err);
    }
    params = readParams(view, sizes.length - 1);
    restyleLinks(d.net.parts.links, params.weights);
    note.textContent = why;
    editor.refresh();
  };
  wireEvents(svg, d);
  return { draw };
}
