#!/usr/bin/env bash
# Builds the release site and serves dist/ on http://127.0.0.1:${PORT:-8080}/
# (deep links fall back to index.html). Ctrl-C stops it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash scripts/setup.sh
# shellcheck source=scripts/env.sh
. scripts/env.sh

echo "== scripts/build.sh (trunk build --release: app + embed)"
bash scripts/build.sh

PORT="${PORT:-8080}"
echo "== serving dist/ on http://127.0.0.1:${PORT}/"
exec node e2e/server.mjs dist "$PORT"
