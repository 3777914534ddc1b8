// The limits the controls show (the range of η, of the number of points, the most
// hidden layers) are the core's own, read from its limits() at boot rather than
// typed again in the page's HTML (index.html and the views' fragments), so the page
// cannot quote a bound the core does not enforce. The HTML marks where a limit goes:
// data-limit-min / data-limit-max name the limit an input's min / max attribute
// takes, and a title marked data-limits writes {name} where the limit's value goes.

import { formatLimit } from './format.js';

/**
 * The value of one limit, or an Error naming it when the core has no such limit
 * (a typo in the page's HTML must not show as "undefined").
 * @param {Record<string, number>} limits
 * @param {string} name
 * @returns {number}
 */
function limitOf(limits, name) {
  const value = limits[name];
  if (!Number.isFinite(value)) throw new Error(`the page's HTML names a limit "${name}" that the core's limits() does not have.`);
  return value;
}

/**
 * Writes the core's limits into the page: the min and max of the marked inputs and
 * the {name} places of the marked tooltips. Runs once, before anything reads a
 * control's range (the address reader refuses a value outside it).
 * @param {Document} doc
 * @param {Record<string, number>} limits the parsed `limits()` of the wasm core
 */
export function applyLimits(doc, limits) {
  for (const el of doc.querySelectorAll('[data-limit-min]')) el.min = String(limitOf(limits, el.dataset.limitMin));
  for (const el of doc.querySelectorAll('[data-limit-max]')) el.max = String(limitOf(limits, el.dataset.limitMax));
  for (const el of doc.querySelectorAll('[data-limits]')) {
    el.title = el.title.replace(/\{(\w+)\}/g, (_, name) => formatLimit(limitOf(limits, name)));
  }
}
