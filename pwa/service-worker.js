// The offline copy of the app (issue 16). scripts/service-worker.mjs writes it into the bundle
// as sw.js, with VERSION (a hash of every file), FILES (every file installed with this build,
// relative to the scope) and ON_FIRST_USE (files kept when first fetched) prepended.
//
// One cache per build. Installing fetches every file into a new cache, all or nothing
// (Cache.addAll), so a half-downloaded deploy never serves; the running version keeps answering
// from its own cache until every tab has moved on. Pages and assets are always served from the
// one cache of the version that controls the tab, so old and new files never mix. The page
// (index.html's script) offers to reload when a new version is waiting, and says "updated" after.

const CACHE = `interview-prep@${new URL(self.registration.scope).pathname}#${VERSION}`;
const OWN_CACHES = `interview-prep@${new URL(self.registration.scope).pathname}#`;

/** Where a file of the build lives, as an absolute URL under the scope. */
const urlOf = (file) => new URL(file, self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(
        FILES.map((file) =>
          // Hashed assets may come from the HTTP cache (their name changes with their content);
          // pages are revalidated, so a stale page cannot point at another build's assets.
          new Request(urlOf(file), { cache: file.endsWith('.html') ? 'no-cache' : 'default' }),
        ),
      ),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(OWN_CACHES) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

// The page asks for this when the person chooses to load the new version.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  const scope = new URL(self.registration.scope);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  if (request.mode === 'navigate') {
    event.respondWith(page(url.pathname.slice(scope.pathname.length)));
  } else {
    event.respondWith(asset(request));
  }
});

/** The page for an app path, as the static host would answer it: `card/x` is `card/x.html` and
 * the root `index.html`. Anything else (the single-file download, a path the app does not know)
 * goes to the network, and offline to the app's 404 page, which still routes in the app. */
async function page(path) {
  const cache = await caches.open(CACHE);
  const trimmed = path.replace(/\/+$/, '');
  const file = trimmed === '' ? 'index.html' : `${trimmed}.html`;
  const cached = await cache.match(urlOf(file));
  if (cached) return cached;
  try {
    return await fetch(urlOf(path));
  } catch (offline) {
    return (await cache.match(urlOf('404.html'))) ?? Response.error();
  }
}

async function asset(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  // A file left out of the install (the deck compiler's worker) is kept once fetched, in this
  // build's cache, so it works offline from its first use on.
  const path = new URL(request.url).pathname;
  if (response.ok && ON_FIRST_USE.some((file) => new URL(urlOf(file)).pathname === path)) {
    await cache.put(request, response.clone());
  }
  return response;
}
