// Part (c) of the benchmark, in Chromium: the time from navigation to the first
// drawn frame, over several fresh page loads (a new browser context each: empty
// cache, the wasm compiled anew). Two clocks, both relative to navigation start
// (performance.timeOrigin):
//   mark:  the page's own performance.mark('mlp:first-frame'), set by main.js once
//          its first frame is painted (a task queued from the animation frame after
//          the draw), when the page has it;
//   pixel: the first animation frame after which #boundary holds a drawn pixel
//          (opaque, not white), polled by a script injected before the page's own;
//          the fallback when there is no mark.
import { openPage } from './chromium.mjs';
import { summarize } from './stats.mjs';

/**
 * Runs in the page before its scripts: checks #boundary once per animation frame,
 * in a task queued from our rAF callback, so it runs after the page's own rAF
 * callbacks of the same frame (its draw), until a pixel is drawn.
 */
function pixelPoller() {
  // Reading the canvas back costs a little each frame, but only until the first draw.
  const check = () => {
    const c = document.getElementById('boundary');
    const ctx = c && c.width > 0 && c.height > 0 ? c.getContext('2d') : null;
    if (ctx) {
      const { data } = ctx.getImageData(0, 0, c.width, c.height);
      for (let i = 0; i < data.length; i += 4 * 7) {
        if (data[i + 3] === 255 && (data[i] < 250 || data[i + 1] < 250 || data[i + 2] < 250)) {
          window.__benchPixelAt = performance.now();
          return;
        }
      }
    }
    requestAnimationFrame(() => setTimeout(check, 0));
  };
  requestAnimationFrame(() => setTimeout(check, 0));
}

/**
 * One fresh load: { mark, pixel, dom, wasm } in ms after navigation start (mark null
 * if absent); dom = DOMContentLoaded done, wasm = the .wasm fully received, to show
 * where the time goes.
 */
async function oneLoad(browser, url) {
  const session = await openPage(browser, url, { initScript: pixelPoller });
  try {
    const { page } = session;
    await page.waitForFunction(() => window.__benchPixelAt !== undefined, null, { timeout: 30_000 });
    // The mark comes right after the draw; give it a moment before calling it absent.
    await page.waitForFunction(() => performance.getEntriesByName('mlp:first-frame').length > 0, null, {
      timeout: 500,
    }).catch(() => {});
    const t = await page.evaluate(() => ({
      mark: performance.getEntriesByName('mlp:first-frame')[0]?.startTime ?? null,
      wasmReady: performance.getEntriesByName('mlp:wasm-ready')[0]?.startTime ?? NaN,
      pushed: performance.getEntriesByName('mlp:controls-pushed')[0]?.startTime ?? NaN,
      pixel: window.__benchPixelAt,
      dom: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? NaN,
      wasm: performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'))?.responseEnd ?? NaN,
    }));
    session.check();
    return t;
  } finally {
    await session.close();
  }
}

/**
 * Loads the page `loads` times. Returns { method, loads, first_frame: stats of the
 * figure used (the mark if every load had it, else the pixel), mark, pixel, dom, wasm }.
 */
export async function benchFirstFrame({ browser, url, loads }) {
  const times = [];
  for (let i = 0; i < loads; i++) times.push(await oneLoad(browser, url));
  const pixel = summarize(times.map((t) => t.pixel));
  const marked = times.every((t) => t.mark !== null);
  const mark = marked ? summarize(times.map((t) => t.mark)) : null;
  return {
    method: marked ? "performance.mark('mlp:first-frame')" : 'first drawn pixel of #boundary (no mlp:first-frame mark)',
    loads,
    first_frame: mark ?? pixel,
    mark,
    pixel,
    dom: summarize(times.map((t) => t.dom)),
    wasm: summarize(times.map((t) => t.wasm)),
    // The page's own boot marks (main.js), when it sets them.
    wasm_ready: times.every((t) => Number.isFinite(t.wasmReady)) ? summarize(times.map((t) => t.wasmReady)) : null,
    controls_pushed: times.every((t) => Number.isFinite(t.pushed)) ? summarize(times.map((t) => t.pushed)) : null,
  };
}
