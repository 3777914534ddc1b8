// Range sliders that mirror a number box (data-slider-for="<box id>"): dragging sets
// the box and fires its 'change', so the box stays the one place a value is checked,
// committed and saved in the address; whatever the box ends up holding (a refused
// value reverts it) is shown back on the slider.

/**
 * Wires every slider of the page to its box.
 * @param {Document} doc
 */
export function wireSliders(doc) {
  for (const slider of doc.querySelectorAll('input[type="range"][data-slider-for]')) {
    const box = doc.getElementById(slider.dataset.sliderFor);
    const show = () => { slider.value = box.value; };
    slider.addEventListener('input', () => {
      if (box.value === slider.value) return;
      box.value = slider.value;
      box.dispatchEvent(new Event('change', { bubbles: true }));
      // The box's own handlers may refuse and revert it: follow what it holds.
      show();
    });
    // Typed values and values from the address arrive as the box's 'change'.
    box.addEventListener('change', () => doc.defaultView.setTimeout(show, 0));
    show();
  }
}
