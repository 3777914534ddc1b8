// End-to-end tests of the real page: the served release build in headless Chromium,
// driven like a person would (clicks, typed values), read back from the DOM, the
// canvases' pixels and the console. Every test ends by asserting that nothing was
// logged as an error and no exception escaped.
//
// Run: node --test tests/e2e/   (after scripts/build.sh has built www/pkg)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertRefused, frames, readout, screenshot, setValue, setting, startPlayground, WAIT } from './helpers.mjs';

let playground;
const openPage = () => playground.openPage();

/** Trains the default network on XOR with brisk settings until it separates the quadrants. */
async function trainXor(page, accuracy = 0.95) {
  await page.selectOption('#dataset', 'xor');
  await setValue(page, '#eta-number', '0.1');
  await setValue(page, '#steps-per-frame', '20');
  await page.click('#play');
  await page.waitForFunction((a) => window.playground.view.train_accuracy() >= a, accuracy, WAIT);
  await page.click('#play');
}

/**
 * Most frequent colour in a 21×21 patch of the boundary canvas around (fx, fy)
 * (fractions of its size): the mode ignores the few pixels of a drawn point.
 */
async function patchColour(page, fx, fy) {
  return page.evaluate(([x, y]) => {
    const canvas = document.getElementById('boundary');
    const ctx = canvas.getContext('2d');
    const cx = Math.round(x * canvas.width);
    const cy = Math.round(y * canvas.height);
    const data = ctx.getImageData(cx - 10, cy - 10, 21, 21).data;
    const counts = new Map();
    for (let i = 0; i < data.length; i += 4) {
      const key = `${data[i]},${data[i + 1]},${data[i + 2]}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    return best[0].split(',').map(Number);
  }, [fx, fy]);
}

/** The class a heatmap colour shows (+1 orange, −1 blue), or 0 if it is neither (src/render/palette.rs). */
const classOf = ([r, , b]) => (b - r > 60 ? -1 : r - b > 60 ? 1 : 0);

describe('the playground page', () => {
  before(async () => { playground = await startPlayground(); });
  after(async () => { await playground?.close(); });

  test('loads, draws the boundary and separates both XOR classes after training', async () => {
    const { page, errors, close } = await openPage();
    assert.equal(await page.textContent('#play'), 'Play');
    assert.equal(await readout(page, 'iteration'), 0);
    assert.equal(await readout(page, 'params'), 105, '2 → 8 → 8 → 1 has 24 + 72 + 9 parameters');
    const size = await page.evaluate(() => {
      const c = document.getElementById('boundary');
      return [c.width, c.height, c.clientWidth];
    });
    assert.deepEqual(size, [size[2], size[2], size[2]], 'backing store = CSS size × devicePixelRatio (1)');
    await trainXor(page);
    // XOR: (+,+) and (−,−) are one class, (+,−) and (−,+) the other; whichever way
    // the y axis points, the canvas diagonals hold the same class.
    const [a, b, c, d] = await Promise.all([
      patchColour(page, 0.27, 0.27), patchColour(page, 0.73, 0.73),
      patchColour(page, 0.73, 0.27), patchColour(page, 0.27, 0.73)]);
    const classes = [a, b, c, d].map(classOf);
    assert.notEqual(classes[0], 0, `a class colour, not ${a}`);
    assert.notEqual(classes[2], 0, `a class colour, not ${c}`);
    assert.deepEqual(classes, [classes[0], classes[0], -classes[0], -classes[0]],
      `both class colours, one per diagonal: ${[a, b, c, d].map((x) => `(${x})`).join(' ')}`);
    assert.deepEqual(errors, []);
    await close();
  });

  test('Play makes the iteration rise and the training loss fall', async () => {
    const { page, errors, close } = await openPage();
    const loss0 = await readout(page, 'train-loss');
    await setValue(page, '#steps-per-frame', '10');
    await page.click('#play');
    assert.equal(await page.textContent('#play'), 'Pause');
    // The speed readout is measured over about one second, so wait for it
    // too: 500 iterations can take less than that.
    await page.waitForFunction((l0) => {
      const it = Number(document.getElementById('iteration').textContent);
      const loss = Number(document.getElementById('train-loss').textContent);
      const speed = Number(document.getElementById('steps-per-sec').textContent);
      return it >= 500 && loss < 0.8 * l0 && speed > 0;
    }, loss0, WAIT);
    assert.ok(await readout(page, 'steps-per-sec') > 0, 'steps per second measured while playing');
    await page.click('#play');
    assert.equal(await page.textContent('#play'), 'Play');
    assert.ok(await readout(page, 'iteration') >= 500);
    assert.ok(await readout(page, 'train-loss') < 0.8 * loss0);
    assert.deepEqual(errors, []);
    await close();
  });

  test('changing η mid-run keeps the iteration count', async () => {
    const { page, errors, close } = await openPage();
    await page.click('#play');
    await page.waitForFunction(() => Number(document.getElementById('iteration').textContent) >= 50, null, WAIT);
    await page.click('#play');
    await frames(page);
    const before = await readout(page, 'iteration');
    await page.fill('#eta-number', '0.1');
    await page.locator('#eta-number').dispatchEvent('change');
    await frames(page);
    assert.equal(await readout(page, 'iteration'), before, 'η must not restart training');
    const eta = Number(await setting(page, ['eta', 'learning_rate']));
    assert.ok(Math.abs(eta - 0.1) < 1e-6, `settings_json has η = ${eta}`);
    assert.ok(Math.abs(Number(await page.inputValue('#eta')) - -1) < 0.011, 'slider at log10(0.1) = −1');
    assert.match(await page.textContent('#status'), /η = 0\.1/);
    await page.click('#play');
    await page.waitForFunction((n) => Number(document.getElementById('iteration').textContent) > n + 10, before, WAIT);
    assert.deepEqual(errors, []);
    await close();
  });

  test('changing the hidden layers rebuilds the model', async () => {
    const { page, errors, close } = await openPage();
    for (let i = 0; i < 3; i += 1) await page.click('#step');
    await frames(page);
    assert.equal(await readout(page, 'iteration'), 3);
    await page.fill('.layer-width >> nth=0', '16');
    await page.press('.layer-width >> nth=0', 'Enter');
    await frames(page);
    assert.equal(await readout(page, 'iteration'), 0);
    assert.equal(await readout(page, 'params'), 193, '2·16+16 + 16·8+8 + 8·1+1');
    assert.match(await page.textContent('#status'), /Architecture changed: model rebuilt, training restarted\./);
    await page.click('#add-layer');
    await frames(page);
    assert.equal(await page.locator('.layer-width').count(), 3);
    assert.equal(await readout(page, 'params'), 265, '48 + 136 + 72 + 9');
    await page.click('#remove-layer');
    await page.click('#remove-layer');
    await page.click('#remove-layer');
    await frames(page);
    assert.equal(await page.locator('.layer-width').count(), 0);
    assert.equal(await readout(page, 'params'), 3, 'no hidden layer: f(x) = σ(w x + b)');
    assert.ok(await page.isDisabled('#remove-layer'));
    assert.deepEqual(errors, []);
    await close();
  });

  test('bad values are refused with a message and the field reverts', async () => {
    const { page, errors, close } = await openPage();
    await page.click('#step');
    const cases = [
      ['#eta-number', '-1', '0.03'], ['#eta-number', 'abc', '0.03'], ['#eta-number', '', '0.03'],
      ['#points', '3', '200'], ['#noise', '2', '0.1'], ['#train-fraction', '0.95', '0.5'],
      ['#batch-size', '2.5', ''], ['#steps-per-frame', '0', '10'], ['#data-seed', '-4', '1'],
      ['.layer-width', '0', '8'], ['.layer-width', '129', '8'],
    ];
    await assertRefused(page, cases);
    await frames(page);
    assert.equal(await readout(page, 'iteration'), 1, 'refused values change nothing');
    assert.ok(Math.abs(Number(await setting(page, ['eta', 'learning_rate'])) - 0.03) < 1e-6);
    assert.deepEqual(errors, []);
    await close();
  });

  test('a huge η diverges: training pauses, the status says so, no NaN is shown', async () => {
    const { page, errors, close } = await openPage();
    // A tanh output saturates (bounded MSE, vanishing gradients); an identity output
    // lets f(x) grow without bound, so η = 100 with a summed loss overflows in a few steps.
    await page.selectOption('#output-activation', 'identity');
    await page.selectOption('#reduction', 'sum');
    await setValue(page, '#eta-number', '100');
    await setValue(page, '#steps-per-frame', '10');
    await page.click('#play');
    await page.waitForFunction(() => !document.getElementById('status-reset').hidden, null, WAIT);
    assert.match(await page.textContent('#status'), /diverge/i);
    assert.equal(await page.textContent('#play'), 'Play', 'paused');
    const stuck = await readout(page, 'iteration');
    await frames(page, 5);
    assert.equal(await readout(page, 'iteration'), stuck, 'no training after divergence');
    const readouts = await page.textContent('.readouts');
    assert.ok(!/NaN|undefined/.test(readouts), `readouts: ${readouts}`);
    // Playing again does not start: the message stays until η is lowered or Reset.
    await page.click('#play');
    assert.equal(await page.textContent('#play'), 'Play');
    const seed = await page.inputValue('#weight-seed');
    await page.click('#status-reset');
    await frames(page);
    assert.ok(await page.isHidden('#status-reset'));
    assert.equal(await readout(page, 'iteration'), 0);
    assert.notEqual(await page.inputValue('#weight-seed'), seed, 'Reset draws a new weight seed');
    assert.match(await page.textContent('#status'), /Reset: new weight seed \d+/);
    assert.deepEqual(errors, []);
    await close();
  });

  test('lowering η after a divergence lets training continue', async () => {
    const { page, errors, close } = await openPage();
    // A tanh output saturates (bounded MSE, vanishing gradients); an identity output
    // lets f(x) grow without bound, so η = 100 with a summed loss overflows in a few steps.
    await page.selectOption('#output-activation', 'identity');
    await page.selectOption('#reduction', 'sum');
    await setValue(page, '#eta-number', '100');
    await page.click('#play');
    await page.waitForFunction(() => !document.getElementById('status-reset').hidden, null, WAIT);
    await setValue(page, '#eta-number', '0.001');
    assert.ok(await page.isHidden('#status-reset'), 'the divergence is over');
    const before = await readout(page, 'iteration');
    // The status promised "lower η to continue from the last finite weights".
    await page.click('#step');
    await frames(page);
    assert.equal(await readout(page, 'iteration'), before + 1,
      `Step after lowering η must update the weights; status: "${await page.textContent('#status')}"`);
    assert.ok(await page.isHidden('#status-reset'));
    assert.ok(Number.isFinite(await page.evaluate(() => window.playground.view.train_loss())));
    assert.deepEqual(errors, []);
    await close();
  });

  test('keyboard: Space plays and pauses, → steps, R resets; keys typed in a box are left alone', async () => {
    const { page, errors, close } = await openPage();
    await page.click('h1'); // focus outside the controls
    await page.keyboard.press('Space');
    assert.equal(await page.textContent('#play'), 'Pause');
    await page.waitForFunction(() => Number(document.getElementById('iteration').textContent) >= 20, null, WAIT);
    await page.keyboard.press('Space');
    assert.equal(await page.textContent('#play'), 'Play');
    await frames(page);
    const before = await readout(page, 'iteration');
    await page.keyboard.press('ArrowRight');
    await frames(page);
    assert.equal(await readout(page, 'iteration'), before + 1, '→ takes one step');
    const seed = await page.inputValue('#weight-seed');
    await page.keyboard.press('r');
    await frames(page);
    assert.equal(await readout(page, 'iteration'), 0, 'R resets');
    assert.notEqual(await page.inputValue('#weight-seed'), seed, 'with a new weight seed');
    // In a number box, Space and → are the box's own keys.
    await page.focus('#points');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await frames(page);
    assert.equal(await page.textContent('#play'), 'Play');
    assert.equal(await readout(page, 'iteration'), 0);
    assert.deepEqual(errors, []);
    await close();
  });

  test('screenshot of a trained XOR for the README', async () => {
    const { page, errors, close } = await openPage();
    await trainXor(page, 0.99);
    await frames(page);
    await screenshot(page, 'playground.png');
    assert.deepEqual(errors, []);
    await close();
  });
});
