#!/usr/bin/env bash
# The release bundle in dist/, for the sub-path in PUBLIC_URL (GitHub Pages: /<repo>/),
# followed by its size report. Expects the tools from scripts/setup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
trunk build --release --public-url "$PUBLIC_URL" --dist "$DIST"
node scripts/size-report.mjs "$DIST"
