// Benchmark of the release build (run through scripts/bench.sh; not a test). scripts/bench.sh
// serves a copy of dist/ (target/bench-site/, BENCH_SITE) with a Chart.js page drawing the same
// bars from the same data file in its peer/ folder (bench/chartjs/), so one server serves both.
//  1. bytes of what a first visit downloads, by type (wasm, JS, CSS, HTML, data): raw, gzip
//     (level 9) and brotli (quality 11), for the app (index.html), the embed
//     (embed.html?m=cooperatives), the Chart.js page and the presentation (present.html, its own
//     bundle; bytes only): the page's own requests, recorded in one
//     fresh load until its chart is drawn and the network is quiet (service workers blocked; the
//     app's worker precaches more after the first chart, printed on its own line);
//  2. first contentful paint and time to the first chart over RUNS (default 15) fresh loads of
//     each page, interleaved (app, Chart.js, embed, app, …), each in a fresh browser context. The
//     first chart is performance mark "htx-first-chart" (set by the app when it has drawn its first
//     canvas, or by the inline script of the static pre-rendered view) or "peer-first-chart" (set by
//     the Chart.js page once Chart.js has drawn); "painted" is when the frame holding it reached the
//     screen (see watchMarks). Medians, min–max and the ratios app / Chart.js, and the bytes
//     (brotli) fetched before the chart was painted: the document and every resource whose
//     responseEnd is at or before it. On localhost every file arrives in a few ms, so the same loads
//     are repeated SLOW_RUNS (3) times on an emulated slow 4G connection with brotli-compressed
//     responses, where that figure tells what the first chart waits for;
//  3. a big file (BENCH_BIG_N records, default 50,000, written by scripts/make-big-dataset.py):
//     BIG_RUNS (5) loads of index.html?data=<its URL>: the data downloaded, and the first chart
//     drawn after it ("htx-first-chart" marked once the file has arrived) painted;
//  4. redraw after a control change: on a loaded explorer, REDRAWS (default 24) changes through the
//     real controls (metric select, area presets, sort select), each timed by the page itself from
//     the control change to the explorer canvas's next paint (its `data-redraw-ms`); the first
//     WARMUP (4) are left out of the median, min and max.
// The goals are printed next to the figures (✓ / ✗); they are reported, never asserted.
// PEER_TOP=10 makes the Chart.js page draw only the ten largest bars.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIST, startSite, launchBrowser, EXPLORER_CANVAS, explorerPaintedAt, waitForExplorer } from './helpers.mjs';
import { makeHandler, mimeType } from './server.mjs';

const SITE = process.env.BENCH_SITE ? path.resolve(process.env.BENCH_SITE) : DIST;
const RUNS = Number(process.env.RUNS ?? 15);
const REDRAWS = Number(process.env.REDRAWS ?? 24);
const BIG_RUNS = Number(process.env.BIG_RUNS ?? 5);
const SLOW_RUNS = Number(process.env.SLOW_RUNS ?? 3);
// Lighthouse's "slow 4G": 1.6 Mbps down, 750 kbps up, 150 ms round trip (Chrome DevTools throttling)
const SLOW = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const BIG_N = Number(process.env.BENCH_BIG_N ?? 50000);
const BIG_SKIP = process.env.BENCH_BIG_SKIP ?? '';
const CHARTJS_VERSION = process.env.BENCH_CHARTJS_VERSION ?? '?';
// PEER_TOP=10: the Chart.js page draws only the ten largest (by default it draws what the app's
// default chart draws: every local area's latest figure, at most 40 bars)
const PEER_TOP = process.env.PEER_TOP ? Number(process.env.PEER_TOP) : null;
const WARMUP = 4;
const KB = 1024;
const GOALS = { ratio: 0.75, beforeChart: 60 * KB, appVisit: 250 * KB, embedVisit: 100 * KB };

const kb = (n) => `${(n / KB).toFixed(1)} KB`;
const pad = (s, n) => String(s).padStart(n);
const ms = (t) => (t == null ? '–' : `${t.toFixed(0)} ms`);
const tick = (ok) => (ok ? '✓' : '✗');

function stats(xs) {
  const s = xs.filter((x) => x != null && Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const mid = s.length >> 1;
  return { median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2, min: s[0], max: s.at(-1), n: s.length };
}

// ------------------------------------------------------------------------------------ bytes

const brCache = new Map();
/** The file compressed with brotli q11 (memoised: the wasm takes seconds at q11). */
function brotliOf(f) {
  let b = brCache.get(f);
  if (b) return b;
  const buf = fs.readFileSync(f);
  b = zlib.brotliCompressSync(buf, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      [zlib.constants.BROTLI_PARAM_MODE]: f.endsWith('.wasm') ? zlib.constants.BROTLI_MODE_GENERIC : zlib.constants.BROTLI_MODE_TEXT,
    },
  });
  brCache.set(f, b);
  return b;
}

const sizeCache = new Map();
/** Raw, gzip -9 and brotli q11 size of one file (memoised). */
function fileSizes(f) {
  let s = sizeCache.get(f);
  if (s) return s;
  const buf = fs.readFileSync(f);
  s = { raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length, brotli: brotliOf(f).length };
  sizeCache.set(f, s);
  return s;
}

function sum(files) {
  const t = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) {
    const s = fileSizes(f);
    t.raw += s.raw;
    t.gzip += s.gzip;
    t.brotli += s.brotli;
  }
  return t;
}

/** The file of the site a URL of the bench server is answered with (as e2e/server.mjs does), or null. */
function fileOf(url, origin) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.origin !== origin) return null;
  return fileOfPath(u.pathname);
}

function fileOfPath(pathname) {
  let rel;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const file = path.resolve(SITE, '.' + path.posix.normalize('/' + rel));
  if (file !== SITE && !file.startsWith(SITE + path.sep)) return null;
  const isFile = (p) => fs.existsSync(p) && fs.statSync(p).isFile();
  if (isFile(file)) return file;
  if (isFile(path.join(file, 'index.html'))) return path.join(file, 'index.html');
  if (path.extname(rel) === '' && isFile(path.join(SITE, 'index.html'))) return path.join(SITE, 'index.html');
  return null;
}

const TYPES = ['wasm', 'JS', 'CSS', 'HTML', 'data', 'other'];
function typeOf(file) {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.wasm') return 'wasm';
  if (ext === '.js' || ext === '.mjs') return 'JS';
  if (ext === '.css') return 'CSS';
  if (ext === '.html') return 'HTML';
  if (ext === '.json' || ext === '.csv') return 'data';
  return 'other';
}

/** Prints the table of a first visit (files by type) and returns its total. */
function printBytesTable(title, files, unmapped = []) {
  const rel = (f) => path.relative(SITE, f);
  const uniq = [...new Set(files)];
  console.log(`Bytes on a first visit of ${title}`);
  console.log(`${'asset'.padEnd(8)}${pad('raw', 16)}${pad('gzip -9', 16)}${pad('brotli q11', 16)}   files`);
  for (const type of TYPES) {
    const of = uniq.filter((f) => typeOf(f) === type).sort();
    if (of.length === 0 && type === 'other') continue;
    const s = sum(of);
    console.log(`${type.padEnd(8)}${pad(`${s.raw} B`, 16)}${pad(`${s.gzip} B`, 16)}${pad(`${s.brotli} B`, 16)}   ${of.map(rel).join(', ') || '(none)'}`);
  }
  const total = sum(uniq);
  console.log(`${'total'.padEnd(8)}${pad(`${total.raw} B`, 16)}${pad(`${total.gzip} B`, 16)}${pad(`${total.brotli} B`, 16)}`);
  console.log(`${''.padEnd(8)}${pad(kb(total.raw), 16)}${pad(kb(total.gzip), 16)}${pad(kb(total.brotli), 16)}`);
  if (unmapped.length) console.log(`        (also requested, not a file of the site: ${unmapped.join(', ')})`);
  return total;
}

/** The files the app's service worker precaches (its PRECACHE list in sw.js), or null. */
function precacheFiles() {
  const sw = path.join(SITE, 'sw.js');
  if (!fs.existsSync(sw)) return null;
  const m = /const PRECACHE = (\[[\s\S]*?\]);/.exec(fs.readFileSync(sw, 'utf8'));
  if (!m) return null;
  return JSON.parse(m[1]).map((p) => (p === './' ? path.join(SITE, 'index.html') : path.join(SITE, p))).filter((f) => fs.existsSync(f));
}

// ------------------------------------------------------------------------------------ loads

/** The pages measured. */
function pages() {
  const list = [{ key: 'app', label: 'app', title: 'the app (index.html)', path: '', mark: 'htx-first-chart' }];
  if (fs.existsSync(path.join(SITE, 'peer', 'index.html'))) {
    list.push({
      key: 'peer',
      label: 'Chart.js',
      title: `the Chart.js page (peer/, Chart.js ${CHARTJS_VERSION})`,
      path: `peer/index.html${PEER_TOP ? `?top=${PEER_TOP}` : ''}`,
      mark: 'peer-first-chart',
    });
  }
  if (fs.existsSync(path.join(SITE, 'embed.html'))) {
    list.push({ key: 'embed', label: 'embed', title: 'the embed (embed.html?m=cooperatives)', path: 'embed.html?m=cooperatives', mark: 'htx-first-chart' });
  }
  return list;
}

/**
 * Runs in every page before its own scripts: records each performance.mark (name, time) and when
 * what was drawn before it reached the screen. Right after the mark it appends a one-pixel dot of
 * text carrying an `elementtiming` attribute: the Element Timing entry of that dot gives the
 * presentation time of the first frame that holds the chart (a canvas or an inline SVG has no such
 * entry of its own; the first contentful paint is measured the same way). Should no entry come,
 * the end of the next animation frame's task stands in for it.
 */
function watchMarks() {
  const marks = [];
  window.__benchMarks = marks;
  // when a recorded mark's chart was painted (null while not known yet)
  window.__benchPainted = (m) => (m.rendered != null ? m.rendered : m.frame != null && performance.now() - m.frame > 2000 ? m.frame : null);
  const mark = performance.mark.bind(performance);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const m = marks.find((x) => x.id === e.identifier);
        if (m && m.rendered == null) m.rendered = e.renderTime || e.loadTime;
      }
    }).observe({ type: 'element', buffered: true });
  } catch {
    // no Element Timing: the frame estimate below is used
  }
  performance.mark = function (name, options) {
    const entry = mark(name, options);
    const m = { name: String(name), id: `bench-mark-${marks.length}`, t: entry?.startTime ?? performance.now(), frame: null, rendered: null };
    marks.push(m);
    const dot = document.createElement('span');
    dot.setAttribute('elementtiming', m.id);
    dot.setAttribute('aria-hidden', 'true');
    dot.textContent = '.';
    dot.style.cssText = 'position:fixed;left:0;top:0;font:1px/1px monospace;color:#000;pointer-events:none;z-index:2147483647';
    (document.body ?? document.documentElement).appendChild(dot);
    requestAnimationFrame(() => setTimeout(() => (m.frame = performance.now()), 0));
    return entry;
  };
}

/** In the page: the first mark `name` once its frame is painted, as [mark time, painted time]. */
function firstMark(name) {
  const m = (window.__benchMarks ?? []).find((x) => x.name === name);
  const painted = m && window.__benchPainted(m);
  return painted != null ? [m.t, painted] : null;
}

/**
 * One load in a fresh browser context (empty cache, service workers blocked). Resolves with the
 * first chart's mark time (`mark`) and painted time (`t`), the first contentful paint, the URLs
 * fetched by the time the chart was painted (the document and every resource whose responseEnd
 * is at or before it) and, with `settle`, every URL the page fetched until its canvas is drawn and
 * the network has been quiet for 700 ms. `wait` replaces the wait for the first mark `mark`: a
 * function run in the page (with `waitArg`) that returns [mark time, painted time] or null.
 */
async function loadOnce(browser, url, mark, { timeout = 60_000, settle = false, inspect = null, throttle = null, wait = firstMark, waitArg = mark } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  await context.addInitScript(watchMarks);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // a Rust panic is logged to the console before its "unreachable" page error: keep its message
  page.on('console', (m) => {
    if (m.type() === 'error' && /panicked at/.test(m.text())) errors.push(m.text().split('\n').slice(0, 2).join(' ').slice(0, 200));
  });
  let inflight = 0;
  let lastNet = Date.now();
  page.on('request', () => {
    inflight++;
    lastNet = Date.now();
  });
  const done = () => {
    inflight = Math.max(0, inflight - 1);
    lastNet = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  try {
    if (throttle) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', throttle);
    }
    await page.goto(url, { waitUntil: 'commit' });
    let got;
    const crashed = crashOf(page);
    try {
      const h = await Promise.race([page.waitForFunction(wait, waitArg, { timeout, polling: 50 }), crashed]);
      got = await h.jsonValue();
    } catch (err) {
      const text = await page
        .evaluate(() => (document.querySelector('[data-testid=load-error]') ?? document.body)?.innerText?.slice(0, 300))
        .catch(() => '');
      throw new Error(`${url}: no "${mark}" mark (${err.message.split('\n')[0]}); page errors: ${JSON.stringify(errors)}; page text: ${JSON.stringify(text)}`, { cause: err });
    }
    const [markAt, t] = got;
    const fcp = await page
      .waitForFunction(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime, undefined, { timeout: 10_000, polling: 50 })
      .then((h) => h.jsonValue())
      .catch(() => null);
    const timing = await page.evaluate((t) => {
      const nav = performance.getEntriesByType('navigation')[0];
      const res = performance.getEntriesByType('resource');
      return {
        before: [nav.name, ...res.filter((e) => e.responseEnd > 0 && e.responseEnd <= t).map((e) => e.name)],
        responseEnd: Object.fromEntries(res.map((e) => [e.name, e.responseEnd])),
        marks: (window.__benchMarks ?? []).map((m) => [m.name, m.t]),
      };
    }, t);
    let all = null;
    let inspected = null;
    if (settle) {
      await page.waitForFunction(() => document.querySelector('canvas[data-drawn="1"]'), undefined, { timeout, polling: 50 }).catch(() => {});
      const end = Date.now() + 30_000;
      while (Date.now() < end && (inflight > 0 || Date.now() - lastNet < 700)) await page.waitForTimeout(50);
      all = await page.evaluate(() => [performance.getEntriesByType('navigation')[0].name, ...performance.getEntriesByType('resource').map((e) => e.name)]);
      if (inspect) inspected = await page.evaluate(inspect).catch((e) => `(${e.message})`);
    }
    return { mark: markAt, t, fcp, ...timing, all, inspected, errors };
  } finally {
    await context.close();
  }
}

/** A promise rejected 5 s after the page's first uncaught error (never resolved): to race with a wait. */
function crashOf(page) {
  const crashed = new Promise((_, reject) => {
    page.once('pageerror', () => setTimeout(() => reject(new Error('an uncaught page error and no chart 5 s later')), 5_000));
  });
  crashed.catch(() => {});
  return crashed;
}

/** Keys of the bars drawn: the app's explorer canvas (data-marks) or the Chart.js canvas (data-keys). */
function barKeys() {
  const app = document.querySelector('figure.chart[data-chart="explorer"] canvas[data-drawn="1"]');
  if (app) return JSON.parse(app.dataset.marks || '[]').map((m) => m.key);
  const peer = document.querySelector('canvas#chart[data-keys]');
  return peer ? peer.dataset.keys.split(',').filter(Boolean) : null;
}

async function firstVisits(browser, server, list) {
  const origin = new URL(server.url).origin;
  const out = {};
  for (const p of list) {
    let r;
    try {
      r = await loadOnce(browser, server.url + p.path, p.mark, { settle: true, inspect: barKeys });
    } catch (err) {
      p.broken = err.message;
      console.log(`✗ ${p.title}: no first chart, left out of the measurements below: ${err.message}`);
      console.log('');
      continue;
    }
    const files = [];
    const unmapped = [];
    for (const u of r.all) {
      const f = fileOf(u, origin);
      if (f) files.push(f);
      else unmapped.push(u);
    }
    out[p.key] = { total: printBytesTable(p.title, files, unmapped), keys: r.inspected };
    if (r.errors.length) console.log(`        ✗ errors in this load (after its first chart): ${r.errors.join(' | ')}`);
    if (p.key === 'app') {
      const pre = precacheFiles();
      if (pre) {
        const s = sum(pre);
        const extra = sum(pre.filter((f) => !files.includes(f)));
        console.log(
          `        then the service worker (registered after the first chart; blocked in these loads) downloads its precache ` +
            `list: ${pre.length} files, ${kb(s.raw)} raw / ${kb(s.gzip)} gzip / ${kb(s.brotli)} brotli ` +
            `(${kb(extra.brotli)} brotli of files the page itself did not fetch)`,
        );
        out.app.withPrecache = out.app.total.brotli + s.brotli;
      }
    }
    console.log('');
  }
  if (Array.isArray(out.app?.keys) && Array.isArray(out.peer?.keys)) {
    const a = out.app.keys;
    const b = out.peer.keys;
    const same = a.length === b.length && a.every((k, i) => k === b[i]);
    const prefix = !same && b.length < a.length && b.every((k, i) => k === a[i]);
    console.log(
      same
        ? `The Chart.js page draws the same ${b.length} bars as the app's default chart (same areas, same order) ✓`
        : prefix
          ? `The Chart.js page draws the app's first ${b.length} bars (of ${a.length}; PEER_TOP=${PEER_TOP})`
          : `✗ The Chart.js page's bars differ from the app's: app [${a.join(',')}], Chart.js [${b.join(',')}]`,
    );
    console.log('');
  }
  return out;
}

/** `runs` rounds of one fresh load of each page (app, Chart.js, embed, app, …). */
async function loadRounds(browser, server, list, runs, opts = {}) {
  const origin = new URL(server.url).origin;
  const res = Object.fromEntries(list.map((p) => [p.key, []]));
  const w = Math.max(...list.map((p) => p.label.length));
  for (let i = 0; i < runs; i++) {
    for (const p of list) {
      let r;
      try {
        r = await loadOnce(browser, server.url + p.path, p.mark, opts);
      } catch (err) {
        console.log(`  load ${pad(i + 1, 2)} ${p.label.padEnd(w)}  failed: ${err.message}`);
        continue;
      }
      const files = [...new Set(r.before.map((u) => fileOf(u, origin)).filter(Boolean))];
      r.beforeBrotli = sum(files).brotli;
      r.beforeFiles = files;
      res[p.key].push(r);
      console.log(
        `  load ${pad(i + 1, 2)} ${p.label.padEnd(w)}  first contentful paint ${pad(ms(r.fcp), 7)}   first chart painted ${pad(ms(r.t), 7)}` +
          ` (mark ${pad(ms(r.mark), 7)})   fetched by then ${pad(kb(r.beforeBrotli), 9)} brotli`,
      );
    }
  }
  return res;
}

const short = (st, f = (x) => x.toFixed(0), unit = ' ms') => (st ? `${f(st.median)}${unit} (${f(st.min)}–${f(st.max)})` : '–');
const ratio = (a, b) => (a && b ? a.median / b.median : null);
const f2 = (x) => (x == null ? '–' : x.toFixed(2));

function printTimes(heading, list, res) {
  console.log('');
  console.log(heading);
  const w = Math.max(...list.map((p) => p.title.length));
  const c = 23;
  console.log(`${''.padEnd(w)}  ${'first contentful'.padEnd(c)}${'first chart'.padEnd(c)}${'(its mark set)'.padEnd(c)}fetched before the chart`);
  console.log(`${''.padEnd(w)}  ${'paint'.padEnd(c)}${'painted'.padEnd(c)}${''.padEnd(c)}was painted (brotli)`);
  const summary = {};
  for (const p of list) {
    const rs = res[p.key];
    if (rs.length === 0) {
      console.log(`${p.title.padEnd(w)}  every load failed`);
      continue;
    }
    const s = {
      fcp: stats(rs.map((r) => r.fcp)),
      chart: stats(rs.map((r) => r.t)),
      mark: stats(rs.map((r) => r.mark)),
      before: stats(rs.map((r) => r.beforeBrotli)),
    };
    summary[p.key] = s;
    console.log(`${p.title.padEnd(w)}  ${short(s.fcp).padEnd(c)}${short(s.chart).padEnd(c)}${short(s.mark).padEnd(c)}${short(s.before, (x) => (x / KB).toFixed(1), ' KB')}`);
  }
  if (summary.app?.before) {
    const med = res.app.find((r) => r.beforeBrotli === summary.app.before.median) ?? res.app[0];
    console.log(`  fetched before the app's first chart was painted (one load): ${med.beforeFiles.map((f) => path.relative(SITE, f)).join(', ')}`);
  }
  if (summary.peer && summary.app) {
    for (const k of ['app', 'embed']) {
      if (!summary[k]) continue;
      console.log(
        `ratio ${k} / Chart.js (medians): first contentful paint ${f2(ratio(summary[k].fcp, summary.peer.fcp))}, ` +
          `first chart painted ${f2(ratio(summary[k].chart, summary.peer.chart))} (mark ${f2(ratio(summary[k].mark, summary.peer.mark))})`,
      );
    }
  }
  summary.ratio = summary.peer && summary.app ? ratio(summary.app.chart, summary.peer.chart) : null;
  return summary;
}

function printGoals(visits, local, slow, broken = {}) {
  console.log('');
  console.log('Goals (reported, not asserted):');
  const line = (ok, text) => console.log(`  ${ok == null ? '?' : tick(ok)} ${text}`);
  for (const [where, s] of [['localhost', local], ['slow 4G', slow]]) {
    if (!s) continue;
    if (s.ratio != null) line(s.ratio <= GOALS.ratio, `time to first chart painted, app / Chart.js, ${where}: ${s.ratio.toFixed(2)}   (goal ≤ ${GOALS.ratio})`);
    else line(null, `time to first chart painted, app / Chart.js, ${where}: no Chart.js page measured   (goal ≤ ${GOALS.ratio})`);
  }
  for (const [where, s, note] of [
    ['slow 4G', slow, ''],
    ['localhost', local, ' (there every file arrives within a few ms, so this also counts files that were merely fast)'],
  ]) {
    if (!s?.app?.before) continue;
    const b = s.app.before.median;
    line(b <= GOALS.beforeChart, `bytes fetched before the app's first chart is painted, ${where}: ${kb(b)} brotli (median)   (goal ≤ ${GOALS.beforeChart / KB} KB)${note}`);
  }
  if (visits.app) {
    const b = visits.app.total.brotli;
    const extra = visits.app.withPrecache ? ` (${kb(visits.app.withPrecache)} with the service worker's precache)` : '';
    line(b <= GOALS.appVisit, `whole first visit of the app: ${kb(b)} brotli${extra}   (goal ≤ ${GOALS.appVisit / KB} KB)`);
  }
  if (visits.embed) {
    const b = visits.embed.total.brotli;
    line(b <= GOALS.embedVisit, `first visit of the embed: ${kb(b)} brotli   (goal ≤ ${GOALS.embedVisit / KB} KB)`);
  }
  for (const [key, why] of Object.entries(broken)) line(false, `${key}: no first chart, not measured (${why})`);
}

/**
 * A server of the same site that sends every file brotli-compressed (q11, as measured above)
 * when the browser accepts it, as a real host would: for the throttled loads.
 */
function startBrotliSite() {
  const plain = makeHandler(SITE);
  const server = http.createServer((req, res) => {
    const file = req.method === 'GET' ? fileOfPath(new URL(req.url, 'http://localhost').pathname) : null;
    if (file && /\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
      const body = brotliOf(file);
      res.writeHead(200, {
        'Content-Type': mimeType(file),
        'Content-Encoding': 'br',
        'Content-Length': body.length,
        'Cache-Control': 'no-cache',
        Vary: 'Accept-Encoding',
      });
      res.end(body);
      return;
    }
    plain(req, res);
  });
  server.keepAliveTimeout = 1000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.url = `http://127.0.0.1:${server.address().port}/`;
      server.stop = () =>
        new Promise((r) => {
          server.close(() => r());
          server.closeAllConnections?.();
        });
      resolve(server);
    });
  });
}

/** In the page: the first "htx-first-chart" mark set once the data file `url` has arrived, painted. */
function chartAfterData(url) {
  const dl = performance.getEntriesByType('resource').find((e) => e.name === url)?.responseEnd;
  if (!dl) return null;
  const m = (window.__benchMarks ?? []).find((x) => x.name === 'htx-first-chart' && x.t >= dl);
  const painted = m && window.__benchPainted(m);
  return painted != null ? [m.t, painted] : null;
}

async function bigFile(browser, server) {
  const file = path.join(SITE, 'data', 'big.json');
  const n = BIG_N.toLocaleString('en');
  if (BIG_SKIP || !fs.existsSync(file)) {
    console.log(`Big file (${n} records): measurement skipped: ${BIG_SKIP || `${path.relative(process.cwd(), file)} not found (run through scripts/bench.sh)`}.`);
    return;
  }
  const buf = fs.readFileSync(file);
  const records = (() => {
    try {
      return JSON.parse(buf).observations.length.toLocaleString('en');
    } catch {
      return '?';
    }
  })();
  const gz = zlib.gzipSync(buf, { level: 9 }).length;
  const dataUrl = `${server.url}data/big.json`;
  const url = `${server.url}index.html?data=${encodeURIComponent(dataUrl)}`;
  console.log(
    `Big file: ${records} records (scripts/make-big-dataset.py ${BIG_N}), ${kb(buf.length)} raw, ${kb(gz)} gzip -9; ` +
      `${BIG_RUNS} fresh loads of index.html?data=<its URL>, localhost …`,
  );
  const rows = [];
  let lastError = null;
  for (let i = 0; i < BIG_RUNS; i++) {
    try {
      const r = await loadOnce(browser, url, 'htx-first-chart', { timeout: 180_000, wait: chartAfterData, waitArg: dataUrl });
      const dl = r.responseEnd[dataUrl] ?? null;
      const early = r.marks.filter(([name, t]) => name === 'htx-first-chart' && dl != null && t < dl).map(([, t]) => ms(t));
      rows.push({ t: r.t, dl, load: r.t - dl });
      console.log(
        `  load ${pad(i + 1, 2)}: data downloaded ${pad(ms(dl), 8)}   first chart of it painted ${pad(ms(r.t), 8)}` +
          `   (data downloaded -> chart painted ${ms(r.t - dl)})${early.length ? `; a first-chart mark before the data arrived, at ${early.join(', ')}, not counted` : ''}`,
      );
    } catch (err) {
      const msg = err.message.replace(/; page text: [\s\S]*$/, '').replace(`${url}: `, '');
      console.log(`  load ${pad(i + 1, 2)}: failed: ${msg === lastError ? 'the same way' : msg}`);
      lastError = msg;
    }
  }
  if (rows.length === 0) console.log(`Big file (${records} records): no load drew a chart of it`);
  if (rows.length) {
    console.log(
      `Big file (${records} records): data downloaded ${short(stats(rows.map((r) => r.dl)))}; ` +
        `first chart of it painted ${short(stats(rows.map((r) => r.t)))}; data downloaded -> chart painted ${short(stats(rows.map((r) => r.load)))}`,
    );
  }
}

async function redrawTimes(server) {
  // a cycle of six changes, each different from the view before it (so each one repaints)
  const metric = (v) => ({ name: `metric ${v}`, run: (p) => p.selectOption('select[data-testid=metric]', v) });
  const preset = (i, name) => ({ name: `areas ${name}`, run: (p) => p.locator('.presets button').nth(i).click() });
  const sort = (v) => ({ name: `sort ${v}`, run: (p) => p.selectOption('select[data-testid=sort]', v) });
  const cycle = [sort('name'), metric('charter_capital'), sort('value'), metric('cooperatives'), preset(1, 'p34'), preset(0, 'local')];
  const browser = await launchBrowser();
  const times = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error' && /panicked at/.test(m.text())) errors.push(m.text().split('\n').slice(0, 2).join(' ').slice(0, 200));
    });
    const crashed = crashOf(page);
    await page.goto(server.url, { waitUntil: 'load' });
    try {
      await Promise.race([waitForExplorer(page, { timeout: 60_000 }), crashed]);
    } catch (err) {
      throw new Error(`the explorer's canvas was not drawn (${err.message.split('\n')[0]}); page errors: ${JSON.stringify(errors)}`, { cause: err });
    }
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
      const t = Number(await page.locator(EXPLORER_CANVAS).getAttribute('data-redraw-ms'));
      times.push(t);
      console.log(`  change ${pad(i + 1, 2)}: ${change.name.padEnd(24)} ${t.toFixed(1)} ms${i < WARMUP ? ' (warm-up)' : ''}`);
      // let any follow-up paint (a resize after the layout settles) pass before the next change
      await page.waitForTimeout(100);
    }
    await context.close();
  } finally {
    await browser.close();
  }
  const kept = times.slice(WARMUP);
  if (kept.length === 0) return;
  const { median, min, max } = stats(kept);
  console.log(
    `Redraw after a control change (control change -> explorer canvas painted, data-redraw-ms), last ${kept.length} of ${times.length}: ` +
      `median ${median.toFixed(1)} ms, min ${min.toFixed(1)} ms, max ${max.toFixed(1)} ms`,
  );
}

// ------------------------------------------------------------------------------------ main

if (!fs.existsSync(path.join(SITE, 'index.html'))) throw new Error(`${SITE}/index.html missing: scripts/build.sh (and run through scripts/bench.sh)`);
let list = pages();
if (!list.some((p) => p.key === 'peer')) console.log(`(no Chart.js page in ${SITE}/peer: run through scripts/bench.sh to compare with Chart.js)\n`);
const server = await startSite(SITE);
const brServer = await startBrotliSite();
try {
  let browser = await launchBrowser();
  let visits;
  let local;
  let slow = null;
  const broken = {};
  try {
    // the presentation's first visit too (its own bundle): bytes only, not timed
    const present = fs.existsSync(path.join(SITE, 'present.html'))
      ? [{ key: 'present', label: 'present', title: 'the presentation (present.html, its own bundle)', path: 'present.html', mark: 'htx-first-chart' }]
      : [];
    visits = await firstVisits(browser, server, [...list, ...present]);
    for (const p of list) if (p.broken) broken[p.title] = p.broken.length > 240 ? `${p.broken.slice(0, 240)}…` : p.broken;
    list = list.filter((p) => !p.broken);
    console.log(`Loading each page ${RUNS} times in headless chromium, interleaved (${list.map((p) => p.label).join(', ')}), a fresh context each time, localhost …`);
    const res = await loadRounds(browser, server, list, RUNS);
    local = printTimes(`${RUNS} fresh loads of each, interleaved, localhost (plain files), from navigation start; median (min–max):`, list, res);
    if (SLOW_RUNS > 0) {
      console.log('');
      console.log(
        `Loading each page ${SLOW_RUNS} times on an emulated slow 4G connection (1.6 Mbps down, 150 ms round trip; ` +
          `files sent brotli-compressed, as measured above), interleaved …`,
      );
      const sres = await loadRounds(browser, brServer, list, SLOW_RUNS, { throttle: SLOW, timeout: 120_000 });
      slow = printTimes(`${SLOW_RUNS} fresh loads of each, interleaved, slow 4G, from navigation start; median (min–max):`, list, sres);
    }
  } finally {
    await browser.close();
  }
  printGoals(visits, local, slow, broken);
  console.log('');
  browser = await launchBrowser();
  try {
    await bigFile(browser, server);
  } finally {
    await browser.close();
  }
  console.log('');
  console.log(`Changing the explorer's controls ${REDRAWS} times (metric, area presets, sort) …`);
  try {
    await redrawTimes(server);
  } catch (err) {
    console.log(`✗ redraw measurement failed: ${err.message}`);
  }
} finally {
  await brServer.stop();
  await server.stop();
}
