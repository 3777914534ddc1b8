// Takes the README's pictures of the classification view: the first picture and
// those of its diagram, classes, regression, ghosts and hide flags, presentation mode and a phone; and the Digits view's. Not a test (npm test does not run it): run it by hand
// after `npm run build` when the page's look changes:
//   node tests/e2e/screenshots.mjs [outdir] [name.png …]
// outdir defaults to www/screenshots; with names, only those pictures are taken.
import fs from 'node:fs';
import path from 'node:path';
import { frames, REPO, setValue, startPlayground, WAIT } from './helpers.mjs';

const OUT = path.resolve(process.argv[2] ?? path.join(REPO, 'www', 'screenshots'));
fs.mkdirSync(OUT, { recursive: true });
const playground = await startPlayground();

/** Plays until `done()` holds in the page, then pauses and lets a few frames draw. */
async function trainUntil(page, done, arg) {
  await page.click('#play');
  await page.waitForFunction(done, arg, { ...WAIT, timeout: 60_000 });
  await page.click('#play');
  await frames(page, 8);
  await page.waitForTimeout(500); // the throttled readouts (objective, confusion) catch up
  await page.mouse.move(0, 0);
}

/** The box around several elements, with a margin, for page.screenshot({ clip }). */
async function around(page, selectors, margin = 8) {
  const boxes = [];
  for (const s of selectors) boxes.push(await page.locator(s).boundingBox());
  const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - margin);
  const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - margin);
  const right = Math.max(...boxes.map((b) => b.x + b.width)) + margin;
  const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + margin;
  return { x, y, width: right - x, height: bottom - y };
}

/** The boundary, its legend and the readouts down to the loss chart; the diagram under
 * the boundary is made invisible for the picture so that it is not cut in half. */
async function stageShot(page, name, extra = []) {
  await page.evaluate(() => { document.getElementById('diagram').style.visibility = 'hidden'; });
  const clip = await around(page, ['#boundary', '#legend-classes', '#loss-curve', ...extra]);
  await page.screenshot({ path: path.join(OUT, name), clip });
  await page.evaluate(() => { document.getElementById('diagram').style.visibility = ''; });
}

const shots = {
  // The README's first picture: the whole view (1280 × 900) after training XOR.
  async 'classifier.png'(page) {
    await page.selectOption('#dataset', 'xor');
    await setValue(page, '#eta-number', '0.1');
    await setValue(page, '#steps-per-frame', '20');
    await trainUntil(page, () => window.playground.view.train_accuracy() >= 0.99);
    await page.screenshot({ path: path.join(OUT, 'classifier.png') });
  },
  // (a) The diagram of a trained XOR network with its thumbnails.
  async 'diagram.png'(page) {
    await page.selectOption('#dataset', 'xor');
    await setValue(page, '#eta-number', '0.1');
    await setValue(page, '#steps-per-frame', '20');
    await trainUntil(page, () => window.playground.view.train_accuracy() >= 0.98);
    await page.locator('#diagram').screenshot({ path: path.join(OUT, 'diagram.png') });
  },
  // The L1 recipe: the diagram of the circle network trained with λ = 0.01.
  async 'diagram-l1.png'(page) {
    await page.selectOption('#regularization', 'l1');
    await setValue(page, '#lambda', '0.01');
    await setValue(page, '#steps-per-frame', '50');
    await trainUntil(page, () => window.playground.view.iteration() >= 3000);
    await page.locator('#diagram').screenshot({ path: path.join(OUT, 'diagram-l1.png') });
  },
  // (b) Three spiral arms, softmax, boundary per class, confusion matrices.
  async 'classes.png'(page) {
    await page.selectOption('#dataset', 'arms');
    await setValue(page, '#classes', '3');
    await page.selectOption('#optimizer', 'adam');
    await setValue(page, '#eta-number', '0.01');
    await setValue(page, '#steps-per-frame', '20');
    await trainUntil(page, () => window.playground.view.train_accuracy() >= 0.97);
    await stageShot(page, 'classes.png');
  },
  // (c) A regression data set: the heatmap is the predicted value f(x).
  async 'regression.png'(page) {
    await page.selectOption('#dataset', 'gaussians');
    await page.selectOption('#optimizer', 'adam');
    await setValue(page, '#eta-number', '0.01');
    await setValue(page, '#steps-per-frame', '20');
    await trainUntil(page, () => window.playground.view.iteration() >= 3000);
    await stageShot(page, 'regression.png', ['#keep-ghost']);
  },
  // (d) The loss chart: a GD run kept as a ghost, then Adam from the same weight seed.
  async 'ghost.png'(page) {
    await page.selectOption('#dataset', 'circle');
    await setValue(page, '#eta-number', '0.03');
    await setValue(page, '#steps-per-frame', '10');
    await trainUntil(page, () => window.playground.view.iteration() >= 1500);
    await page.click('#keep-ghost');
    await page.selectOption('#optimizer', 'adam');
    await setValue(page, '#weight-seed', '1'); // restarts from the ghost's seed (Reset would draw a new one)
    await trainUntil(page, () => window.playground.view.iteration() >= 1500);
    await page.screenshot({ path: path.join(OUT, 'ghost.png'), clip: await around(page, ['#loss-curve', '#ghost-list']) });
  },
  // The Digits view after 200 steps of the practical's recipe, with a 3 drawn on the pad.
  async 'digits.png'(page) {
    await page.click('#view-digits');
    await page.waitForFunction(() => /digits loaded/.test(document.getElementById('status').textContent), null, WAIT);
    await trainUntil(page, () => Number(document.getElementById('dg-step').textContent) >= 200);
    await page.locator('#dg-pad').scrollIntoViewIfNeeded();
    const box = await page.locator('#dg-pad').boundingBox();
    const at = ([fx, fy]) => [box.x + fx * box.width, box.y + fy * box.height];
    await page.mouse.move(...at([0.3, 0.2]));
    await page.mouse.down();
    const three = [[0.5, 0.13], [0.68, 0.22], [0.62, 0.42], [0.45, 0.48], [0.65, 0.56], [0.7, 0.75], [0.5, 0.86], [0.3, 0.8]];
    for (const p of three) await page.mouse.move(...at(p), { steps: 6 });
    await page.mouse.up();
    await frames(page, 8);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(OUT, 'digits.png'), fullPage: true });
  },
};

const only = process.argv.slice(3);
for (const [name, take] of Object.entries(shots)) {
  if (only.length > 0 && !only.includes(name)) continue;
  const { page, errors, close } = await playground.openPage();
  await take(page);
  if (errors.length > 0) console.error(name, errors);
  console.log('saved', name);
  await close();
}

// (e) A reduced demo: the hide flags leave the training controls, the data and the charts
// (cut above the network diagram, which no flag hides).
{
  const name = 'hide.png';
  if (only.length === 0 || only.includes(name)) {
    const { page, errors, close } = await playground.openPage('?dataset=circle&hide=tabs,lessons,network,features,files,optimiser,classes,weight-seed');
    await setValue(page, '#eta-number', '0.1');
    await setValue(page, '#steps-per-frame', '10');
    await trainUntil(page, () => window.playground.view.train_accuracy() >= 0.98);
    const box = await around(page, ['h1', '#boundary', '#legend-classes', '#loss-curve'], 4);
    await page.screenshot({ path: path.join(OUT, name), clip: { x: 0, y: 0, width: box.x + box.width + 12, height: box.y + box.height } });
    if (errors.length > 0) console.error(name, errors);
    console.log('saved', name);
    await close();
  }
}
// (f) In class: presentation mode at a projector's 1024 × 768, and the page on a
// 390 × 844 phone (the first screen, with the Play bar), each after some training.
for (const [name, address, options] of [
  ['presentation.png', '?present=1', { viewport: { width: 1024, height: 768 } }],
  ['phone.png', '', { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }],
]) {
  if (only.length > 0 && !only.includes(name)) continue;
  const { page, errors, close } = await playground.openPage(address, undefined, options);
  await trainUntil(page, () => window.playground.view.iteration() >= 1200);
  await page.screenshot({ path: path.join(OUT, name) });
  if (errors.length > 0) console.error(name, errors);
  console.log('saved', name);
  await close();
}
await playground.close();
