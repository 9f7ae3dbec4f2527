# Sourced by the scripts that build the release wasm (build.sh, bytes.sh), which then call
# `choose_wasm_toolchain`; scripts/setup.sh installs the nightly with `wasm_nightly_installed`.
#
# The wasm is built with a pinned nightly that compiles the standard library for size
# (`-Zbuild-std` with `optimize_for_size`) and makes a panic an immediate trap with no formatting
# machinery (`-Cpanic=immediate-abort`): about 40 KB brotli less than stable (docs/size.md,
# issue 31). Everything else (fmt, clippy, native tests) stays on stable. index.html's fault
# notice tells the person when the wasm traps, since no panic hook runs in this build.
#
# If the nightly is not installed (scripts/setup.sh installs it) or cannot fetch the standard
# library's own dependencies, the build says so and uses stable: a larger wasm, the same app.
# `WASM_TOOLCHAIN=stable` chooses stable on purpose; `WASM_NIGHTLY=<toolchain>` another nightly.

WASM_NIGHTLY="${WASM_NIGHTLY:-nightly-2026-10-29}"

# Beside `--cfg erase_components` (.cargo/config.toml, which this variable replaces for wasm32):
# no file/line/column strings in panics and `{:?}` printing nothing (-Zlocation-detail,
# -Zfmt-debug), since a trapped wasm prints nothing anyway.
WASM_NIGHTLY_RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"

wasm_nightly_installed() {
  rustup toolchain list | grep -q "^$WASM_NIGHTLY-" &&
    rustup component list --toolchain "$WASM_NIGHTLY" --installed 2>/dev/null | grep -q '^rust-src' &&
    rustup target list --toolchain "$WASM_NIGHTLY" --installed 2>/dev/null | grep -qx wasm32-unknown-unknown
}

use_wasm_nightly() {
  export RUSTUP_TOOLCHAIN="$WASM_NIGHTLY"
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$WASM_NIGHTLY_RUSTFLAGS"
}

# Exports the chosen toolchain's settings into the caller's environment, saying which it is.
choose_wasm_toolchain() {
  if [[ "${WASM_TOOLCHAIN:-nightly}" == stable ]]; then
    echo "note: WASM_TOOLCHAIN=stable: building the wasm with stable Rust (larger, see docs/size.md)" >&2
  elif ! wasm_nightly_installed; then
    echo "note: $WASM_NIGHTLY with rust-src and wasm32 is not installed (scripts/setup.sh installs it):" \
      "building the wasm with stable Rust instead (about 40 KB brotli larger, see docs/size.md)" >&2
  # The standard library's own dependencies must be on disk before Trunk builds offline
  # (scripts/setup.sh fetches them): checked without the network first, then fetched.
  elif ! (use_wasm_nightly && { cargo fetch --offline --quiet --target wasm32-unknown-unknown ||
    cargo fetch --quiet --target wasm32-unknown-unknown; } >/dev/null 2>&1); then
    echo "note: $WASM_NIGHTLY could not fetch the standard library's dependencies:" \
      "building the wasm with stable Rust instead (about 40 KB brotli larger, see docs/size.md)" >&2
  else
    use_wasm_nightly
    echo "wasm toolchain: $WASM_NIGHTLY with build-std (optimize_for_size, immediate-abort)" >&2
  fi
}
