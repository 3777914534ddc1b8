// The practical's 1000 steps in the page alone (the last line of `npm run bench`'s
// part (a)), for a quick look at the Digits view's training speed without the rest of
// the benchmark: node tests/bench/practical-page.mjs [runs]   (serves dist/, built by
// `npm run build`). Prints every run and their median.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withChromium } from './chromium.mjs';
import { benchPracticalPage } from './practical.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHIP = path.join(ROOT, 'dist');
const runs = Number(process.argv[2] ?? 3);
if (!fs.existsSync(path.join(SHIP, 'index.html')) || !(runs >= 1)) {
  console.error('usage: node tests/bench/practical-page.mjs [runs ≥ 1], after `npm run build` wrote dist/');
  process.exit(2);
}
const seconds = [];
await withChromium(SHIP, async ({ browser, url }) => {
  for (let r = 0; r < runs; r += 1) {
    const p = await benchPracticalPage({ browser, url });
    seconds.push(p.seconds);
    console.log(`run ${r + 1}: ${p.steps} steps in ${p.seconds.toFixed(1)} s, ${p.fps.toFixed(0)} frames per second meanwhile, trained by ${p.where}`);
  }
});
const sorted = [...seconds].sort((a, b) => a - b);
console.log(`median of ${runs}: ${sorted[Math.floor((runs - 1) / 2)].toFixed(1)} s for the 1000 steps (target ≤ 12 s)`);
