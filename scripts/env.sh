# Sourced by the other scripts: puts cargo-installed tools and the project's npm tools on PATH.
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
# The path GitHub Pages serves a project site under; builds and tests use it to catch root-relative URLs.
export PUBLIC_URL="${PUBLIC_URL:-/interview-prep/}"
# Where the release bundle goes (scripts/build.sh) and where the browser tests serve it from.
export DIST="${DIST:-dist}"
