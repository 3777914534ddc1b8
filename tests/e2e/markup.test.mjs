// The page's markup: index.html is the shell, and each view's markup a fragment in
// its www/ folder that the shell includes (scripts/page.mjs). Every marker finds its
// fragment and every fragment is included once; a missing or malformed one stops with
// a sentence naming it; the server sends the assembled page, and dist/'s as it is; the
// policy pins what the fragments bring; and no HTML source is over the repository's
// 400-line rule.
//
// Run: node --test tests/e2e/markup.test.mjs   (no build needed)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { inlineScripts, policy, withPolicy } from '../../scripts/csp.mjs';
import { SHELL, assemble, assemblePage, hasIncludes, includeMarkers } from '../../scripts/page.mjs';
import { serve } from '../../scripts/serve.mjs';
import { REPO } from './helpers.mjs';

/** The repository's rule for every source file. */
const MAX_LINES = 400;

/** The HTML sources: the shell and every fragment under www/ (www/pkg is the build's). */
function htmlSources() {
  const fragments = fs.readdirSync(path.join(REPO, 'www'), { recursive: true }).map(String)
    .map((f) => `www/${f.split(path.sep).join('/')}`)
    .filter((f) => f.endsWith('.html') && !f.startsWith('www/pkg/'));
  return [SHELL, ...fragments.sort()];
}

/** Lines of a file as `wc -l` counts them (a last line without its newline counts too). */
function lineCount(text) {
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

const folders = [];
after(() => { for (const root of folders) fs.rmSync(root, { recursive: true, force: true }); });

/** A page folder of its own in the system's temporary directory, from { path: text }; removed after the tests. */
function folder(files) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mlp-markup-'));
  folders.push(root);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('the page is index.html and its fragments', () => {
  test('every include marker of index.html names a fragment, and every fragment is included once', () => {
    const shell = fs.readFileSync(path.join(REPO, SHELL), 'utf8');
    const named = includeMarkers(shell).map((m) => m.file);
    for (const file of named) assert.ok(fs.existsSync(path.join(REPO, file)), `${SHELL} includes ${file}, which does not exist`);
    // A fragment no marker names would be markup missing from the page without a word.
    assert.deepEqual([...named].sort(), htmlSources().filter((f) => f !== SHELL));
    const page = assemblePage(REPO);
    assert.equal(hasIncludes(page), false, 'the assembled page still has a marker');
    assert.ok(page.includes('id="dg-pad"') && page.includes('id="bp-diagram"') && page.includes('id="approx-plot"'),
      'the assembled page misses a view\'s markup');
  });

  test(`no HTML source is over ${MAX_LINES} lines`, () => {
    const long = htmlSources()
      .map((file) => ({ file, lines: lineCount(fs.readFileSync(path.join(REPO, file), 'utf8')) }))
      .filter(({ lines }) => lines > MAX_LINES);
    assert.deepEqual(long, [], `split these into fragments (scripts/page.mjs): ${long.map((l) => `${l.file} (${l.lines})`).join(', ')}`);
  });

  test('a fragment takes its marker\'s place and indentation; blank lines stay blank', () => {
    const root = folder({
      'index.html': '<body>\n  <main>\n    <!-- include www/a/part.html -->\n  </main>\n</body>\n',
      'www/a/part.html': '<p>one\n  two</p>\n\n<p>three</p>\n',
    });
    assert.equal(assemblePage(root), '<body>\n  <main>\n    <p>one\n      two</p>\n\n    <p>three</p>\n  </main>\n</body>\n');
    // A page without markers (dist/index.html) is the page as it is.
    assert.equal(assemble('<p>no markers</p>\n', root), '<p>no markers</p>\n');
  });

  test('a missing fragment stops the page with a sentence naming the file, the line and the marker', () => {
    const root = folder({ 'index.html': '<body>\n  <!-- include www/nowhere/panel.html -->\n</body>\n' });
    assert.throws(() => assemblePage(root), {
      message: 'index.html line 2: <!-- include www/nowhere/panel.html --> names www/nowhere/panel.html, which does not exist.',
    });
  });

  test('a malformed marker, a path outside the page and a nested include are refused by name', () => {
    assert.throws(() => includeMarkers('<div><!-- include www/a.html --></div>'), /index\.html line 1: .* is not an include marker/);
    assert.throws(() => assemble('<!-- include ../secret.html -->', folder({})), /\.\.\/secret\.html, which is not a path inside/);
    const root = folder({ 'www/a.html': '<!-- include www/b.html -->\n', 'www/b.html': '<p></p>\n' });
    assert.throws(() => assemble('<!-- include www/a.html -->', root), /www\/a\.html includes a fragment itself/);
  });

  test('the policy pins the inline scripts of the assembled page, not only the shell\'s', () => {
    const root = folder({ 'www/a.html': '<script>window.fromFragment = 1;</script>\n' });
    const shell = '<head>\n  <meta name="viewport" content="width=device-width">\n</head>\n<body>\n  <!-- include www/a.html -->\n</body>\n';
    const page = assemble(shell, root);
    assert.deepEqual(inlineScripts(page), ['window.fromFragment = 1;']);
    const written = withPolicy(shell, page);
    assert.ok(written.includes(policy(page)), 'the shell\'s <meta> does not pin the fragment\'s script');
    assert.notEqual(policy(page), policy(shell));
  });
});

describe('the server sends the page as the browser is to get it', () => {
  let dev;
  let missing;
  let whole;
  before(async () => {
    dev = await serve({ root: REPO });
    missing = await serve({ root: folder({ 'index.html': '<body>\n  <!-- include www/gone.html -->\n</body>\n' }) });
    // Like dist/index.html: a whole page, sent byte for byte.
    whole = await serve({ root: folder({ 'index.html': '<!doctype html>\n<p>whole</p>\n' }) });
  });
  after(async () => {
    await dev?.close();
    await missing?.close();
    await whole?.close();
  });

  test('/ and /index.html of the top level are the assembled page, with its policy as a header', async () => {
    const page = assemblePage(REPO);
    for (const address of ['', 'index.html']) {
      const response = await fetch(new URL(address, dev.url));
      assert.equal(response.status, 200);
      assert.equal(await response.text(), page, `/${address} is not the assembled page`);
      assert.equal(Number(response.headers.get('content-length')), Buffer.byteLength(page));
      assert.match(response.headers.get('content-security-policy'), /^default-src 'self'/);
    }
  });

  test('a page without markers goes out as it is, and a missing fragment is a 500 with its sentence', async () => {
    const response = await fetch(whole.url);
    assert.equal(await response.text(), '<!doctype html>\n<p>whole</p>\n');
    const broken = await fetch(missing.url);
    assert.equal(broken.status, 500);
    assert.match(await broken.text(), /^index\.html line 2: <!-- include www\/gone\.html --> names www\/gone\.html, which does not exist\./);
  });
});
