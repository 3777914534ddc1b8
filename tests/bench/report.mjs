// The benchmark's terminal tables: one function per table, each taking the
// records the runners return (the same objects run.mjs writes to JSON).
import { PHASES } from './sizes.mjs';
import { bytes, ms, table } from './stats.mjs';

const stats = (s) => [ms(s.median), ms(s.min), ms(s.max)];
const pct = (x) => `${(100 * x).toFixed(1)}%`;
const gf = (x) => x.toFixed(2);

/** The three kinds of work per workload, with the record field holding each one's stats. */
const WORK = [
  ['epoch', (r) => `epoch = ${r.steps_per_epoch} steps`],
  ['grid_time', (r) => `grid ${r.grid}, ${r.hidden.reduce((a, b) => a + b, 1)} units`],
  ['boundary', (r) => `boundary ${r.boundary_size}`],
];

/** Times of every workload, Node and Chromium side by side. */
export function workloadTable(node, chromium) {
  const rows = node.workloads.flatMap((r, i) => {
    const c = chromium.workloads[i];
    return WORK.map(([key, label], k) => [
      k === 0 ? `${r.name}, ${r.train_size}+${r.test_size} pts, ${r.params} params` : '',
      label(r),
      ...stats(r[key]),
      ...stats(c[key]),
      `${r[key].reps}`,
    ]);
  });
  return table(
    ['workload', 'work', '>node median', '>min', '>max', '>chromium median', '>min', '>max', '>reps'],
    rows,
  );
}

/** Achieved GFLOP/s of the epoch and the grid, as a fraction of each build's roofline. */
export function gflopsTable(node, chromium) {
  const rows = node.workloads.flatMap((r, i) => {
    const c = chromium.workloads[i];
    return ['epoch', 'grid'].map((key) => [
      key === 'epoch' ? r.name : '',
      key,
      (r.flops[key] / 1e6).toFixed(3),
      gf(r.gflops[key]),
      pct(r.gflops[key] / node.roofline.gflops),
      gf(c.gflops[key]),
      pct(c.gflops[key] / chromium.roofline.gflops),
    ]);
  });
  const roof = (x) => `${x.roofline.n}x${x.roofline.n}`;
  rows.push([
    'roofline: f32 matmul (best n)',
    `${roof(node)} / ${roof(chromium)}`,
    '',
    gf(node.roofline.gflops),
    '100%',
    gf(chromium.roofline.gflops),
    '100%',
  ]);
  return table(
    ['workload', 'work', '>MFLOP/call', '>node GFLOP/s', '>of roof', '>chromium GFLOP/s', '>of roof'],
    rows,
  );
}

/** frame() timings and the free-running rate, at the defaults and with workload (ii). */
export function frameTables(page) {
  const cases = [['defaults', page.defaults], [`${page.workload_ii.name} (controls)`, page.workload_ii]];
  const measured = cases.filter(([, c]) => !c.skipped);
  const what = (c) =>
    `${c.steps_per_frame} steps, batch ${c.batch}, canvas ${c.canvases.boundary}, heatmap ${c.heatmap_grid}`;
  const frames = table(
    ['page', 'frame(): train + draw', '>median', '>min', '>max', '>reps'],
    measured.map(([name, c]) => [name, what(c), ...stats(c.frame), c.frame.reps]),
  );
  const playing = table(
    ['page (playing on its own)', '>seconds', '>frames', '>fps', '>main thread', '>script', '>style+layout',
      '>layouts/frame'],
    measured.map(([name, c]) => [
      name,
      c.playing.seconds.toFixed(1),
      c.playing.frames,
      c.playing.fps.toFixed(1),
      ms(c.playing.task_ms_per_frame),
      ms(c.playing.script_ms_per_frame),
      ms(c.playing.style_layout_ms_per_frame),
      c.playing.layouts_per_frame.toFixed(1),
    ]),
  );
  const skipped = cases.filter(([, c]) => c.skipped).map(([name, c]) => `\n${name}: not measured, ${c.skipped}`);
  return frames + '\n\n' + playing + skipped.join('');
}

/** Bytes of every file the page loads, raw and gzipped, grouped by when it is fetched. */
export function sizeTable(size) {
  const row = (f) => [f.file, bytes(f.raw), bytes(f.gzip)];
  const rows = [];
  for (const [key, label] of PHASES) {
    const phase = size[key];
    if (key === 'after_first_frame' && phase.files.length === 0) continue;
    rows.push([`${label}:`, '', ''], ...phase.files.map((f) => row({ ...f, file: `  ${f.file}` })),
      row({ ...phase.total, file: '  subtotal' }));
  }
  rows.push(row(size.total));
  if (size.never_fetched.files.length > 0) {
    rows.push(['shipped but never fetched in these loads:', '', ''],
      ...size.never_fetched.files.map((f) => row({ ...f, file: `  ${f.file}` })));
  }
  return table(['file', '>raw', '>gzip'], rows);
}

/** Navigation to the first frame on screen. */
export function firstFrameTable(first) {
  const rows = [
    ["performance.mark('mlp:first-frame'), after its paint", first.mark],
    ['first drawn pixel of #boundary (polled)', first.pixel],
    ['  for reference: DOMContentLoaded', first.dom],
    ['  for reference: the .wasm received', first.wasm],
    ["  for reference: wasm instantiated (mark 'mlp:wasm-ready')", first.wasm_ready],
    ["  for reference: controls pushed (mark 'mlp:controls-pushed')", first.controls_pushed],
  ]
    .filter(([, s]) => s)
    .map(([label, s]) => [label, ...stats(s), s.reps]);
  return table(['navigation -> first frame', '>median', '>min', '>max', '>loads'], rows);
}

/** [label, target, measured, met] rows: the benchmark's targets against the medians measured. */
export function targets(r) {
  const w = (env, id) => env.workloads.find((x) => x.id === id);
  const rows = [];
  const time = (label, target, value) => rows.push([label, `<= ${target} ms`, value, value <= target]);
  for (const [env, name] of [[r.node, 'Node'], [r.chromium, 'Chromium']]) {
    time(`epoch (ii), ${name}`, 0.15, w(env, 'ii').epoch.median);
    time(`epoch (iii), ${name}`, 0.25, w(env, 'iii').epoch.median);
    time(`grid 100x100 all units (ii), ${name}`, 0.8, w(env, 'ii').grid_time.median);
  }
  const ii = r.chromium.workload_ii;
  if (ii.skipped) rows.push(['frame (ii), Chromium', '<= 8 ms', null, null]);
  else {
    time('frame (ii), Chromium: frame()', 8, ii.frame.median);
    time('frame (ii), Chromium: main thread/frame, playing', 8, ii.playing.task_ms_per_frame);
  }
  // The page has no size target any more (clarity over kilobytes): its bytes are
  // reported in table (c), and judged by the first frame's time below.
  time('first frame after navigation, Chromium', 300, r.first_frame.first_frame.median);
  // The Digits view's 1000 full-batch steps, played in the page (not in --quick).
  const run = r.practical_page;
  const fps = run ? ` (${run.fps.toFixed(0)} fps)` : '';
  rows.push([`the practical's 1000 steps in the page, Chromium${fps}`, '<= 12 s', run ? run.seconds : null, run ? run.seconds <= 12 : null]);
  return rows;
}

/** The targets as a table; with --quick the workloads are shrunk, so no verdict is given. */
export function targetTable(rows, quick) {
  return table(
    ['target (median)', 'target', '>measured', 'verdict'],
    rows.map(([label, target, value, met]) => [
      label,
      target,
      value === null ? '-' : target.endsWith(' s') ? `${value.toFixed(1)} s` : `${ms(value)} ms`,
      met === null ? 'not measured' : quick ? '- (quick)' : met ? 'met' : 'not met',
    ]),
  );
}
