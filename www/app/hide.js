// URL flags that hide chosen controls (?hide=noise,network,tabs), so a teacher can
// embed or link a reduced demo. Hiding is display only: a hidden control keeps its
// value, the address still sets it, and the model still uses it.

/** The class that hides; separate from [hidden], which the view switcher owns. */
const HIDDEN_CLASS = 'url-hidden';

/**
 * What one name hides: the elements of a group (data-hide="name": a fieldset, the tabs,
 * the lesson menu…) or one control by id with its label and the elements that belong to
 * it (data-hide-with="id", e.g. the η slider beside its box).
 * @param {Document} doc
 * @param {string} name
 * @returns {Element[]} empty when the name is neither a group nor a control
 */
function targets(doc, name) {
  if (!/^[a-z0-9-]+$/.test(name)) return [];
  const group = [...doc.querySelectorAll(`[data-hide="${name}"]`)];
  if (group.length > 0) return group;
  const control = doc.getElementById(name);
  if (!control || !control.matches('input, select, button, textarea')) return [];
  // A box with its own button (the seeds' "New") or inside its label hides as one.
  const box = control.closest('.seed, label') ?? control;
  return [box, ...doc.querySelectorAll(`label[for="${name}"], [data-hide-with="${name}"]`)];
}

/**
 * Hides every control the comma-separated `text` names.
 * @param {Document} doc
 * @param {string} text e.g. "noise,network,tabs"
 * @returns {{ hidden: string[], unknown: string[] }} the names applied and the names that
 *   match nothing (for the status line), each in the order given
 */
export function applyHideFlags(doc, text) {
  const names = text.split(',').map((n) => n.trim()).filter((n) => n !== '');
  const hidden = [];
  const unknown = [];
  for (const name of names) {
    const found = targets(doc, name);
    if (found.length === 0) { unknown.push(name); continue; }
    found.forEach((el) => el.classList.add(HIDDEN_CLASS));
    hidden.push(name);
  }
  return { hidden, unknown };
}

/**
 * The groups a link may hide, for the page's help text and the tests.
 * @param {Document} doc
 * @returns {string[]}
 */
export function hideGroups(doc) {
  return [...new Set([...doc.querySelectorAll('[data-hide]')].map((el) => el.dataset.hide))];
}
