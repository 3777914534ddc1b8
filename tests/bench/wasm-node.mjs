// Part (a) of the benchmark: the release wasm in Node, without a page around it.
// Runs the reference workloads (workloads.mjs, the same code the Chromium part
// runs inside the page), so a change in the Rust core shows up here first, free
// of browser and drawing noise.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchAll } from './workloads.mjs';

/** Loads www/pkg the way the contract says Node should: initSync with the bytes. */
async function loadWasm(pkgDir) {
  const bytes = fs.readFileSync(path.join(pkgDir, 'mlp_playground_bg.wasm'));
  const pkg = await import(pathToFileURL(path.join(pkgDir, 'mlp_playground.js')).href);
  pkg.initSync({ module: bytes });
  return pkg;
}

/**
 * Runs part (a). Returns { workloads: [record per workload], roofline }, records as
 * workloads.mjs's benchWorkload makes them.
 * @param {{pkgDir: string, quick: boolean, warmup: number, reps: number, minMs: number}} opts
 */
export async function benchNode({ pkgDir, ...opts }) {
  const pkg = await loadWasm(pkgDir);
  return benchAll(pkg, opts);
}
