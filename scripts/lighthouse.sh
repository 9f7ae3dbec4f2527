#!/usr/bin/env bash
# Lighthouse 12 (npm), mobile, over the release build: one command for the scores of issue 16.
# Sets up the tools and Chromium (idempotently), builds if dist/ is missing, then runs
# scripts/lighthouse.mjs, which fails if a score is under its goal.
#   scripts/lighthouse.sh [--runs N] [--json report-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
source scripts/env.sh
[[ -f "$DIST/index.html" ]] || scripts/build.sh
exec node scripts/lighthouse.mjs --dir "$DIST" "$@"
