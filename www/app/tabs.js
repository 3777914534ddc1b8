// The view switcher: one tab per view (#view-NAME) above the page. Every element
// marked data-view="NAME" belongs to that view and is hidden while another view is
// shown. The views keep their state (their handle, their controls' values) while
// hidden; only the loop's active adapter changes (see main.js).
//
// Keyboard: the tabs follow the ARIA tabs pattern (only the selected tab is in the
// Tab order; arrow keys, Home and End move between tabs and select them).
// The address's #hash names the view, so a teacher can bookmark /#approx.

/**
 * Wires the tabs.
 * @param {object} deps
 * @param {Document} deps.doc
 * @param {string[]} deps.names the views, in tab order; the first is the default
 * @param {(name: string) => void} deps.onSwitch called after the view's elements are shown
 * @returns {{ show: (name: string) => void, current: () => string|null, fromAddress: () => string }}
 *   show throws an Error with a user sentence for an unknown name
 */
export function createViewSwitcher({ doc, names, onSwitch }) {
  const tabs = names.map((name) => doc.getElementById(`view-${name}`));
  const win = doc.defaultView;
  let current = null;

  const show = (name) => {
    const index = names.indexOf(name);
    if (index < 0 || tabs[index].disabled) {
      throw new Error(`There is no view "${name}": choose ${names.join(' or ')}.`);
    }
    if (name === current) return;
    names.forEach((other, i) => {
      const on = other === name;
      tabs[i].setAttribute('aria-selected', String(on));
      tabs[i].tabIndex = on ? 0 : -1;
      doc.querySelectorAll(`[data-view="${other}"]`).forEach((el) => { el.hidden = !on; });
    });
    current = name;
    doc.title = `MLP playground — ${tabs[index].textContent.trim().toLowerCase()}`;
    const hash = index === 0 ? '' : `#${name}`;
    if (win.location.hash !== hash) {
      win.history.replaceState(null, '', `${win.location.pathname}${win.location.search}${hash}`);
    }
    onSwitch(name);
  };

  const enabled = () => names.filter((_, i) => !tabs[i].disabled);
  const move = (from, key) => {
    const list = enabled();
    const at = list.indexOf(from);
    if (key === 'Home') return list[0];
    if (key === 'End') return list[list.length - 1];
    const step = key === 'ArrowRight' ? 1 : key === 'ArrowLeft' ? -1 : 0;
    return step === 0 ? null : list[(at + step + list.length) % list.length];
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => show(names[i]));
    tab.addEventListener('keydown', (event) => {
      const next = move(names[i], event.key);
      if (!next) return;
      event.preventDefault();
      show(next);
      tabs[names.indexOf(next)].focus();
    });
  });

  /** The view the address names (#approx), or the first one. */
  const fromAddress = () => {
    const name = win.location.hash.slice(1);
    return enabled().includes(name) ? name : names[0];
  };
  win.addEventListener('hashchange', () => show(fromAddress()));
  return { show, current: () => current, fromAddress };
}
