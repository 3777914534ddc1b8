// End-to-end tests of the URL flags that hide controls (?hide=…): a teacher links a
// reduced demo; what is hidden keeps working, what is unknown is reported.
//
// Run: node --test tests/e2e/hide.test.mjs   (after scripts/build.sh has built www/pkg)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startPlayground, WAIT } from './helpers.mjs';

let playground;

/** Whether the element takes up room on the page (not display: none, here or above). */
const shown = (page, selector) => page.$eval(selector, (el) => el.getClientRects().length > 0);

describe('hide flags in the address', () => {
  before(async () => { playground = await startPlayground(); });
  after(async () => { await playground?.close(); });

  test('named controls and groups are hidden, with their labels, and the rest stays', async () => {
    const { page, errors, close } = await playground.openPage('?hide=noise,network,tabs,eta-number,data-seed,diagram');
    for (const selector of ['#noise', 'label[for="noise"]', '#activation', '.views', '#eta-number', '#eta',
      '#data-seed', '#new-data-seed', '#diagram']) {
      assert.equal(await shown(page, selector), false, `${selector} should be hidden`);
    }
    for (const selector of ['#points', 'label[for="points"]', '#play', '#boundary', '#dataset']) {
      assert.equal(await shown(page, selector), true, `${selector} should still be shown`);
    }
    assert.equal((await page.textContent('#status')).trim(), '', 'a valid hide list reports nothing');
    assert.match(await page.evaluate(() => window.location.search), /hide=noise%2Cnetwork%2Ctabs/);
    assert.deepEqual(errors, []);
    await close();
  });

  test('hidden controls keep working: the address still sets them and Play still trains', async () => {
    const { page, errors, close } = await playground.openPage('?hide=training,data&dataset=xor&classify.eta-number=0.1');
    assert.equal(await shown(page, '#play'), false);
    assert.equal(await page.$eval('#dataset', (el) => el.value), 'xor');
    assert.match(await page.evaluate(() => window.playground.view.settings_json()), /"dataset":"xor".*"eta":0\.1/);
    // Space still plays (the button is hidden, not gone).
    await page.keyboard.press('Space');
    await page.waitForFunction(() => window.playground.view.iteration() > 0, null, WAIT);
    assert.deepEqual(errors, []);
    await close();
  });

  test('an unknown name is reported in the status line and hides nothing else by mistake', async () => {
    const { page, errors, close } = await playground.openPage('?hide=noise,frobnicate,%3Cscript%3E');
    const status = await page.textContent('#status');
    assert.match(status, /hide=frobnicate \(no such control or group; groups: .*network/);
    assert.match(status, /hide=<script>/);
    assert.equal(await shown(page, '#noise'), false);
    assert.equal(await shown(page, '#points'), true);
    assert.doesNotMatch(await page.evaluate(() => window.location.search), /frobnicate/);
    assert.deepEqual(errors, []);
    await close();
  });
});
