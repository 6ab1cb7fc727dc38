// Shared helpers for the browser tests (e2e/*.test.mjs) and the benchmark (e2e/bench.mjs).
// Debian chromium driven by playwright-core; never `npx playwright install` (no browser downloads).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '..');
// HTX_DIST: serve another build (e.g. a mock page to test the harness itself)
export const DIST = process.env.HTX_DIST ? path.resolve(process.env.HTX_DIST) : path.join(ROOT, 'dist');
export const OUT = path.join(HERE, 'out');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** The chart ids of the first page (docs/DOM_CONTRACT.md): the explorer, then the key figures. */
export const CHART_IDS = [
  'explorer',
  'national-series',
  'coops-by-region',
  'coops-by-sector',
  'capital-by-area',
  'rating-shares',
];

/** Launch arguments that work here as root (see shared/TOOLCHAIN.md). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Serves dist/ (the release build) on 127.0.0.1 at a random port. Resolves with the server (`.url`, `.stop()`). */
export async function startSite(dir = DIST) {
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`${dir}/index.html not found: run \`trunk build --release\` first (scripts/test.sh does)`);
  }
  return startServer(dir, 0);
}

/**
 * Launches Debian chromium headless. Playwright gives every launch a fresh, temporary profile
 * (its own --user-data-dir, deleted on close); it refuses a --user-data-dir in `args`.
 */
export async function launchBrowser() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: run scripts/setup.sh (apt-get install chromium chromium-driver)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
}

/**
 * Opens a page in a fresh browser context and records its console errors and page errors.
 * Returns the page; `page.consoleErrors` / `page.pageErrors` / `page.failedRequests` are arrays of strings.
 */
export async function newPage(browser, { viewport = { width: 1280, height: 900 }, isMobile = false, hasTouch = false, deviceScaleFactor = 1 } = {}) {
  const context = await browser.newContext({ viewport, isMobile, hasTouch, deviceScaleFactor, locale: 'vi-VN' });
  const page = await context.newPage();
  page.consoleErrors = [];
  page.pageErrors = [];
  page.failedRequests = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      page.consoleErrors.push(`${msg.text()}${loc?.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (err) => page.pageErrors.push(String(err?.stack ?? err)));
  page.on('requestfailed', (req) => page.failedRequests.push(`${req.url()}: ${req.failure()?.errorText}`));
  page.setDefaultTimeout(30_000);
  return page;
}

/** Closes the page's browser context. */
export async function closePage(page) {
  await page.context().close();
}

/** Full-page screenshot into e2e/out/NAME.png; returns its path. */
export async function screenshot(page, name) {
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Waits until there are `count` `figure.chart` elements and every one has its canvas drawn
 * (`canvas[data-drawn="1"]`). Returns the number of charts.
 */
export async function waitForCharts(page, { count = CHART_IDS.length, timeout = 30_000 } = {}) {
  try {
    await page.waitForFunction(
      (n) => {
        const figs = document.querySelectorAll('figure.chart');
        return figs.length >= n && [...figs].every((f) => f.querySelector('canvas[data-drawn="1"]'));
      },
      count,
      { timeout, polling: 100 },
    );
  } catch (err) {
    const state = await page
      .evaluate(() =>
        [...document.querySelectorAll('figure.chart')].map(
          (f) => `${f.dataset.chart}:${f.querySelector('canvas')?.dataset.drawn ?? 'no canvas'}`,
        ),
      )
      .catch(() => []);
    const body = await page.evaluate(() => document.body?.innerText?.slice(0, 500)).catch(() => '');
    throw new Error(
      `charts not drawn within ${timeout} ms (want ${count}); figures: [${state.join(', ')}]; ` +
        `page errors: ${JSON.stringify(page.pageErrors ?? [])}; console errors: ${JSON.stringify(page.consoleErrors ?? [])}; ` +
        `page text: ${JSON.stringify(body)}`,
      { cause: err },
    );
  }
  return page.locator('figure.chart').count();
}

/**
 * Share of the canvas's pixels that differ from its background (its most common colour):
 * a number in [0, 1].
 */
export async function canvasInkRatio(page, selector) {
  return page.evaluate((sel) => {
    const canvas = document.querySelector(sel);
    if (!canvas) throw new Error(`no element matches ${sel}`);
    if (!canvas.width || !canvas.height) return 0;
    const ctx = canvas.getContext('2d');
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const counts = new Map();
    for (let i = 0; i < data.length; i += 4) {
      const key = (data[i] << 24) | (data[i + 1] << 16) | (data[i + 2] << 8) | data[i + 3];
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    let bg = 0;
    let best = -1;
    for (const [k, c] of counts) if (c > best) [bg, best] = [k, c];
    const br = (bg >>> 24) & 255, bgG = (bg >>> 16) & 255, bb = (bg >>> 8) & 255, ba = bg & 255;
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) {
      const d = Math.abs(data[i] - br) + Math.abs(data[i + 1] - bgG) + Math.abs(data[i + 2] - bb) + Math.abs(data[i + 3] - ba);
      if (d > 24) ink++;
    }
    return ink / (data.length / 4);
  }, selector);
}

/** True when more than `threshold` (default 2 %) of the canvas's pixels are not its background. */
export async function canvasHasInk(page, selector, threshold = 0.02) {
  return (await canvasInkRatio(page, selector)) > threshold;
}

/** The chart's `data-marks`, parsed: [{key, label, x, y, w, h}] in CSS pixels relative to its canvas. */
export async function marksOf(page, chartId) {
  const raw = await page.locator(`figure.chart[data-chart="${chartId}"] canvas`).getAttribute('data-marks');
  if (raw == null) throw new Error(`chart ${chartId}: its canvas has no data-marks`);
  return JSON.parse(raw);
}

/**
 * Moves the mouse to the centre of the mark `key` of chart `chartId` (scrolling the canvas into
 * view first). Returns the mark.
 */
export async function hoverMark(page, chartId, key) {
  const canvas = page.locator(`figure.chart[data-chart="${chartId}"] canvas`);
  await canvas.scrollIntoViewIfNeeded();
  const marks = await marksOf(page, chartId);
  const mark = marks.find((m) => m.key === key);
  if (!mark) throw new Error(`chart ${chartId}: no mark with key ${key} (keys: ${marks.map((m) => m.key).join(', ')})`);
  const box = await canvas.boundingBox();
  if (!box) throw new Error(`chart ${chartId}: canvas is not visible`);
  const x = box.x + mark.x + mark.w / 2;
  const y = box.y + mark.y + mark.h / 2;
  await page.mouse.move(x - 20, y - 20);
  await page.mouse.move(x, y, { steps: 5 });
  return mark;
}

/** Reads the real dataset that the release build serves (dist/data/htx.json). */
export function readDataset(dir = DIST) {
  return JSON.parse(fs.readFileSync(path.join(dir, 'data', 'htx.json'), 'utf8'));
}

// ---------------------------------------------------------------------------------------------
// The explorer (figure.chart[data-chart="explorer"]): its canvas, table and controls.

/** The explorer's figure and its canvas. */
export const EXPLORER = 'figure.chart[data-chart="explorer"]';
export const EXPLORER_CANVAS = `${EXPLORER} canvas`;

/** The explorer canvas's `data-painted-at` (null when there is no canvas, e.g. in the table view). */
export async function explorerPaintedAt(page) {
  return page.evaluate((sel) => document.querySelector(sel)?.dataset.paintedAt ?? null, EXPLORER_CANVAS);
}

/**
 * Waits until the explorer canvas has been painted after `before` (its `data-painted-at` differs,
 * `data-drawn="1"`), then until no further paint comes for `settle` ms (a legend or a notice that
 * appears can resize the canvas and paint it once more). Returns the last `data-painted-at`.
 */
export async function waitForExplorerPaint(page, before = null, { timeout = 15_000, settle = 150 } = {}) {
  await page.waitForFunction(
    ([sel, prev]) => {
      const c = document.querySelector(sel);
      return !!c && c.dataset.drawn === '1' && c.dataset.paintedAt !== prev;
    },
    [EXPLORER_CANVAS, before],
    { timeout, polling: 20 },
  );
  let last = await explorerPaintedAt(page);
  let since = Date.now();
  const end = Date.now() + 3_000;
  while (Date.now() - since < settle && Date.now() < end) {
    await page.waitForTimeout(30);
    const now = await explorerPaintedAt(page);
    if (now !== last) {
      last = now;
      since = Date.now();
    }
  }
  return last;
}

/** Waits for the explorer's chart to be drawn (first load). */
export async function waitForExplorer(page, { timeout = 30_000 } = {}) {
  return waitForExplorerPaint(page, null, { timeout });
}

/**
 * Runs `action` (which changes a control) and waits for the explorer canvas to be painted again.
 * Returns the new marks.
 */
export async function changeExplorer(page, action, opts) {
  const before = await explorerPaintedAt(page);
  await action();
  await waitForExplorerPaint(page, before, opts);
  return marksOf(page, 'explorer');
}

/** The explorer's figures table rows: [{key, area, value, date, text}] (in the DOM even when folded). */
export async function explorerTableRows(page) {
  return page.locator(`${EXPLORER} [data-testid=figures-table] tbody tr`).evaluateAll((trs) =>
    trs.map((tr) => {
      const td = [...tr.querySelectorAll('th, td')].map((c) => c.textContent.trim());
      return { key: tr.dataset.key, area: td[0], metric: td[1], value: td[2], qualifier: td[3], date: td[4], source: td[5], text: td.join(' | ') };
    }),
  );
}

/** The query parameters of the page's URL, as a plain object. */
export function queryOf(page) {
  return Object.fromEntries(new URL(page.url()).searchParams);
}

/**
 * Folds a name as the app sorts and searches it (src/explore/search.rs `fold`): lower case, no
 * Vietnamese diacritics (đ → d), single spaces, trimmed.
 */
export function foldVi(s) {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .split(/\s+/)
    .filter(Boolean)
    .join(' ');
}

/**
 * The most common colour inside a rectangle of a canvas given in CSS px relative to the canvas
 * (`inset` px left out on each side): {r, g, b, a, share}. For a map tile this is its fill (its
 * text and hatching cover less of it).
 */
export async function dominantColour(page, canvasSelector, rect, inset = 2) {
  return page.evaluate(
    ([sel, r, inset]) => {
      const c = document.querySelector(sel);
      if (!c) throw new Error(`no element matches ${sel}`);
      const k = c.width / c.getBoundingClientRect().width;
      const x0 = Math.round((r.x + inset) * k), y0 = Math.round((r.y + inset) * k);
      const w = Math.max(1, Math.round((r.w - 2 * inset) * k)), h = Math.max(1, Math.round((r.h - 2 * inset) * k));
      const { data } = c.getContext('2d').getImageData(x0, y0, w, h);
      const counts = new Map();
      for (let i = 0; i < data.length; i += 4) {
        const key = `${data[i]},${data[i + 1]},${data[i + 2]},${data[i + 3]}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      let best = '', n = -1;
      for (const [key, cnt] of counts) if (cnt > n) [best, n] = [key, cnt];
      const [rr, g, b, a] = best.split(',').map(Number);
      return { r: rr, g, b, a, share: n / (data.length / 4) };
    },
    [canvasSelector, rect, inset],
  );
}

/** Relative luminance (0 black … 1 white) of {r, g, b} in 0–255. */
export function luminance({ r, g, b }) {
  const lin = (v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Screenshot of one element into e2e/out/NAME.png; returns its path. */
export async function screenshotOf(locator, name) {
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `${name}.png`);
  await locator.screenshot({ path: file });
  return file;
}

/**
 * Registers node:test hooks that serve dist/ and launch chromium before the file's tests and stop
 * both after them; `set(site, browser)` receives them once they are up.
 */
export function withSite(set) {
  let site;
  let browser;
  before(async () => {
    site = await startSite();
    browser = await launchBrowser();
    set(site, browser);
  });
  after(async () => {
    await browser?.close();
    await site?.stop();
  });
}

/** Fails when the page had an uncaught error or logged a console error. */
export function assertNoErrors(page) {
  assert.deepEqual(page.pageErrors, [], 'no uncaught page error');
  assert.deepEqual(page.consoleErrors, [], 'no console error');
}
