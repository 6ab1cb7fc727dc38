import { startSite, launchBrowser, newPage, closePage, waitForExplorer, marksOf, explorerTableRows } from './helpers.mjs';
const server = await startSite(); const browser = await launchBrowser(); const page = await newPage(browser);
await page.goto(server.url + process.argv[2]); await waitForExplorer(page);
const marks = await marksOf(page, 'explorer');
for (const m of marks) console.log(m.key, m.label, m.x.toFixed(1), m.w.toFixed(1), m.y.toFixed(1));
for (const r of await explorerTableRows(page)) console.log(r.text.slice(0,150));
await closePage(page); await browser.close(); await server.stop();
