// The backprop inspector's network diagram (#bp-diagram): one column of nodes per
// layer x(0) … x(L), an edge per weight w(l)_ij. The values computed up to the current
// step are written in each unit's box (the edges run between the boxes, never across
// a value), and the edges are coloured by the sign and weighted by
// the size of w(l) (forward) or ∂ℓ/∂w(l) (backward), with the exact value in a
// tooltip; the focus layer's matrix is written out in full by matrixTable below.

import { fmt } from '../app/format.js';

const SVG = 'http://www.w3.org/2000/svg';
const POSITIVE = 'rgb(230, 159, 0)';
const NEGATIVE = 'rgb(0, 114, 178)';

/** An SVG element with attributes (and text). */
function node(doc, name, attrs, text) {
  const el = doc.createElementNS(SVG, name);
  Object.entries(attrs).forEach(([k, v]) => el.setAttribute(k, String(v)));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Height of one text line of a unit's box, and the box's padding (SVG units). */
const LINE = 12;
const PAD = 5;
/** Radius of a unit's circle, at the left end of its box. */
const RADIUS = 8;
/** Width of one character of the diagram's monospace font (10 px), a little generous. */
const CHAR = 6.3;
/** Horizontal room left between two columns of boxes, for the edges alone. */
const GAP = 70;
/** The most lines a unit shows (the output in the backward pass: x, ∂ℓ/∂x, ∂ℓ/∂s). */
const MOST_LINES = 3;

/** The text lines beside unit i of layer l (0 = input) at step `at` (see inspector.js). */
function nodeLines(trace, l, i, at) {
  const L = trace.layers.length;
  if (l === 0) return [`x = ${fmt(trace.input[i])}`];
  const layer = trace.layers[l - 1];
  // The input step and the forward pass show the values computed so far, and no ∂ℓ/∂….
  if (at.phase === 'input') return [];
  if (at.phase === 'forward') return l <= at.layer ? [`s = ${fmt(layer.s[i])}`, `x = ${fmt(layer.x[i])}`] : [];
  // The backward pass has reached layers L down to at.layer; below, the forward values stay.
  if (l < at.layer) return [`x = ${fmt(layer.x[i])}`];
  const lines = [`∂ℓ/∂x = ${fmt(layer.dx[i])}`, `∂ℓ/∂s = ${fmt(layer.ds[i])}`];
  return l === L ? [`x = ${fmt(layer.x[i])}`, ...lines] : lines;
}

/**
 * Where each unit's box goes. Every box of a column has the same width, wide enough
 * for the longest line any step writes in it (so the drawing does not move from step
 * to step), and the edges run only in the gaps between columns: from the right side
 * of a box to the left side of the next column's, never across a value.
 */
function layout(trace, widths) {
  const L = trace.layers.length;
  const every = [{ phase: 'forward', layer: L }, ...trace.layers.map((_, l) => ({ phase: 'backward', layer: l + 1 }))];
  const boxWidth = widths.map((n, l) => {
    let chars = 0;
    for (let i = 0; i < n; i += 1) every.forEach((at) => nodeLines(trace, l, i, at).forEach((t) => { chars = Math.max(chars, t.length); }));
    return 2 * RADIUS + 3 * PAD + CHAR * chars;
  });
  const boxHeight = MOST_LINES * LINE + 2 * PAD;
  const pitch = boxHeight + 8;
  const height = Math.max(...widths) * pitch + 30;
  let left = 4;
  const columns = widths.map((n, l) => {
    const top = (height - 22) / 2 - (pitch * n) / 2 + 4;
    const column = Array.from({ length: n }, (_, i) => ({
      left, right: left + boxWidth[l], top: top + pitch * i, y: top + pitch * i + boxHeight / 2, height: boxHeight,
    }));
    left += boxWidth[l] + GAP;
    return column;
  });
  return { columns, width: left - GAP + 4, height };
}

/** The edges into layer l: w(l) forward, ∂ℓ/∂w(l) once the backward pass has reached it. */
function edges(doc, trace, l, pos, at) {
  const layer = trace.layers[l - 1];
  const backward = at.phase === 'backward' && l >= at.layer;
  const values = backward ? layer.dw : layer.w;
  const name = backward ? '∂ℓ/∂w' : 'w';
  const max = Math.max(1e-12, ...values.map(Math.abs));
  const group = node(doc, 'g', { class: backward ? 'edges backward' : 'edges' });
  for (let i = 0; i < layer.outputs; i += 1) {
    for (let j = 0; j < layer.inputs; j += 1) {
      const v = values[i * layer.inputs + j];
      const a = pos[l - 1][j];
      const b = pos[l][i];
      const line = node(doc, 'line', {
        x1: a.right, y1: a.y, x2: b.left, y2: b.y, stroke: v >= 0 ? POSITIVE : NEGATIVE,
        'stroke-width': (0.5 + (3 * Math.abs(v)) / max).toFixed(2), 'stroke-opacity': 0.75,
      });
      line.append(node(doc, 'title', {}, `${name}(${l})[${i + 1},${j + 1}] = ${fmt(v)}`));
      group.append(line);
    }
  }
  return group;
}

/**
 * Draws the network and the values of one step into the SVG.
 * @param {SVGSVGElement} svg the #bp-diagram element
 * @param {object} trace parsed trace_json
 * @param {{phase: 'input'|'forward'|'backward', layer: number}} at the current step
 */
export function drawDiagram(svg, trace, at) {
  const doc = svg.ownerDocument;
  const widths = [trace.layers[0].inputs, ...trace.layers.map((layer) => layer.outputs)];
  const { columns: pos, width, height } = layout(trace, widths);
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const parts = [];
  for (let l = 1; l < widths.length; l += 1) parts.push(edges(doc, trace, l, pos, at));
  pos.forEach((column, l) => column.forEach((p, i) => {
    const focus = l === at.layer && at.phase !== 'input' ? ' focus' : '';
    const g = node(doc, 'g', { class: `unit${l === 0 ? ' input' : ''}${focus}`, 'data-layer': l });
    const layer = l === 0 ? null : trace.layers[l - 1];
    g.append(node(doc, 'rect', { x: p.left, y: p.top, width: p.right - p.left, height: p.height, rx: 4, class: 'box' }));
    const cx = p.left + PAD + RADIUS;
    g.append(node(doc, 'circle', { cx, cy: p.y, r: RADIUS }));
    g.append(node(doc, 'title', {}, l === 0 ? `x(0)_${i + 1}, an input`
      : `unit ${i + 1} of layer ${l} (σ = ${layer.activation}), bias b(${l})_${i + 1} = ${fmt(layer.b[i])}`));
    const lines = nodeLines(trace, l, i, at);
    lines.forEach((text, k) => {
      const y = p.y + (k - (lines.length - 1) / 2) * LINE + 3.5;
      g.append(node(doc, 'text', { x: cx + RADIUS + PAD, y, class: 'value' }, text));
    });
    parts.push(g);
  }));
  widths.forEach((_, l) => parts.push(node(doc, 'text', { x: (pos[l][0].left + pos[l][0].right) / 2, y: height - 6, class: 'layer-name' },
    l === 0 ? 'x(0)' : `x(${l})`)));
  svg.replaceChildren(...parts);
}

/**
 * The matrix of the focus layer as a table: w(l) and b(l) in the forward pass,
 * ∂ℓ/∂w(l) and ∂ℓ/∂b(l) in the backward pass (rows: units i of layer l; columns:
 * units j of layer l − 1). Empty for the input step.
 * @param {HTMLTableElement} table the #bp-matrix element
 * @param {object} trace parsed trace_json
 * @param {{phase: string, layer: number}} at the current step
 */
export function matrixTable(table, trace, at) {
  const doc = table.ownerDocument;
  if (at.phase === 'input') {
    table.replaceChildren();
    return;
  }
  const l = at.layer;
  const layer = trace.layers[l - 1];
  const back = at.phase === 'backward';
  const [w, b] = back ? [layer.dw, layer.db] : [layer.w, layer.b];
  const cell = (tag, text) => Object.assign(doc.createElement(tag), { textContent: text });
  const head = doc.createElement('tr');
  head.append(cell('th', back ? `∂ℓ/∂w(${l})` : `w(${l})`));
  for (let j = 0; j < layer.inputs; j += 1) head.append(cell('th', `j = ${j + 1}`));
  head.append(cell('th', back ? `∂ℓ/∂b(${l})` : `b(${l})`));
  const rows = [head];
  for (let i = 0; i < layer.outputs; i += 1) {
    const tr = doc.createElement('tr');
    tr.append(cell('th', `i = ${i + 1}`));
    for (let j = 0; j < layer.inputs; j += 1) tr.append(cell('td', fmt(w[i * layer.inputs + j])));
    tr.append(cell('td', fmt(b[i])));
    rows.push(tr);
  }
  table.replaceChildren(...rows);
}
