#!/usr/bin/env bash
# Where the release wasm's bytes go, per crate and per screen (see docs/size.md).
# Builds the app as the release build does (cargo release profile, wasm-bindgen, wasm-opt -Oz) but
# keeps the function names (`wasm-opt -g`), then reads them with scripts/wasm-bytes.mjs; prints the
# shipped (nameless) wasm's compressed size first. `scripts/bytes.sh --top 40`: the largest functions.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
# The release build's toolchain and flags, so the bytes are the shipped ones.
source scripts/wasm-toolchain.sh
choose_wasm_toolchain
target="${CARGO_TARGET_DIR:-target}"
cargo build --quiet --release --target wasm32-unknown-unknown --bin interview-prep
out="$target/bytes"
rm -rf "$out" && mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" \
  "$target/wasm32-unknown-unknown/release/interview-prep.wasm"
wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int \
  "$out/interview-prep_bg.wasm" -o "$out/named.wasm"
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  "$out/interview-prep_bg.wasm" -o "$out/shipped.wasm"
node scripts/size-report.mjs --files "$out/interview-prep.js" "$out/shipped.wasm"
node scripts/wasm-bytes.mjs "$out/named.wasm" "$@"
