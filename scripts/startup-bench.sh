#!/usr/bin/env bash
# Start-up benchmark (issue 13), not a test: how much later the app shows its first content than a
# bare Leptos page rendering the same deck (benches/startup/reference), in one headless Chromium.
# Builds the reference under target/startup-bench (STARTUP_BENCH_DIR), uses the app's dist/
# (built with scripts/build.sh only if missing), then runs benches/startup/run.mjs, or with --phone
# benches/startup/phone.mjs (issue 31: usable on a card deep link on a throttled phone, as a ratio).
#   scripts/startup-bench.sh [--phone] [--pairs N] [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
bench="$(realpath -m "${STARTUP_BENCH_DIR:-target/startup-bench}")"
build=1
bench_script=benches/startup/run.mjs
for arg in "$@"; do
  [[ "$arg" == --no-build ]] && build=0
  [[ "$arg" == --phone ]] && bench_script=benches/startup/phone.mjs
done
if ((build)); then
  [[ -f dist/index.html ]] || scripts/build.sh
  # Its own target dir: never contends with the app's build for the cargo lock or its artifacts.
  (cd benches/startup/reference &&
    CARGO_TARGET_DIR="$bench/cargo" trunk build --release --public-url "$PUBLIC_URL" --dist "$bench/dist")
fi
exec node "$bench_script" --app dist --reference "$bench/dist" --base "$PUBLIC_URL" "$@"
