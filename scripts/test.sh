#!/usr/bin/env bash
# Sets up everything (idempotently) and runs every check and test:
# formatting, clippy on host and wasm32, native unit tests, the release build under a sub-path,
# its size report, and the end-to-end tests in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
source scripts/env.sh

step() { printf '\n== %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "clippy (host)"
cargo clippy --workspace --all-targets -- -D warnings
step "clippy (wasm32)"
cargo clippy --workspace --all-targets --target wasm32-unknown-unknown -- -D warnings

step "native tests"
cargo test --workspace

step "release build under $PUBLIC_URL"
scripts/build.sh

step "browser tests (headless Chromium, served under $PUBLIC_URL)"
node --test --test-concurrency=1 tests/e2e/

# The release wasm is built with a pinned nightly (scripts/wasm-toolchain.sh); without it the
# build must still work, on stable, and say so. Proof: build with the nightly made unavailable
# and run the browsing and fault tests on that bundle.
step "the stable fallback: release build with the nightly made unavailable"
fallback="target/dist-fallback"
WASM_NIGHTLY=nightly-made-unavailable DIST="$fallback" scripts/build.sh 2>&1 | tee target/fallback-build.log
grep -q "building the wasm with stable Rust instead" target/fallback-build.log
DIST="$fallback" node --test --test-concurrency=1 tests/e2e/browse.test.mjs tests/e2e/fault.test.mjs
