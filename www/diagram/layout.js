// The network diagram's geometry and its SVG skeleton: one column of nodes per
// layer x(0) … x(L), a square per node (its thumbnail is drawn underneath, on the
// canvas, by the core), a link per weight w(l)_ij between the shown units. Built
// once per architecture; network-diagram.js only restyles it on each refresh.

const SVG = 'http://www.w3.org/2000/svg';

/** Space above the columns (layer names) and below them (the "+ n more" notes), CSS px. */
const TOP = 22;
const BOTTOM = 22;

/** An SVG element with attributes. */
export function svgEl(doc, name, attrs = {}) {
  const el = doc.createElementNS(SVG, name);
  Object.entries(attrs).forEach(([k, v]) => el.setAttribute(k, String(v)));
  return el;
}

/**
 * Where every shown node goes, in CSS pixels.
 * @param {number[]} shown units drawn per layer x(0) … x(L)
 * @param {number} width the diagram's width
 * @returns {{ width: number, height: number, size: number, nodes: {x: number, y: number}[][] }}
 *   nodes[l][i] is the top-left corner of unit i of layer l; size the side of its square
 */
export function layoutDiagram(shown, width) {
  const step = width / shown.length;
  const size = Math.max(14, Math.min(40, Math.floor(step * 0.5)));
  const row = size + Math.max(6, Math.round(size * 0.3));
  const tallest = Math.max(...shown);
  const height = TOP + tallest * row + BOTTOM;
  const nodes = shown.map((n, l) => {
    const x = Math.round(step * (l + 0.5) - size / 2);
    const top = TOP + ((tallest - n) * row) / 2;
    return Array.from({ length: n }, (_, i) => ({ x, y: Math.round(top + i * row + (row - size) / 2) }));
  });
  return { width, height, size, nodes };
}

/** A link's path: a gentle S-curve from the right edge of one square to the left edge of the next. */
function linkPath(a, b, size) {
  const [x1, y1, x2, y2] = [a.x + size, a.y + size / 2, b.x, b.y + size / 2];
  const mid = (x1 + x2) / 2;
  return `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`;
}

/**
 * Builds the SVG's children for a layout: links (each with data-l, data-i, data-j and a
 * <title>), node squares (data-l, data-i, a <title>), the focus ring, column names and,
 * under a capped column, how many units are not drawn.
 * @param {SVGSVGElement} svg
 * @param {ReturnType<typeof layoutDiagram>} layout
 * @param {{ sizes: number[], shown: number[], names: string[], title: string }} net
 * @returns {{ links: SVGPathElement[][], nodes: SVGRectElement[][], ring: SVGRectElement }}
 *   links[l] lists the links into layer l (l ≥ 1) row by row: index i × shown[l − 1] + j
 */
export function buildDiagram(svg, layout, net) {
  const doc = svg.ownerDocument;
  const { nodes, size } = layout;
  svg.setAttribute('viewBox', `0 0 ${layout.width} ${layout.height}`);
  svg.setAttribute('height', String(layout.height));
  const title = svgEl(doc, 'title');
  title.textContent = net.title;
  const linkGroup = svgEl(doc, 'g', { class: 'links' });
  const links = nodes.map((column, l) => (l === 0 ? [] : column.flatMap((b, i) => nodes[l - 1].map((a, j) => {
    const path = svgEl(doc, 'path', { d: linkPath(a, b, size), 'data-l': l, 'data-i': i, 'data-j': j, class: 'link' });
    path.append(svgEl(doc, 'title'));
    linkGroup.append(path);
    return path;
  }))));
  const nodeGroup = svgEl(doc, 'g', { class: 'nodes' });
  const rects = nodes.map((column, l) => column.map((p, i) => {
    const rect = svgEl(doc, 'rect', {
      x: p.x, y: p.y, width: size, height: size, 'data-l': l, 'data-i': i, class: l === 0 ? 'node input' : 'node',
    });
    rect.append(svgEl(doc, 'title'));
    nodeGroup.append(rect);
    return rect;
  }));
  const labels = svgEl(doc, 'g', { class: 'labels' });
  const text = (attrs, content) => {
    const t = svgEl(doc, 'text', attrs);
    t.textContent = content;
    labels.append(t);
  };
  nodes.forEach((column, l) => {
    const x = column[0].x + size / 2;
    text({ x, y: 14, class: 'layer-name' }, `x(${l})`);
    const hidden = net.sizes[l] - net.shown[l];
    if (hidden > 0) text({ x, y: layout.height - 6, class: 'more' }, `+${hidden}`);
  });
  // The inputs' names beside their squares, where the first column leaves room.
  if (nodes[0][0].x >= 18) {
    nodes[0].forEach((p, j) => text({ x: p.x - 4, y: p.y + size / 2 + 4, class: 'input-name' }, net.names[j]));
  }
  const ring = svgEl(doc, 'rect', { class: 'focus-ring', width: size + 6, height: size + 6, rx: 3 });
  ring.setAttribute('visibility', 'hidden');
  svg.replaceChildren(title, linkGroup, nodeGroup, labels, ring);
  return { links, nodes: rects, ring };
}
