// The "Data & files" buttons: import points (CSV) and weights (JSON) from a file
// chosen with <input type=file> (keyboard-reachable, unlike clicks on the chart),
// and download the points, the weights, the loss history and a PNG of the charts.
// The formats are checked in Rust (points_csv.rs, weights_json.rs); a refused file
// changes nothing and its sentence (e.g. "line 3: …") goes to the status line.

import { formatMegabytes } from '../app/format.js';
import { messageOf } from '../app/validate.js';

/** Larger files are refused before reading: 5000 points or a wide network fit well under this. */
const MAX_FILE_BYTES = 8 * 1024 * 1024;

/**
 * Offers `blob` as a download named `name` (a temporary link, clicked).
 * @param {Document} doc
 * @param {Blob} blob
 * @param {string} name
 */
export function download(doc, blob, name) {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // The browser has started the download; the URL can go once this task ends.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * The boundary chart and the loss chart side by side on one canvas, as a PNG blob.
 * @param {Document} doc
 * @param {HTMLCanvasElement[]} canvases
 * @returns {Promise<Blob>}
 */
export function chartsPng(doc, canvases) {
  const shown = canvases.filter((c) => c.width > 0 && c.height > 0);
  const out = doc.createElement('canvas');
  out.width = shown.reduce((sum, c) => sum + c.width, 0) || 1;
  out.height = Math.max(1, ...shown.map((c) => c.height));
  const ctx = out.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  let x = 0;
  for (const c of shown) {
    ctx.drawImage(c, x, 0);
    x += c.width;
  }
  return new Promise((resolve, reject) => {
    out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The browser could not make the PNG.'))), 'image/png');
  });
}

/**
 * Reads the file chosen in `input` and hands its text to `load`; the input is
 * cleared afterwards so choosing the same file again fires 'change' again.
 */
function onFile(input, status, load) {
  input.addEventListener('change', async () => {
    const file = input.files && input.files[0];
    if (!file) return;
    try {
      if (file.size > MAX_FILE_BYTES) {
        throw new Error(`${file.name} is ${formatMegabytes(file.size)}; files over 8 MB are refused. Nothing was imported.`);
      }
      status.info(load(await file.text(), file.name));
    } catch (err) {
      status.error(messageOf(err));
    } finally {
      input.value = '';
    }
  });
}

/**
 * Gives the page's network the hidden layers and activations a weights file names,
 * through the controls (as if typed), so that the file loads into a network of its
 * own shape. The input and output widths are left alone: they follow the features
 * and the data set (the core's read_weights_json has refused a file whose ends
 * differ, or that does not read). Returns null when nothing had to change, else
 * { describe, undo }: the architecture as the page states it, and the way back if
 * the weights are refused after all (a loss that is not finite on this data).
 * @param {{ doc: Document, view: object, setHidden: (widths: number[]) => boolean, file: object }} deps
 *   file: the WeightsFile the core read
 */
function adoptArchitecture({ doc, view, setHidden, file }) {
  const now = Array.from(view.layer_sizes());
  const selects = [[doc.getElementById('activation'), file.hidden_activation()],
    [doc.getElementById('output-activation'), file.output_activation()]];
  const known = (select, value) => [...select.options].some((o) => o.value === value);
  const hidden = Array.from(file.sizes()).slice(1, -1);
  const same = hidden.join() === now.slice(1, -1).join()
    && selects.every(([select, value]) => !known(select, value) || select.value === value);
  if (same) return null;
  const before = { widths: now.slice(1, -1), values: selects.map(([select]) => select.value) };
  selects.forEach(([select, value]) => { if (known(select, value)) select.value = value; });
  setHidden(hidden); // commits widths and activations together, or restores both
  return {
    describe: () => `${doc.getElementById('architecture').textContent.split(' · ')[0]}, σ ${selects[0][0].value}`,
    undo: () => {
      selects.forEach(([select], k) => { select.value = before.values[k]; });
      setHidden(before.widths);
    },
  };
}

/**
 * Wires the Data & files fieldset.
 * @param {object} deps
 * @param {Document} deps.doc
 * @param {object} deps.view the ClassifierView
 * @param {import('../app/status.js').Status} deps.status
 * @param {() => void} deps.changed redraw request
 * @param {() => void} deps.pointsImported called after points were imported
 * @param {(widths: number[]) => boolean} deps.setHidden sets the hidden widths as if typed (network-data.js)
 */
export function wireFiles({ doc, view, status, changed, pointsImported, setHidden }) {
  const el = (id) => doc.getElementById(id);
  onFile(el('import-points'), status, (text, name) => {
    view.import_points_csv(text);
    pointsImported();
    changed();
    return `Imported ${name}: ${view.train_size()} training and ${view.test_size()} test points, training restarted.`;
  });
  onFile(el('import-weights'), status, (text, name) => {
    // The text is parsed once, by the core (exact f32, sentences with line and column);
    // a file that cannot load into its own architecture is refused before anything changes.
    const file = view.read_weights_json(text);
    try {
      const adopted = adoptArchitecture({ doc, view, setHidden, file });
      try {
        view.load_weights(file);
      } catch (err) {
        if (!adopted) throw err;
        adopted.undo();
        throw new Error(`${messageOf(err)} The page's hidden layers and σ are back, and its model restarted from the weight seed.`);
      }
      changed();
      const shape = adopted ? ` (the network now has its architecture, ${adopted.describe()})` : '';
      return `Loaded the weights of ${name}${shape}: training restarts from them at iteration 0.`;
    } finally {
      file.free();
    }
  });
  const text = (body, type) => new Blob([body], { type });
  const buttons = {
    'export-points': () => download(doc, text(view.export_points_csv(), 'text/csv'), 'points.csv'),
    'export-weights': () => download(doc, text(view.weights_json(), 'application/json'), 'weights.json'),
    'export-loss': () => download(doc, text(view.loss_history_csv(), 'text/csv'), 'loss-history.csv'),
    'export-png': async () => download(doc, await chartsPng(doc, [el('boundary'), el('loss-curve')]), 'mlp-playground.png'),
  };
  Object.entries(buttons).forEach(([id, save]) => {
    el(id).addEventListener('click', async () => {
      try {
        await save();
      } catch (err) {
        status.error(messageOf(err));
      }
    });
  });
}
