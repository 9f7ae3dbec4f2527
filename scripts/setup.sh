#!/usr/bin/env bash
# Installs everything the build and tests need, idempotently: each tool is skipped when it is
# already at the pinned version. Only package registries are used (crates.io, npm, Debian).
#   scripts/setup.sh            build tools (wasm target, trunk, wasm-bindgen-cli, wasm-opt)
#   scripts/setup.sh --browser  the same plus Debian's Chromium and ChromeDriver for browser tests
# Source scripts/env.sh afterwards (the other scripts do) to put the tools on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

TRUNK_VERSION=0.21.14
# Trunk runs offline and insists that the CLI equals the library version in Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

step() { printf '\n== %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# The release wasm's pinned nightly with the standard library's source (scripts/wasm-toolchain.sh
# says why); the build falls back to stable, saying so, if this cannot be installed.
source scripts/wasm-toolchain.sh
if ! wasm_nightly_installed; then
  step "rustup toolchain install $WASM_NIGHTLY (rust-src, wasm32; about a minute)"
  rustup toolchain install "$WASM_NIGHTLY" --profile minimal --component rust-src \
    --target wasm32-unknown-unknown ||
    echo "note: $WASM_NIGHTLY could not be installed: the wasm will be built with stable Rust" >&2
fi
if wasm_nightly_installed; then
  # The standard library's own crates, which Trunk's offline build cannot download.
  (use_wasm_nightly && cargo fetch --quiet --target wasm32-unknown-unknown) ||
    echo "note: the standard library's dependencies could not be fetched: the wasm will be built with stable Rust" >&2
fi

if [[ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]]; then
  step "installing trunk $TRUNK_VERSION (about 5 minutes on 2 cores)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if [[ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]]; then
  step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  # No --locked: one of its locked dependencies is missing from the registry mirror here.
  cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# wasm-opt (npm binaryen; Debian's is too old and miscompiles -Oz) and playwright-core.
npm_tools_current() {
  node -e '
    const pkg = require("./package.json");
    for (const [name, wanted] of Object.entries(pkg.devDependencies)) {
      let installed;
      try { installed = require(`./node_modules/${name}/package.json`).version; } catch {}
      if (installed !== wanted) process.exit(1);
    }'
}
if ! npm_tools_current; then
  step "npm ci (binaryen for wasm-opt, playwright-core)"
  npm ci --no-audit --no-fund
fi

if [[ "${1:-}" == "--browser" ]]; then
  if ! [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
    step "installing Debian's chromium and chromium-driver"
    sudo_if_needed=""
    [[ $(id -u) -eq 0 ]] || sudo_if_needed="sudo"
    $sudo_if_needed apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo_if_needed apt-get install -y chromium chromium-driver
  fi
fi

step "tools ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt $(wasm-opt --version | awk '{print $3}')"
