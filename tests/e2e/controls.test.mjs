// End-to-end checks that hold for every control of the page, whoever adds it: each one
// explains itself (a tooltip stating its formula or meaning), and a keyboard user can
// reach it with Tab. The lists are read from the page, so a new control is covered the
// moment it exists.
//
// Run: node --test tests/e2e/controls.test.mjs   (after scripts/build.sh has built www/pkg)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatLimit } from '../../www/app/format.js';
import { setValue, startPlayground, WAIT } from './helpers.mjs';

let playground;

/** Controls of the page without a tooltip: own title, or that of their label. */
function untitled(page) {
  return page.evaluate(() => [...document.querySelectorAll('input, select, button, textarea')]
    .filter((el) => {
      const labels = [el.closest('label'), ...(el.id ? document.querySelectorAll(`label[for="${el.id}"]`) : [])];
      return ![el, ...labels].some((e) => e && (e.getAttribute('title') ?? '').trim().length >= 10);
    })
    .map((el) => el.id || el.outerHTML.slice(0, 80)));
}

/** Ids of the controls shown and enabled now (what Tab must reach). */
function reachable(page) {
  return page.evaluate(() => [...document.querySelectorAll('input, select, button, textarea')]
    .filter((el) => el.getClientRects().length > 0 && !el.disabled && el.id)
    // A tab list is one stop (arrow keys move inside it): only its selected tab counts.
    .filter((el) => el.getAttribute('role') !== 'tab' || el.getAttribute('aria-selected') === 'true')
    .map((el) => el.id));
}

/** Presses Tab until focus comes back around; returns the ids focused on the way. */
async function tabAround(page, limit = 400) {
  const seen = new Set();
  await page.evaluate(() => document.activeElement?.blur());
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.id ?? '');
    if (id && seen.has(id)) break;
    if (id) seen.add(id);
  }
  return seen;
}

describe('every control', () => {
  before(async () => { playground = await startPlayground(); });
  after(async () => { await playground?.close(); });

  test('has a tooltip stating what it does', async () => {
    const { page, errors, close } = await playground.openPage();
    assert.deepEqual(await untitled(page), [], 'controls without a title (on themselves or their label)');
    assert.deepEqual(errors, []);
    await close();
  });

  test("quotes the core's limits: the ranges of η and N, the most hidden layers", async () => {
    const { page, errors, close } = await playground.openPage();
    const limits = JSON.parse(await page.evaluate(async () => (await import('/www/pkg/mlp_playground.js')).limits()));
    const attrs = (sel) => page.$eval(sel, (el) => ({ min: el.min, max: el.max, title: el.title }));
    const eta = await attrs('#eta-number');
    assert.deepEqual([eta.min, eta.max], [String(limits.eta_min), String(limits.eta_max)]);
    assert.ok(eta.title.includes(`[${formatLimit(limits.eta_min)}, ${formatLimit(limits.eta_max)}]`), eta.title);
    const points = await attrs('#points');
    assert.deepEqual([points.min, points.max], [String(limits.min_points), String(limits.max_points)]);
    assert.ok(points.title.endsWith(`${limits.min_points} to ${limits.max_points}.`), points.title);
    assert.ok((await attrs('#import-points')).title.includes(`at most ${limits.max_points} points`));
    assert.ok((await attrs('#add-layer')).title.includes(`(at most ${limits.max_layers})`));
    // No place for a limit is left unfilled.
    assert.deepEqual(await page.$$eval('[title]', (els) => els.map((el) => el.title).filter((t) => /\{\w+\}/.test(t))), []);
    assert.deepEqual(errors, []);
    await close();
  });

  for (const view of ['classify', 'approx', 'gd', 'logistic']) {
    test(`of the ${view} view is reachable with the Tab key`, async () => {
      const { page, errors, close } = await playground.openPage();
      await page.evaluate((name) => window.playground.showView(name), view);
      // A lesson view becomes active (its controls enabled or not) once its module is loaded.
      if (view !== 'classify') await page.evaluate(() => window.playground.lessonHandles());
      const wanted = await reachable(page);
      assert.ok(wanted.length >= 8, `only ${wanted.length} controls found in the ${view} view`);
      const reached = await tabAround(page);
      assert.deepEqual(wanted.filter((id) => !reached.has(id)), [], 'controls Tab never reaches');
      assert.deepEqual(errors, []);
      await close();
    });
  }
});

describe('the noise and train/test sliders', () => {
  before(async () => { playground = await startPlayground(); });
  after(async () => { await playground?.close(); });

  test('dragging a slider sets its box and the data; a typed value moves the slider', async () => {
    const { page, errors, close } = await playground.openPage();
    const train = () => page.evaluate(() => window.playground.view.train_size());
    assert.equal(await train(), 100);
    await page.locator('#train-fraction-slider').fill('0.8');
    await page.waitForFunction(() => window.playground.view.train_size() === 160, null, WAIT);
    assert.equal(await page.inputValue('#train-fraction'), '0.8');
    await page.locator('#noise-slider').fill('0.6');
    assert.equal(await page.inputValue('#noise'), '0.6');
    assert.match(await page.evaluate(() => window.playground.view.settings_json()), /"noise":0\.6/);
    await setValue(page, '#noise', '0.25');
    await page.waitForFunction(() => document.getElementById('noise-slider').value === '0.25', null, WAIT);
    assert.deepEqual(errors, []);
    await close();
  });
});
