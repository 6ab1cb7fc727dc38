// End-to-end tests of the release build (dist/) in Debian chromium, per docs/DOM_CONTRACT.md.
// Run: `node --test e2e/` after `trunk build --release` (scripts/test.sh does both).
// Screenshots land in e2e/out/.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  CHART_IDS,
  startSite,
  launchBrowser,
  newPage,
  closePage,
  screenshot,
  waitForCharts,
  canvasInkRatio,
  marksOf,
  hoverMark,
  assertNoErrors,
} from './helpers.mjs';

const DATA_ROUTE = '**/data/htx.json';
const T = { timeout: 90_000 };

let server;
let browser;

before(async () => {
  server = await startSite();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Asserts the page has the header and some text: never a blank page. */
async function assertNotBlank(page) {
  const text = (await page.locator('body').innerText()).trim();
  assert.ok(text.length > 20, `page looks blank; its text: ${JSON.stringify(text)}`);
  assert.match(text, /HTX Charts/, 'the header with the app name is shown');
}

async function assertAllChartsInked(page) {
  for (const id of CHART_IDS) {
    const sel = `figure.chart[data-chart="${id}"] canvas`;
    assert.equal(await page.locator(sel).count(), 1, `chart ${id} has one canvas`);
    const ratio = await canvasInkRatio(page, sel);
    assert.ok(ratio > 0.02, `chart ${id}: only ${(ratio * 100).toFixed(2)} % of the canvas is drawn on`);
  }
}

describe('HTX Charts in chromium', () => {
  it('loads with no error and draws all six charts (desktop 1280x900)', T, async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(server.url, { waitUntil: 'load' });
      await waitForCharts(page);
      const ids = await page.locator('figure.chart').evaluateAll((fs) => fs.map((f) => f.dataset.chart));
      for (const id of CHART_IDS) assert.ok(ids.includes(id), `chart ${id} is on the page (found: ${ids.join(', ')})`);
      assert.equal(await page.locator('main#app').count(), 1, 'main#app exists');
      assert.equal(await page.locator('[data-testid=load-error]').count(), 0, 'no load error');
      for (const id of CHART_IDS) {
        const fig = page.locator(`figure.chart[data-chart="${id}"]`);
        assert.ok((await fig.locator('h2.chart-title').innerText()).trim(), `chart ${id} has a title`);
        assert.ok((await fig.locator('figcaption.source-line').innerText()).trim(), `chart ${id} has a source line`);
      }
      const mark = await page.evaluate(() => performance.getEntriesByName('htx-first-chart').length);
      assert.ok(mark >= 1, 'performance mark htx-first-chart is set');
      await assertAllChartsInked(page);
      await screenshot(page, 'desktop-1280x900');
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('loads with no error and draws all six charts on a phone (390x844)', T, async () => {
    const page = await newPage(browser, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    try {
      await page.goto(server.url, { waitUntil: 'load' });
      await waitForCharts(page);
      await assertAllChartsInked(page);
      await screenshot(page, 'phone-390x844');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `the page scrolls sideways on a phone by ${overflow} px`);
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('hovering Lạng Sơn (P20) in the explorer default chart shows 478 and its source', T, async () => {
    const page = await newPage(browser);
    try {
      await page.goto(server.url, { waitUntil: 'load' });
      await waitForCharts(page);
      const marks = await marksOf(page, 'explorer');
      assert.ok(Array.isArray(marks) && marks.length > 0, 'the explorer has marks');
      await hoverMark(page, 'explorer', 'P20');
      const tip = page.locator('[data-testid=tooltip]');
      await tip.waitFor({ state: 'visible', timeout: 5_000 });
      assert.equal(await tip.getAttribute('role'), 'tooltip');
      const text = await tip.innerText();
      assert.match(text, /478/, `tooltip shows 478; it says: ${JSON.stringify(text)}`);
      const link = tip.locator('a.source-link');
      if ((await link.count()) > 0) {
        const href = await link.first().getAttribute('href');
        assert.match(href ?? '', /^https?:\/\//, `the source link is an http(s) address: ${href}`);
      } else {
        // no URL: the source's publisher and title as text
        const data = await (await fetch(new URL('data/htx.json', server.url))).json();
        const named = data.sources.some((s) => text.includes(s.publisher) || text.includes(s.title));
        assert.ok(named, `tooltip names a source (publisher or title); it says: ${JSON.stringify(text)}`);
      }
      await screenshot(page, 'tooltip-lang-son');
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('a malformed data file shows a load error, not a blank page', T, async () => {
    const page = await newPage(browser);
    try {
      await page.route(DATA_ROUTE, (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: '{"format": "htx-charts/1", "areas": [' }),
      );
      await page.goto(server.url, { waitUntil: 'load' });
      const err = page.locator('[data-testid=load-error]');
      await err.waitFor({ state: 'visible', timeout: 30_000 });
      assert.equal(await err.getAttribute('role'), 'alert');
      const text = (await err.innerText()).trim();
      assert.ok(text.length > 0, 'the load error has visible text');
      assert.match(text, /Không tải được dữ liệu/, `the error says the data did not load: ${JSON.stringify(text)}`);
      assert.match(text, /JSON/i, `the error says the JSON is bad: ${JSON.stringify(text)}`);
      await assertNotBlank(page);
      await screenshot(page, 'load-error-malformed');
      assert.deepEqual(page.pageErrors, [], 'no uncaught page error (the app handles it)');
    } finally {
      await closePage(page);
    }
  });

  it('a 404 for the data file shows a load error mentioning 404', T, async () => {
    const page = await newPage(browser);
    try {
      await page.route(DATA_ROUTE, (route) =>
        route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' }),
      );
      await page.goto(server.url, { waitUntil: 'load' });
      const err = page.locator('[data-testid=load-error]');
      await err.waitFor({ state: 'visible', timeout: 30_000 });
      const text = (await err.innerText()).trim();
      assert.match(text, /404/, `the error mentions 404: ${JSON.stringify(text)}`);
      assert.match(text, /Không tải được dữ liệu/, `the error says the data did not load: ${JSON.stringify(text)}`);
      await assertNotBlank(page);
      await screenshot(page, 'load-error-404');
      assert.deepEqual(page.pageErrors, [], 'no uncaught page error (the app handles it)');
    } finally {
      await closePage(page);
    }
  });

  it('a record with a negative value is listed under data problems and the charts still draw', T, async () => {
    const res = await fetch(new URL('data/htx.json', server.url));
    assert.equal(res.status, 200, 'the real dataset is served');
    const data = await res.json();
    // corrupt the last plain cooperative count outside Lạng Sơn (losing one bar of many leaves
    // every chart with data); any plain-number observation if there is none
    const plain = (o) => typeof o.value === 'number' && o.area !== 'P20';
    const obs = data.observations;
    let index = obs.findLastIndex((o) => plain(o) && o.metric === 'cooperatives' && !o.sector);
    if (index < 0) index = obs.findLastIndex(plain);
    assert.ok(index >= 0, 'the dataset has an observation with a plain number value');
    data.observations[index].value = -5;
    const body = JSON.stringify(data);

    const page = await newPage(browser);
    try {
      await page.route(DATA_ROUTE, (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body }),
      );
      await page.goto(server.url, { waitUntil: 'load' });
      await waitForCharts(page);
      const problems = page.locator('[data-testid=data-problems]');
      await problems.waitFor({ state: 'attached', timeout: 10_000 });
      assert.equal(await problems.evaluate((el) => el.tagName), 'DETAILS', 'data-problems is a <details>');
      // open it so its list shows (and is in the screenshot)
      await problems.evaluate((el) => { el.open = true; });
      const items = await problems.locator('li').allInnerTexts();
      assert.ok(items.length >= 1, 'at least one problem is listed');
      // the record is named by its index, 0- or 1-based ("bản ghi #12, trường value" as in
      // DOM_CONTRACT.md, or "observations[12].value"), and the field
      const named = items.filter(
        (t) => new RegExp(`(#\\s*|\\[)(${index}|${index + 1})\\b`).test(t) && /value/.test(t),
      );
      assert.ok(
        named.length >= 1,
        `a problem names record #${index} (or #${index + 1}) and field value; listed: ${JSON.stringify(items)}`,
      );
      assert.equal(await page.locator('[data-testid=load-error]').count(), 0, 'no load error for one bad record');
      await assertAllChartsInked(page);
      await problems.scrollIntoViewIfNeeded();
      await screenshot(page, 'data-problems');
      assert.deepEqual(page.pageErrors, [], 'no uncaught page error');
    } finally {
      await closePage(page);
    }
  });
});
