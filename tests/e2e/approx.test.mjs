// End-to-end tests of the universal-approximation view: the served release build in
// headless Chromium, switched to the second tab and driven like a person would
// (tabs, selects, Step and Play, hovering and clicking the plot, drawing ψ with the
// mouse). Every test ends by asserting that nothing was logged as an error.
//
// Run: node --test tests/e2e/   (after scripts/build.sh has built www/pkg)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertRefused, frames, readout, screenshot, setValue, setting, startPlayground, waitForReadout, WAIT,
} from './helpers.mjs';
import { darkColumnsNear, dragThrough, pointOnUnit, toClient } from './plot.mjs';

let playground;

/** Opens the page and switches to the approximation view by clicking its tab. */
async function openApprox() {
  const opened = await playground.openPage();
  await opened.page.click('#view-approx');
  await opened.page.waitForFunction(() => document.getElementById('approx-max-error').textContent !== '—', null, WAIT);
  return opened;
}

/** The view's settings_json value of `key`. */
const approxSetting = (page, key) => setting(page, [key], 'approx');

/** The roof ψ(x) = 0.9 + 0.3 (1 − |x|), well above the untrained fit, as drawn points. */
const roof = (x) => 0.9 + 0.3 * (1 - Math.abs(x));
const ROOF = Array.from({ length: 37 }, (_, i) => -0.9 + 0.05 * i).map((x) => [x, roof(x)]);

describe('the universal-approximation view', () => {
  before(async () => { playground = await startPlayground(); });
  after(async () => { await playground?.close(); });

  test('switching views keeps each view\'s iteration count and Training values', async () => {
    const { page, errors, close } = await playground.openPage();
    for (let i = 0; i < 3; i += 1) await page.click('#step');
    await frames(page);
    assert.equal(await readout(page, 'iteration'), 3);
    await page.click('#view-approx');
    assert.equal(await page.getAttribute('#view-approx', 'aria-selected'), 'true');
    assert.ok(await page.isVisible('#approx-plot'));
    assert.ok(await page.isHidden('#boundary'));
    // The view becomes active once its module is loaded (www/app/lazy-views.js).
    await page.waitForFunction(() => window.playground.lessonViewsBuilt, null, WAIT);
    await frames(page);
    assert.equal(await page.inputValue('#eta-number'), '0.05', 'the approximation view\'s own η');
    await setValue(page, '#steps-per-frame', '20');
    await page.click('#play');
    await waitForReadout(page, 'approx-iteration', { atLeast: 100 });
    await page.click('#play');
    await frames(page);
    const approxIteration = await readout(page, 'approx-iteration');
    await page.click('#view-classify');
    await frames(page);
    assert.equal(await readout(page, 'iteration'), 3, 'the classifier did not train meanwhile');
    assert.equal(await page.inputValue('#eta-number'), '0.03');
    assert.equal(await page.inputValue('#steps-per-frame'), '10');
    // Keyboard: the selected tab is focusable, the arrow keys move between tabs.
    await page.focus('#view-classify');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'view-approx');
    await frames(page);
    assert.equal(await readout(page, 'approx-iteration'), approxIteration);
    assert.equal(await page.inputValue('#steps-per-frame'), '20');
    assert.equal(await page.evaluate(() => window.location.hash), '#approx');
    await page.evaluate(() => window.playground.showView('classify'));
    assert.ok(await page.isVisible('#boundary'));
    assert.deepEqual(errors, []);
    await close();
  });

  test('constructed mode: Step adds units, Play adds more and ε falls; units can be picked', async () => {
    const { page, errors, close } = await openApprox();
    await page.selectOption('#approx-target', 'bump');
    assert.equal(await approxSetting(page, 'target'), 'bump');
    await page.selectOption('#approx-mode', 'constructed');
    assert.ok(await page.isDisabled('#eta-number'), 'η does not apply to the construction');
    await setValue(page, '#approx-units', '1');
    await frames(page);
    assert.equal(await readout(page, 'approx-units-now'), 1);
    const eps1 = await readout(page, 'approx-max-error');
    await page.click('#step');
    await page.click('#step');
    await frames(page);
    assert.equal(await readout(page, 'approx-units-now'), 3);
    assert.equal(await page.inputValue('#approx-units'), '3', 'the K box follows the construction');
    await page.click('#play');
    await waitForReadout(page, 'approx-units-now', { atLeast: 40 });
    await page.click('#play');
    await frames(page);
    const eps = await readout(page, 'approx-max-error');
    assert.ok(eps < eps1 / 2, `ε fell from ${eps1} to ${eps}`);

    // Hover highlights a unit and shows its parameters; a click keeps it.
    const spot = await pointOnUnit(page);
    assert.ok(spot, 'some unit curve crosses the column x = 0.35');
    await page.mouse.move(spot.x, spot.y);
    await page.waitForFunction(() => /^unit \d+: w = \S+, b = \S+, ω = \S+/.test(
      document.getElementById('approx-unit-info').textContent), null, WAIT);
    const hovered = await page.textContent('#approx-unit-info');
    await page.mouse.click(spot.x, spot.y);
    const corner = await toClient(page, -0.95, -1.4);
    await page.mouse.move(corner.x, corner.y);
    await frames(page);
    assert.match(await page.textContent('#approx-unit-info'), /selected/, 'the click keeps the unit');
    assert.equal((await page.textContent('#approx-unit-info')).split(' (')[0], hovered.split(' (')[0]);
    await page.mouse.click(corner.x, corner.y);
    await frames(page);
    assert.doesNotMatch(await page.textContent('#approx-unit-info'), /^unit/, 'a click elsewhere releases it');
    // Reset empties the construction.
    await page.click('#reset');
    await frames(page);
    assert.equal(await readout(page, 'approx-units-now'), 0);
    assert.deepEqual(errors, []);
    await close();
  });

  test('trained mode: Play makes the iteration rise and the loss fall', async () => {
    const { page, errors, close } = await openApprox();
    await page.selectOption('#approx-target', 'abs');
    await frames(page);
    const loss0 = await readout(page, 'approx-train-loss');
    assert.equal(await readout(page, 'approx-iteration'), 0);
    await setValue(page, '#steps-per-frame', '20');
    await page.click('#play');
    assert.equal(await page.textContent('#play'), 'Pause');
    await waitForReadout(page, 'approx-iteration', { atLeast: 500 });
    await waitForReadout(page, 'approx-train-loss', { below: 0.8 * loss0 });
    // The meter publishes about once a second.
    await waitForReadout(page, 'approx-steps-per-sec', { atLeast: 1 });
    await page.click('#play');
    assert.ok(Number.isFinite(await readout(page, 'approx-mse')));
    assert.equal(await readout(page, 'approx-params'), 61, '3K + 1 for K = 20');
    assert.deepEqual(errors, []);
    await close();
  });

  test('drawing ψ with the mouse makes ψ follow the stroke; Escape cancels', async () => {
    const { page, errors, close } = await openApprox();
    await page.uncheck('#approx-show-units');
    // Few samples: their dots sit on ψ and would hide the curve the test looks for.
    await setValue(page, '#approx-samples', '2');
    // Escape in the middle of a stroke: nothing changes.
    await page.click('#approx-draw');
    assert.equal(await page.getAttribute('#approx-draw', 'aria-pressed'), 'true');
    await dragThrough(page, ROOF.slice(0, 10), { release: false });
    await page.keyboard.press('Escape');
    await page.mouse.up();
    assert.equal(await approxSetting(page, 'target'), 'sin');
    assert.match(await page.textContent('#status'), /cancelled/);
    // A whole stroke: ψ becomes the drawn roof.
    await page.click('#approx-draw');
    await dragThrough(page, ROOF);
    const approx = await page.evaluateHandle(async () => (await window.playground.lessonHandles()).approx);
    await page.waitForFunction((view) => JSON.parse(view.settings_json()).target === 'drawn', approx, WAIT);
    assert.equal(await page.inputValue('#approx-target'), 'drawn');
    assert.match(await page.textContent('#status'), /ψ is the curve you drew/);
    await frames(page);
    for (const x of [-0.6, -0.2, 0.2, 0.6]) {
      const columns = await darkColumnsNear(page, x, roof(x));
      assert.ok(columns >= 8, `ψ is drawn near (${x}, ${roof(x).toFixed(2)}): ${columns} of 13 columns`);
    }
    // Another target and back: the drawn curve is remembered.
    await page.selectOption('#approx-target', 'sin');
    assert.equal(await approxSetting(page, 'target'), 'sin');
    await page.selectOption('#approx-target', 'drawn');
    assert.equal(await approxSetting(page, 'target'), 'drawn');
    assert.deepEqual(errors, []);
    await close();
  });

  test('bad values are refused with a message and the field reverts', async () => {
    const { page, errors, close } = await openApprox();
    await page.click('#step');
    const cases = [
      ['#approx-units', '0', '20'], ['#approx-units', '501', '20'], ['#approx-units', '2.5', '20'],
      ['#approx-samples', '1', '100'], ['#approx-noise', '2', '0'], ['#approx-sample-seed', '-1', '1'],
      ['#approx-weight-seed', 'abc', '1'], ['#eta-number', '1000', '0.05'],
    ];
    await assertRefused(page, cases);
    // "drawn" before anything was drawn: refused, ψ stays sin.
    await page.selectOption('#approx-target', 'drawn');
    assert.match(await page.textContent('#status'), /Draw/);
    assert.equal(await page.inputValue('#approx-target'), 'sin');
    await frames(page);
    assert.equal(await readout(page, 'approx-iteration'), 1, 'refused values change nothing');
    assert.equal(await approxSetting(page, 'units'), 20);
    assert.deepEqual(errors, []);
    await close();
  });

  test('a huge η diverges: the status is the approximation view\'s own, Reset recovers', async () => {
    const { page, errors, close } = await openApprox();
    await setValue(page, '#eta-number', '3');
    await page.click('#play');
    await page.waitForFunction(() => !document.getElementById('status-reset').hidden, null, WAIT);
    assert.match(await page.textContent('#status'), /diverge/i);
    assert.equal(await page.textContent('#play'), 'Play', 'paused');
    assert.ok(!/NaN|undefined/.test(await page.textContent('#approx-readouts')));
    // The classifier is fine: its status line does not show the other view's trouble.
    await page.click('#view-classify');
    assert.ok(await page.isHidden('#status-reset'));
    assert.doesNotMatch(await page.textContent('#status'), /diverge/i);
    await page.click('#view-approx');
    assert.ok(await page.isVisible('#status-reset'));
    const seed = await page.inputValue('#approx-weight-seed');
    await page.click('#status-reset');
    await frames(page);
    assert.ok(await page.isHidden('#status-reset'));
    assert.equal(await readout(page, 'approx-iteration'), 0);
    assert.notEqual(await page.inputValue('#approx-weight-seed'), seed, 'Reset draws a new weight seed');
    assert.match(await page.textContent('#status'), /Reset: new weight seed \d+/);
    assert.deepEqual(errors, []);
    await close();
  });

  test('screenshots: the construction with its units, and a trained fit', async () => {
    const { page, errors, close } = await openApprox();
    await page.selectOption('#approx-mode', 'constructed');
    await setValue(page, '#approx-units', '24');
    await frames(page);
    const spot = await pointOnUnit(page, 0.1);
    assert.ok(spot);
    await page.mouse.move(spot.x, spot.y);
    await page.waitForFunction(() => /^unit/.test(document.getElementById('approx-unit-info').textContent), null, WAIT);
    await frames(page);
    await screenshot(page, 'approx.png');

    await page.mouse.move(5, 5);
    await page.selectOption('#approx-mode', 'trained');
    await setValue(page, '#steps-per-frame', '200');
    await page.click('#play');
    await waitForReadout(page, 'approx-iteration', { atLeast: 20_000 });
    await page.click('#play');
    await frames(page);
    await screenshot(page, 'approx-trained.png');
    assert.deepEqual(errors, []);
    await close();
  });
});
