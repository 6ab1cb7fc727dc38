// Shared helpers for the browser tests (e2e/*.test.mjs) and the benchmark (e2e/bench.mjs).
// Debian chromium driven by playwright-core; never `npx playwright install` (no browser downloads).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '..');
// HTX_DIST: serve another build (e.g. a mock page to test the harness itself)
export const DIST = process.env.HTX_DIST ? path.resolve(process.env.HTX_DIST) : path.join(ROOT, 'dist');
export const OUT = path.join(HERE, 'out');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** The six chart ids of docs/DOM_CONTRACT.md. */
export const CHART_IDS = [
  'coops-by-area',
  'coops-by-region',
  'coops-by-sector',
  'metric-by-area',
  'national-series',
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
