// A tiny static file server for dist/ (no dependencies).
//
//   node e2e/server.mjs DIR [PORT]      (PORT 0 = a random free port; default 8080)
//
// or from a test:  const server = await startServer(dir, 0); server.url; await server.stop();
//
// - Correct MIME types for .wasm/.js/.css/.json/.svg/.html (and a few more).
// - Unknown paths without a file extension (deep links such as /vung/P20) get index.html;
//   unknown paths with an extension (a missing .json, .wasm, …) get a real 404, so a missing
//   data file shows up as HTTP 404 rather than as HTML that fails to parse.
// - `Cache-Control: no-cache` (or `options.cacheControl` for files, as a real host's `max-age=600`), plain (never compressed) bodies, GET and HEAD only.
// - Listens on 127.0.0.1 only.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

export function mimeType(file) {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function send(req, res, status, headers, body) {
  res.writeHead(status, {
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
    'Content-Length': body ? Buffer.byteLength(body) : 0,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function sendFile(req, res, file, stat, cacheControl = 'no-cache') {
  res.writeHead(200, {
    'Content-Type': mimeType(file),
    'Content-Length': stat.size,
    'Cache-Control': cacheControl,
    'X-Content-Type-Options': 'nosniff',
    'Last-Modified': stat.mtime.toUTCString(),
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = fs.createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

function statFile(p) {
  try {
    const st = fs.statSync(p);
    return st.isFile() ? st : null;
  } catch {
    return null;
  }
}

/**
 * Handler for one request, serving files under `root` (an absolute, resolved path) at the URL
 * path `prefix` (`/` or a sub-folder such as `/thong-ke/htx/`; anything else is 404). With
 * `fallback: false` it is a plain static host: unknown paths are 404, never index.html.
 */
export function makeHandler(root, { prefix = '/', fallback = true, cacheControl = 'no-cache' } = {}) {
  const index = path.join(root, 'index.html');
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(req, res, 405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }, 'Method Not Allowed\n');
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      send(req, res, 400, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Bad Request\n');
      return;
    }
    if (!pathname.startsWith(prefix)) {
      send(req, res, 404, { 'Content-Type': 'text/plain; charset=utf-8' }, `Not Found: ${pathname}\n`);
      return;
    }
    pathname = '/' + pathname.slice(prefix.length);
    if (pathname.includes('\0')) {
      send(req, res, 400, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Bad Request\n');
      return;
    }
    const file = path.resolve(root, '.' + path.posix.normalize('/' + pathname));
    if (file !== root && !file.startsWith(root + path.sep)) {
      send(req, res, 403, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Forbidden\n');
      return;
    }
    let st = statFile(file);
    if (st) {
      sendFile(req, res, file, st, cacheControl);
      return;
    }
    // a directory: its index.html
    const dirIndex = path.join(file, 'index.html');
    st = statFile(dirIndex);
    if (st) {
      sendFile(req, res, dirIndex, st, cacheControl);
      return;
    }
    // a deep link (no extension in the last segment): the app's index.html
    if (fallback && path.extname(pathname) === '') {
      st = statFile(index);
      if (st) {
        sendFile(req, res, index, st, cacheControl);
        return;
      }
    }
    send(req, res, 404, { 'Content-Type': 'text/plain; charset=utf-8' }, `Not Found: ${pathname}\n`);
  };
}

/**
 * Starts serving `dir` on 127.0.0.1:`port` (0 = random). Resolves once listening with the
 * http.Server, which also carries `url` ("http://127.0.0.1:PORT/"), `port` and `stop()`.
 */
export function startServer(dir, port = 0, options = {}) {
  const root = path.resolve(dir);
  if (!fs.existsSync(root)) {
    return Promise.reject(new Error(`startServer: directory not found: ${root}`));
  }
  const server = http.createServer(makeHandler(root, options));
  server.keepAliveTimeout = 1000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(Number(port) || 0, '127.0.0.1', () => {
      server.off('error', reject);
      const actual = server.address().port;
      server.port = actual;
      server.url = `http://127.0.0.1:${actual}${options.prefix ?? '/'}`;
      server.stop = () =>
        new Promise((res) => {
          server.close(() => res());
          server.closeAllConnections?.();
        });
      resolve(server);
    });
  });
}

// Run as a program: node e2e/server.mjs DIR [PORT]
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  const port = process.argv[3] ?? process.env.PORT ?? '8080';
  if (!dir) {
    console.error('usage: node e2e/server.mjs DIR [PORT]');
    process.exit(2);
  }
  startServer(dir, port).then(
    (server) => {
      console.log(`serving ${path.resolve(dir)} on ${server.url}`);
      const stop = () => server.stop().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (err) => {
      console.error(`server.mjs: ${err.message}`);
      process.exit(1);
    },
  );
}
