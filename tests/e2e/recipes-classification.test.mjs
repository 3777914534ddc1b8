// The README's "Teaching with it" recipes of the Classification view, each typed in
// as written through the page's own controls (boxes filled and left, menus chosen,
// buttons clicked), asserting the outcome the README states. Iteration counts are
// reached with the page's controls: 1000 steps per frame and a stop "after N epochs"
// (full batch: one update per epoch), so a run of 3000 iterations is three frames.
//
// Run: node --test tests/e2e/recipes-classification.test.mjs   (after scripts/build.sh)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseReadout, readout, startPlayground, WAIT } from './helpers.mjs';

let playground;

/** Types `value` into a box and leaves it, as a person does. */
async function type(page, selector, value) {
  await page.fill(selector, String(value));
  await page.locator(selector).blur();
}

/** Plays until the stop "after `n` epochs" pauses the run (full batch: n iterations). */
async function trainTo(page, n) {
  await page.selectOption('#stop', 'epochs');
  await type(page, '#stop-epochs', n);
  await type(page, '#steps-per-frame', 1000);
  await page.click('#play');
  await page.waitForFunction((it) => document.getElementById('play').textContent === 'Play'
    && document.getElementById('iteration').textContent === String(it), n, WAIT);
}

/** Waits until the readout `id` shows `text` (readouts are written at the next frame). */
async function shows(page, id, text) {
  await page.waitForFunction(([i, t]) => document.getElementById(i).textContent === t, [id, String(text)], WAIT);
}

/** Sets the hidden widths with − / + and the width boxes. */
async function hiddenLayers(page, widths) {
  while ((await page.$$('input.layer-width')).length > widths.length) await page.click('#remove-layer');
  while ((await page.$$('input.layer-width')).length < widths.length) await page.click('#add-layer');
  for (const [i, w] of widths.entries()) await type(page, `#layer-width-${i + 1}`, w);
}

/** How many weights w(l) (not biases) are below `limit` in magnitude, and how many there are. */
async function smallWeights(page, limit) {
  return page.evaluate((lim) => {
    const { view } = window.playground;
    let small = 0;
    let total = 0;
    for (let l = 1; l < view.layer_sizes().length; l += 1) {
      const w = view.layer_weights(l);
      total += w.length;
      small += w.filter((x) => Math.abs(x) < lim).length;
    }
    return { small, total };
  }, limit);
}

describe('the README recipes of the classification view', () => {
  before(async () => { playground = await startPlayground(); });
  after(async () => { await playground?.close(); });

  test('gradient descent and η: small η crawls, moderate converges, η = 100 diverges, is stopped, and recovers', async () => {
    const { page, errors, close } = await playground.openPage();
    const start = await readout(page, 'train-loss');
    await type(page, '#eta-number', 0.001);
    await trainTo(page, 300);
    assert.ok(await readout(page, 'train-loss') > 0.9 * start, 'η = 0.001 crawls');
    await page.click('#restart');
    await type(page, '#eta-number', 0.03);
    await trainTo(page, 300);
    assert.ok(await readout(page, 'train-loss') < 0.5 * start, 'η = 0.03 converges');
    // A tanh output saturates: with a sum and η = 100 it does not blow up.
    await page.selectOption('#reduction', 'sum');
    await type(page, '#eta-number', 100);
    await page.click('#restart');
    await trainTo(page, 500);
    assert.equal(await page.getAttribute('#status', 'data-kind'), 'info', await page.textContent('#status'));
    // An identity output, a sum and η = 100: the run diverges and the page stops it.
    await page.selectOption('#stop', 'none');
    await page.selectOption('#output-activation', 'identity');
    await type(page, '#steps-per-frame', 10);
    await page.click('#play');
    await page.waitForFunction(() => document.getElementById('status').dataset.kind === 'diverged', null, WAIT);
    const status = await page.textContent('#status');
    assert.match(status, /Training diverged at iteration \d+: the training loss per sample reached .* lower η/);
    assert.equal(await page.textContent('#play'), 'Play', 'paused');
    await page.waitForFunction(() => document.getElementById('steps-per-sec').textContent === '0', null, WAIT);
    // The sentence is beside the chart, on the first screen of a 1366 × 768 display.
    const [line, chart] = [await page.locator('#status').boundingBox(), await page.locator('#boundary').boundingBox()];
    assert.ok(line.y + line.height <= chart.y + 2 && line.y + line.height < 768, `status at ${JSON.stringify(line)}`);
    const kept = await readout(page, 'train-loss');
    assert.match(status, new RegExp(`ℒ = ${String(kept).replace('.', '\\.')}`), `the kept loss is shown: ${kept}`);
    // Lowering η continues from the kept weights, to a loss below the one before diverging.
    await type(page, '#eta-number', 0.003);
    await type(page, '#steps-per-frame', 100);
    await page.click('#play');
    const from = await readout(page, 'iteration');
    await page.waitForFunction((i) => window.playground.view.iteration() > i + 1000, from, WAIT);
    // Every readout of a frame comes from the same step: with λ = 0, ℒ + λR is ℒ.
    const [train, objective] = await page.evaluate(() => ['train-loss', 'objective'].map((id) => document.getElementById(id).textContent));
    assert.equal(objective, train, 'the objective and the train loss of one frame');
    await page.click('#play');
    assert.ok(await readout(page, 'train-loss') < kept, 'recovered below the loss before diverging');
    assert.equal(await page.getAttribute('#status', 'data-kind'), 'info');
    assert.deepEqual(errors, []);
    await close();
  });

  test('w₀ matters: on XOR weight seed 1 stalls at 76 % while weight seed 2 reaches 100 %', async () => {
    const { page, errors, close } = await playground.openPage();
    await page.selectOption('#dataset', 'xor');
    await type(page, '#points', 200);
    await type(page, '#noise', 0);
    await type(page, '#data-seed', 3);
    await hiddenLayers(page, [4]);
    await type(page, '#eta-number', 0.1);
    await type(page, '#weight-seed', 1);
    await trainTo(page, 3000);
    assert.equal(await readout(page, 'train-acc'), 76);
    await type(page, '#weight-seed', 2);
    await shows(page, 'iteration', 0);
    await trainTo(page, 3000);
    assert.equal(await readout(page, 'train-acc'), 100);
    assert.deepEqual(errors, []);
    await close();
  });

  test('depth and width: one layer of 8 does not fit the spirals, a second layer or twice the width does', async () => {
    const { page, errors, close } = await playground.openPage();
    await page.selectOption('#dataset', 'spirals');
    await page.selectOption('#optimizer', 'adam');
    const accuracy = async (widths) => {
      await hiddenLayers(page, widths);
      await trainTo(page, 3000);
      return readout(page, 'train-acc');
    };
    const one = await accuracy([8]);
    assert.ok(one < 95, `one layer of 8: ${one} %`);
    assert.equal(await accuracy([8, 8]), 100, 'two layers of 8');
    assert.equal(await accuracy([16]), 100, 'one layer of 16');
    assert.deepEqual(errors, []);
    await close();
  });

  test('the linear collapse: with the identity σ a deep network is the affine map A x + B', async () => {
    const { page, errors, close } = await playground.openPage();
    await page.selectOption('#activation', 'identity');
    await page.selectOption('#output-activation', 'identity');
    await hiddenLayers(page, [8, 8, 8, 8]);
    await trainTo(page, 300);
    await page.check('#show-collapse');
    await page.waitForFunction(() => document.getElementById('collapse-diff').textContent !== '—', null, WAIT);
    const diff = parseReadout(await page.textContent('#collapse-diff'));
    assert.ok(diff < 1e-4, `max |f − (A x + B)| = ${diff}`);
    assert.equal(await page.textContent('#collapse-params'), '3');
    assert.deepEqual(errors, []);
    await close();
  });

  test('over-fitting: with few noisy points and a wide network the test loss turns up as the training loss falls', async () => {
    const { page, errors, close } = await playground.openPage();
    await type(page, '#points', 40);
    await type(page, '#noise', 0.5);
    await hiddenLayers(page, [64, 64]);
    await trainTo(page, 800);
    const [train800, test800] = [await readout(page, 'train-loss'), await readout(page, 'test-loss')];
    await trainTo(page, 3000);
    const [train3000, test3000] = [await readout(page, 'train-loss'), await readout(page, 'test-loss')];
    assert.ok(train3000 < train800 / 10, `training loss falls: ${train800} → ${train3000}`);
    assert.ok(test3000 > 1.2 * test800, `test loss turns up: ${test800} → ${test3000}`);
    assert.deepEqual(errors, []);
    await close();
  });

  test('features instead of depth: no hidden layer stays near 50 % on the circle, x₁² and x₂² separate it', async () => {
    const { page, errors, close } = await playground.openPage();
    while ((await page.$$('input.layer-width')).length > 0) await page.click('#remove-layer');
    await trainTo(page, 2000);
    const line = await readout(page, 'train-acc');
    assert.ok(line > 40 && line < 65, `a line: ${line} %`);
    for (const id of ['#feature-x1sq', '#feature-x2sq']) await page.check(id);
    for (const id of ['#feature-x1', '#feature-x2']) await page.uncheck(id);
    assert.equal(await page.evaluate(() => window.playground.view.features()), 'x1sq,x2sq');
    await trainTo(page, 500);
    assert.equal(await readout(page, 'train-acc'), 100);
    assert.deepEqual(errors, []);
    await close();
  });

  test('momentum and Adam against GD: a ghost, the same weight seed typed again, Adam three orders lower', async () => {
    const { page, errors, close } = await playground.openPage();
    const initial = await readout(page, 'train-loss');
    await trainTo(page, 1500);
    const gd = await readout(page, 'train-loss');
    await page.click('#keep-ghost');
    assert.match(await page.textContent('#ghost-list'), /ghost 1: GD η=0\.03 seed 1/);
    await page.selectOption('#optimizer', 'adam');
    // The seed shown is typed again: that alone restarts from the same weights.
    await type(page, '#weight-seed', 1);
    await shows(page, 'iteration', 0);
    assert.equal(await readout(page, 'train-loss'), initial, 'from the same initial weights');
    await trainTo(page, 300);
    const test300 = await readout(page, 'test-loss');
    await trainTo(page, 1500);
    const [adam, test1500] = [await readout(page, 'train-loss'), await readout(page, 'test-loss')];
    assert.ok(adam < gd / 300, `Adam ${adam} against GD ${gd}`);
    assert.ok(Math.abs(test1500 - test300) < 0.1 * test300, `the test loss levels off: ${test300} → ${test1500}`);
    assert.equal(await page.evaluate(() => window.playground.view.ghost_count()), 1);
    // Restart: the same initial weights again, from the seed shown.
    await page.click('#restart');
    await shows(page, 'iteration', 0);
    assert.equal(await readout(page, 'train-loss'), initial);
    assert.match(await page.textContent('#status'), /Restart: weight seed 1 again/);
    await page.selectOption('#optimizer', 'momentum');
    await trainTo(page, 1500);
    assert.ok(await readout(page, 'train-loss') < gd, 'momentum β = 0.9 beats GD too');
    assert.deepEqual(errors, []);
    await close();
  });

  test('L1 makes weights zero: both runs reach 100 %, with L1 most weights end below 10⁻³', async () => {
    const { page, errors, close } = await playground.openPage();
    await trainTo(page, 3000);
    assert.equal(await readout(page, 'train-acc'), 100);
    const plain = await smallWeights(page, 1e-3);
    await page.selectOption('#regularization', 'l1');
    await type(page, '#lambda', 0.01);
    await page.click('#restart');
    await trainTo(page, 3000);
    assert.equal(await readout(page, 'train-acc'), 100);
    const l1 = await smallWeights(page, 1e-3);
    assert.equal(l1.total, 88);
    assert.ok(l1.small >= 50 && plain.small <= 2, `L1 ${l1.small} of 88 against ${plain.small} without`);
    assert.deepEqual(errors, []);
    await close();
  });
});
