// The static first view (issue "The first chart before the wasm"), in Debian chromium: the default
// page's charts are in index.html as inline SVG, painted before the wasm loads; the app then takes
// over with the same figures; any other address never shows them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { withSite, newPage, closePage, screenshot, waitForCharts, marksOf, assertNoErrors } from './helpers.mjs';

const T = { timeout: 90_000 };
let site;
let browser;
withSite((s, b) => {
  site = s;
  browser = b;
});

describe('static first view', () => {
  it('paints the default charts before the wasm, and the wasm then draws the same figures', T, async () => {
    const page = await newPage(browser);
    let release;
    const held = new Promise((r) => { release = r; });
    try {
      await page.route('**/*_bg.wasm', async (route) => { await held; await route.continue(); });
      await page.goto(site.url, { waitUntil: 'domcontentloaded' });
      const stat = page.locator('#static-view figure[data-static-chart=explorer]');
      await stat.waitFor();
      assert.ok(await stat.locator('svg.static-chart rect').count() > 10, 'the static chart has bars');
      const mark = await page.evaluate(() => performance.getEntriesByName('htx-first-chart').length);
      assert.equal(mark, 1, 'the first chart is painted (marked) before the wasm loads');
      const staticKeys = (await stat.getAttribute('data-keys')).split(',');
      const staticTitle = (await stat.locator('h2').innerText()).trim();
      const staticFigures = await stat.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [r.dataset.key, r.querySelector('td.num').textContent]));
      await screenshot(page, 'static-first-view');
      release();
      await waitForCharts(page);
      assert.equal(await page.locator('#static-view').count(), 0, 'the static view is gone once the app has drawn');
      const marks = await marksOf(page, 'explorer');
      assert.deepEqual(marks.map((m) => m.key), staticKeys, 'the same bars, in the same order');
      assert.equal((await page.locator('figure[data-chart=explorer] h2.chart-title').innerText()).trim(), staticTitle);
      const appFigures = await page.locator('figure[data-chart=explorer] tbody tr').evaluateAll((rows) => rows.map((r) => [r.dataset.key, r.querySelector('td.num').textContent]));
      assert.deepEqual(appFigures.slice(0, staticFigures.length), staticFigures, 'the same figures in the table');
      for (const id of ['national-series', 'coops-by-region', 'coops-by-sector', 'capital-by-area', 'rating-shares']) {
        assert.equal(await page.locator(`figure[data-chart="${id}"] canvas[data-drawn="1"]`).count(), 1, `${id} drawn by the app`);
      }
      assertNoErrors(page);
    } finally {
      release();
      await closePage(page);
    }
  });

  it('is never shown for another address (a query string)', T, async () => {
    const page = await newPage(browser);
    try {
      await page.route('**/*_bg.wasm', (route) => route.abort());
      await page.goto(`${site.url}?m=members`, { waitUntil: 'load' });
      assert.equal(await page.locator('#static-view').isVisible(), false, 'hidden on ?m=members');
      assert.equal(await page.evaluate(() => performance.getEntriesByName('htx-first-chart').length), 0, 'no first-chart mark from the static view');
    } finally {
      await closePage(page);
    }
  });

  it('the default deck\'s first slide is in present.html', T, async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 720 } });
    try {
      await page.route('**/*_bg.wasm', (route) => route.abort());
      await page.goto(new URL('present.html', site.url).href, { waitUntil: 'load' });
      const slide = page.locator('#static-view figure.slide');
      await slide.waitFor();
      assert.ok(await slide.locator('svg.static-chart circle').count() > 3, 'the national series is drawn');
      assert.match(await slide.locator('h1').innerText(), /Việt Nam/);
      const staticMeta = (await slide.locator('.slide-meta').innerText()).trim();
      assert.match(staticMeta, /^Số liệu: \d{4}/, `the years, unit and caveat under the title: ${staticMeta}`);
      // the app then writes the same line (no jump when it takes over)
      await page.unroute('**/*_bg.wasm');
      await page.goto(new URL('present.html', site.url).href, { waitUntil: 'load' });
      await page.locator('figure[data-chart=slide] canvas[data-drawn="1"]').waitFor();
      assert.equal((await page.locator('figure[data-chart=slide] .slide-meta').innerText()).trim(), staticMeta);
    } finally {
      await closePage(page);
    }
  });
});
