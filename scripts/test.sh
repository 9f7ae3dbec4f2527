#!/usr/bin/env bash
# Sets up everything (idempotently) and runs every check and test:
# formatting, clippy on host and wasm32, native unit tests, the release build under a sub-path,
# its size report, the end-to-end tests in headless Chromium, the stable fallback build with the
# browsing tests on it, and a build under another base whose links must all stay under it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
source scripts/env.sh
# A clean clone builds everything once: incremental caches would only take disk (gigabytes).
if [[ -n "${CI:-}" ]]; then export CARGO_INCREMENTAL=0; fi

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

# One base setting (issue 30): Trunk's --public-url alone, as a person who knows Trunk builds,
# must put every build-time page and link under it. (On stable, reusing the fallback's build.)
step "trunk build --public-url /x/ alone: every build-time link stays under /x/"
(unset PUBLIC_URL && trunk build --release --public-url /x/ --dist target/dist-x)
node scripts/check-base.mjs target/dist-x /x/
