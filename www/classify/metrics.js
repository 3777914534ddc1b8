// The confusion matrices of the classification view: K × K counts for the training
// and the test set (row = true class y, column = predicted class), beside the
// accuracy readout. Each update is one inference pass per set in the core, so the
// tables refresh at most a few times a second; a skipped refresh is made up a moment
// later, so the tables never stay stale once training pauses.

/** Least time between two refreshes of the tables, in ms (4 Hz). */
const INTERVAL_MS = 250;

/** Column and row names for K classes: the labels ±1 when K = 2, else 0…K−1. */
function classNames(k) {
  return k === 2 ? ['−1', '+1'] : Array.from({ length: k }, (_, i) => String(i));
}

/** Builds an empty K × K table once: a header row and K rows of K cells. */
function buildTable(table, k) {
  const doc = table.ownerDocument;
  const cell = (tag, text, title) => {
    const el = doc.createElement(tag);
    el.textContent = text;
    if (title) el.title = title;
    return el;
  };
  const names = classNames(k);
  const head = doc.createElement('tr');
  head.append(cell('th', 'y \\ ŷ', 'Rows: the true class y. Columns: the predicted class ŷ (the side of the boundary f(x) falls on).'));
  names.forEach((n) => head.append(cell('th', n, `Predicted ŷ = ${n}`)));
  const rows = names.map((n, i) => {
    const row = doc.createElement('tr');
    row.append(cell('th', n, `True class y = ${n}`));
    // The diagonal (y = ŷ, the points classified right) is set in bold by the CSS.
    names.forEach((_, j) => {
      const count = cell('td', '0');
      if (i === j) count.classList.add('diagonal');
      row.append(count);
    });
    return row;
  });
  const caption = table.querySelector('caption');
  table.replaceChildren(...(caption ? [caption] : []), head, ...rows);
  table.dataset.classes = String(k);
  return rows.map((row) => [...row.querySelectorAll('td')]);
}

/** Writes the counts, row by row, into the cells (only those that changed). */
function fill(cells, counts) {
  const k = cells.length;
  for (let i = 0; i < k; i += 1) {
    for (let j = 0; j < k; j += 1) {
      const text = String(counts[i * k + j] ?? 0);
      if (cells[i][j].textContent !== text) cells[i][j].textContent = text;
    }
  }
}

/**
 * Binds the two tables.
 * @param {object} deps
 * @param {Document} deps.doc
 * @param {object} deps.view the ClassifierView (classes, confusion)
 * @returns {{ update: () => void }} update: refresh now if due, else soon
 */
export function createMetrics({ doc, view }) {
  const tables = [[doc.getElementById('confusion-train'), true], [doc.getElementById('confusion-test'), false]];
  // A regression has no classes: its confusion block is hidden (K = 0).
  const block = [doc.getElementById('confusion'), doc.querySelector('.confusion-label')];
  let cells = null;
  let last = -Infinity;
  let pending = null;
  const refresh = () => {
    pending = null;
    last = performance.now();
    const k = view.classes();
    block.forEach((el) => { el.hidden = k === 0; });
    if (cells === null || cells[0].length !== k) cells = tables.map(([table]) => buildTable(table, k));
    if (k > 0) tables.forEach(([, train], i) => fill(cells[i], view.confusion(train)));
  };
  const update = () => {
    const wait = INTERVAL_MS - (performance.now() - last);
    if (wait <= 0) refresh();
    else if (pending === null) pending = setTimeout(refresh, wait);
  };
  return { update };
}
