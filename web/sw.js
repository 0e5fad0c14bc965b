// Service worker of Brand Self-Check. Generated into the build by scripts/postbuild.mjs, which
// fills in VERSION (a hash of the build) and PRECACHE (every file the build produced).
//
// - Install caches the whole build; a new version waits (no skipWaiting) so an open tab keeps
//   working on the old one until the user chooses to update.
// - Navigations are answered with the cached page, assets cache-first: after the first visit the
//   widget works with no network at all.
// - Only same-origin GET requests are handled; nothing else is touched.
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const CACHE = 'bsc-' + VERSION;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) =>
    cache.addAll(PRECACHE.map((path) => new Request(path, { cache: 'reload' })))));
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
    return (await cache.match(request, { ignoreSearch: true })) || fetch(request);
  }));
});
