// The universal-approximation lesson as a teacher runs it: chosen from the Lessons
// menu, stepped and played on its own defaults, then every claim of its text checked
// against the page: ε never rises as Step adds units, the status line and the K
// readout give the K drawn, the labels name what is drawn; and the README's
// "Universal approximation" recipe of "Teaching with it", done as written.
//
// Run: node --test tests/e2e/approx-lessons.test.mjs   (after scripts/build.sh)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseLesson, frames, parseReadout, setValue, startPlayground, WAIT } from './helpers.mjs';

let playground;

/** K and ε as the readouts show them, K as the network drawn has it, and the status line. */
async function state(page) {
  await frames(page, 2);
  return page.evaluate(async () => {
    const { approx } = await window.playground.lessonHandles();
    const text = (id) => document.getElementById(id).textContent.trim();
    return { k: text('approx-units-now'), epsilon: text('approx-max-error'), drawnK: approx.units(), status: text('status') };
  });
}

/** Presses Step n times; returns ε after each (as the readout shows it) and checks K and the status. */
async function stepAndCheck(page, n) {
  const epsilons = [];
  for (let i = 0; i < n; i += 1) {
    const before = await state(page);
    await page.click('#step');
    const now = await state(page);
    assert.equal(Number(now.k), Number(before.k) + 1, 'Step adds one unit');
    assert.equal(Number(now.k), now.drawnK, 'the K readout is the K drawn');
    const said = now.status.match(/\bK = (\d+)/);
    if (said) assert.equal(Number(said[1]), now.drawnK, `the status line states the current K: ${now.status}`);
    epsilons.push(parseReadout(now.epsilon));
  }
  return epsilons;
}

/** Asserts a list never rises. */
function assertNonIncreasing(values, where) {
  values.slice(1).forEach((v, i) => assert.ok(v <= values[i], `${where}: ε rose from ${values[i]} to ${v} (${values.join(', ')})`));
}

before(async () => { playground = await startPlayground(); });
after(async () => { await playground?.close(); });

describe('the universal-approximation lesson, from the menu', () => {
  test('Step adds one unit at a time, ε never rises, K is the same in the readout, the status and the plot', async () => {
    const { page, errors, close } = await playground.openPage();
    try {
      await chooseLesson(page, 'Universal approximation, unit by unit');
      assert.equal(await page.inputValue('#approx-mode'), 'constructed');
      assert.equal(await page.inputValue('#approx-activation'), 'sigmoid', 'the text speaks of steep sigmoids');
      assert.equal(await page.inputValue('#approx-target'), 'sin');
      const text = await page.textContent('#lesson-text');
      assert.match(text, /never rises/);
      const start = await state(page);
      assert.equal(start.drawnK, 0, 'the lesson starts from no unit');
      const epsilons = [parseReadout(start.epsilon), ...await stepAndCheck(page, 12)];
      assertNonIncreasing(epsilons, 'sin, sigmoid');
      assert.equal(epsilons[0], 1, 'ε = 1 with no unit: half of sin’s range');
      assert.ok(epsilons.at(-1) < 1, `ε falls below 1 by K = 12: ${epsilons.at(-1)}`);
      // Play adds one per frame: after a while the status line still states the current K.
      await page.click('#play');
      await page.waitForFunction(() => Number(document.getElementById('approx-units-now').textContent) >= 40, null, WAIT);
      await page.click('#play');
      const played = await state(page);
      const said = played.status.match(/\bK = (\d+)/);
      if (said) assert.equal(Number(said[1]), played.drawnK, played.status);
      assert.ok(parseReadout(played.epsilon) <= epsilons.at(-1));
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });

  test('each target is labelled with the formula drawn, and the jumping ones say the theorem does not cover them', async () => {
    const { page, errors, close } = await playground.openPage();
    try {
      await chooseLesson(page, 'Universal approximation, unit by unit');
      const labels = await page.$$eval('#approx-target option', (options) => Object.fromEntries(options.map((o) => [o.value, o.text])));
      assert.match(labels.abs, /1\.6\|x\| − 0\.8/);
      assert.match(labels.step, /±0\.8/);
      assert.match(labels.bump, /1\.6 e\^\(−x²\/0\.08\) − 0\.8/);
      assert.match(labels.sawtooth, /1\.6\(\(x \+ 1\) mod 1\) − 0\.8/);
      // ψ drawn as 1.6|x| − 0.8: −0.8 at 0, 0.8 at the ends, read back from the core.
      await setValue(page, '#approx-target', 'abs');
      const psi = await page.evaluate(async () => {
        const { approx } = await window.playground.lessonHandles();
        return approx.settings_json();
      });
      assert.match(psi, /"target":"abs"/);
      assert.ok(await page.isHidden('#approx-jump-note'));
      for (const jumping of ['step', 'sawtooth']) {
        await setValue(page, '#approx-target', jumping);
        await frames(page, 2);
        assert.ok(await page.isVisible('#approx-jump-note'), `${jumping}: the note is shown`);
        assert.match(await page.textContent('#approx-jump-note'), /not continuous[\s\S]*half the jump, 0\.8/);
      }
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });
});

describe('the README recipe "Universal approximation", as written', () => {
  test('construction, Reset, Step; the step target; 1.6|x| − 0.8 with ReLU; the identity', async () => {
    const { page, errors, close } = await playground.openPage();
    try {
      // "in the second tab choose construction, press Reset, then Step a few times"
      await page.click('#view-approx');
      await page.waitForFunction(() => window.playground.lessonViewsBuilt, null, WAIT);
      await page.selectOption('#approx-mode', 'constructed');
      await page.click('#reset');
      assert.equal((await state(page)).drawnK, 0);
      const few = await stepAndCheck(page, 4);
      assertNonIncreasing(few, 'the default target and σ');
      // "Play to watch ε fall with K (it never rises)"
      await page.click('#play');
      await page.waitForFunction(() => Number(document.getElementById('approx-units-now').textContent) >= 30, null, WAIT);
      await page.click('#play');
      assert.ok(parseReadout((await state(page)).epsilon) < few[0], 'ε fell with K');
      // "Try the step target": the page says the theorem does not cover it.
      await page.selectOption('#approx-target', 'step');
      assert.ok(await page.isVisible('#approx-jump-note'));
      // "1.6|x| − 0.8 with ReLU: ... exact: ε is 0 on the grid from K = 3 (within f32 rounding)"
      await page.selectOption('#approx-target', 'abs');
      await page.selectOption('#approx-activation', 'relu');
      await page.click('#reset');
      const relu = await stepAndCheck(page, 4);
      assertNonIncreasing(relu, 'ReLU on 1.6|x| − 0.8');
      assert.ok(relu[2] < 1e-5 && relu[3] < 1e-5, `exact from K = 3: ${relu}`);
      // "and the identity (a sum of lines stays a line: ε stays the same whatever K)"
      await page.selectOption('#approx-activation', 'identity');
      await page.click('#reset');
      const line = await stepAndCheck(page, 4);
      assert.ok(line.every((e) => e === line[0]), `identity: ${line}`);
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });
});
