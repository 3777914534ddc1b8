// End-to-end tests of the "Data & files" fieldset: own points clicked onto the
// chart and erased, CSV import (a bad file names its line and keeps the old data),
// downloads of the points, weights, loss history and charts, and weights loaded back
// giving the very same training loss. Each test ends with zero console errors.
//
// Run: node --test tests/e2e/data-files.test.mjs   (after scripts/build.sh)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { frames, readout, startPlayground, WAIT } from './helpers.mjs';

let playground;

/** Clicks `selector` and returns the downloaded file's name and bytes. */
async function downloaded(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(await file.path()) };
}

/** Chooses a file with the given text in a file input. */
async function chooseFile(page, selector, name, text, mimeType = 'text/csv') {
  await page.setInputFiles(selector, { name, mimeType, buffer: Buffer.from(text) });
}

/** Waits until the status line shows text containing `part`. */
async function statusShows(page, part) {
  await page.waitForFunction((p) => document.getElementById('status').textContent.includes(p), part, WAIT);
  return (await page.textContent('#status')).trim();
}

/** A point of the boundary canvas as a fraction of its CSS box, for page.mouse. */
async function at(page, fx, fy) {
  const box = await page.locator('#boundary').boundingBox();
  return [box.x + fx * box.width, box.y + fy * box.height];
}

const counts = async (page) => [await readout(page, 'train-count'), await readout(page, 'test-count')];

describe('data and files', () => {
  before(async () => { playground = await startPlayground(); });
  after(async () => { await playground?.close(); });

  test('clicks add points of both classes and an alt-drag erases them', async () => {
    const { page, errors, close } = await playground.openPage();
    const [train0, test0] = await counts(page);
    assert.equal(await page.textContent('#data-source'), 'generated (circle)');
    await page.selectOption('#plane-mode', 'add');
    await page.mouse.click(...await at(page, 0.5, 0.5));
    await frames(page);
    assert.deepEqual(await counts(page), [train0 + 1, test0], 'a click adds a training point');
    assert.equal(await page.textContent('#data-source'), 'your own points');
    await page.keyboard.down('Shift');
    await page.mouse.click(...await at(page, 0.55, 0.5));
    await page.keyboard.up('Shift');
    await page.selectOption('#new-point-set', 'test');
    await page.mouse.click(...await at(page, 0.6, 0.5), { button: 'right' });
    await frames(page);
    assert.deepEqual(await counts(page), [train0 + 2, test0 + 1]);
    const csv = await page.evaluate(() => window.playground.view.export_points_csv());
    const lines = csv.trim().split('\n');
    const lastTrain = lines.filter((l) => l.endsWith(',train')).at(-1);
    assert.match(lastTrain, /,-1,train$/, 'Shift-click adds a −1 point');
    assert.match(lines.at(-1), /,-1,test$/, 'the right button adds a −1 point to the chosen set');
    assert.ok(lines.some((l) => l.endsWith(',1,train')), 'the plain click added a +1 point');
    assert.equal(await readout(page, 'iteration'), 0, 'a data change restarts training');

    await page.keyboard.down('Alt');
    await page.mouse.move(...await at(page, 0.45, 0.5));
    await page.mouse.down();
    await page.mouse.move(...await at(page, 0.65, 0.5), { steps: 12 });
    await page.mouse.up();
    await page.keyboard.up('Alt');
    await frames(page);
    const [train1, test1] = await counts(page);
    assert.ok(train1 <= train0 && test1 <= test0, `the three new points (at least) were erased: ${train1}, ${test1}`);
    assert.match(await page.textContent('#status'), /Erased \d+ points?/);
    assert.deepEqual(errors, []);
    await close();
  });

  test('own points travel in the address: a copied link brings them back exactly', async () => {
    const { page, errors, close } = await playground.openPage();
    assert.equal(new URL(page.url()).searchParams.has('own'), false, 'generated data: no own= in the address');
    await page.selectOption('#plane-mode', 'add');
    await page.mouse.click(...await at(page, 0.3, 0.4));
    await page.selectOption('#new-point-set', 'test');
    await page.mouse.click(...await at(page, 0.7, 0.6), { button: 'right' });
    await frames(page);
    await page.waitForFunction(() => new URL(location.href).searchParams.has('own'), null, WAIT);
    const csv = await page.evaluate(() => window.playground.view.export_points_csv());
    const link = page.url();
    const copy = await playground.openPage(link.slice(link.indexOf('?')));
    assert.equal(await copy.page.evaluate(() => window.playground.view.export_points_csv()), csv, 'the same points, classes and sets');
    assert.equal(await copy.page.textContent('#data-source'), 'your own points');
    assert.equal(await copy.page.getAttribute('#status', 'data-kind') === 'error', false, await copy.page.textContent('#status'));
    assert.deepEqual(copy.errors, []);
    await copy.close();
    // A damaged text is listed and the generated data are used.
    const damaged = link.slice(link.indexOf('?')).replace(/own=1\.[^&]{3}/, 'own=1.*!*');
    const bad = await playground.openPage(damaged);
    assert.match(await bad.page.textContent('#status'), /own=… \(The points in the address cannot be read: /);
    assert.equal(await bad.page.textContent('#data-source'), 'generated (circle)');
    assert.deepEqual(bad.errors, []);
    await bad.close();
    assert.deepEqual(errors, []);
    await close();
  });

  test('a bad CSV names its lines and keeps the data; a good one replaces it', async () => {
    const { page, errors, close } = await playground.openPage();
    const before = await counts(page);
    await chooseFile(page, '#import-points', 'bad.csv', 'x1,x2,label\n1,2,1\n1,two,-1\n3,3,1,train\n9,0,1\n');
    const message = await statusShows(page, 'Nothing was imported');
    assert.match(message, /line 3: x2 "two" is not a number/);
    assert.match(message, /line 5: the point \(9, 0\) lies outside/);
    assert.equal(await page.getAttribute('#status', 'data-kind'), 'error');
    assert.deepEqual(await counts(page), before, 'the old data is kept');
    assert.equal(await page.textContent('#data-source'), 'generated (circle)');

    await chooseFile(page, '#import-points', 'mine.csv', 'x1,x2,label,split\n1,1,1,train\n-1,-1,-1,train\n2,2,1,train\n0,1,0,test\n');
    await statusShows(page, 'Imported mine.csv');
    await frames(page);
    assert.deepEqual(await counts(page), [3, 1]);
    assert.equal(await page.textContent('#data-source'), 'your own points');

    // Another data set replaces own points, and says how to get them back.
    await page.selectOption('#dataset', 'xor');
    await statusShows(page, 'Restore my points');
    await frames(page);
    assert.deepEqual(await counts(page), before);
    await page.click('#restore-points');
    await frames(page);
    assert.deepEqual(await counts(page), [3, 1], 'own points restored');
    assert.ok(await page.isHidden('#restore-points'));
    assert.deepEqual(errors, []);
    await close();
  });

  test('exported points and weights load back exactly; loss CSV and PNG download', async () => {
    const { page, errors, close } = await playground.openPage();
    const points = await downloaded(page, '#export-points');
    assert.equal(points.name, 'points.csv');
    const text = points.bytes.toString();
    assert.ok(text.startsWith('x1,x2,label,split\n'));
    await chooseFile(page, '#import-points', 'points.csv', text);
    await statusShows(page, 'Imported points.csv');
    assert.equal(await page.evaluate(() => window.playground.view.export_points_csv()), text, 'the same points');

    await page.evaluate(() => window.playground.view.train(50));
    const loss = await page.evaluate(() => window.playground.view.train_loss());
    const weights = await downloaded(page, '#export-weights');
    assert.equal(weights.name, 'weights.json');
    assert.equal(JSON.parse(weights.bytes.toString()).format, 'mlp-playground weights');
    await page.click('#reset');
    await frames(page);
    assert.notEqual(await page.evaluate(() => window.playground.view.train_loss()), loss);
    await chooseFile(page, '#import-weights', 'weights.json', weights.bytes.toString(), 'application/json');
    await statusShows(page, 'Loaded the weights');
    assert.equal(await page.evaluate(() => window.playground.view.train_loss()), loss, 'the same train loss, exactly');
    assert.equal(await readout(page, 'iteration'), 0);

    // Other hidden layers and σ: the page takes the file's, and the weights load exactly.
    await page.click('#remove-layer');
    await page.selectOption('#activation', 'relu');
    await frames(page);
    assert.match(await page.textContent('#architecture'), /^2 → 8 → 1 · /);
    await chooseFile(page, '#import-weights', 'weights.json', weights.bytes.toString(), 'application/json');
    assert.match(await statusShows(page, 'Loaded the weights'), /now has its architecture, 2 → 8 → 8 → 1, σ tanh/);
    assert.match(await page.textContent('#architecture'), /^2 → 8 → 8 → 1 · /);
    assert.equal(await page.inputValue('#activation'), 'tanh');
    assert.equal(await page.evaluate(() => window.playground.view.train_loss()), loss, 'the same train loss, exactly');
    // Other inputs (a feature more) cannot be adopted: refused, and nothing changes.
    await page.click('#remove-layer');
    await frames(page);
    // A file whose layers do not fit its own sizes: refused before anything changes.
    const saved = JSON.parse(weights.bytes.toString());
    const broken = JSON.stringify({ ...saved, sizes: [2, 4, 1], layers: [] });
    await page.evaluate(() => window.playground.view.train(20));
    const trained = await page.evaluate(() => [window.playground.view.iteration(), window.playground.view.train_loss()]);
    await chooseFile(page, '#import-weights', 'broken.json', broken, 'application/json');
    assert.match(await statusShows(page, 'cannot be read'), /"sizes" describes 2 layers but "layers" has 0\.$/);
    assert.match(await page.textContent('#architecture'), /^2 → 8 → 1 · /);
    assert.deepEqual(await page.evaluate(() => [window.playground.view.iteration(), window.playground.view.train_loss()]),
      trained, 'the training state is untouched');
    // Weights that overflow on this data (identity σ, w = 3e38): the page took their
    // architecture, the core refuses them, and the page's own comes back.
    const huge = (rows, cols) => Array.from({ length: rows }, () => Array(cols).fill(3e38));
    const overflow = JSON.stringify({
      ...saved, sizes: [2, 4, 1], hidden_activation: 'identity', output_activation: 'identity',
      layers: [{ w: huge(4, 2), b: [0, 0, 0, 0] }, { w: huge(1, 4), b: [0] }],
    });
    await chooseFile(page, '#import-weights', 'overflow.json', overflow, 'application/json');
    assert.match(await statusShows(page, 'not finite'), /hidden layers and σ are back, and its model restarted from the weight seed/);
    assert.match(await page.textContent('#architecture'), /^2 → 8 → 1 · /);
    assert.deepEqual([await page.inputValue('#activation'), await page.inputValue('#output-activation')], ['tanh', 'tanh']);
    await page.check('#feature-x1sq');
    await frames(page);
    const other = await page.evaluate(() => window.playground.view.train_loss());
    await chooseFile(page, '#import-weights', 'weights.json', weights.bytes.toString(), 'application/json');
    assert.match(await statusShows(page, 'Nothing was loaded'), /2–8–8–1.*3–8–1.*choose the same features and data set/);
    assert.match(await page.textContent('#architecture'), /^3 → 8 → 1 · /);
    assert.equal(await page.evaluate(() => window.playground.view.train_loss()), other);

    const lossCsv = await downloaded(page, '#export-loss');
    assert.match(lossCsv.bytes.toString(), /^iteration,train,test\n0,[0-9.e-]+,[0-9.e-]+\n/);
    const png = await downloaded(page, '#export-png');
    assert.equal(png.name, 'mlp-playground.png');
    assert.deepEqual([...png.bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'a PNG file');
    assert.ok(png.bytes.length > 5000, 'with the charts in it');
    assert.deepEqual(errors, []);
    await close();
  });
});
