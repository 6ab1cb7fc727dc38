// End-to-end tests of the explorer (figure.chart[data-chart="explorer"]) in Debian chromium:
// every control changes the chart, the URL holds the view (copy, back, forward), bad parameters
// and ?data= files are handled, search without diacritics, the tile map's colours, the keyboard.
// Run: `node --test e2e/` after `trunk build --release`. Screenshots land in e2e/out/explorer-*.png.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import {
  startSite,
  launchBrowser,
  newPage,
  closePage,
  waitForCharts,
  canvasInkRatio,
  marksOf,
  hoverMark,
  readDataset,
  EXPLORER,
  EXPLORER_CANVAS,
  waitForExplorer,
  waitForExplorerPaint,
  explorerPaintedAt,
  changeExplorer,
  explorerTableRows,
  queryOf,
  foldVi,
  dominantColour,
  luminance,
  screenshotOf,
  screenshot,
  withSite,
  assertNoErrors,
} from './helpers.mjs';

const T = { timeout: 90_000 };

let site;
let browser;
withSite((s, b) => {
  site = s;
  browser = b;
});

/** Opens a new page (fresh context) at `query` and waits for the explorer's chart. */
async function openExplorer(query = '', { table = false } = {}) {
  const page = await newPage(browser);
  await page.goto(new URL(query, site.url).href, { waitUntil: 'load' });
  if (table) await page.locator(`${EXPLORER} [data-testid=figures-table]`).first().waitFor();
  else await waitForExplorer(page);
  return page;
}

const keysOf = (marks) => marks.map((m) => m.key);
const sameSet = (a, b) => a.length === b.length && [...a].sort().join() === [...b].sort().join();
const title = (page) => page.locator(`${EXPLORER} h2.chart-title`).innerText();
const tooltip = (page) => page.locator(`${EXPLORER} [data-testid=tooltip]`);
const explorerShot = (page, name) => screenshotOf(page.locator('section.explorer'), `explorer-${name}`);

/** Waits until the page's URL satisfies `pred(query)`. */
async function waitForQuery(page, pred, what) {
  const end = Date.now() + 10_000;
  while (Date.now() < end) {
    if (pred(queryOf(page))) return;
    await page.waitForTimeout(25);
  }
  assert.fail(`URL never got ${what}: ${page.url()}`);
}

describe('explorer: each control changes the chart', () => {
  it('metric select: charter_capital replaces the cooperatives bars', T, async () => {
    const page = await openExplorer();
    try {
      const before = await marksOf(page, 'explorer');
      const t0 = await title(page);
      const after = await changeExplorer(page, () => page.selectOption('select[data-testid=metric]', 'charter_capital'));
      assert.ok(!sameSet(keysOf(before), keysOf(after)), `the bars change: ${keysOf(before)} → ${keysOf(after)}`);
      assert.equal(queryOf(page).m, 'charter_capital');
      const t1 = await title(page);
      assert.notEqual(t1, t0);
      assert.match(t1, /Vốn điều lệ/, `title names the metric: ${t1}`);
      // a metric with a unit in its key
      const monthly = await changeExplorer(page, () => page.selectOption('select[data-testid=metric]', 'income_per_worker.vnd_per_month'));
      assert.equal(queryOf(page).m, 'income_per_worker.vnd_per_month');
      assert.ok(monthly.length > 0 && !sameSet(keysOf(monthly), keysOf(after)), 'income per worker has its own bars');
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('preset: "6 regions" shows R1–R6, "country" shows VN', T, async () => {
    const page = await openExplorer();
    try {
      const presets = page.locator('.presets button');
      assert.equal(await presets.count(), 4, 'four preset buttons');
      assert.equal(await presets.nth(0).getAttribute('aria-pressed'), 'true', '"local" is the default');
      const regions = await changeExplorer(page, () => presets.nth(2).click());
      assert.deepEqual(keysOf(regions).sort(), ['R1', 'R2', 'R3', 'R4', 'R5', 'R6']);
      assert.equal(queryOf(page).a, 'regions');
      assert.equal(await presets.nth(2).getAttribute('aria-pressed'), 'true');
      assert.equal(await presets.nth(0).getAttribute('aria-pressed'), 'false');
      const country = await changeExplorer(page, () => presets.nth(3).click());
      assert.ok(country.length >= 1 && country.every((m) => m.key.startsWith('VN')), `country marks: ${keysOf(country)}`);
      assert.equal(queryOf(page).a, 'vn');
      const p34 = await changeExplorer(page, () => presets.nth(1).click());
      assert.ok(p34.length >= 1 && p34.every((m) => /^P\d\d/.test(m.key)), `34-province marks are P codes: ${keysOf(p34)}`);
      assert.equal(queryOf(page).a, 'p34');
      // a metric with national figures only: the other presets are greyed out and say why,
      // and the chart moves to the whole country instead of drawing nothing
      const national = await changeExplorer(page, () => page.selectOption('select[data-testid=metric]', 'profit'));
      assert.ok(national.length >= 1 && national.every((m) => m.key.startsWith('VN')), `profit marks: ${keysOf(national)}`);
      assert.equal(queryOf(page).a, 'vn');
      for (const a of ['local', 'p34', 'regions']) {
        const b = page.locator(`.presets button[data-areas=${a}]`);
        assert.ok(await b.isDisabled(), `${a} is greyed out for profit`);
        assert.match(await b.getAttribute('title'), /không có số liệu của các địa bàn này/);
      }
      assert.ok(await page.locator('.presets button[data-areas=vn]').isEnabled());
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('area search + pick adds a chip and shows that area; × removes it', T, async () => {
    const page = await openExplorer();
    try {
      const search = page.locator('input[data-testid=area-search]');
      await search.fill('lang son');
      const one = await changeExplorer(page, () => page.locator('#area-results li[data-code="P20"]').click());
      assert.deepEqual(keysOf(one), ['P20']);
      assert.equal(queryOf(page).a, 'P20');
      const chips = page.locator('[data-testid=area-chips] .chip');
      assert.equal(await chips.count(), 1);
      assert.match(await chips.first().innerText(), /Lạng Sơn/);
      assert.equal(await search.inputValue(), '', 'the search box is cleared after a pick');

      await search.fill('bac ninh');
      const two = await changeExplorer(page, () => page.locator('#area-results li[data-code="P24"]').click());
      assert.deepEqual(keysOf(two).sort(), ['P20', 'P24']);
      assert.equal(queryOf(page).a, 'P20,P24');
      assert.equal(await chips.count(), 2);

      const back = await changeExplorer(page, () => chips.nth(0).locator('button').click());
      assert.deepEqual(keysOf(back), ['P24'], 'removing the Lạng Sơn chip leaves Bắc Ninh');
      assert.equal(queryOf(page).a, 'P24');
      // nothing found: said, not an empty list
      await search.fill('xyzxyz');
      await page.locator('[data-testid=area-no-results]').getByText('Không tìm thấy địa bàn nào khớp “xyzxyz”.').waitFor({ timeout: 5_000 });
      await search.fill('');
      await page.locator('[data-testid=area-no-results]').waitFor({ state: 'detached', timeout: 5_000 });
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('by-sector checkbox splits the bars by sector and enables stacked and 100% kinds', T, async () => {
    const page = await openExplorer();
    try {
      const stacked = page.locator('button[data-kind=stacked]');
      const pct = page.locator('button[data-kind=pct]');
      assert.ok(await stacked.isDisabled(), 'stacked is disabled without a breakdown');
      assert.ok(await pct.isDisabled(), '100% is disabled without a breakdown');
      assert.match(await stacked.getAttribute('title'), /Chia theo lĩnh vực/, 'the greyed-out button says what it needs');
      // a tap (no hover title on a phone) says it under the options, and changes nothing
      await stacked.click({ force: true });
      await page.locator('[data-testid=why-off]').getByText(/Cần bật “Chia theo lĩnh vực”/).waitFor({ timeout: 5_000 });
      assert.equal(queryOf(page).c, undefined, 'the chart kind did not change');
      const before = await marksOf(page, 'explorer');
      assert.ok(before.every((m) => !m.key.includes(':')), 'no sector keys before');
      const after = await changeExplorer(page, () => page.locator('input[data-testid=by-sector]').check());
      assert.ok(after.length > 0 && after.every((m) => m.key.includes(':')), `sector keys (area:sector): ${keysOf(after).slice(0, 5)}`);
      assert.equal(queryOf(page).by, 'sector');
      assert.deepEqual(await page.locator('[data-testid=why-off]').allTextContents(), ['', '', ''], 'the explanation goes with the change');
      assert.ok(await stacked.isEnabled(), 'stacked is enabled with a breakdown');
      assert.equal(await stacked.getAttribute('title'), null, 'an available choice has no such title');
      assert.ok(await pct.isEnabled(), '100% is enabled with a breakdown');

      const st = await changeExplorer(page, () => stacked.click());
      assert.equal(queryOf(page).c, 'stacked');
      assert.equal(await stacked.getAttribute('aria-pressed'), 'true');
      await explorerShot(page, 'stacked-by-sector');
      const p = await changeExplorer(page, () => pct.click());
      assert.equal(queryOf(page).c, 'pct');
      // 100 %: an area whose parts make up its whole total fills the full width; an area with only
      // some parts listed (Hòa Bình (cũ): 4 QTDND of 485) is drawn as published, never rescaled
      const widths = new Map();
      for (const m of p) {
        const area = m.key.split(':')[0];
        widths.set(area, (widths.get(area) ?? 0) + m.w);
      }
      // (a source whose parts exceed its total, Ninh Bình (cũ) 2020: 423 of 417, is drawn past 100%:
      // the 100% length is the one most bars share, not the longest)
      const ws = [...widths.values()];
      const near = (a, b) => Math.abs(a - b) <= 3;
      const full = ws.reduce((best, w) => (ws.filter((x) => near(x, w)).length > ws.filter((x) => near(x, best)).length ? w : best), ws[0]);
      assert.ok(ws.filter((w) => near(w, full)).length >= 3, `several 100% bars are all as long: ${ws.map((w) => w.toFixed(1))}`);
      const starts = new Set(p.filter((m) => !p.some((o) => o !== m && o.y === m.y && o.x + o.w <= m.x + 0.5)).map((m) => Math.round(m.x)));
      assert.equal(starts.size, 1, 'every bar starts at the axis');
      assert.ok(JSON.stringify(p) !== JSON.stringify(st), '100% differs from stacked');
      // unticking goes back to plain bars
      await changeExplorer(page, () => page.locator('input[data-testid=by-sector]').uncheck());
      assert.equal(queryOf(page).by, undefined);
      assert.equal(queryOf(page).c, undefined, 'stacked kinds fall back to bars');
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('mode share: sector parts become percentages', T, async () => {
    const page = await openExplorer('?by=sector');
    try {
      const rows0 = await explorerTableRows(page);
      const m0 = await marksOf(page, 'explorer');
      const share = page.locator('button[data-mode=share]');
      assert.ok(await share.isEnabled(), 'share is enabled for a sector breakdown');
      const m1 = await changeExplorer(page, () => share.click());
      assert.equal(queryOf(page).mode, 'share');
      assert.equal(await share.getAttribute('aria-pressed'), 'true');
      const rows1 = await explorerTableRows(page);
      assert.ok(rows1.length > 0);
      assert.ok(rows1.every((r) => /%/.test(r.value)), `values are percentages: ${rows1.slice(0, 4).map((r) => r.value)}`);
      assert.notDeepEqual(rows1.map((r) => r.value), rows0.map((r) => r.value), 'the values change');
      assert.notDeepEqual(m1.map((m) => m.w), m0.map((m) => m.w), 'the bar lengths change');
      assert.match(await title(page), /tỷ lệ|%/i, `title says share: ${await title(page)}`);
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('mode per_coop: values change and the tooltip says how they were computed', T, async () => {
    const page = await openExplorer('?m=charter_capital');
    try {
      const perCoop = page.locator('button[data-mode=per_coop]');
      assert.ok(await perCoop.isEnabled(), 'per cooperative is enabled for charter capital');
      const rows0 = await explorerTableRows(page);
      const t0 = await title(page);
      const marks = await changeExplorer(page, () => perCoop.click());
      assert.equal(queryOf(page).mode, 'per_coop');
      assert.ok(marks.some((m) => m.key === 'P20'), `Lạng Sơn has a per-cooperative bar: ${keysOf(marks)}`);
      const rows1 = await explorerTableRows(page);
      const v0 = rows0.find((r) => r.key === 'P20')?.value;
      const v1 = rows1.find((r) => r.key === 'P20')?.value;
      assert.ok(v0 && v1 && v0 !== v1, `Lạng Sơn's value changes: ${v0} → ${v1}`);
      assert.notEqual(await title(page), t0);
      assert.match(await title(page), /bình quân một HTX/i);
      await hoverMark(page, 'explorer', 'P20');
      await tooltip(page).waitFor({ state: 'visible', timeout: 5_000 });
      const text = await tooltip(page).innerText();
      assert.match(text, /tính từ|÷/i, `tooltip says it was computed: ${JSON.stringify(text)}`);
      assert.match(text, /478/, `the tooltip names the 478 cooperatives it divides by: ${JSON.stringify(text)}`);
      await explorerShot(page, 'per_coop');
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('a tall tooltip near the bottom of the window opens above its bar, wholly on screen', T, async () => {
    const page = await openExplorer('?a=P20,P14,F31,C14-SONLA,P01');
    try {
      const marks = await marksOf(page, 'explorer');
      const last = marks[marks.length - 1];
      // the last bar 40 px above the bottom of an 800 px window
      await page.evaluate(([y]) => {
        const r = document.querySelector('figure[data-chart=explorer] canvas').getBoundingClientRect();
        window.scrollBy(0, r.top + y - (innerHeight - 40));
      }, [last.y + last.h / 2]);
      const box = await page.locator(`${EXPLORER} canvas`).boundingBox();
      await page.mouse.move(box.x + last.x + last.w / 2, box.y + last.y + last.h / 2, { steps: 3 });
      await tooltip(page).waitFor({ state: 'visible' });
      await page.waitForFunction(() => {
        const r = document.querySelector('[data-testid=tooltip]').getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      }, null, { timeout: 3_000 });
      await screenshot(page, 'tooltip-near-bottom');
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('date select: 2022 with a=regions gives six region rows; a year changes the local bars', T, async () => {
    const page = await openExplorer('?a=regions');
    try {
      const t0 = await title(page);
      await changeExplorer(page, () => page.selectOption('select[data-testid=date]', '2022'));
      assert.equal(queryOf(page).d, '2022');
      assert.notEqual(await title(page), t0);
      assert.match(await title(page), /2022/);
      const rows = await explorerTableRows(page);
      assert.deepEqual(rows.map((r) => r.key).sort(), ['R1', 'R2', 'R3', 'R4', 'R5', 'R6'], 'six region rows');
      assert.ok(rows.every((r) => /2022/.test(r.date)), `every row is dated 2022: ${rows.map((r) => r.date)}`);

      // back to the local areas: one year gives other bars than the latest of each area
      await changeExplorer(page, () => page.locator('.presets button').nth(0).click());
      const latest = await changeExplorer(page, () => page.selectOption('select[data-testid=date]', 'latest'));
      const y2023 = await changeExplorer(page, () => page.selectOption('select[data-testid=date]', '2023'));
      assert.ok(!sameSet(keysOf(latest), keysOf(y2023)), 'the 2023 bars differ from the latest ones');
      const rows23 = await explorerTableRows(page);
      assert.ok(rows23.length > 0 && rows23.every((r) => /2023/.test(r.date)), `every row is dated 2023: ${rows23.map((r) => r.date)}`);
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('sort by name: labels in Vietnamese alphabetical order of their folded names', T, async () => {
    // the 34 provinces: every one is drawn whatever the order (a longer list draws its first 40)
    const page = await openExplorer('?a=p34');
    try {
      const byValue = await marksOf(page, 'explorer');
      const byName = await changeExplorer(page, () => page.selectOption('select[data-testid=sort]', 'name'));
      assert.equal(queryOf(page).sort, 'name');
      assert.ok(sameSet(keysOf(byValue), keysOf(byName)), 'the same bars');
      assert.notDeepEqual(keysOf(byName), keysOf(byValue), 'in another order');
      // bars top to bottom
      const labels = [...byName].sort((a, b) => a.y - b.y).map((m) => m.label);
      const folded = labels.map(foldVi);
      for (let i = 1; i < folded.length; i++) {
        assert.ok(folded[i - 1] <= folded[i], `"${labels[i - 1]}" comes before "${labels[i]}" (all: ${labels.join(' · ')})`);
      }
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('chart kind line (m=cooperatives a=vn): one point per date', T, async () => {
    const page = await openExplorer('?m=cooperatives&a=vn');
    try {
      const line = page.locator('button[data-kind=line]');
      assert.ok(await line.isEnabled());
      const bars = await marksOf(page, 'explorer');
      const pts = await changeExplorer(page, () => line.click());
      assert.equal(queryOf(page).c, 'line');
      assert.equal(await line.getAttribute('aria-pressed'), 'true');
      assert.ok(pts.length >= 5, `a series of points: ${keysOf(pts)}`);
      assert.ok(pts.every((m) => /^VN:\d{4}/.test(m.key)), `keys are VN:date:source: ${keysOf(pts)}`);
      assert.ok(!sameSet(keysOf(bars), keysOf(pts)), 'other marks than the bars');
      // left to right in time
      const xs = [...pts].sort((a, b) => a.key.localeCompare(b.key)).map((m) => m.x + m.w / 2);
      for (let i = 1; i < xs.length; i++) assert.ok(xs[i] >= xs[i - 1], 'later dates are further right');
      assert.ok((await canvasInkRatio(page, EXPLORER_CANVAS)) > 0.01, 'the line has ink');
      await explorerShot(page, 'line');
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('chart kind map: tiles keyed by province code', T, async () => {
    const page = await openExplorer();
    try {
      const map = await changeExplorer(page, () => page.locator('button[data-kind=map]').click());
      assert.equal(queryOf(page).c, 'map');
      assert.ok(map.length >= 5, `tiles with figures: ${keysOf(map)}`);
      assert.ok(map.every((m) => /^P\d\d$/.test(m.key)), `keys are province codes: ${keysOf(map)}`);
      assert.ok(map.every((m) => Math.abs(m.w - m.h) < 0.5), 'tiles are square');
      assert.ok((await canvasInkRatio(page, EXPLORER_CANVAS)) > 0.05, 'the map has ink');
      await explorerShot(page, 'map');
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('chart kind table: the table replaces the canvas, one row per bar', T, async () => {
    const page = await openExplorer('?a=p34');
    try {
      const bars = await marksOf(page, 'explorer');
      await page.locator('button[data-kind=table]').click();
      await page.locator(`${EXPLORER} .chart-table.open [data-testid=figures-table]`).waitFor();
      assert.equal(queryOf(page).c, 'table');
      assert.equal(await page.locator(EXPLORER_CANVAS).count(), 0, 'no canvas in the table view');
      assert.equal(await page.locator(`${EXPLORER} [data-testid=figures-table]`).count(), 1, 'one table');
      const rows = await explorerTableRows(page);
      assert.ok(sameSet(rows.map((r) => r.key), keysOf(bars)), `rows = bars: ${rows.map((r) => r.key)} vs ${keysOf(bars)}`);
      const p20 = rows.find((r) => r.key === 'P20');
      assert.match(p20.value, /478/);
      await explorerShot(page, 'table');
      // and back to bars
      await changeExplorer(page, () => page.locator('button[data-kind=bars]').click());
      assert.equal(queryOf(page).c, undefined);
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('a choice with no figure (members of the six regions) says so once, with nothing to download', T, async () => {
    const page = await newPage(browser);
    try {
      await page.goto(new URL('?m=members&a=regions', site.url).href, { waitUntil: 'load' });
      const notice = page.locator(`${EXPLORER} [data-testid=no-figures]`);
      await notice.waitFor();
      assert.match(await notice.innerText(), /Không có số liệu cho lựa chọn này/);
      assert.equal(await page.locator(`${EXPLORER} [data-testid=chart-summary]`).count(), 0, 'no summary repeating it');
      for (const b of ['download-png', 'download-svg', 'download-csv', 'embed', 'add-slide', 'print']) {
        assert.ok(await page.locator(`${EXPLORER} [data-testid=${b}]`).isDisabled(), `${b} is disabled`);
      }
      assert.ok(await page.locator(`${EXPLORER} [data-testid=copy-link]`).isEnabled(), 'the link can still be copied');
      await explorerShot(page, 'no-figures');
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('legend click hides a series (by=sector c=stacked)', T, async () => {
    const page = await openExplorer('?by=sector&c=stacked');
    try {
      const items = page.locator('[data-testid=legend] button.legend-item');
      assert.ok((await items.count()) >= 2, 'a legend with several sectors');
      const before = await marksOf(page, 'explorer');
      const key = await items.first().getAttribute('data-key');
      const hasKey = (m) => m.key === key || m.key.endsWith(`:${key}`);
      assert.ok(before.some(hasKey), `marks of ${key} before: ${keysOf(before)}`);
      await explorerShot(page, 'stacked-legend');
      const after = await changeExplorer(page, () => items.first().click());
      assert.equal(await page.locator(`[data-testid=legend] button.legend-item[data-key="${key}"]`).getAttribute('aria-pressed'), 'false');
      assert.ok(!after.some(hasKey), `no mark of ${key} after hiding it: ${keysOf(after)}`);
      assert.equal(queryOf(page).hide, key);
      // click again: shown again
      const again = await changeExplorer(page, () => page.locator(`[data-testid=legend] button.legend-item[data-key="${key}"]`).click());
      assert.ok(again.some(hasKey), 'shown again');
      assert.equal(queryOf(page).hide, undefined);
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });
});

describe('explorer: the URL holds the view', () => {
  it('a mode or chart kind asked for that does not fit: the buttons show what is drawn, a caveat says why', T, async () => {
    const page = await openExplorer('?mode=share&c=line&a=P20,P25');
    try {
      const pressed = async (sel) => page.locator(sel).getAttribute('aria-pressed');
      assert.equal(await pressed('button[data-mode=abs]'), 'true', 'absolute values are drawn');
      assert.equal(await pressed('button[data-mode=share]'), 'false');
      assert.equal(await pressed('button[data-kind=bars]'), 'true', 'bars are drawn');
      assert.equal(await pressed('button[data-kind=line]'), 'false');
      const caveats = await page.locator(`${EXPLORER} .caveats li`).allInnerTexts();
      assert.ok(caveats.some((t) => /1 trong 2 địa bàn đã chọn không có số liệu chỉ tiêu này: Phú Thọ/.test(t)), `the chosen area without a figure is named: ${caveats}`);
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('a copied URL opened in a new context gives the same view', T, async () => {
    const page = await openExplorer();
    let copy;
    try {
      await changeExplorer(page, () => page.selectOption('select[data-testid=metric]', 'members'));
      await changeExplorer(page, () => page.selectOption('select[data-testid=sort]', 'name'));
      await changeExplorer(page, () => page.locator('button[data-kind=map]').click());
      await changeExplorer(page, () => page.locator('button[data-kind=bars]').click());
      await page.locator('input[data-testid=area-search]').fill('lang son');
      await changeExplorer(page, () => page.locator('#area-results li[data-code="P20"]').click());
      await page.locator('input[data-testid=area-search]').fill('ha noi');
      await changeExplorer(page, () => page.locator('#area-results li[data-code="P01"]').click());
      const url = page.url();
      assert.deepEqual(queryOf(page), { m: 'members', a: 'P20,P01', sort: 'name' });
      const marks = await marksOf(page, 'explorer');
      const t = await title(page);

      copy = await newPage(browser);
      await copy.goto(url, { waitUntil: 'load' });
      await waitForExplorer(copy);
      assert.deepEqual(keysOf(await marksOf(copy, 'explorer')), keysOf(marks), 'same marks, same order');
      assert.equal(await title(copy), t, 'same title');
      assert.equal(await copy.locator('select[data-testid=metric]').inputValue(), 'members', 'the metric select shows the metric');
      assert.equal(await copy.locator('select[data-testid=sort]').inputValue(), 'name');
      assert.equal(await copy.locator('[data-testid=area-chips] .chip').count(), 2, 'the two chips');
      assertNoErrors(page);
      assertNoErrors(copy);
    } finally {
      await closePage(page);
      if (copy) await closePage(copy);
    }
  });

  it('back and forward step through the changes', T, async () => {
    const page = await openExplorer();
    try {
      const s0 = { q: queryOf(page), keys: keysOf(await marksOf(page, 'explorer')), title: await title(page) };
      await changeExplorer(page, () => page.selectOption('select[data-testid=metric]', 'charter_capital'));
      const s1 = { q: queryOf(page), keys: keysOf(await marksOf(page, 'explorer')), title: await title(page) };
      await changeExplorer(page, () => page.selectOption('select[data-testid=sort]', 'name'));
      const s2 = { q: queryOf(page), keys: keysOf(await marksOf(page, 'explorer')), title: await title(page) };
      assert.deepEqual(s1.q, { m: 'charter_capital' });
      assert.deepEqual(s2.q, { m: 'charter_capital', sort: 'name' });

      const expect = async (s, what) => {
        await waitForQuery(page, (q) => JSON.stringify(q) === JSON.stringify(s.q), JSON.stringify(s.q));
        await page.waitForFunction(
          ([sel, keys]) => {
            const raw = document.querySelector(sel)?.dataset.marks;
            return raw && JSON.stringify(JSON.parse(raw).map((m) => m.key)) === keys;
          },
          [EXPLORER_CANVAS, JSON.stringify(s.keys)],
          { timeout: 10_000 },
        ).catch(async () => assert.fail(`${what}: marks ${keysOf(await marksOf(page, 'explorer'))} ≠ ${s.keys}`));
        assert.equal(await title(page), s.title, `${what}: title`);
      };
      await page.goBack();
      await expect(s1, 'back once');
      assert.equal(await page.locator('select[data-testid=sort]').inputValue(), 'value', 'the sort select follows');
      await page.goBack();
      await expect(s0, 'back twice');
      assert.equal(await page.locator('select[data-testid=metric]').inputValue(), 'cooperatives', 'the metric select follows');
      await page.goForward();
      await expect(s1, 'forward once');
      await page.goForward();
      await expect(s2, 'forward twice');
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('bad parameters (?m=foo&c=pie&d=1800) give a notice naming them and the default chart', T, async () => {
    const ref = await openExplorer();
    const defaultKeys = keysOf(await marksOf(ref, 'explorer'));
    await closePage(ref);
    const page = await openExplorer('?m=foo&c=pie&d=1800');
    try {
      const notice = page.locator('[data-testid=param-notice]');
      await notice.waitFor();
      const text = await notice.innerText();
      for (const p of ['m=“foo”', 'c=“pie”', 'd=“1800”']) assert.ok(text.includes(p), `the notice names ${p}: ${JSON.stringify(text)}`);
      assert.equal(await notice.locator('li').count(), 3, 'one line per bad parameter');
      assert.deepEqual(keysOf(await marksOf(page, 'explorer')), defaultKeys, 'the default chart is drawn');
      assert.ok((await canvasInkRatio(page, EXPLORER_CANVAS)) > 0.02, 'the default chart has ink');
      assert.equal(await page.locator('button[data-kind=bars]').getAttribute('aria-pressed'), 'true');
      await explorerShot(page, 'param-notice');
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });
});

/** A small dataset in the app's format: three provinces, two sources, a few cooperative counts. */
function smallDataset() {
  const real = readDataset();
  const areas = real.areas.filter((a) => ['VN', 'P01', 'P20', 'P24'].includes(a.code));
  return {
    format: 'htx-charts/1',
    title: 'Tệp thử của một cổng tỉnh',
    updated: '2026-01-15',
    sources: [
      { id: 'src-a', publisher: 'Cổng thử A', title: 'Báo cáo thử A', url: 'https://example.org/a', published: '2025-06' },
      { id: 'src-b', publisher: 'Cổng thử B', title: 'Báo cáo thử B', published: '2024' },
    ],
    areas,
    observations: [
      { area: 'P20', date: '2025', metric: 'cooperatives', value: 512, qualifier: 'exact', unit: 'cooperatives', source: 'src-a', quote: 'Tỉnh có 512 HTX.' },
      { area: 'P24', date: '2025', metric: 'cooperatives', value: 1999, qualifier: 'about', unit: 'cooperatives', source: 'src-a', quote: 'Khoảng 1.999 HTX.' },
      { area: 'P01', date: '2024', metric: 'cooperatives', value: 1500, qualifier: 'more_than', unit: 'cooperatives', source: 'src-b', quote: 'Hơn 1.500 HTX.' },
      { area: 'P20', date: '2024', metric: 'cooperatives', value: 490, qualifier: 'exact', unit: 'cooperatives', source: 'src-b', quote: 'Có 490 HTX.' },
    ],
  };
}

describe('explorer: ?data= from another origin', () => {
  let data;
  before(async () => {
    const good = JSON.stringify(smallDataset());
    const routes = {
      '/good.json': [200, good],
      '/bad.json': [200, '{"format": "htx-charts/1", "areas": ['],
      // the same file with its counts of members in place of counts of cooperatives
      '/members.json': [200, good.replaceAll('"metric":"cooperatives"', '"metric":"members"').replaceAll('"unit":"cooperatives"', '"unit":"persons"')],
    };
    const server = http.createServer((req, res) => {
      const p = new URL(req.url, 'http://x').pathname;
      const [status, body] = routes[p] ?? [404, `Not Found: ${p}\n`];
      res.writeHead(status, {
        'Content-Type': status === 200 ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
        'Access-Control-Allow-Origin': '*',
        'Cache-Control': 'no-cache',
        'Content-Length': Buffer.byteLength(body),
      });
      res.end(body);
    });
    server.keepAliveTimeout = 1000;
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    data = {
      url: `http://127.0.0.1:${server.address().port}/`,
      stop: () => new Promise((r) => { server.close(() => r()); server.closeAllConnections?.(); }),
    };
  });
  after(async () => data?.stop());

  const withData = (u) => `?data=${encodeURIComponent(u)}`;

  it('a file without counts of cooperatives opens on its own metric, and the menu shows that one', T, async () => {
    const page = await openExplorer(withData(`${data.url}members.json`));
    try {
      assert.equal(await page.locator('select[data-testid=metric]').inputValue(), 'members');
      assert.match(await page.locator(`${EXPLORER} .chart-title`).innerText(), /thành viên/i);
      assert.deepEqual(keysOf(await marksOf(page, 'explorer')), ['P24', 'P01', 'P20']);
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('slides of a file show that file: the deck and its link carry it; a slide of other data is refused; Clear can be undone', T, async () => {
    const fileUrl = `${data.url}good.json`;
    const page = await openExplorer(withData(fileUrl));
    try {
      const status = page.locator('[data-testid=share-status]');
      await page.locator('[data-testid=add-slide]').click();
      await status.getByText('(trang 1)').waitFor();
      await page.locator('[data-testid=add-slide]').click();
      await status.getByText('đã có trong trình chiếu (trang 1)').waitFor();
      const panel = page.locator('[data-testid=deck-panel]');
      await panel.locator('summary').click();
      assert.ok((await page.locator('[data-testid=deck-data]').innerText()).includes(fileUrl), 'the panel names the deck\'s file');
      const href = await page.locator('[data-testid=present-deck]').getAttribute('href');
      assert.equal(new URL(href).searchParams.get('data'), fileUrl, href);
      // the sources page, from the chart and from a tooltip, lists the file's sources
      const all = new URL(await page.locator(`${EXPLORER} [data-testid=all-sources]`).getAttribute('href'), page.url());
      assert.equal(all.searchParams.get('data'), fileUrl, all.href);
      await hoverMark(page, 'explorer', 'P20');
      const entry = new URL(await tooltip(page).locator('a.source-entry-link').getAttribute('href'), page.url());
      assert.equal(entry.searchParams.get('data'), fileUrl, entry.href);
      assert.equal(entry.hash, '#src-a');

      const slide = await newPage(browser, { viewport: { width: 1280, height: 720 } });
      try {
        await slide.goto(href);
        await slide.locator('figure[data-chart=slide] canvas[data-drawn="1"]').waitFor();
        const marks = JSON.parse(await slide.locator('figure[data-chart=slide] canvas').getAttribute('data-marks'));
        assert.deepEqual(keysOf(marks), ['P24', 'P01', 'P20'], 'the file\'s provinces, not the bundled ones');
        assert.ok((await slide.locator('figure[data-chart=slide] figcaption').innerText()).includes(fileUrl), 'the slide names the file');
        const leave = new URL(await slide.locator('[data-testid=leave]').getAttribute('href'));
        assert.equal(leave.searchParams.get('data'), fileUrl, 'back to the explorer with the same file');
        assertNoErrors(slide);
      } finally {
        await closePage(slide);
      }

      // the app's own data cannot join this deck
      await page.goto(site.url);
      await waitForExplorer(page);
      await page.locator('[data-testid=add-slide]').click();
      await status.getByText('số liệu khác').waitFor();
      await page.locator('[data-testid=deck-panel] summary').click();
      assert.equal(await page.locator('[data-testid=deck-list] li').count(), 1);
      await page.locator('[data-testid=clear-deck]').click();
      assert.equal(await page.locator('[data-testid=deck-list] li').count(), 0);
      await page.locator('[data-testid=undo-clear]').click();
      assert.equal(await page.locator('[data-testid=deck-list] li').count(), 1, 'undone');
      await page.locator('[data-testid=clear-deck]').click();
      await page.locator('[data-testid=add-slide]').click();
      await status.getByText('(trang 1)').waitFor();
      assert.equal(await page.locator('[data-testid=deck-data]').count(), 0, 'a cleared deck takes the app\'s data');
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('a good file from another origin draws, and the source line names its URL', T, async () => {
    const fileUrl = `${data.url}good.json`;
    const page = await openExplorer(withData(fileUrl));
    try {
      const marks = await marksOf(page, 'explorer');
      assert.deepEqual(keysOf(marks), ['P24', 'P01', 'P20'], 'the three provinces of the file, largest first');
      const source = await page.locator(`${EXPLORER} figcaption.source-line`).innerText();
      assert.ok(source.includes(`Tệp dữ liệu: ${fileUrl}`), `the source line names the file: ${JSON.stringify(source)}`);
      assert.match(source, /Cổng thử A/);
      assert.equal(await page.locator('[data-testid=load-error]').count(), 0);
      // its figure, not the bundled one (478)
      await hoverMark(page, 'explorer', 'P20');
      await tooltip(page).waitFor({ state: 'visible', timeout: 5_000 });
      assert.match(await tooltip(page).innerText(), /512/);
      // a control change keeps ?data=
      const y2024 = await changeExplorer(page, () => page.selectOption('select[data-testid=date]', '2024'));
      assert.deepEqual(keysOf(y2024), ['P01', 'P20'], 'the file\'s 2024 figures');
      assert.equal(queryOf(page).data, fileUrl, 'the data parameter is kept');
      assert.equal(queryOf(page).d, '2024');
      await page.mouse.move(0, 0);
      await explorerShot(page, 'data-good');
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  for (const [name, file, pattern] of [
    ['a malformed file', 'bad.json', /JSON/],
    ['a 404', 'missing.json', /HTTP 404/],
  ]) {
    it(`${name} shows load-error; "use bundled" brings the bundled data back`, T, async () => {
      const page = await newPage(browser);
      try {
        await page.goto(new URL(withData(`${data.url}${file}`), site.url).href, { waitUntil: 'load' });
        const err = page.locator('[data-testid=load-error]');
        await err.waitFor({ timeout: 30_000 });
        const text = await err.innerText();
        assert.match(text, /Không tải được dữ liệu/);
        assert.match(text, pattern, `the error says why: ${JSON.stringify(text)}`);
        assert.ok(text.includes(`${data.url}${file}`), `the error names the address: ${JSON.stringify(text)}`);
        await page.locator('[data-testid=use-bundled]').click();
        await waitForCharts(page);
        await waitForExplorer(page);
        assert.equal(queryOf(page).data, undefined, 'the data parameter is gone from the URL');
        assert.equal(await page.locator('[data-testid=load-error]').count(), 0);
        assert.ok((await marksOf(page, 'explorer')).some((m) => m.key === 'P20'), 'the bundled data is shown');
        assert.deepEqual(page.pageErrors, []);
      } finally {
        await closePage(page);
      }
    });
  }

  it('?data=javascript:alert(1) is refused without navigating to it', T, async () => {
    const page = await newPage(browser);
    const dialogs = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      d.dismiss().catch(() => {});
    });
    try {
      const start = new URL(withData('javascript:alert(1)'), site.url).href;
      await page.goto(start, { waitUntil: 'load' });
      const err = page.locator('[data-testid=load-error]');
      await err.waitFor({ timeout: 30_000 });
      assert.match(await err.innerText(), /không hợp lệ/);
      // the error is shown only after the address was refused: an alert would have come first
      assert.deepEqual(dialogs, [], 'no alert');
      assert.ok(page.url().startsWith(site.url), `still on the app: ${page.url()}`);
      assert.equal(queryOf(page).data, 'javascript:alert(1)');
      assert.equal(await page.locator('[data-testid=use-bundled]').count(), 1);
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });
});

describe('explorer: search without diacritics', () => {
  it('"lang son" lists P20 first; "dak lak" finds P66; picking adds a chip', T, async () => {
    const page = await openExplorer();
    try {
      const search = page.locator('input[data-testid=area-search]');
      const results = page.locator('#area-results li[data-code]');
      await search.fill('lang son');
      await results.first().waitFor();
      assert.equal(await results.first().getAttribute('data-code'), 'P20', `first: ${await results.allInnerTexts()}`);
      assert.equal(await search.getAttribute('aria-expanded'), 'true');
      await search.fill('dak lak');
      await page.locator('#area-results li[data-code="P66"]').waitFor();
      const codes = await results.evaluateAll((ls) => ls.map((l) => l.dataset.code));
      assert.ok(codes.includes('P66'), `P66 among ${codes}`);
      assert.equal(codes[0], 'P66', `Đắk Lắk (current province) first: ${codes}`);
      await page.locator('#area-results li[data-code="P66"]').click();
      const chips = page.locator('[data-testid=area-chips] .chip');
      await chips.first().waitFor();
      assert.equal(await chips.count(), 1);
      assert.match(await chips.first().innerText(), /Đắk Lắk/);
      assert.equal(queryOf(page).a, 'P66');
      assert.equal(await results.count(), 0, 'the list closes');
      // Enter picks the first result
      await search.fill('LẠNG SƠN');
      await results.first().waitFor();
      await search.press('Enter');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=area-chips] .chip').length === 2);
      assert.equal(queryOf(page).a, 'P66,P20');
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });
});

describe('explorer: the tile map', () => {
  it('tile colours follow the data; clicking Lạng Sơn selects it', T, async () => {
    const page = await openExplorer('?c=map');
    try {
      const marks = await marksOf(page, 'explorer');
      const tile = (k) => marks.find((m) => m.key === k) ?? assert.fail(`no tile ${k}: ${keysOf(marks)}`);
      const p20 = tile('P20');
      const p24 = tile('P24');
      assert.ok(!marks.some((m) => m.key === 'P04'), 'Cao Bằng (no figure) has no mark');
      const c20 = await dominantColour(page, EXPLORER_CANVAS, p20);
      const c24 = await dominantColour(page, EXPLORER_CANVAS, p24);
      // Cao Bằng: row 0, column 3 of the grid; Lạng Sơn is row 1, column 3 and Bắc Ninh row 2, column 2
      const cell = p24.y - p20.y;
      assert.ok(cell > 0 && Math.abs(p20.x - p24.x - cell) < 1, `grid step ${cell}`);
      const p04 = { x: p20.x, y: p20.y - cell, w: p20.w, h: p20.h };
      const c04 = await dominantColour(page, EXPLORER_CANVAS, p04);
      const fmt = (c) => `rgb(${c.r},${c.g},${c.b}) ${(c.share * 100).toFixed(0)}%`;
      const [l20, l24, l04] = [c20, c24, c04].map(luminance);
      assert.ok(l24 < l20 - 0.05, `Bắc Ninh (2.086) ${fmt(c24)} is darker than Lạng Sơn (478) ${fmt(c20)}`);
      assert.ok(Math.max(c04.r, c04.g, c04.b) - Math.min(c04.r, c04.g, c04.b) <= 16, `the no-data tile is grey: ${fmt(c04)}`);
      assert.ok(l04 > 0.6, `the no-data tile is light: ${fmt(c04)}`);
      assert.ok(l04 < 0.97, `the no-data tile is not the white background: ${fmt(c04)}`);
      // the class colours of the legend: Bắc Ninh, the largest, is in the top class: the darkest tile
      const all = await Promise.all(marks.map((m) => dominantColour(page, EXPLORER_CANVAS, m)));
      const darkest = Math.min(...all.map(luminance));
      assert.ok(Math.abs(l24 - darkest) < 1e-9, `Bắc Ninh has the darkest tile (${fmt(c24)})`);

      // click Lạng Sơn's tile
      const box = await page.locator(EXPLORER_CANVAS).boundingBox();
      const after = await changeExplorer(page, () => page.mouse.click(box.x + p20.x + p20.w / 2, box.y + p20.y + p20.h / 2));
      await waitForQuery(page, (q) => q.a === 'P20', 'a=P20');
      assert.equal(queryOf(page).c, undefined, 'the chart kind goes back to bars');
      assert.equal(await page.locator('button[data-kind=bars]').getAttribute('aria-pressed'), 'true');
      assert.deepEqual(keysOf(after), ['P20'], 'one bar: Lạng Sơn');
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('on a phone a first tap on a tile shows its figure and keeps the map; a second tap opens it', T, async () => {
    const page = await newPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      await page.goto(new URL('?c=map', site.url).href, { waitUntil: 'load' });
      await waitForExplorer(page);
      const marks = await marksOf(page, 'explorer');
      const p20 = marks.find((m) => m.key === 'P20') ?? assert.fail(`no tile P20: ${keysOf(marks)}`);
      await page.locator(EXPLORER_CANVAS).scrollIntoViewIfNeeded();
      const tap = async () => {
        const box = await page.locator(EXPLORER_CANVAS).boundingBox();
        await page.touchscreen.tap(box.x + p20.x + p20.w / 2, box.y + p20.y + p20.h / 2);
      };
      await tap();
      await tooltip(page).waitFor();
      assert.match(await tooltip(page).innerText(), /Lạng Sơn/);
      assert.match(await page.locator(`${EXPLORER} [data-testid=tooltip-hint]`).innerText(), /Bấm vào ô này để xem riêng Tỉnh Lạng Sơn\./);
      assert.equal(queryOf(page).a, undefined, 'the first tap changes nothing in the address');
      assert.equal(queryOf(page).c, 'map', 'still the map');
      await tap();
      await waitForQuery(page, (q) => q.a === 'P20', 'a=P20');
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });
});

describe('explorer: keyboard', () => {
  it('Tab into the canvas, ArrowDown twice names the third bar; Escape hides the tooltip', T, async () => {
    const page = await openExplorer();
    try {
      const marks = await marksOf(page, 'explorer');
      const order = [...marks].sort((a, b) => a.y - b.y);
      assert.ok(order.length >= 3, 'at least three bars');
      await page.locator('button[data-kind=table]').focus();
      await page.keyboard.press('Tab');
      const onCanvas = await page.evaluate((sel) => document.activeElement === document.querySelector(sel), EXPLORER_CANVAS);
      assert.ok(onCanvas, `Tab from the last control lands on the explorer canvas (active: ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))})`);
      const tip = tooltip(page);
      const shortName = (label) => label.replace(/\s*\(.*\)$/, '');
      const expectTip = async (i) => {
        await tip.waitFor({ state: 'visible', timeout: 5_000 });
        const name = shortName(order[i].label);
        await page
          .waitForFunction(([sel, n]) => document.querySelector(sel)?.innerText.includes(n), [`${EXPLORER} [data-testid=tooltip]`, name], { timeout: 5_000 })
          .catch(async () => assert.fail(`tooltip names bar ${i + 1} (${name}): ${JSON.stringify(await tip.innerText())}`));
      };
      await expectTip(0);
      await page.keyboard.press('ArrowDown');
      await expectTip(1);
      await page.keyboard.press('ArrowDown');
      await expectTip(2);
      const text = await tip.innerText();
      assert.ok(!text.includes(shortName(order[1].label)) || shortName(order[1].label).includes(shortName(order[2].label)), 'the tooltip no longer names the second bar');
      // End: the last bar, far down the page; the page scrolls to its tooltip
      await page.keyboard.press('End');
      await expectTip(order.length - 1);
      await page
        .waitForFunction((sel) => {
          const r = document.querySelector(sel)?.getBoundingClientRect();
          return r && r.top >= 0 && r.bottom <= window.innerHeight;
        }, `${EXPLORER} [data-testid=tooltip]`, { timeout: 5_000 })
        .catch(() => assert.fail('the tooltip of the last bar is scrolled into view'));
      await page.keyboard.press('Escape');
      await tip.waitFor({ state: 'hidden', timeout: 5_000 });
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });
});

describe('explorer: screenshot of the default view', () => {
  it('default view', T, async () => {
    const page = await openExplorer();
    try {
      assert.ok((await canvasInkRatio(page, EXPLORER_CANVAS)) > 0.02);
      const redraw = await page.locator(EXPLORER_CANVAS).getAttribute('data-painted-at');
      assert.ok(Number(redraw) > 0, 'data-painted-at is set');
      await explorerShot(page, 'default');
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });
});
