#!/usr/bin/env sh
# Trunk post-build hook: writes every app route's page (index.html, 404.html, card/x.html, ...)
# with its content rendered at build time, so GitHub Pages answers deep links and reloads with
# the page itself, readable before (and without) the wasm. See src/prerender.rs.
set -eu
staging="${TRUNK_STAGING_DIR:?run from a Trunk hook}"
# First the app's JavaScript minified (and its hash in index.html), which every page copies.
node scripts/minify-glue.mjs "$staging"
# Native code: on stable like the tests, whichever toolchain built the wasm
# (scripts/wasm-toolchain.sh), so it reuses their compiled dependencies.
unset RUSTUP_TOOLCHAIN CARGO_UNSTABLE_BUILD_STD CARGO_UNSTABLE_BUILD_STD_FEATURES
cargo run --quiet --bin route-pages -- "$staging"
# Then the service worker, which lists (and hashes) every file, pages included.
node scripts/service-worker.mjs "$staging"
