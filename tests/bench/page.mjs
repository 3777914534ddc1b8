// Part (b) of the benchmark: the real page in headless Chromium.
//   - the reference workloads through the page's own wasm module (workloads.mjs,
//     imported into the page, so the code is the Node part's, the engine the browser's);
//   - frame: window.playground.frame(), exactly one animation frame's work (train
//     stepsPerFrame steps, draw both canvases, update the readouts), while playing,
//     at the page's defaults and with workload (ii) set through the controls;
//   - while the page plays on its own: frames per second and main-thread time per
//     frame (the DevTools protocol's TaskDuration: every main-thread task, so also
//     the canvas work Chromium defers to paint and commit, which frame() misses).
import { openPage, ready } from './chromium.mjs';
import { useWorkload } from './page-controls.mjs';
import { summarize } from './stats.mjs';
import { workloads } from './workloads.mjs';

/** Runs in the page: the workloads with the wasm module main.js already initialised. */
async function workloadsInPage(opts) {
  const wasm = await import('/www/pkg/mlp_playground.js');
  await wasm.default(); // returns at once: the page's own instance
  const { benchAll } = await import('/tests/bench/workloads.mjs');
  return benchAll(wasm, opts);
}

/** One timed frame, measured inside the page so no protocol latency is counted. */
const timedFrame = () => {
  const t0 = performance.now();
  window.playground.frame();
  return performance.now() - t0;
};

/** Runs in the page: the heatmap grid frame() computes (the size its putImageData gets). */
function heatmapGrid() {
  const proto = CanvasRenderingContext2D.prototype;
  const original = proto.putImageData;
  let largest = null;
  proto.putImageData = function (data, ...rest) {
    if (!largest || data.width * data.height > largest[0] * largest[1]) largest = [data.width, data.height];
    return original.call(this, data, ...rest);
  };
  try {
    window.playground.frame();
  } finally {
    proto.putImageData = original;
  }
  return largest ? `${largest[0]}x${largest[1]}` : 'none';
}

/** What the page shows now: canvas sizes, steps per frame, iteration. */
const pageInfo = () => {
  const size = (id) => {
    const c = document.getElementById(id);
    return `${c.width}x${c.height}`;
  };
  return {
    iteration: window.playground.view.iteration(),
    steps_per_frame: Number(document.getElementById('steps-per-frame')?.value),
    batch: document.getElementById('batch-size')?.value || 'full',
    canvases: { boundary: size('boundary'), loss_curve: size('loss-curve') },
  };
};

/**
 * Frames per second and main-thread time per frame while the page plays on its
 * own for `seconds`: requestAnimationFrame callbacks counted in the page, and the
 * delta of the protocol's TaskDuration (all main-thread tasks) and ScriptDuration.
 */
async function playingRate(page, cdp, seconds) {
  await page.evaluate(() => {
    if (window.__benchFrames !== undefined) return; // one counter per page, or frames count twice
    window.__benchFrames = 0;
    const count = () => { window.__benchFrames++; requestAnimationFrame(count); };
    requestAnimationFrame(count);
  });
  const snapshot = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
    return { ...m, frames: await page.evaluate(() => window.__benchFrames) };
  };
  const a = await snapshot();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const b = await snapshot();
  const frames = b.frames - a.frames;
  const per = (k) => (frames > 0 ? ((b[k] - a[k]) * 1000) / frames : NaN);
  return {
    seconds: b.Timestamp - a.Timestamp,
    frames,
    fps: frames / (b.Timestamp - a.Timestamp),
    task_ms_per_frame: per('TaskDuration'),
    script_ms_per_frame: per('ScriptDuration'),
    style_layout_ms_per_frame: per('LayoutDuration') + per('RecalcStyleDuration'),
    layouts_per_frame: frames > 0 ? (b.LayoutCount - a.LayoutCount) / frames : NaN,
  };
}

/** Plays, times `reps` frames after `warmup`, measures the free-running rate, pauses. */
async function playAndTime(session, cdp, { warmup, reps, seconds }) {
  const { page } = session;
  const before = await page.evaluate(pageInfo);
  await page.click('#play'); // the page's own rAF loop also runs; we time our calls only
  // One page.evaluate per frame: the browser gets to run its own tasks
  // (paint, GC, the rAF loop) between frames, as it would when playing.
  const samples = [];
  for (let i = 0; i < warmup + reps; i++) {
    const t = await page.evaluate(timedFrame);
    if (i >= warmup) samples.push(t);
  }
  const playing = await playingRate(page, cdp, seconds);
  const grid = await page.evaluate(heatmapGrid);
  const after = await page.evaluate(pageInfo);
  await page.click('#play'); // pause again
  // The frames must really have trained: otherwise we timed drawing only.
  if (after.iteration <= before.iteration) {
    throw new Error(`the page did not train while playing (iteration ${after.iteration})`);
  }
  session.check();
  return {
    frame: summarize(samples),
    steps_per_frame: after.steps_per_frame,
    batch: after.batch,
    canvases: after.canvases,
    heatmap_grid: grid,
    playing,
  };
}

/**
 * Runs part (b) in one fresh page. Returns { workloads, roofline, defaults, workload_ii }
 * where workload_ii is { skipped: reason } if the controls could not set it.
 */
export async function benchPage({ browser, url, quick, warmup, reps, minMs, frames, seconds }) {
  const session = await openPage(browser, url);
  try {
    const { page } = session;
    await ready(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const inPage = await page.evaluate(workloadsInPage, { quick, warmup, reps, minMs });
    session.check();

    const timing = { warmup: frames.warmup, reps: frames.reps, seconds };
    const defaults = await playAndTime(session, cdp, timing);
    const ii = workloads(quick).find((w) => w.id === 'ii');
    const set = await useWorkload(page, ii);
    const workloadII = set.ok ? await playAndTime(session, cdp, timing) : { skipped: set.reason };
    session.check();
    return { ...inPage, defaults, workload_ii: { name: ii.name, ...workloadII } };
  } finally {
    await session.close();
  }
}
