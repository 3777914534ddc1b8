// The page's Content-Security-Policy: declared by a <meta> in index.html (and in
// dist/), sent as a header by the local server, the same policy in both; it allows
// scripts from the page's own origin only, WebAssembly compilation, and the one
// inline script by its hash; and the page runs under it — every view opened,
// training played — without a single violation or console error.
//
// Run: node --test tests/e2e/security.test.mjs   (after scripts/build.sh)
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { declaredPolicy, inlineScripts, policy } from '../../scripts/csp.mjs';
import { assemblePage } from '../../scripts/page.mjs';
import { REPO, startPlayground, WAIT } from './helpers.mjs';

/** Records every CSP violation the page reports, from before its first script. */
function recordViolations() {
  window.cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.cspViolations.push(`${e.violatedDirective}: ${e.blockedURI || 'inline'}`);
  });
}

/** The policy's directives as a map: name → its sources. */
function directives(text) {
  return new Map(text.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));
}

describe('the policy in the files', () => {
  for (const copy of ['index.html', 'dist/index.html']) {
    test(`${copy} declares the policy that pins its own inline script`, () => {
      // The page as the browser gets it: the development shell with its fragments included.
      const html = assemblePage(path.dirname(path.join(REPO, copy)));
      const declared = declaredPolicy(html);
      assert.ok(declared, `${copy} has no Content-Security-Policy <meta>`);
      assert.equal(declared, policy(html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')),
        'the <meta> is stale: run node scripts/preload.mjs --write (or scripts/build.sh)');
      assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'), 'the policy comes before every script');
      const d = directives(declared);
      assert.deepEqual(d.get('default-src'), ["'self'"]);
      const scripts = d.get('script-src');
      assert.deepEqual(scripts.slice(0, 2), ["'self'", "'wasm-unsafe-eval'"]);
      assert.equal(scripts.length, 2 + inlineScripts(html).length, 'one hash per inline script, nothing more');
      assert.ok(scripts.slice(2).every((s) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(s)), scripts.join(' '));
      assert.doesNotMatch(declared, /'unsafe-inline'|'unsafe-eval'|https?:|\*/, 'no inline code, eval or other origin');
    });
  }
});

for (const [name, root] of [['the development page', REPO], ['the shipped page (dist/)', path.join(REPO, 'dist')]]) {
  describe(`${name} under its policy`, () => {
    let playground;
    before(async () => { playground = await startPlayground({ root }); });
    after(async () => { await playground?.close(); });

    test('the server sends the declared policy as a header, and no view violates it', async () => {
      const { page, errors, close } = await playground.openPage('', recordViolations);
      const response = await page.goto(page.url());
      await page.waitForFunction(() => window.playground && document.getElementById('params').textContent !== '—', null, WAIT);
      const header = response.headers()['content-security-policy'];
      const html = await response.text();
      assert.equal(header, declaredPolicy(html));
      // Every view: the lesson views' module is compiled and instantiated too.
      await page.click('#play');
      // A readout of each view that reads '—' until the view has computed and drawn.
      const drawn = { approx: '#approx-max-error', gd: '#gd-loss', logistic: '#lr-table td', classify: '#params' };
      for (const [view, readout] of Object.entries(drawn)) {
        await page.click(`#view-${view}`);
        await page.waitForFunction((sel) => (document.querySelector(sel)?.textContent ?? '—').trim() !== '—', readout, WAIT);
        await page.waitForTimeout(300);
      }
      await page.click('#play');
      assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
      assert.deepEqual(errors, []);
      // The policy is in force: an inline script the page did not ship is refused.
      const ran = await page.evaluate(async () => {
        const s = document.createElement('script');
        s.textContent = 'window.injected = true;';
        document.body.append(s);
        await new Promise((r) => setTimeout(r, 100));
        return window.injected === true;
      });
      assert.equal(ran, false, 'an injected inline script ran');
      assert.ok((await page.evaluate(() => window.cspViolations)).some((v) => v.startsWith('script-src')));
      await close();
    });
  });
}
