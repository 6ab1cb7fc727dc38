// The app where its users are (issue "Works where its users are"), in Debian chromium:
// - a portal's sub-folder on a plain static host (no fallback to index.html): explorer, embed in an
//   iframe on another origin with the resize script, presentation;
// - offline after the first visit (service worker): the explorer and a deck opened once online;
// - a data server that never answers: a time limit, a clear message, retry, the bundled data one
//   click away; a cancel; bytes received of the total while loading.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { startServer } from './server.mjs';
import { DIST, ROOT, launchBrowser, newPage, closePage, screenshot, waitForCharts, marksOf, EXPLORER_CANVAS, assertNoErrors, queryOf } from './helpers.mjs';
import { startFixtureServer } from './share-helpers.mjs';

const T = { timeout: 120_000 };
const PREFIX = '/thong-ke/htx/';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** A server on loopback that accepts connections and never answers (closed by `stop()`). */
function hangingServer(onRequest = () => {}) {
  const sockets = new Set();
  const server = http.createServer((req, res) => onRequest(req, res));
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const port = server.address().port;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        stop: () => new Promise((r) => { for (const s of sockets) s.destroy(); server.close(() => r()); }),
      });
    });
  });
}

describe('a portal sub-folder on a plain static host (no fallback to index.html)', () => {
  let site;
  let host;
  before(async () => {
    site = await startServer(DIST, 0, { prefix: PREFIX, fallback: false });
    host = await startFixtureServer(site.url.replace(/\/$/, ''));
  });
  after(async () => {
    await host?.stop();
    await site?.stop();
  });

  it('the explorer draws, its controls and language keep the sub-folder in the URL', T, async () => {
    const page = await newPage(browser);
    try {
      await page.goto(site.url, { waitUntil: 'load' });
      await waitForCharts(page);
      assert.ok((await marksOf(page, 'explorer')).length > 5, 'the explorer has bars');
      await page.locator('button[data-kind=line]').click();
      await page.waitForFunction(() => new URLSearchParams(location.search).get('c') === 'line');
      assert.ok(new URL(page.url()).pathname.startsWith(PREFIX), `still in the sub-folder: ${page.url()}`);
      await page.locator(`${EXPLORER_CANVAS}[data-drawn="1"]`).waitFor();
      await page.getByRole('button', { name: 'English' }).click();
      await page.waitForFunction(() => new URLSearchParams(location.search).get('lang') === 'en');
      assert.ok(new URL(page.url()).pathname.startsWith(PREFIX), `still in the sub-folder: ${page.url()}`);
      assert.equal(queryOf(page).c, 'line');
      // a reload of that address works on a host without rewrites
      await page.reload({ waitUntil: 'load' });
      await page.locator(`${EXPLORER_CANVAS}[data-drawn="1"]`).waitFor();
      // a key figure's link opens the explorer in the sub-folder
      await page.locator('figure[data-chart=coops-by-region] a[data-testid=open-in-explorer]').click();
      await page.waitForFunction(() => new URLSearchParams(location.search).get('a') === 'regions');
      assert.ok(new URL(page.url()).pathname.startsWith(PREFIX), `still in the sub-folder: ${page.url()}`);
      await screenshot(page, 'subfolder-explorer');
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('an embed in an iframe on another origin draws and resizes with embed.js', T, async () => {
    const page = await newPage(browser, { viewport: { width: 800, height: 900 } });
    try {
      await page.goto(new URL('host.html', host.url).href, { waitUntil: 'load' });
      const frame = page.frameLocator('#embed1');
      await frame.locator('figure[data-chart=embed] canvas[data-drawn="1"]').waitFor({ timeout: 30_000 });
      await page.waitForFunction(() => document.querySelector('#embed1').getBoundingClientRect().height > 300, null, { timeout: 10_000 });
      const back = await frame.locator('[data-testid=embed-back]').getAttribute('href');
      assert.ok(back.startsWith(site.url), `the link back stays in the sub-folder: ${back}`);
      await screenshot(page, 'subfolder-embed');
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('the presentation opens from its .html address and steps through slides', T, async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 720 } });
    try {
      await page.goto(new URL('present.html?deck=m:cooperatives;a:vn;c:line|m:charter_capital|', site.url).href, { waitUntil: 'load' });
      const counter = page.locator('[data-testid=slide-counter]');
      await page.locator('figure[data-chart=slide] canvas[data-drawn="1"]').waitFor();
      assert.equal((await counter.innerText()).trim(), '1 / 2');
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => document.querySelector('[data-testid=slide-counter]').textContent.trim() === '2 / 2');
      assert.ok(new URL(page.url()).pathname.startsWith(`${PREFIX}present`), `still in the sub-folder: ${page.url()}`);
      assert.equal(queryOf(page).slide, '2');
      await screenshot(page, 'subfolder-present');
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });
});

describe('offline after the first visit', () => {
  it('reloading without a network still draws the explorer (precached), and a deck, an embed and the chart maker opened once online', T, async () => {
    // files cacheable for 10 minutes, as GitHub Pages serves them: offline, the browser's own
    // cache still holds the data, and the page must still say it shows a saved copy
    const site = await startServer(DIST, 0, { cacheControl: 'max-age=600' });
    const page = await newPage(browser);
    try {
      await page.goto(site.url, { waitUntil: 'load' });
      await waitForCharts(page);
      // the service worker registers after the first chart, precaches, and takes control
      await page.waitForFunction(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        return !!(reg && reg.active && reg.active.state === 'activated');
      }, null, { timeout: 30_000, polling: 100 });
      const deck = new URL('present.html?deck=m:cooperatives;a:vn;c:line|m:members|', site.url).href;
      await page.goto(deck, { waitUntil: 'load' });
      await page.locator('figure[data-chart=slide] canvas[data-drawn="1"]').waitFor();
      // the chart maker is not precached (a reader of the charts does not download it) but kept
      // once it has been opened
      const maker = new URL('tao.html', site.url).href;
      const precache = await page.evaluate(async () => (await (await fetch('sw.js')).text()).match(/const PRECACHE = (\[[\s\S]*?\]);/)[1]);
      assert.doesNotMatch(precache, /tao\.html|htx-editor-/, 'the chart maker is not in the precache list');
      assert.doesNotMatch(precache, /embed\.html|htx-embed-|base-[0-9a-f]+\.css/, 'nor the embed');
      await page.goto(maker, { waitUntil: 'load' });
      await page.locator('[data-testid=read-table]').waitFor();
      // an embed opened once online (its files are kept then)
      await page.goto(new URL('embed.html?m=cooperatives', site.url).href, { waitUntil: 'load' });
      await page.locator('figure.chart[data-chart="embed"] canvas[data-drawn="1"]').waitFor();
      await page.context().setOffline(true);
      await page.goto(site.url, { waitUntil: 'load' });
      await waitForCharts(page);
      const cached = page.locator('[data-testid=cached-copy]');
      await cached.waitFor();
      assert.match(await cached.innerText(), /Không có mạng/);
      await screenshot(page, 'offline-explorer');
      await page.goto(deck, { waitUntil: 'load' });
      await page.locator('figure[data-chart=slide] canvas[data-drawn="1"]').waitFor();
      assert.equal((await page.locator('[data-testid=slide-counter]').innerText()).trim(), '1 / 2');
      await screenshot(page, 'offline-deck');
      // an embed of a metric not opened before: its own small file is not kept offline, the whole one is
      await page.goto(new URL('embed.html?m=members', site.url).href, { waitUntil: 'load' });
      await page.locator('figure.chart[data-chart="embed"] canvas[data-drawn="1"]').waitFor();
      assert.match(await page.locator('figure.chart[data-chart="embed"] .chart-title').innerText(), /thành viên/i);
      assert.equal(await page.locator('[data-testid=load-error]').count(), 0, 'no error shown');
      await screenshot(page, 'offline-embed');
      await page.goto(maker, { waitUntil: 'load' });
      await page.locator('[data-testid=read-table]').waitFor();
      await screenshot(page, 'offline-chart-maker');
      assert.deepEqual(page.pageErrors, [], 'no uncaught page error');
    } finally {
      await closePage(page);
      await site.stop();
    }
  });
});

describe('a data server that never answers', () => {
  let site;
  before(async () => {
    site = await startServer(DIST, 0);
  });
  after(async () => {
    await site?.stop();
  });

  it('stops waiting after the time limit, says so, and offers a retry and the bundled data', T, async () => {
    const hang = await hangingServer();
    const page = await newPage(browser);
    try {
      await page.addInitScript(() => { window.HTX_FETCH_TIMEOUT_MS = 1500; });
      await page.goto(`${site.url}?data=${encodeURIComponent(`${hang.url}htx.json`)}`, { waitUntil: 'load' });
      await page.locator('[data-testid=loading]').waitFor();
      const err = page.locator('[data-testid=load-error]');
      await err.waitFor({ timeout: 15_000 });
      assert.match(await err.innerText(), /không trả lời hoặc chưa gửi xong dữ liệu sau 1 giây/);
      assert.equal(await err.getByRole('button', { name: 'Thử lại' }).count(), 1, 'a retry');
      await screenshot(page, 'hanging-server');
      await page.locator('[data-testid=use-bundled]').click();
      await waitForCharts(page);
      assert.equal(queryOf(page).data, undefined, 'back on the bundled data');
    } finally {
      await closePage(page);
      await hang.stop();
    }
  });

  it('shows bytes received of the total while loading, and a cancel stops it', T, async () => {
    // answers with headers and half of a 400 kB body, then stalls
    const hang = await hangingServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': 400_000, 'Access-Control-Allow-Origin': '*' });
      res.write(' '.repeat(200_000));
    });
    const page = await newPage(browser);
    try {
      await page.goto(`${site.url}?data=${encodeURIComponent(`${hang.url}big.json`)}`, { waitUntil: 'load' });
      const progress = page.locator('[data-testid=loading-progress]');
      await page.waitForFunction(() => /0,2 MB \/ 0,4 MB/.test(document.querySelector('[data-testid=loading-progress]')?.textContent ?? ''), null, { timeout: 15_000 });
      console.log(`# progress: ${await progress.innerText()}`);
      await page.locator('[data-testid=cancel-loading]').click();
      const err = page.locator('[data-testid=load-error]');
      await err.waitFor({ timeout: 5_000 });
      assert.match(await err.innerText(), /Đã huỷ/);
      assert.equal(await page.locator('[data-testid=use-bundled]').count(), 1);
    } finally {
      await closePage(page);
      await hang.stop();
    }
  });
});

describe('a phone (360 px)', () => {
  let site;
  before(async () => {
    site = await startServer(DIST, 0);
  });
  after(async () => {
    await site?.stop();
  });

  it('the chart comes first with a summary of the choices; the controls open from a button; no sideways scroll', T, async () => {
    const page = await newPage(browser, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    try {
      await page.goto(site.url, { waitUntil: 'load' });
      await waitForCharts(page);
      const top = await page.evaluate((sel) => document.querySelector(sel).getBoundingClientRect().top, EXPLORER_CANVAS);
      assert.ok(top < 740 - 80, `the explorer's chart starts in the first screen (top ${top} px of 740)`);
      const summary = page.locator('[data-testid=choice-summary]');
      assert.match(await summary.innerText(), /Số hợp tác xã/);
      assert.equal(await page.locator('[data-testid=controls]').isVisible(), false, 'the controls are folded');
      await screenshot(page, 'phone-360-first-screen');
      await page.locator('[data-testid=controls-toggle]').click();
      await page.locator('[data-testid=controls]').waitFor({ state: 'visible' });
      assert.equal(await page.locator('[data-testid=controls-toggle]').getAttribute('aria-expanded'), 'true');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `no sideways scroll (${overflow} px)`);
      // a change, then back to the chart: the options close and the chart is on the screen
      await page.locator('button[data-kind=table]').click();
      await page.locator('figure[data-chart=explorer] [data-testid=figures-table]').waitFor();
      await page.locator('button[data-kind=bars]').click();
      await page.locator(`${EXPLORER_CANVAS}[data-drawn="1"]`).waitFor();
      await page.locator('[data-testid=see-chart]').click();
      await page.locator('[data-testid=controls]').waitFor({ state: 'hidden' });
      await page.waitForFunction((sel) => {
        const r = document.querySelector(sel)?.getBoundingClientRect();
        return r && r.top >= 0 && r.top < window.innerHeight - 80;
      }, EXPLORER_CANVAS, { timeout: 5_000, polling: 50 });
      assert.equal(await page.locator('[data-testid=controls-toggle]').getAttribute('aria-expanded'), 'false');
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('the default chart has a written summary naming its largest area and figure', T, async () => {
    const page = await newPage(browser);
    try {
      await page.goto(site.url, { waitUntil: 'load' });
      await waitForCharts(page);
      const marks = await marksOf(page, 'explorer');
      const first = [...marks].sort((a, b) => a.y - b.y)[0];
      const summary = (await page.locator('#summary-explorer').innerText()).trim();
      assert.ok(summary.includes(first.label.replace(/ \(cũ\)$/, '')), `the summary names the largest area ${first.label}: ${summary}`);
      const value = await page.locator(`figure[data-chart=explorer] tr[data-key="${first.key}"] td.num`).first().textContent();
      const number = value.match(/[\d.,]+/)[0];
      assert.ok(summary.includes(number), `the summary gives its figure ${number}: ${summary}`);
      assert.equal(await page.locator(EXPLORER_CANVAS).getAttribute('aria-describedby'), 'summary-explorer');
    } finally {
      await closePage(page);
    }
  });
});

describe('a provincial dataset of 50,000 records, and implausible values', () => {
  let site;
  before(async () => {
    site = await startServer(DIST, 0);
  });
  after(async () => {
    await site?.stop();
  });

  it('50,000 observations over 3,000 communes: a chart is drawn, no canvas over 16,384 px, the rest in a paged table', T, async () => {
    const file = path.join(os.tmpdir(), 'htx-big-50000.json');
    execFileSync('python3', [path.join(ROOT, 'scripts', 'make-big-dataset.py'), '50000', file]);
    const body = fs.readFileSync(file);
    const page = await newPage(browser);
    try {
      const url = `${site.url}data/big-50000.json`;
      await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
      const t0 = Date.now();
      await page.goto(`${site.url}?data=${encodeURIComponent(url)}`, { waitUntil: 'load' });
      await page.locator(`${EXPLORER_CANVAS}[data-drawn="1"]`).waitFor({ timeout: 60_000 });
      console.log(`# 50,000 records (${(body.length / 1e6).toFixed(1)} MB): explorer chart drawn ${Date.now() - t0} ms after navigation (not asserted)`);
      const marks = await marksOf(page, 'explorer');
      assert.ok(marks.length > 0 && marks.length <= 40, `at most 40 bars: ${marks.length}`);
      const sizes = await page.evaluate(() => [...document.querySelectorAll('canvas')].map((c) => [c.width, c.height]));
      for (const [w, h] of sizes) assert.ok(w <= 16384 && h <= 16384, `canvas ${w}×${h} within 16,384 px`);
      assert.match(await page.locator('figure[data-chart=explorer] .caveats').innerText(), /; [\d.]+ địa bàn khác có trong bảng/);
      await page.locator('figure[data-chart=explorer] details.chart-table > summary').click();
      await page.locator('figure[data-chart=explorer] [data-testid=table-pager]').waitFor();
      await screenshot(page, 'big-50000');
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('duplicates, future dates, implausible sizes, part_of cycles and too-wide ranges are listed as data problems', T, async () => {
    const data = JSON.parse(fs.readFileSync(path.join(DIST, 'data', 'htx.json'), 'utf8'));
    data.updated = '2026-11-21';
    const base = data.observations.find((o) => o.area === 'P20' && o.metric === 'cooperatives' && o.value === 478);
    data.areas.push({ code: 'C99-A', name: 'Xã A', level: 'city', part_of: 'C99-B' }, { code: 'C99-B', name: 'Xã B', level: 'city', part_of: 'C99-A' });
    data.observations.push(
      { ...base },
      { ...base, date: '2099', value: 479 },
      { ...base, date: '2022', value: 1e300 },
      { ...base, date: '2021', metric: 'members', unit: 'persons', value: { low: 10, high: 500 } },
    );
    const page = await newPage(browser);
    try {
      await page.route('**/data/htx.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(data) }));
      await page.goto(site.url, { waitUntil: 'load' });
      const problems = page.locator('[data-testid=data-problems]');
      await problems.waitFor({ state: 'attached', timeout: 30_000 });
      await problems.evaluate((el) => { el.open = true; });
      const text = await problems.innerText();
      const n = data.observations.length;
      for (const [what, re] of [
        ['duplicate', new RegExp(`observations\\[${n - 4}\\].*trùng`)],
        ['after updated', new RegExp(`observations\\[${n - 3}\\]\\.date`)],
        ['implausible size', new RegExp(`observations\\[${n - 2}\\]\\.value`)],
        ['too-wide range', new RegExp(`observations\\[${n - 1}\\]\\.value`)],
        ['part_of cycle', /areas\[\d+\]\.part_of/],
      ]) {
        assert.match(text, re, `${what} is listed: ${text.slice(0, 600)}`);
      }
      await page.locator(`${EXPLORER_CANVAS}[data-drawn="1"]`).waitFor();
      await screenshot(page, 'plausibility-problems');
    } finally {
      await closePage(page);
    }
  });
});
