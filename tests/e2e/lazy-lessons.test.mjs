// The lesson tabs' code is loaded only when needed: a plain
// load of the page fetches nothing of the lessons (their wasm, mlp_lessons, and
// their JS), neither before the first frame nor while it plays; opening a lesson
// tab fetches it and the view works; an address that changes a lesson view's
// setting loads it at boot and the setting is applied; a slow or failed import
// says so in the status line and the classification tab keeps working.
//
// Run: node --test tests/e2e/lazy-lessons.test.mjs   (after scripts/build.sh)
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { LESSONS_BUNDLE, LESSONS_WASM } from '../../scripts/dist.mjs';
import { LESSONS } from '../../www/lessons/list.js';
import { lessonSettings, readout, REPO, setValue, startPlayground, WAIT } from './helpers.mjs';

/** A path the page fetched that belongs to the lessons (dist/ or the development copy). */
const LESSON_FILE = /(mlp_lessons|\/www\/pkg\/lazy-views\.js|lazy-views-build|\/www\/(approx|gd|logistic)\/)/;

/** Every .js and .wasm the page has fetched so far (resource timing: preloads, imports, fetch()). */
function fetched(page) {
  return page.evaluate(() => performance.getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname).filter((p) => /\.(js|wasm)$/.test(p)));
}

/** Plays for a second (the loop runs, the classifier trains) and pauses again. */
async function playASecond(page) {
  await page.click('#play');
  await page.waitForTimeout(1000);
  await page.click('#play');
}

describe('the Lessons menu knows which view each lesson needs', () => {
  test("each lesson's view is the first one its setup shows", () => {
    for (const lesson of LESSONS) {
      let shown = null;
      const ctx = new Proxy({}, {
        get: (_, key) => (key === 'show' ? (view) => { shown ??= view; } : () => {}),
      });
      lesson.setup(ctx);
      assert.equal(lesson.view, shown, `lesson ${lesson.id}`);
    }
  });
});

for (const [name, root] of [['dist/', path.join(REPO, 'dist')], ['the development copy', REPO]]) {
  describe(`a plain load of ${name}`, () => {
    let playground;
    before(async () => { playground = await startPlayground({ root }); });
    after(async () => { await playground?.close(); });

    test('fetches nothing of the lessons, before the first frame or while it plays and is edited', async () => {
      const { page, errors, close } = await playground.openPage();
      try {
        await page.waitForFunction(() => performance.getEntriesByName('mlp:first-frame').length > 0, null, WAIT);
        assert.ok((await fetched(page)).some((p) => p.endsWith('mlp_playground_bg.wasm')), 'the page wasm was fetched');
        await setValue(page, '#noise', '0.2');
        await playASecond(page);
        assert.ok(await readout(page, 'iteration') > 0, 'the classifier trained');
        assert.deepEqual((await fetched(page)).filter((p) => LESSON_FILE.test(p)), []);
        assert.equal(await page.evaluate(() => window.playground.lessonViewsBuilt), false);
        assert.deepEqual(errors, []);
      } finally {
        await close();
      }
    });
  });
}

describe('the lesson views in dist/', () => {
  let playground;
  before(async () => { playground = await startPlayground({ root: path.join(REPO, 'dist') }); });
  after(async () => { await playground?.close(); });

  test('opening the approx tab fetches them, and the view trains and draws', async () => {
    const { page, errors, close } = await playground.openPage();
    try {
      await page.click('#view-approx');
      await page.waitForFunction(() => document.getElementById('approx-params').textContent !== '—', null, WAIT);
      const lessons = (await fetched(page)).filter((p) => LESSON_FILE.test(p));
      assert.deepEqual(lessons.filter((p) => p === `/${LESSONS_BUNDLE}` || p === `/${LESSONS_WASM}`).sort(),
        [`/${LESSONS_BUNDLE}`, `/${LESSONS_WASM}`].sort());
      await page.click('#step');
      await page.waitForFunction(() => document.getElementById('approx-iteration').textContent.trim() !== '0', null, WAIT);
      assert.ok(await readout(page, 'approx-train-loss') >= 0);
      const drawn = await page.evaluate(() => {
        const c = document.getElementById('approx-plot');
        const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
        const colours = new Set();
        for (let i = 0; i < data.length; i += 4 * 53) colours.add(data.slice(i, i + 4).join());
        return colours.size;
      });
      assert.ok(drawn > 4, `the approximation plot is drawn (${drawn} colours)`);
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });

  test("an address that changes a lesson view's setting loads it at boot and applies it", async () => {
    const { page, errors, close } = await playground.openPage('?gd-eta=0.05&approx-units=7&noise=0.2');
    try {
      assert.equal(await page.evaluate(() => window.playground.lessonViewsBuilt), true, 'built at boot');
      assert.equal(JSON.parse(await lessonSettings(page, 'gd')).eta, 0.05);
      assert.equal(await page.inputValue('#approx-units'), '7');
      assert.equal(await page.getAttribute('#view-classify', 'aria-selected'), 'true');
      assert.equal(await page.inputValue('#eta-number'), '0.03', 'the classifier keeps its own η');
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });

  test('an address whose lesson settings are their defaults loads nothing of them', async () => {
    const { page, errors, close } = await playground.openPage('?gd-eta=0.3&lr-show-lda=1&noise=0.2');
    try {
      await page.waitForTimeout(300);
      assert.equal(await page.inputValue('#noise'), '0.2');
      assert.deepEqual((await fetched(page)).filter((p) => LESSON_FILE.test(p)), []);
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });

  test('a slow import says "Loading…" and shows the view when it arrives', async () => {
    const { page, errors, close } = await playground.openPage();
    try {
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      await page.route(`**/${LESSONS_WASM}`, async (route) => { await held; await route.continue(); });
      await page.click('#view-gd');
      await page.waitForFunction(() => document.getElementById('status').textContent.includes('Loading'), null, WAIT);
      // Nothing can train the classifier out of sight meanwhile: Play, Step and Reset are off.
      assert.deepEqual(await page.$$eval('#play, #step, #reset', (bs) => bs.map((b) => b.disabled)), [true, true, true]);
      await page.keyboard.press('Space');
      assert.equal(await page.evaluate(() => window.playground.view.iteration()), 0);
      release();
      await page.waitForFunction(() => document.getElementById('gd-w').textContent !== '—', null, WAIT);
      assert.equal((await page.textContent('#status')).includes('Loading'), false);
      await page.click('#step');
      await page.waitForFunction(() => document.getElementById('gd-iteration').textContent === '1', null, WAIT);
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });

  test('a failed import says why, and the classification tab keeps working', async () => {
    const { page, errors, close } = await playground.openPage();
    try {
      await page.route(`**/${LESSONS_WASM}`, (route) => route.abort());
      await page.click('#view-logistic');
      await page.waitForFunction(() => document.getElementById('status').dataset.kind === 'error', null, WAIT);
      assert.match(await page.textContent('#status'), /lesson views could not be loaded .*classification tab still works/);
      await page.click('#view-classify');
      await page.click('#step');
      await page.waitForFunction(() => document.getElementById('iteration').textContent === '1', null, WAIT);
      // A lesson of a lesson view cannot open either, and says so again.
      await page.selectOption('#lesson', 'gradient-descent');
      await page.waitForFunction(() => document.getElementById('status').dataset.kind === 'error', null, WAIT);
      assert.equal(await page.inputValue('#lesson'), '');
      assert.deepEqual(errors.filter((e) => !/Failed to load resource|ERR_FAILED/.test(e)), []);
    } finally {
      await close();
    }
  });
});
