// The sources page (nguon.html) in Debian chromium: every source with its figures and quotes,
// searchable by publisher, province and year, each figure linking to the explorer view that shows
// it; linked from every chart's source line and from tooltips.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { withSite, newPage, closePage, screenshot, waitForCharts, readDataset, hoverMark, assertNoErrors, queryOf, EXPLORER_CANVAS } from './helpers.mjs';

const T = { timeout: 90_000 };
let site;
let browser;
withSite((s, b) => {
  site = s;
  browser = b;
});

/** The Lạng Sơn count (478) and its source, from the data file. */
function langSon() {
  const ds = readDataset();
  const obs = ds.observations.find((o) => o.area === 'P20' && o.metric === 'cooperatives' && !o.sector && o.value === 478);
  return { obs, source: ds.sources.find((s) => s.id === obs.source), total: ds.sources.length };
}

describe('sources page', () => {
  it('lists the Lạng Sơn article with 478 and its quote; its link opens the explorer on that figure', T, async () => {
    const { obs, source, total } = langSon();
    const page = await newPage(browser);
    try {
      await page.goto(new URL('nguon.html', site.url).href, { waitUntil: 'load' });
      await page.locator('[data-testid=source-entry]').first().waitFor();
      assert.equal(await page.locator('[data-testid=source-entry]').count(), total, 'every source is listed');
      const entry = page.locator(`article#${source.id}`);
      const text = await entry.innerText();
      assert.ok(text.includes(source.publisher) && text.includes(source.title), `publisher and title: ${text.slice(0, 200)}`);
      const row = entry.locator('tr').filter({ has: page.locator('td.num', { hasText: /^478 HTX$/ }) });
      assert.equal(await row.count(), 1, 'the row of 478 HTX');
      assert.ok((await row.innerText()).includes(obs.quote.slice(0, 40)), 'with its quote');
      await screenshot(page, 'sources-page');
      await row.locator('[data-testid=figure-in-explorer]').click();
      await waitForCharts(page);
      const q = queryOf(page);
      assert.equal(q.a, 'P20');
      assert.equal(q.d, '2023');
      const marks = JSON.parse(await page.locator(EXPLORER_CANVAS).getAttribute('data-marks'));
      assert.deepEqual(marks.map((m) => m.key), ['P20'], 'the explorer shows that figure');
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('on a phone: the search and the intro are shown, each figure is a block, nothing scrolls sideways', T, async () => {
    const page = await newPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      await page.goto(new URL('nguon.html', site.url).href, { waitUntil: 'load' });
      await page.locator('[data-testid=source-entry]').first().waitFor();
      assert.ok(await page.locator('[data-testid=source-text]').isVisible(), 'the search field is shown');
      assert.ok(await page.locator('main .intro').isVisible(), 'the intro says what the page is');
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= 390, `no sideways scroll (${wide} px wide)`);
      // nor on the narrowest phones (long words and addresses in the sources break)
      await page.setViewportSize({ width: 320, height: 700 });
      const narrow = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(narrow <= 320, `no sideways scroll at 320 px (${narrow} px wide)`);
      await page.setViewportSize({ width: 390, height: 844 });
      const cell = page.locator('[data-testid=source-entry] td.num').first();
      assert.equal(await cell.evaluate((td) => getComputedStyle(td).display), 'block');
      assert.match(await cell.evaluate((td) => getComputedStyle(td, '::before').content), /Số liệu/, 'each value says what it is');
      await screenshot(page, 'sources-page-phone');
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('on a desktop (1280 px): dates and column headers are on one line, never split inside a word', T, async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(new URL('nguon.html', site.url).href, { waitUntil: 'load' });
      await page.locator('[data-testid=source-entry] td.date').first().waitFor();
      // the number of lines a cell's text takes: one rectangle per line
      const lines = (sel) => page.locator(sel).evaluateAll((els) => els.filter((el) => el.offsetWidth > 1 && !el.querySelector('.visually-hidden')).map((el) => {
        const r = document.createRange();
        r.selectNodeContents(el);
        return [el.textContent, new Set([...r.getClientRects()].map((c) => Math.round(c.top))).size];
      }));
      const dates = await lines('[data-testid=source-entry] td.date');
      assert.ok(dates.length > 10, `dates found (${dates.length})`);
      const split = dates.filter(([, n]) => n > 1);
      assert.deepEqual(split, [], 'no date on two lines');
      const headers = await lines('[data-testid=source-entry] thead th');
      assert.ok(headers.some(([t]) => t === 'Thời điểm'), JSON.stringify(headers));
      assert.deepEqual(headers.filter(([, n]) => n > 1), [], 'no header on two lines');
      const width = await page.locator('[data-testid=source-entry] thead th', { hasText: 'Thời điểm' }).first().evaluate((th) => th.getBoundingClientRect().width);
      assert.ok(width > 50, `the date column is not squeezed (${width} px)`);
      await screenshot(page, 'sources-page-1280');
      await page.setViewportSize({ width: 320, height: 700 });
      const narrow = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(narrow <= 320, `no sideways scroll at 320 px (${narrow} px wide)`);
      assert.equal(await page.locator('[data-testid=source-entry] td.date').first().evaluate((td) => getComputedStyle(td).display), 'block', 'a phone keeps its labelled lines');
      await screenshot(page, 'sources-page-320');
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('searches by publisher, province (a former province counts for its new one) and year, in the URL', T, async () => {
    const page = await newPage(browser);
    try {
      await page.goto(new URL('nguon.html?lang=en', site.url).href, { waitUntil: 'load' });
      await page.locator('[data-testid=source-entry]').first().waitFor();
      const all = await page.locator('[data-testid=source-entry]').count();
      await page.locator('[data-testid=source-province]').fill('lang son');
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid=source-entry]').length < n, all);
      assert.equal(new URL(page.url()).searchParams.get('tinh'), 'lang son');
      const texts = await page.locator('[data-testid=source-entry]').allInnerTexts();
      assert.ok(texts.length >= 1 && texts.every((t) => /Lạng Sơn/.test(t)), 'each listed source has a Lạng Sơn figure');
      await page.locator('[data-testid=source-year]').fill('2023');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('nam') === '2023');
      assert.match(await page.locator('[data-testid=source-count]').innerText(), /source/);
      // a year that is not a number is not silently ignored
      await page.locator('[data-testid=source-year]').fill('abc');
      await page.locator('[data-testid=source-count]', { hasText: '“abc” is not a year' }).waitFor();
      await page.locator('[data-testid=source-year]').fill('');
      await page.waitForFunction(() => !document.querySelector('[data-testid=source-count]').textContent.includes('not a year'));
      await page.locator('[data-testid=source-province]').fill('');
      await page.locator('[data-testid=source-year]').fill('');
      await page.locator('[data-testid=source-text]').fill('lien minh htx viet nam');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'lien minh htx viet nam');
      const found = await page.locator('[data-testid=source-entry]').count();
      assert.ok(found >= 1 && found < all, `a publisher search narrows the list (${found} of ${all})`);
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('every source line and a tooltip link to the sources page', T, async () => {
    const { source } = langSon();
    const page = await newPage(browser);
    try {
      await page.goto(site.url, { waitUntil: 'load' });
      await waitForCharts(page);
      const links = await page.locator('figure.chart figcaption [data-testid=all-sources]').count();
      assert.equal(links, await page.locator('figure.chart').count(), 'one link per chart');
      await hoverMark(page, 'explorer', 'P20');
      const link = page.locator('[data-testid=tooltip] a.source-entry-link');
      assert.equal(await link.getAttribute('href'), `nguon.html#${source.id}`);
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });
});
