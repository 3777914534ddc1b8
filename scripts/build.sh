#!/usr/bin/env bash
# Release build of the playground into www/pkg (what index.html loads).
#
#   bash scripts/build.sh
#
# 1. wasm-pack builds the crate and runs wasm-bindgen (--target web). Its own
#    wasm-opt step is switched off in Cargo.toml, because the wasm-opt it would
#    find on a Debian machine (binaryen 108) emits modules that fail at page load.
# 2. We optimise with the wasm-opt of the npm package `binaryen` (a pinned
#    devDependency, so every machine gets the same, known-good version).
# 3. A quick load check in Node: the optimised module must compile, instantiate
#    through the generated glue, and (once the API exists) train a few steps.
#    The e2e tests load the same build in Chromium, which is the real check.
# 4. index.html's modulepreload list is regenerated (scripts/preload.mjs), and
#    dist/ gets the shipped copy: JS, CSS and HTML minified (scripts/dist.mjs).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

OUT=www/pkg
WASM="$OUT/mlp_playground_bg.wasm"
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

start=$SECONDS
echo "build: wasm-pack build --release --target web"
wasm-pack --quiet build --release --target web --out-dir "$OUT" --out-name mlp_playground
raw_before=$(stat -c %s "$WASM")

echo "build: $("$WASM_OPT" --version) -O3"
"$WASM_OPT" -O3 "${FEATURES[@]}" "$WASM" -o "$WASM.opt" || fail "wasm-opt failed (see above)."
mv "$WASM.opt" "$WASM"

echo "build: checking that the optimised module loads in Node"
node --input-type=module - "$OUT" <<'EOF' || fail "the optimised module does not load (see above)."
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
const out = path.resolve(process.argv[2]);
const bytes = fs.readFileSync(path.join(out, 'mlp_playground_bg.wasm'));
await WebAssembly.compile(bytes); // validates against the engine's features
const pkg = await import(pathToFileURL(path.join(out, 'mlp_playground.js')).href);
pkg.initSync({ module: bytes }); // runs the start function and table setup
if (typeof pkg.ClassifierView === 'function') {
  const view = new pkg.ClassifierView();
  const done = view.train(20);
  if (done !== 20 || view.iteration() !== 20 || !Number.isFinite(view.train_loss())) {
    throw new Error(`smoke test failed: train(20) -> ${done}, iteration ${view.iteration()}, loss ${view.train_loss()}`);
  }
  view.free();
  console.log('build: load check ok (ClassifierView trained 20 steps)');
} else {
  console.log('build: load check ok (module instantiates; no ClassifierView export yet)');
}
EOF

# index.html announces every module and the .wasm (<link rel=modulepreload>), so
# the browser fetches them at once instead of one level of imports at a time.
node scripts/preload.mjs --write || fail "could not update index.html's modulepreload block (see above)."

raw=$(stat -c %s "$WASM")
# zlib level 9, the same measure as the benchmark's size table.
gz=$(node -e 'console.log(require("zlib").gzipSync(require("fs").readFileSync(process.argv[1]), { level: 9 }).length)' "$WASM")
# dist/: the shipped copy (minified JS, CSS and HTML; the same modules and paths).
node scripts/dist.mjs || fail "could not write dist/ (see above)."
printf 'build: done in %ds: %s is %d bytes raw (%d before wasm-opt), %d bytes gzipped\n' \
  $((SECONDS - start)) "$WASM" "$raw" "$raw_before" "$gz"
