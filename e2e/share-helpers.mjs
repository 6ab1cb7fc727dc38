// Helpers for the share / embed / present browser tests (e2e/share.test.mjs, embed.test.mjs,
// present.test.mjs): a PNG header reader, an RFC 4180 CSV parser, downloads, a second static
// server for the embed host page, and the transfer size of a page load.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { OUT } from './helpers.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const FIXTURES = path.join(HERE, 'fixtures');

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Reads a PNG's header: {width, height, bitDepth, colourType}. Throws when the bytes are not a
 * PNG (wrong signature, or the first chunk is not IHDR).
 */
export function pngInfo(buf) {
  if (buf.length < 33) throw new Error(`not a PNG: only ${buf.length} bytes`);
  if (!buf.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error(`not a PNG: signature ${buf.subarray(0, 8).toString('hex')}`);
  const len = buf.readUInt32BE(8);
  const type = buf.toString('latin1', 12, 16);
  if (type !== 'IHDR' || len !== 13) throw new Error(`not a PNG: first chunk ${type} of ${len} bytes`);
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20), bitDepth: buf[24], colourType: buf[25] };
}

/** The chunk types of a PNG, in order (IHDR, IDAT…, IEND). */
export function pngChunks(buf) {
  const out = [];
  let at = 8;
  while (at + 8 <= buf.length) {
    const len = buf.readUInt32BE(at);
    out.push(buf.toString('latin1', at + 4, at + 8));
    at += 12 + len;
  }
  return out;
}

/**
 * Parses RFC 4180 CSV text (quoted fields with "" for a quote, CRLF or LF line ends, line breaks
 * inside quotes). Returns an array of rows (arrays of strings). A final line end does not make an
 * empty row. Throws on a quote in the middle of an unquoted field or an unclosed quote.
 */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let i = 0;
  let quoted = false; // inside a quoted field
  let wasQuoted = false; // the current field was quoted (only a separator or line end may follow)
  const endField = () => {
    row.push(field);
    field = '';
    wasQuoted = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        wasQuoted = true;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === ',') {
      endField();
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      endRow();
      i += 2;
    } else if (c === '\n') {
      endRow();
      i++;
    } else if (c === '"') {
      if (field !== '' || wasQuoted) throw new Error(`CSV: quote inside an unquoted field at offset ${i}`);
      quoted = true;
      i++;
    } else {
      if (wasQuoted) throw new Error(`CSV: text after a closing quote at offset ${i}`);
      field += c;
      i++;
    }
  }
  if (quoted) throw new Error('CSV: unclosed quote');
  if (field !== '' || row.length > 0 || wasQuoted) endRow();
  return rows;
}

/**
 * Clicks `selector` and waits for the download it starts; saves it to e2e/out/`saveAs` (or its
 * suggested name). Returns {name, file, bytes}.
 */
export async function downloadFrom(page, selector, saveAs) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), page.locator(selector).click()]);
  const name = download.suggestedFilename();
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, saveAs ?? name);
  await download.saveAs(file);
  const failure = await download.failure();
  if (failure) throw new Error(`download ${name} failed: ${failure}`);
  return { name, file, bytes: fs.readFileSync(file) };
}

/**
 * A second static server (another origin: another port) that serves e2e/fixtures/, replacing
 * `__APP__` in .html files by `appOrigin` (e.g. "http://127.0.0.1:41234") at request time.
 * Resolves with {url, port, stop()}.
 */
export function startFixtureServer(appOrigin) {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = path.resolve(FIXTURES, '.' + path.posix.normalize('/' + pathname));
    if (!file.startsWith(FIXTURES + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    let body = fs.readFileSync(file);
    const html = file.endsWith('.html');
    if (html) body = Buffer.from(body.toString('utf8').replaceAll('__APP__', appOrigin));
    res.writeHead(200, {
      'Content-Type': html ? 'text/html; charset=utf-8' : 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
    });
    res.end(body);
  });
  server.keepAliveTimeout = 1000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = server.address().port;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        origin: `http://127.0.0.1:${port}`,
        port,
        stop: () =>
          new Promise((r) => {
            server.close(() => r());
            server.closeAllConnections?.();
          }),
      });
    });
  });
}

/**
 * Records every response of `page` from now on; `done()` resolves with
 * {requests, body, headers, total, byUrl: [{url, body}]} (bytes as sent on the wire: this
 * project's server never compresses).
 */
export function recordTransfer(page) {
  const requests = [];
  const onFinished = (req) => requests.push(req);
  page.on('requestfinished', onFinished);
  return {
    async done() {
      page.off('requestfinished', onFinished);
      let body = 0;
      let headers = 0;
      const byUrl = [];
      for (const req of requests) {
        const s = await req.sizes();
        body += s.responseBodySize;
        headers += s.responseHeadersSize;
        byUrl.push({ url: req.url(), body: s.responseBodySize });
      }
      byUrl.sort((a, b) => b.body - a.body);
      return { requests: requests.length, body, headers, total: body + headers, byUrl };
    },
  };
}

/** Decodes PNG bytes in the browser (createImageBitmap): {width, height, ink: share of non-white pixels, transparent: share of transparent ones}. */
export async function pngInkInBrowser(page, bytes) {
  const b64 = Buffer.from(bytes).toString('base64');
  return page.evaluate(async (data) => {
    const bin = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([bin], { type: 'image/png' }));
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const ctx = c.getContext('2d');
    ctx.drawImage(bmp, 0, 0);
    const { data: px } = ctx.getImageData(0, 0, bmp.width, bmp.height);
    let ink = 0;
    let transparent = 0;
    for (let i = 0; i < px.length; i += 4) {
      if (px[i + 3] < 16) transparent++;
      else if (px[i] + px[i + 1] + px[i + 2] < 3 * 235) ink++;
    }
    const n = px.length / 4;
    return { width: bmp.width, height: bmp.height, ink: ink / n, transparent: transparent / n };
  }, b64);
}

/** Screenshot of the viewport only (fixed overlays such as a dialog show as the user sees them). */
export async function viewportShot(page, name) {
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
