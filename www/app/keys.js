// Keyboard shortcuts for the Training buttons: Space plays or pauses, → takes
// one step, R resets; and P enters or leaves presentation mode. They click the buttons themselves, so a shortcut does
// exactly what the button does in the active view. Keys typed into a control
// (a number box, a select, a tab, the GD curve's arrow keys) are left alone.

/** Elements whose own keyboard handling must win over the shortcuts. */
const OWN_KEYS = 'input, select, textarea, button, a, canvas, [contenteditable], [role="tab"]';

/**
 * Wires Space, → and R to the Play, Step and Reset buttons, and P to Present.
 * @param {Document} doc
 * @param {{play: HTMLElement, step: HTMLElement, reset: HTMLElement, present: HTMLElement}} buttons
 */
export function wireKeys(doc, { play, step, reset, present }) {
  const byKey = { ' ': play, ArrowRight: step, r: reset, R: reset, p: present, P: present };
  doc.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
    const target = event.target instanceof Element ? event.target : null;
    if (target && target.closest(OWN_KEYS)) return;
    const button = byKey[event.key];
    if (!button || button.disabled) return;
    event.preventDefault(); // Space would scroll the page
    button.click();
  });
}
