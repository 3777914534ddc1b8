// Part (a) of the benchmark: the release wasm in Node, without a page around it.
// Times one training EPOCH and one decision-boundary computation for a few
// network sizes, so a change in the Rust core shows up here first, free of
// browser and drawing noise.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { measure, summarize } from './stats.mjs';

/** The networks of the baseline (issue 2). All: tanh hidden + tanh output, mse, eta 0.03, batch 10. */
export function cases(quick) {
  // --quick keeps every path but shrinks the data so the smoke run takes seconds.
  const n = (points) => (quick ? 100 : points);
  return [
    { name: `[4,2] circle ${n(500)}`, data: ['circle', n(500), 0.1, 0.5, 1], hidden: [4, 2] },
    { name: `[8,8,8] spirals ${n(1000)}`, data: ['spirals', n(1000), 0.1, 0.5, 1], hidden: [8, 8, 8] },
    { name: `[64] spirals ${n(1000)}`, data: ['spirals', n(1000), 0.1, 0.5, 1], hidden: [64] },
  ];
}

const BATCH = 10;

/** Loads www/pkg the way the contract says Node should: initSync with the bytes. */
async function loadWasm(pkgDir) {
  const bytes = fs.readFileSync(path.join(pkgDir, 'mlp_playground_bg.wasm'));
  const pkg = await import(pathToFileURL(path.join(pkgDir, 'mlp_playground.js')).href);
  pkg.initSync({ module: bytes });
  return pkg;
}

/** A view configured as in `c`, with the settings shared by all cases. */
function configuredView(pkg, c) {
  const view = new pkg.ClassifierView();
  view.set_data(...c.data);
  view.set_architecture(new Uint32Array(c.hidden), 'tanh', 'tanh');
  view.set_loss('mse', 'mean');
  view.set_learning_rate(0.03);
  view.set_batch_size(BATCH);
  return view;
}

/**
 * Runs part (a). Returns one record per case:
 * { name, hidden, points, train_size, params, steps_per_epoch, epoch: stats, boundary: stats, grid }.
 */
export async function benchNode({ pkgDir, quick, warmup, reps }) {
  const pkg = await loadWasm(pkgDir);
  const grid = quick ? 64 : 256;
  const results = [];
  for (const c of cases(quick)) {
    const view = configuredView(pkg, c);
    const steps = Math.ceil(view.train_size() / BATCH);
    const epoch = measure(
      () => {
        const done = view.train(steps);
        // A diverged run does fewer steps and would fake a speed-up.
        if (done !== steps) throw new Error(`${c.name}: train(${steps}) did ${done} steps: ${view.status()}`);
      },
      { warmup, reps },
    );
    const boundary = measure(() => view.compute_boundary(grid, grid), { warmup, reps });
    results.push({
      name: c.name,
      hidden: c.hidden,
      points: c.data[1],
      train_size: view.train_size(),
      params: view.param_count(),
      steps_per_epoch: steps,
      epoch: summarize(epoch),
      boundary: summarize(boundary),
      grid: `${grid}x${grid}`,
    });
    view.free();
  }
  return results;
}
