// The page where it is used: on a phone (390 × 844, touch) the active view's chart
// is on the first screen, every view tab is on screen, Play / Step / Reset stay at
// hand, and a finger draws ψ; on a 1024 × 768 projector, presentation mode (button,
// key P, ?present=1) shows the boundary and the loss chart wholly in the window with
// only the teacher's controls, and leaving it restores the page as it was.
//
// Run: node --test tests/e2e/layout.test.mjs   (after scripts/build.sh)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { frames, readout, startPlayground, WAIT } from './helpers.mjs';
import { toClient } from './plot.mjs';

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
const PROJECTOR = { viewport: { width: 1024, height: 768 } };

let playground;
before(async () => { playground = await startPlayground(); });
after(async () => { await playground?.close(); });

/** The element's box in the viewport, or null when it is not displayed. */
const box = (page, selector) => page.evaluate((s) => {
  const e = document.querySelector(s);
  if (!e || e.getClientRects().length === 0) return null;
  const r = e.getBoundingClientRect();
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
}, selector);

/** Asserts that `selector` is displayed wholly inside a w × h window, scrolled to the top. */
async function assertInWindow(page, selector, [w, h]) {
  const b = await box(page, selector);
  assert.ok(b, `${selector} is displayed`);
  assert.ok(b.left >= 0 && b.top >= 0 && b.right <= w + 0.5 && b.bottom <= h + 0.5,
    `${selector} is wholly in the ${w} × ${h} window: ${JSON.stringify(b)}`);
}

describe('on a phone', () => {
  test('the chart comes first, every tab is on screen, and the training buttons stay at hand', async () => {
    const { page, errors, close } = await playground.openPage('', undefined, PHONE);
    await assertInWindow(page, '#boundary', [390, 844]);
    for (const tab of ['classify', 'approx', 'gd', 'logistic']) await assertInWindow(page, `#view-${tab}`, [390, 844]);
    // The controls come after the chart and its readouts.
    assert.ok((await box(page, '#dataset')).top > (await box(page, '#loss-curve')).top, 'the controls follow the readouts');
    // Play is on screen, scrolled anywhere: a bar fixed at the bottom.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await assertInWindow(page, '#play', [390, 844]);
    await page.tap('#play');
    await page.waitForFunction(() => Number(document.getElementById('iteration').textContent) > 0, null, WAIT);
    await page.tap('#play');
    // Every tab works by touch.
    await page.evaluate(() => window.scrollTo(0, 0));
    for (const tab of ['gd', 'logistic', 'approx', 'classify']) {
      await page.tap(`#view-${tab}`);
      assert.equal(await page.getAttribute(`#view-${tab}`, 'aria-selected'), 'true', tab);
    }
    assert.ok(await readout(page, 'iteration') > 0);
    assert.deepEqual(errors, []);
    await close();
  });

  test('a finger draws ψ on the approximation plot', async () => {
    const { page, errors, close } = await playground.openPage('', undefined, PHONE);
    await page.tap('#view-approx');
    await page.waitForFunction(() => document.getElementById('approx-max-error').textContent !== '—', null, WAIT);
    await assertInWindow(page, '#approx-plot', [390, 844]);
    await page.tap('#approx-draw');
    // The button sits with the controls, under the readouts: back up to the plot.
    await page.locator('#approx-plot').scrollIntoViewIfNeeded();
    const cdp = await page.context().newCDPSession(page);
    const xs = Array.from({ length: 37 }, (_, i) => -0.9 + 0.05 * i);
    const points = [];
    for (const x of xs) points.push(await toClient(page, x, 0.9 + 0.3 * (1 - Math.abs(x))));
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: points[0].x, y: points[0].y }] });
    for (const p of points.slice(1)) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: p.x, y: p.y }] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await page.waitForFunction(() => document.getElementById('approx-target').value === 'drawn', null, WAIT);
    assert.match(await page.textContent('#status'), /ψ is the curve you drew/);
    assert.deepEqual(errors, []);
    await close();
  });
});

describe('a finger on the Gradient-descent curve', () => {
  test('dragging sets w₀, as the mouse does', async () => {
    const { page, errors, close } = await playground.openPage('', undefined, PHONE);
    await page.tap('#view-gd');
    await page.waitForFunction(() => document.getElementById('gd-loss').textContent.trim() !== '—', null, WAIT);
    const start = Number(await page.inputValue('#gd-w0'));
    const b = await box(page, '#gd-curve');
    const y = (b.top + b.bottom) / 2;
    const cdp = await page.context().newCDPSession(page);
    const touch = (type, x) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
    // From the middle of the plot to a quarter of its width: w₀ moves left.
    const [x0, x1] = [b.left + 0.55 * (b.right - b.left), b.left + 0.25 * (b.right - b.left)];
    await touch('touchStart', x0);
    for (let i = 1; i <= 8; i++) await touch('touchMove', x0 + ((x1 - x0) * i) / 8);
    await touch('touchEnd', x1);
    await frames(page);
    const moved = Number(await page.inputValue('#gd-w0'));
    assert.ok(moved < start && moved < 0, `w₀ followed the finger: ${start} → ${moved}`);
    assert.deepEqual(errors, []);
    await close();
  });
});

describe('on a 1366 × 768 laptop', () => {
  test('the boundary, the loss chart and the status line are all on the first screen', async () => {
    const { page, errors, close } = await playground.openPage('', undefined, { viewport: { width: 1366, height: 768 } });
    for (const s of ['#boundary', '#loss-curve', '#iteration', '#play']) await assertInWindow(page, s, [1366, 768]);
    // A message (here: an η refused) is shown beside the chart, where the eye is.
    await page.fill('#eta-number', '0');
    await page.press('#eta-number', 'Enter');
    await page.waitForFunction(() => document.getElementById('status').textContent !== '', null, WAIT);
    await assertInWindow(page, '#status', [1366, 768]);
    assert.deepEqual(errors, []);
    await close();
  });
});

describe('on a 1024 × 768 projector', () => {
  test('presentation mode shows the boundary and the loss chart together, and leaving it restores the page', async () => {
    const { page, errors, close } = await playground.openPage('', undefined, PROJECTOR);
    const before = await page.evaluate(() => document.documentElement.scrollHeight);
    assert.ok(before > 768, 'the page as usual is taller than the window');
    await page.keyboard.press('p');
    assert.equal(await page.getAttribute('#present', 'aria-pressed'), 'true');
    await frames(page, 4);
    await assertInWindow(page, '#boundary', [1024, 768]);
    await assertInWindow(page, '#loss-curve', [1024, 768]);
    await assertInWindow(page, '#train-loss', [1024, 768]);
    await assertInWindow(page, '#play', [1024, 768]);
    await assertInWindow(page, '#eta-number', [1024, 768]);
    assert.ok(await page.evaluate(() => document.documentElement.scrollHeight <= 768), 'nothing to scroll');
    for (const gone of ['#dataset', '#diagram', '#batch-size', '#keep-ghost', '#lesson']) assert.equal(await box(page, gone), null, `${gone} is hidden`);
    assert.match(page.url(), /[?&]present=1(&|$)/);
    // The charts are drawn larger for the back row: the wasm side reads the emphasis.
    assert.equal(await page.evaluate(() => document.documentElement.dataset.chartEmphasis), '1.6');
    // It trains while presenting.
    await page.click('#play');
    await page.waitForFunction(() => Number(document.getElementById('iteration').textContent) > 0, null, WAIT);
    await page.click('#play');
    // A prepared link opens presenting.
    const again = await playground.openPage(new URL(page.url()).search, undefined, PROJECTOR);
    assert.ok(await again.page.evaluate(() => document.body.classList.contains('presenting')));
    await assertInWindow(again.page, '#loss-curve', [1024, 768]);
    await again.close();
    // Each lesson view's chart fits too.
    for (const [view, chart] of [['approx', '#approx-plot'], ['gd', '#gd-curve'], ['logistic', '#lr-canvas']]) {
      await page.click(`#view-${view}`);
      await frames(page, 4);
      await assertInWindow(page, chart, [1024, 768]);
    }
    await page.click('#view-classify');
    // Leaving: the button (or P) restores every control and the page's height.
    await page.click('#present');
    await frames(page, 4);
    assert.equal(await page.getAttribute('#present', 'aria-pressed'), 'false');
    assert.ok(await box(page, '#dataset'), 'the data controls are back');
    assert.ok(await box(page, '#diagram'), 'the diagram is back');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.chartEmphasis), undefined);
    assert.doesNotMatch(page.url(), /present=/);
    const after = await page.evaluate(() => document.documentElement.scrollHeight);
    assert.ok(Math.abs(after - before) < 40, `the page is as tall as before: ${before} → ${after}`);
    assert.deepEqual(errors, []);
    await close();
  });
});
