#!/usr/bin/env sh
# Trunk post-build hook: gives every app route its own copy of index.html (card/x.html, ...)
# and a 404.html fallback, so GitHub Pages answers deep links and reloads with the app.
set -eu
staging="${TRUNK_STAGING_DIR:?run from a Trunk hook}"
cp "$staging/index.html" "$staging/404.html"
cargo run --quiet --bin route-pages -- content/interview.md | while read -r route; do
  mkdir -p "$staging/$(dirname "$route")"
  cp "$staging/index.html" "$staging/$route.html"
done
