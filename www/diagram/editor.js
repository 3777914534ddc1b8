// The network diagram's editor: one unit's bias b(l)_i and incoming weights w(l)_ij,
// each in a box a person can type a new value into. Enter (or leaving the box)
// applies it through the core, which validates it; training continues from the
// edited model. Escape closes the editor without applying what is being typed.
// A refused value keeps the model as it was, says why, and shows the old value again.

import { fmt, formatBoxValue } from '../app/format.js';
import { messageOf } from '../app/validate.js';

/** A typed number, the typeset minus and a comma accepted; NaN when it is none. */
export function parseTyped(text) {
  const cleaned = text.trim().replace(/\u2212/g, '-').replace(',', '.');
  return cleaned === '' ? NaN : Number(cleaned);
}

/** What a parameter is, in the notes' notation (1-based units, as the page shows them). */
export function describeParam(p, inputNames) {
  const { l, i } = p;
  if (p.j === undefined) return `b(${l})_${i + 1}: the bias of unit ${i + 1} of layer ${l}, in s(${l})_${i + 1} = Σ_j w(${l})_${i + 1}j x(${l - 1})_j + b(${l})_${i + 1}`;
  const from = l === 1 ? `input ${inputNames[p.j]} = x(0)_${p.j + 1}` : `unit ${p.j + 1} of layer ${l - 1}`;
  return `w(${l})_${i + 1},${p.j + 1}: the weight from ${from} to unit ${i + 1} of layer ${l}`;
}

/** The parameter's name alone: "w(2)_3,1" or "b(2)_3". */
const nameOf = (p) => (p.j === undefined ? `b(${p.l})_${p.i + 1}` : `w(${p.l})_${p.i + 1},${p.j + 1}`);

/**
 * Wires the editor panel.
 * @param {object} deps
 * @param {HTMLElement} deps.panel the #diagram-editor element (hidden when closed)
 * @param {object} deps.view the ClassifierView
 * @param {() => void} deps.changed redraw request
 * @param {import('../app/status.js').Status} deps.status the page's status line
 * @param {() => void} deps.onClose called after Escape or Close (the diagram takes the focus back)
 * @returns {{ open: (l: number, i: number, j?: number) => void, close: () => void,
 *   refresh: () => void, isOpen: () => boolean }}
 */
export function createEditor({ panel, view, changed, status, onClose }) {
  const doc = panel.ownerDocument;
  const heading = panel.querySelector('.editor-title');
  const list = panel.querySelector('.editor-fields');
  const message = panel.querySelector('.editor-message');
  let fields = [];
  let unit = null;

  // One copy of the unit's row of w(l) and of b(l) per refresh, not one per box.
  const current = () => {
    const width = view.layer_sizes()[unit.l - 1];
    const w = view.layer_weights(unit.l).subarray(unit.i * width, (unit.i + 1) * width);
    return { w, b: view.layer_biases(unit.l)[unit.i] };
  };
  const say = (text, kind) => {
    message.textContent = text;
    message.dataset.kind = kind;
  };
  const show = (field, now) => {
    const v = field.p.j === undefined ? now.b : now.w[field.p.j];
    field.shown = formatBoxValue(v);
    field.input.value = field.shown;
    field.input.removeAttribute('aria-invalid');
  };
  const apply = (field) => {
    const text = field.input.value;
    // Enter on an unchanged box, its 'change' after Enter, or the blur of a box Escape closed.
    if (text === field.shown || !fields.includes(field)) return;
    const value = parseTyped(text);
    try {
      if (!Number.isFinite(value)) {
        throw new Error(`“${text}” is not a number: type a value for ${nameOf(field.p)} such as 0.5 or -1e-3. Nothing was changed.`);
      }
      if (field.p.j === undefined) view.set_bias(field.p.l, field.p.i, value);
      else view.set_weight(field.p.l, field.p.i, field.p.j, value);
      say(`${nameOf(field.p)} = ${fmt(value)}; training continues from iteration ${view.iteration()}.`, 'info');
      show(field, current());
      // An edit that leaves the loss finite lifts a stop on divergence: the old notice no longer holds.
      if (status.showingDivergence()) status.clear();
      changed();
    } catch (err) {
      show(field, current());
      field.input.setAttribute('aria-invalid', 'true');
      say(messageOf(err), 'error');
    }
  };
  const close = () => {
    fields = []; // first: hiding the focused box blurs it, and its 'change' must not apply
    panel.hidden = true;
    unit = null;
    list.replaceChildren();
  };
  const row = (p, names) => {
    const label = doc.createElement('label');
    const input = Object.assign(doc.createElement('input'), { type: 'text', inputMode: 'decimal', spellcheck: false });
    input.title = `${describeParam(p, names)}. Type a new value and press Enter; Escape closes without applying.`;
    label.append(Object.assign(doc.createElement('span'), { textContent: nameOf(p) }), input);
    const field = { p, input };
    input.addEventListener('change', () => apply(field));
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') { e.preventDefault(); apply(field); }
    });
    list.append(label);
    return field;
  };
  const open = (l, i, j) => {
    close();
    panel.hidden = false;
    say('', 'info');
    const names = view.input_names();
    if (l === 0) {
      heading.textContent = `${names[i]} = x(0)_${i + 1} is an input: no weight or bias flows into it. Its outgoing weights are edited from the units of layer 1.`;
      return;
    }
    const sizes = view.layer_sizes();
    heading.textContent = `Unit ${i + 1} of layer ${l}: x(${l})_${i + 1} = σ(Σ_j w(${l})_${i + 1}j x(${l - 1})_j + b(${l})_${i + 1}).`;
    unit = { l, i };
    fields = [row({ l, i }, names)];
    for (let k = 0; k < sizes[l - 1]; k += 1) fields.push(row({ l, i, j: k }, names));
    const now = current();
    fields.forEach((f) => show(f, now));
    const first = fields[j === undefined ? 0 : j + 1].input;
    first.focus();
    first.select(); // typing replaces the value, as after Tab
  };
  panel.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    close();
    onClose();
  });
  panel.querySelector('.editor-close').addEventListener('click', () => { close(); onClose(); });
  // While training plays, the boxes nobody is typing in follow the model.
  const refresh = () => {
    if (!unit) return;
    const now = current();
    fields.forEach((f) => {
      if (f.input !== doc.activeElement && !f.input.hasAttribute('aria-invalid')) show(f, now);
    });
  };
  return { open, close, refresh, isOpen: () => !panel.hidden };
}
