#!/usr/bin/env bash
# Builds the release site into dist/, one bundle per kind of page so that each downloads only what
# it needs: the explorer (index.html), the presentation and sources pages (present.html,
# nguon.html), the chart maker (tao.html) and the small embed (embed.html).
# Expects the tools on PATH (`. scripts/env.sh`; scripts/setup.sh installs them).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
trunk build --release
EMBED_DIST="$ROOT/target/embed-dist"
rm -rf "$EMBED_DIST"
# wasm-bindgen's output folder is shared by both builds: without the app's JS snippets (the
# service worker's), trunk does not preload them in the embed's page
rm -rf "${CARGO_TARGET_DIR:-$ROOT/target}/wasm-bindgen/release/snippets"
trunk build embed.html --release true --dist "$EMBED_DIST"
# The chart maker (tao.html) is a bundle of its own too: the explorer's readers never load it.
EDITOR_DIST="$ROOT/target/editor-dist"
rm -rf "$EDITOR_DIST"
rm -rf "${CARGO_TARGET_DIR:-$ROOT/target}/wasm-bindgen/release/snippets"
trunk build tao.html --release true --dist "$EDITOR_DIST"
cp "$EDITOR_DIST"/index.html dist/tao.html
cp "$EDITOR_DIST"/htx-editor-*.js "$EDITOR_DIST"/htx-editor-*_bg.wasm dist/
# The presentation and sources pages are one bundle of their own (pages.html): the explorer's
# readers do not load them. Every page has an .html address that a plain static host serves
# without a rewrite rule.
PAGES_DIST="$ROOT/target/pages-dist"
rm -rf "$PAGES_DIST"
rm -rf "${CARGO_TARGET_DIR:-$ROOT/target}/wasm-bindgen/release/snippets"
trunk build pages.html --release true --dist "$PAGES_DIST"
cp "$PAGES_DIST"/index.html dist/present.html
cp "$PAGES_DIST"/index.html dist/nguon.html
cp "$PAGES_DIST"/htx-pages-*.js "$PAGES_DIST"/htx-pages-*_bg.wasm dist/
if [ -d "$PAGES_DIST/snippets" ]; then cp -r "$PAGES_DIST/snippets" dist/; fi
# The static first view (the default charts as inline SVG, painted before the wasm loads), drawn
# natively by the same pipeline and chart functions.
cargo run --quiet --bin htx-prerender -- dist
# trunk names its page index.html: it becomes dist/embed.html
cp "$EMBED_DIST"/index.html dist/embed.html
# (index.html inlines its stylesheets: the embed page links base.css alone, the rules it uses)
cp "$EMBED_DIST"/htx-embed-*.js "$EMBED_DIST"/htx-embed-*_bg.wasm "$EMBED_DIST"/base-*.css dist/
# The wasm-bindgen glue of every bundle, minified (and trunk's integrity hashes updated).
node scripts/minify-js.mjs dist
# The service worker, with this build's file list (the app works offline after a first visit).
node scripts/make-sw.mjs dist
echo "build.sh: dist/ holds the explorer (index.html), the presentation and sources pages (present.html, nguon.html), the chart maker (tao.html), the embed (embed.html) and sw.js"
