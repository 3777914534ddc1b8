// Part (c) of the benchmark: the download size of the page, file by file, raw
// and gzipped (zlib level 9, roughly what a static host serves), grouped by when
// the page fetches each file (load-phases.mjs).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { assemblePage } from '../../scripts/page.mjs';

/** Files of `dir` (relative to root) whose names match `re`, sorted. */
function filesIn(root, dir, re) {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return [];
  return fs
    .readdirSync(abs, { recursive: true })
    .map((f) => path.posix.join(dir, String(f).split(path.sep).join('/')))
    .filter((f) => re.test(f) && fs.statSync(path.join(root, f)).isFile())
    .sort();
}

/**
 * The files the page may load: index.html, the .js files of www/ and its folders, www/style.css, the wasm-bindgen
 * glue and bundles (www/pkg/*.js, plus snippets/ if any) and the .wasm files.
 */
export function pageFiles(root) {
  return [
    'index.html',
    ...filesIn(root, 'www', /^www\/(?!pkg\/).+\.(js|css)$/),
    ...filesIn(root, 'www/pkg', /^www\/pkg\/([^/]+|snippets\/.+)\.js$/),
    ...filesIn(root, 'www/pkg', /^www\/pkg\/[^/]+\.wasm$/),
  ];
}

/** [{ file, raw, gzip }] plus a total row, in bytes. */
export function sizes(root, files) {
  const rows = files.map((file) => {
    // index.html as served: at the top level, the shell with its fragments (scripts/page.mjs).
    const data = file === 'index.html' ? Buffer.from(assemblePage(root), 'utf8') : fs.readFileSync(path.join(root, file));
    return { file, raw: data.length, gzip: zlib.gzipSync(data, { level: 9 }).length };
  });
  const total = rows.reduce((t, r) => ({ file: 'total', raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), {
    file: 'total',
    raw: 0,
    gzip: 0,
  });
  return { files: rows, total };
}

/** The phases of a page load, in order, with their labels in the size table. */
export const PHASES = [
  ['first_frame', 'loaded before the first frame'],
  ['after_first_frame', 'loaded after the first frame, no tab opened'],
  ['lesson_tab', 'loaded when a lesson tab is first opened'],
];

/**
 * Sizes per phase of what the page fetched (load-phases.mjs), their total, and the
 * page's files it never fetched in either (`pageFiles`; nothing is left out unseen).
 * @param {string} root the served root
 * @param {Record<string, string[]>} phases files per phase key of PHASES
 * @returns {{first_frame: object, after_first_frame: object, lesson_tab: object,
 *   total: {file: string, raw: number, gzip: number}, never_fetched: object}} each phase as `sizes` returns it
 */
export function phaseSizes(root, phases) {
  const out = {};
  const seen = new Set();
  for (const [key] of PHASES) {
    out[key] = sizes(root, phases[key].filter((f) => !seen.has(f)));
    phases[key].forEach((f) => seen.add(f));
  }
  const total = PHASES.reduce((t, [key]) => ({ raw: t.raw + out[key].total.raw, gzip: t.gzip + out[key].total.gzip }),
    { raw: 0, gzip: 0 });
  out.total = { file: 'total fetched', ...total };
  out.never_fetched = sizes(root, pageFiles(root).filter((f) => !seen.has(f)));
  return out;
}
