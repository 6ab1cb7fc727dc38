#!/usr/bin/env bash
# Installs every tool the build and the tests need, skipping each one already present at the
# right version, so it is cheap to run again. Safe to run with no stdin (CI=true).
#
#   rustup target wasm32-unknown-unknown
#   trunk 0.21.14                       (cargo install --locked)
#   wasm-bindgen-cli = Cargo.lock's wasm-bindgen version (cargo install, no --locked)
#   binaryen 132 (wasm-opt) + playwright-core + terser (npm ci in e2e/)
#   chromium + chromium-driver          (Debian packages)
#
# It exports nothing; `. scripts/env.sh` puts the tools on PATH.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TRUNK_VERSION="0.21.14"
BINARYEN_MAJOR="132"
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$CARGO_BIN:$PATH"

say() { printf '%s\n' "$*"; }
die() { printf 'setup.sh: error: %s\n' "$*" >&2; exit 1; }

# Another `cargo install X` of the same tool already running (e.g. a background install on a
# developer machine)? Wait for it rather than compiling a second copy side by side.
WAITED_FOR_INSTALL=0
wait_for_cargo_install() {
  local what="$1" waited=0
  while pgrep -f "cargo install .*${what}" >/dev/null 2>&1; do
    if [ "$waited" -eq 0 ]; then say "waiting for a running 'cargo install ${what}' to finish …"; fi
    WAITED_FOR_INSTALL=1
    sleep 5
    waited=$((waited + 5))
    if [ "$waited" -ge 3600 ]; then die "gave up waiting for 'cargo install ${what}'"; fi
  done
  return 0
}

# ---------------------------------------------------------------- rustup target
command -v cargo >/dev/null 2>&1 || die "cargo not found: a Rust toolchain (rustup) is required"
if command -v rustup >/dev/null 2>&1; then
  # a background `rustup target add` may be running: it holds rustup's lock, so just run ours after it
  while pgrep -f "rustup target add" >/dev/null 2>&1; do sleep 3; done
  if rustup target list --installed | grep -qx 'wasm32-unknown-unknown'; then
    say "ok rustup target wasm32-unknown-unknown (already installed)"
  else
    say "installing rustup target wasm32-unknown-unknown …"
    rustup target add wasm32-unknown-unknown
  fi
else
  if [ -d "$(rustc --print sysroot)/lib/rustlib/wasm32-unknown-unknown" ]; then
    say "ok rustup target wasm32-unknown-unknown (already installed)"
  else
    die "rustup not found and the wasm32-unknown-unknown target is missing"
  fi
fi

# ---------------------------------------------------------------- trunk
trunk_version() { "$CARGO_BIN/trunk" --version 2>/dev/null | awk '{print $2}' || true; }
wait_for_cargo_install "trunk"
if [ "$(trunk_version)" = "$TRUNK_VERSION" ]; then
  say "ok trunk $TRUNK_VERSION (already installed)"
else
  say "installing trunk $TRUNK_VERSION (cargo install --locked; several minutes) …"
  cargo install --locked trunk --version "$TRUNK_VERSION"
  [ "$(trunk_version)" = "$TRUNK_VERSION" ] || die "trunk $TRUNK_VERSION did not install"
fi

# ---------------------------------------------------------------- wasm-bindgen-cli
if [ ! -f Cargo.lock ]; then
  say "Cargo.lock missing: cargo generate-lockfile …"
  cargo generate-lockfile
fi
WB_VERSION="$(awk '
  /^\[\[package\]\]/ { name = "" }
  /^name = / { gsub(/"/, "", $3); name = $3 }
  /^version = / && name == "wasm-bindgen" { gsub(/"/, "", $3); print $3; exit }
' Cargo.lock)"
[ -n "$WB_VERSION" ] || die "no wasm-bindgen package in Cargo.lock"
if [ -f Trunk.toml ] && ! grep -Eq "^wasm_bindgen *= *\"$WB_VERSION\"" Trunk.toml; then
  die "Trunk.toml [tools] wasm_bindgen does not equal Cargo.lock's wasm-bindgen $WB_VERSION"
fi
wb_version() { "$CARGO_BIN/wasm-bindgen" --version 2>/dev/null | awk '{print $2}' || true; }
wbtr_ok() { [ -x "$CARGO_BIN/wasm-bindgen-test-runner" ]; }
# a background chain that just finished installing trunk starts wasm-bindgen-cli right after it:
# give that a moment to show up before deciding to install it ourselves
if [ "$WAITED_FOR_INSTALL" -eq 1 ] && [ "$(wb_version)" != "$WB_VERSION" ]; then sleep 10; fi
wait_for_cargo_install "wasm-bindgen-cli"
if [ "$(wb_version)" = "$WB_VERSION" ] && wbtr_ok; then
  say "ok wasm-bindgen-cli $WB_VERSION (already installed)"
else
  say "installing wasm-bindgen-cli $WB_VERSION (cargo install; a few minutes) …"
  # no --locked: its lockfile pins a crate version the registry mirror lacks (see TOOLCHAIN.md)
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
  [ "$(wb_version)" = "$WB_VERSION" ] || die "wasm-bindgen-cli $WB_VERSION did not install"
fi

# ---------------------------------------------------------------- npm: binaryen + playwright-core
command -v npm >/dev/null 2>&1 || die "npm not found (Node.js 20 with npm is required)"
E2E="$ROOT/e2e"
[ -f "$E2E/package-lock.json" ] || die "e2e/package-lock.json is missing"
lock_sum="$(sha256sum "$E2E/package.json" "$E2E/package-lock.json" | sha256sum | awk '{print $1}')"
stamp="$E2E/node_modules/.htx-installed"
npm_fresh() {
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_sum" ] &&
    [ -x "$E2E/node_modules/.bin/wasm-opt" ] &&
    "$E2E/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "version_${BINARYEN_MAJOR}" &&
    [ -f "$E2E/node_modules/playwright-core/package.json" ] &&
    [ -f "$E2E/node_modules/terser/package.json" ]
}
pw_version() { node -p "require('$E2E/node_modules/playwright-core/package.json').version" 2>/dev/null || true; }
if npm_fresh; then
  say "ok binaryen ${BINARYEN_MAJOR} (wasm-opt) + playwright-core $(pw_version) in e2e/node_modules (already installed)"
else
  say "installing e2e/node_modules (npm ci: binaryen ${BINARYEN_MAJOR}, playwright-core) …"
  (cd "$E2E" && npm ci --no-audit --no-fund --loglevel=error </dev/null >/dev/null)
  npm_fresh_check="$("$E2E/node_modules/.bin/wasm-opt" --version 2>/dev/null || true)"
  case "$npm_fresh_check" in
    *"version_${BINARYEN_MAJOR}"*) ;;
    *) die "wasm-opt from npm is not binaryen ${BINARYEN_MAJOR}: '$npm_fresh_check'" ;;
  esac
  printf '%s\n' "$lock_sum" >"$stamp"
  say "ok binaryen ${BINARYEN_MAJOR} (wasm-opt) + playwright-core $(pw_version) installed"
fi

# ---------------------------------------------------------------- Debian chromium + chromedriver
deb_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
missing=()
for pkg in chromium chromium-driver; do
  if deb_installed "$pkg"; then
    say "ok $pkg $(dpkg-query -W -f='${Version}' "$pkg") (already installed)"
  else
    missing+=("$pkg")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "need root (or sudo) to apt-get install ${missing[*]}"
    SUDO="sudo -n"
  fi
  say "installing ${missing[*]} (apt-get) …"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get -o DPkg::Lock::Timeout=900 update -q </dev/null
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -q \
    "${missing[@]}" </dev/null
  for pkg in "${missing[@]}"; do
    deb_installed "$pkg" || die "$pkg did not install"
    say "ok $pkg $(dpkg-query -W -f='${Version}' "$pkg") installed"
  done
fi
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium is missing"
[ -x /usr/bin/chromedriver ] || die "/usr/bin/chromedriver is missing"

say "setup done"
