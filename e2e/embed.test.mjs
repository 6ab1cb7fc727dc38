// End-to-end tests of the embed view (embed.html?…, the small embed bundle; also /embed?… in the
// full app), the host script (embed.js) on a page of another
// origin, and the explorer's embed dialog, in Debian chromium.
// Run: `node --test e2e/embed.test.mjs` after `trunk build --release`. Screenshots: e2e/out/embed-*.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSite,
  launchBrowser,
  newPage,
  closePage,
  screenshot,
  canvasInkRatio,
  marksOf,
  EXPLORER,
  waitForExplorer,
  assertNoErrors,
} from './helpers.mjs';
import { startFixtureServer, recordTransfer, viewportShot } from './share-helpers.mjs';

const T = { timeout: 90_000 };
const EMBED = 'figure.chart[data-chart="embed"]';
const EMBED_CANVAS = `${EMBED} canvas`;

let site;
let host;
let browser;
let appOrigin;

before(async () => {
  site = await startSite();
  appOrigin = new URL(site.url).origin;
  host = await startFixtureServer(appOrigin);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await host?.stop();
  await site?.stop();
});

/**
 * Opens the embed page: the small bundle (embed.html), also when `path` is 'embed' (the app's
 * address for it on a host that serves the app for every path, which goes on to embed.html with
 * the same query).
 */
async function openEmbed(query, { viewport = { width: 300, height: 600 }, path = 'embed.html' } = {}) {
  const page = await newPage(browser, { viewport });
  await page.goto(new URL(`${path}${query}`, site.url).href, { waitUntil: 'load' });
  await page.locator(`${EMBED_CANVAS}[data-drawn="1"]`).waitFor({ timeout: 30_000 });
  assert.equal(new URL(page.url()).pathname.split('/').pop(), 'embed.html', `the embed bundle's page: ${page.url()}`);
  assert.equal(new URL(page.url()).search, query.split('#')[0], 'with the same query');
  return page;
}

describe('embed view', () => {
  for (const path of ['embed.html', 'embed']) {
    it(`${path}?m=charter_capital at 300 px: title, drawn chart, source, link back; no sideways scroll`, T, async () => {
      const page = await openEmbed('?m=charter_capital', { path });
      try {
        const title = (await page.locator(`${EMBED} .chart-title`).innerText()).trim();
        assert.match(title, /Vốn điều lệ/, `the title names the metric: ${JSON.stringify(title)}`);
        assert.ok((await canvasInkRatio(page, EMBED_CANVAS)) > 0.02, 'the chart is drawn');
        assert.ok((await marksOf(page, 'embed')).length > 0, 'the chart has marks');
        const source = (await page.locator(`${EMBED} figcaption.source-line`).innerText()).trim();
        assert.match(source, /Nguồn/, `source line: ${JSON.stringify(source)}`);
        const back = page.locator('[data-testid=embed-back]');
        assert.equal(await back.getAttribute('href'), `${site.url}?m=charter_capital`, 'the link back opens the same view in the full app');
        assert.equal(await back.getAttribute('target'), '_blank', 'the link back opens outside the frame');
        assert.equal(await page.locator('[data-testid=controls], .share-bar, .site-header').count(), 0, 'no controls, share bar or header in an embed');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `no horizontal scroll at 300 px (overflow ${overflow} px)`);
        const canvasBox = await page.locator(EMBED_CANVAS).boundingBox();
        assert.ok(canvasBox.x >= 0 && canvasBox.x + canvasBox.width <= 300, `the canvas fits in 300 px: ${JSON.stringify(canvasBox)}`);
        await screenshot(page, `embed-300-charter-capital${path === 'embed' ? '-full-app' : ''}`);
        assertNoErrors(page);
      } finally {
        await closePage(page);
      }
    });
  }

  it('the caveats after the first and the notes on figures marked * are folded under one line, never left out', T, async () => {
    const page = await openEmbed('?m=cooperatives');
    try {
      const notes = page.locator('[data-testid=embed-notes]');
      assert.equal(await notes.count(), 1);
      const summary = (await notes.locator('summary').innerText()).trim();
      assert.match(summary, /^\d+ lưu ý khác về số liệu$/, summary);
      const items = await notes.locator('li').allTextContents();
      assert.equal(Number(summary.split(' ')[0]), items.length, `the line counts the notes: ${summary}`);
      assert.ok(items.some((t) => /^\* .*cộng lại được/.test(t)), `a note explains the figures marked *: ${items}`);
      assert.ok(items.some((t) => /40 hàng đầu/.test(t)), `the chart says it draws the first 40 rows: ${items}`);
      assert.ok(!(await notes.locator('li').first().isVisible()), 'folded at first');
      await notes.locator('summary').click();
      assert.ok(await notes.locator('li').first().isVisible(), 'unfolded by a click');
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('title=0 hides the title; the link back drops title and theme', T, async () => {
    const page = await openEmbed('?m=charter_capital&title=0&theme=dark');
    try {
      assert.equal(await page.locator(`${EMBED} .chart-title`).count(), 0, 'no title');
      assert.ok((await page.locator(`${EMBED} .chart-unit`).innerText()).trim().length > 0, 'the unit line stays');
      assert.equal(await page.locator('[data-testid=embed-back]').getAttribute('href'), `${site.url}?m=charter_capital`);
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('theme=dark: dark background, light text, chart drawn dark', T, async () => {
    const page = await openEmbed('?m=charter_capital&theme=dark');
    try {
      const st = await page.evaluate(() => {
        const m = document.querySelector('main');
        const cs = getComputedStyle(m);
        return { main: cs.backgroundColor, color: cs.color, body: getComputedStyle(document.body).backgroundColor };
      });
      assert.equal(st.main, 'rgb(24, 26, 29)', `main's background is dark: ${st.main}`);
      assert.equal(st.body, 'rgb(24, 26, 29)', `the body is dark too (no white band): ${st.body}`);
      assert.equal(st.color, 'rgb(236, 238, 240)', `light text: ${st.color}`);
      // the canvas's own background is dark: its most common pixel
      const px = await page.evaluate((sel) => {
        const c = document.querySelector(sel);
        const { data } = c.getContext('2d').getImageData(2, 2, 1, 1);
        return [...data];
      }, EMBED_CANVAS);
      assert.ok(px[3] === 0 || px[0] + px[1] + px[2] < 3 * 80, `the chart's corner is dark or transparent: rgba(${px})`);
      await screenshot(page, 'embed-300-dark');
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('theme=auto follows the reader’s colour scheme', T, async () => {
    const page = await newPage(browser, { viewport: { width: 400, height: 600 } });
    try {
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.goto(new URL('embed.html?m=cooperatives&theme=auto', site.url).href);
      await page.locator(`${EMBED_CANVAS}[data-drawn="1"]`).waitFor();
      assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('main')).backgroundColor), 'rgb(24, 26, 29)');
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('first-visit transfer size of embed.html?m=cooperatives (fresh context); /embed goes there without the app', T, async () => {
    const sizes = {};
    for (const path of ['embed.html', 'embed']) {
      const page = await newPage(browser, { viewport: { width: 640, height: 600 } });
      try {
        const rec = recordTransfer(page);
        await page.goto(new URL(`${path}?m=cooperatives`, site.url).href, { waitUntil: 'load' });
        await page.locator(`${EMBED_CANVAS}[data-drawn="1"]`).waitFor();
        await page.waitForLoadState('networkidle');
        const t = await rec.done();
        sizes[path] = t;
        const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
        console.log(`# ${path}?m=cooperatives first visit: ${t.requests} requests, bodies ${t.body} bytes (${kb(t.body)}), with headers ${t.total} bytes (${kb(t.total)}), uncompressed`);
        for (const r of t.byUrl) console.log(`#   ${String(r.body).padStart(8)}  ${r.url.replace(site.url, '/')}`);
        assert.ok(t.body > 0);
        assertNoErrors(page);
      } finally {
        await closePage(page);
      }
    }
    const data = sizes['embed.html'].byUrl.map((r) => r.url.replace(site.url, '')).filter((u) => u.endsWith('.json'));
    assert.deepEqual(data, ['data/m/cooperatives.json'], 'the embed reads its metric\'s own data file, not the whole one');
    const appFiles = sizes.embed.byUrl.filter((r) => /htx-charts-[0-9a-f]+(_bg\.wasm|\.js)$/.test(r.url) && r.body > 0);
    assert.deepEqual(appFiles.map((r) => r.url), [], 'the app\'s own script and wasm are not downloaded on the way to embed.html');
  });
});

describe('embed data files', () => {
  it('a metric without a file of its own (unknown, or given twice) is read from the whole data file, with the same chart as before', T, async () => {
    for (const query of ['?m=no_such_metric', '?m=members&m=workers']) {
      const page = await newPage(browser, { viewport: { width: 640, height: 600 } });
      try {
        const rec = recordTransfer(page);
        await page.goto(new URL(`embed.html${query}`, site.url).href, { waitUntil: 'load' });
        await page.locator(`${EMBED_CANVAS}[data-drawn="1"]`).waitFor({ timeout: 30_000 });
        const t = await rec.done();
        const data = t.byUrl.map((r) => r.url.replace(site.url, '')).filter((u) => u.endsWith('.json'));
        assert.deepEqual(data, ['data/htx.json'], `${query}: the whole file`);
        const title = (await page.locator(`${EMBED} .chart-title`).innerText()).trim();
        assert.match(title, /Số hợp tác xã/, `${query}: the default metric, as before: ${JSON.stringify(title)}`);
        // the embed says which parameter it did not use, as the explorer does
        const notice = (await page.locator(`${EMBED} [data-testid=param-notice]`).innerText()).trim();
        assert.match(notice, /Tham số m/, `${query}: a notice about m: ${notice}`);
        assert.equal(await page.title(), `${title} — HTX Charts`, 'the tab names the chart');
        assertNoErrors(page);
      } finally {
        await closePage(page);
      }
    }
  });

  it('its own parameters with a value it does not take (theme, title) are named, and the defaults used', T, async () => {
    const page = await newPage(browser, { viewport: { width: 640, height: 600 } });
    try {
      await page.goto(new URL('embed.html?m=members&theme=neon&title=maybe', site.url).href, { waitUntil: 'load' });
      await page.locator(`${EMBED_CANVAS}[data-drawn="1"]`).waitFor({ timeout: 30_000 });
      const notice = (await page.locator(`${EMBED} [data-testid=param-notice]`).innerText()).trim();
      assert.match(notice, /theme=“neon” không hợp lệ \(light, dark hoặc auto\)/, notice);
      assert.match(notice, /title=“maybe” không hợp lệ/, notice);
      assert.equal(await page.locator(`${EMBED} .chart-title`).count(), 1, 'the title is shown');
      assert.equal(await page.locator('main.embed.dark').count(), 0, 'the light theme');
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('a one-metric file that is missing (an older build) falls back to the whole file', T, async () => {
    const page = await newPage(browser, { viewport: { width: 640, height: 600 } });
    try {
      await page.route('**/data/m/members.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
      await page.goto(new URL('embed.html?m=members', site.url).href, { waitUntil: 'load' });
      await page.locator(`${EMBED_CANVAS}[data-drawn="1"]`).waitFor({ timeout: 30_000 });
      const title = (await page.locator(`${EMBED} .chart-title`).innerText()).trim();
      assert.match(title, /thành viên/i, `the metric asked for: ${JSON.stringify(title)}`);
      assert.equal(await page.locator('[data-testid=load-error]').count(), 0, 'no error shown');
    } finally {
      await closePage(page);
    }
  });
});

describe('embed.js on a host page of another origin', () => {
  it('resizes the iframe to the embed’s content height; ignores other messages', T, async () => {
    const page = await newPage(browser, { viewport: { width: 800, height: 900 } });
    try {
      // a page on the app's origin that is not one of the data-htx-embed iframes
      await page.context().route(`${appOrigin}/not-an-embed.html`, (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><p>same origin as the app, not an embed</p><script>
            function send(h){ parent.postMessage({type:'htx-charts:height', height:h}, '*'); }
            window.addEventListener('message', function(e){ if (e.data && e.data.send) send(e.data.send); });
          </script>`,
        }),
      );
      await page.goto(new URL('host.html', host.url).href, { waitUntil: 'load' });
      assert.equal(await page.locator('#app-origin').innerText(), appOrigin, 'the fixture got the app origin');
      const iframe = page.locator('#embed1');
      const frame = page.frameLocator('#embed1');
      await frame.locator(`${EMBED_CANVAS}[data-drawn="1"]`).waitFor({ timeout: 30_000 });
      const embedFrame = page.frames().find((f) => f.url().startsWith(`${appOrigin}/embed.html`));
      assert.ok(embedFrame, 'the embed frame is loaded');

      // the frame grows from 150 px to the embed's content height
      await page.waitForFunction(() => document.querySelector('#embed1').getBoundingClientRect().height > 300, null, { timeout: 10_000 });
      await page.waitForTimeout(500); // let the last resize message arrive
      const frameHeight = async () => page.evaluate(() => document.querySelector('#embed1').getBoundingClientRect().height);
      const h1 = await frameHeight();
      const inner = await embedFrame.evaluate(() => ({
        doc: document.documentElement.scrollHeight,
        main: document.querySelector('main').scrollHeight,
        scrolls: document.documentElement.scrollHeight > window.innerHeight + 1,
      }));
      console.log(`# host iframe height ${h1} px; embed document scrollHeight ${inner.doc}, main ${inner.main}`);
      assert.ok(h1 > 300, `the iframe grew past 300 px: ${h1}`);
      assert.ok(Math.abs(h1 - inner.doc) <= 6, `iframe height ${h1} is within a few px of the embed document's height ${inner.doc}`);
      assert.ok(!inner.scrolls, 'the embed does not scroll inside its frame');
      await screenshot(page, 'embed-host-page');

      // Every message the host window receives, recorded by a listener added after embed.js's
      // own: once a message is recorded here, embed.js has already handled it.
      await page.evaluate(() => {
        window.__seen = [];
        window.addEventListener('message', (e) => window.__seen.push(e.data));
      });
      const seen = (pred, n, what) => page.waitForFunction(([p, k]) => window.__seen.filter(new Function('m', `return (${p})(m)`)).length >= k, [pred.toString(), n], { timeout: 10_000 }).catch(() => assert.fail(`the host never received ${what}`));
      // 1. the host window posting to itself (host origin): ignored
      await page.evaluate(() => window.postMessage({ type: 'htx-charts:height', height: 9999 }, '*'));
      // 2. a frame of the host's origin: ignored (wrong origin)
      await page.evaluate((src) => {
        const f = document.createElement('iframe');
        f.id = 'poster';
        f.src = src;
        document.body.appendChild(f);
      }, new URL('poster.html?h=9999', host.url).href);
      await page.frameLocator('#poster').locator('p').waitFor();
      // 3. a data-htx-embed-less frame on the app's own origin: ignored (not one of the embeds)
      await page.evaluate((src) => {
        const f = document.createElement('iframe');
        f.id = 'same-origin-other';
        f.src = src;
        document.body.appendChild(f);
      }, `${appOrigin}/not-an-embed.html`);
      await page.frameLocator('#same-origin-other').locator('p').waitFor();
      const other = page.frames().find((f) => f.url().endsWith('/not-an-embed.html'));
      await page.evaluate(() => document.querySelector('#same-origin-other').contentWindow.postMessage({ send: 9999 }, '*'));
      // 4. an opaque-origin (sandboxed srcdoc) frame: ignored
      await page.evaluate(() => {
        const f = document.createElement('iframe');
        f.sandbox = 'allow-scripts';
        f.srcdoc = "<script>parent.postMessage({type:'htx-charts:height', height: 9999}, '*')<\/script>";
        document.body.appendChild(f);
      });
      await seen((m) => m && m.height === 9999, 4, 'the four 9999-px messages (self, poster, same-origin frame, sandboxed frame)');
      assert.equal(await frameHeight(), h1, 'messages from elsewhere leave the embed iframe alone');
      assert.ok(other, 'the same-origin non-embed frame is loaded');

      // 5. the embed frame itself: bad shapes are ignored, a good one resizes (the source check works)
      for (const msg of [{ type: 'htx-charts:height', height: 50 }, { type: 'htx-charts:height', height: '700' }, { type: 'other', height: 700 }, { type: 'htx-charts:height', height: 20000 }]) {
        await embedFrame.evaluate((m) => parent.postMessage(m, '*'), msg);
      }
      await seen((m) => m && (m.height === 20000 || m.type === 'other'), 2, 'the malformed messages from the embed');
      assert.equal(await frameHeight(), h1, 'out-of-range or malformed messages from the embed are ignored');
      await embedFrame.evaluate(() => parent.postMessage({ type: 'htx-charts:height', height: 777 }, '*'));
      await page.waitForFunction(() => document.querySelector('#embed1').getBoundingClientRect().height === 777, null, { timeout: 5_000 });
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('an embed added after embed.js ran is resized too', T, async () => {
    const page = await newPage(browser, { viewport: { width: 500, height: 900 } });
    try {
      await page.goto(new URL('host.html', host.url).href, { waitUntil: 'load' });
      await page.evaluate((src) => {
        const f = document.createElement('iframe');
        f.id = 'late';
        f.setAttribute('data-htx-embed', '');
        f.src = src;
        f.height = '120';
        f.style.cssText = 'border:0;width:100%';
        document.body.appendChild(f);
      }, `${appOrigin}/embed.html?m=members&title=0`);
      // Chromium does not run the rendering steps (so no ResizeObserver) of a cross-origin frame
      // outside the viewport: the frame reports its height once it is scrolled into view.
      // The first frame may still grow above it while it loads, so keep scrolling it into view.
      await page.waitForFunction(
        () => {
          const f = document.querySelector('#late');
          f.scrollIntoView({ block: 'center' });
          return f.getBoundingClientRect().height > 250;
        },
        null,
        { timeout: 30_000, polling: 250 },
      );
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });
});

describe('embed dialog in the explorer', () => {
  it(
    'the modal dialog takes the focus, keeps Tab inside, and gives the focus back on close',
    T,
    async () => {
      const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
      try {
        await page.goto(new URL('?m=charter_capital', site.url).href, { waitUntil: 'load' });
        await waitForExplorer(page);
        await page.locator('[data-testid=embed]').click();
        await page.locator('[data-testid=embed-dialog]').waitFor();
        await page.waitForTimeout(100);
        const inside = () => page.evaluate(() => !!document.activeElement?.closest('[data-testid=embed-dialog]'));
        assert.ok(await inside(), 'opening the dialog moves the focus into it');
        for (let i = 0; i < 15; i++) {
          await page.keyboard.press('Tab');
          assert.ok(await inside(), `Tab ${i + 1} stays inside the dialog`);
        }
        await page.keyboard.press('Escape');
        await page.locator('[data-testid=embed-dialog]').waitFor({ state: 'detached' });
        assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'embed', 'the focus goes back to the Embed button');
      } finally {
        await closePage(page);
      }
    },
  );

  it(
    'the suggested iframe height holds the whole embed (no scroll bar where scripts are stripped)',
    T,
    async () => {
      const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
      const results = [];
      try {
        for (const view of ['?m=charter_capital', '', '?m=members&a=p34']) {
          await page.goto(new URL(view, site.url).href, { waitUntil: 'load' });
          await waitForExplorer(page);
          await page.locator('[data-testid=embed]').click();
          await page.locator('[data-testid=embed-dialog]').waitFor();
          for (const width of ['640', '400']) {
            for (const title of [true, false]) {
              await page.locator('[data-testid=embed-width]').selectOption(width);
              await page.locator('[data-testid=embed-title]').setChecked(title);
              const code = await page.locator('[data-testid=embed-code]').inputValue();
              const src = code.match(/src="([^"]+)"/)[1].replace(/&amp;/g, '&');
              const suggested = Number(code.match(/height="(\d+)"/)[1]);
              const probe = await newPage(browser, { viewport: { width: Number(width), height: suggested } });
              try {
                await probe.goto(src);
                await probe.locator(`${EMBED_CANVAS}[data-drawn="1"]`).waitFor();
                await probe.waitForTimeout(100);
                // the content's height, and whether the frame would scroll at the suggested height
                const { real, scrolls } = await probe.evaluate(() => ({
                  real: Math.ceil(document.querySelector('main').getBoundingClientRect().height),
                  scrolls: document.documentElement.scrollHeight > window.innerHeight,
                }));
                results.push({ view: view || '(default)', width, title, suggested, real, scrolls });
              } finally {
                await closePage(probe);
              }
            }
          }
          await page.keyboard.press('Escape');
        }
        for (const r of results) console.log(`# suggested height ${String(r.suggested).padStart(5)} vs content ${String(r.real).padStart(5)}${r.scrolls ? ' SCROLLS' : ''}  ${r.width} px, title ${r.title ? 'on ' : 'off'}, ${r.view}`);
        const short = results.filter((r) => r.scrolls);
        assert.deepEqual(short, [], 'the suggested height is at least the embed’s height');
      } finally {
        await closePage(page);
      }
    },
  );

  it('an English reader gets the code of an English embed', T, async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(new URL('?m=charter_capital&lang=en', site.url).href, { waitUntil: 'load' });
      await waitForExplorer(page);
      assert.match(await page.title(), /Statistics of Viet Nam's cooperatives/, 'the tab title is in English too');
      await page.locator('[data-testid=embed]').click();
      const code = await page.locator('[data-testid=embed-code]').inputValue();
      assert.match(code, /[?&]amp;lang=en|[?&]lang=en/, `the code keeps the language: ${code}`);
      const src = code.match(/src="([^"]+)"/)[1].replace(/&amp;/g, '&');
      await page.goto(src);
      await page.locator(`${EMBED_CANVAS}[data-drawn="1"]`).waitFor();
      assert.match(await page.locator(`${EMBED} .chart-title`).innerText(), /Charter capital/i);
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });

  it('gives iframe code with the view, title/theme options and the script; closes with Escape and the button', T, async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(new URL('?m=charter_capital', site.url).href, { waitUntil: 'load' });
      await waitForExplorer(page);
      const opener = page.locator('[data-testid=embed]');
      assert.equal(await opener.getAttribute('aria-haspopup'), 'dialog');
      await opener.click();
      const dialog = page.locator('[data-testid=embed-dialog]');
      await dialog.waitFor();
      assert.equal(await dialog.getAttribute('role'), 'dialog');
      assert.equal(await dialog.getAttribute('aria-modal'), 'true');
      const code = () => page.locator('[data-testid=embed-code]').inputValue();
      const c0 = await code();
      assert.match(c0, /^<iframe /, `iframe code: ${c0}`);
      assert.ok(c0.includes(`src="${site.url}embed.html?`), `the code points at ${site.url}embed.html?…: ${c0}`);
      assert.ok(c0.includes('m=charter_capital'), 'the code holds the view');
      assert.match(c0, /\sdata-htx-embed[\s>]/, 'the iframe is marked data-htx-embed');
      assert.match(c0, /\sheight="\d+"/, 'the iframe has a height');
      assert.match(c0, /\stitle="[^"]+"/, 'the iframe has a title (accessibility)');
      assert.ok(!/title=0|theme=/.test(c0), 'no title/theme params by default');
      const script = await page.locator('[data-testid=embed-script]').inputValue();
      assert.equal(script, `<script src="${site.url}embed.js" async></script>`);
      await viewportShot(page, 'embed-dialog');

      // title off
      await page.locator('[data-testid=embed-title]').uncheck();
      const c1 = await code();
      assert.match(c1, /[?&]title=0/, `title off adds title=0: ${c1}`);
      const h0 = Number(c0.match(/height="(\d+)"/)[1]);
      const h1 = Number(c1.match(/height="(\d+)"/)[1]);
      assert.ok(h1 < h0, `without the title the suggested height is smaller (${h1} < ${h0})`);
      // dark theme
      await page.locator('[data-testid=embed-theme]').selectOption('dark');
      const c2 = await code();
      assert.match(c2, /[?&]theme=dark/, `theme dark adds theme=dark: ${c2}`);
      // width 400
      await page.locator('[data-testid=embed-width]').selectOption('400');
      const c3 = await code();
      assert.match(c3, /max-width:400px/, `width 400 caps the frame: ${c3}`);
      assert.ok(!c3.includes('lang='), `a Vietnamese reader's code has no lang: ${c3}`);

      // the suggested height vs the real one: open the code's src at 400 px
      const src = c3.match(/src="([^"]+)"/)[1].replace(/&amp;/g, '&');
      const suggested = Number(c3.match(/height="(\d+)"/)[1]);
      const probe = await newPage(browser, { viewport: { width: 400, height: 400 } });
      try {
        await probe.goto(src);
        await probe.locator(`${EMBED_CANVAS}[data-drawn="1"]`).waitFor();
        const real = await probe.evaluate(() => document.documentElement.scrollHeight);
        console.log(`# embed dialog: suggested height ${suggested} px at 400 px wide (no title, dark); the embed's real height ${real} px`);
        assert.equal(await probe.locator(`${EMBED} .chart-title`).count(), 0);
        assert.equal(await probe.evaluate(() => getComputedStyle(document.querySelector('main')).backgroundColor), 'rgb(24, 26, 29)');
      } finally {
        await closePage(probe);
      }

      // Escape closes
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached', timeout: 3_000 });
      // the close button closes
      await opener.click();
      await dialog.waitFor();
      await page.locator('[data-testid=embed-close]').click();
      await dialog.waitFor({ state: 'detached', timeout: 3_000 });
      // the backdrop closes; a click inside the dialog does not
      await opener.click();
      await dialog.waitFor();
      await dialog.locator('h2').click();
      assert.equal(await dialog.count(), 1, 'a click inside the dialog keeps it open');
      await page.mouse.click(5, 5);
      await dialog.waitFor({ state: 'detached', timeout: 3_000 });
      assertNoErrors(page);
    } finally {
      await closePage(page);
    }
  });
});
