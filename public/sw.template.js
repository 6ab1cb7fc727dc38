// HTX Charts service worker: the app works offline after the first visit.
// scripts/make-sw.mjs writes dist/sw.js from this file, filling in VERSION (a hash of every file
// it lists) and PRECACHE (the hashed file names of this build), so a new build is a new worker
// that replaces the old cache.
'use strict';
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const SHELL = 'htx-shell-' + VERSION;
const DATA = 'htx-data';
const CACHED_AT = 'x-htx-cached-at';

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((c) => c.addAll(PRECACHE.map((p) => new Request(p, { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('htx-shell-') && k !== SHELL).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The page asks a waiting worker to take over (after the reader chose to reload).
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

const scope = () => new URL(self.registration.scope);
const inScope = (url) => url.origin === scope().origin && url.pathname.startsWith(scope().pathname);
const isData = (url) => url.pathname.endsWith('.json') || !inScope(url);

// The cached page for a navigation: present.html, nguon.html, embed.html, tao.html or index.html.
function pageFor(url) {
  const last = url.pathname.slice(scope().pathname.length).split('/').pop();
  if (last.startsWith('present')) return 'present.html';
  if (last.startsWith('nguon')) return 'nguon.html';
  if (last.startsWith('embed')) return 'embed.html';
  if (last.startsWith('tao')) return 'tao.html';
  return 'index.html';
}

// A copy of a cached response that says when it was cached.
async function fromCache(cacheName, request) {
  const cache = await caches.open(cacheName);
  const hit = await cache.match(request, { ignoreSearch: cacheName === SHELL });
  if (!hit) return null;
  return hit;
}

// Data: from the network, asking the server each time (`no-cache`), so that offline the answer
// comes from this worker's copy with its date, not silently from the browser's HTTP cache (a
// host's `max-age` would otherwise hide that the page is offline).
async function networkFirstData(request) {
  try {
    const response = await fetch(request, { cache: 'no-cache' });
    if (response.ok) {
      const body = await response.clone().arrayBuffer();
      const headers = new Headers(response.headers);
      headers.set(CACHED_AT, new Date().toISOString());
      const copy = new Response(body, { status: 200, headers });
      caches.open(DATA).then((c) => c.put(request.url, copy));
    }
    return response;
  } catch (err) {
    const hit = await fromCache(DATA, request.url);
    if (hit) return hit;
    const shell = await fromCache(SHELL, request);
    if (shell) {
      const headers = new Headers(shell.headers);
      headers.set(CACHED_AT, 'build');
      return new Response(await shell.arrayBuffer(), { status: 200, headers });
    }
    throw err;
  }
}

// A page that is not precached (the chart maker, the embed) is kept once it has been loaded from its own
// .html address (not from another address a host may answer with some other page).
async function keepPage(url, response) {
  const page = pageFor(url);
  if (!response.ok || PRECACHE.includes(page) || url.pathname.split('/').pop() !== page) return;
  const cache = await caches.open(SHELL);
  await cache.put(new URL(page, scope()).href, response);
}

async function networkFirstPage(request, url) {
  try {
    const response = await fetch(request);
    keepPage(url, response.clone()).catch(() => {});
    return response;
  } catch (err) {
    const hit = await fromCache(SHELL, new URL(pageFor(url), scope()).href);
    if (hit) return hit;
    throw err;
  }
}

// The build's files: from the cache, else from the network, kept for offline use (the files that
// are not precached: the chart maker's and the embed's bundles).
async function cacheFirst(request) {
  const hit = await fromCache(SHELL, request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') {
    const copy = response.clone();
    caches.open(SHELL).then((c) => c.put(request, copy)).catch(() => {});
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return;
  if (request.mode === 'navigate' && inScope(url)) {
    event.respondWith(networkFirstPage(request, url));
  } else if (isData(url)) {
    event.respondWith(networkFirstData(request));
  } else if (inScope(url)) {
    event.respondWith(cacheFirst(request));
  }
});
