#!/usr/bin/env bash
# Where a bundle's wasm goes: builds one bundle as the release does (opt-level z, LTO, wasm-opt
# -Oz) but keeping function names, then prints its code and data by crate with twiggy.
#   bash scripts/wasm-parts.sh [htx-charts|htx-embed|htx-pages|htx-editor]   (default htx-charts)
# Needs the tools of scripts/setup.sh and twiggy (`cargo install twiggy`). The names make this
# build's file larger than the release's; the shares are what to read. Inlined code counts for the
# function it was inlined into (the pipeline's `view::build` holds most of its own callees).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BIN="${1:-htx-charts}"
command -v twiggy >/dev/null || { echo "wasm-parts.sh: twiggy not found: cargo install twiggy" >&2; exit 2; }
. scripts/env.sh
OUT="${CARGO_TARGET_DIR:-$ROOT/target}/wasm-parts"
export CARGO_TARGET_DIR="$OUT/target" CARGO_PROFILE_RELEASE_STRIP=none RUSTFLAGS="--cfg erase_components"
FEATURES=()
[ "$BIN" = htx-embed ] && FEATURES=(--no-default-features)
cargo build --offline --release --target wasm32-unknown-unknown --bin "$BIN" "${FEATURES[@]}"
wasm-bindgen --keep-debug --target web --out-dir "$OUT" "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/$BIN.wasm"
wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  "$OUT/${BIN}_bg.wasm" -o "$OUT/$BIN.names.wasm"
twiggy top -n 1000000 -f csv "$OUT/$BIN.names.wasm" > "$OUT/$BIN.csv"
python3 - "$OUT/$BIN.csv" "$BIN" <<'PY'
import csv, re, sys, collections
rows = list(csv.DictReader(open(sys.argv[1])))
groups = collections.Counter()
ours = ('htx_charts::ui', 'htx_charts::embed', 'htx_charts')
for r in rows:
    name, size = r['Name'], int(r['ShallowSize'])
    if 'custom section' in name or 'subsection' in name:
        continue  # names and debug info: not in the release file
    if name.startswith('data segment'):
        key = 'data (text, tables)'
    elif 'call_once{{vtable.shim}}' in name or name.startswith('core::ops::function'):
        key = 'closures (mostly UI callbacks)'
    else:
        key = next((o for o in ours if o + '::' in name), None)
        if key is None:
            m = re.search(r'([a-z_][a-z0-9_]*)(\[[0-9a-f]+\])?::', name)
            key = m.group(1) if m else 'other'
    groups[key] += size
total = sum(groups.values())
print(f"{sys.argv[2]}: {total / 1024:.0f} KiB of code and data (before compression), by crate")
for key, size in groups.most_common(18):
    print(f"  {size / 1024:7.1f} KiB  {100 * size / total:5.1f} %  {key}")
PY
