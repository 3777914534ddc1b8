// The Digits view: its MNIST digits are fetched only when it is first opened; Play
// lowers the training and test errors; a digit drawn with the mouse gets 10 outputs;
// bad input (η = 0, a width of 0, an empty pad) gets a clear message and the page keeps
// working; training runs in a Web Worker (or on the page where none starts) with the
// panel's layers, loss, optimiser and mini-batch; its settings travel in the address;
// no console error throughout.
//
// Run: node --test tests/e2e/digits.test.mjs   (after scripts/build.sh)
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { readout, REPO, setValue, startPlayground, WAIT } from './helpers.mjs';

/** Whether the page has fetched the digits file. */
const fetchedDigits = (page) => page.evaluate(() => performance.getEntriesByType('resource')
  .some((e) => new URL(e.name).pathname.endsWith('/digits.bin')));

describe('the Digits view (release build in dist/)', () => {
  let playground;
  before(async () => { playground = await startPlayground({ root: path.join(REPO, 'dist') }); });
  after(async () => { await playground?.close(); });

  test('fetches its digits only when opened, learns, reads a drawing and refuses bad input', async () => {
    const { page, errors, close } = await playground.openPage();
    try {
      await page.click('#play');
      await page.waitForTimeout(300);
      await page.click('#play');
      assert.equal(await fetchedDigits(page), false, 'a plain load does not fetch the digits');
      await page.click('#view-approx');
      await page.waitForFunction(() => window.playground.lessonViewsBuilt, null, WAIT);
      assert.equal(await fetchedDigits(page), false, 'another lesson tab does not fetch them either');

      await page.click('#view-digits');
      await page.waitForFunction(() => /digits loaded/.test(document.getElementById('status').textContent), null, WAIT);
      assert.equal(await fetchedDigits(page), true);
      assert.equal(await readout(page, 'dg-step'), 0);
      assert.equal(await readout(page, 'dg-params'), 784 * 50 + 50 + 50 * 10 + 10);
      // Smaller sets, so that a few seconds of Play are many steps.
      await setValue(page, '#dg-train', '200');
      await setValue(page, '#dg-test', '200');
      await setValue(page, '#dg-eta', '0.0005');
      const start = { train: await readout(page, 'dg-train-error'), test: await readout(page, 'dg-test-error') };
      await page.click('#play');
      await page.waitForFunction(() => {
        const v = (id) => Number(document.getElementById(id).textContent.replace(/[^0-9.]/g, ''));
        return v('dg-train-error') < 50 && v('dg-test-error') < 70;
      }, null, { timeout: 30_000, polling: 100 });
      await page.click('#play');
      const end = { train: await readout(page, 'dg-train-error'), test: await readout(page, 'dg-test-error') };
      assert.ok(end.train < start.train && end.test < start.test, `errors ${JSON.stringify(start)} → ${JSON.stringify(end)}`);
      assert.ok(await readout(page, 'dg-step') > 0);
      assert.match(await page.textContent('#dg-played'), /^\d+\.\d s$/);
      assert.ok(await readout(page, 'dg-played') > 0, 'the time playing counts');
      const confusion = await page.$$eval('#dg-confusion td', (tds) => tds.reduce((s, td) => s + Number(td.textContent), 0));
      assert.equal(confusion, 200, 'the confusion matrix counts every test digit');

      // A click on the first test digit shows its outputs.
      const grid = await page.locator('#dg-test-digits').boundingBox();
      await page.locator('#dg-test-digits').click({ position: { x: grid.width / 40, y: grid.width / 40 } });
      await page.waitForFunction(() => /^Test digit 1, a \d/.test(document.getElementById('dg-answer').textContent), null, WAIT);
      assert.equal(await page.locator('#dg-outputs tr').count(), 10);

      // A 7 drawn with the mouse.
      await page.locator('#dg-pad').scrollIntoViewIfNeeded();
      const box = await page.locator('#dg-pad').boundingBox();
      const at = (fx, fy) => [box.x + fx * box.width, box.y + fy * box.height];
      await page.mouse.move(...at(0.25, 0.2));
      await page.mouse.down();
      for (const [fx, fy] of [[0.5, 0.2], [0.75, 0.2], [0.6, 0.5], [0.45, 0.85]]) await page.mouse.move(...at(fx, fy), { steps: 5 });
      await page.mouse.up();
      await page.waitForFunction(() => document.querySelectorAll('#dg-outputs tr').length === 10, null, WAIT);
      assert.match(await page.textContent('#dg-answer'), /The network reads: \d/);
      assert.notEqual(await page.getAttribute('#status', 'data-kind'), 'error', await page.textContent('#status'));
      const values = await page.$$eval('#dg-outputs meter', (ms) => ms.map((m) => m.value));
      assert.equal(values.length, 10);
      assert.ok(values.every(Number.isFinite));
      // A second stroke, then Undo: the first stroke is still read; Undo again: the pad is empty.
      const pixels = () => page.$eval('#dg-pad', (c) => c.getContext('2d').getImageData(0, 0, c.width, c.height).data.filter((v, i) => i % 4 === 3 && v > 0).length);
      const one = await pixels();
      await page.mouse.move(...at(0.3, 0.5));
      await page.mouse.down();
      await page.mouse.move(...at(0.7, 0.5), { steps: 5 });
      await page.mouse.up();
      assert.ok(await pixels() > one, 'the second stroke adds ink');
      await page.click('#dg-undo');
      assert.equal(await pixels(), one, 'Undo takes exactly the last stroke away');
      assert.match(await page.textContent('#dg-answer'), /The network reads: \d/);
      assert.equal(await page.locator('#dg-outputs tr').count(), 10);
      await page.click('#dg-undo');
      assert.equal(await pixels(), 0);
      assert.equal((await page.textContent('#dg-answer')).trim(), 'The pad is empty: draw a digit.');

      // Bad input: a sentence, the box back at its value, the page still working.
      await setValue(page, '#dg-eta', '0');
      assert.match(await page.textContent('#status'), /η must be above 0/);
      assert.equal(await page.inputValue('#dg-eta'), '0.0005');
      await setValue(page, '#dg-width', '0');
      assert.equal(await page.getAttribute('#status', 'data-kind'), 'error');
      assert.ok((await page.textContent('#status')).trim().length > 10);
      assert.equal(await page.inputValue('#dg-width'), '50');
      await page.click('#dg-clear');
      assert.equal((await page.textContent('#dg-answer')).trim(), 'The pad is empty: draw a digit.');
      assert.equal(await page.locator('#dg-outputs tr').count(), 0);
      const before = await readout(page, 'dg-step');
      await page.click('#step');
      await page.waitForFunction((n) => Number(document.getElementById('dg-step').textContent) === n + 1, before, WAIT);
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });

  test('trains in Web Workers with the panel\'s layers, loss, optimiser and mini-batch, and Pause stops it', async () => {
    const { page, errors, close } = await playground.openPage();
    try {
      // The workers start once the digits are in: the lead, and on two cores its partner.
      const started = page.waitForEvent('worker', WAIT);
      await page.click('#view-digits');
      await page.waitForFunction(() => /digits loaded/.test(document.getElementById('status').textContent), null, WAIT);
      assert.match((await started).url(), /\/worker\.js$/);
      const expected = (await page.evaluate(() => navigator.hardwareConcurrency)) >= 2 ? 2 : 1;
      for (let t = 0; page.workers().length < expected && t < 50; t += 1) await page.waitForTimeout(100);
      assert.equal(page.workers().length, expected, 'a training worker per core, up to two');
      assert.ok(page.workers().every((w) => /\/worker\.js$/.test(w.url())));
      await setValue(page, '#dg-train', '200');
      await setValue(page, '#dg-test', '200');
      await setValue(page, '#dg-width', '64, 32');
      await page.selectOption('#dg-loss-function', 'softmax-cross-entropy');
      await setValue(page, '#dg-epsilon', '0.05');
      await page.selectOption('#dg-optimizer', 'adam');
      await setValue(page, '#dg-eta', '0.001');
      await setValue(page, '#dg-batch', '50');
      assert.match(await page.textContent('#status'), /Mini-batches of 50 digits/);
      assert.equal(await readout(page, 'dg-params'), 784 * 64 + 64 + 64 * 32 + 32 + 32 * 10 + 10);
      assert.equal(await readout(page, 'dg-step'), 0);
      await page.click('#play');
      await page.waitForFunction(() => Number(document.getElementById('dg-test-error').textContent.replace(/[^0-9.]/g, '')) < 40,
        null, { timeout: 30_000, polling: 100 });
      await page.click('#play');
      // Pause stops the worker: the step count settles and stays.
      await page.waitForTimeout(300);
      const paused = await readout(page, 'dg-step');
      await page.waitForTimeout(700);
      assert.equal(await readout(page, 'dg-step'), paused, 'no step after Pause');
      assert.ok(paused > 0);
      // Under the cross-entropy the outputs are the softmax's probabilities.
      const grid = await page.locator('#dg-test-digits').boundingBox();
      await page.locator('#dg-test-digits').click({ position: { x: grid.width / 40, y: grid.width / 40 } });
      await page.waitForFunction(() => /probability 1/.test(document.getElementById('dg-answer').textContent), null, WAIT);
      const bars = await page.$$eval('#dg-outputs meter', (ms) => ms.map((m) => [m.min, m.value]));
      assert.equal(bars.length, 10);
      assert.ok(bars.every(([min, v]) => min === 0 && v >= 0 && v <= 1), JSON.stringify(bars));
      assert.ok(Math.abs(bars.reduce((sum, [, v]) => sum + v, 0) - 1) < 1e-2, 'the probabilities sum to 1');
      // Bad input: a sentence, the box back at its value.
      await setValue(page, '#dg-width', '64,,32');
      assert.match(await page.textContent('#status'), /Hidden widths needs whole numbers/);
      assert.equal(await page.inputValue('#dg-width'), '64, 32');
      await setValue(page, '#dg-batch', '201');
      assert.match(await page.textContent('#status'), /more than the 200 training digits/);
      assert.equal(await page.inputValue('#dg-batch'), '50');
      // Step after the refusals still trains, in the worker.
      await page.click('#step');
      await page.waitForFunction((n) => Number(document.getElementById('dg-step').textContent) === n + 1, paused, WAIT);
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });

  /** Opens Digits, and plays 100 + 100 digits until 5 steps are done, then pauses. */
  async function playFiveSteps(page) {
    await page.click('#view-digits');
    await page.waitForFunction(() => /digits loaded/.test(document.getElementById('status').textContent), null, WAIT);
    await setValue(page, '#dg-train', '100');
    await setValue(page, '#dg-test', '100');
    await page.click('#play');
    await page.waitForFunction(() => Number(document.getElementById('dg-step').textContent) >= 5, null, WAIT);
    await page.click('#play');
  }

  test('where no Web Worker can start, the page trains by itself', async () => {
    const { page, errors, close } = await playground.openPage('', () => { delete window.Worker; });
    try {
      await playFiveSteps(page);
      assert.equal((await page.textContent('#dg-workers')).trim(), 'this page (no Web Worker started)');
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });

  test('where a second worker cannot start, the first takes every step alone', async () => {
    const { page, errors, close } = await playground.openPage('', () => {
      const Real = window.Worker;
      let made = 0;
      window.Worker = function Worker(url, options) {
        made += 1;
        if (made === 2) throw new Error('no second worker here');
        return new Real(url, options);
      };
    });
    try {
      await playFiveSteps(page);
      assert.equal(page.workers().length, 1);
      assert.equal((await page.textContent('#dg-workers')).trim(), '1 Web Worker');
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });

  test('from 4000 training digits two workers share each full-batch step, as the readout says; a new training set keeps η and names the handout\'s', async () => {
    const { page, errors, close } = await playground.openPage();
    try {
      await page.click('#view-digits');
      await page.waitForFunction(() => /digits loaded/.test(document.getElementById('status').textContent), null, WAIT);
      const title = await page.$eval('#dg-workers', (dd) => dd.previousElementSibling.title);
      assert.match(title, /4000 training digits or more/);
      await setValue(page, '#dg-train', '4000');
      // η is kept, and the status gives the handout's η for the new size.
      assert.match(await page.textContent('#status'), /η stays 0\.0001; the handout's η for 4000 digits is 0\.1 \/ 4000 = 0\.000025\./);
      await setValue(page, '#dg-eta', '0.000025');
      await setValue(page, '#dg-test', '100');
      assert.doesNotMatch(await page.textContent('#status'), /η stays/);
      await setValue(page, '#dg-width', '10');
      await page.click('#play');
      await page.waitForFunction(() => Number(document.getElementById('dg-step').textContent) >= 5, null, WAIT);
      await page.click('#play');
      const cores = await page.evaluate(() => navigator.hardwareConcurrency);
      assert.equal((await page.textContent('#dg-workers')).trim(), cores >= 2 ? '2 Web Workers, sharing each step' : '1 Web Worker');
      // One digit fewer, and the lead takes the steps alone again.
      await setValue(page, '#dg-train', '3999');
      await page.click('#step');
      await page.waitForFunction(() => Number(document.getElementById('dg-step').textContent) === 1, null, WAIT);
      assert.equal((await page.textContent('#dg-workers')).trim(),
        cores >= 2 ? '1 Web Worker of 2: steps are shared from 4000 training digits, full batch' : '1 Web Worker');
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });

  test('the Lessons menu\'s "The practical: digits" sets the handout\'s recipe, and Play learns with it', async () => {
    const { page, errors, close } = await playground.openPage();
    try {
      await page.selectOption('#lesson', 'practical-digits');
      await page.waitForFunction(() => /digits loaded/.test(document.getElementById('status').textContent), null, WAIT);
      assert.equal(await page.getAttribute('#view-digits', 'aria-selected'), 'true');
      // The handout's recipe, as the lesson's text states it.
      const recipe = {
        'dg-train': '1000', 'dg-test': '1000', 'dg-width': '50', 'dg-activation': 'tanh', 'dg-loss-function': 'mse', 'dg-epsilon': '0.000001',
        'dg-eta': '0.0001', 'dg-optimizer': 'gd', 'dg-batch': '0',
      };
      for (const [id, want] of Object.entries(recipe)) {
        assert.equal(Number.isNaN(Number(want)) ? await page.inputValue(`#${id}`) : Number(await page.inputValue(`#${id}`)), Number.isNaN(Number(want)) ? want : Number(want), id);
      }
      assert.equal(await readout(page, 'dg-params'), 784 * 50 + 50 + 50 * 10 + 10);
      assert.match(await page.textContent('#dg-handout'), /3\.6\s*%/);
      // Its steps learn: the training error falls below chance (90 %) within seconds.
      await page.click('#play');
      await page.waitForFunction(() => Number(document.getElementById('dg-train-error').textContent.replace(/[^0-9.]/g, '')) < 80,
        null, { timeout: 60_000, polling: 200 });
      await page.click('#play');
      assert.ok(await readout(page, 'dg-step') > 0);
      // 1000 training digits are too few for two workers to beat one: the lead took every step.
      const cores = await page.evaluate(() => navigator.hardwareConcurrency);
      assert.equal((await page.textContent('#dg-workers')).trim(),
        cores >= 2 ? '1 Web Worker of 2: steps are shared from 4000 training digits, full batch' : '1 Web Worker');
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });

  test("its settings travel in the address, and /#digits opens it", async () => {
    const { page, url, close } = await playground.blankPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(new URL('?dg-width=20&dg-train=300#digits', url).href);
      await page.waitForFunction(() => /digits loaded/.test(document.getElementById('status').textContent), null, WAIT);
      assert.equal(await page.inputValue('#dg-width'), '20');
      assert.equal(await readout(page, 'dg-params'), 784 * 20 + 20 + 20 * 10 + 10);
      const address = new URL(await page.evaluate(() => window.location.href));
      assert.equal(address.searchParams.get('dg-train'), '300');
      assert.equal(address.hash, '#digits');
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });
});
