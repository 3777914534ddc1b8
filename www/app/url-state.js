// The page's whole state in the address, so a link reproduces a demo exactly: the
// view in the #hash (as before, so /#approx keeps working) and, in the query, the
// lesson and every control's accepted value (?lesson=collapse&activation=identity…).
// The address is rewritten with history.replaceState after every accepted change.
// Loading an address applies it through the controls themselves (the same 'change'
// a user fires), so the core's own checks apply; anything invalid, out of range or
// refused keeps its default and is listed in the status line, never a crash.
// ?hide=… hides chosen controls (hide.js) and is kept in the address.
// ?own=… holds the user's own points when the data are theirs (classify/own-data.js),
// applied after the data controls, whose generated points they replace.
// ?approx-psi=… holds a curve drawn as ψ, and ?approx-trained-units=… the trained
// mode's K while the construction is shown (approx/approx.js): both are applied before
// the controls, so that approx-target=drawn finds the curve and the mode is still trained.

import { applyHideFlags, hideGroups } from './hide.js';
import { LESSONS } from '../lessons/list.js';

/** Controls saved in the address, by id (= query key), in the order they are applied. */
const KEYS = [
  // Classification: the weight seed first, since data and architecture rebuild from it.
  'weight-seed', 'classes', 'dataset', 'points', 'noise', 'train-fraction', 'data-seed', 'activation',
  'output-activation', 'loss', 'reduction',
  // Input features (x1 and x2 last, so that a link never passes through an empty set) and the display switch.
  'feature-x1sq', 'feature-x2sq', 'feature-x1x2', 'feature-sinx1', 'feature-sinx2', 'feature-x1', 'feature-x2', 'discretize',
  'optimizer', 'momentum-beta', 'regularization', 'lambda', 'stop', 'stop-epochs', 'stop-loss',
  'log-scale', 'show-test', 'show-collapse', 'inspector-toggle', 'bp-sample', 'plane-mode', 'new-point-set',
  'approx-weight-seed', 'approx-activation', 'approx-samples', 'approx-noise', 'approx-sample-seed',
    // The mode before K: K is the shown mode's (the construction's K = 7 comes back at 7).
  'approx-target-seed', 'approx-target', 'approx-mode', 'approx-units', 'approx-show-units', 'approx-log-scale',
  'gd-curve-select', 'gd-w0', 'gd-eta',
  'lr-weight-seed', 'lr-eta', 'lr-spread-pos', 'lr-spread-neg', 'lr-seed', 'lr-show-lda',
  'dg-train', 'dg-test', 'dg-seed', 'dg-width', 'dg-activation', 'dg-loss-function', 'dg-epsilon', 'dg-weight-seed', 'dg-eta',
  'dg-optimizer', 'dg-batch', 'dg-log-scale',
];
/** The Training controls: per view, so they are saved for each view (with its name as a prefix). */
const TRAINING = ['eta-number', 'steps-per-frame', 'batch-size'];
/** The address's values kept outside the controls (deps.extras). */
const EXTRAS = ['approx-psi', 'approx-trained-units'];

/**
 * Whether applying the address needs one of `views` built first: it names one (#gd),
 * opens a lesson shown in one, or sets one of their controls to a value other than
 * the one it shows (an address the page saved lists every control; values it would
 * not change need nothing). main.js asks this at boot for the lazily loaded views.
 * @param {{location: Location, doc: Document, lessons: {id: string, view: string}[], views: string[]}} deps
 */
export function addressNeeds({ location, doc, lessons, views }) {
  if (views.includes(location.hash.slice(1))) return true;
  const q = new URLSearchParams(location.search);
  const lesson = lessons.find((l) => l.id === q.get('lesson'));
  if (lesson && views.includes(lesson.view)) return true;
  if (EXTRAS.some((key) => q.has(key))) return true;
  // A lesson view's own η, steps per frame or batch size (saved only when not its defaults).
  if (views.some((v) => TRAINING.some((id) => q.has(`${v}.${id}`)))) return true;
  return KEYS.some((id) => {
    const el = doc.getElementById(id);
    return q.has(id) && el !== null && views.includes(el.closest('[data-view]')?.dataset.view) && q.get(id) !== read(el);
  });
}

/** A control's value as text ("1"/"0" for checkboxes). */
function read(el) {
  return el.type === 'checkbox' ? (el.checked ? '1' : '0') : el.value;
}

/** Why `text` cannot go into `el`, or '' when it can (the core may still refuse it). */
function problem(el, text) {
  if (el.type === 'checkbox') return text === '1' || text === '0' ? '' : 'not 1 or 0';
  if (el.tagName === 'SELECT') return [...el.options].some((o) => o.value === text) ? '' : 'not one of the choices';
  if (el.type === 'number') {
    if (text === '' && el.id === 'batch-size') return '';
    const v = Number(text);
    if (text.trim() === '' || !Number.isFinite(v)) return 'not a number';
    if ((el.min !== '' && v < Number(el.min)) || (el.max !== '' && v > Number(el.max))) return 'out of range';
  }
  return '';
}

/**
 * Wires the address.
 * @param {object} deps
 * @param {Window} deps.win
 * @param {Document} deps.doc
 * @param {{ open: Function, current: () => string }} deps.lessons the lesson menu
 * @param {{ setHidden: (widths: number[]) => boolean,
 *   ownPoints: { code: () => string|null, restore: (text: string) => string } }} deps.classifier
 * @param {() => {key: string, code: () => string|null, restore: (text: string) => string}[]} deps.extras
 *   values kept outside the controls (a drawn ψ, the trained K): each one's text for the address
 *   (null when there is none) and its restore ('' or why not); empty while their view is not built
 * @param {{ values: () => Map<string, object>, applyTo: (name: string, values: object) => string[] }} deps.training
 *   every view's Training values, and an address's values into a view not shown (the ids refused)
 * @param {string[]} deps.views every view's name, in tab order (the prefix of its Training values)
 * @param {() => string|null} deps.view the view shown
 * @param {(name: string) => void} deps.showView shows a view (the tab an address names over its lesson's)
 * @param {{ active: () => boolean, set: (on: boolean) => void }} deps.presentation presentation mode
 *   (app/presentation.js), kept as ?present=1
 * @param {import('./status.js').Status} deps.status
 * @returns {{ restore: () => void, save: () => void }} restore applies the address (at boot);
 *   save writes the current state into it
 */
export function createUrlState({ win, doc, lessons, classifier, extras, training, views, view, showView, status, presentation }) {
  const el = (id) => doc.getElementById(id);
  const save = () => {
    const q = new URLSearchParams();
    if (lessons.current()) q.set('lesson', lessons.current());
    if (hide) q.set('hide', hide);
    if (presentation.active()) q.set('present', '1');
    // A lesson stays open on another tab: the tab shown then wins over the lesson's own.
    const lesson = LESSONS.find((l) => l.id === lessons.current());
    if (lesson && view() && view() !== lesson.view) q.set('view', view());
    q.set('hidden', [...doc.querySelectorAll('#layers input.layer-width')].map((i) => i.value).join(','));
    KEYS.forEach((id) => q.set(id, read(el(id))));
    // Every view's own η, steps per frame and batch size (a view not shown: if not its defaults).
    training.values().forEach((v, name) => {
      [v.eta, v.stepsPerFrame, v.batch].forEach((value, i) => q.set(`${name}.${TRAINING[i]}`, value));
    });
    const own = classifier.ownPoints.code();
    if (own !== null) q.set('own', own);
    extras().forEach(({ key, code }) => {
      const text = code();
      if (text !== null) q.set(key, text);
    });
    const url = `${win.location.pathname}?${q}${win.location.hash}`;
    if (url !== `${win.location.pathname}${win.location.search}${win.location.hash}`) win.history.replaceState(null, '', url);
  };

  const apply = (q, ignored) => {
    const set = (id, text, name = id) => {
      const target = el(id);
      const why = problem(target, text);
      if (why) { ignored.push(`${name}=${text} (${why})`); return; }
      // Unchanged values cost nothing: each change may rebuild a model.
      if (read(target) === text) return;
      if (target.type === 'checkbox') target.checked = text === '1';
      else target.value = text;
      target.dispatchEvent(new Event('change', { bubbles: true }));
      if (read(target) !== text) ignored.push(`${name}=${text} (refused)`);
    };
    const later = new Set(EXTRAS);
    extras().forEach(({ key, restore }) => {
      later.delete(key);
      if (!q.has(key)) return;
      const why = restore(q.get(key));
      if (why) ignored.push(`${key}=${q.get(key).length > 12 ? '…' : q.get(key)} (${why.replace(/\.$/, '')})`);
    });
    later.forEach((key) => { if (q.has(key)) ignored.push(`${key} (its view is not loaded)`); });
    KEYS.forEach((id) => { if (q.has(id)) set(id, q.get(id)); });
    if (q.has('hidden')) {
      const text = q.get('hidden');
      const widths = text === '' ? [] : text.split(',').map(Number);
      const now = [...doc.querySelectorAll('#layers input.layer-width')].map((i) => i.value).join(',');
      if (text !== now && !widths.every((w) => Number.isInteger(w) && w >= 1 && w <= 128) || widths.length > 8
        || !classifier.setHidden(widths)) ignored.push(`hidden=${text} (refused)`);
    }
    TRAINING.forEach((id) => { const key = `${view()}.${id}`; if (q.has(key)) set(id, q.get(key), key); });
    views.filter((name) => name !== view() && TRAINING.some((id) => q.has(`${name}.${id}`))).forEach((name) => {
      const [eta, stepsPerFrame, batch] = TRAINING.map((id) => q.get(`${name}.${id}`) ?? undefined);
      training.applyTo(name, { eta, stepsPerFrame, batch })
        .forEach((id) => ignored.push(`${name}.${id}=${q.get(`${name}.${id}`)} (refused)`));
    });
    if (q.has('own')) {
      const why = classifier.ownPoints.restore(q.get('own'));
      if (why) ignored.push(`own=… (${why.replace(/\.$/, '')})`);
    }
  };

  let hide = '';
  const restore = () => {
    const q = new URLSearchParams(win.location.search);
    const ignored = [];
    if (q.has('hide')) {
      const { hidden, unknown } = applyHideFlags(doc, q.get('hide'));
      hide = hidden.join(',');
      unknown.forEach((name) => ignored.push(`hide=${name} (no such control or group; groups: ${hideGroups(doc).join(', ')})`));
    }
    if (q.has('present')) {
      if (q.get('present') === '1') presentation.set(true);
      else ignored.push(`present=${q.get('present')} (1 presents; leave it out otherwise)`);
    }
    // The tab the address shows (?view=, or the #hash), taken before a lesson opens its own.
    const shown = q.get('view') ?? (win.location.hash.slice(1) || null);
    if (q.has('lesson')) {
      try { lessons.open(q.get('lesson')); } catch { ignored.push(`lesson=${q.get('lesson')} (no such lesson)`); }
    }
    if (shown !== null && shown !== view()) {
      if (views.includes(shown)) showView(shown);
      else ignored.push(`view=${shown} (views: ${views.join(', ')})`);
    }
    const known = new Set(['lesson', 'view', 'hide', 'present', 'hidden', 'own', ...EXTRAS, ...KEYS, ...views.flatMap((v) => TRAINING.map((t) => `${v}.${t}`))]);
    [...q.keys()].filter((k) => !known.has(k)).forEach((k) => ignored.push(`${k} (unknown setting)`));
    apply(q, ignored);
    if (ignored.length > 0) {
      status.error(`The address had values that were ignored, so their defaults are used: ${ignored.join('; ')}.`);
    } else if (lessons.current()) {
      status.info('Lesson and settings restored from the address.');
    } else if (win.location.search) {
      status.clear();
    }
    save();
  };
  doc.addEventListener('change', () => win.setTimeout(save, 0));
  // Drags (w₀ on the curve, a drawn ψ) and keyboard tab switches fire no 'change'.
  ['click', 'pointerup', 'keyup'].forEach((type) => doc.addEventListener(type, () => win.setTimeout(save, 0)));
  return { restore, save };
}
