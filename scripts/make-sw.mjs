// Writes DIST/sw.js from public/sw.template.js: the list of files to precache (every file of the
// build but the worker itself and the template) and a version hash of their contents, so that a
// new build (new hashed names, new data) installs as a new worker and replaces the old cache.
//   node scripts/make-sw.mjs dist
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dist = path.resolve(process.argv[2] ?? 'dist');
const template = fs.readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'public', 'sw.template.js'), 'utf8');
const files = [];
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else files.push(path.relative(dist, p).split(path.sep).join('/'));
  }
})(dist);
const list = files.filter((f) => f !== 'sw.js' && f !== 'sw.template.js').sort();
const hash = crypto.createHash('sha256');
for (const f of list) hash.update(f).update(fs.readFileSync(path.join(dist, f)));
const version = hash.digest('hex').slice(0, 16);
const out = template.replace('__VERSION__', version).replace('__PRECACHE__', JSON.stringify(['./', ...list], null, 2));
fs.writeFileSync(path.join(dist, 'sw.js'), out);
fs.rmSync(path.join(dist, 'sw.template.js'), { force: true });
console.log(`make-sw.mjs: dist/sw.js precaches ${list.length + 1} files, version ${version}`);
