// The page's HTML, assembled: index.html is the shell (head, header, the layout's
// columns and each view's tab panels), and each view's markup lives beside its JS,
// in a fragment the shell names with a marker on a line of its own:
//
//   <!-- include www/digits/controls.html -->
//
// The marker's line becomes the fragment, each of its lines indented as the marker
// was, so a fragment is written from column 0 and the assembled page reads as one
// hand-written file. Paths are relative to the folder of index.html.
//
//   import { assemblePage } from './page.mjs'   scripts/serve.mjs (the development
//                                               page), dist.mjs, preload.mjs and the
//                                               tests read the page through it
//
// Why: one file of ~800 lines is past the repository's 400-line rule, and a view's
// markup is easier to find next to the JS that drives it. Why not a template engine:
// one kind of marker is all the page needs, and the browser must get exactly the
// text written (the policy pins the inline script by its hash; scripts/csp.mjs).
// Fragments do not include others: one level keeps every piece of markup one
// marker away from the shell.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The shell, relative to the page's root. */
export const SHELL = 'index.html';
/** A marker: alone on its line (indentation kept), the fragment's path relative to the root. */
const MARKER = /^([ \t]*)<!-- include (\S+) -->[ \t]*$/;
/** Anything that looks like a marker, to refuse a malformed one rather than leave it in the page. */
const LOOKS_LIKE = /<!--\s*include\b/;

/**
 * The include markers of `html`, in order: [{ line, indent, file, marker }], `line`
 * 1-based. Fails with a sentence naming `name` and the line if a marker is not
 * alone on its line or is malformed.
 */
export function includeMarkers(html, name = SHELL) {
  const found = [];
  html.split('\n').forEach((text, i) => {
    if (!LOOKS_LIKE.test(text)) return;
    const m = text.match(MARKER);
    if (!m) throw new Error(`${name} line ${i + 1}: "${text.trim()}" is not an include marker; write it alone on its line as <!-- include path/to/fragment.html -->.`);
    found.push({ line: i + 1, indent: m[1], file: m[2], marker: text.trim() });
  });
  return found;
}

/** Whether `html` includes fragments (the development shell) or is a whole page already (dist/index.html). */
export function hasIncludes(html) {
  return html.split('\n').some((text) => LOOKS_LIKE.test(text));
}

/**
 * The page `html` (the text of `name` in `root`) with each include marker replaced by
 * its fragment, read from `root` and indented as the marker. Fails with a sentence
 * naming the file, the line and the marker if a fragment is missing, lies outside
 * `root`, or itself includes one.
 */
export function assemble(html, root = REPO_ROOT, name = SHELL) {
  const lines = html.split('\n');
  for (const { line, indent, file, marker } of includeMarkers(html, name).reverse()) {
    const where = `${name} line ${line}: ${marker}`;
    const abs = path.resolve(root, file);
    if (path.isAbsolute(file) || !abs.startsWith(path.resolve(root) + path.sep)) {
      throw new Error(`${where} names ${file}, which is not a path inside the page's folder.`);
    }
    if (!fs.existsSync(abs) || !fs.statSync(abs).isFile()) throw new Error(`${where} names ${file}, which does not exist.`);
    const fragment = fs.readFileSync(abs, 'utf8');
    if (hasIncludes(fragment)) throw new Error(`${where}: ${file} includes a fragment itself; fragments are one level deep, so move its marker into ${name}.`);
    // Blank lines stay blank: indenting them would only add trailing spaces.
    const body = fragment.replace(/\n$/, '').split('\n').map((text) => (text === '' ? '' : indent + text));
    lines.splice(line - 1, 1, ...body);
  }
  return lines.join('\n');
}

/**
 * The page as the browser is to receive it: `root`'s index.html with its fragments
 * included, or as it is when it has no markers (dist/, assembled by scripts/dist.mjs).
 */
export function assemblePage(root = REPO_ROOT) {
  const html = fs.readFileSync(path.join(root, SHELL), 'utf8');
  return hasIncludes(html) ? assemble(html, root) : html;
}
