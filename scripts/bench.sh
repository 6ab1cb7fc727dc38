#!/usr/bin/env bash
# Benchmark (not a test; scripts/test.sh does not run it). It compares the app with a small
# Chart.js page drawing the same bars from the same data file (bench/chartjs/, chart.js from npm,
# animation off), loaded interleaved in the same run (e2e/bench.mjs), and prints:
#   - bytes (raw / gzip -9 / brotli q11) by type of what a first visit of the app, of the embed
#     (embed.html?m=cooperatives) and of the Chart.js page downloads;
#   - first contentful paint and time to the first chart painted over RUNS fresh loads of each
#     (median, min–max), the bytes fetched before that chart was painted, and the ratios
#     app / Chart.js, on localhost and on an emulated slow 4G connection, next to the goals
#     (reported, not asserted);
#   - for a 50,000-record file (scripts/make-big-dataset.py, when it exists), data load and
#     first-chart times;
#   - the redraw time after a control change.
#
#   bash scripts/bench.sh              (builds the release site first if dist/ is missing)
#   RUNS=5 bash scripts/bench.sh       (fewer loads; default 15; also SLOW_RUNS=3, BIG_RUNS=5,
#                                       REDRAWS=24, BIG_N=50000, PEER_TOP=10)
#   BENCH_DIST=/path/to/a/build bash scripts/bench.sh   (another build than dist/, e.g. a copy)
#
# It serves a copy of dist/ in target/bench-site/ with the Chart.js page in its peer/ folder, so
# one local server serves both and both read the same data/htx.json. Nothing comes from a CDN.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DIST_DIR="$ROOT/dist"
if [ -n "${BENCH_DIST:-}" ]; then
  DIST_DIR="$(cd "$BENCH_DIST" 2>/dev/null && pwd)" || { echo "bench.sh: BENCH_DIST=$BENCH_DIST is not a directory" >&2; exit 1; }
fi

bash scripts/setup.sh >/dev/null
# shellcheck source=scripts/env.sh
. scripts/env.sh

# A build writing dist/ right now (trunk's dist/.stage exists while it runs): wait for it to end,
# so that the copy below is the newest build (a .stage left untouched for 10 minutes is taken
# for the leftover of a stopped build; the copy is checked to be one whole build anyway).
wait_for_build() {
  local said=0 age newest
  while [ -e "$DIST_DIR/.stage" ]; do
    newest="$(find "$DIST_DIR/.stage" -printf '%T@\n' 2>/dev/null | sort -n | tail -1 | cut -d. -f1)"
    age=$(( $(date +%s) - ${newest:-$(date +%s)} ))
    if [ "$age" -ge 600 ]; then
      echo "($DIST_DIR/.stage untouched for ${age} s: a stopped build's leftover, going on)"
      break
    fi
    if [ "$said" -eq 0 ]; then echo "a build is writing $DIST_DIR (its .stage exists): waiting for it …"; said=1; fi
    sleep 5
  done
  return 0
}

wait_for_build
if [ ! -f "$DIST_DIR/index.html" ]; then
  [ -z "${BENCH_DIST:-}" ] || { echo "bench.sh: $BENCH_DIST/index.html not found" >&2; exit 1; }
  echo "dist/ missing: scripts/build.sh"
  bash scripts/build.sh
fi

# ---------------------------------------------------------------- the bench site
SITE="$ROOT/target/bench-site"
CHARTJS_DIST="$ROOT/e2e/node_modules/chart.js/dist"
CHARTJS_UMD=""
for f in chart.umd.js chart.umd.min.js; do
  if [ -f "$CHARTJS_DIST/$f" ]; then CHARTJS_UMD="$CHARTJS_DIST/$f"; break; fi
done
[ -n "$CHARTJS_UMD" ] || { echo "bench.sh: no Chart.js UMD build in $CHARTJS_DIST (scripts/setup.sh installs chart.js)" >&2; exit 1; }

copy_dist() {
  rm -rf "$SITE"
  mkdir -p "$SITE"
  # everything but trunk's staging folder
  (cd "$DIST_DIR" && find . -mindepth 1 -maxdepth 1 ! -name .stage -exec cp -a {} "$SITE"/ \;)
}
# dist/ may be rewritten by a build that starts or is half done (scripts/build.sh runs trunk
# twice, then the pre-renderer) during the copy. scripts/make-sw.mjs writes sw.js last, with a
# version hash of every file of the build: the copy is one whole build when that hash matches.
site_whole() {
  [ -f "$SITE/index.html" ] && [ -f "$SITE/data/htx.json" ] || return 1
  [ -f "$SITE/sw.js" ] || return 0 # a plain `trunk build` (no service worker): nothing to check
  node --input-type=module - "$SITE" "$ROOT/scripts/make-sw.mjs" <<'JS'
import fs from 'node:fs';
import path from 'node:path';
const [dist, makeSw] = process.argv.slice(2);
const { buildVersion } = await import(makeSw);
const want = /const VERSION = '([0-9a-f]+)'/.exec(fs.readFileSync(path.join(dist, 'sw.js'), 'utf8'))?.[1];
process.exit(want && buildVersion(dist) === want ? 0 : 1);
JS
}
for attempt in $(seq 1 60); do
  wait_for_build
  copy_dist
  if site_whole; then break; fi
  if [ "$attempt" -eq 60 ]; then echo "bench.sh: could not copy a whole build out of $DIST_DIR (sw.js's version does not match its files)" >&2; exit 1; fi
  if [ "$attempt" -eq 1 ]; then echo "$DIST_DIR is not one whole build (a build is running?): waiting for it …"; fi
  sleep 15
done
mkdir -p "$SITE/peer"
cp bench/chartjs/index.html bench/chartjs/main.js "$SITE/peer/"
cp "$CHARTJS_UMD" "$SITE/peer/chart.umd.js"
CHARTJS_VERSION="$(node -p "require('$ROOT/e2e/node_modules/chart.js/package.json').version")"

# ---------------------------------------------------------------- the 50,000-record file
BIG_N="${BIG_N:-50000}"
BIG_SKIP=""
if [ -f scripts/make-big-dataset.py ]; then
  if ! python3 scripts/make-big-dataset.py "$BIG_N" "$SITE/data/big.json" >/dev/null; then
    BIG_SKIP="scripts/make-big-dataset.py $BIG_N failed"
    rm -f "$SITE/data/big.json"
  fi
else
  BIG_SKIP="the generator scripts/make-big-dataset.py is missing"
fi

export BENCH_SITE="$SITE" BENCH_CHARTJS_VERSION="$CHARTJS_VERSION" BENCH_BIG_N="$BIG_N" BENCH_BIG_SKIP="$BIG_SKIP"
exec node e2e/bench.mjs "$@"
