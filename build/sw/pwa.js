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
//   holds the scope), never those of another app on the same origin;
// - it keeps app.wasm decoded from app.wasm.xz (see cacheWasm), so that a
//   page it controls loads app.wasm from the cache and decodes nothing.
const scopeURL = self.registration.scope;
const cachePrefix = "goapp " + scopeURL + " ";
const cacheName = cachePrefix + "{{.Version}}+" + "@@BUILD_DIGEST@@";
const resourcesToCache = {{.ResourcesToCache}};
const wasmURL = new URL("web/app.wasm", scopeURL).href;
// The xz decoder's path under the scope, or "" when the site ships no
// app.wasm.xz (filled in by build/sw.SetWasmDecoder).
const wasmDecoder = "@@WASM_DECODER@@";
if (wasmDecoder) {
  try {
    importScripts(new URL(wasmDecoder, scopeURL).href);
  } catch (err) {
    console.warn("app worker: no xz decoder, app.wasm is cached as served:", err);
  }
}

self.addEventListener("install", (event) => {
  console.log("installing app worker {{.Version}}");
  event.waitUntil(installWorker());
});

async function installWorker() {
  const cache = await caches.open(cacheName);
  const xz = globalThis["xz-decompress"];
  const isWasm = (url) => new URL(url, scopeURL).href === wasmURL;
  // cache: "no-cache" revalidates every file with the server (ETag or
  // Last-Modified) before storing it: a new version never stores stale files
  // fetched for the previous one, yet a file the page has just downloaded,
  // app.wasm(.xz) above all, is not downloaded a second time on the first
  // visit.
  const others = resourcesToCache.filter((url) => !(xz && isWasm(url)));
  await Promise.all([
    cache.addAll(others.map((url) => new Request(url, { cache: "no-cache" }))),
    others.length < resourcesToCache.length ? cacheWasm(cache, xz) : null,
  ]);
  await self.skipWaiting();
}

// cacheWasm stores app.wasm decoded from app.wasm.xz, the file the page
// loads, or app.wasm as served if that fails.
async function cacheWasm(cache, xz) {
  try {
    const res = await fetch(new Request(wasmURL + ".xz", { cache: "no-cache" }));
    if (!res.ok || !res.body) {
      throw new Error("HTTP " + res.status);
    }
    const wasm = await new Response(new xz.XzReadableStream(res.body)).arrayBuffer();
    await cache.put(wasmURL, new Response(wasm, { headers: { "Content-Type": "application/wasm" } }));
  } catch (err) {
    console.warn("app worker: decoding app.wasm.xz failed, caching app.wasm:", err);
    await cache.add(new Request(wasmURL, { cache: "no-cache" }));
  }
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
    // so a shell renders the requested page from its URL. A page under a
    // language's home (<scope>es/roles/…/) gets that home page (<scope>es/),
    // so it reads in its language before the app starts; any other, the
    // scope's.
    const rest = new URL(request.url).pathname.slice(new URL(scopeURL).pathname.length);
    const home = rest.includes("/") ? rest.slice(0, rest.indexOf("/") + 1) : "";
    const shell = (home && (await cache.match(new URL(home, scopeURL).href))) || (await cache.match(scopeURL));
    if (shell) {
      return shell;
    }
    throw error;
  }
}

