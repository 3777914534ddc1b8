// Part (b) of the benchmark: the real page in headless Chromium. Times
// window.playground.frame() -- exactly one animation frame's work (train
// stepsPerFrame steps, draw both canvases, update the readouts) -- while
// playing at the page's default settings.
import { serve } from '../../scripts/serve.mjs';
import { launchBrowser } from '../e2e/browser.mjs';
import { summarize } from './stats.mjs';

const VIEWPORT = { width: 1280, height: 900 };

/** One timed frame, measured inside the page so no protocol latency is counted. */
const timedFrame = () => {
  const t0 = performance.now();
  window.playground.frame();
  return performance.now() - t0;
};

/**
 * Runs part (b). Returns { frame: stats, steps_per_frame, iterations, canvases,
 * browser, viewport, loaded } where `loaded` lists every path the page fetched
 * (used by the size table so it cannot miss a file).
 */
export async function benchPage({ root, warmup, reps }) {
  const server = await serve({ root });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const errors = [];
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && errors.push(`console error: ${m.text()}`));
    const loaded = new Set();
    page.on('requestfinished', (r) => loaded.add(decodeURIComponent(new URL(r.url()).pathname)));

    await page.goto(server.url);
    await page.waitForFunction(() => window.playground && window.playground.view, null, { timeout: 30_000 });
    await page.click('#play'); // the page's own rAF loop also runs; we time our calls only
    const before = await page.evaluate(() => window.playground.view.iteration());

    // One page.evaluate per frame: the browser gets to run its own tasks
    // (paint, GC, the rAF loop) between frames, as it would when playing.
    const samples = [];
    for (let i = 0; i < warmup + reps; i++) {
      const t = await page.evaluate(timedFrame);
      if (i >= warmup) samples.push(t);
    }
    const info = await page.evaluate(() => {
      const size = (id) => {
        const c = document.getElementById(id);
        return `${c.width}x${c.height}`;
      };
      return {
        iteration: window.playground.view.iteration(),
        steps_per_frame: document.getElementById('steps-per-frame')?.value,
        canvases: { boundary: size('boundary'), loss_curve: size('loss-curve') },
        status: document.getElementById('status')?.textContent.trim() ?? '',
      };
    });
    await page.click('#play'); // pause again before closing (keeps the exit quiet)

    // The frame must really have trained: otherwise we timed drawing only.
    if (info.iteration <= before) throw new Error(`the page did not train while playing (iteration ${info.iteration})`);
    if (errors.length) throw new Error(`the page reported errors:\n  ${errors.join('\n  ')}`);
    return {
      frame: summarize(samples),
      steps_per_frame: Number(info.steps_per_frame),
      iterations: info.iteration - before,
      canvases: info.canvases,
      browser: `Chromium ${browser.version()}`,
      viewport: `${VIEWPORT.width}x${VIEWPORT.height}`,
      loaded: [...loaded].sort(),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
