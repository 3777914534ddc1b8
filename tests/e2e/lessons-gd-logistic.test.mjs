// The two lesson-view lessons as a teacher runs them: chosen from the Lessons menu by
// their titles, left to run on their own defaults, then every claim their text makes
// checked against what the page shows: one η control per view, Play and Step only
// where they act, the gradient-descent verdict equal to the map's colour under the
// ring, η > 1 diverging on the quadratic, the logistic header and panel following η
// and the spreads, and LDA's boundary with a finite logistic loss ℒ.
//
// Run: node --test tests/e2e/lessons-gd-logistic.test.mjs   (after scripts/build.sh)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseLesson, frames, parseReadout, setValue, startPlayground, WAIT } from './helpers.mjs';

let playground;

/** The visible controls a person can type or slide an η into (by their label or aria-label). */
async function visibleEtaControls(page) {
  return page.evaluate(() => [...document.querySelectorAll('input')].filter((input) => {
    if (input.type !== 'number' && input.type !== 'range') return false;
    const box = input.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    const label = document.querySelector(`label[for="${input.id}"]`)?.textContent ?? '';
    return /η/.test(`${label} ${input.getAttribute('aria-label') ?? ''}`);
  }).map((input) => input.id));
}

/**
 * The gradient-descent map under the ring (the current (w₀, η)) and the legend's name for
 * that colour, next to the verdict sentence.
 */
async function mapUnderRing(page) {
  await frames(page, 3);
  return page.evaluate(async () => {
    const { gd } = await window.playground.lessonHandles();
    const [x, y] = gd.ring_pixel();
    const [r, g, b] = document.getElementById('gd-map').getContext('2d').getImageData(x, y, 1, 1).data;
    const hex = `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
    const entry = JSON.parse(gd.legend_json()).find((e) => e.colour === hex);
    return { hex, label: entry?.label, verdict: document.getElementById('gd-outcome').textContent };
  });
}

/** Asserts that the verdict names the class whose colour the map shows under the ring. */
function assertVerdictIsMapClass({ hex, label, verdict }, where) {
  assert.ok(label, `${where}: the colour under the ring (${hex}) is one of the legend's`);
  if (label === 'diverges') assert.match(verdict, /^diverges/, where);
  else if (label.startsWith('still moving')) assert.ok(verdict.startsWith(`is ${label}`), `${where}: ${verdict} / ${label}`);
  else assert.equal(verdict, `converges to ${label}`, where);
}

/** Clicks a button of the lesson panel by its label. */
async function action(page, label) {
  await page.click(`#lesson-actions button:text-is("${label}")`);
  await frames(page, 3);
}

describe('the lessons of the lesson views, run from the menu on their defaults', () => {
  before(async () => { playground = await startPlayground(); });
  after(async () => { await playground?.close(); });

  test('Gradient descent and the step η: one η, the verdict is the map\'s colour, η > 1 diverges', async () => {
    const { page, errors, close } = await playground.openPage();
    try {
      await chooseLesson(page, 'Gradient descent and the step η');
      assert.deepEqual(await visibleEtaControls(page), ['gd-eta', 'gd-eta-slider'], 'only the step η of this view');
      for (const id of ['eta-number', 'eta', 'steps-per-frame', 'batch-size']) {
        assert.equal(await page.isHidden(`#${id}`), true, `#${id} does not act here and is hidden`);
      }
      assert.equal(await page.isEnabled('#play'), true);
      assert.equal(await page.isEnabled('#step'), true);
      assert.equal(await page.isVisible('#training-hint'), true, 'the hint says what Play and Step do here');
      // A few seconds of Play on the defaults: (w − 1)² from w₀ = 3 with η = 0.3.
      await page.click('#play');
      await page.waitForFunction(() => Number(document.getElementById('gd-iteration').textContent) >= 12, null,
        { ...WAIT, timeout: 60_000 });
      await page.click('#play');
      assert.ok(Math.abs(parseReadout(await page.textContent('#gd-w')) - 1) < 1e-3, 'w_t reached the minimum at 1');
      const legend = await page.textContent('#gd-map-legend');
      assert.match(legend, /the minimum at w = 1/);
      assert.doesNotMatch(legend, /left|right|other/, 'the quadratic\'s only minimum is "the minimum"');
      const defaults = await mapUnderRing(page);
      assert.equal(defaults.verdict, 'converges to the minimum at w = 1');
      assertVerdictIsMapClass(defaults, 'defaults');
      // The lesson's own buttons, each a claim of its text.
      for (const [label, claim] of [['η = 0.05: crawls', /^converges/], ['η = 0.8: oscillates', /^converges/],
        ['η = 1.05: diverges', /^diverges/], ['two wells, w₀ = −3', /local minimum at w = −1\.47/],
        ['two wells, w₀ = 2.5', /local minimum at w = 1\.18/]]) {
        await action(page, label);
        await page.click('#play'); // the buttons play: pause to read one instant
        const seen = await mapUnderRing(page);
        assert.match(seen.verdict, claim, label);
        assertVerdictIsMapClass(seen, label);
      }
      assert.match(await page.textContent('#gd-map-legend'), /the local minimum at w = −1\.47.*the local minimum at w = 1\.18/,
        'two wells: each minimum named by its w');
      // "η above 1 = 2/L″ diverges", however little above: the sentence says so at once (the ring
      // then sits within a pixel of the map's row edge at η = 1, so its pixel is not compared).
      await setValue(page, '#gd-curve-select', 'quadratic');
      await setValue(page, '#gd-w0', '3');
      await setValue(page, '#gd-eta', '1.001');
      await frames(page, 3);
      assert.match(await page.textContent('#gd-outcome'), /^diverges: η = 1\.001 > 1 = 2\/L″/);
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });

  test('Logistic regression versus LDA: header and text follow η and the spreads, LDA has a finite ℒ', async () => {
    const { page, errors, close } = await playground.openPage();
    try {
      await chooseLesson(page, 'Logistic regression versus LDA');
      await page.waitForFunction(() => document.querySelectorAll('#lr-table tbody tr').length === 5, null, WAIT);
      assert.deepEqual(await visibleEtaControls(page), ['lr-eta'], 'only the step η of this view');
      assert.equal(await page.isDisabled('#play'), true, 'nothing to animate: Play is off');
      assert.equal(await page.isDisabled('#step'), true, 'nothing to step: Step is off');
      const table = () => page.$$eval('#lr-table tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
      const before = await table();
      // A few seconds on the defaults, Space pressed as a teacher might: nothing plays, nothing changes.
      await page.locator('body').press('Space');
      await frames(page, 120);
      assert.equal(await page.textContent('#play'), 'Play');
      assert.deepEqual(await table(), before);
      const text = () => page.textContent('#lesson-text');
      assert.equal(await page.textContent('#lr-lede-eta'), '0.1');
      assert.match(await text(), /with η = 0\.1,/);
      assert.match(await text(), /different spreads \(1 for y = \+1, 0\.5 for y = −1\)/);
      // LDA's row: its boundary's own logistic loss, finite, and not below the minimum gradient descent approaches.
      const lda = before.find((r) => r[0] === 'LDA');
      const after10000 = before.find((r) => r[0] === '10000');
      const [ldaLoss, gdLoss] = [parseReadout(lda[1]), parseReadout(after10000[1])];
      assert.ok(Number.isFinite(ldaLoss) && ldaLoss > 0, `LDA's ℒ is shown (${lda[1]})`);
      assert.ok(ldaLoss >= gdLoss * (1 - 1e-3), `ℒ on LDA's boundary (${ldaLoss}) ≥ ℒ after 10000 iterations (${gdLoss})`);
      // η changed: the header, the text and the table follow.
      await setValue(page, '#lr-eta', '0.03');
      await frames(page, 3);
      assert.equal(await page.textContent('#lr-lede-eta'), '0.03');
      assert.match(await text(), /with η = 0\.03,/);
      assert.notDeepEqual((await table())[0], before[0], 'the panels were trained again with the new η');
      await action(page, 'equal spreads');
      assert.match(await text(), /Both classes have spread 0\.5/);
      assert.doesNotMatch(await text(), /different/);
      await action(page, 'very different spreads');
      assert.match(await text(), /different spreads \(1\.2 for y = \+1, 0\.2 for y = −1\)/);
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });
});
