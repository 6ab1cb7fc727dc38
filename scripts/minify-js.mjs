// Minifies the wasm-bindgen glue of every bundle in DIST (htx-*.js) with terser, and updates the
// subresource-integrity hashes that trunk wrote for those files into DIST's pages.
//   node scripts/minify-js.mjs dist
// trunk's own JS minifier is off (it is known to break wasm-bindgen glue); terser keeps the glue's
// exports and property names (only local names are shortened), which is all the glue needs.
// About 1.5–2 KB brotli less per bundle.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(HERE, '..', 'e2e', 'package.json'));
const { minify } = require('terser');

const sri = (bytes) => 'sha384-' + crypto.createHash('sha384').update(bytes).digest('base64');

/** Minifies DIST's glue files in place; returns [file, bytes before, bytes after] per file. */
export async function minifyGlue(dist) {
  const pages = fs.readdirSync(dist).filter((f) => f.endsWith('.html'));
  const done = [];
  for (const f of fs.readdirSync(dist).filter((f) => /^htx-.*\.js$/.test(f))) {
    const file = path.join(dist, f);
    const code = fs.readFileSync(file);
    const out = await minify(code.toString('utf8'), { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false } });
    if (!out.code) throw new Error(`minify-js: no output for ${f}`);
    // already minified (the script run twice on one build): left as it is
    if (Buffer.byteLength(out.code) >= code.length) continue;
    fs.writeFileSync(file, out.code);
    const [before, after] = [sri(code), sri(out.code)];
    for (const p of pages) {
      const pf = path.join(dist, p);
      const html = fs.readFileSync(pf, 'utf8');
      if (html.includes(before)) fs.writeFileSync(pf, html.split(before).join(after));
    }
    done.push([f, code.length, Buffer.byteLength(out.code)]);
  }
  return done;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2];
  if (!dist || !fs.existsSync(dist)) {
    console.error('usage: node scripts/minify-js.mjs <dist>');
    process.exit(2);
  }
  for (const [f, a, b] of await minifyGlue(dist)) console.log(`minify-js.mjs: ${f} ${a} → ${b} bytes`);
}
