// The shipped copy of the page, dist/. The ES modules of www/ and the
// wasm-bindgen glue bundled and minified by esbuild into www/pkg/playground.js,
// with code splitting: what www/app/lazy-views.js imports with import() (the lesson
// tabs' JS and the mlp_lessons glue) becomes www/pkg/lazy-views.js (plus any
// chunk-*.js of code both share), fetched only when a lesson view is needed. All of
// it sits next to the two .wasm files, so each glue's new URL('…_bg.wasm',
// import.meta.url) still finds its own. The CSS minified, the HTML (index.html with
// its views' fragments included) without indentation and comments, and the .wasm
// files as built. scripts/build.sh writes it after the wasm build; `npm start`
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
import { withPolicy } from './csp.mjs';
import { assemblePage } from './page.mjs';
import { DIGITS_BIN } from './digits-data.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STYLE = 'www/style.css';
/** The bundle, beside the .wasm (the glue finds the .wasm relative to itself). */
export const BUNDLE = 'www/pkg/playground.js';
/** The lesson views' wasm (scripts/build.sh), fetched by the lazily loaded chunk. */
export const LESSONS_WASM = 'www/pkg/mlp_lessons_bg.wasm';
/** What the page imports with import() (app/lazy-views.js): an entry of its own, so a stable name. */
const LAZY = 'www/app/lazy-views-build.js';
/** Its bundle in dist/. */
export const LESSONS_BUNDLE = 'www/pkg/lazy-views.js';
/**
 * The Digits view's training worker: an entry of its own, bundled as www/pkg/worker.js,
 * which is where the Digits bundle's new URL('./worker.js', import.meta.url) points.
 */
const WORKER = 'www/digits/worker.js';
/** Where dist/ holds the worker's bundle. */
export const WORKER_BUNDLE = 'www/pkg/worker.js';

/** The chunks a bundle imports statically (esbuild's minified `from"./chunk-….js"`), as dist/ paths. */
export function staticChunks(code) {
  const dir = path.posix.dirname(BUNDLE);
  return [...code.matchAll(/(?:from|import)\s*"\.\/(chunk-[\w-]+\.js)"/g)].map((m) => `${dir}/${m[1]}`);
}

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
 * keeps the .wasm and the chunks the bundle imports statically (code it shares with
 * the lesson views' bundle), so those come at once rather than after the bundle.
 */
export function distHtml(html, chunks = []) {
  const entry = `<script type="module" src="${ENTRY}"></script>`;
  if (!html.includes(entry)) throw new Error(`index.html has no ${entry}.`);
  const links = [`  <link rel="preload" href="${WASM}" as="fetch" type="application/wasm" crossorigin>`,
    ...chunks.map((c) => `  <link rel="modulepreload" href="${c}">`)];
  // The policy again: minifying changes the inline script's text, hence its hash.
  return withPolicy(minifyHtml(withBlock(html, links.join('\n')).replace(entry, `<script type="module" src="${BUNDLE}"></script>`)));
}

/**
 * The page's modules and the glue as minified ES modules (import.meta.url kept):
 * [{ file, data }], the entry BUNDLE first, paths relative to root.
 */
async function bundle(esbuild, root) {
  const result = await esbuild.build({
    entryPoints: { playground: path.join(root, ENTRY), 'lazy-views': path.join(root, LAZY), worker: path.join(root, WORKER) },
    bundle: true, minify: true, format: 'esm',
    splitting: true, outdir: path.join(root, path.dirname(BUNDLE)), entryNames: '[name]', chunkNames: 'chunk-[hash]',
    target: 'es2022', write: false, logLevel: 'silent',
  }).catch((e) => { throw new Error(`could not bundle ${ENTRY}: ${e.message}`); });
  const files = result.outputFiles.map((f) => ({
    file: path.relative(root, f.path).split(path.sep).join('/'), data: Buffer.from(f.contents),
  }));
  if (!files.some((f) => f.file === BUNDLE)) throw new Error(`esbuild wrote no ${BUNDLE}.`);
  return files.sort((a, b) => (a.file === BUNDLE ? -1 : b.file === BUNDLE ? 1 : a.file.localeCompare(b.file)));
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
  const scripts = await bundle(esbuild, root);
  const chunks = staticChunks(scripts[0].data.toString('utf8'));
  // The whole page: the shell with every view's fragment included (scripts/page.mjs).
  put('index.html', Buffer.from(distHtml(assemblePage(root), chunks)));
  put(STYLE, await minifyCss(esbuild, read(STYLE).toString('utf8')));
  for (const { file, data } of scripts) put(file, data);
  put(WASM, read(WASM));
  put(LESSONS_WASM, read(LESSONS_WASM));
  put(DIGITS_BIN, read(DIGITS_BIN));
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
