// Service worker of Brand Self-Check. Generated into the build by scripts/postbuild.mjs, which
// fills in VERSION (a hash of the build), PRECACHE (every file the build produced but the lazy
// ones) and LAZY (the lazy-* files: code a feature loads only when used, e.g. the spreadsheet
// writer). Whole-line comments are left out of the build.
//
// - Install caches the whole build but the lazy files; a new version waits (no skipWaiting) so an
//   open tab keeps working on the old one until the user chooses to update. A lazy file an older
//   version had cached, under the same (hashed) name, is carried over to the new cache.
// - Navigations are answered with the cached page, assets cache-first: after the first visit the
//   widget works with no network at all. A lazy file is cached on its first successful fetch, so
//   its feature works offline once it has been used online.
// - Only same-origin GET requests are handled; nothing else is touched.
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const LAZY = __LAZY__;
const CACHE = 'bsc-' + VERSION;
const isLazy = (url) => /\/lazy-[^/]*$/.test(new URL(url).pathname);

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then(async (cache) => {
    await cache.addAll(PRECACHE.map((path) => new Request(path, { cache: 'reload' })));
    for (const key of (await caches.keys()).filter((k) => k.startsWith('bsc-') && k !== CACHE)) {
      const old = await caches.open(key);
      for (const path of LAZY) {
        const hit = await old.match(path, { ignoreSearch: true });
        if (hit && !(await cache.match(path))) await cache.put(path, hit);
      }
    }
  }));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(
    keys.filter((k) => k.startsWith('bsc-') && k !== CACHE).map((k) => caches.delete(k)))));
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'bsc-skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(caches.open(CACHE).then(async (cache) => {
    // The operator's embedding allow-list is edited in place: network first, cache when offline.
    if (new URL(request.url).pathname.endsWith('/embed-origins.json')) {
      try {
        const fresh = await fetch(request, { cache: 'no-store' });
        if (fresh.ok) cache.put(request, fresh.clone());
        return fresh;
      } catch (e) {
        return (await cache.match(request, { ignoreSearch: true })) || Response.error();
      }
    }
    if (request.mode === 'navigate') {
      return (await cache.match('./')) || fetch(request);
    }
    const hit = await cache.match(request, { ignoreSearch: true });
    if (hit || !isLazy(request.url)) return hit || fetch(request);
    const fresh = await fetch(request);
    // A full storage must not fail the fetch itself: the file is then fetched again next time.
    if (fresh.ok) await cache.put(request, fresh.clone()).catch(() => {});
    return fresh;
  }));
});
