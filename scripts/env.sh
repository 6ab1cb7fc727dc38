# shellcheck shell=bash
# Source this file (`. scripts/env.sh`) to get the project's build tools on PATH:
#   - e2e/node_modules/.bin  (binaryen's wasm-opt 132 from npm; trunk looks it up on PATH)
#   - ~/.cargo/bin           (trunk, wasm-bindgen, wasm-bindgen-test-runner)
# and to stop trunk from asking the crate registry for a newer version of itself.
_htx_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
case ":$PATH:" in
  *":$_htx_root/e2e/node_modules/.bin:"*) ;;
  *) PATH="$_htx_root/e2e/node_modules/.bin:$PATH" ;;
esac
case ":$PATH:" in
  *":${CARGO_HOME:-$HOME/.cargo}/bin:"*) ;;
  *) PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH" ;;
esac
export PATH
export TRUNK_SKIP_VERSION_CHECK=true
# wasm-bindgen-test-runner looks for chromedriver on PATH; Debian puts it in /usr/bin.
if [ -z "${CHROMEDRIVER:-}" ] && [ -x /usr/bin/chromedriver ]; then
  export CHROMEDRIVER=/usr/bin/chromedriver
fi
export HTX_ROOT="$_htx_root"
unset _htx_root
