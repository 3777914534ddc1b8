// The repository's own rules, checked on the files git tracks, so that a newcomer
// keeps finding things where the README's Layout says they are:
// - no source file (Rust, JS, HTML, CSS, shell) is over 400 lines;
// - src/ and www/ each keep at most three files at their top level (the rest is
//   grouped into one folder per concept);
// - what a person who clones the project reads (README, code, tests, scripts) names
//   things by what they are, never by an issue number or a file outside the repository.
//
// Run: node --test tests/e2e/repository.test.mjs   (no build needed)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { REPO } from './helpers.mjs';

/** The repository's rule for every source file. */
const MAX_LINES = 400;
/** The most files src/ and www/ may hold at their top level. */
const MAX_TOP_LEVEL = 3;

/** The files git tracks, relative to the repository, with '/' separators. */
function tracked() {
  return execFileSync('git', ['ls-files', '-z'], { cwd: REPO, encoding: 'utf8' })
    .split('\0').filter((f) => f && fs.existsSync(path.join(REPO, f)));
}

/** Lines of a text as `wc -l` counts them (a last line without its newline counts too). */
function lineCount(text) {
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

test(`no source file is over ${MAX_LINES} lines`, () => {
  const long = tracked()
    .filter((f) => /\.(rs|js|mjs|html|css|sh)$/.test(f))
    .map((file) => ({ file, lines: lineCount(fs.readFileSync(path.join(REPO, file), 'utf8')) }))
    .filter(({ lines }) => lines > MAX_LINES);
  assert.deepEqual(long, [], `split these by responsibility: ${long.map((l) => `${l.file} (${l.lines})`).join(', ')}`);
});

test(`src/ and www/ keep at most ${MAX_TOP_LEVEL} files at their top level`, () => {
  const files = tracked();
  for (const folder of ['src', 'www']) {
    const top = files.filter((f) => f.startsWith(`${folder}/`) && !f.slice(folder.length + 1).includes('/'));
    assert.ok(top.length >= 1, `${folder}/ has no file at its top level: is this the repository?`);
    assert.ok(top.length <= MAX_TOP_LEVEL, `${folder}/ holds ${top.length} files at its top level: ${top.join(', ')}`);
  }
});

test('README, code, tests and scripts name no issue number and no file outside the repository', () => {
  // Patterns written so that this file's own text does not match them.
  const outside = [/\bissues? #?[0-9]/i, /design\.md/, /\.\.\/shared/];
  const read = tracked().filter((f) => f === 'README.md' || f === 'index.html'
    || /^(src|www|tests|scripts)\//.test(f))
    .filter((f) => /\.(rs|js|mjs|html|css|sh|md|toml|json)$/.test(f));
  assert.ok(read.includes('README.md') && read.some((f) => f.startsWith('src/')), 'the files to read were not found');
  const found = [];
  for (const file of read) {
    fs.readFileSync(path.join(REPO, file), 'utf8').split('\n').forEach((line, i) => {
      if (outside.some((p) => p.test(line))) found.push(`${file}:${i + 1}: ${line.trim()}`);
    });
  }
  assert.deepEqual(found, [], 'say what the thing is instead');
});
