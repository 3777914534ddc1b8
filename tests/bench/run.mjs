// The mlp-playground benchmark (baseline of issue 2).
//
//   node tests/bench/run.mjs [--quick]      (npm run bench)
//
// Measures the RELEASE build in www/pkg (run `npm run build` first):
//   (a) Node: one training epoch and one 256x256 decision boundary, per network size
//   (b) Chromium: one animation frame of the real page while playing
//   (c) the bytes the page downloads, raw and gzipped
// Prints tables and writes bench-results/bench.json (bench-quick.json with
// --quick, so the smoke run in `npm test` never overwrites a real baseline).
// --quick: 2 repetitions and small data; it only proves every path still works.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchNode } from './wasm-node.mjs';
import { benchPage } from './page.mjs';
import { pageFiles, sizes } from './sizes.mjs';
import { bytes, ms, table } from './stats.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PKG = path.join(ROOT, 'www/pkg');

const args = process.argv.slice(2);
if (args.some((a) => a !== '--quick')) {
  console.error('usage: node tests/bench/run.mjs [--quick]');
  process.exit(2);
}
const quick = args.includes('--quick');
// Full run: at least 7 timed repetitions after warm-up, as the baseline asks.
const reps = quick ? { node: 2, frames: 2, warmup: 1 } : { node: 9, frames: 60, warmup: 3 };

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

const stats = (s) => [ms(s.median), ms(s.min), ms(s.max), s.reps];
const started = performance.now();

console.log(`mlp-playground benchmark${quick ? ' (--quick: smoke run, figures are not meaningful)' : ''}`);
console.log(`${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}\n`);

const node = await benchNode({ pkgDir: PKG, quick, warmup: reps.warmup, reps: reps.node });
console.log('(a) release wasm in Node: tanh/tanh, mse mean, eta 0.03, batch 10, times in ms');
console.log(
  table(
    ['network / data', 'work', '>median', '>min', '>max', '>reps'],
    node.flatMap((r) => [
      [`${r.name} (${r.params} params)`, `1 epoch = ${r.steps_per_epoch} steps`, ...stats(r.epoch)],
      ['', `boundary ${r.grid}`, ...stats(r.boundary)],
    ]),
  ),
);

const page = await benchPage({ root: ROOT, warmup: quick ? 1 : 10, reps: reps.frames });
console.log(`\n(b) the page in headless ${page.browser}, viewport ${page.viewport}, times in ms`);
console.log(
  table(
    ['work', '>median', '>min', '>max', '>reps'],
    [[`frame(): train ${page.steps_per_frame} step(s), draw ${page.canvases.boundary} + ${page.canvases.loss_curve}`, ...stats(page.frame)]],
  ),
);

const size = sizes(ROOT, pageFiles(ROOT, page.loaded));
console.log('\n(c) what the page downloads, in bytes (gzip: zlib level 9)');
console.log(
  table(
    ['file', '>raw', '>gzip'],
    [...size.files, size.total].map((f) => [f.file, bytes(f.raw), bytes(f.gzip)]),
  ),
);

const result = {
  quick,
  date: new Date().toISOString(),
  commit: commit(),
  machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, node: process.version, browser: page.browser },
  node,
  page: { ...page, loaded: undefined },
  sizes: size,
};
const outFile = path.join(ROOT, 'bench-results', quick ? 'bench-quick.json' : 'bench.json');
fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, JSON.stringify(result, null, 2) + '\n');
console.log(`\nbench: done in ${((performance.now() - started) / 1000).toFixed(1)}s; wrote ${path.relative(ROOT, outFile)}`);
