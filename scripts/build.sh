#!/usr/bin/env bash
# The release bundle in $DIST (dist/), for the sub-path in PUBLIC_URL (GitHub Pages: /<repo>/),
# with every route's page and the service worker (Trunk's post-build hook), the single-file
# copy (interview-prep.html), and then its size report. Expects the tools from scripts/setup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
source scripts/wasm-toolchain.sh
choose_wasm_toolchain
trunk build --release --public-url "$PUBLIC_URL" --dist "$DIST"
# The same app as one HTML file that works from disk (file://), beside the site.
node scripts/single-file.mjs "$DIST"
node scripts/size-report.mjs "$DIST"
