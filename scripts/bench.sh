#!/usr/bin/env bash
# Benchmark (not a test; scripts/test.sh does not run it): bytes shipped on a first visit
# (raw / gzip -9 / brotli q11) and time to the first chart over 12 fresh loads in headless chromium.
#   bash scripts/bench.sh            (builds the release site first if dist/ is missing)
#   RUNS=20 bash scripts/bench.sh    (another number of loads)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash scripts/setup.sh >/dev/null
# shellcheck source=scripts/env.sh
. scripts/env.sh

if [ ! -f dist/index.html ]; then
  echo "dist/ missing: scripts/build.sh"
  bash scripts/build.sh
fi
exec node e2e/bench.mjs "$@"
