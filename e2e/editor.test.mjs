// End-to-end test of the chart maker (tao.html): an editor pastes a table of five provinces with
// one misspelt name and one bad number, sees the two problems at their cells, fixes them, fills
// in the source, and takes the chart away as a link (opened in a fresh browser context), an
// embed code (in an iframe on another origin) and a JSON file (loaded back with ?data= and in
// the editor). Run: `node --test e2e/editor.test.mjs` after scripts/build.sh.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, launchBrowser, newPage, closePage, screenshot, marksOf, EXPLORER_CANVAS, assertNoErrors } from './helpers.mjs';
import { startFixtureServer, downloadFrom } from './share-helpers.mjs';

const T = { timeout: 120_000 };
const PREVIEW = 'figure.chart[data-chart="editor"]';
const TABLE = [
  'Tỉnh/thành\tNăm\tSố HTX',
  'Lạng Sơn\t2024\t478',
  'Sơn Laa\t2024\thơn 1.000',
  'TP. Hà Nội\t2024\t2.374',
  'Huế\t2024\t12x',
  'Quảng Ninh\t2024\tkhoảng 600',
].join('\n');
const PUBLISHER = 'Liên minh HTX tỉnh (thử nghiệm)';

let site;
let host;
let browser;

before(async () => {
  site = await startSite();
  host = await startFixtureServer(new URL(site.url).origin);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await host?.stop();
  await site?.stop();
});

/** The texts of the problems shown at cells, by cell ("row-col"). */
async function cellIssues(page) {
  return page.locator('td[data-cell]:has([data-testid=cell-issue])').evaluateAll((tds) =>
    tds.map((td) => [td.dataset.cell, td.querySelector('[data-testid=cell-issue]').innerText]),
  );
}

/** Whether the element is wholly inside the window. */
async function inView(page, selector) {
  return page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;
  });
}

async function fillSource(page) {
  await page.getByLabel('Đơn vị công bố', { exact: true }).fill(PUBLISHER);
  await page.getByLabel('Tiêu đề', { exact: true }).fill('Báo cáo tổng kết năm 2024');
  await page.getByLabel('Ngày công bố').fill('15/01/2025');
  await page.getByLabel('Câu hoặc bảng gốc chứa số liệu').fill('Bảng 1: Số HTX trên địa bàn đến 31/12/2024');
}

describe('chart maker', () => {
  it('paste, two problems at their cells, fix, chart; link in a fresh context; embed on another origin; JSON back', T, async () => {
    const page = await newPage(browser);
    try {
      // from the explorer's header, as a reader finds it
      await page.goto(site.url, { waitUntil: 'load' });
      await page.locator('[data-testid=nav-editor]').click();
      await page.waitForURL(/tao\.html$/);
      // nothing is red before she has been in a field; an empty required field she leaves is
      const publisher = page.locator('[data-testid=publisher]');
      await publisher.waitFor();
      assert.equal(await page.locator('.field.bad').count(), 0, 'no field marked before any input');
      assert.equal(await publisher.getAttribute('aria-invalid'), 'false');
      await publisher.focus();
      await publisher.blur();
      assert.equal(await publisher.getAttribute('aria-invalid'), 'true', 'left empty: marked');
      assert.equal(await page.locator('.field.bad').count(), 1);
      await page.getByLabel('Dán bảng vào đây (thay cho bảng hiện có)').fill(TABLE);
      await page.locator('[data-testid=read-table]').click();
      await fillSource(page);
      await page.locator('[data-testid=grid]').waitFor();
      let issues = await cellIssues(page);
      assert.equal(issues.length, 2, `two problems at cells: ${JSON.stringify(issues)}`);
      assert.equal(issues[0][0], '2-0', 'the misspelt name, at its cell');
      assert.match(issues[0][1], /Sơn Laa.*Tỉnh Sơn La/s, 'the reason names the close province');
      assert.equal(issues[1][0], '4-2', 'the bad number, at its cell');
      assert.match(issues[1][1], /x/, 'the reason quotes what is wrong');
      assert.equal(await page.locator('td[data-cell="4-2"] input').getAttribute('aria-invalid'), 'true');
      assert.ok(await page.locator('[data-testid=make-link]').isDisabled(), 'nothing to take away while problems are left');
      await screenshot(page, 'editor-problems');
      // the listed problem takes her to its cell: focused, and in view
      const listed = page.locator('[data-testid=editor-issues] [data-testid=issue-link]');
      assert.equal(await listed.count(), 2, 'both problems listed');
      await listed.filter({ hasText: 'Dòng 5, cột 3' }).click();
      assert.equal(await page.evaluate(() => document.activeElement?.closest('td[data-cell]')?.dataset.cell), '4-2', 'clicking the listed problem focuses its cell');
      assert.ok(await inView(page, 'td[data-cell="4-2"] input'), 'the cell is scrolled into view');
      await listed.filter({ hasText: 'Dòng 3, cột 1' }).click();
      assert.equal(await page.evaluate(() => document.activeElement?.closest('td[data-cell]')?.dataset.cell), '2-0');

      await page.locator('td[data-cell="2-0"] [data-testid=use-suggestion]').click();
      await page.locator('td[data-cell="4-2"] input').fill('120');
      await page.locator('td[data-cell] [data-testid=cell-issue]').first().waitFor({ state: 'detached' });
      issues = await cellIssues(page);
      assert.deepEqual(issues, [], 'no problem left');
      await page.locator(`${PREVIEW} canvas[data-drawn="1"]`).waitFor();
      const marks = await marksOf(page, 'editor');
      assert.equal(marks.length, 5, `five bars: ${marks.map((m) => m.label).join(', ')}`);
      const source = await page.locator(`${PREVIEW} figcaption.source-line`).innerText();
      assert.ok(source.includes(PUBLISHER), `the preview names the source: ${source}`);
      await screenshot(page, 'editor-fixed');

      await page.locator('[data-testid=make-link]').click();
      const link = await page.locator('[data-testid=out-link]').inputValue();
      assert.match(link, /#d=[A-Za-z0-9_-]+$/, `the link carries the data in its fragment: ${link.slice(0, 120)}`);
      const embedCode = await page.locator('[data-testid=out-embed]').inputValue();
      // with the script that fits the iframe to its content, as the explorer's embed dialog gives it
      assert.match(embedCode, /data-htx-embed><\/iframe>\n<script src="[^"]*embed\.js" async><\/script>$/, embedCode);
      // the frame is named by the chart's own title (what a screen reader says of it on the portal)
      const chartTitle = await page.locator(`${PREVIEW} .chart-title`).innerText();
      assert.ok(embedCode.includes(`title="${chartTitle}"`), `iframe titled “${chartTitle}”: ${embedCode}`);
      // the copy button puts exactly that code on the clipboard and says so
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
      await page.locator('[data-testid=copy-embed]').click();
      await page.locator('[data-testid=copy-embed]', { hasText: 'Đã chép' }).waitFor();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), embedCode, 'the clipboard holds the embed code');
      const editLink = await page.locator('[data-testid=edit-link]').getAttribute('href');
      const json = await downloadFrom(page, '[data-testid=download-json]', 'editor-dataset.json');
      assert.equal(JSON.parse(json.bytes.toString('utf8')).format, 'htx-charts/1');
      // the embed code for the file once published next to the article
      await page.locator('[data-testid=file-url]').fill('javascript:alert(1)');
      assert.equal(await page.locator('[data-testid=file-embed-code]').count(), 0, 'no code for a bad address');
      await page.locator('[data-testid=file-url]').fill('https://bao.example.vn/du-lieu/htx.json');
      const fileCode = await page.getByLabel('Mã nhúng theo tệp').inputValue();
      assert.match(fileCode, /embed\.html\?m=cooperatives&amp;a=[^"]*data=https(:|%3A)%2F%2Fbao\.example\.vn/, fileCode);
      await page.locator('[data-testid=copy-file-embed]').click();
      await page.locator('[data-testid=copy-file-embed]', { hasText: 'Đã chép' }).waitFor();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), fileCode, 'the clipboard holds the file embed code');
      assertNoErrors(page);

      // the link, in a fresh browser context: the same chart with the source line
      const fresh = await newPage(browser);
      try {
        await fresh.goto(link, { waitUntil: 'load' });
        await fresh.locator(`${EXPLORER_CANVAS}[data-drawn="1"]`).waitFor();
        const freshMarks = await marksOf(fresh, 'explorer');
        assert.deepEqual(freshMarks.map((m) => m.label).sort(), marks.map((m) => m.label).sort(), 'the same bars');
        const line = await fresh.locator('figure.chart[data-chart="explorer"] figcaption.source-line').innerText();
        assert.ok(line.includes(PUBLISHER), `source line: ${line}`);
        const edit = await fresh.locator('[data-testid=edit-in-maker]').getAttribute('href');
        assert.match(edit, /^tao\.html#d=/, 'the explorer offers to edit the table the link carries');
        assert.equal(await fresh.locator('figure.chart[data-chart="national-series"]').count(), 0, 'no key figures of the bundled data');
        await screenshot(fresh, 'editor-link-opened');
        assert.match(line, /Dữ liệu: do người tạo liên kết nhập/, `the link's data is named in Vietnamese: ${line}`);
        // the same link for an English reader names its origin in English
        const en = new URL(link);
        en.searchParams.set('lang', 'en');
        await fresh.goto(en.href, { waitUntil: 'load' });
        await fresh.locator(`${EXPLORER_CANVAS}[data-drawn="1"]`).waitFor();
        const enLine = await fresh.locator('figure.chart[data-chart="explorer"] figcaption.source-line').innerText();
        assert.match(enLine, /Data: entered by the link's author/, `English source line: ${enLine}`);
        assert.doesNotMatch(enLine, /liên kết/, 'no Vietnamese origin for English readers');
        // a slide of the link's table: the presentation link carries the table too
        await fresh.goto(link, { waitUntil: 'load' });
        await fresh.locator(`${EXPLORER_CANVAS}[data-drawn="1"]`).waitFor();
        await fresh.locator('[data-testid=add-slide]').click();
        await fresh.locator('[data-testid=share-status]').getByText('(trang 1)').waitFor();
        await fresh.locator('[data-testid=deck-panel] summary').click();
        const deckHref = await fresh.locator('[data-testid=present-deck]').getAttribute('href');
        assert.equal(new URL(deckHref).hash, new URL(link).hash, 'the deck link holds the table');
        await fresh.goto(deckHref, { waitUntil: 'load' });
        await fresh.locator('figure[data-chart=slide] canvas[data-drawn="1"]').waitFor();
        const slideMarks = JSON.parse(await fresh.locator('figure[data-chart=slide] canvas').getAttribute('data-marks'));
        assert.deepEqual(slideMarks.map((m) => m.label).sort(), marks.map((m) => m.label).sort(), 'the slide shows her bars');
        const leave = await fresh.locator('[data-testid=leave]').getAttribute('href');
        assert.equal(new URL(leave).hash, new URL(link).hash, 'back to the explorer with her table');
        assertNoErrors(fresh);
      } finally {
        await closePage(fresh);
      }

      // the embed code on a page of another origin
      const portal = await newPage(browser);
      try {
        await portal.goto(`${host.url}editor-host.html#${encodeURIComponent(embedCode)}`, { waitUntil: 'load' });
        const frame = portal.frameLocator('iframe');
        await frame.locator('figure.chart[data-chart="embed"] canvas[data-drawn="1"]').waitFor({ timeout: 30_000 });
        const line = await frame.locator('figcaption.source-line').innerText();
        assert.ok(line.includes(PUBLISHER), `the embed keeps the source line: ${line}`);
        await screenshot(portal, 'editor-embed-other-origin');
      } finally {
        await closePage(portal);
      }

      // the JSON file: with ?data= in the explorer, and back in the editor
      const reader = await newPage(browser);
      try {
        const url = `${site.url}data/editor-dataset.json`;
        await reader.route(url, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: json.bytes }));
        await reader.goto(`${site.url}?${new URL(link).search.slice(1)}&data=${encodeURIComponent(url)}`, { waitUntil: 'load' });
        await reader.locator(`${EXPLORER_CANVAS}[data-drawn="1"]`).waitFor();
        assert.equal((await marksOf(reader, 'explorer')).length, 5, 'the file draws the same five bars');
        await reader.goto(new URL('tao.html', site.url).href, { waitUntil: 'load' });
        await reader.locator('[data-testid=open-file]').setInputFiles(json.file);
        await reader.locator('td[data-cell="5-0"] input').waitFor();
        assert.equal(await reader.locator('#publisher').inputValue(), PUBLISHER, 'the source comes back');
        assert.equal(await reader.locator('td[data-cell="2-0"] input').inputValue(), 'Tỉnh Sơn La');
        await reader.locator(`${PREVIEW} canvas[data-drawn="1"]`).waitFor();
        // an edit link pasted into the address bar of the open chart maker brings its table in
        await reader.locator('td[data-cell="4-2"] input').fill('999');
        await reader.evaluate((hash) => { location.hash = hash; }, new URL(editLink, site.url).hash);
        await reader.waitForFunction(() => document.querySelector('td[data-cell="4-2"] input')?.value === '120');
        assert.equal(new URL(reader.url()).hash, '', 'the fragment is dropped once read: a reload keeps her edits');
        assertNoErrors(reader);
      } finally {
        await closePage(reader);
      }

      // the edit link brings the table back
      const again = await newPage(browser);
      try {
        await again.goto(new URL(editLink, site.url).href, { waitUntil: 'load' });
        await again.locator('td[data-cell="5-0"] input').waitFor();
        assert.equal(await again.locator('#publisher').inputValue(), PUBLISHER);
        assert.equal(await again.locator('td[data-cell="4-2"] input').inputValue(), '120');
        await again.locator('td[data-cell="4-2"] input').fill('121');
        await again.waitForFunction(() => location.hash === '');
        await again.reload({ waitUntil: 'load' });
        await again.locator('td[data-cell="5-0"] input').waitFor();
        assert.equal(await again.locator('td[data-cell="4-2"] input').inputValue(), '121', 'a reload keeps the edit');
        await screenshot(again, 'editor-reopened');
        // the chart maker is its own bundle: the site's other pages are loaded from the server
        await again.locator('.site-header .brand').click();
        await again.locator(`${EXPLORER_CANVAS}[data-drawn="1"]`).waitFor();
        assertNoErrors(again);
      } finally {
        await closePage(again);
      }
    } finally {
      await closePage(page);
    }
  });

  it('a wide table (one column per year) is read as one figure per area and year; problems at the cells she typed', T, async () => {
    const wide = [
      'Tỉnh\t2022\t2023\t2024',
      'Lạng Sơn\t120\t135\t150',
      'Sơn La\t1 056\t\t1.100',
      'Huế\t12\t13x\t14',
      'Quảng Ninh\t1\u00a0001\t1\u202f050\t1 087',
    ].join('\n');
    const page = await newPage(browser);
    try {
      await page.goto(new URL('tao.html', site.url).href, { waitUntil: 'load' });
      await page.getByLabel('Dán bảng vào đây (thay cho bảng hiện có)').fill(wide);
      await page.locator('[data-testid=read-table]').click();
      const note = page.locator('[data-testid=wide-note]');
      await note.waitFor();
      assert.match(await note.innerText(), /mỗi cột một năm \(2022, 2023, 2024\)/, 'she is told how the table was read');
      for (const col of [1, 2, 3]) {
        assert.equal(await page.locator(`[data-testid=role-${col}]`).inputValue(), 'by_date', `column ${col + 1} holds a year's values`);
      }
      // the red cell is the one she typed; the empty cell is no problem
      assert.deepEqual((await cellIssues(page)).map(([cell]) => cell), ['3-2'], 'one bad cell, where she typed it');
      assert.match((await cellIssues(page))[0][1], /x/);
      // a missing source field in the list takes her to the field
      await page.locator('[data-testid=editor-issues] [data-testid=issue-link]').filter({ hasText: 'Đơn vị công bố' }).click();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'publisher', 'the listed field is focused');
      assert.ok(await inView(page, '#publisher'), 'the field is scrolled into view');
      await fillSource(page);
      await page.locator('td[data-cell="3-2"] input').fill('13');
      await page.locator('[data-testid=editor-issues]').waitFor({ state: 'detached' });
      await page.locator(`${PREVIEW} canvas[data-drawn="1"]`).waitFor();
      const marks = await marksOf(page, 'editor');
      assert.equal(marks.length, 11, `every figure drawn, one per filled cell: ${marks.map((m) => m.label).join(', ')}`);
      assert.equal(await page.locator('#table-date').count(), 0, 'no table date asked for: the headers are the dates');
      await page.locator('[data-testid=grid]').scrollIntoViewIfNeeded();
      await screenshot(page, 'editor-wide');
      // a row removed (Huế): the rows after it move up, and its three figures leave the chart
      await page.getByRole('button', { name: 'Xoá dòng 4' }).click();
      await page.locator('td[data-cell="4-0"]').waitFor({ state: 'detached' });
      assert.equal(await page.locator('td[data-cell="3-0"] input').inputValue(), 'Quảng Ninh');
      await page.waitForFunction(() => JSON.parse(document.querySelector('figure.chart[data-chart="editor"] canvas')?.dataset.marks ?? '[]').length === 8);
      // in English, the same line in English
      await page.goto(new URL('tao.html?lang=en', site.url).href, { waitUntil: 'load' });
      await note.waitFor();
      assert.match(await note.innerText(), /one column per year \(2022, 2023, 2024\)/);
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('money: the unit is hers to choose (never đồng by default); a tiny amount names the unit she likely meant; a negative number is said to be negative', T, async () => {
    const page = await newPage(browser);
    try {
      await page.goto(new URL('tao.html', site.url).href, { waitUntil: 'load' });
      await page.getByLabel('Dán bảng vào đây (thay cho bảng hiện có)').fill('Tỉnh\tNăm\tGiá trị\nLạng Sơn\t2024\t450\nHuế\t2024\t1.234,5');
      await page.locator('[data-testid=read-table]').click();
      await fillSource(page);
      await page.locator('[data-testid=metric]').selectOption('charter_capital');
      const scale = page.locator('[data-testid=scale]');
      await scale.waitFor();
      // no unit is chosen for her: the menu says to choose, the field is marked, nothing is drawn
      assert.equal(await scale.inputValue(), '', 'no unit chosen by default');
      const scaleIssue = page.locator('.field:has(#scale) [data-testid=field-issue]');
      await scaleIssue.waitFor();
      assert.match(await scaleIssue.innerText(), /chọn đơn vị của các số trong bảng: đồng, nghìn, triệu hay tỷ đồng/);
      assert.equal(await scale.getAttribute('aria-invalid'), 'true');
      assert.ok(await page.locator('[data-testid=make-link]').isDisabled(), 'nothing to take away');
      // the preview names the metric she chose, without the caveats of an empty chart
      assert.match(await page.locator(`${PREVIEW} .chart-title`).innerText(), /^Vốn điều lệ/);
      assert.equal(await page.locator(`${PREVIEW} .caveats li`).count(), 0);
      const listed = page.locator('[data-testid=editor-issues] [data-testid=issue-link]').filter({ hasText: 'Số trong bảng tính bằng' });
      await listed.click();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'scale', 'the listed problem takes her to the menu');
      // đồng, chosen: both figures are far too small for a charter capital, and she is told what she likely meant
      await scale.selectOption('0');
      await page.locator('td[data-cell="2-2"] [data-testid=cell-issue]').waitFor();
      const issues = await cellIssues(page);
      assert.deepEqual(issues.map(([cell]) => cell), ['1-2', '2-2'], JSON.stringify(issues));
      assert.match(issues[0][1], /450 đồng là quá nhỏ cho “Vốn điều lệ” \(ít nhất 1 triệu đồng\): có phải 450 triệu đồng hoặc 450 tỷ đồng\?/);
      assert.match(issues[1][1], /1\.234,5 đồng là quá nhỏ.*1\.234,5 tỷ đồng/s);
      assert.equal(await page.locator('td[data-cell="2-2"] input').inputValue(), '1.234,5', 'her number is kept as typed');
      assert.ok(await page.locator('[data-testid=make-link]').isDisabled());
      await page.locator('[data-testid=grid]').scrollIntoViewIfNeeded();
      await screenshot(page, 'editor-money-too-small');
      // tỷ đồng: no problem left, two bars
      await scale.selectOption('9');
      await page.locator('[data-testid=editor-issues]').waitFor({ state: 'detached' });
      await page.locator(`${PREVIEW} canvas[data-drawn="1"]`).waitFor();
      assert.equal((await marksOf(page, 'editor')).length, 2);
      // a negative number is a number, and the cell says why it is refused
      await page.locator('td[data-cell="1-2"] input').fill('-12');
      const negative = page.locator('td[data-cell="1-2"] [data-testid=cell-issue]');
      await negative.waitFor();
      assert.match(await negative.innerText(), /“-12” là số âm: ở đây không nhận số âm/);
      assert.doesNotMatch(await negative.innerText(), /không phải là số/);
      await screenshot(page, 'editor-negative');
      await page.goto(new URL('tao.html?lang=en', site.url).href, { waitUntil: 'load' });
      await negative.waitFor();
      assert.match(await negative.innerText(), /“-12” is negative: negative values are not accepted here/);
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('a table too large for a link says so and offers the file', T, async () => {
    const provinces = ['Lạng Sơn', 'Sơn La', 'Hà Nội', 'Huế', 'Quảng Ninh', 'Cao Bằng', 'Điện Biên', 'Lai Châu', 'Thanh Hóa', 'Nghệ An'];
    const rows = ['Địa bàn\tThời điểm\tSố HTX'];
    let seed = 7;
    for (let i = 0; i < 1200; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      rows.push(`${provinces[i % 10]}\t${1 + (Math.floor(i / 10) % 12)}/${2000 + Math.floor(i / 120)}\t${seed % 5000}`);
    }
    const page = await newPage(browser);
    try {
      await page.goto(new URL('tao.html', site.url).href, { waitUntil: 'load' });
      await page.getByLabel('Dán bảng vào đây (thay cho bảng hiện có)').fill(rows.join('\n'));
      await page.locator('[data-testid=read-table]').click();
      await fillSource(page);
      await page.locator('td[data-cell="1200-2"] input').waitFor();
      await page.locator('[data-testid=editor-issues]').waitFor({ state: 'detached' });
      await page.locator('[data-testid=make-link]').click();
      const note = page.locator('[data-testid=too-large]');
      await note.waitFor();
      assert.match(await note.innerText(), /quá lớn.*8\.192.*tải tệp/s);
      assert.equal(await page.locator('[data-testid=out-link]').count(), 0, 'no link that would be cut off');
      assert.ok(await page.locator('[data-testid=download-json]').isEnabled(), 'the file is offered');
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('a damaged #d= link says so in the page', T, async () => {
    const page = await newPage(browser);
    try {
      await page.goto(`${site.url}#d=AAAA-not-deflate`, { waitUntil: 'load' });
      const error = page.locator('[data-testid=load-error]');
      await error.waitFor();
      assert.match(await error.innerText(), /#d=/);
    } finally {
      await closePage(page);
    }
  });
});
