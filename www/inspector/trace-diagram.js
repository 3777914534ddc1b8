// The backprop inspector's network diagram (#bp-diagram): one column of nodes per
// layer x(0) … x(L), an edge per weight w(l)_ij. The values of the current step are
// written beside the nodes, and the edges are coloured by the sign and weighted by
// the size of w(l) (forward) or ∂ℓ/∂w(l) (backward), with the exact value in a
// tooltip; the focus layer's matrix is written out in full by matrixTable below.

import { fmt } from '../app/format.js';

const SVG = 'http://www.w3.org/2000/svg';
const POSITIVE = 'rgb(245, 147, 34)';
const NEGATIVE = 'rgb(8, 119, 189)';

/** An SVG element with attributes (and text). */
function node(doc, name, attrs, text) {
  const el = doc.createElementNS(SVG, name);
  Object.entries(attrs).forEach(([k, v]) => el.setAttribute(k, String(v)));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Node centres: column per layer, rows centred vertically. */
function layout(widths, width, height) {
  const dx = width / widths.length;
  return widths.map((n, l) => {
    const dy = Math.min(60, (height - 30) / n);
    const top = height / 2 - (dy * (n - 1)) / 2;
    return Array.from({ length: n }, (_, i) => ({ x: dx * (l + 0.3), y: top + dy * i }));
  });
}

/** The text lines beside unit i of layer l (0 = input) at step `at` (see inspector.js). */
function nodeLines(trace, l, i, at) {
  const L = trace.layers.length;
  if (l === 0) return [`x = ${fmt(trace.input[i])}`];
  const layer = trace.layers[l - 1];
  if (at.phase === 'forward') return l <= at.layer ? [`s = ${fmt(layer.s[i])}`, `x = ${fmt(layer.x[i])}`] : [];
  if (l < at.layer) return [`x = ${fmt(layer.x[i])}`];
  const lines = [`∂ℓ/∂x = ${fmt(layer.dx[i])}`, `∂ℓ/∂s = ${fmt(layer.ds[i])}`];
  return l === L ? [`x = ${fmt(layer.x[i])}`, ...lines] : lines;
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
        x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: v >= 0 ? POSITIVE : NEGATIVE,
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
  const width = 480;
  const height = Math.max(180, Math.max(...widths) * 48 + 30);
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const pos = layout(widths, width, height);
  const parts = [];
  for (let l = 1; l < widths.length; l += 1) parts.push(edges(doc, trace, l, pos, at));
  pos.forEach((column, l) => column.forEach((p, i) => {
    const focus = l === at.layer && at.phase !== 'input' ? ' focus' : '';
    const g = node(doc, 'g', { class: `unit${l === 0 ? ' input' : ''}${focus}` });
    const layer = l === 0 ? null : trace.layers[l - 1];
    g.append(node(doc, 'circle', { cx: p.x, cy: p.y, r: 9 }));
    g.append(node(doc, 'title', {}, l === 0 ? `x(0)_${i + 1}, an input`
      : `unit ${i + 1} of layer ${l} (σ = ${layer.activation}), bias b(${l})_${i + 1} = ${fmt(layer.b[i])}`));
    nodeLines(trace, l, i, at).forEach((text, k) => {
      g.append(node(doc, 'text', { x: p.x + 13, y: p.y - 4 + 11 * k, class: 'value' }, text));
    });
    parts.push(g);
  }));
  widths.forEach((_, l) => parts.push(node(doc, 'text', { x: pos[l][0].x, y: height - 4, class: 'layer-name' },
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
