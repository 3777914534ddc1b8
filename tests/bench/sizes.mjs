// Part (c) of the benchmark: the download size of the page, file by file, raw
// and gzipped (zlib level 9, roughly what a static host serves).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

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
 * The files the page loads: index.html, www/*.js, www/*.css, the wasm-bindgen
 * glue (www/pkg/*.js, plus snippets/ if any) and the .wasm. `alsoLoaded` adds
 * the paths the browser actually fetched, in case the page grows a new kind of file.
 */
export function pageFiles(root, alsoLoaded = []) {
  const files = new Set([
    'index.html',
    ...filesIn(root, 'www', /^www\/[^/]+\.(js|css)$/),
    ...filesIn(root, 'www/pkg', /^www\/pkg\/([^/]+|snippets\/.+)\.js$/),
    ...filesIn(root, 'www/pkg', /^www\/pkg\/[^/]+\.wasm$/),
  ]);
  for (const p of alsoLoaded) {
    const rel = p.replace(/^\//, '') || 'index.html';
    if (fs.existsSync(path.join(root, rel)) && fs.statSync(path.join(root, rel)).isFile()) files.add(rel);
  }
  return [...files];
}

/** [{ file, raw, gzip }] plus a total row, in bytes. */
export function sizes(root, files) {
  const rows = files.map((file) => {
    const data = fs.readFileSync(path.join(root, file));
    return { file, raw: data.length, gzip: zlib.gzipSync(data, { level: 9 }).length };
  });
  const total = rows.reduce((t, r) => ({ file: 'total', raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), {
    file: 'total',
    raw: 0,
    gzip: 0,
  });
  return { files: rows, total };
}
