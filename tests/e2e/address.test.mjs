// A copied link reproduces what was on screen: per view, its settings are changed,
// the address is read (location.href) and opened in a fresh browser context, and every
// control of the page and the view's readouts must be the same there (the construction's
// K and ε, a drawn ψ, each view's own η / steps per frame / batch size). And after
// "Restore my points" the data controls agree with the chart.
//
// Run: node --test tests/e2e/address.test.mjs   (after scripts/build.sh)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { frames, setValue, startPlayground, WAIT } from './helpers.mjs';

let playground;

/** Every control with an id, by id: its value (checked for a checkbox). */
async function controls(page) {
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll('input[id], select[id]')]
    .filter((el) => el.type !== 'file')
    .map((el) => [el.id, el.type === 'checkbox' ? el.checked : el.value])));
}

/** The readouts of the view shown, by id. */
async function readouts(page, selector) {
  return page.$$eval(`${selector} dd[id]`, (dds) => Object.fromEntries(dds
    .filter((dd) => !/steps-per-sec/.test(dd.id))
    .map((dd) => [dd.id, dd.textContent.trim()])));
}

/** Opens `url` in a fresh context and waits until the page (and, if `lessons`, the lesson views) is up. */
async function reopen(url, lessons) {
  const fresh = await playground.blankPage();
  const errors = [];
  fresh.page.on('pageerror', (err) => errors.push(err.message));
  fresh.page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  await fresh.page.goto(url);
  await fresh.page.waitForFunction((need) => window.playground && (!need || window.playground.lessonViewsBuilt), lessons, WAIT);
  await frames(fresh.page, 5);
  return { ...fresh, errors };
}

/** Copies the address, opens it afresh, and compares every control and the readouts. */
async function assertLinkReproduces(page, readoutsOf, lessons = true) {
  await frames(page, 3);
  const url = await page.evaluate(() => window.location.href);
  const expected = { controls: await controls(page), readouts: await readouts(page, readoutsOf) };
  const fresh = await reopen(url, lessons);
  try {
    assert.deepEqual(await controls(fresh.page), expected.controls, 'every control');
    assert.deepEqual(await readouts(fresh.page, readoutsOf), expected.readouts, 'the readouts');
    assert.equal((await fresh.page.textContent('#status')).includes('ignored'), false, await fresh.page.textContent('#status'));
    assert.deepEqual(fresh.errors, []);
  } finally {
    await fresh.close();
  }
  return url;
}

before(async () => { playground = await startPlayground(); });
after(async () => { await playground?.close(); });

describe('a copied link reproduces the view on screen', () => {
  test('Universal approximation: its own η / steps / batch, the construction at K = 7, a drawn ψ', async () => {
    const { page, errors, close } = await playground.openPage();
    try {
      // The classification view's own η, changed before, travels too.
      await setValue(page, '#eta-number', '0.3');
      await page.click('#view-approx');
      await page.waitForFunction(() => window.playground.lessonViewsBuilt, null, WAIT);
      await setValue(page, '#eta-number', '0.02');
      await setValue(page, '#steps-per-frame', '20');
      await setValue(page, '#batch-size', '10');
      // A ψ drawn with the mouse across the plot.
      await page.click('#approx-draw');
      const box = await page.locator('#approx-plot').boundingBox();
      const at = (t) => [box.x + box.width * (0.2 + 0.6 * t), box.y + box.height * (0.5 - 0.25 * Math.sin(6 * t))];
      await page.mouse.move(...at(0));
      await page.mouse.down();
      for (let i = 1; i <= 30; i += 1) await page.mouse.move(...at(i / 30));
      await page.mouse.up();
      await page.waitForFunction(() => document.getElementById('approx-target').value === 'drawn', null, WAIT);
      await setValue(page, '#approx-units', '12');
      await page.selectOption('#approx-mode', 'constructed');
      await page.click('#reset');
      for (let i = 0; i < 7; i += 1) await page.click('#step');
      await frames(page, 3);
      assert.equal(await page.textContent('#approx-units-now'), '7');
      const code = await page.evaluate(async () => (await window.playground.lessonHandles()).approx.drawn_code());
      const url = await assertLinkReproduces(page, '#approx-readouts');
      assert.match(url, /approx\.eta-number=0\.02/);
      // The same ψ, point for point, in the fresh page.
      const fresh = await reopen(url, true);
      try {
        const again = await fresh.page.evaluate(async () => (await window.playground.lessonHandles()).approx.drawn_code());
        assert.equal(again, code);
        assert.equal(await fresh.page.textContent('#approx-units-now'), '7');
        // The trained mode kept its own K = 12.
        await fresh.page.selectOption('#approx-mode', 'trained');
        assert.equal(await fresh.page.inputValue('#approx-units'), '12');
        await fresh.page.selectOption('#approx-mode', 'constructed');
        await fresh.page.click('#view-classify');
        await frames(fresh.page, 2);
        assert.equal(await fresh.page.inputValue('#eta-number'), '0.3', 'the classification view keeps its own η');
        assert.equal(await fresh.page.evaluate(() => JSON.parse(window.playground.view.settings_json()).eta), 0.3);
        await fresh.page.click('#view-approx');
        await frames(fresh.page, 2);
        assert.equal(await fresh.page.inputValue('#eta-number'), '0.02');
      } finally {
        await fresh.close();
      }
      // A bad drawn curve is refused with a sentence, and ψ keeps its default.
      const bad = await reopen(url.replace(/approx-psi=[^&#]*/, 'approx-psi=1.AAAA'), true);
      try {
        assert.match(await bad.page.textContent('#status'), /approx-psi=1\.AAAA \(The drawn curve's code holds/);
        assert.deepEqual(bad.errors, []);
      } finally {
        await bad.close();
      }
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });

  test('Classification: its settings, and the data controls after "Restore my points"', async () => {
    const { page, errors, close } = await playground.openPage();
    try {
      await setValue(page, '#dataset', 'circle');
      await setValue(page, '#eta-number', '0.2');
      await setValue(page, '#noise', '0.3');
      // Own points: add one on the chart, then a data-set change replaces them.
      await setValue(page, '#plane-mode', 'add');
      const box = await page.locator('#boundary').boundingBox();
      await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.3);
      const ownCount = await page.evaluate(() => window.playground.view.train_size() + window.playground.view.test_size());
      await setValue(page, '#dataset', 'xor');
      await page.click('#restore-points');
      await frames(page, 3);
      assert.equal(await page.inputValue('#dataset'), 'circle', 'the menu names the data the points came from');
      assert.equal(await page.inputValue('#noise'), '0.3');
      assert.equal(await page.inputValue('#points'), String(ownCount), 'N is the number of points shown');
      await assertLinkReproduces(page, '#classify-readouts', false);
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });

  test('a lesson left open on another tab: the link shows that tab, and the lesson is still open', async () => {
    const { page, errors, close } = await playground.openPage();
    await page.selectOption('#lesson', 'approximation');
    await page.waitForFunction(() => window.playground.lessonViewsBuilt, null, WAIT);
    await page.click('#view-classify');
    await frames(page, 3);
    const url = await page.evaluate(() => window.location.href);
    assert.match(url, /[?&]lesson=approximation(&|$)/);
    const fresh = await reopen(url, true);
    try {
      assert.equal(await fresh.page.getAttribute('#view-classify', 'aria-selected'), 'true', 'the tab the link was copied on');
      assert.equal(await fresh.page.inputValue('#lesson'), 'approximation', 'the lesson is still the one open');
      // Its own tab still shows the lesson's setting.
      await fresh.page.click('#view-approx');
      assert.equal(await fresh.page.inputValue('#approx-mode'), await page.inputValue('#approx-mode'));
      assert.deepEqual(fresh.errors, []);
    } finally {
      await fresh.close();
    }
    assert.deepEqual(errors, []);
    await close();
  });

  test('Gradient descent and Logistic vs LDA: their own settings', async () => {
    const { page, errors, close } = await playground.openPage();
    try {
      await page.click('#view-gd');
      await page.waitForFunction(() => window.playground.lessonViewsBuilt, null, WAIT);
      await setValue(page, '#gd-curve-select', 'two-wells');
      await setValue(page, '#gd-eta', '0.1');
      await setValue(page, '#gd-w0', '-1.5');
      await assertLinkReproduces(page, '#gd-readouts');
      await page.click('#view-logistic');
      await setValue(page, '#lr-eta', '0.05');
      await setValue(page, '#lr-spread-neg', '1');
      await setValue(page, '#lr-seed', '4');
      await assertLinkReproduces(page, '#logistic-readouts');
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });
});
