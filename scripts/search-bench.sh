#!/usr/bin/env bash
# Search benchmark, not a test: our search (the app's release bundle in dist/) against FlexSearch,
# MiniSearch, Orama and Fuse.js (npm devDependencies) in one headless Chromium, on the same
# documents and queries: top-3 hits on engine/tests/fixtures/search-queries.json, µs per typed
# query, index build/load time and size, as a markdown table (benches/search/run.mjs).
# Builds nothing: dist/ must exist (scripts/build.sh). Writes the deck's search documents to
# target/search-bench/docs.json (SEARCH_BENCH_DIR) with the prep-engine example search_docs.
#   scripts/search-bench.sh [--docs FILE] [run.mjs options: --loads N --rounds N --engines a,b ...]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
if [[ ! -f dist/index.html ]]; then
  echo "dist/ is missing: run scripts/build.sh first (this benchmark measures that release build)" >&2
  exit 1
fi
stale="$(find src engine/src content Cargo.toml Cargo.lock index.html -newer dist/index.html -print -quit 2>/dev/null || true)"
if [[ -n "$stale" ]]; then
  echo "note: $stale is newer than dist/: run scripts/build.sh for numbers of the current code" >&2
fi
docs=""
args=()
while (($#)); do
  if [[ "$1" == --docs ]]; then docs="$2"; shift 2; else args+=("$1"); shift; fi
done
if [[ -z "$docs" ]]; then
  bench="$(realpath -m "${SEARCH_BENCH_DIR:-target/search-bench}")"
  mkdir -p "$bench"
  docs="$bench/docs.json"
  cargo run -q --release -p prep-engine --example search_docs >"$docs.tmp"
  mv "$docs.tmp" "$docs"
fi
exec node benches/search/run.mjs --app dist --base "$PUBLIC_URL" --docs "$docs" "${args[@]}"
