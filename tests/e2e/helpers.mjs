// Helpers shared by the end-to-end tests: one server and one browser per test file,
// a fresh page per test with its console errors recorded, and small readers of the
// page's state (readouts, settings) that fail with a clear message.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/serve.mjs';
import { launchBrowser } from './browser.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** The repository's top level (what the server serves). */
export const REPO = path.resolve(HERE, '..', '..');
/** Where screenshots go. */
export const ARTIFACTS = path.join(HERE, 'artifacts');
/** Options for page.waitForFunction: poll every 50 ms, give up after 20 s. */
export const WAIT = { timeout: 20_000, polling: 50 };

/**
 * Serves the repository (or `root`, e.g. dist/) and launches Chromium; call in
 * `before`, and `close` in `after`.
 * @returns {Promise<{ openPage: () => Promise<{page: import('playwright-core').Page,
 *   errors: string[], close: () => Promise<void>}>, close: () => Promise<void> }>}
 */
export async function startPlayground({ root = REPO } = {}) {
  assert.ok(fs.existsSync(path.join(root, 'www/pkg/mlp_playground_bg.wasm')),
    `${path.relative(REPO, root) || 'www'}/pkg is missing: build it first (bash scripts/build.sh)`);
  const server = await serve({ root, port: 0 });
  const browser = await launchBrowser();
  /**
   * A fresh context: the page's size at one device pixel per CSS pixel, unless
   * `options` (Playwright's context options: viewport, hasTouch, permissions…) say otherwise.
   */
  const newContext = (options = {}) => browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, ...options });
  /**
   * Opens the page (at `address`, e.g. "?hide=noise", relative to the served root) in a
   * fresh context and records console errors and page errors; `initScript`, if given,
   * runs in the page before its own scripts; `contextOptions` go to the new context.
   */
  const openPage = async (address = '', initScript = undefined, contextOptions = {}) => {
    const context = await newContext(contextOptions);
    const page = await context.newPage();
    if (initScript) await page.addInitScript(initScript);
    const errors = [];
    page.on('console', (msg) => { if (msg.type() === 'error') errors.push(`console: ${msg.text()}`); });
    page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
    await page.goto(new URL(address, server.url).href);
    await page.waitForFunction(() => window.playground && document.getElementById('params').textContent !== '—', null, WAIT);
    return { page, errors, close: () => context.close() };
  };
  const close = async () => {
    await browser?.close();
    await server?.close();
  };
  /** A fresh context's page, not yet navigated, and the served address (for a test that must act before the page loads). */
  const blankPage = async () => {
    const context = await newContext();
    return { page: await context.newPage(), url: server.url, close: () => context.close() };
  };
  return { openPage, blankPage, close };
}

/**
 * Parses a readout's text as a number ("12.5 %" → 12.5, "0.2504" → 0.2504,
 * "−3" → −3), or NaN when it shows none ("—").
 * @param {string} text
 * @returns {number}
 */
export function parseReadout(text) {
  const cleaned = text.trim().replace(/\u2212/g, '-').replace(/[^0-9.eE+-]/g, '');
  return cleaned === '' ? NaN : Number(cleaned);
}

/** A readout as a number; fails the test if it shows none. */
export async function readout(page, id) {
  const text = (await page.textContent(`#${id}`)).trim();
  const value = parseReadout(text);
  assert.ok(text !== '' && Number.isFinite(value), `#${id} should show a number, shows "${text}"`);
  return value;
}

/** Sets a box's value and fires 'change', as leaving the field after typing does. */
export async function setValue(page, selector, value) {
  await page.evaluate(([sel, v]) => {
    const el = document.querySelector(sel);
    el.value = v;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, [selector, value]);
}

/**
 * Types each bad value into its control and checks that it is refused: an
 * error message in #status, and the control back at its accepted value.
 * @param {Array<[string, string, string]>} cases [selector, bad value, value it reverts to]
 */
export async function assertRefused(page, cases) {
  for (const [selector, bad, good] of cases) {
    await setValue(page, selector, bad);
    const status = (await page.textContent('#status')).trim();
    assert.ok(status.length > 0, `a message for ${selector} = "${bad}"`);
    assert.equal(await page.getAttribute('#status', 'data-kind'), 'error', `${selector}: ${status}`);
    assert.equal(await page.inputValue(selector), good, `${selector} reverts to ${good}`);
  }
}

/** Waits until the page has run `n` more animation frames. */
export async function frames(page, n = 3) {
  await page.evaluate((count) => new Promise((resolve) => {
    const next = (left) => (left === 0 ? resolve() : requestAnimationFrame(() => next(left - 1)));
    next(count);
  }), n);
}

/**
 * A view's settings_json(): the classifier's ('view') or a lesson view's, whose handles
 * window.playground.lessonHandles() gives once their module is loaded (it loads it if needed).
 * @param {import('playwright-core').Page} page
 * @param {'view'|'approx'|'gd'|'logistic'} handle
 * @returns {Promise<string>}
 */
export async function lessonSettings(page, handle) {
  return page.evaluate(async (h) => {
    const view = h === 'view' ? window.playground.view : (await window.playground.lessonHandles())[h];
    return view.settings_json();
  }, handle);
}

/**
 * A view's settings, with the value of the first key named like `names` (any depth).
 * @param {import('playwright-core').Page} page
 * @param {string[]} names keys to look for
 * @param {'view'|'approx'|'gd'|'logistic'} [handle='view'] the classifier's handle, or a lesson view's
 *   (from window.playground.lessonHandles(), which loads them if needed)
 */
export async function setting(page, names, handle = 'view') {
  const json = JSON.parse(await lessonSettings(page, handle));
  const find = (obj) => {
    if (obj === null || typeof obj !== 'object') return undefined;
    for (const [key, value] of Object.entries(obj)) {
      if (names.includes(key)) return value;
      const inner = find(value);
      if (inner !== undefined) return inner;
    }
    return undefined;
  };
  return find(json);
}

/**
 * Waits until a readout shows a number within bounds.
 * @param {import('playwright-core').Page} page
 * @param {string} id the readout's id
 * @param {{atLeast?: number, below?: number}} bounds v ≥ atLeast and v < below
 */
export async function waitForReadout(page, id, { atLeast = -Infinity, below = Infinity }) {
  await page.waitForFunction(([elementId, lo, hi]) => {
    const text = document.getElementById(elementId).textContent.trim().replace(/\u2212/g, '-');
    const v = Number(text.replace(/[^0-9.eE+-]/g, ''));
    return text !== '' && text !== '—' && Number.isFinite(v) && v >= lo && v < hi;
  }, [id, atLeast, below], WAIT);
}

/** Saves a 1280×900 screenshot of the page under artifacts/ and checks it is a real picture. */
export async function screenshot(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name);
  await page.screenshot({ path: file, fullPage: true });
  assert.ok(fs.statSync(file).size > 20_000, `${name}: a real picture, not an empty page`);
  return file;
}

/** Chooses a lesson from the menu by its title, as a teacher would, and waits until it is set up. */
export async function chooseLesson(page, title) {
  const id = await page.$eval('#lesson', (select, t) => [...select.options].find((o) => o.text === t)?.value, title);
  assert.ok(id, `the Lessons menu offers "${title}"`);
  await page.selectOption('#lesson', { label: title });
  await page.waitForFunction((lesson) => window.playground.lessons.current() === lesson, id, WAIT);
  await frames(page, 5);
}
