// The "practical" workload: the Digits view's default recipe (784 → 50 → 10 tanh,
// 1000 training and 1000 test MNIST digits, full batch) in the release wasm, in Node
// and in the page's Chromium.
// One step = forward and backward over the 1000 training digits, the update, and the
// forward pass over the 1000 test digits for the test error: the same sums as the
// numpy reference's step (numpy + OpenBLAS did it in 1.7-2.3 ms on the development
// machine), whose dense products also multiply the background pixels that ours skip.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { measure, summarize } from './stats.mjs';
import { openPage, ready } from './chromium.mjs';

/**
 * GFLOP/s of a step of `done` multiply-adds (as the kernels made them: the first layer
 * skips the digits' background pixels, see src/nn/sparse.rs) that took `ms`, and of the
 * `dense` products' (every pixel, as the numpy reference computes them) in that time.
 */
function rates(done, dense, ms) {
  return { gflops: (2 * done) / (ms.median * 1e6), dense_gflops: (2 * dense) / (ms.median * 1e6), share: done / dense };
}

/**
 * Times view.run(1) of the lessons module's DigitsView on the build's digits.
 * @returns {{ ms: object, gflops: number, dense_gflops: number, share: number }} ms per
 *   step (summarize), GFLOP/s at the median (see `rates`), the share of the dense work done
 */
export async function benchPractical({ pkgDir, warmup, reps, minMs }) {
  const bytes = fs.readFileSync(path.join(pkgDir, 'mlp_lessons_bg.wasm'));
  const pkg = await import(pathToFileURL(path.join(pkgDir, 'mlp_lessons.js')).href);
  pkg.initSync({ module: bytes });
  const view = new pkg.DigitsView(new Uint8Array(fs.readFileSync(path.join(pkgDir, 'digits.bin'))));
  try {
    const ms = summarize(measure(() => {
      if (view.run(1) !== 1) throw new Error(`practical: the step was refused: ${view.stopped()}`);
    }, { warmup, reps, minMs }));
    return { ms, ...rates(view.multiply_adds_per_step(false), view.multiply_adds_per_step(true), ms) };
  } finally {
    view.free();
  }
}

/**
 * The same step timed inside headless Chromium: the page's own lessons module and
 * digits file, imported and fetched from the served page (the benchmark's timing
 * loop too, stats.mjs), so the figure is the browser's wasm engine's.
 * @returns {Promise<{ ms: object, gflops: number, dense_gflops: number, share: number }>}
 */
export async function benchPracticalChromium({ browser, url, warmup, reps, minMs }) {
  const { page, check, close } = await openPage(browser, url);
  try {
    await ready(page);
    const timed = await page.evaluate(async (o) => {
      const { measure } = await import('/tests/bench/stats.mjs');
      const pkg = await import('/www/pkg/mlp_lessons.js');
      await pkg.default();
      const data = new Uint8Array(await (await fetch('/www/pkg/digits.bin')).arrayBuffer());
      const view = new pkg.DigitsView(data);
      try {
        const samples = measure(() => {
          if (view.run(1) !== 1) throw new Error(`practical: the step was refused: ${view.stopped()}`);
        }, o);
        const [done, dense] = [view.multiply_adds_per_step(false), view.multiply_adds_per_step(true)];
        return { samples: [...samples], calls: samples.calls, done, dense };
      } finally {
        view.free();
      }
    }, { warmup, reps, minMs });
    check();
    const ms = summarize(Object.assign(timed.samples, { calls: timed.calls }));
    return { ms, ...rates(timed.done, timed.dense, ms) };
  } finally {
    await close();
  }
}

/**
 * The whole run as a student sees it: the page opened on the Digits view (its
 * defaults: the handout's recipe), Play pressed, the clock stopped at step 1000;
 * and the frames the page drew meanwhile, since training must leave it smooth.
 * @returns {Promise<{ seconds: number, steps: number, fps: number, where: string }>} `where`: the
 *   Digits readout saying where the steps ran (e.g. "2 Web Workers, sharing each step")
 */
export async function benchPracticalPage({ browser, url, steps = 1000 }) {
  const { page, check, close } = await openPage(browser, `${url}#digits`);
  try {
    await page.waitForFunction(() => /digits loaded/.test(document.getElementById('status')?.textContent ?? ''), null, { timeout: 60_000 });
    const run = await page.evaluate((n) => new Promise((resolve) => {
      let frames = 0;
      const count = () => { frames += 1; requestAnimationFrame(count); };
      requestAnimationFrame(count);
      const t0 = performance.now();
      document.getElementById('play').click();
      const poll = setInterval(() => {
        const step = Number(document.getElementById('dg-step').textContent);
        if (step >= n) {
          const seconds = (performance.now() - t0) / 1000;
          document.getElementById('play').click();
          clearInterval(poll);
          resolve({ seconds, steps: step, fps: frames / seconds, where: document.getElementById('dg-workers').textContent.trim() });
        }
      }, 50);
    }), steps);
    check();
    return run;
  } finally {
    await close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const pkgDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../www/pkg');
  const { ms, gflops, dense_gflops: dense } = await benchPractical({ pkgDir, warmup: 3, reps: 9, minMs: 20 });
  console.log(`practical (784-50-10, 1000 + 1000 digits): ${ms.median.toFixed(1)} ms per step (min ${ms.min.toFixed(1)}), ${gflops.toFixed(2)} GFLOP/s done (${dense.toFixed(1)} dense-equivalent); 1000 steps = ${ms.median.toFixed(1)} s`);
}
