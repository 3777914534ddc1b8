// End-to-end tests of the Optimiser fieldset, the stop conditions, the confusion
// matrices and the ghost curves on the served release build. Each test ends by
// asserting that nothing was logged as an error.
//
// Run: node --test tests/e2e/optimiser.test.mjs   (after scripts/build.sh)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertRefused, frames, readout, setValue, startPlayground, WAIT } from './helpers.mjs';

let playground;

/** Clicks Step `n` times (one update each) and returns the training loss. */
async function steps(page, n) {
  for (let i = 0; i < n; i += 1) await page.click('#step');
  return page.evaluate(() => window.playground.view.train_loss());
}

/** Waits until Play has paused by itself. */
async function waitPaused(page) {
  await page.waitForFunction(() => document.getElementById('play').textContent === 'Play', null, WAIT);
}

/** The counts of a confusion table, row by row. */
async function table(page, id) {
  return page.$$eval(`#${id} td`, (cells) => cells.map((c) => Number(c.textContent)));
}

/**
 * Waits until the loss chart has more (`more`) or fewer pixels than `than` in the
 * first ghost's faded grey (r = g = b ≈ 174), and returns their count. The chart is
 * redrawn at most 15 times a second, so the count is polled rather than read once.
 */
async function ghostPixels(page, more, than) {
  const handle = await page.waitForFunction(([wantMore, limit]) => {
    const c = document.getElementById('loss-curve');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i] === d[i + 1] && d[i + 1] === d[i + 2] && d[i] >= 165 && d[i] <= 185) n += 1;
    }
    return (wantMore ? n > limit : n < limit) ? n : false;
  }, [more, than], WAIT);
  return handle.jsonValue();
}

describe('the Optimiser controls', () => {
  before(async () => { playground = await startPlayground(); });
  after(async () => { await playground?.close(); });

  test('Adam trains differently from GD from the same seed, and a switch keeps the state', async () => {
    const { page, errors, close } = await playground.openPage();
    const gd = await steps(page, 15);
    await setValue(page, '#weight-seed', '1');
    await frames(page);
    assert.equal(await readout(page, 'iteration'), 0, 'the same seed restarts the same run');
    await page.selectOption('#optimizer', 'adam');
    const status = await page.textContent('#status');
    assert.match(status, /Adam.*weights kept, training continues from iteration 0/);
    const adam = await steps(page, 15);
    assert.ok(Math.abs(adam - gd) > 1e-3, `Adam ${adam} vs GD ${gd}`);
    // Mid-run switches keep the weights and the iteration, like η.
    await page.selectOption('#optimizer', 'momentum');
    assert.equal(await readout(page, 'iteration'), 15);
    assert.match(await page.textContent('#status'), /momentum β = 0\.9.*iteration 15/);
    await page.selectOption('#regularization', 'l2');
    assert.match(await page.textContent('#status'), /L2.*λ = 0\.001.*iteration 15/);
    assert.equal(await page.evaluate(() => window.playground.view.train_loss()), adam);
    await assertRefused(page, [['#momentum-beta', '1.5', '0.9'], ['#lambda', '-1', '0.001'], ['#lambda', '', '0.001']]);
    assert.deepEqual(errors, []);
    await close();
  });

  test('a stop at N epochs stops at N, says why, and goes on only past a new N', async () => {
    const { page, errors, close } = await playground.openPage();
    await page.selectOption('#stop', 'epochs');
    await setValue(page, '#stop-epochs', '30');
    await setValue(page, '#steps-per-frame', '7');
    await page.click('#play');
    await waitPaused(page);
    assert.equal(await readout(page, 'iteration'), 30, 'full batch: one epoch per update');
    assert.equal(await page.textContent('#epoch'), '30.00');
    assert.match(await page.textContent('#status'), /Stopped at iteration 30.*30 epochs/);
    assert.equal(await page.getAttribute('#status', 'data-kind'), 'info', 'a stop is not an error');
    await page.click('#play');
    await waitPaused(page);
    assert.equal(await readout(page, 'iteration'), 30, 'Play again does not pass the condition');
    await setValue(page, '#stop-epochs', '40');
    await page.click('#play');
    await waitPaused(page);
    assert.equal(await readout(page, 'iteration'), 40);
    await assertRefused(page, [['#stop-epochs', '2.5', '40']]);
    assert.deepEqual(errors, []);
    await close();
  });

  test('the confusion matrices sum to the training and test counts', async () => {
    const { page, errors, close } = await playground.openPage();
    await setValue(page, '#steps-per-frame', '20');
    await page.click('#play');
    await page.waitForFunction(() => window.playground.view.iteration() >= 200, null, WAIT);
    await page.click('#play');
    // The tables refresh at most 4 times a second: wait for the one after the pause,
    // whose diagonal then holds exactly the test points the readout counts as right.
    await page.waitForFunction(() => {
      const v = window.playground.view;
      const cells = [...document.querySelectorAll('#confusion-test td')].map((c) => Number(c.textContent));
      return cells.length === 4 && Math.abs((cells[0] + cells[3]) / v.test_size() - v.test_accuracy()) < 1e-6;
    }, null, WAIT);
    const [train, test] = [await table(page, 'confusion-train'), await table(page, 'confusion-test')];
    const sizes = await page.evaluate(() => [window.playground.view.train_size(), window.playground.view.test_size()]);
    const sum = (v) => v.reduce((a, b) => a + b, 0);
    assert.equal(train.length, 4);
    assert.deepEqual([sum(train), sum(test)], sizes);
    const acc = await page.evaluate(() => window.playground.view.test_accuracy());
    assert.ok(Math.abs((test[0] + test[3]) / sizes[1] - acc) < 1e-6, `diagonal ${test} vs accuracy ${acc}`);
    assert.deepEqual(errors, []);
    await close();
  });

  test('a kept ghost stays on the loss chart with its legend after Reset', async () => {
    const { page, errors, close } = await playground.openPage();
    await page.selectOption('#optimizer', 'adam');
    await steps(page, 30);
    await page.click('#keep-ghost');
    await page.click('#reset');
    await frames(page, 6);
    assert.equal(await readout(page, 'iteration'), 0);
    assert.deepEqual(await page.$$eval('#ghost-list li', (li) => li.map((x) => x.textContent)),
      ['ghost 1: Adam η=0.03 seed 1']);
    await page.click('#step');
    // The dashed grey curve is on the chart, and goes when the ghosts are cleared.
    const withGhost = await ghostPixels(page, true, 60);
    await page.click('#clear-ghosts');
    const without = await ghostPixels(page, false, withGhost / 3);
    assert.ok(withGhost > without + 40, `ghost pixels ${withGhost} vs ${without} once cleared`);
    assert.equal(await page.isHidden('#ghost-list'), true);
    assert.deepEqual(errors, []);
    await close();
  });

  test('the settings are kept in the address, and bad ones fall back with a message', async () => {
    const { page, errors, close } = await playground.openPage();
    await page.selectOption('#optimizer', 'adam');
    await page.selectOption('#stop', 'loss');
    await page.waitForFunction(() => window.location.search.includes('optimizer=adam'), null, WAIT);
    const url = new URL(page.url());
    url.searchParams.set('lambda', 'abc');
    await page.goto(url.toString());
    await page.waitForFunction(() => window.playground && document.getElementById('params').textContent !== '—', null, WAIT);
    assert.equal(await page.inputValue('#optimizer'), 'adam');
    assert.equal(await page.inputValue('#stop'), 'loss');
    assert.match(await page.textContent('#status'), /lambda=abc \(not a number\)/);
    assert.equal(await page.inputValue('#lambda'), '0.001');
    assert.deepEqual(errors, []);
    await close();
  });
});
