#!/usr/bin/env bash
# Sets up everything (idempotently), builds the release bundle and serves it under the same
# sub-path GitHub Pages uses, printing the URL. PORT=8080 by default.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
scripts/build.sh
exec node tests/support/server.mjs --dir dist --base "$PUBLIC_URL" --port "${PORT:-8080}" --host "${HOST:-127.0.0.1}"
