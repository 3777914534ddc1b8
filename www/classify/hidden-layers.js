// The hidden-layer editor: one number box per hidden layer, plus add/remove buttons.
// It only edits a list of widths; whether the model accepts them is decided by the
// caller (network-data.js), which calls `set` again with the last accepted list when
// the wasm refuses a change, so the boxes never show an architecture that is not
// the one being trained.

/**
 * @typedef {object} LayerEditor
 * @property {() => number[]} read  the widths as typed (may contain NaN for a bad box)
 * @property {(widths: number[]) => void} set  rebuilds the boxes for these widths
 * @property {(onChange: () => void) => void} onChange  called after add, remove or an edit
 */

/** Width given to a newly added layer: the last layer's, so "+" deepens the net evenly. */
function newLayerWidth(widths) {
  const last = widths[widths.length - 1];
  return Number.isInteger(last) && last > 0 ? last : 4;
}

/** One <li> holding a labelled width box for hidden layer number `index` (from 1). */
function layerRow(doc, index, width, maxWidth) {
  const item = doc.createElement('li');
  const id = `layer-width-${index}`;
  const label = doc.createElement('label');
  label.htmlFor = id;
  label.textContent = `Layer ${index}`;
  const input = doc.createElement('input');
  Object.assign(input, { type: 'number', id, className: 'layer-width', min: '1', max: String(maxWidth), step: '1' });
  // defaultValue too, so a form reset brings back the width the row was made with.
  input.defaultValue = String(width);
  input.value = String(width);
  input.title = `Width of hidden layer ${index}: the number of units in x(${index}), so w(${index}) has `
    + `this many rows. 1 to ${maxWidth}.`;
  item.append(label, input);
  return item;
}

/**
 * Builds the editor inside the #layers list.
 * @param {object} parts
 * @param {HTMLOListElement} parts.list the #layers container
 * @param {HTMLButtonElement} parts.add the #add-layer button
 * @param {HTMLButtonElement} parts.remove the #remove-layer button
 * @param {number} parts.maxLayers from limits()
 * @param {number} parts.maxWidth from limits()
 * @returns {LayerEditor}
 */
export function createLayerEditor({ list, add, remove, maxLayers, maxWidth }) {
  const doc = list.ownerDocument;
  let listener = () => {};
  const read = () => Array.from(list.querySelectorAll('input.layer-width'), (input) => {
    // Empty or fractional boxes become NaN / non-integers; network-data.js reports them.
    return input.value.trim() === '' ? NaN : Number(input.value);
  });
  const set = (widths) => {
    const boxes = list.querySelectorAll('input.layer-width');
    if (boxes.length === widths.length) {
      // Same depth (a reverted edit): rewrite values in place so keyboard focus stays.
      boxes.forEach((box, i) => { box.value = String(widths[i]); });
    } else {
      list.replaceChildren(...widths.map((w, i) => layerRow(doc, i + 1, w, maxWidth)));
    }
    // Disabled buttons tell the limits without an error message.
    add.disabled = widths.length >= maxLayers;
    remove.disabled = widths.length === 0;
  };
  add.addEventListener('click', () => {
    const widths = read();
    if (widths.length >= maxLayers) return;
    set([...widths, newLayerWidth(widths)]);
    listener();
  });
  remove.addEventListener('click', () => {
    const widths = read();
    if (widths.length === 0) return;
    set(widths.slice(0, -1));
    listener();
  });
  // 'change' (not 'input') so typing "16" does not rebuild the model at "1" first.
  list.addEventListener('change', (event) => {
    if (event.target.classList.contains('layer-width')) listener();
  });
  return { read, set, onChange: (fn) => { listener = fn; } };
}

/**
 * The shape of the network in the lecture's terms, e.g. "2 → 8 → 8 → 1".
 * @param {number[]} widths hidden widths
 * @returns {string}
 */
export function describeArchitecture(widths, inputs = 2, outputs = 1) {
  return [String(inputs), ...widths.map(String), String(outputs)].join(' → ');
}
