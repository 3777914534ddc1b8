// End-to-end tests of the Features fieldset and the problem kinds: input
// features change x(0) (the architecture readout and the boundary follow, the
// address keeps them, an empty set is refused), "discretize output" paints only
// class colours without touching training, a regression data set shows a value
// heatmap with "—" accuracies, and a 3-class data set shows 3 class colours.
// Every test ends with zero console errors.
//
// Run: node --test tests/e2e/features.test.mjs   (after scripts/build.sh)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertRefused, frames, readout, setting, setValue, startPlayground, WAIT } from './helpers.mjs';

let playground;
const openPage = () => playground.openPage();

/** The boundary canvas's pixels as "r,g,b" strings (row-major). */
async function boundaryPixels(page) {
  return page.evaluate(() => {
    const canvas = document.getElementById('boundary');
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    const out = [];
    for (let i = 0; i < data.length; i += 4) out.push(`${data[i]},${data[i + 1]},${data[i + 2]}`);
    return out;
  });
}

/** How many pixels of a 60 % central square have each colour, most frequent first. */
async function centralColours(page) {
  return page.evaluate(() => {
    const canvas = document.getElementById('boundary');
    const [w, h] = [canvas.width, canvas.height];
    const data = canvas.getContext('2d').getImageData(0.2 * w, 0.2 * h, 0.6 * w, 0.6 * h).data;
    const counts = new Map();
    for (let i = 0; i < data.length; i += 4) {
      const key = `${data[i]},${data[i + 1]},${data[i + 2]}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return { total: data.length / 4, counts: [...counts.entries()].sort((a, b) => b[1] - a[1]) };
  });
}

/** The most frequent colour of a 21×21 patch around (fx, fy), fractions of the canvas (points are few). */
async function patchColour(page, fx, fy) {
  return page.evaluate(([x, y]) => {
    const canvas = document.getElementById('boundary');
    const cx = Math.round(x * canvas.width);
    const cy = Math.round(y * canvas.height);
    const data = canvas.getContext('2d').getImageData(cx - 10, cy - 10, 21, 21).data;
    const counts = new Map();
    for (let i = 0; i < data.length; i += 4) {
      const key = `${data[i]},${data[i + 1]},${data[i + 2]}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0].split(',').map(Number);
  }, [fx, fy]);
}

/** Ticks or unticks a checkbox as a person would (a click fires 'change'). */
async function tick(page, id, on) {
  if (await page.isChecked(`#${id}`) !== on) await page.click(`#${id}`);
  await frames(page);
}

describe('features, discretize, regression and classes', () => {
  before(async () => { playground = await startPlayground(); });
  after(async () => { await playground?.close(); });

  test('toggling x₁² widens x(0): architecture readout, boundary and address follow', async () => {
    const { page, errors, close } = await openPage();
    await frames(page);
    assert.match(await page.textContent('#architecture'), /^2 → 8 → 8 → 1 · 105 parameters/);
    const before = await boundaryPixels(page);
    await tick(page, 'feature-x1sq', true);
    assert.match(await page.textContent('#architecture'), /^3 → 8 → 8 → 1 · 113 parameters/);
    assert.equal(await readout(page, 'params'), 113, '3·8+8 + 8·8+8 + 8+1');
    assert.equal(await setting(page, ['features']), 'x1,x2,x1sq');
    assert.match(await page.textContent('#status'), /x₁, x₂, x₁²/);
    const afterToggle = await boundaryPixels(page);
    const changed = afterToggle.filter((p, i) => p !== before[i]).length;
    assert.ok(changed > 0.05 * before.length, `the heatmap changed (${changed} pixels)`);
    assert.match(page.url(), /feature-x1sq=1/);
    // The address restores it in a fresh page.
    const copy = await page.context().newPage();
    await copy.goto(page.url());
    await copy.waitForFunction(() => window.playground && document.getElementById('params').textContent !== '—', null, WAIT);
    await frames(copy);
    assert.equal(await setting(copy, ['features']), 'x1,x2,x1sq');
    assert.equal(await copy.isChecked('#feature-x1sq'), true);
    await copy.close();
    assert.deepEqual(errors, []);
    await close();
  });

  test('the last feature cannot be switched off, and a bad address value is listed', async () => {
    const { page, errors, close } = await openPage();
    await tick(page, 'feature-x1', false);
    assert.equal(await setting(page, ['features']), 'x2');
    await tick(page, 'feature-x2', false);
    assert.equal(await page.getAttribute('#status', 'data-kind'), 'error');
    assert.match(await page.textContent('#status'), /at least one input feature/);
    assert.equal(await page.isChecked('#feature-x2'), true, 'the refused change is undone');
    assert.equal(await setting(page, ['features']), 'x2');
    const base = page.url().replace(/[?#].*$/, '');
    await page.goto(`${base}?feature-x1=0&feature-x2=0&feature-x1x2=2`);
    await page.waitForFunction(() => window.playground && document.getElementById('params').textContent !== '—', null, WAIT);
    await frames(page);
    const text = await page.textContent('#status');
    assert.ok(text.includes('feature-x2=0 (refused)'), text);
    assert.ok(text.includes('feature-x1x2=2 (not 1 or 0)'), text);
    assert.equal(await setting(page, ['features']), 'x2');
    assert.deepEqual(errors, []);
    await close();
  });

  test('discretize output paints class colours only and keeps the training state', async () => {
    const { page, errors, close } = await openPage();
    for (let i = 0; i < 20; i += 1) await page.click('#step');
    await frames(page);
    const iteration = await readout(page, 'iteration');
    const shaded = await centralColours(page);
    const topTwo = ({ total, counts }) => (counts[0][1] + (counts[1]?.[1] ?? 0)) / total;
    await tick(page, 'discretize', true);
    const flat = await centralColours(page);
    assert.equal(await readout(page, 'iteration'), iteration, 'a display setting: training kept');
    assert.ok(topTwo(shaded) < 0.5, `shading varies: ${topTwo(shaded)}`);
    assert.ok(topTwo(flat) > 0.8, `two flat class colours: ${topTwo(flat)} ${JSON.stringify(flat.counts.slice(0, 4))}`);
    assert.match(page.url(), /discretize=1/);
    assert.deepEqual(errors, []);
    await close();
  });

  test('a regression data set shows a value heatmap and "—" accuracies', async () => {
    const { page, errors, close } = await openPage();
    await page.selectOption('#dataset', 'plane');
    await frames(page);
    assert.equal(await setting(page, ['task']), 'regression');
    assert.match(await page.textContent('#legend-classes'), /f = −1/);
    await setValue(page, '#steps-per-frame', '50');
    await page.click('#play');
    await page.waitForFunction(() => window.playground.view.train_loss() < 0.01, null, WAIT);
    await page.click('#play');
    await frames(page);
    assert.equal((await page.textContent('#train-acc')).trim(), '—');
    assert.equal((await page.textContent('#test-acc')).trim(), '—');
    assert.equal(await page.isVisible('#confusion'), false, 'no confusion matrix without classes');
    assert.ok(Number.isFinite(await readout(page, 'train-loss')));
    // t = (2x₁ + x₂)/18: orange (+) towards the top right, blue (−) towards the bottom left,
    // and every shade between: a value map, not two classes.
    const { counts } = await centralColours(page);
    assert.ok(counts.length > 40, `a gradient of values: ${counts.length} colours`);
    const [r1, , b1] = await patchColour(page, 0.75, 0.25);
    const [r2, , b2] = await patchColour(page, 0.25, 0.75);
    assert.ok(r1 - b1 > 60 && b2 - r2 > 60, `(${r1}, ${b1}) top right, (${r2}, ${b2}) bottom left`);
    // The logistic loss needs classes: refused with a sentence, the MSE stays.
    await page.selectOption('#loss', 'logistic');
    assert.match(await page.textContent('#status'), /MSE/);
    assert.equal(await page.inputValue('#loss'), 'mse');
    assert.deepEqual(errors, []);
    await close();
  });

  test('a 3-class data set shows 3 class colours, K scores and argmax accuracy', async () => {
    const { page, errors, close } = await openPage();
    await page.selectOption('#dataset', 'clusters');
    await frames(page);
    assert.match(await page.textContent('#architecture'), /^2 → 8 → 8 → 3 · /);
    assert.equal(await page.isDisabled('#loss'), true, 'softmax cross-entropy is implied');
    assert.equal(await page.isDisabled('#classes'), false);
    assert.equal(await page.locator('#legend-classes .swatch').count(), 3);
    await setValue(page, '#eta-number', '0.3');
    await setValue(page, '#steps-per-frame', '20');
    await page.click('#play');
    await page.waitForFunction(() => window.playground.view.train_accuracy() >= 0.9, null, WAIT);
    await page.click('#play');
    // The confusion matrix is 3 × 3 and its diagonal holds the points classified right.
    await page.waitForFunction(() => document.querySelectorAll('#confusion-test td').length === 9
      && [...document.querySelectorAll('#confusion-train td.diagonal')].reduce((a, td) => a + Number(td.textContent), 0)
        >= 0.9 * window.playground.view.train_size(), null, WAIT);
    await tick(page, 'discretize', true);
    const { total, counts } = await centralColours(page);
    // class_heat(k, 1) of src/render/classes.rs: 75 % of the class colour over the neutral grey.
    const palette = [[230, 159, 0], [86, 180, 233], [0, 158, 115], [213, 94, 0]];
    const heat = (c) => c.map((v) => Math.round(246 + 0.75 * (v - 246))).join(',');
    const share = (c) => (counts.find(([key]) => key === heat(c))?.[1] ?? 0) / total;
    for (const k of [0, 1, 2]) assert.ok(share(palette[k]) > 0.03, `class ${k} shown: ${share(palette[k])}`);
    assert.equal(share(palette[3]), 0, 'no fourth class');
    // K = 4 rebuilds with 4 scores; K = 9 is refused with a sentence.
    await setValue(page, '#classes', '4');
    await frames(page);
    assert.match(await page.textContent('#architecture'), /→ 4 · /);
    assert.equal(await page.locator('#legend-classes .swatch').count(), 4);
    await assertRefused(page, [['#classes', '9', '4']]);
    // The backprop inspector's last forward step shows f(xₙ) as the K = 4 scores.
    await page.check('#inspector-toggle');
    for (let i = 0; i < 3; i += 1) await page.click('#bp-next');
    await frames(page);
    assert.match(await page.textContent('#bp-step'), /forward pass, layer 3/);
    const scores = await page.evaluate(() => JSON.parse(window.playground.view.trace_json(0)).layers[2].x);
    assert.equal(scores.length, 4);
    const fmt = (x) => Number(x.toPrecision(3)).toString().replace('-', '−');
    assert.ok((await page.textContent('#bp-formula')).includes(`f(xₙ) = x(3) = (${scores.map(fmt).join(', ')})`));
    await page.uncheck('#inspector-toggle');
    // Back to two classes: the loss select is live again, the output is one unit.
    await page.selectOption('#dataset', 'circle');
    await frames(page);
    assert.equal(await page.isDisabled('#loss'), false);
    assert.match(await page.textContent('#architecture'), /→ 1 · /);
    assert.deepEqual(errors, []);
    await close();
  });
});

