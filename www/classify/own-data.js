// The user's own points on the decision-boundary chart: in "add" mode a click adds
// a point of class +1 (left button) or −1 (Shift-click or right button), Alt-drag
// erases; in "erase" mode any drag erases. The chart's geometry stays in Rust: the
// view maps canvas pixels to the plane (add_point_at, erase_points_at), so nothing
// here duplicates the axes' layout. Every change restarts training (the rule for any
// data change). Keyboard users import a CSV instead (data-files.js); the tooltips say so.
//
// Own points go into the address (?own=…, 12 characters a point, exact: see
// src/points_code.rs), so a copied link brings them. When a generator control
// (data set, N, noise, …) replaces them, they are kept here and a "Restore my
// points" button brings them back, so nothing is lost silently.

import { canvasPixel } from '../app/canvas.js';
import { messageOf } from '../app/validate.js';

/** The eraser's radius in CSS pixels. */
const ERASER_CSS_PX = 12;
/** Controls whose change regenerates the data from the generator. */
const GENERATOR_IDS = ['dataset', 'points', 'noise', 'train-fraction', 'data-seed', 'new-data-seed'];
/** The generator controls with a value (the New button has none). */
const GENERATOR_VALUE_IDS = GENERATOR_IDS.slice(0, -1);

/** Writes text only when it changed. */
function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

/**
 * Wires the chart editing, the point counts and the restore button.
 * @param {object} deps
 * @param {Document} deps.doc
 * @param {object} deps.view the ClassifierView
 * @param {import('../app/status.js').Status} deps.status
 * @param {() => void} deps.changed redraw request
 * @returns {{ update: () => void, imported: () => void }} update refreshes the counts
 *   (each drawn frame); imported marks the data as the user's own (after a CSV import)
 */
export function createOwnData({ doc, view, status, changed }) {
  const el = (id) => doc.getElementById(id);
  const canvas = el('boundary');
  const mode = el('plane-mode');
  const toTest = () => el('new-point-set').value === 'test';
  const counts = { source: el('data-source'), train: el('train-count'), test: el('test-count') };
  const restoreButton = el('restore-points');
  let own = false;
  let kept = null;
  // The address's text of the own points, made once per change of them.
  let code = null;

  const apply = (action) => {
    try {
      const result = action();
      changed();
      return result;
    } catch (err) {
      status.error(messageOf(err));
      return null;
    }
  };
  const becameOwn = () => { own = true; kept = null; code = null; restoreButton.hidden = true; };

  const eraseAt = (event) => {
    const [px, py] = canvasPixel(canvas, event);
    const radius = ERASER_CSS_PX * (window.devicePixelRatio || 1);
    const removed = apply(() => view.erase_points_at(px, py, radius));
    if (removed > 0) {
      becameOwn();
      status.info(`Erased ${removed} point${removed === 1 ? '' : 's'}: training restarted.`);
    }
  };
  const addAt = (event) => {
    // The chosen class (a finger has no Shift key or right button); Shift or
    // the right button adds the other one.
    const chosen = mode.value === 'add-negative' ? -1 : 1;
    const label = event.button === 2 || event.shiftKey ? -chosen : chosen;
    const [px, py] = canvasPixel(canvas, event);
    const done = apply(() => view.add_point_at(px, py, label, toTest()));
    if (!done) return;
    becameOwn();
    status.info(`Added a point of class ${label > 0 ? '+1' : '−1'} to the ${toTest() ? 'test' : 'training'} set: training restarted.`);
  };

  let erasing = false;
  canvas.addEventListener('pointerdown', (event) => {
    if (mode.value === 'off') return;
    event.preventDefault();
    if (mode.value === 'erase' || event.altKey) {
      erasing = true;
      canvas.setPointerCapture(event.pointerId);
      eraseAt(event);
    } else {
      addAt(event);
    }
  });
  canvas.addEventListener('pointermove', (event) => { if (erasing) eraseAt(event); });
  const stop = () => { erasing = false; };
  canvas.addEventListener('pointerup', stop);
  canvas.addEventListener('pointercancel', stop);
  // The right button adds a −1 point: no context menu over the chart then.
  canvas.addEventListener('contextmenu', (event) => { if (mode.value !== 'off') event.preventDefault(); });
  mode.addEventListener('change', () => canvas.classList.toggle('editing', mode.value !== 'off'));

  let keptValues = null;
  watchGenerator({ doc, view, status, isOwn: () => own, keep: (csv, values) => { kept = csv; keptValues = values; }, replaced: () => {
    own = false;
    restoreButton.hidden = kept === null;
  } });
  restoreButton.addEventListener('click', () => {
    if (kept === null) return;
    if (apply(() => { view.import_points_csv(kept); return true; })) {
      // The data controls show what the points came from again (no 'change': nothing is
      // regenerated), and N their number, so that no control disagrees with the chart.
      Object.entries(keptValues ?? {}).forEach(([id, value]) => {
        el(id).value = value;
        doc.querySelectorAll(`input[type="range"][data-slider-for="${id}"]`).forEach((slider) => { slider.value = value; });
      });
      el('points').value = String(view.train_size() + view.test_size());
      becameOwn();
      status.info('Your own points are back: training restarted.');
    }
  });

  return {
    update() {
      setText(counts.source, own ? 'your own points' : `generated (${el('dataset').value})`);
      setText(counts.train, String(view.train_size()));
      setText(counts.test, String(view.test_size()));
    },
    imported: becameOwn,
    /** The own points as the address's text, or null when the data are generated. */
    code: () => (own ? (code ??= view.own_points_code()) : null),
    /**
     * Replaces the data by the points of an address's text (at boot); returns
     * '' or why they were refused (the data then stay as they were).
     */
    restore(text) {
      try {
        view.import_own_points_code(text);
      } catch (err) {
        return messageOf(err);
      }
      becameOwn();
      changed();
      return '';
    },
  };
}

/**
 * Before a generator control acts (capture phase), keeps the own points as CSV;
 * after it (bubble phase), if they were replaced, says so and offers them back.
 */
function watchGenerator({ doc, view, status, isOwn, keep, replaced }) {
  let before = null;
  // The generator controls' values as they were before the event (a control's value
  // has already changed when its 'change' reaches the capture phase).
  const values = () => Object.fromEntries(GENERATOR_VALUE_IDS.map((id) => [id, doc.getElementById(id).value]));
  let snapshot = values();
  let beforeValues = snapshot;
  const relevant = (event) => event.target instanceof Element && GENERATOR_IDS.includes(event.target.id);
  const capture = (event) => {
    before = relevant(event) && isOwn() ? view.export_points_csv() : null;
    beforeValues = snapshot;
  };
  const after = (event) => {
    snapshot = values();
    if (!relevant(event) || before === null) return;
    if (view.export_points_csv() === before) return; // refused: still the own points
    keep(before, beforeValues);
    replaced();
    status.info(`${doc.getElementById('status').textContent} Your own points were replaced; `
      + '"Restore my points" (Data & files) brings them back.');
    before = null;
  };
  ['change', 'click'].forEach((type) => {
    doc.addEventListener(type, capture, true);
    doc.addEventListener(type, after);
  });
}
