#!/usr/bin/env bash
# The one command that runs every test (CI runs it through .ci/run):
#   setup -> cargo test (native) -> clippy (native, all targets) -> clippy (wasm32, app and embed)
#   -> in-browser Rust tests (cargo test --target wasm32-unknown-unknown)
#   -> scripts/build.sh (trunk, app + embed) -> end-to-end browser tests (node --test e2e/)
# It stops at the first failing step, names it, and exits non-zero.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

LOG_DIR="$ROOT/target/test-logs"
mkdir -p "$LOG_DIR"
START=$(date +%s)
CURRENT=""
DONE_STEPS=()

on_exit() {
  local rc=$?
  if [ "$rc" -ne 0 ]; then
    echo
    echo "=================================================================="
    echo "test.sh: FAILED at step '${CURRENT:-?}' (exit code $rc) after $(( $(date +%s) - START )) s"
    if [ "${#DONE_STEPS[@]}" -gt 0 ]; then echo "test.sh: steps that passed before it: ${DONE_STEPS[*]}"; fi
    echo "=================================================================="
  fi
}
trap on_exit EXIT

# step NAME LOGFILE CMD...: runs CMD, echoing its output and keeping a copy in target/test-logs/
step() {
  local name="$1" log="$LOG_DIR/$2"; shift 2
  CURRENT="$name"
  local t0; t0=$(date +%s)
  echo
  echo "=== [$name] $*"
  # with errexit + pipefail a failing command ends the script here (the EXIT trap names the step)
  "$@" 2>&1 | tee "$log"
  echo "=== [$name] ok ($(( $(date +%s) - t0 )) s)"
  DONE_STEPS+=("$name")
}

step "setup" setup.log bash scripts/setup.sh
# shellcheck source=scripts/env.sh
. scripts/env.sh
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

# trunk builds with --offline, so every dependency (all targets) must be in cargo's cache first
step "cargo fetch" fetch.log cargo fetch
step "cargo test (native)" cargo-test.log cargo test
step "clippy (native, all targets)" clippy-native.log cargo clippy --all-targets -- -D warnings
step "clippy (wasm32)" clippy-wasm.log cargo clippy --target wasm32-unknown-unknown -- -D warnings
# the light embed bundle is built without the app feature (no Leptos)
step "clippy (wasm32, embed)" clippy-wasm-embed.log cargo clippy --target wasm32-unknown-unknown --no-default-features -- -D warnings
# runner = wasm-bindgen-test-runner (.cargo/config.toml), which drives /usr/bin/chromedriver
step "wasm tests (in chromium)" wasm-test.log cargo test --target wasm32-unknown-unknown
step "build (app + embed bundle)" trunk.log bash scripts/build.sh
step "e2e (node --test e2e/)" e2e.log node --test e2e/

CURRENT=""
# Totals from each runner's own closing lines.
native_passed=$(grep -Eo 'test result: ok\. [0-9]+ passed' "$LOG_DIR/cargo-test.log" | awk '{s += $4} END {print s + 0}')
wasm_passed=$(grep -Eo 'test result: ok\. [0-9]+ passed' "$LOG_DIR/wasm-test.log" | awk '{s += $4} END {print s + 0}')
e2e_passed=$(grep -Eo '^# pass [0-9]+' "$LOG_DIR/e2e.log" | awk '{s += $3} END {print s + 0}')
echo
echo "test.sh: all ${#DONE_STEPS[@]} steps passed in $(( $(date +%s) - START )) s — cargo test ${native_passed} tests, in-browser wasm ${wasm_passed} tests, e2e ${e2e_passed} tests, clippy clean on native and wasm32, release build in dist/"
