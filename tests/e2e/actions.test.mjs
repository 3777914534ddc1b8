// Actions named as actions, for a screen reader and a person scanning the page:
// the file buttons say whether they save or load and what; Copy link copies the
// address (which holds every setting) or, where the browser refuses, shows it
// selected; and a finger adds points of either class (it has no Shift key or
// right button), and erases them.
//
// Run: node --test tests/e2e/actions.test.mjs   (after scripts/build.sh)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { frames, setValue, startPlayground, WAIT } from './helpers.mjs';

let playground;
before(async () => { playground = await startPlayground(); });
after(async () => { await playground?.close(); });

/** [training points, test points] as the Data & files counts show them. */
const counts = async (page) => [Number(await page.textContent('#train-count')), Number(await page.textContent('#test-count'))];

/** The page coordinates of the point at fractions (fx, fy) of the boundary chart. */
async function at(page, fx, fy) {
  const box = await page.locator('#boundary').boundingBox();
  return [box.x + fx * box.width, box.y + fy * box.height];
}

describe('actions say what they do', () => {
  test('every file action is named Save … or Load …, the save buttons grouped under a legend', async () => {
    const { page, errors, close } = await playground.openPage();
    const files = page.locator('#data-files');
    for (const name of ['Save points (CSV)', 'Save weights (JSON)', 'Save loss curve (CSV)', 'Save charts (PNG)']) {
      assert.equal(await files.getByRole('button', { name, exact: true }).count(), 1, name);
    }
    const group = files.getByRole('group', { name: 'Save to a file' });
    assert.equal(await group.getByRole('button').count(), 4, 'the four save buttons are in one named group');
    for (const [id, name] of [['import-points', 'Load points (CSV)'], ['import-weights', 'Load weights (JSON)']]) {
      assert.equal(await page.getByLabel(name, { exact: true }).getAttribute('id'), id);
    }
    // No button of the page is named only by a file format any more.
    const names = await page.locator('button:visible').allTextContents();
    assert.deepEqual(names.filter((n) => /^(Points|Weights|Loss|Charts) (CSV|JSON|PNG)$/.test(n.trim())), []);
    assert.deepEqual(errors, []);
    await close();
  });

  test('Copy link copies the address with the current settings, and says so', async () => {
    const { page, errors, close } = await playground.openPage('', undefined, { permissions: ['clipboard-read', 'clipboard-write'] });
    await setValue(page, '#eta-number', '0.07');
    await page.click('#copy-link');
    await page.waitForFunction(() => /Link copied/.test(document.getElementById('status').textContent), null, WAIT);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, await page.evaluate(() => location.href));
    assert.match(copied, /[?&]classify\.eta-number=0\.07(&|$)/, copied);
    // The copied link, opened in a fresh browser, shows the same η.
    const again = await playground.openPage(new URL(copied).search);
    assert.equal(await again.page.inputValue('#eta-number'), '0.07');
    await again.close();
    assert.deepEqual(errors, []);
    await close();
  });

  test('where the clipboard is refused, the link is shown selected to copy by hand', async () => {
    const refuse = () => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
      });
    };
    const { page, errors, close } = await playground.openPage('', refuse);
    await page.click('#copy-link');
    await page.waitForSelector('#copy-link-box', WAIT);
    const box = await page.evaluate(() => {
      const b = document.getElementById('copy-link-box');
      return { value: b.value, selected: b.selectionEnd - b.selectionStart, focused: document.activeElement === b };
    });
    assert.equal(box.value, await page.evaluate(() => location.href));
    assert.equal(box.selected, box.value.length, 'the whole link is selected');
    assert.ok(box.focused);
    assert.match(await page.textContent('#status'), /copy it with Ctrl\+C/);
    assert.deepEqual(errors, []);
    await close();
  });
});

describe('a finger does what the mouse does', () => {
  test('taps add points of the chosen class, and a finger drag erases them', async () => {
    const { page, errors, close } = await playground.openPage('', undefined, { hasTouch: true });
    const [train0] = await counts(page);
    await page.selectOption('#plane-mode', 'add-negative');
    await page.touchscreen.tap(...await at(page, 0.5, 0.5));
    await page.selectOption('#plane-mode', 'add');
    await page.touchscreen.tap(...await at(page, 0.3, 0.5));
    await frames(page);
    assert.equal((await counts(page))[0], train0 + 2, 'two taps, two training points');
    const rows = (await page.evaluate(() => window.playground.view.export_points_csv())).trim().split('\n');
    const added = rows.filter((l) => l.endsWith(',train')).slice(-2);
    assert.match(added[0], /,-1,train$/, 'the first tap added class −1');
    assert.match(added[1], /,1,train$/, 'the second tap added class +1');
    assert.match(await page.textContent('#status'), /class \+1/);
    // Erasing with a finger: a touch drag across both points (pointer events, as the mouse).
    await page.selectOption('#plane-mode', 'erase');
    const [x0, y0] = await at(page, 0.25, 0.5);
    const [x1] = await at(page, 0.55, 0.5);
    const cdp = await page.context().newCDPSession(page);
    const touch = (type, x) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y: y0 }] });
    await touch('touchStart', x0);
    for (let i = 1; i <= 12; i++) await touch('touchMove', x0 + ((x1 - x0) * i) / 12);
    await touch('touchEnd', x1);
    await frames(page);
    assert.ok((await counts(page))[0] <= train0, 'the two tapped points (at least) were erased');
    assert.match(await page.textContent('#status'), /Erased \d+ points?/);
    assert.deepEqual(errors, []);
    await close();
  });
});
