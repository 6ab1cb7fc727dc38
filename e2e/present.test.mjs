// End-to-end tests of presentation mode (/present?deck=…&slide=N) in Debian chromium: the default
// deck on a projector (1920×1080, 1280×720), keys, reload, fullscreen; a deck built in the explorer
// and opened elsewhere from its link; broken slides skipped with a notice.
// Run: `node --test e2e/present.test.mjs` after `trunk build --release`. Screenshots: e2e/out/present-*.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSite,
  launchBrowser,
  newPage,
  closePage,
  screenshot,
  canvasInkRatio,
  marksOf,
  waitForExplorer,
  EXPLORER,
  queryOf,
  withSite,
  assertNoErrors,
} from './helpers.mjs';

const T = { timeout: 120_000 };
const SLIDE = 'figure.chart[data-chart="slide"]';
const SLIDE_CANVAS = `${SLIDE} canvas`;

let site;
let browser;
withSite((s, b) => {
  site = s;
  browser = b;
});

const counter = (page) => page.locator('[data-testid=slide-counter]');
const slideTitle = (page) => page.locator(`${SLIDE} .slide-title`).innerText();

/** Waits until the counter reads `text` and the slide's canvas is drawn (and stays drawn). */
async function waitSlide(page, text) {
  await page.waitForFunction(
    ([t, sel]) => document.querySelector('[data-testid=slide-counter]')?.textContent.trim() === t && document.querySelector(sel)?.dataset.drawn === '1',
    [text, SLIDE_CANVAS],
    { timeout: 15_000, polling: 30 },
  );
  // a slide change repaints: wait for the marks to settle
  let last = null;
  for (let i = 0; i < 20; i++) {
    const now = await page.evaluate((sel) => document.querySelector(sel)?.dataset.marks ?? '', SLIDE_CANVAS);
    if (now === last) break;
    last = now;
    await page.waitForTimeout(60);
  }
}

/**
 * Presses a key and waits until the app has handled it (its window listener, registered before
 * this one, called preventDefault) and two frames have been painted since: whatever the key
 * changes has then been shown.
 */
async function pressHandled(page, key) {
  await page.evaluate(() => {
    window.__lastKey = null;
    if (!window.__keyRecorder) {
      window.__keyRecorder = true;
      window.addEventListener('keydown', (e) => { window.__lastKey = { key: e.key, prevented: e.defaultPrevented }; });
    }
  });
  await page.keyboard.press(key);
  await page.waitForFunction((k) => window.__lastKey?.key === k && window.__lastKey.prevented, key, { timeout: 5_000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

async function press(page, key, want) {
  await page.keyboard.press(key);
  await waitSlide(page, want);
  const n = Number(want.split(' / ')[0]);
  assert.equal(queryOf(page).slide, String(n), `after ${key}, the URL has slide=${n} (${page.url()})`);
}

/**
 * The slide fits the viewport: the canvas above the fold, the source line on screen (its first
 * line; `wholeSource`: all of it), no sideways scroll. Returns the geometry.
 */
async function assertFits(page, what, { wholeSource = false } = {}) {
  const g = await page.evaluate((sel) => {
    const r = (q) => {
      const el = document.querySelector(q);
      if (!el) return null;
      const b = el.getBoundingClientRect();
      return { top: b.top, bottom: b.bottom, left: b.left, right: b.right, h: b.height };
    };
    return {
      vw: innerWidth,
      vh: innerHeight,
      sw: document.documentElement.scrollWidth,
      canvas: r(`${sel} canvas`),
      source: r(`${sel} figcaption.source-line`),
      title: r(`${sel} .slide-title`),
      titlePx: parseFloat(getComputedStyle(document.querySelector(`${sel} .slide-title`)).fontSize),
    };
  }, SLIDE);
  assert.ok(g.canvas.bottom <= g.vh + 0.5, `${what}: the canvas's bottom ${g.canvas.bottom} is inside the ${g.vh} px viewport`);
  assert.ok(g.source && g.source.h > 0 && g.source.top + 12 <= g.vh, `${what}: the source line is on screen (top ${g.source?.top} < ${g.vh})`);
  if (wholeSource) assert.ok(g.source.bottom <= g.vh + 0.5, `${what}: the whole source line is on screen (bottom ${g.source.bottom} ≤ ${g.vh})`);
  assert.ok(g.sw <= g.vw, `${what}: no sideways scroll (${g.sw} > ${g.vw})`);
  assert.ok(g.canvas.right <= g.vw + 0.5, `${what}: the canvas fits the width`);
  return g;
}

for (const { w, h, minTitle } of [
  { w: 1920, h: 1080, minTitle: 28 },
  { w: 1280, h: 720, minTitle: 22 },
]) {
  describe(`presentation at ${w}×${h}`, () => {
    it('the default deck: 8 slides, fits the screen, large title, keys, URL, reload', T, async () => {
      const page = await newPage(browser, { viewport: { width: w, height: h } });
      try {
        await page.goto(new URL('present', site.url).href, { waitUntil: 'load' });
        await waitSlide(page, '1 / 8');
        assert.ok((await canvasInkRatio(page, SLIDE_CANVAS)) > 0.02, 'slide 1 is drawn');
        const g = await assertFits(page, 'slide 1');
        assert.ok(g.titlePx >= minTitle, `title font-size ${g.titlePx}px ≥ ${minTitle}px`);
        assert.ok((await slideTitle(page)).trim().length > 0, 'slide 1 has a title');
        await screenshot(page, `present-${w}x${h}-slide1`);

        const titles = [await slideTitle(page)];
        await press(page, 'ArrowRight', '2 / 8');
        titles.push(await slideTitle(page));
        assert.notEqual(titles[1], titles[0], 'slide 2 shows another chart');
        await assertFits(page, 'slide 2');
        await screenshot(page, `present-${w}x${h}-slide2`);
        await press(page, 'PageDown', '3 / 8');
        await screenshot(page, `present-${w}x${h}-slide3`);
        await assertFits(page, 'slide 3');
        await press(page, 'Space', '4 / 8');
        await assertFits(page, 'slide 4');
        await press(page, 'ArrowLeft', '3 / 8');
        await press(page, 'PageUp', '2 / 8');
        await press(page, 'End', '8 / 8');
        await assertFits(page, 'slide 8');
        await screenshot(page, `present-${w}x${h}-slide8`);
        // past the end stays at the end
        await pressHandled(page, 'ArrowRight');
        assert.equal((await counter(page).innerText()).trim(), '8 / 8', 'ArrowRight on the last slide stays there');
        await press(page, 'Home', '1 / 8');
        await pressHandled(page, 'ArrowLeft');
        assert.equal((await counter(page).innerText()).trim(), '1 / 8', 'ArrowLeft on the first slide stays there');

        // the buttons
        await page.locator('[data-testid=next]').click();
        await waitSlide(page, '2 / 8');
        await page.locator('[data-testid=prev]').click();
        await waitSlide(page, '1 / 8');

        // every slide fits; screenshot the ones not yet taken at 1280×720 only (time)
        for (let i = 2; i <= 8; i++) {
          await page.keyboard.press('ArrowRight');
          await waitSlide(page, `${i} / 8`);
          assert.ok((await canvasInkRatio(page, SLIDE_CANVAS)) > 0.02, `slide ${i} is drawn`);
          assert.ok((await marksOf(page, 'slide')).length > 0, `slide ${i} has marks`);
          await assertFits(page, `slide ${i}`);
          if (w === 1280 && [4, 5, 6, 7].includes(i)) await screenshot(page, `present-${w}x${h}-slide${i}`);
        }

        // reload keeps the slide
        await page.goto(new URL('present?slide=5', site.url).href);
        await waitSlide(page, '5 / 8');
        const t5 = await slideTitle(page);
        await page.reload();
        await waitSlide(page, '5 / 8');
        assert.equal(await slideTitle(page), t5, 'reload shows the same slide');
        assertNoErrors(page);
      } finally {
        await closePage(page);
      }
    });
  });
}

describe('presentation: the whole source line on screen', () => {
  it(
    'every slide shows its whole chart and source line at 1920×1080 and 1280×720',
    T,
    async () => {
      const cut = [];
      for (const [w, h] of [[1920, 1080], [1280, 720]]) {
        const page = await newPage(browser, { viewport: { width: w, height: h } });
        try {
          for (let i = 1; i <= 8; i++) {
            await page.goto(new URL(`present?slide=${i}`, site.url).href);
            await waitSlide(page, `${i} / 8`);
            const g = await page.evaluate(() => ({
              bottom: document.querySelector('figure[data-chart=slide] figcaption.source-line').getBoundingClientRect().bottom,
              scroll: document.documentElement.scrollHeight,
            }));
            if (g.bottom > h + 0.5) cut.push(`${w}×${h} slide ${i}: source line bottom ${Math.round(g.bottom)} > ${h} (page ${g.scroll} px tall)`);
          }
        } finally {
          await closePage(page);
        }
      }
      // long views: a table (drawn as bars), 30 rating bars, the tall tile map. Each fits, in type
      // a room can read (base text at least 720 / 45 = 16 px: bar labels about 14 px)
      const FONT_HOOK = () => {
        window.__minFont = Infinity;
        // a paint starts by filling the whole canvas: the smallest text of the last paint counts
        const rect = CanvasRenderingContext2D.prototype.fillRect;
        CanvasRenderingContext2D.prototype.fillRect = function (x, y, w, h) {
          if (x <= 0 && y <= 0 && w >= this.canvas.width && h >= this.canvas.height && this.canvas.closest('figure[data-chart=slide]')) window.__minFont = Infinity;
          return rect.call(this, x, y, w, h);
        };
        const fill = CanvasRenderingContext2D.prototype.fillText;
        CanvasRenderingContext2D.prototype.fillText = function (...a) {
          const px = parseFloat(/([\d.]+)px/.exec(this.font)?.[1] ?? 'NaN') / (this.getTransform().a || 1);
          if (this.canvas.closest('figure[data-chart=slide]')) window.__minFont = Math.min(window.__minFont, px);
          return fill.apply(this, a);
        };
      };
      for (const [w, h] of [[1280, 720], [1920, 1080]]) {
        const page = await newPage(browser, { viewport: { width: w, height: h } });
        try {
          await page.addInitScript(FONT_HOOK);
          for (let i = 1; i <= 3; i++) {
            await page.goto(new URL(`present?deck=c:table|m:rating_share|c:map|&slide=${i}`, site.url).href);
            await waitSlide(page, `${i} / 3`);
            const g = await page.evaluate(() => ({
              bottom: document.querySelector('figure[data-chart=slide] figcaption.source-line').getBoundingClientRect().bottom,
              scroll: document.documentElement.scrollHeight,
              bars: JSON.parse(document.querySelector('figure[data-chart=slide] canvas').dataset.marks).length,
              font: window.__minFont,
            }));
            if (g.bottom > h + 0.5) cut.push(`${w}×${h} long slide ${i}: source line bottom ${Math.round(g.bottom)} > ${h} (page ${g.scroll} px tall)`);
            if (g.font < (h / 45) * 0.8 - 0.01) cut.push(`${w}×${h} long slide ${i}: text of ${g.font.toFixed(1)} px`);
            if (i === 1 && g.bars > 15) cut.push(`${w}×${h} table slide: ${g.bars} bars (at most 15)`);
            // a tile map is shown as bars that say why (its tiles' text is too small for a room)
            const meta = await page.locator('figure[data-chart=slide] .slide-meta').innerText();
            if (i === 3 && !meta.includes('Trên màn chiếu, chữ trong các ô của bản đồ quá nhỏ để đọc')) cut.push(`${w}×${h} map slide: ${meta}`);
          }
        } finally {
          await closePage(page);
        }
      }
      // a deck notice above the slide is not budgeted either
      const page = await newPage(browser, { viewport: { width: 1280, height: 720 } });
      try {
        await page.goto(new URL('present?deck=m:charter_capital|m:nonsense|bad<script>|m:members|&slide=2', site.url).href);
        await waitSlide(page, '2 / 2');
        const c = await page.evaluate(() => document.querySelector('figure[data-chart=slide] canvas').getBoundingClientRect().bottom);
        if (c > 720.5) cut.push(`1280×720 deck with a notice, slide 2: canvas bottom ${Math.round(c)} > 720`);
      } finally {
        await closePage(page);
      }
      for (const c of cut) console.log(`# ${c}`);
      assert.deepEqual(cut, [], 'every source line is wholly on screen');
    },
  );
});

describe('presentation: fullscreen and robustness', () => {
  it('the fullscreen button and F use the Fullscreen API', T, async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 720 } });
    try {
      await page.goto(new URL('present?slide=2', site.url).href);
      await waitSlide(page, '2 / 8');
      const btn = page.locator('[data-testid=fullscreen]');
      const before = (await btn.innerText()).trim();
      await btn.click();
      await page.waitForTimeout(300);
      const fs1 = await page.evaluate(() => !!document.fullscreenElement);
      console.log(`# fullscreen after the button: document.fullscreenElement ${fs1 ? 'set' : 'null'}; label ${JSON.stringify(before)} → ${JSON.stringify((await btn.innerText()).trim())}`);
      if (fs1) {
        await page.waitForFunction((b) => document.querySelector('[data-testid=fullscreen]').textContent.trim() !== b, before, { timeout: 3_000 });
        assert.match(await btn.innerText(), /Thoát|Esc/, 'the button now offers to leave fullscreen');
        await btn.click(); // toggles back
        await page.waitForFunction(() => !document.fullscreenElement, null, { timeout: 3_000 });
        await page.waitForFunction((b) => document.querySelector('[data-testid=fullscreen]').textContent.trim() === b, before, { timeout: 3_000 });
        // F key
        await page.keyboard.press('f');
        await page.waitForFunction(() => !!document.fullscreenElement, null, { timeout: 3_000 });
        await page.evaluate(() => document.exitFullscreen());
        await page.waitForFunction(() => !document.fullscreenElement, null, { timeout: 3_000 });
      }
      assert.equal((await counter(page).innerText()).trim(), '2 / 8', 'fullscreen does not change the slide');
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('a deck link round-trips: built in the explorer, opened in a fresh browser context', T, async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(new URL('?m=charter_capital', site.url).href);
      await waitForExplorer(page);
      await page.locator('[data-testid=add-slide]').click();
      await page.locator('[data-testid=share-status]').getByText(/trình chiếu/).waitFor();
      await page.goto(new URL('?m=members&a=p34', site.url).href);
      await waitForExplorer(page);
      await page.locator('[data-testid=add-slide]').click();
      await page.locator('[data-testid=share-status]').getByText(/trình chiếu/).waitFor();
      const panel = page.locator('[data-testid=deck-panel]');
      await panel.locator('summary').click();
      assert.match(await panel.locator('summary').innerText(), /\(2\)/, 'the panel says 2 slides');
      const items = await page.locator('[data-testid=deck-list] li').allInnerTexts();
      assert.equal(items.length, 2, `two slides listed: ${JSON.stringify(items)}`);
      assert.match(items[0], /Vốn điều lệ/);
      assert.match(items[1], /thành viên/i);
      const href = await page.locator('[data-testid=present-deck]').getAttribute('href');
      console.log(`# deck link: ${href}`);
      assert.ok(href.startsWith(`${site.url}present.html?deck=`), `present link: ${href}`);
      await screenshot(page, 'present-deck-panel');

      // a fresh context: no local storage; the link alone carries the deck
      const other = await newPage(browser, { viewport: { width: 1280, height: 720 } });
      try {
        await other.goto(href);
        await waitSlide(other, '1 / 2');
        assert.equal(await other.evaluate(() => localStorage.getItem('htx-deck')), null, 'the fresh context has no stored deck');
        assert.match(await slideTitle(other), /Vốn điều lệ/, 'slide 1: charter capital');
        await press(other, 'ArrowRight', '2 / 2');
        assert.match(await slideTitle(other), /thành viên/i, 'slide 2: members');
        const leave = await other.locator('[data-testid=leave]').getAttribute('href');
        assert.ok(/[?&]m=members/.test(leave) && /[?&]a=p34/.test(leave), `the link to the explorer opens slide 2's view: ${leave}`);
        assertNoErrors(other);
      } finally {
        await closePage(other);
      }

      // removing a slide updates the link
      await page.locator('[data-testid=deck-list] li').first().locator('[data-testid=remove-slide]').click();
      assert.equal(await page.locator('[data-testid=deck-list] li').count(), 1);
      const href2 = await page.locator('[data-testid=present-deck]').getAttribute('href');
      assert.ok(!href2.includes('charter_capital') && href2.includes('members'), `after removing slide 1: ${href2}`);
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('broken slides are skipped with a notice; markup in the URL is shown as text', T, async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 720 } });
    try {
      await page.goto(new URL('present?deck=m:charter_capital|m:nonsense|bad<script>|m:members|', site.url).href);
      await waitSlide(page, '1 / 2');
      const notice = page.locator('[data-testid=deck-notice]');
      await notice.waitFor();
      const items = await notice.locator('li').allInnerTexts();
      console.log(`# deck notice: ${JSON.stringify(items)}`);
      assert.equal(items.length, 2, 'two slides skipped');
      assert.ok(items.some((t) => t.includes('nonsense')), 'the notice names the unknown metric');
      assert.ok(items.some((t) => t.includes('bad<script>')), 'the notice quotes the bad slide as text');
      assert.equal(await notice.locator('script').count(), 0, 'no element was made from the URL');
      assert.match(await slideTitle(page), /Vốn điều lệ/);
      await press(page, 'ArrowRight', '2 / 2');
      assert.match(await slideTitle(page), /thành viên/i);
      await screenshot(page, 'present-broken-deck');
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it(
    'skipped slides are numbered by their place in the link',
    T,
    async () => {
      const page = await newPage(browser, { viewport: { width: 1280, height: 720 } });
      try {
        // slide 1 does not parse; slide 2 parses but names no metric of the dataset
        await page.goto(new URL('present?deck=bad|m:nonsense|m:members|', site.url).href);
        await waitSlide(page, '1 / 1');
        const items = await page.locator('[data-testid=deck-notice] li').allInnerTexts();
        console.log(`# deck notice: ${JSON.stringify(items)}`);
        assert.ok(items.some((t) => /\b1\b/.test(t) && t.includes('bad')), 'slide 1 (bad) is named as slide 1');
        assert.ok(items.some((t) => /\b2\b/.test(t) && t.includes('nonsense')), `slide 2 (m:nonsense) is named as slide 2: ${JSON.stringify(items)}`);
      } finally {
        await closePage(page);
      }
    },
  );

  it('a slide with a bad value (top:0) is shown with its default, and the notice says so', T, async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 720 } });
    try {
      await page.goto(new URL('present?deck=c:bars;top:0|m:members|', site.url).href);
      await waitSlide(page, '1 / 2');
      const notice = await page.locator('[data-testid=deck-notice]').innerText();
      assert.match(notice, /Trang 1: Tham số top=“0” không hợp lệ: trang chiếu dùng mặc định \(tối đa 15 hàng, ít hơn nếu không vừa màn hình\)\./, notice);
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('a deck with no usable slide says so; slide=99 clamps to the last', T, async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 720 } });
    try {
      await page.goto(new URL('present?deck=m:nonsense|', site.url).href);
      await page.locator('[role=alert]').waitFor();
      assert.equal((await counter(page).innerText()).trim(), '0 / 0');
      assert.ok(await page.locator('[data-testid=prev]').isDisabled(), 'no previous slide to go to');
      assert.ok(await page.locator('[data-testid=next]').isDisabled(), 'no next slide to go to');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('End');
      assert.equal((await counter(page).innerText()).trim(), '0 / 0');
      // a way out: the default deck
      await page.locator('[data-testid=default-deck]').click();
      await waitSlide(page, '1 / 8');
      await page.goto(new URL('present?slide=99', site.url).href);
      await waitSlide(page, '8 / 8');
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });
});
