#!/usr/bin/env bash
# Installs the tools that building and testing mlp-playground need, and nothing
# else. Idempotent: every item is checked first and skipped when it is already
# there at the right version, so a second run takes seconds.
#
#   bash scripts/setup.sh [build|test]
#     build  Rust wasm target, wasm-pack, wasm-bindgen-cli, npm packages (default)
#     test   all of the above plus Debian's chromium and chromium-driver
#
# The Rust toolchain (rustup, cargo) and Node >= 20 must already be installed.
# Never installs Debian's `binaryen`: its wasm-opt 108 produces release modules
# that fail at page load; scripts/build.sh uses the npm package instead.
set -euo pipefail

mode="${1:-build}"
case "$mode" in
  build | test) ;;
  *) echo "usage: bash scripts/setup.sh [build|test]" >&2; exit 2 ;;
esac

cd "$(dirname "${BASH_SOURCE[0]}")/.."

WASM_PACK_VERSION=0.15.1
step="start"
trap 'echo "setup: FAILED while ${step}; see the messages above." >&2' ERR

# cargo install puts binaries here; make sure we see them even if the
# caller's PATH does not have it yet (fresh CI machines).
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

need() { # need CMD HINT: fail early with a sentence instead of "command not found"
  command -v "$1" >/dev/null 2>&1 || { echo "setup: '$1' not found: $2" >&2; exit 1; }
}
need cargo "install Rust with rustup (https://rustup.rs) first."
need rustup "install Rust with rustup (https://rustup.rs) first."
need node "install Node.js 20 or newer first."
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if ((node_major < 20)); then
  echo "setup: Node $(node --version) is too old; Node 20 or newer is required." >&2
  exit 1
fi

# --- Rust target -------------------------------------------------------------
step="adding the wasm32-unknown-unknown Rust target"
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "ok: rust target wasm32-unknown-unknown"
else
  echo "installing: rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# --- rustfmt and clippy (level 1 of scripts/test.sh; absent in rustup's minimal profile)
if [[ "$mode" == test ]]; then
  step="adding the rustfmt and clippy components"
  if cargo fmt --version >/dev/null 2>&1 && cargo clippy --version >/dev/null 2>&1; then
    echo "ok: $(cargo fmt --version), $(cargo clippy --version | awk '{print $1, $2}')"
  else
    echo "installing: rustup components rustfmt clippy"
    rustup component add rustfmt clippy
  fi
fi

# --- wasm-pack: any 0.15.x is fine ------------------------------------------
step="installing wasm-pack $WASM_PACK_VERSION"
have="$(wasm-pack --version 2>/dev/null | awk '{print $2}' || true)"
if [[ "${have%.*}" == "${WASM_PACK_VERSION%.*}" ]]; then
  echo "ok: wasm-pack $have"
else
  echo "installing: wasm-pack $WASM_PACK_VERSION (found: ${have:-none}; takes about 2 min)"
  cargo install --quiet wasm-pack --locked --force --version "$WASM_PACK_VERSION"
fi

# --- wasm-bindgen-cli: must equal the wasm-bindgen in Cargo.lock exactly -----
# wasm-pack only uses a wasm-bindgen on PATH whose version matches the crate's;
# otherwise it tries to download one, which fails without internet.
step="installing wasm-bindgen-cli"
[[ -f Cargo.lock ]] || { echo "setup: Cargo.lock is missing; run 'cargo generate-lockfile'." >&2; exit 1; }
want="$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
[[ -n "$want" ]] || { echo "setup: no wasm-bindgen package found in Cargo.lock." >&2; exit 1; }
have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
if [[ "$have" == "$want" ]]; then
  echo "ok: wasm-bindgen-cli $have"
else
  echo "installing: wasm-bindgen-cli $want (found: ${have:-none}; takes about 3 min)"
  # Without --locked on purpose: one of its locked dependencies is no longer
  # on crates.io.
  cargo install --quiet wasm-bindgen-cli --force --version "$want"
  have="$(wasm-bindgen --version | awk '{print $2}')"
  [[ "$have" == "$want" ]] || {
    echo "setup: installed wasm-bindgen-cli $want but '$(command -v wasm-bindgen)' is $have; fix PATH." >&2
    exit 1
  }
fi

# --- npm packages (playwright-core, binaryen) ---------------------------------
step="installing npm packages (npm ci)"
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "installing: npm packages (npm ci)"
  # Under `npm test` / `npm run ...` use the very npm that is running us, and
  # do not inherit its --omit/--production settings: the tools are devDependencies.
  if [[ -n "${npm_execpath:-}" && "$npm_execpath" == *.js ]]; then
    npm_cmd=(node "$npm_execpath")
  else
    npm_cmd=(npm)
  fi
  env -u npm_config_omit -u npm_config_production "${npm_cmd[@]}" ci --include=dev --no-audit --no-fund --loglevel=error
else
  echo "ok: npm packages: $(node -p 'Object.entries(require("./node_modules/.package-lock.json").packages)
    .map(([p, m]) => p.replace("node_modules/", "") + " " + m.version).join(", ")')"
fi

# --- Chromium and its driver (only for tests) ---------------------------------
if [[ "$mode" == test ]]; then
  step="installing chromium and chromium-driver with apt-get"
  if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
    # Debian's chromium wrapper prints shell noise on stderr; keep only the version.
    echo "ok: $(/usr/bin/chromium --version 2>/dev/null | awk '{print $1, $2}'), chromedriver $(/usr/bin/chromedriver --version | awk '{print $2}')"
  else
    echo "installing: chromium chromium-driver (apt-get)"
    sudo=()
    ((EUID == 0)) || sudo=(sudo)
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq chromium chromium-driver
  fi
fi

if [[ -x /usr/bin/wasm-opt ]]; then
  echo "note: /usr/bin/wasm-opt (Debian binaryen) is installed; it is NOT used (scripts/build.sh uses node_modules/.bin/wasm-opt)"
fi
echo "setup ($mode): done"
