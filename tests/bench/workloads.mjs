// The reference workloads and their timings, shared word for word by
// the Node runner (wasm-node.mjs) and the Chromium runner (page.mjs), which
// imports this file into the page (served at /tests/bench/workloads.mjs) and
// hands it the page's own wasm module. So: no Node imports here, plain data out.
import { measure, summarize } from './stats.mjs';

/**
 * The workloads' reference loss is ½(o − t)² averaged over mini-batches of 10 with η = 0.03. Our
 * "mse" is (o − t)², whose gradient is twice as large, so MSE mean with η = 0.015
 * makes exactly the same update.
 */
export const SETTINGS = {
  activation: 'tanh', output: 'tanh', loss: 'mse', reduction: 'mean', eta: 0.015, batch: 10,
  noise: 0.1, trainFraction: 0.5, dataSeed: 1,
};

/** One line saying how the settings map onto the reference definition (printed and saved). */
export const SETTINGS_NOTE =
  'tanh hidden + output; loss mse (o-t)^2, mean, eta 0.015 = the reference 1/2(o-t)^2 with eta 0.03; ' +
  'batch 10; noise 0.1, train fraction 0.5, data seed 1, weight seed 1; the mini-batch order is ' +
  'reshuffled every epoch (the reference keeps the data order; the cost is the same)';

/** The three reference workloads; --quick keeps them but with 100 points. */
export function workloads(quick) {
  const n = (points) => (quick ? 100 : points);
  return [
    { id: 'i', name: '(i) [4,2] circle', dataset: 'circle', points: n(500), hidden: [4, 2] },
    { id: 'ii', name: '(ii) [8,8,8] spirals', dataset: 'spirals', points: n(1000), hidden: [8, 8, 8] },
    { id: 'iii', name: '(iii) [64] spirals', dataset: 'spirals', points: n(1000), hidden: [64] },
  ];
}

/** Grid side of the "grid" workload (every unit) and of the "boundary" workload. */
export const sizes = (quick) => ({ grid: 100, boundary: quick ? 64 : 256 });

/** Sets `view` (a ClassifierView) to workload `w`. */
export function configure(view, w) {
  const s = SETTINGS;
  view.set_data(w.dataset, w.points, s.noise, s.trainFraction, s.dataSeed);
  view.set_architecture(new Uint32Array(w.hidden), s.activation, s.output);
  view.set_loss(s.loss, s.reduction);
  view.set_learning_rate(s.eta);
  view.set_batch_size(s.batch);
}

/** GFLOP/s of `flops` done in `ms` milliseconds. */
const gflops = (flops, ms) => flops / (ms * 1e6);

/**
 * Times one workload: an epoch (ONE train call of ceil(train/10) steps, which also
 * evaluates the train and test loss once, as every train call does), the grid
 * (compute_unit_outputs) and the boundary (compute_boundary). FLOPs count the
 * multiply-adds of the affine layers only (2 FLOPs each; not σ, the loss or the
 * update): epoch = train × (forward + backward) + (train + test) × forward, for
 * the loss evaluation; grid = grid² × forward.
 * @param {object} pkg the wasm module (Node: after initSync; page: after init())
 */
export function benchWorkload(pkg, w, { quick, warmup, reps, minMs }) {
  const { grid, boundary } = sizes(quick);
  const view = new pkg.ClassifierView();
  try {
    configure(view, w);
    const train = view.train_size();
    const test = view.test_size();
    const steps = Math.ceil(train / SETTINGS.batch);
    const epoch = measure(() => {
      const done = view.train(steps);
      // A diverged run does fewer steps and would fake a speed-up.
      if (done !== steps) throw new Error(`${w.name}: train(${steps}) did ${done} steps: ${view.status()}`);
    }, { warmup, reps, minMs });
    let units = 0;
    const gridTimes = measure(() => { units = view.compute_unit_outputs(grid); }, { warmup, reps, minMs });
    const boundaryTimes = measure(() => view.compute_boundary(boundary, boundary), { warmup, reps, minMs });

    const [fwdTrain, bwdTrain] = view.multiply_adds(train);
    const [fwdEval] = view.multiply_adds(train + test);
    const [fwdGrid] = view.multiply_adds(grid * grid);
    const flops = { epoch: 2 * (fwdTrain + bwdTrain + fwdEval), grid: 2 * fwdGrid };
    const result = {
      id: w.id, name: w.name, hidden: w.hidden, dataset: w.dataset, points: w.points,
      train_size: train, test_size: test, params: view.param_count(), steps_per_epoch: steps,
      grid: `${grid}x${grid}`, grid_values: units, boundary_size: `${boundary}x${boundary}`,
      epoch: summarize(epoch), grid_time: summarize(gridTimes), boundary: summarize(boundaryTimes),
      flops,
    };
    result.gflops = {
      epoch: gflops(flops.epoch, result.epoch.median),
      grid: gflops(flops.grid, result.grid_time.median),
    };
    return result;
  } finally {
    view.free();
  }
}

/**
 * The roofline: n×n f32 products through the forward pass's kernel, for each n;
 * the best median GFLOP/s over the sizes is the figure the workloads are divided by.
 */
export function roofline(pkg, { quick, warmup, reps }) {
  const ns = quick ? [64, 128] : [256, 512];
  const bySize = ns.map((n) => {
    // One timed call lasts about 60 ms (2 ms in --quick) at ~10 GFLOP/s.
    const products = Math.max(1, Math.round(((quick ? 2 : 60) * 1e7) / (2 * n ** 3)));
    const times = measure(() => pkg.bench_matmul(n, products), { warmup, reps });
    const flops = 2 * n ** 3 * products;
    const speeds = times.map((t) => gflops(flops, t));
    return {
      n, products, time: summarize(times),
      gflops: { median: gflops(flops, summarize(times).median), best: Math.max(...speeds) },
    };
  });
  const best = bySize.reduce((a, b) => (b.gflops.median > a.gflops.median ? b : a));
  return { sizes: bySize, n: best.n, gflops: best.gflops.median };
}

/** Every workload, then the roofline, in one environment. */
export function benchAll(pkg, opts) {
  return {
    workloads: workloads(opts.quick).map((w) => benchWorkload(pkg, w, opts)),
    roofline: roofline(pkg, opts),
  };
}
