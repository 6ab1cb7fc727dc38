// Benchmark of the release build in dist/ (run through scripts/bench.sh; not a test):
//  1. bytes of wasm, JS, CSS, HTML and data (dist/data/htx.json): raw, gzip (level 9) and
//     brotli (quality 11), and the first-visit total of each column;
//  2. time from navigation start to performance mark "htx-first-chart", over RUNS (default 12)
//     loads in headless chromium, each in a fresh browser context (empty cache);
//  3. redraw after a control change: on a loaded explorer, REDRAWS (default 24) changes through the
//     real controls (metric select, area presets, sort select), each timed by the page itself from
//     the control change to the explorer canvas's next paint (its `data-redraw-ms`); the first
//     WARMUP (4) are left out of the median, min and max.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIST, startSite, launchBrowser, EXPLORER_CANVAS, explorerPaintedAt, waitForExplorer } from './helpers.mjs';

const RUNS = Number(process.env.RUNS ?? 12);
const REDRAWS = Number(process.env.REDRAWS ?? 24);
const WARMUP = 4;

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

/** The files a first visit of one page downloads: its HTML, its JS and wasm bundle, the CSS, the data. */
function pageFiles(all, html, bundle) {
  const base = (f) => path.basename(f);
  const dataFile = path.join(DIST, 'data', 'htx.json');
  return [
    ['wasm', all.filter((f) => base(f).startsWith(`${bundle}-`) && f.endsWith('_bg.wasm'))],
    ['JS', all.filter((f) => base(f).startsWith(`${bundle}-`) && f.endsWith('.js'))],
    ['CSS', all.filter((f) => f.endsWith('.css') && !f.includes(`${path.sep}data${path.sep}`))],
    ['HTML', all.filter((f) => path.relative(DIST, f) === html)],
    ['data', fs.existsSync(dataFile) ? [dataFile] : []],
  ];
}

function sizeTable() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error('dist/index.html missing: scripts/build.sh');
  const all = listFiles(DIST);
  const rel = (f) => path.relative(DIST, f);
  const pages = [['the app (index.html)', 'index.html', 'htx-charts']];
  if (fs.existsSync(path.join(DIST, 'embed.html'))) pages.push(['an embedded chart (embed.html)', 'embed.html', 'htx-embed']);
  for (const [title, html, bundle] of pages) {
    const rows = pageFiles(all, html, bundle).map(([name, files]) => [name, sizes(files)]);
    const total = rows.reduce(
      (t, [, s]) => ({ raw: t.raw + s.raw, gzip: t.gzip + s.gzip, brotli: t.brotli + s.brotli }),
      { raw: 0, gzip: 0, brotli: 0 },
    );
    console.log(`Bytes on a first visit of ${title}`);
    console.log(`${'asset'.padEnd(8)}${pad('raw', 16)}${pad('gzip -9', 16)}${pad('brotli q11', 16)}   files`);
    for (const [name, s] of rows) {
      console.log(
        `${name.padEnd(8)}${pad(`${s.raw} B`, 16)}${pad(`${s.gzip} B`, 16)}${pad(`${s.brotli} B`, 16)}   ${s.files.map(rel).join(', ') || '(none)'}`,
      );
    }
    console.log(`${'total'.padEnd(8)}${pad(`${total.raw} B`, 16)}${pad(`${total.gzip} B`, 16)}${pad(`${total.brotli} B`, 16)}`);
    console.log(`${''.padEnd(8)}${pad(kb(total.raw), 16)}${pad(kb(total.gzip), 16)}${pad(kb(total.brotli), 16)}`);
    console.log('');
  }
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

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return { median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2, min: s[0], max: s.at(-1) };
}

async function redrawTimes() {
  // a cycle of six changes, each different from the view before it (so each one repaints)
  const metric = (v) => ({ name: `metric ${v}`, run: (p) => p.selectOption('select[data-testid=metric]', v) });
  const preset = (i, name) => ({ name: `areas ${name}`, run: (p) => p.locator('.presets button').nth(i).click() });
  const sort = (v) => ({ name: `sort ${v}`, run: (p) => p.selectOption('select[data-testid=sort]', v) });
  const cycle = [sort('name'), metric('charter_capital'), sort('value'), metric('cooperatives'), preset(1, 'p34'), preset(0, 'local')];
  const server = await startSite();
  const browser = await launchBrowser();
  const times = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url, { waitUntil: 'load' });
    await waitForExplorer(page, { timeout: 60_000 });
    for (let i = 0; i < REDRAWS; i++) {
      const change = cycle[i % cycle.length];
      const before = await explorerPaintedAt(page);
      await change.run(page);
      try {
        await page.waitForFunction(
          ([sel, prev]) => {
            const c = document.querySelector(sel);
            return c && c.dataset.paintedAt !== prev && c.dataset.redrawMs;
          },
          [EXPLORER_CANVAS, before],
          { timeout: 15_000, polling: 10 },
        );
      } catch (err) {
        throw new Error(`change ${i + 1} (${change.name}): the explorer was not repainted; page errors: ${JSON.stringify(errors)}`, { cause: err });
      }
      const ms = Number(await page.locator(EXPLORER_CANVAS).getAttribute('data-redraw-ms'));
      times.push(ms);
      console.log(`  change ${pad(i + 1, 2)}: ${change.name.padEnd(24)} ${ms.toFixed(1)} ms${i < WARMUP ? ' (warm-up)' : ''}`);
      // let any follow-up paint (a resize after the layout settles) pass before the next change
      await page.waitForTimeout(100);
    }
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
  const kept = times.slice(WARMUP);
  if (kept.length === 0) return;
  const { median, min, max } = stats(kept);
  console.log(
    `Redraw after a control change (control change -> explorer canvas painted, data-redraw-ms), last ${kept.length} of ${times.length}: ` +
      `median ${median.toFixed(1)} ms, min ${min.toFixed(1)} ms, max ${max.toFixed(1)} ms`,
  );
}

sizeTable();
console.log();
console.log(`Loading the page ${RUNS} times in headless chromium (fresh context each time) …`);
await loadTimes();
console.log();
console.log(`Changing the explorer's controls ${REDRAWS} times (metric, area presets, sort) …`);
await redrawTimes();
