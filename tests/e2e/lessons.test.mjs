// End-to-end tests of the Lessons menu: each lesson opens from the menu with zero
// console errors, sets its view and parameters, and draws; the lesson views (gradient
// descent, logistic regression vs LDA) and the backprop inspector answer as the
// lecture says; the address restores a lesson and refuses garbage with a message.
//
// Run: node --test tests/e2e/   (after scripts/build.sh has built www/pkg)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { frames, lessonSettings, readout, screenshot, setting, startPlayground, WAIT } from './helpers.mjs';

let playground;
const openPage = () => playground.openPage();

/** Opens a lesson from the menu, as a person would, and lets it draw. */
async function openLesson(page, id) {
  await page.selectOption('#lesson', id);
  // A lesson of a lesson tab waits for that tab's module first (www/app/lazy-views.js).
  await page.waitForFunction((lesson) => window.playground.lessons.current() === lesson, id, WAIT);
  await frames(page, 5);
  assert.equal(await page.isHidden('#lesson-panel'), false, 'the lesson panel is shown');
  assert.ok((await page.textContent('#lesson-text')).length > 40, 'the lesson explains itself');
}

/** How many distinct colours a canvas shows (sampled): a blank canvas shows one or none. */
async function colours(page, id) {
  return page.evaluate((canvasId) => {
    const c = document.getElementById(canvasId);
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const seen = new Set();
    for (let i = 0; i < data.length; i += 4 * 97) seen.add(`${data[i]},${data[i + 1]},${data[i + 2]},${data[i + 3]}`);
    return seen.size;
  }, id);
}

/** Asserts that a canvas is visible and drawn (many colours, not blank). */
async function assertDrawn(page, id) {
  assert.equal(await page.isVisible(`#${id}`), true, `#${id} is shown`);
  const n = await colours(page, id);
  assert.ok(n > 8, `#${id} is drawn (${n} colours)`);
}

describe('the Lessons menu', () => {
  before(async () => { playground = await startPlayground(); });
  after(async () => { await playground?.close(); });

  test('universal approximation: the construction from K = 0, sigmoid, sin; Step adds units', async () => {
    const { page, errors, close } = await openPage();
    await openLesson(page, 'approximation');
    assert.equal(await page.getAttribute('#view-approx', 'aria-selected'), 'true');
    assert.equal(await page.inputValue('#approx-mode'), 'constructed');
    assert.equal(await page.inputValue('#approx-activation'), 'sigmoid');
    assert.equal(await page.inputValue('#approx-target'), 'sin');
    assert.equal(await readout(page, 'approx-units-now'), 0);
    for (let i = 0; i < 6; i += 1) await page.click('#step');
    await frames(page);
    assert.equal(await readout(page, 'approx-units-now'), 6);
    await assertDrawn(page, 'approx-plot');
    await screenshot(page, 'lesson-approximation.png');
    assert.deepEqual(errors, []);
    await close();
  });

  test('tanh vs ReLU: same data and seeds, the activation switches and training runs', async () => {
    const { page, errors, close } = await openPage();
    await openLesson(page, 'tanh-relu');
    assert.equal(await page.getAttribute('#view-classify', 'aria-selected'), 'true');
    assert.equal(await page.textContent('#play'), 'Pause', 'the lesson trains at once');
    await page.waitForFunction(() => window.playground.view.iteration() >= 100, null, WAIT);
    await page.click('#lesson-actions button:has-text("ReLU")');
    await page.waitForFunction(() => window.playground.view.iteration() >= 300, null, WAIT);
    assert.equal(await setting(page, ['hidden_activation']), 'relu');
    assert.equal(await setting(page, ['dataset']), 'circle');
    await page.click('#play');
    await assertDrawn(page, 'boundary');
    await screenshot(page, 'lesson-tanh-relu.png');
    assert.deepEqual(errors, []);
    await close();
  });

  test('gradient descent: Step moves w_t, dragging on the curve sets w₀, η > 1 diverges on the quadratic', async () => {
    const { page, errors, close } = await openPage();
    await openLesson(page, 'gradient-descent');
    assert.equal(await page.getAttribute('#view-gd', 'aria-selected'), 'true');
    assert.match(await page.textContent('#gd-outcome'), /converges/);
    for (let i = 0; i < 3; i += 1) await page.click('#step');
    await frames(page);
    assert.equal(await readout(page, 'gd-iteration'), 3);
    assert.ok(Math.abs(await readout(page, 'gd-w') - 1) < 2, 'w_t moved toward the minimum at 1');
    await assertDrawn(page, 'gd-curve');
    await assertDrawn(page, 'gd-map');
    await screenshot(page, 'lesson-gradient-descent.png');
    // Drag across the plot: w₀ follows the pointer (w_at of the pixel column).
    const box = await page.locator('#gd-curve').boundingBox();
    const w0 = Number(await page.inputValue('#gd-w0'));
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.35, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    await frames(page);
    const dragged = Number(await page.inputValue('#gd-w0'));
    assert.ok(dragged < w0 - 1, `w₀ follows the drag (${w0} → ${dragged})`);
    assert.equal(JSON.parse(await lessonSettings(page, 'gd')).w0, dragged);
    assert.equal(await readout(page, 'gd-iteration'), 0, 'a new w₀ restarts at t = 0');
    await page.fill('#gd-eta', '1.2');
    await page.locator('#gd-eta').dispatchEvent('change');
    await frames(page);
    assert.match(await page.textContent('#gd-outcome'), /diverges/);
    await page.click('#lesson-actions button:has-text("diverges")');
    // About 140 frames of play: on a loaded machine that can take far longer than WAIT.
    await page.waitForFunction(() => /diverges/.test(document.getElementById('status').textContent), null,
      { ...WAIT, timeout: 90_000 });
    assert.equal(await page.textContent('#play'), 'Play', 'divergence pauses the loop');
    assert.ok(!/NaN/.test(await page.textContent('#gd-readouts')));
    assert.deepEqual(errors, []);
    await close();
  });

  test('logistic vs LDA: four panels drawn, the loss after 10000 iterations below the loss after 10', async () => {
    const { page, errors, close } = await openPage();
    await openLesson(page, 'logistic-lda');
    assert.equal(await page.getAttribute('#view-logistic', 'aria-selected'), 'true');
    await assertDrawn(page, 'lr-canvas');
    // Four panels: each quadrant of the canvas is drawn on its own.
    const quadrants = await page.evaluate(() => {
      const c = document.getElementById('lr-canvas');
      const ctx = c.getContext('2d');
      const w = Math.floor(c.width / 2);
      const h = Math.floor(c.height / 2);
      return [[0, 0], [w, 0], [0, h], [w, h]].map(([x, y]) => {
        const d = ctx.getImageData(x, y, w, h).data;
        let dark = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i] < 100 && d[i + 1] < 100 && d[i + 2] < 100) dark += 1;
        return dark;
      });
    });
    quadrants.forEach((dark, i) => assert.ok(dark > 100, `panel ${i + 1} has a boundary and axes (${dark} dark pixels)`));
    const rows = await page.$$eval('#lr-table tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
    assert.deepEqual(rows.slice(0, 4).map((r) => r[0]), ['10', '100', '1000', '10000']);
    assert.equal(rows[4][0], 'LDA');
    const loss = (r) => Number(r[1]);
    assert.ok(loss(rows[3]) < loss(rows[0]), `ℒ after 10000 (${rows[3][1]}) < ℒ after 10 (${rows[0][1]})`);
    await screenshot(page, 'lesson-logistic-lda.png');
    await page.fill('#lr-spread-pos', '7');
    await page.locator('#lr-spread-pos').dispatchEvent('change');
    assert.match(await page.textContent('#status'), /spread must be between/);
    assert.equal(await page.inputValue('#lr-spread-pos'), '1', 'a refused spread reverts');
    assert.deepEqual(errors, []);
    await close();
  });

  test('linear collapse: A x + B matches with identity σ, and no longer with tanh', async () => {
    const { page, errors, close } = await openPage();
    await openLesson(page, 'collapse');
    assert.equal(await page.isChecked('#show-collapse'), true);
    assert.equal(await setting(page, ['hidden_activation']), 'identity');
    assert.equal(await setting(page, ['output_activation']), 'identity');
    assert.equal(await readout(page, 'collapse-params'), 3);
    assert.equal(await readout(page, 'collapse-network-params'), 105);
    assert.ok(await readout(page, 'collapse-diff') < 1e-4, 'identity: f(x) = A x + B up to rounding');
    await assertDrawn(page, 'boundary');
    await screenshot(page, 'lesson-collapse.png');
    await page.selectOption('#activation', 'tanh');
    await frames(page);
    assert.ok(await readout(page, 'collapse-diff') > 0.01, 'tanh: the network is no longer affine');
    assert.deepEqual(errors, []);
    await close();
  });

  test('backprop inspector: Next walks forward then backward, values appear, the gradient check passes', async () => {
    const { page, errors, close } = await openPage();
    await openLesson(page, 'backprop');
    assert.equal(await page.isVisible('#inspector'), true);
    assert.equal(await page.isChecked('#inspector-toggle'), true);
    assert.match(await page.textContent('#bp-step'), /step 0 of 4/);
    assert.match(await page.textContent('#bp-formula'), /x\(0\) = xₙ/);
    await page.click('#bp-next');
    await frames(page);
    assert.match(await page.textContent('#bp-step'), /forward pass, layer 1/);
    assert.match(await page.textContent('#bp-formula'), /s\(1\) = w\(1\) x\(0\) \+ b\(1\)/);
    // The value on the diagram is the engine's own s(1)₁ for sample 0.
    const s1 = await page.evaluate(() => JSON.parse(window.playground.view.trace_json(0)).layers[0].s[0]);
    const shown = await page.$$eval('#bp-diagram text.value', (ts) => ts.map((t) => t.textContent));
    const expected = `s = ${Number(s1.toPrecision(3)).toString().replace('-', '−')}`;
    assert.ok(shown.includes(expected), `${expected} among ${shown.join(' | ')}`);
    await page.click('#bp-next');
    await page.click('#bp-next');
    await frames(page);
    assert.match(await page.textContent('#bp-step'), /backward pass, layer 2/);
    assert.match(await page.textContent('#bp-formula'), /∂ℓ\/∂x\(2\)\] = ∇₁ℓ/);
    assert.ok((await page.textContent('#bp-diagram')).includes('∂ℓ/∂s = '), 'backward values on the units');
    assert.match(await page.textContent('#bp-matrix'), /∂ℓ\/∂w\(2\)/);
    await page.click('#bp-next');
    await frames(page);
    assert.match(await page.textContent('#bp-formula'), /\(w\(2\)\)ᵀ \[∂ℓ\/∂s\(2\)\]/);
    assert.equal(await page.isDisabled('#bp-next'), true, 'the last step is the backward pass of layer 1');
    await page.waitForFunction(() => document.getElementById('bp-gradcheck').textContent !== '—', null, WAIT);
    assert.ok(await readout(page, 'bp-gradcheck') < 0.02, 'backprop agrees with finite differences');
    assert.match(await page.textContent('#bp-cost'), /backward \/ forward = [0-9.]+ \(the notes: ≈ 2\)/);
    assert.match(await page.textContent('#bp-cost'), /Multiply-adds: forward 900, backward 1200/);
    await screenshot(page, 'lesson-backprop.png');
    assert.deepEqual(errors, []);
    await close();
  });

  test('the address keeps the lesson and every setting; a copied link restores them', async () => {
    const { page, errors, close } = await openPage();
    await openLesson(page, 'collapse');
    await page.selectOption('#dataset', 'moons');
    await page.fill('#eta-number', '0.2');
    await page.locator('#eta-number').dispatchEvent('change');
    await frames(page);
    const url = page.url();
    assert.match(url, /lesson=collapse/);
    assert.match(url, /dataset=moons/);
    assert.match(url, /classify\.eta-number=0\.2/);
    const copy = await page.context().newPage();
    const copyErrors = [];
    copy.on('pageerror', (err) => copyErrors.push(err.message));
    copy.on('console', (msg) => { if (msg.type() === 'error') copyErrors.push(msg.text()); });
    await copy.goto(url);
    await copy.waitForFunction(() => window.playground && document.getElementById('params').textContent !== '—', null, WAIT);
    await frames(copy);
    assert.equal(await copy.inputValue('#lesson'), 'collapse');
    assert.equal(await copy.isHidden('#lesson-panel'), false);
    assert.equal(await setting(copy, ['dataset']), 'moons');
    assert.equal(await setting(copy, ['hidden_activation']), 'identity');
    assert.equal(Number(await setting(copy, ['eta'])), 0.2);
    assert.equal(await copy.isChecked('#show-collapse'), true);
    assert.match(await copy.textContent('#status'), /restored/);
    // A lesson view restores too, with its own settings.
    await copy.goto(url.replace(/\?.*$/, '?lesson=gradient-descent&gd-curve-select=two-wells&gd-w0=-2.5&gd-eta=0.05#gd'));
    await copy.waitForFunction(() => window.playground, null, WAIT);
    await frames(copy);
    assert.equal(await copy.getAttribute('#view-gd', 'aria-selected'), 'true');
    assert.deepEqual(JSON.parse(await lessonSettings(copy, 'gd')),
      { curve: 'two-wells', w0: -2.5, eta: 0.05 });
    assert.deepEqual([...errors, ...copyErrors], []);
    await close();
  });

  test('an address with garbage values shows a message and keeps the defaults', async () => {
    const { page, errors, close } = await openPage();
    const base = page.url().replace(/[?#].*$/, '');
    await page.goto(`${base}?lesson=nope&dataset=banana&points=-4&noise=abc&hidden=8,x&gd-eta=99&lr-spread-pos=7&show-test=maybe&foo=1`);
    await page.waitForFunction(() => window.playground && document.getElementById('params').textContent !== '—', null, WAIT);
    await frames(page);
    const text = await page.textContent('#status');
    assert.equal(await page.getAttribute('#status', 'data-kind'), 'error');
    for (const bad of ['lesson=nope', 'dataset=banana', 'points=-4', 'noise=abc', 'hidden=8,x', 'gd-eta=99', 'lr-spread-pos=7', 'show-test=maybe', 'foo']) {
      assert.ok(text.includes(bad), `the status lists ${bad}: ${text}`);
    }
    assert.equal(await setting(page, ['dataset']), 'circle');
    assert.equal(Number(await setting(page, ['points'])), 200);
    assert.deepEqual(await setting(page, ['hidden']), [8, 8]);
    assert.equal(await page.inputValue('#dataset'), 'circle');
    assert.equal(await page.isChecked('#show-test'), true);
    assert.equal(JSON.parse(await lessonSettings(page, 'gd')).eta, 0.3);
    assert.equal(await readout(page, 'params'), 105);
    await screenshot(page, 'lesson-bad-address.png');
    assert.deepEqual(errors, []);
    await close();
  });
});
