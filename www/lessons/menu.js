// The Lessons menu (#lesson) and the panel that explains the chosen lesson. Choosing
// a lesson runs its setup through the page's own controls (see list.js); the
// panel then shows its sentences and its action buttons, on the lesson's view only
// (it hides with that view, so its buttons never act on a view not shown).
//
// The keyboard browses the menu without launching anything: on a closed <select>
// the arrow keys change its value and fire 'change' at every press, so a 'change'
// that follows a key is only a look at the next title; Enter, or the Start button
// (#lesson-start), opens the lesson shown. A choice made with the pointer (the
// menu's list) opens at once.

/**
 * Sets a control as a user would and fires its 'change', so the control's own
 * wiring (commit, revert, notices) applies. Checkboxes take booleans.
 */
function setControl(doc, id, value) {
  const el = doc.getElementById(id);
  if (!el) throw new Error(`The page has no control #${id}.`);
  if (el.type === 'checkbox') el.checked = Boolean(value);
  else el.value = String(value);
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * The context a lesson's setup acts through.
 * @returns {import('./list.js').LessonContext}
 */
function lessonContext({ doc, showView, loop, classifier }) {
  return {
    show: showView,
    set: (id, value) => setControl(doc, id, value),
    click: (id) => doc.getElementById(id).click(),
    setHidden: (widths) => classifier.setHidden(widths),
    inspectorStep: (k) => classifier.inspector.setStep(k),
    play: (playing) => (playing ? loop.setPlaying(!loop.stopIfDiverged()) : loop.setPlaying(false)),
  };
}

/** One action button of the panel, its tooltip in the lecture's notation. */
function actionButton(doc, action, ctx, after) {
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = action.label;
  button.title = action.title;
  button.addEventListener('click', () => {
    action.run(ctx);
    after();
  });
  return button;
}

/**
 * Wires the menu and the panel.
 * @param {object} deps
 * @param {Document} deps.doc
 * @param {import('./list.js').Lesson[]} deps.lessons
 * @param {(view: string) => void} deps.showView
 * @param {import('../app/loop.js').Loop} deps.loop
 * @param {{ setHidden: (widths: number[]) => boolean, inspector: {setStep: (k: number) => void} }} deps.classifier
 * @param {import('../app/status.js').Status} deps.status
 * @param {(view: string) => Promise<boolean>|null} [deps.prepare] for a view whose code is not
 *   loaded yet: shows it and resolves once it is active (true) or could not be loaded (false);
 *   null when the view is ready
 * @param {() => void} [deps.onChange] called after a lesson was opened or closed (the address)
 * @returns {{ open: (id: string) => (void|Promise<void>), close: () => void, current: () => string }}
 *   open throws an Error with a user sentence for an unknown lesson; it returns a Promise when
 *   the lesson's view had to be loaded first (the lesson is set up once it is)
 */
export function createLessonMenu({
  doc, lessons, showView, loop, classifier, status, prepare = () => null, onChange = () => {},
}) {
  const el = (id) => doc.getElementById(id);
  const select = el('lesson');
  const panel = el('lesson-panel');
  const ctx = lessonContext({ doc, showView, loop, classifier });
  lessons.forEach((lesson) => select.add(new Option(lesson.title, lesson.id)));
  let current = '';
  // A lesson's text may state the controls' values: written again after every change of one.
  const writeText = () => {
    const lesson = lessons.find((l) => l.id === current);
    if (!lesson) return;
    const { text } = lesson;
    el('lesson-text').textContent = typeof text === 'function' ? text((id) => el(id).value) : text;
  };
  doc.addEventListener('change', writeText);

  const again = { label: 'Set up again', title: 'Put every parameter of this lesson back to its starting value.' };
  const open = (id) => {
    const lesson = lessons.find((l) => l.id === id);
    if (!lesson) throw new Error(`There is no lesson "${id}".`);
    const waiting = prepare(lesson.view);
    if (!waiting) return setUp(lesson);
    return waiting.then((ok) => {
      if (ok) setUp(lesson);
      else select.value = current; // the status line already says why the view could not be loaded
    });
  };
  const setUp = (lesson) => {
    const { id } = lesson;
    lesson.setup(ctx);
    current = id;
    select.value = id;
    el('lesson-title').textContent = lesson.title;
    writeText();
    const actions = [{ ...again, run: () => open(id) }, ...(lesson.actions ?? [])];
    el('lesson-actions').replaceChildren(...actions.map((a) => actionButton(doc, a, ctx, onChange)));
    panel.dataset.view = lesson.view;
    panel.hidden = false;
    offerStart();
    // The setup's own notices ("model rebuilt", …) were for single edits; one sentence says it all.
    if (!status.showingDivergence()) status.info(`Lesson “${lesson.title}”: every parameter is set; change any of them.`);
    loop.changed();
    onChange();
  };
  const close = () => {
    current = '';
    select.value = '';
    delete panel.dataset.view;
    panel.hidden = true;
    offerStart();
    onChange();
  };
  const start = el('lesson-start');
  // Start is offered while the menu shows a lesson other than the one open.
  const offerStart = () => {
    start.disabled = select.value === '' || select.value === current;
    start.classList.toggle('primary', !start.disabled);
  };
  const commit = () => {
    keyed = false;
    const result = select.value ? open(select.value) : close();
    offerStart();
    return result;
  };
  // Whether the next 'change' comes from a key (browsing) rather than from a choice.
  let keyed = false;
  const OPENS_LIST = new Set([' ', 'F4']);
  select.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key !== 'Tab' && !OPENS_LIST.has(event.key) && !event.altKey) {
      keyed = true;
    }
  });
  select.addEventListener('pointerdown', () => { keyed = false; });
  select.addEventListener('change', () => {
    if (!keyed) return commit();
    keyed = false;
    offerStart();
    return undefined;
  });
  // Leaving the menu without opening what it shows puts back the lesson that is open,
  // unless the focus goes to Start: the menu never names a lesson that is not set up.
  select.addEventListener('blur', (event) => {
    if (event.relatedTarget === start) return;
    select.value = current;
    offerStart();
  });
  start.addEventListener('click', commit);
  el('lesson-close').addEventListener('click', close);
  return { open, close, current: () => current };
}
