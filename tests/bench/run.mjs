// The mlp-playground benchmark.
//
//   node tests/bench/run.mjs [--quick]      (npm run bench)
//
// Measures the RELEASE build in www/pkg (run `npm run build` first):
//   (a) the reference workloads (workloads.mjs: epoch, grid, boundary,
//       GFLOP/s against a matmul roofline) in Node and inside the page in Chromium
//   (b) the page in Chromium: one frame() at its defaults and with workload (ii),
//       and frames per second / main-thread time per frame while it plays
//   (c) the bytes the page downloads, raw and gzipped, by when it fetches them (before
//       the first frame; when a lesson tab is first opened), and the time to its first
//       frame, both of dist/ (the shipped, minified copy) when the build wrote it
// Prints tables, then the targets (report.mjs) next to the medians (information only:
// the exit code never depends on them), and writes bench-results/bench.json
// (bench-quick.json with --quick, so the smoke run in `npm test` never overwrites
// a real result). --quick: 2 repetitions and small data; it only proves every
// path still works.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { withChromium } from './chromium.mjs';
import { benchFirstFrame } from './first-frame.mjs';
import { loadPhases } from './load-phases.mjs';
import { benchPage } from './page.mjs';
import * as report from './report.mjs';
import { phaseSizes } from './sizes.mjs';
import { benchNode } from './wasm-node.mjs';
import { benchPractical, benchPracticalChromium, benchPracticalPage } from './practical.mjs';
import { SETTINGS_NOTE } from './workloads.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PKG = path.join(ROOT, 'www/pkg');

const args = process.argv.slice(2);
if (args.some((a) => a !== '--quick')) {
  console.error('usage: node tests/bench/run.mjs [--quick]');
  process.exit(2);
}
const quick = args.includes('--quick');
// Full run: at least 7 timed repetitions after warm-up. Each
// repetition of a workload is a batch of calls lasting >= minMs (see stats.mjs).
const opts = quick
  ? { quick, warmup: 1, reps: 2, minMs: 1, frames: { warmup: 1, reps: 2 }, seconds: 0.5, loads: 2 }
  : { quick, warmup: 3, reps: 9, minMs: 20, frames: { warmup: 10, reps: 60 }, seconds: 3, loads: 7 };

if (!fs.existsSync(path.join(PKG, 'mlp_playground_bg.wasm'))) {
  console.error('bench: www/pkg has no build; run `npm run build` (scripts/build.sh) first.');
  process.exit(1);
}

/** The commit measured, or "uncommitted" (read-only git call). */
function commit() {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, stdio: 'pipe' }).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, stdio: 'pipe' }).toString().trim();
    return dirty ? `${head}+changes` : head;
  } catch {
    return 'uncommitted';
  }
}

const started = performance.now();
const cpu = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores`;
console.log(`mlp-playground benchmark${quick ? ' (--quick: smoke run, figures are not meaningful)' : ''}`);
console.log(`${cpu}, Node ${process.version}`);
console.log(`workloads: ${SETTINGS_NOTE}\n`);

const node = await benchNode({ pkgDir: PKG, ...opts });
const practical = await benchPractical({ pkgDir: PKG, ...opts });
const { chromium, practicalChromium, browser } = await withChromium(ROOT, async ({ browser, url, version }) => ({
  chromium: await benchPage({ browser, url, ...opts }),
  practicalChromium: await benchPracticalChromium({ browser, url, ...opts }),
  browser: version,
}));
// Part (c) measures what ships: dist/ (minified by scripts/dist.mjs) when the build wrote it.
const SHIP = fs.existsSync(path.join(ROOT, 'dist/index.html')) ? path.join(ROOT, 'dist') : ROOT;
const shipped = path.relative(ROOT, SHIP) || 'the top level (no dist/: sources unminified)';
const { firstFrame, phases, practicalPage } = await withChromium(SHIP, async ({ browser, url }) => ({
  firstFrame: await benchFirstFrame({ browser, url, loads: opts.loads }),
  phases: await loadPhases({ browser, url }),
  // The 1000 steps of the Digits view take tens of seconds: not in the smoke run.
  practicalPage: quick ? null : await benchPracticalPage({ browser, url }),
}));

console.log(`(a) workloads, release wasm in Node and in the page (headless ${browser}); ms per call`);
console.log(`    median/min/max of ${opts.reps} reps after warm-up; a rep times a batch of calls lasting`);
console.log(`    >= ${opts.minMs} ms and counts their mean (Chromium's clock ticks in 0.1 ms)`);
console.log(report.workloadTable(node, chromium));
console.log('\n    achieved GFLOP/s (FLOPs = 2 x multiply-adds of the affine layers only; epoch = train x (fwd + bwd)');
console.log('    + (train + test) x fwd for the loss evaluation every train call makes; grid = 100^2 x fwd)');
console.log(report.gflopsTable(node, chromium));
console.log('\n    practical (the Digits view: 784-50-10 tanh, 1000 + 1000 MNIST digits, full batch), release wasm:');
for (const [where, p] of [['Node', practical], ['Chromium', practicalChromium]]) {
  console.log(`    ${where.padEnd(8)} ${p.ms.median.toFixed(2)} ms per step (min ${p.ms.min.toFixed(2)}), ${p.gflops.toFixed(2)} GFLOP/s done`
    + ` (${p.dense_gflops.toFixed(1)} dense-equivalent); 1000 steps of compute = ${(p.ms.median).toFixed(1)} s`);
}
console.log('    one step = forward + backward over the training digits, the update, forward over the test digits;');
console.log(`    the first layer skips the background pixels: ${(100 * practical.share).toFixed(0)} % of the dense products'`
  + ' multiply-adds are made (dense-equivalent: the dense count over the same time)');
if (practicalPage) {
  console.log(`    in the page (${shipped}, the Digits view's defaults, Play): ${practicalPage.steps} steps in`
    + ` ${practicalPage.seconds.toFixed(1)} s, ${practicalPage.fps.toFixed(0)} frames per second meanwhile (trained by ${practicalPage.where})`);
}

console.log(`\n(b) the page in headless ${browser}, viewport 1280x900, ms`);
console.log(report.frameTables(chromium));
console.log('    playing: ms per animation frame from the DevTools protocol: TaskDuration (all main-thread');
console.log('    tasks, with the canvas raster Chromium defers to paint/commit), ScriptDuration,');
console.log('    LayoutDuration + RecalcStyleDuration; and LayoutCount per frame');

const size = phaseSizes(SHIP, phases);
console.log(`\n(c) what the page downloads, served from ${shipped}, in bytes (gzip: zlib level 9;`);
console.log('    scripts/serve.mjs sends the files uncompressed, so on 127.0.0.1 the raw bytes travel),');
console.log('    as Chromium fetched it in a fresh load (resource timing), then on opening the approx tab');
console.log(report.sizeTable(size));
console.log(`\n    fresh page loads (new browser context each); ${firstFrame.method} is the figure used, ms`);
console.log(report.firstFrameTable(firstFrame));

const result = {
  quick,
  date: new Date().toISOString(),
  commit: commit(),
  machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, node: process.version, browser },
  settings: SETTINGS_NOTE,
  repetitions: opts,
  node,
  practical,
  practical_chromium: practicalChromium,
  practical_page: practicalPage,
  chromium,
  shipped,
  sizes: size,
  first_frame: firstFrame,
};
const goals = report.targets(result);
result.targets = goals.map(([label, target, value, met]) => ({ label, target, value, met }));
console.log(`\ntargets (information only${quick ? '; --quick figures mean nothing' : ''})`);
console.log(report.targetTable(goals, quick));

const outFile = path.join(ROOT, 'bench-results', quick ? 'bench-quick.json' : 'bench.json');
fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, JSON.stringify(result, null, 2) + '\n');
const took = ((performance.now() - started) / 1000).toFixed(1);
console.log(`\nbench: done in ${took}s; wrote ${path.relative(ROOT, outFile)}`);
