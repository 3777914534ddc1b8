// The lessons of the Classification view as a teacher runs them: chosen from the
// Lessons menu by their titles, one after another as in a class, left to train on
// their own defaults, then every claim their text makes checked against the page: no
// divergence, the dashed A x + B line drawn only where the lesson says, the toggles of
// an earlier lesson cleared, the panel living on its own view, the backprop inspector
// revealing values step by step without covering the edges, its cost readout following
// the network, nothing of it running while closed, and the keyboard browsing the menu
// without launching anything.
//
// Run: node --test tests/e2e/lessons-classification.test.mjs   (after scripts/build.sh)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseLesson, frames, parseReadout, setValue, startPlayground, WAIT } from './helpers.mjs';

let playground;
/** Long waits for training: the machine running the tests may be slow and shared. */
const TRAINING = { ...WAIT, timeout: 60_000 };

/** Plays until at least `n` iterations, pauses, and says whether training stayed sound. */
async function playUntil(page, n) {
  if ((await page.textContent('#play')) === 'Play') await page.click('#play');
  await page.waitForFunction((k) => window.playground.view.iteration() >= k || window.playground.view.diverged(), n, TRAINING);
  if ((await page.textContent('#play')) === 'Pause') await page.click('#play');
  await frames(page, 2);
  return page.evaluate(() => ({
    diverged: window.playground.view.diverged(),
    iteration: window.playground.view.iteration(),
    status: document.getElementById('status').textContent,
  }));
}

/** Asserts that training ran on the lesson's defaults without diverging. */
async function assertTrainsOnDefaults(page, n, what) {
  const loss0 = await page.evaluate(() => window.playground.view.train_loss());
  const run = await playUntil(page, n);
  assert.equal(run.diverged, false, `${what}: no divergence on the lesson's defaults (${run.status})`);
  assert.ok(run.iteration >= n, `${what}: it trained (iteration ${run.iteration})`);
  const loss = parseReadout(await page.textContent('#train-loss'));
  assert.ok(Number.isFinite(loss) && loss <= loss0, `${what}: the training loss ${loss} did not rise above its start ${loss0}`);
}

/** A digest of the boundary canvas's pixels, to compare two pictures. */
async function boundaryDigest(page) {
  await frames(page, 3);
  return page.evaluate(async () => {
    const c = document.getElementById('boundary');
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const hash = await crypto.subtle.digest('SHA-256', data);
    return Array.from(new Uint8Array(hash), (b) => b.toString(16).padStart(2, '0')).join('');
  });
}

/**
 * Whether a dashed A x + B line is on the boundary chart: the picture as it is against
 * the picture with "show collapse" off (training paused, so only the line can differ).
 * Puts the box back as it was.
 */
async function collapseLineDrawn(page) {
  if (!(await page.isChecked('#show-collapse'))) return false;
  const now = await boundaryDigest(page);
  await page.click('#show-collapse');
  const without = await boundaryDigest(page);
  await page.click('#show-collapse');
  return now !== without;
}

/** The inspector diagram's values, per layer: { 0: ['x = …'], 1: […], … }. */
function diagramValues(page) {
  return page.$$eval('#bp-diagram g.unit', (units) => {
    const by = {};
    units.forEach((u) => {
      const l = u.getAttribute('data-layer');
      by[l] = [...(by[l] ?? []), ...[...u.querySelectorAll('text.value')].map((t) => t.textContent)];
    });
    return by;
  });
}

/** Layers (of the inspector diagram) showing a backward value ∂ℓ/∂…. */
async function layersWithGradients(page) {
  const by = await diagramValues(page);
  return Object.keys(by).filter((l) => by[l].some((t) => t.startsWith('∂ℓ/'))).map(Number).sort();
}

/** Value labels of the inspector diagram that an edge crosses (sampled along every edge). */
function labelsCrossed(page) {
  return page.evaluate(() => {
    const boxes = [...document.querySelectorAll('#bp-diagram text.value')].map((t) => ({ text: t.textContent, b: t.getBBox() }));
    const crossed = new Set();
    document.querySelectorAll('#bp-diagram line').forEach((line) => {
      const [x1, y1, x2, y2] = ['x1', 'y1', 'x2', 'y2'].map((a) => Number(line.getAttribute(a)));
      for (let k = 0; k <= 100; k += 1) {
        const [x, y] = [x1 + ((x2 - x1) * k) / 100, y1 + ((y2 - y1) * k) / 100];
        boxes.forEach(({ text, b }) => {
          if (x > b.x && x < b.x + b.width && y > b.y && y < b.y + b.height) crossed.add(text);
        });
      }
    });
    return { labels: boxes.length, crossed: [...crossed] };
  });
}

/** The multiply-adds of the forward pass the cost readout states. */
async function forwardMacs(page) {
  const m = (await page.textContent('#bp-cost')).match(/Multiply-adds: forward (\d+)/);
  return m ? Number(m[1]) : NaN;
}

describe('the lessons of the Classification view, run from the menu on their defaults', () => {
  before(async () => { playground = await startPlayground(); });
  after(async () => { await playground?.close(); });

  test('tanh versus ReLU: no toggle of the earlier lessons, trains, and its panel stays on its view', async () => {
    const { page, errors, close } = await playground.openPage();
    try {
      // As in a class: the two lessons that switch on the inspector and the collapse line come first.
      await chooseLesson(page, 'Back-propagation on a small MLP');
      await chooseLesson(page, 'Why σ must be non-linear: the linear collapse');
      assert.equal(await page.isChecked('#inspector-toggle'), false, 'the collapse lesson closes the inspector');
      assert.equal(await page.isHidden('#inspector'), true);
      await chooseLesson(page, 'tanh versus ReLU');
      assert.equal(await page.isChecked('#show-collapse'), false, 'no collapse in tanh versus ReLU');
      assert.equal(await page.isHidden('#collapse-panel'), true);
      assert.equal(await page.isChecked('#inspector-toggle'), false);
      assert.equal(await page.isHidden('#inspector'), true);
      assert.equal(await page.isHidden('#ghost-list'), true, 'no ghost curve of an earlier run');
      await assertTrainsOnDefaults(page, 400, 'tanh');
      assert.equal(await collapseLineDrawn(page), false, 'no dashed A x + B line on the chart');
      assert.equal(await page.evaluate(() => document.getElementById('show-collapse').checked), false);
      await page.click('#lesson-actions button:text-is("σ = ReLU")');
      assert.equal(await page.inputValue('#activation'), 'relu');
      await assertTrainsOnDefaults(page, 400, 'ReLU');
      // The panel belongs to the Classification view: another tab hides it and its buttons.
      const settings = await page.evaluate(() => window.playground.view.settings_json());
      await page.click('#view-gd');
      await page.waitForFunction(() => document.getElementById('view-gd').getAttribute('aria-selected') === 'true', null, WAIT);
      assert.equal(await page.isHidden('#lesson-panel'), true, 'the panel hides with its view');
      assert.equal(await page.locator('#lesson-actions button:text-is("σ = tanh")').isVisible(), false);
      assert.equal(await page.evaluate(() => window.playground.view.settings_json()), settings, 'the classifier is untouched');
      await page.click('#view-classify');
      await frames(page, 2);
      assert.equal(await page.isVisible('#lesson-panel'), true, 'and comes back with it');
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });

  test('Why σ must be non-linear: trains on its defaults, the dashed A x + B line on the identity network', async () => {
    const { page, errors, close } = await playground.openPage();
    try {
      await chooseLesson(page, 'tanh versus ReLU'); // it plays: the next lesson must pause and reset it
      await chooseLesson(page, 'Why σ must be non-linear: the linear collapse');
      assert.equal(await page.textContent('#play'), 'Play');
      assert.equal(await page.evaluate(() => window.playground.view.iteration()), 0);
      assert.equal(await page.isChecked('#inspector-toggle'), false);
      // A few seconds of Play: the deep identity network does not diverge with the lesson's η.
      await assertTrainsOnDefaults(page, 600, 'identity σ');
      assert.equal(await collapseLineDrawn(page), true, 'the dashed A x + B line is drawn');
      assert.ok(parseReadout(await page.textContent('#collapse-diff')) < 1e-4, 'and lies on the network\'s boundary');
      await page.click('#lesson-actions button:text-is("σ = tanh")');
      await frames(page, 3);
      assert.ok(parseReadout(await page.textContent('#collapse-diff')) > 0.01, 'with tanh the network is not A x + B');
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });

  test('Back-propagation: values appear step by step, never under an edge, and the cost follows the widths', async () => {
    const { page, errors, close } = await playground.openPage();
    try {
      await chooseLesson(page, 'Why σ must be non-linear: the linear collapse');
      await chooseLesson(page, 'Back-propagation on a small MLP');
      assert.equal(await page.isChecked('#show-collapse'), false, 'the collapse of the lesson before is cleared');
      assert.equal(await page.isHidden('#collapse-panel'), true);
      assert.equal(await page.isVisible('#inspector'), true);
      const next = async () => { await page.click('#bp-next'); await frames(page, 2); };
      const back = async () => { await page.click('#bp-prev'); await frames(page, 2); };
      const expectStep = async (label, gradients) => {
        assert.match(await page.textContent('#bp-step'), label);
        assert.deepEqual(await layersWithGradients(page), gradients, `${label}: backward values on layers ${gradients}`);
        const { labels, crossed } = await labelsCrossed(page);
        assert.ok(labels >= 2, `${label}: values are written (${labels})`);
        assert.deepEqual(crossed, [], `${label}: no edge crosses a value`);
      };
      await expectStep(/step 0 of 4: the input/, []);
      const at0 = await diagramValues(page);
      assert.deepEqual(Object.keys(at0).filter((l) => at0[l].length > 0), ['0'], 'step 0: only the input x(0) has values');
      await next();
      await expectStep(/step 1 of 4: forward pass, layer 1/, []);
      const at1 = await diagramValues(page);
      assert.ok(at1[1].some((t) => t.startsWith('s = ')) && at1[2].length === 0, 'step 1: s(1), x(1) and nothing after');
      await next();
      await expectStep(/step 2 of 4: forward pass, layer 2/, []);
      await next();
      await expectStep(/step 3 of 4: backward pass, layer 2/, [2]);
      await next();
      await expectStep(/step 4 of 4: backward pass, layer 1/, [1, 2]);
      await back();
      await expectStep(/step 3 of 4: backward pass, layer 2/, [2]);
      for (let i = 0; i < 3; i += 1) await back();
      await expectStep(/step 0 of 4: the input/, []);
      // A few seconds of training on the lesson's defaults: no divergence, and the diagram follows.
      await assertTrainsOnDefaults(page, 300, '2 → 3 → 1 tanh');
      await expectStep(/step 0 of 4: the input/, []);
      // The cost: 100 training samples through 2 → 3 → 1 is 100 (2·3 + 3·1) = 900 multiply-adds forward.
      await page.waitForFunction(() => /Multiply-adds/.test(document.getElementById('bp-cost').textContent), null, WAIT);
      assert.equal(await forwardMacs(page), 900);
      const explained = async () => {
        const text = await page.textContent('#bp-cost');
        const ratio = Number(text.match(/backward \/ forward = ([0-9.]+)/)[1]);
        if (ratio < 1.5) assert.match(text, /Why the times give less than 2 here: .*call from JavaScript/, text);
        else if (ratio > 2.5) assert.match(text, /Why the times give more than 2 here/, text);
        else assert.doesNotMatch(text, /Why the times give/, text);
      };
      await explained();
      // Wider hidden layer: the readout is measured again by itself, without "Measure again".
      await setValue(page, '#layer-width-1', '6');
      await page.waitForFunction(() => /Multiply-adds: forward 1800,/.test(document.getElementById('bp-cost').textContent), null, WAIT);
      await explained();
      await expectStep(/step 0 of 4: the input/, []);
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });

  test('the closed inspector costs a wide network nothing: no trace, check or timing while it trains', async () => {
    const { page, errors, close } = await playground.openPage('?hidden=64,64');
    try {
      const calls = () => page.evaluate(() => window.inspectorCalls);
      await page.evaluate(() => {
        const { view } = window.playground;
        window.inspectorCalls = {};
        ['trace_json', 'gradient_check', 'forward_pass', 'backward_pass', 'collapse_json'].forEach((name) => {
          const real = view[name].bind(view);
          window.inspectorCalls[name] = 0;
          view[name] = (...args) => { window.inspectorCalls[name] += 1; return real(...args); };
        });
      });
      assert.equal(await page.isChecked('#inspector-toggle'), false);
      await playUntil(page, 100);
      assert.deepEqual(await calls(), { trace_json: 0, gradient_check: 0, forward_pass: 0, backward_pass: 0, collapse_json: 0 });
      // The counters do see the inspector's work once it is open (a narrow net: the check is 2P passes).
      await setValue(page, '#layer-width-2', '2');
      await page.click('#inspector-toggle');
      await page.waitForFunction(() => /Multiply-adds/.test(document.getElementById('bp-cost').textContent), null, WAIT);
      const open = await calls();
      assert.ok(open.trace_json > 0 && open.forward_pass > 0 && open.backward_pass > 0, JSON.stringify(open));
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });

  test('the keyboard browses the Lessons menu without launching; Enter or Start opens the lesson shown', async () => {
    const { page, errors, close } = await playground.openPage();
    try {
      const current = () => page.evaluate(() => window.playground.lessons.current());
      await page.focus('#lesson');
      for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowDown');
      await frames(page, 10);
      assert.notEqual(await page.inputValue('#lesson'), '', 'the menu shows the third lesson');
      assert.equal(await current(), '', 'nothing was launched');
      assert.equal(await page.isHidden('#lesson-panel'), true);
      assert.equal(await page.textContent('#play'), 'Play', 'nothing plays');
      assert.equal(await page.evaluate(() => window.playground.view.iteration()), 0, 'nothing trained');
      assert.equal(await page.isEnabled('#lesson-start'), true, 'Start offers the lesson shown');
      // Back up to tanh versus ReLU (the second), then Enter.
      await page.keyboard.press('ArrowUp');
      assert.equal(await page.inputValue('#lesson'), 'tanh-relu');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => window.playground.lessons.current() === 'tanh-relu', null, WAIT);
      assert.equal(await page.textContent('#play'), 'Pause', 'the chosen lesson starts as it says');
      assert.equal(await page.isDisabled('#lesson-start'), true, 'nothing else to start');
      // Browse on to another (the collapse, three down), Tab to Start, and press it.
      for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowDown');
      assert.equal(await current(), 'tanh-relu', 'browsing launches nothing');
      const shown = await page.inputValue('#lesson');
      assert.equal(shown, 'collapse');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'lesson-start');
      await page.keyboard.press('Enter');
      await page.waitForFunction((id) => window.playground.lessons.current() === id, shown, WAIT);
      // Browsing and leaving elsewhere: the menu names the lesson that is open again.
      await page.focus('#lesson');
      await page.keyboard.press('ArrowDown');
      await page.focus('#eta-number');
      assert.equal(await page.inputValue('#lesson'), shown);
      assert.equal(await current(), shown);
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });
});
