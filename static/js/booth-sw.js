// The booth app's offline copy (issue 19): the booth page and what it loads are kept when fetched, and
// served from this copy when the network fails. Leads themselves wait in IndexedDB (booth.js), never here.
const CACHE = 'brilliant-booth-v1';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  const kept = url.pathname.endsWith('/booth') || url.pathname.startsWith('/static/');
  if (!kept) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() => caches.match(request).then((hit) => hit || Response.error())),
  );
});
