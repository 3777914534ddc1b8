// Page load: index.html announces every module of the page, so the
// browser fetches them at once instead of one level of imports at a time; the
// other tabs' views are loaded and built only when first needed, and the page
// behaves as if they had been there from the start; dist/, the bundled and
// minified copy the build ships, is the same page (tests/e2e/lazy-lessons.test.mjs
// checks what it fetches when).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import zlib from 'node:zlib';
import { BUNDLE, LESSONS_BUNDLE, LESSONS_WASM, WORKER_BUNDLE, distHtml, minifyHtml, staticChunks } from '../../scripts/dist.mjs';
import { ENTRY, WASM, moduleGraph, staticImports, syncIndex } from '../../scripts/preload.mjs';
import { DIGITS_BIN } from '../../scripts/digits-data.mjs';
import { assemblePage } from '../../scripts/page.mjs';
import { REPO, WAIT, startPlayground } from './helpers.mjs';

const DIST = path.join(REPO, 'dist');

/** The hrefs of index.html's modulepreload and preload links (in the page as served: the shell with its fragments). */
function preloaded() {
  const html = assemblePage(REPO);
  return [...html.matchAll(/<link rel="(?:modulepreload|preload)" href="([^"]+)"/g)].map((m) => m[1]);
}

describe('the modulepreload list', () => {
  test('reads static imports and skips dynamic ones and comments', () => {
    const source = [
      "import init, * as wasm from './pkg/a.js';",
      "import {\n  b,\n  c,\n} from './b.js';",
      "export { d } from '../d.js';",
      "import './side-effect.js';",
      "// import { no } from './commented.js';",
      "/** @param {import('./typedef.js').T} t */",
      "const later = import('./dynamic.js');",
      "import { readFile } from 'node:fs';",
    ].join('\n');
    assert.deepEqual(staticImports(source), ['./pkg/a.js', './b.js', '../d.js', './side-effect.js']);
  });

  test('index.html lists exactly the modules www/main.js imports, and the wasm', () => {
    const graph = moduleGraph(REPO);
    assert.ok(graph.includes('www/pkg/mlp_playground.js') && graph.includes('www/app/lazy-views.js'),
      `the import graph misses known modules: ${graph.join(', ')}`);
    assert.deepEqual(preloaded().sort(), [...graph.filter((m) => m !== ENTRY), WASM].sort());
    assert.ok(syncIndex({ root: REPO }), 'index.html is out of date: run node scripts/preload.mjs --write');
  });
});

describe('the page load', () => {
  let playground;
  before(async () => { playground = await startPlayground(); });
  after(async () => { await playground?.close(); });

  test('every script and the wasm come from the preload list, none unused', async () => {
    const { page, errors, close } = await playground.openPage();
    try {
      const warnings = [];
      page.on('console', (m) => m.type() === 'warning' && /preload/i.test(m.text()) && warnings.push(m.text()));
      const fetched = await page.evaluate(() => performance.getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname.slice(1)).filter((p) => /\.(js|wasm)$/.test(p)));
      const listed = new Set(preloaded());
      assert.deepEqual(fetched.filter((p) => p !== ENTRY && !listed.has(p)), [], 'fetched without a preload');
      assert.deepEqual([...listed].filter((p) => !fetched.includes(p)), [], 'preloaded but never fetched');
      // Chromium warns when a preload's credentials mode does not match the fetch (the wasm fetched twice).
      await page.waitForTimeout(100);
      assert.deepEqual(warnings, []);
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });

  test('the other views, once loaded, keep their settings apart', async () => {
    const { page, errors, close } = await playground.openPage();
    try {
      await page.evaluate(() => window.playground.lessonHandles());
      // Logistic, pushed last, has η = 0.1: the Training controls must still describe the classifier.
      assert.equal(await page.inputValue('#eta-number'), '0.03');
      await page.click('#view-gd');
      await page.click('#step');
      await page.waitForFunction(() => document.getElementById('gd-iteration').textContent === '1', null, WAIT);
      await page.click('#view-logistic');
      assert.equal(await page.inputValue('#eta-number'), '0.1');
      await page.waitForFunction(() => document.querySelectorAll('#lr-table tbody tr').length === 5, null, WAIT);
      await page.click('#view-classify');
      assert.equal(await page.inputValue('#eta-number'), '0.03');
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });

  test('they do not exist at the first frame, and an edit made before they do is applied when they are built', async () => {
    const { page, errors, close } = await playground.openPage('', () => {
      // Runs in the page: at the first-frame mark, edit a control of the hidden
      // gradient-descent view (as a lesson's setup or the address may).
      const mark = performance.mark.bind(performance);
      performance.mark = (name, ...rest) => {
        if (name === 'mlp:first-frame') {
          window.__builtAtFirstFrame = window.playground.lessonViewsBuilt;
          const box = document.getElementById('gd-eta');
          box.value = '0.2';
          box.dispatchEvent(new Event('change', { bubbles: true }));
          window.__builtByEdit = window.playground.lessonViewsBuilt;
        }
        return mark(name, ...rest);
      };
    });
    try {
      await page.waitForFunction(() => window.__builtByEdit !== undefined, null, WAIT);
      assert.equal(await page.evaluate(() => window.__builtAtFirstFrame), false, 'built before the first frame');
      // The edit alone loads nothing (a classifier edit must not fetch the lessons either).
      assert.equal(await page.evaluate(() => window.__builtByEdit), false, 'the edit built them');
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate(() => window.playground.lessonViewsBuilt), false, 'built without being needed');
      // Showing the tab builds them, and pushLate sends the edited value into the new handle.
      await page.click('#view-gd');
      await page.waitForFunction(() => window.playground.lessonViewsBuilt, null, WAIT);
      assert.equal(JSON.parse(await page.evaluate(async () => (await window.playground.lessonHandles()).gd.settings_json())).eta, 0.2);
      assert.equal(await page.inputValue('#gd-eta'), '0.2');
      await page.click('#view-classify');
      assert.equal(await page.inputValue('#eta-number'), '0.03');
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });
});

describe('dist/, the shipped copy', () => {
  let shipped;
  before(async () => { shipped = await startPlayground({ root: DIST }); });
  after(async () => { await shipped?.close(); });

  test('holds the HTML, the CSS, the page script, the lessons script and the Digits training worker (and their shared chunks), both wasm, the digits', () => {
    const files = fs.readdirSync(DIST, { recursive: true }).map(String).map((f) => f.split(path.sep).join('/'))
      .filter((f) => fs.statSync(path.join(DIST, f)).isFile()).sort();
    const chunks = files.filter((f) => /^www\/pkg\/chunk-[\w-]+\.js$/.test(f));
    assert.deepEqual(files, ['index.html', BUNDLE, LESSONS_BUNDLE, WORKER_BUNDLE, WASM, LESSONS_WASM, DIGITS_BIN, 'www/style.css', ...chunks].sort());
    assert.deepEqual(fs.readFileSync(path.join(DIST, LESSONS_WASM)), fs.readFileSync(path.join(REPO, LESSONS_WASM)));
    const gz = (files) => files.reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(f), { level: 9 }).length, 0);
    const modules = moduleGraph(REPO).map((m) => path.join(REPO, m));
    assert.ok(gz([path.join(DIST, BUNDLE)]) < gz(modules), 'the bundle is not smaller than its modules');
    assert.deepEqual(fs.readFileSync(path.join(DIST, WASM)), fs.readFileSync(path.join(REPO, WASM)));
  });

  test('its HTML loads the bundle, preloads the wasm and the chunks it imports, and keeps the text', () => {
    const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
    assert.ok(html.includes(`<script type="module" src="${BUNDLE}"></script>`));
    const chunks = staticChunks(fs.readFileSync(path.join(DIST, BUNDLE), 'utf8'));
    assert.deepEqual([...html.matchAll(/<link rel="(?:module)?preload" href="([^"]+)"/g)].map((m) => m[1]), [WASM, ...chunks]);
    assert.deepEqual(staticChunks('import{a as b}from"./chunk-AB12.js";import("./lazy-views.js")'), ['www/pkg/chunk-AB12.js']);
    assert.equal(minifyHtml('<p>\n    a <b>b</b>\n    <!-- note -->\n    c</p>\n'), '<p>\na <b>b</b>\nc</p>\n');
    assert.throws(() => minifyHtml('<pre>\n  x</pre>'), /pre/);
    assert.throws(() => distHtml('<html></html>'), /www\/main\.js/);
  });

  test('a wasm that cannot be fetched gives a sentence, and no uncaught error', async () => {
    const { page, url, close } = await shipped.blankPage();
    try {
      const errors = [];
      page.on('pageerror', (err) => errors.push(err.message));
      page.on('console', (m) => m.type() === 'error' && !/Failed to load resource|ERR_FAILED/.test(m.text()) && errors.push(m.text()));
      await page.route(`**/${WASM}`, (route) => route.abort());
      await page.goto(url);
      await page.waitForFunction(() => document.getElementById('status').dataset.kind === 'error', null, WAIT);
      assert.match(await page.textContent('#status'), /The WebAssembly core could not be loaded \(.+\)/);
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });

  test('boots, trains and draws with no error', async () => {
    const { page, errors, close } = await shipped.openPage();
    try {
      await page.waitForFunction(() => performance.getEntriesByName('mlp:first-frame').length > 0, null, WAIT);
      await page.click('#step');
      await page.waitForFunction(() => document.getElementById('iteration').textContent === '1', null, WAIT);
      const drawn = await page.evaluate(() => {
        const c = document.getElementById('boundary');
        const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
        return data.some((v, i) => i % 4 === 3 && v === 255);
      });
      assert.ok(drawn, 'the boundary canvas is blank');
      // index.html compiled the module while the page loaded; main.js instantiated that one.
      assert.equal(await page.evaluate(async () => (await window.mlpCompiled) instanceof WebAssembly.Module), true);
      await page.click('#view-approx');
      await page.waitForFunction(() => document.getElementById('approx-params').textContent !== '—', null, WAIT);
      // Fetched once: the preload's credentials mode matches the glue's fetch().
      const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
      const chunks = staticChunks(fs.readFileSync(path.join(DIST, LESSONS_BUNDLE), 'utf8'));
      assert.deepEqual(fetched.filter((p) => /\.(js|wasm)$/.test(p)).sort(),
        [BUNDLE, WASM, LESSONS_BUNDLE, LESSONS_WASM, ...chunks].map((f) => `/${f}`).sort());
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });
});
