// The Chromium session shared by the page parts of the benchmark: one server on
// the repository's top level (the page at /, the release wasm at /www/pkg/) and
// one headless Chromium (the e2e tests' launcher and flags). Every page opens in
// a fresh browser context: no cache, no storage, no compiled wasm from a previous load.
import { serve } from '../../scripts/serve.mjs';
import { launchBrowser } from '../e2e/browser.mjs';

/** The viewport of every benchmark page: the page's #boundary canvas is then 480 px wide. */
export const VIEWPORT = { width: 1280, height: 900 };

/**
 * Starts the server and Chromium, runs `fn({ browser, url, version })`, and closes
 * both whatever happens.
 * @template T
 * @param {string} root the repository's top level
 * @param {(session: {browser: import('playwright-core').Browser, url: string, version: string}) => Promise<T>} fn
 * @returns {Promise<T>}
 */
export async function withChromium(root, fn) {
  const server = await serve({ root });
  try {
    const browser = await launchBrowser();
    try {
      return await fn({ browser, url: server.url, version: `Chromium ${browser.version()}` });
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }
}

/**
 * Opens the page in a fresh context and records every error it reported. Does not wait for the page to boot (see `ready`).
 * @param {{initScript?: Function}} [opts] a script to run in the page before its own
 * @returns {Promise<{page: import('playwright-core').Page, errors: string[],
 *   check: () => void, close: () => Promise<void>}>}
 */
export async function openPage(browser, url, { initScript } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  if (initScript) await page.addInitScript(initScript);
  const errors = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`console error: ${m.text()}`));
  await page.goto(url);
  return {
    page,
    errors,
    // A benchmark of a page that reports errors would time something else.
    check() {
      if (errors.length) throw new Error(`the page reported errors (is it being edited?):\n  ${errors.join('\n  ')}`);
    },
    close: () => context.close(),
  };
}

/** Waits until main.js has booted and exposed window.playground. */
export async function ready(page) {
  await page.waitForFunction(() => window.playground && window.playground.view, null, { timeout: 30_000 });
}
