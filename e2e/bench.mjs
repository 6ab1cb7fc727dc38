// Benchmark of the release build in dist/ (run through scripts/bench.sh; not a test):
//  1. bytes of wasm, JS, CSS, HTML and data (dist/data/htx.json): raw, gzip (level 9) and
//     brotli (quality 11), and the first-visit total of each column;
//  2. time from navigation start to performance mark "htx-first-chart", over RUNS (default 12)
//     loads in headless chromium, each in a fresh browser context (empty cache).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIST, startSite, launchBrowser } from './helpers.mjs';

const RUNS = Number(process.env.RUNS ?? 12);

function listFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}

function sizes(files) {
  let raw = 0, gzip = 0, brotli = 0;
  for (const f of files) {
    const buf = fs.readFileSync(f);
    raw += buf.length;
    gzip += zlib.gzipSync(buf, { level: 9 }).length;
    brotli += zlib.brotliCompressSync(buf, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
        [zlib.constants.BROTLI_PARAM_MODE]: f.endsWith('.wasm') ? zlib.constants.BROTLI_MODE_GENERIC : zlib.constants.BROTLI_MODE_TEXT,
      },
    }).length;
  }
  return { raw, gzip, brotli, files };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const pad = (s, n) => String(s).padStart(n);

function sizeTable() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error('dist/index.html missing: trunk build --release');
  const all = listFiles(DIST);
  const rel = (f) => path.relative(DIST, f);
  const dataFile = path.join(DIST, 'data', 'htx.json');
  const inData = (f) => rel(f).startsWith(`data${path.sep}`);
  const rows = [
    ['wasm', all.filter((f) => f.endsWith('.wasm'))],
    ['JS', all.filter((f) => f.endsWith('.js') && !inData(f))],
    ['CSS', all.filter((f) => f.endsWith('.css') && !inData(f))],
    ['HTML', all.filter((f) => f.endsWith('.html') && !inData(f))],
    ['data', fs.existsSync(dataFile) ? [dataFile] : []],
  ].map(([name, files]) => [name, sizes(files)]);
  const total = rows.reduce(
    (t, [, s]) => ({ raw: t.raw + s.raw, gzip: t.gzip + s.gzip, brotli: t.brotli + s.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  console.log('Bytes on a first visit (dist/)');
  console.log(`${'asset'.padEnd(8)}${pad('raw', 16)}${pad('gzip -9', 16)}${pad('brotli q11', 16)}   files`);
  for (const [name, s] of rows) {
    console.log(
      `${name.padEnd(8)}${pad(`${s.raw} B`, 16)}${pad(`${s.gzip} B`, 16)}${pad(`${s.brotli} B`, 16)}   ${s.files.map(rel).join(', ') || '(none)'}`,
    );
  }
  console.log(`${'total'.padEnd(8)}${pad(`${total.raw} B`, 16)}${pad(`${total.gzip} B`, 16)}${pad(`${total.brotli} B`, 16)}`);
  console.log(`${''.padEnd(8)}${pad(kb(total.raw), 16)}${pad(kb(total.gzip), 16)}${pad(kb(total.brotli), 16)}`);
}

async function loadTimes() {
  const server = await startSite();
  const browser = await launchBrowser();
  const times = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(server.url, { waitUntil: 'commit' });
      let t;
      try {
        const handle = await page.waitForFunction(
          () => performance.getEntriesByName('htx-first-chart')[0]?.startTime,
          undefined,
          { timeout: 60_000, polling: 50 },
        );
        t = await handle.jsonValue();
      } catch (err) {
        throw new Error(`run ${i + 1}: no "htx-first-chart" mark within 60 s; page errors: ${JSON.stringify(errors)}`, { cause: err });
      }
      times.push(t);
      console.log(`  load ${pad(i + 1, 2)}: ${t.toFixed(0)} ms`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  const sorted = [...times].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  console.log(
    `Time to first chart (navigation start -> "htx-first-chart"), ${RUNS} fresh loads: ` +
      `median ${median.toFixed(0)} ms, min ${sorted[0].toFixed(0)} ms, max ${sorted.at(-1).toFixed(0)} ms`,
  );
}

sizeTable();
console.log();
console.log(`Loading the page ${RUNS} times in headless chromium (fresh context each time) …`);
await loadTimes();
