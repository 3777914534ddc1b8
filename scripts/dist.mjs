// The shipped copy of the page, dist/: four files. The ES modules of www/ and
// the wasm-bindgen glue bundled and minified by esbuild into www/pkg/playground.js
// (next to the .wasm, so the glue's new URL('…_bg.wasm', import.meta.url) still
// finds it), the CSS minified, the HTML without indentation and comments, and
// the .wasm as built. scripts/build.sh writes it after the wasm build; `npm start`
// and the benchmark's size and first-frame figures use it. The top level stays
// the development copy: readable modules, served as they are.
//
//   node scripts/dist.mjs          writes dist/ (replacing it)
//
// Why bundle (measured, scripts/serve.mjs on 127.0.0.1, Chromium 156): with every
// module preloaded, the 31 requests still go out at most 6 at a time (HTTP/1.1)
// and the last module arrived ~200 ms after the HTML; first frame 312 ms median.
// One script instead of 29 removes that queue, and gzips better as one stream.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ENTRY, WASM, withBlock } from './preload.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STYLE = 'www/style.css';
/** The bundle, beside the .wasm (the glue finds the .wasm relative to itself). */
export const BUNDLE = 'www/pkg/playground.js';

/**
 * index.html without comments and without each line's indentation. Line breaks
 * stay (so inline text keeps its spaces), and the page has no <pre> or
 * <textarea> whose whitespace would matter: it refuses one rather than break it.
 */
export function minifyHtml(html) {
  if (/<(pre|textarea)[\s>]/i.test(html)) throw new Error('index.html has a <pre> or <textarea>: teach minifyHtml to keep its whitespace.');
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n') + '\n';
}

/**
 * index.html for dist/: the entry <script> loads the bundle, and the preload block
 * keeps only the .wasm (the bundle holds every module).
 */
export function distHtml(html) {
  const entry = `<script type="module" src="${ENTRY}"></script>`;
  if (!html.includes(entry)) throw new Error(`index.html has no ${entry}.`);
  const wasm = `  <link rel="preload" href="${WASM}" as="fetch" type="application/wasm" crossorigin>`;
  return minifyHtml(withBlock(html, wasm).replace(entry, `<script type="module" src="${BUNDLE}"></script>`));
}

/** The page's modules and the glue as one minified ES module (import.meta.url kept). */
async function bundle(esbuild, root) {
  const result = await esbuild.build({
    entryPoints: [path.join(root, ENTRY)], bundle: true, minify: true, format: 'esm',
    target: 'es2022', write: false, logLevel: 'silent',
  }).catch((e) => { throw new Error(`could not bundle ${ENTRY}: ${e.message}`); });
  return Buffer.from(result.outputFiles[0].contents);
}

/** The stylesheet minified (every current browser). */
async function minifyCss(esbuild, source) {
  const { code } = await esbuild.transform(source, {
    loader: 'css', minify: true, target: ['chrome110', 'firefox110', 'safari16'],
  }).catch((e) => { throw new Error(`could not minify ${STYLE}: ${e.message}`); });
  return Buffer.from(code);
}

/** Writes dist/ from the build in root; returns [{ file, raw, gzip }] of what it wrote. */
export async function writeDist(root = REPO_ROOT, out = path.join(root, 'dist')) {
  const esbuild = await import('esbuild').catch(() => {
    throw new Error("the npm package esbuild is missing: run 'bash scripts/setup.sh build' (npm ci) first.");
  });
  fs.rmSync(out, { recursive: true, force: true });
  const written = [];
  const put = (file, data) => {
    fs.mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
    fs.writeFileSync(path.join(out, file), data);
    written.push({ file, raw: data.length, gzip: zlib.gzipSync(data, { level: 9 }).length });
  };
  const read = (file) => fs.readFileSync(path.join(root, file));
  put('index.html', Buffer.from(distHtml(read('index.html').toString('utf8'))));
  put(STYLE, await minifyCss(esbuild, read(STYLE).toString('utf8')));
  put(BUNDLE, await bundle(esbuild, root));
  put(WASM, read(WASM));
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    const rows = await writeDist();
    const kb = (n) => (n / 1024).toFixed(1);
    const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
    console.log(`dist: ${rows.length} files, ${kb(total.raw)} KB raw, ${kb(total.gzip)} KB gzipped (zlib level 9)`);
  } catch (e) {
    console.error(`dist: ${e.message}`);
    process.exit(1);
  }
}
