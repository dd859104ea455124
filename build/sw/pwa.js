// -----------------------------------------------------------------------------
// PWA
// -----------------------------------------------------------------------------
// HIT Salary replaces go-app's default PWA section (see build/sw/sw.go) so the
// app works offline under a GitHub Pages sub-path such as /hit-salary/:
// - it precaches the scope URL (/hit-salary/), the URL browsers navigate to;
// - it answers navigations from the cache ignoring the query string, and falls
//   back to the cached shell when the network is down;
// - install and activate run inside event.waitUntil, so a failed precache
//   fails the install instead of activating a worker with an empty cache;
// - it deletes only its own old caches (names start with cachePrefix, which
//   holds the scope), never those of another app on the same origin.
const scopeURL = self.registration.scope;
const cachePrefix = "goapp " + scopeURL + " ";
const cacheName = cachePrefix + "{{.Version}}+" + "@@BUILD_DIGEST@@";
const resourcesToCache = {{.ResourcesToCache}};

self.addEventListener("install", (event) => {
  console.log("installing app worker {{.Version}}");
  event.waitUntil(installWorker());
});

async function installWorker() {
  const cache = await caches.open(cacheName);
  // cache: "no-cache" revalidates every file with the server (ETag or
  // Last-Modified) before storing it: a new version never stores stale files
  // fetched for the previous one, yet a file the page has just downloaded,
  // app.wasm above all, is not downloaded a second time on the first visit.
  await cache.addAll(
    resourcesToCache.map((url) => new Request(url, { cache: "no-cache" }))
  );
  await self.skipWaiting();
}

self.addEventListener("activate", (event) => {
  event.waitUntil(activateWorker());
});

async function activateWorker() {
  await deletePreviousCaches();
  await self.clients.claim();
  console.log("app worker {{.Version}} is activated");
}

async function deletePreviousCaches() {
  const keys = await caches.keys();
  await Promise.all(
    keys
      .filter((key) => key.startsWith(cachePrefix) && key !== cacheName)
      .map(async (key) => {
        console.log("deleting", key, "cache");
        await caches.delete(key);
      })
  );
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(fetchNavigation(request));
    return;
  }
  event.respondWith(fetchWithCache(request));
});

async function fetchWithCache(request) {
  const cache = await caches.open(cacheName);
  const cachedResponse = await cache.match(request);
  if (cachedResponse) {
    return cachedResponse;
  }
  return await fetch(request);
}

async function fetchNavigation(request) {
  const cache = await caches.open(cacheName);
  const cachedPage = await cache.match(request, { ignoreSearch: true });
  if (cachedPage) {
    return cachedPage;
  }
  try {
    return await fetch(request);
  } catch (error) {
    // Offline on a page that is not precached: go-app routes on the client,
    // so the shell renders the requested page from its URL.
    const shell = await cache.match(scopeURL);
    if (shell) {
      return shell;
    }
    throw error;
  }
}

