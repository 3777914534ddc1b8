// Part (c) of the benchmark, in Chromium: which files the page fetches when. One
// fresh load of the shipped page (a new browser context: empty cache), read from
// the page's resource timing entries (every fetch: the document, preloads,
// imports, the wasm glue's fetch()):
//   first_frame        fetched by the page's first drawn frame (responseEnd before
//                      its performance.mark('mlp:first-frame')), the document included;
//   after_first_frame  fetched in the next second of a plain load, no tab opened
//                      (the page is meant to fetch nothing then: shown if it does);
//   lesson_tab         fetched when a lesson tab (#view-approx) is first opened,
//                      until that view shows its readouts.
import { openPage, ready } from './chromium.mjs';

/** Runs in the page: the paths fetched so far, with when each response ended (ms after navigation). */
function entries() {
  return performance.getEntriesByType('resource')
    .map((e) => ({ path: new URL(e.name).pathname, end: e.responseEnd }))
    .filter((e) => !e.path.startsWith('/tests/'));
}

/** Paths as files of the served root ('/' is index.html), sorted, without repeats. */
const files = (paths) => [...new Set(paths.map((p) => p.replace(/^\//, '') || 'index.html'))].sort();

/**
 * Loads the page once and opens the approximation tab.
 * @returns {Promise<{first_frame: string[], after_first_frame: string[], lesson_tab: string[]}>}
 *   files relative to the served root
 */
export async function loadPhases({ browser, url }) {
  const session = await openPage(browser, url);
  try {
    const { page } = session;
    await ready(page);
    await page.waitForFunction(() => performance.getEntriesByName('mlp:first-frame').length > 0, null, {
      timeout: 30_000,
    });
    const mark = await page.evaluate(() => performance.getEntriesByName('mlp:first-frame')[0].startTime);
    await page.waitForTimeout(1000);
    const plain = await page.evaluate(entries);
    const first = plain.filter((e) => e.end <= mark).map((e) => e.path);
    await page.click('#view-approx');
    await page.waitForFunction(() => document.getElementById('approx-params').textContent !== '—', null, {
      timeout: 30_000,
    });
    const all = await page.evaluate(entries);
    session.check();
    const before = new Set(plain.map((e) => e.path));
    return {
      first_frame: files(['/', ...first]),
      after_first_frame: files(plain.filter((e) => e.end > mark).map((e) => e.path)),
      lesson_tab: files(all.filter((e) => !before.has(e.path)).map((e) => e.path)),
    };
  } finally {
    await session.close();
  }
}
