// End-to-end tests of the network diagram: one node per unit that follows
// the architecture, a weight or bias typed in the editor changes the boundary and the
// loss, bad input is refused with a message, the keyboard reaches the editor, and no
// error reaches the console. Saves a screenshot of the diagram for the README.
//
// Run: node --test tests/e2e/diagram.test.mjs   (after scripts/build.sh)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, frames, readout, setValue, startPlayground, WAIT } from './helpers.mjs';

let playground;

/** Nodes per column of the diagram, x(0) … x(L). */
const columns = (page) => page.evaluate(() => {
  const counts = [];
  document.querySelectorAll('#diagram-svg .node').forEach((n) => {
    const l = Number(n.dataset.l);
    counts[l] = (counts[l] ?? 0) + 1;
  });
  return counts;
});

/** Pixels of the boundary canvas with the +1 (orange) and −1 (blue) colours (src/render/palette.rs). */
const classPixels = (page) => page.evaluate(() => {
  const c = document.getElementById('boundary');
  const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let [pos, neg] = [0, 0];
  for (let i = 0; i < data.length; i += 4) {
    if (data[i] - data[i + 2] > 60) pos += 1;
    else if (data[i + 2] - data[i] > 60) neg += 1;
  }
  return { pos, neg, area: c.width * c.height };
});

/** Opens the editor of unit i of layer l by clicking its node, as a person would. */
async function openEditor(page, l, i) {
  await page.click(`#diagram-svg .node[data-l="${l}"][data-i="${i}"]`);
  await page.waitForSelector('#diagram-editor:not([hidden])');
}

/** Types into the editor box labelled `name` and presses Enter. */
async function typeParam(page, name, text) {
  const box = page.locator('#diagram-editor label', { hasText: name }).locator('input');
  await box.fill(text);
  await box.press('Enter');
  await frames(page);
  return box;
}

describe('the network diagram', () => {
  before(async () => { playground = await startPlayground(); });
  after(async () => { await playground?.close(); });

  test('one node per unit, links between them, following architecture changes', async () => {
    const { page, errors, close } = await playground.openPage();
    await frames(page);
    assert.deepEqual(await columns(page), [2, 8, 8, 1], 'inputs x1, x2, the default [8, 8], the output');
    assert.equal(await page.locator('#diagram-svg .link').count(), 2 * 8 + 8 * 8 + 8);
    const names = await page.evaluate(() => [window.playground.view.input_names(),
      [...document.querySelectorAll('#diagram-svg .input-name')].map((t) => t.textContent)]);
    assert.deepEqual(names, [['x₁', 'x₂'], ['x₁', 'x₂']], 'the inputs are named as the view names them');
    // An input feature adds an input node named by its formula (its square shows it over the plane).
    await page.check('#feature-x1x2');
    await frames(page);
    assert.deepEqual(await columns(page), [3, 8, 8, 1], 'x₁, x₂ and x₁·x₂');
    assert.deepEqual(await page.evaluate(() => window.playground.view.input_names()), ['x₁', 'x₂', 'x₁·x₂']);
    assert.equal((await page.textContent('#diagram-note')).includes('inputs'), false, 'no refusal under the diagram');
    await page.uncheck('#feature-x1x2');
    await frames(page);
    await page.fill('.layer-width >> nth=0', '3');
    await page.press('.layer-width >> nth=0', 'Enter');
    await page.click('#add-layer');
    await frames(page);
    const hidden = JSON.parse(await page.evaluate(() => window.playground.view.settings_json())).hidden;
    assert.deepEqual(await columns(page), [2, ...hidden, 1], `the diagram follows ${hidden}`);
    // A large layer is capped, and the page says so.
    await page.fill('.layer-width >> nth=0', '128');
    await page.press('.layer-width >> nth=0', 'Enter');
    await frames(page);
    const counts = await columns(page);
    assert.ok(counts[1] < 128 && counts[1] >= 8, `layer 1 capped: ${counts[1]} nodes`);
    assert.match(await page.textContent('#diagram-note'), new RegExp(`first ${counts[1]} of 128 units of layer 1\\b`));
    assert.deepEqual(await page.$$eval('#diagram-svg .more', (ts) => ts.map((t) => t.textContent)), [`+${128 - counts[1]}`]);
    assert.deepEqual(errors, []);
    await close();
  });

  test('typing a weight or bias changes the boundary and the loss; training continues', async () => {
    const { page, errors, close } = await playground.openPage();
    for (let k = 0; k < 5; k += 1) await page.click('#step');
    await frames(page);
    const before = await classPixels(page);
    const loss = await page.textContent('#train-loss');
    // The output unit of [8, 8] is unit 1 of layer 3: b(3)_1 = 3 pushes tanh(s) towards +1.
    await openEditor(page, 3, 0);
    assert.match(await page.textContent('#diagram-editor-title'), /Unit 1 of layer 3/);
    await typeParam(page, 'b(3)_1', '3');
    await frames(page, 6);
    assert.equal(await page.evaluate(() => window.playground.view.layer_biases(3)[0]), 3);
    assert.match(await page.textContent('#diagram-editor .editor-message'), /b\(3\)_1 = 3; training continues from iteration 5/);
    const after = await classPixels(page);
    assert.ok(after.pos - before.pos > after.area / 10, `more orange: ${before.pos} -> ${after.pos} of ${after.area}`);
    assert.notEqual(await page.textContent('#train-loss'), loss, 'the loss readout moved');
    assert.equal(await readout(page, 'iteration'), 5, 'the iteration count is kept');
    // A link opens its target unit's editor on that weight.
    await page.locator('#diagram-svg .link[data-l="2"][data-i="1"][data-j="4"]').dispatchEvent('click');
    const focused = await page.evaluate(() => document.activeElement.title);
    assert.match(focused, /^w\(2\)_2,5: the weight from unit 5 of layer 1 to unit 2 of layer 2/);
    await page.keyboard.type('-2.5');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => window.playground.view.layer_weights(2)[1 * 8 + 4]), -2.5);
    await page.click('#step');
    await frames(page);
    assert.equal(await readout(page, 'iteration'), 6, 'training continues from the edited model');
    assert.deepEqual(errors, []);
    await close();
  });

  test('bad input shows a message and changes nothing', async () => {
    const { page, errors, close } = await playground.openPage();
    await openEditor(page, 1, 2);
    const w = () => page.evaluate(() => Array.from(window.playground.view.layer_weights(1)));
    const b = () => page.evaluate(() => Array.from(window.playground.view.layer_biases(1)));
    const [w0, b0] = [await w(), await b()];
    const message = () => page.textContent('#diagram-editor .editor-message');
    const box = await typeParam(page, 'w(1)_3,1', 'abc');
    assert.match(await message(), /“abc” is not a number/);
    assert.equal(await page.getAttribute('#diagram-editor .editor-message', 'data-kind'), 'error');
    assert.equal(Number(await box.inputValue()), Number(w0[2 * 2].toPrecision(5)), 'the box shows the old value again');
    await typeParam(page, 'b(1)_3', '1e39');
    assert.match(await message(), /too large/);
    await typeParam(page, 'b(1)_3', '');
    assert.match(await message(), /not a number/);
    assert.deepEqual([await w(), await b()], [w0, b0], 'the model is unchanged');
    assert.doesNotMatch(await page.textContent('#classify-readouts'), /NaN|undefined/);
    assert.deepEqual(errors, []);
    await close();
  });

  test('an edit after a divergence lifts the stop and keeps the page sane', async () => {
    const { page, errors, close } = await playground.openPage();
    // As in page.test.mjs: an identity output with a summed loss and η = 100 overflows.
    await page.selectOption('#output-activation', 'identity');
    await page.selectOption('#reduction', 'sum');
    await setValue(page, '#eta-number', '100');
    await page.click('#play');
    await page.waitForFunction(() => !document.getElementById('status-reset').hidden, null, WAIT);
    const stuck = await readout(page, 'iteration');
    await openEditor(page, 3, 0);
    await typeParam(page, 'b(3)_1', '0.5');
    assert.equal(await page.evaluate(() => window.playground.view.diverged()), false);
    assert.ok(await page.isHidden('#status-reset'), 'the divergence notice is gone');
    assert.equal(await readout(page, 'iteration'), stuck, 'from the last finite weights, same iteration');
    assert.doesNotMatch(await page.textContent('.readouts'), /NaN|undefined/);
    assert.deepEqual(errors, []);
    await close();
  });

  test('keyboard: Tab reaches the diagram, arrows move, Enter edits, Escape closes', async () => {
    const { page, errors, close } = await playground.openPage();
    // From the last usable control of the panel, one Tab lands on the diagram.
    await page.evaluate(() => [...document.querySelectorAll('aside.controls :is(input, select, button)')]
      .filter((el) => !el.disabled && el.getClientRects().length > 0).at(-1).focus());
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'diagram-svg', 'one tab stop after the controls');
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowDown', 'ArrowDown']) await page.keyboard.press(key);
    assert.match(await page.textContent('#diagram-info'), /unit 3 of layer 2/);
    assert.equal(await readout(page, 'iteration'), 0, '→ moved in the diagram, it did not step');
    await page.keyboard.press('Enter');
    assert.match(await page.textContent('#diagram-editor-title'), /Unit 3 of layer 2/);
    assert.match(await page.evaluate(() => document.activeElement.title), /^b\(2\)_3/);
    await page.keyboard.press('Tab'); // to w(2)_3,1
    await page.keyboard.type('0.75');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => window.playground.view.layer_weights(2)[2 * 8]), 0.75);
    await page.keyboard.type('9'); // typed, not applied
    await page.keyboard.press('Escape');
    assert.ok(await page.isHidden('#diagram-editor'), 'Escape closes the editor');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'diagram-svg', 'focus back on the diagram');
    assert.equal(await page.evaluate(() => window.playground.view.layer_weights(2)[2 * 8]), 0.75, 'Escape applied nothing');
    assert.deepEqual(errors, []);
    await close();
  });

  test('scrolled out of view the diagram is not redrawn while training; back in view it catches up', async () => {
    const { page, errors, close } = await playground.openPage();
    await page.setViewportSize({ width: 1280, height: 360 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await frames(page);
    // Count the core's thumbnail draws from here on.
    await page.evaluate(() => {
      const { view } = window.playground;
      const draw = view.draw_diagram.bind(view);
      window.thumbnailDraws = 0;
      view.draw_diagram = (...args) => { window.thumbnailDraws += 1; return draw(...args); };
    });
    assert.ok(await page.evaluate(() => document.getElementById('diagram').getBoundingClientRect().top > innerHeight));
    await page.click('#play');
    const start = await page.evaluate(() => window.playground.view.iteration());
    await page.waitForFunction((i) => window.playground.view.iteration() > i + 200, start, WAIT);
    assert.equal(await page.evaluate(() => window.thumbnailDraws), 0, 'nothing drawn off screen');
    await page.locator('#diagram').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => window.thumbnailDraws >= 2, null, WAIT);
    await page.click('#play');
    assert.deepEqual(errors, []);
    await close();
  });

  test('screenshot of the diagram of a trained XOR, with a unit\'s editor open', async () => {
    const { page, errors, close } = await playground.openPage();
    await page.selectOption('#dataset', 'xor');
    await setValue(page, '#eta-number', '0.1');
    await setValue(page, '#steps-per-frame', '20');
    await page.click('#play');
    await page.waitForFunction(() => window.playground.view.train_accuracy() >= 0.97, null, WAIT);
    await page.click('#play');
    await frames(page, 8);
    await openEditor(page, 2, 3); // the editor is part of the picture
    await page.click('h1'); // the pointer away from the diagram: no hover outline
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, 'diagram.png');
    await page.locator('#diagram').screenshot({ path: file });
    assert.ok(fs.statSync(file).size > 20_000, 'a real picture');
    assert.deepEqual(errors, []);
    await close();
  });
});
