// Writes DIST/sw.js from public/sw.template.js: the list of files to precache (every file of the
// build but the worker itself) and a version hash of their contents, so that a new build (new
// hashed names, new data) installs as a new worker and replaces the old cache.
//   node scripts/make-sw.mjs dist
// `buildVersion(dist)` is also what scripts/bench.sh uses to tell a whole build from one being written.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

/** The files of a build that the worker precaches, sorted, relative to `dist`. */
export function buildFiles(dist) {
  const files = [];
  (function walk(dir) {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else files.push(path.relative(dist, p).split(path.sep).join('/'));
    }
  })(dist);
  return files.filter((f) => f !== 'sw.js').sort();
}

/** The version of a build: a hash of its files' names and contents. */
export function buildVersion(dist, files = buildFiles(dist)) {
  const hash = crypto.createHash('sha256');
  for (const f of files) hash.update(f).update(fs.readFileSync(path.join(dist, f)));
  return hash.digest('hex').slice(0, 16);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = path.resolve(process.argv[2] ?? 'dist');
  const template = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'public', 'sw.template.js'), 'utf8');
  const all = buildFiles(dist);
  const version = buildVersion(dist, all);
  // Not precached: the embed's one-metric data files (data/m/: offline, an embed reads the whole
  // data file), the chart maker (tao.html and its bundle, about 350 KB brotli) and the embed
  // (embed.html, its bundle and stylesheet, about 155 KB): a reader of the charts would download
  // them in the background for nothing. The worker keeps a copy of their files the first time
  // they are loaded, so each works offline once it has been opened.
  const lazy = (f) =>
    f.startsWith('data/m/') ||
    f === 'tao.html' ||
    f === 'embed.html' ||
    /^htx-(editor|embed)-[0-9a-f]+(\.js|_bg\.wasm)$/.test(f) ||
    /^base-[0-9a-f]+\.css$/.test(f);
  const list = all.filter((f) => !lazy(f));
  const out = template.replace('__VERSION__', version).replace('__PRECACHE__', JSON.stringify(['./', ...list], null, 2));
  fs.writeFileSync(path.join(dist, 'sw.js'), out);
  console.log(`make-sw.mjs: dist/sw.js precaches ${list.length + 1} files, version ${version}`);
}
