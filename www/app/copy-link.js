// The Copy link button: the address already holds the whole state (the view,
// every setting, the user's own points, a drawn ψ), so sharing a view is copying
// it. The clipboard needs a secure context (https or loopback); elsewhere the
// link is shown selected in a box, to copy by hand.

/**
 * Wires #copy-link.
 * @param {object} deps
 * @param {Document} deps.doc
 * @param {Window} deps.win
 * @param {() => void} deps.save writes the current state into the address first
 * @param {import('./status.js').Status} deps.status where the outcome is said
 */
export function wireCopyLink({ doc, win, save, status }) {
  const button = doc.getElementById('copy-link');
  button.addEventListener('click', async () => {
    save();
    const link = win.location.href;
    try {
      if (!win.navigator.clipboard) throw new Error('no clipboard in this context');
      await win.navigator.clipboard.writeText(link);
      status.info('Link copied: it opens this view with the settings shown now.');
    } catch {
      showToCopy(doc, link);
      status.info('The browser did not let the page copy; the link is selected in the box below the buttons: copy it with Ctrl+C (⌘C).');
    }
  });
}

/** Shows the link selected in a read-only box after the button. */
function showToCopy(doc, link) {
  let box = doc.getElementById('copy-link-box');
  if (!box) {
    box = doc.createElement('input');
    box.id = 'copy-link-box';
    box.readOnly = true;
    box.setAttribute('aria-label', 'The link to this view');
    doc.getElementById('copy-link').after(box);
  }
  box.value = link;
  box.focus();
  box.select();
}
