#!/usr/bin/env bash
# Runs every test level of mlp-playground, cheapest first, and stops at the
# first failure (`npm test` and .ci/run call this).
#
#   0 setup      tools present at the right versions (scripts/setup.sh test)
#   1 lint       rustfmt, clippy on the host and on wasm32 (warnings are errors)
#   2 native     cargo test: unit, integration and rendering tests
#   3 wasm       wasm-pack test in headless Chromium (the wasm handles, real canvas)
#   4 e2e        release build (scripts/build.sh), then Playwright on the served page
#   5 bench      the benchmark in --quick mode, so it cannot rot unnoticed
#
# Output of each tool is passed through untouched, so the summary lines of
# cargo test and node --test are the last lines of their level.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

level_name="start"
level_start=$SECONDS
total_start=$SECONDS
trap 'echo; echo "test: FAILED at level ${level_name} after $((SECONDS - total_start))s"' ERR

level() { # level N NAME: print the previous level's time and a header
  if [[ "$level_name" != start ]]; then
    echo "--- level ${level_name}: ok ($((SECONDS - level_start))s)"
  fi
  level_name="$1 ($2)"
  level_start=$SECONDS
  echo
  echo "=== level $1/5: $2"
}

level 0 "setup"
bash scripts/setup.sh test

level 1 "lint: cargo fmt, cargo clippy (host and wasm32)"
cargo fmt --check
cargo clippy --quiet --all-targets -- -D warnings
cargo clippy --quiet --target wasm32-unknown-unknown --lib --tests -- -D warnings
# Each of the two wasm modules scripts/build.sh makes (one cargo feature each).
cargo clippy --quiet --target wasm32-unknown-unknown --lib --no-default-features --features classifier-view -- -D warnings
cargo clippy --quiet --target wasm32-unknown-unknown --lib --no-default-features --features lesson-views -- -D warnings

level 2 "native tests: cargo test"
cargo test

level 3 "wasm tests in headless Chromium: wasm-pack test --headless --chrome"
# wasm-pack would look for chromedriver on PATH anyway; say which one explicitly.
export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver || echo /usr/bin/chromedriver)}"
# The runner gives the whole suite 20 s by default; its handles train on real digits
# in the debug build, which takes about that long on a 2-core machine: allow 120 s.
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"
wasm-pack test --headless --chrome

level 4 "end-to-end: release build, then node --test tests/e2e/"
bash scripts/build.sh
node --test tests/e2e/

level 5 "benchmark smoke run: node tests/bench/run.mjs --quick"
node tests/bench/run.mjs --quick

echo "--- level ${level_name}: ok ($((SECONDS - level_start))s)"
echo
echo "test: all levels passed in $((SECONDS - total_start))s"
