// End-to-end tests of the explorer's share bar in Debian chromium: PNG, SVG and CSV downloads
// (files decoded and checked against the chart on screen), copy link, print (print stylesheet and
// a real PDF). Run: `node --test e2e/share.test.mjs` after `trunk build --release`.
// Downloads and screenshots land in e2e/out/share-*.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  startSite,
  launchBrowser,
  newPage,
  closePage,
  screenshot,
  readDataset,
  EXPLORER,
  EXPLORER_CANVAS,
  waitForExplorer,
  marksOf,
  explorerTableRows,
  OUT,
  withSite,
  assertNoErrors,
} from './helpers.mjs';
import { pngInfo, pngChunks, parseCsv, downloadFrom, pngInkInBrowser } from './share-helpers.mjs';

const T = { timeout: 90_000 };
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

let site;
let browser;
withSite((s, b) => {
  site = s;
  browser = b;
});

async function openExplorer(query = '', opts) {
  const page = await newPage(browser, opts);
  await page.goto(new URL(query, site.url).href, { waitUntil: 'load' });
  await waitForExplorer(page);
  return page;
}

const chartTitle = (page) => page.locator(`${EXPLORER} h2.chart-title`).innerText();
const status = (page) => page.locator('[data-testid=share-status]');

/** The observation of Lạng Sơn's 478 cooperatives in the served dataset, with its source. */
function langSon() {
  const ds = readDataset();
  const obs = ds.observations.find((o) => o.area === 'P20' && o.metric === 'cooperatives' && o.value === 478);
  assert.ok(obs, 'the dataset has Lạng Sơn (P20) = 478 cooperatives');
  const source = ds.sources.find((s) => s.id === obs.source);
  assert.ok(source, `the dataset has source ${obs.source}`);
  return { obs, source };
}

const unescapeXml = (s) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&');

describe('share bar: downloads, copy link, print', () => {
  it('PNG: twice the on-screen width, a sensible height, a real image with ink', T, async () => {
    const page = await openExplorer();
    try {
      const fig = await page.locator(EXPLORER).evaluate((f) => ({ client: f.clientWidth, box: f.getBoundingClientRect().width }));
      const canvas = await page.locator(EXPLORER_CANVAS).boundingBox();
      const { name, bytes } = await downloadFrom(page, '[data-testid=download-png]', 'share-explorer.png');
      assert.match(name, /^htx-charts-[a-z0-9-]+\.png$/, `file name: ${name}`);
      const info = pngInfo(bytes);
      const chunks = pngChunks(bytes);
      assert.equal(chunks[0], 'IHDR');
      assert.equal(chunks.at(-1), 'IEND', 'the PNG is complete (ends with IEND)');
      // The app draws at css width = figure's client width − 32 px of padding, times 2 × devicePixelRatio.
      const cssWidth = fig.client - 32;
      console.log(`# PNG ${name}: ${info.width}×${info.height} px, ${bytes.length} bytes; figure ${fig.client} px wide, canvas ${canvas.width}×${canvas.height} CSS px`);
      assert.ok(info.width >= 2 * cssWidth - 1, `PNG width ${info.width} ≥ 2 × (${fig.client} − 32) = ${2 * cssWidth}`);
      assert.ok(info.width >= 2 * canvas.width - 2, `PNG width ${info.width} ≥ 2 × the canvas's CSS width ${canvas.width}`);
      assert.ok(info.width <= 2 * fig.box + 2, `PNG width ${info.width} is not wider than 2 × the figure (${fig.box})`);
      // framed: the title above and the source line, dates and the app's name below the chart
      assert.ok(info.height >= 2 * canvas.height, `PNG height ${info.height} ≥ 2 × the canvas's height ${canvas.height} (the frame adds a title and the sources)`);
      assert.ok(info.height <= 2 * canvas.height + 2 * 600, `PNG height ${info.height} is not absurdly taller than the chart (${canvas.height} CSS px)`);
      const decoded = await pngInkInBrowser(page, bytes);
      assert.equal(decoded.width, info.width, 'the browser decodes the PNG at the size in its header');
      assert.ok(decoded.ink > 0.02, `the PNG has ink (${(decoded.ink * 100).toFixed(1)} % non-white pixels)`);
      assert.ok(decoded.transparent < 0.05, `the PNG has an opaque background (${(decoded.transparent * 100).toFixed(1)} % transparent pixels)`);
      await status(page).getByText(/PNG/).waitFor();
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('SVG: the chart title, Lạng Sơn’s 478, the app’s name and the source line', T, async () => {
    const page = await openExplorer();
    try {
      const title = (await chartTitle(page)).trim();
      const { name, bytes } = await downloadFrom(page, '[data-testid=download-svg]', 'share-explorer.svg');
      assert.match(name, /^htx-charts-[a-z0-9-]+\.svg$/, `file name: ${name}`);
      const svg = bytes.toString('utf8');
      assert.match(svg, /<svg[\s>]/, 'the file is an SVG');
      assert.match(svg, /xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, 'the SVG has its namespace (opens in any viewer)');
      const texts = [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((m) => unescapeXml(m[1].replace(/<[^>]+>/g, '')).trim());
      const all = texts.join(' ').replace(/\s+/g, ' ');
      assert.ok(all.includes(title.replace(/\s+/g, ' ')), `the SVG's text has the chart title ${JSON.stringify(title)}; its text starts: ${JSON.stringify(all.slice(0, 300))}`);
      assert.ok(texts.some((t) => /(^|\D)478(\D|$)/.test(t)), 'the SVG shows 478 (Lạng Sơn)');
      assert.ok(texts.some((t) => t.includes('Lạng Sơn')), 'the SVG names Lạng Sơn');
      assert.ok(all.includes('HTX Charts'), "the SVG has the app's name");
      assert.ok(all.includes('Nguồn'), 'the SVG has the source line (Nguồn…)');
      // it parses as XML in the browser
      const parsed = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        const err = doc.querySelector('parsererror');
        return { ok: !err, error: err?.textContent ?? '', w: doc.documentElement.getAttribute('width'), h: doc.documentElement.getAttribute('height') };
      }, svg);
      assert.ok(parsed.ok, `the SVG is well-formed XML: ${parsed.error}`);
      console.log(`# SVG ${name}: ${bytes.length} bytes, ${parsed.w}×${parsed.h}, ${texts.length} text elements`);
      // render it for a look
      const img = await newPage(browser, { viewport: { width: Number(parsed.w) || 900, height: Number(parsed.h) || 700 } });
      try {
        await img.setContent(`<body style="margin:0">${svg.replace(/^<\?xml[^>]*>/, '')}</body>`);
        await screenshot(img, 'share-svg-rendered');
      } finally {
        await closePage(img);
      }
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('CSV: BOM, RFC 4180, one row per figure of the chart, Lạng Sơn = 478 with its source', T, async () => {
    const page = await openExplorer('?a=p34');
    try {
      const { name, bytes } = await downloadFrom(page, '[data-testid=download-csv]', 'share-explorer.csv');
      assert.match(name, /^htx-charts-[a-z0-9-]+\.csv$/, `file name: ${name}`);
      assert.ok(bytes.subarray(0, 3).equals(BOM), `the CSV starts with the UTF-8 BOM; it starts with ${bytes.subarray(0, 3).toString('hex')}`);
      const text = bytes.subarray(3).toString('utf8');
      assert.ok(text.includes('\r\n'), 'CRLF line ends (RFC 4180)');
      const rows = parseCsv(text);
      const [header, ...data] = rows;
      // Vietnamese header (the page is in Vietnamese): area, value, qualifier, unit, date, source
      const col = (h) => header.indexOf(h);
      for (const h of ['Mã địa bàn', 'Địa bàn', 'Giá trị', 'Mức chính xác', 'Đơn vị', 'Thời điểm', 'Nơi công bố', 'Tiêu đề nguồn', 'Địa chỉ nguồn']) {
        assert.ok(col(h) >= 0, `the header has ${JSON.stringify(h)}: ${JSON.stringify(header)}`);
      }
      for (const [i, r] of data.entries()) assert.equal(r.length, header.length, `row ${i + 1} has ${header.length} cells: ${JSON.stringify(r)}`);
      const tableRows = await explorerTableRows(page);
      const marks = await marksOf(page, 'explorer');
      console.log(`# CSV ${name}: ${data.length} data rows, ${header.length} columns; table ${tableRows.length} rows; canvas ${marks.length} marks`);
      assert.equal(data.length, tableRows.length, `one CSV row per row of the figures table (${tableRows.length})`);
      assert.equal(data.length, marks.length, `one CSV row per bar of the chart (${marks.length})`);
      const codes = data.map((r) => r[col('Mã địa bàn')]);
      // a second figure of one area at the same date (Cà Mau end 2025: 608 and 493) has the row key "P96#2"
      assert.deepEqual([...codes].sort(), tableRows.map((r) => r.key.replace(/#\d+$/, '')).sort(), 'the CSV has the same areas as the table');
      const { obs, source } = langSon();
      const ls = data.find((r) => r[col('Mã địa bàn')] === 'P20');
      assert.ok(ls, 'the CSV has a row for Lạng Sơn (P20)');
      assert.match(ls[col('Địa bàn')], /Lạng Sơn/);
      assert.equal(ls[col('Giá trị')], '478', 'Lạng Sơn: 478, a plain number');
      assert.equal(ls[col('Thời điểm')], obs.date, 'Lạng Sơn: its date as in the data file');
      assert.equal(ls[col('Nơi công bố')], source.publisher, 'Lạng Sơn: its source publisher');
      assert.equal(ls[col('Tiêu đề nguồn')], source.title, 'Lạng Sơn: its source title');
      if (source.url) assert.equal(ls[col('Địa chỉ nguồn')], source.url, 'Lạng Sơn: its source URL');
      if (obs.quote) assert.equal(ls[col('Trích dẫn')], obs.quote, 'Lạng Sơn: the quoted sentence survives the quoting');
      // no cell is a formula
      for (const r of data) for (const c of r) assert.ok(!/^[=+@\t\r]/.test(c) && !/^-[^0-9]/.test(c), `no formula-like cell: ${JSON.stringify(c)}`);
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('CSV in English (?lang=en): English header with area/value/qualifier/unit/date/source', T, async () => {
    const page = await openExplorer('?lang=en');
    try {
      const { bytes } = await downloadFrom(page, '[data-testid=download-csv]', 'share-explorer-en.csv');
      const [header, ...data] = parseCsv(bytes.subarray(3).toString('utf8'));
      for (const h of ['Area code', 'Area', 'Value', 'Qualifier', 'Unit', 'Date']) assert.ok(header.includes(h), `header has ${h}: ${JSON.stringify(header)}`);
      assert.ok(header.some((h) => /^Source/.test(h)), `header has source columns: ${JSON.stringify(header)}`);
      assert.ok(data.length > 0);
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('CSV in mode=per_coop: Lạng Sơn holds the computed charter capital per cooperative and names both sources', T, async () => {
    const page = await openExplorer('?m=charter_capital&mode=per_coop');
    try {
      const { bytes } = await downloadFrom(page, '[data-testid=download-csv]', 'share-explorer-per-coop.csv');
      const [header, ...data] = parseCsv(bytes.subarray(3).toString('utf8'));
      const col = (h) => header.indexOf(h);
      const ls = data.find((r) => r[col('Mã địa bàn')] === 'P20');
      assert.ok(ls, `the CSV has a row for Lạng Sơn: ${JSON.stringify(data.map((r) => r[0]))}`);
      // 1.017,52 tỷ đồng ÷ 478 HTX = 2 128 702 928.87… đồng per cooperative (the value as drawn)
      const value = Number(ls[col('Giá trị')]);
      assert.ok(Math.abs(value - 1017520000000 / 478) < 1, `per-cooperative value in đồng: ${ls[col('Giá trị')]}`);
      assert.match(ls[col('Đơn vị')], /\/HTX/, `the unit is per cooperative: ${ls[col('Đơn vị')]}`);
      assert.equal(ls[col('Số tính toán')], 'có', 'marked as computed');
      assert.match(ls[col('Cách tính')], /1\.017,52 tỷ đồng ÷ 478 HTX/, `how it was computed: ${ls[col('Cách tính')]}`);
      const data0 = readDataset();
      const inputs = data0.observations.filter((o) => o.area === 'P20' && o.date === '2023' && ['charter_capital', 'cooperatives'].includes(o.metric) && !o.sector);
      const sources = [...new Set(inputs.map((o) => data0.sources.find((s) => s.id === o.source).publisher))];
      for (const p of sources) assert.ok(ls[col('Nơi công bố')].includes(p), `names the source ${p}: ${ls[col('Nơi công bố')]}`);
      assert.equal(ls[col('Bản ghi')].split(' | ').length, 2, `both records: ${ls[col('Bản ghi')]}`);
      const marks = await marksOf(page, 'explorer');
      assert.equal(data.length, marks.length, 'one CSV row per bar drawn');
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('Copy link: the clipboard gets the page URL, and the status says so', T, async () => {
    const page = await openExplorer('?m=charter_capital');
    try {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
      await page.locator('[data-testid=copy-link]').click();
      const st = status(page);
      await st.getByText(/Đã chép liên kết/).waitFor({ timeout: 5_000 });
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, page.url(), 'the clipboard holds the page URL');
      assert.match(copied, /m=charter_capital/, 'the link holds the view');
      assert.equal(await st.getAttribute('role'), 'status', 'the status is announced (role=status)');
      // another chart: the message about the one before goes
      await page.selectOption('select[data-testid=metric]', 'members');
      await st.getByText(/Đã chép liên kết/).waitFor({ state: 'detached', timeout: 5_000 });
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('Copy link without clipboard permission: a clear message with the URL to copy by hand', T, async () => {
    const page = await openExplorer('?m=members');
    try {
      // make the Clipboard API fail as it does on an http page or a denied permission
      await page.evaluate(() => {
        navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
      });
      await page.locator('[data-testid=copy-link]').click();
      const st = status(page);
      await st.getByText(/Không chép được/).waitFor({ timeout: 5_000 });
      const text = await st.innerText();
      assert.ok(text.includes(page.url()), `the status shows the URL to copy by hand: ${JSON.stringify(text)}`);
      assert.deepEqual(page.pageErrors, []);
    } finally {
      await closePage(page);
    }
  });

  it('Print: controls and the share bar hidden, the chart and its table shown; a PDF', T, async () => {
    // six regions: a chart of a few rows and its table fit one A4 page (a chart of 45 areas and
    // its 45-row table take two)
    const page = await openExplorer('?a=regions');
    try {
      // the print button calls window.print(); stub it to check that it does, without a dialog
      await page.evaluate(() => {
        window.__printed = 0;
        window.print = () => {
          window.__printed++;
        };
      });
      await page.locator('[data-testid=print]').click();
      assert.equal(await page.evaluate(() => window.__printed), 1, 'the print button calls window.print()');
      await page.emulateMedia({ media: 'print' });
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      await page.waitForFunction(() => document.querySelector('figure[data-chart=explorer] details.chart-table')?.open === true, null, { timeout: 5_000 });
      const st = await page.evaluate((sel) => {
        const disp = (q) => {
          const el = document.querySelector(q);
          return el ? getComputedStyle(el).display : 'missing';
        };
        const table = document.querySelector(`${sel} [data-testid=figures-table]`);
        const r = table?.getBoundingClientRect();
        return {
          controls: disp('.controls'),
          shareBar: disp('.share-bar'),
          deckPanel: disp('.deck-panel'),
          figure: disp(sel),
          canvas: disp(`${sel} canvas`),
          tableDetailsOpen: table?.closest('details')?.open ?? null,
          table: table ? { w: r.width, h: r.height, display: getComputedStyle(table).display } : null,
        };
      }, EXPLORER);
      assert.equal(st.controls, 'none', '.controls hidden in print');
      assert.equal(st.shareBar, 'none', '.share-bar hidden in print');
      assert.equal(st.deckPanel, 'none', 'deck panel hidden in print');
      assert.notEqual(st.figure, 'none', 'the explorer figure is printed');
      assert.notEqual(st.canvas, 'none', 'the chart is printed');
      assert.ok(st.table && st.table.h > 50 && st.table.w > 100, `the figures table is visible in print: ${JSON.stringify(st.table)}`);
      await screenshot(page, 'share-print-media');
      const pdfFile = path.join(OUT, 'share-explorer.pdf');
      let pdf;
      try {
        pdf = await page.pdf({ path: pdfFile, format: 'A4', printBackground: true });
      } catch (err) {
        console.log(`# page.pdf is not available here: ${err.message.split('\n')[0]}`);
      }
      if (pdf) {
        assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-', 'the PDF starts with %PDF-');
        const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
        console.log(`# PDF: ${pdf.length} bytes, ${pages} page(s) (A4; the explorer's chart and its figures table)`);
        assert.equal(pages, 1, 'printing the six regions gives one page');
      }
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });
});
