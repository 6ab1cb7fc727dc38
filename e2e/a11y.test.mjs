// Every chart readable without seeing it (issue 11), in Debian chromium: axe-core on the explorer
// in every chart kind, the key figures, the embed (light and dark), a slide and the sources page
// (no violation of impact serious or critical); keyboard only to the Lạng Sơn bar and its
// tooltip; the live region announces a metric change; English parity of interface text.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { withSite, newPage, closePage, waitForCharts, EXPLORER_CANVAS, assertNoErrors } from './helpers.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const T = { timeout: 120_000 };
let site;
let browser;
withSite((s, b) => {
  site = s;
  browser = b;
});

/** Serious and critical axe violations of the page as it is now. */
async function violations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

async function drawn(page, selector = 'figure.chart canvas[data-drawn="1"]') {
  await page.locator(selector).first().waitFor({ timeout: 30_000 });
}

describe('accessibility', () => {
  const views = [
    ['explorer bars + key figures', '', 'all'],
    ['stacked', '?by=sector&c=stacked', 'explorer'],
    ['100 %', '?m=rating_share&c=pct', 'explorer'],
    ['line', '?a=vn&c=line', 'explorer'],
    ['map', '?c=map', 'explorer'],
    ['table', '?c=table', 'table'],
    ['English', '?lang=en', 'all'],
  ];
  for (const [name, query, wait] of views) {
    it(`axe: no serious or critical violation — ${name}`, T, async () => {
      const page = await newPage(browser);
      try {
        await page.goto(`${site.url}${query}`, { waitUntil: 'load' });
        if (wait === 'all') await waitForCharts(page);
        else if (wait === 'table') await page.locator('figure[data-chart=explorer] .chart-table.open table').waitFor();
        else await drawn(page, EXPLORER_CANVAS + '[data-drawn="1"]');
        const v = await violations(page);
        assert.deepEqual(v, [], `axe on ${name}`);
      } finally {
        await closePage(page);
      }
    });
  }

  for (const [name, path] of [['embed light', 'embed.html?m=charter_capital'], ['embed dark', 'embed.html?m=charter_capital&theme=dark'], ['slide', 'present.html?slide=3'], ['sources page', 'nguon.html']]) {
    it(`axe: no serious or critical violation — ${name}`, T, async () => {
      const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
      try {
        await page.goto(new URL(path, site.url).href, { waitUntil: 'load' });
        if (path.startsWith('nguon')) await page.locator('[data-testid=source-entry]').first().waitFor();
        else await drawn(page);
        assert.deepEqual(await violations(page), [], `axe on ${name}`);
      } finally {
        await closePage(page);
      }
    });
  }

  it('axe: no serious or critical violation — chart maker with a pasted table and its problems', T, async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(new URL('tao.html', site.url).href, { waitUntil: 'load' });
      await page.locator('#paste').fill('Tỉnh\tNăm\tSố HTX\nLạng Sơn\t2024\t478\nSơn Laa\t2024\t12x\n');
      await page.locator('[data-testid=read-table]').click();
      await page.locator('[data-testid=cell-issue]').first().waitFor();
      await page.locator('figure.chart[data-chart="editor"] canvas[data-drawn="1"]').waitFor();
      assert.deepEqual(await violations(page), [], 'axe on the chart maker');
    } finally {
      await closePage(page);
    }
  });

  it('keyboard only: Tab to the explorer chart, arrows to the Lạng Sơn bar, its tooltip is read', T, async () => {
    const page = await newPage(browser);
    try {
      await page.goto(`${site.url}?a=p34&sort=name`, { waitUntil: 'load' });
      await drawn(page, EXPLORER_CANVAS + '[data-drawn="1"]');
      // the skip link is the first stop and takes the keyboard to the chart
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'skip-link');
      await page.keyboard.press('Enter');
      assert.ok(await page.evaluate((sel) => document.activeElement === document.querySelector(sel), EXPLORER_CANVAS), 'the chart has the keyboard');
      // the tall chart is shown with its title, not from the canvas's top edge
      await page.waitForFunction(() => document.querySelector('figure[data-chart=explorer] .chart-head').getBoundingClientRect().top >= 0, undefined, { timeout: 5_000 });
      const marks = JSON.parse(await page.locator(EXPLORER_CANVAS).getAttribute('data-marks'));
      const order = [...marks].sort((a, b) => a.y - b.y).map((m) => m.key);
      const target = order.indexOf('P20');
      assert.ok(target >= 0, 'Lạng Sơn is drawn');
      for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
      const tip = page.locator('figure[data-chart=explorer] [data-testid=tooltip]');
      await tip.waitFor();
      assert.match(await tip.innerText(), /478/);
      const spoken = await page.locator('figure[data-chart=explorer] [data-testid=mark-announcer]').innerText();
      assert.match(spoken, /Lạng Sơn: 478 HTX \(2023\)/, `announced: ${spoken}`);
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('a metric change is announced once in the polite live region', T, async () => {
    const page = await newPage(browser);
    try {
      await page.goto(site.url, { waitUntil: 'load' });
      await waitForCharts(page);
      const live = page.locator('[data-testid=view-announcer]');
      assert.equal(await live.getAttribute('aria-live'), 'polite');
      await page.selectOption('select[data-testid=metric]', 'charter_capital');
      await page.waitForFunction(() => /Vốn điều lệ/.test(document.querySelector('[data-testid=view-announcer]').textContent));
      assert.match(await live.innerText(), /^Đang hiển thị: Vốn điều lệ theo địa phương.*, \d+ địa bàn\.$/);
    } finally {
      await closePage(page);
    }
  });

  it("an English reader's links keep English; the skip link of a page without a chart goes to its heading", T, async () => {
    const page = await newPage(browser);
    try {
      await page.goto(new URL('?lang=en', site.url).href, { waitUntil: 'load' });
      await drawn(page);
      for (const id of ['nav-editor', 'all-sources']) {
        assert.match(await page.locator(`[data-testid=${id}]`).first().getAttribute('href'), /[?&]lang=en/, id);
      }
      assert.match(await page.locator('header .brand').getAttribute('href'), /\?lang=en$/);
      await page.locator('[data-testid=nav-editor]').click();
      await page.locator('[data-testid=no-table]').waitFor();
      assert.equal(await page.locator('h1').innerText(), 'Make a chart from your own table');
      await page.goto(new URL('present.html?lang=en', site.url).href, { waitUntil: 'load' });
      await drawn(page);
      assert.match(await page.locator('[data-testid=leave]').getAttribute('href'), /[?&]lang=en/);
      await page.goto(new URL('nguon.html?lang=en', site.url).href, { waitUntil: 'load' });
      await page.locator('[data-testid=source-entry]').first().waitFor();
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent.trim()), 'Skip to the content');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('with lang=en no interface text is left in Vietnamese (names and quotes excepted)', T, async () => {
    const page = await newPage(browser);
    try {
      for (const path of ['?lang=en', '?lang=en&by=sector&c=stacked', 'nguon.html?lang=en', 'present.html?lang=en', 'tao.html?lang=en']) {
        await page.goto(new URL(path, site.url).href, { waitUntil: 'load' });
        if (path.startsWith('nguon')) await page.locator('[data-testid=source-entry]').first().waitFor();
        else if (path.startsWith('tao')) await page.locator('[data-testid=no-table]').waitFor();
        else await drawn(page);
        const left = await page.evaluate(() => {
          const VI = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĂÂĐÊÔƠƯ]/;
          // data, not interface: names, quotes, sources, figures and the sentences that quote them
          const skip = 'td, th[scope=row], .tooltip, figcaption, .chart-summary, .caveats, .chart-notes, .chips, .results, .legend, blockquote, q, .brand, .lang-switch, [lang=vi], #static-view, [data-testid=data-notes], [data-testid=data-problems], .source-entry h3, .source-title, .source-reporter, .slide-meta, .slide-title, h2.chart-title, .deck-list, [data-testid=view-announcer], [data-testid=choice-summary], option, [data-testid=mark-announcer], .visually-hidden, noscript, script, style';
          const out = [];
          const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walk.nextNode(); n; n = walk.nextNode()) {
            const el = n.parentElement;
            if (!el || el.closest(skip) || !el.getClientRects().length) continue;
            const t = n.textContent.trim();
            if (t && VI.test(t)) out.push(`${el.tagName.toLowerCase()}.${el.className}: ${t.slice(0, 80)}`);
          }
          return out;
        });
        assert.deepEqual(left, [], `Vietnamese interface text with lang=en on ${path}`);
      }
    } finally {
      await closePage(page);
    }
  });
});
