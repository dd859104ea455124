// wasmfetch.js starts downloading app.wasm.xz while the page's head is read. The wasm is
// nearly all of a first visit's bytes, and go-app's loader (app.js, deferred) asks for it
// only once the whole pre-rendered page is parsed and every deferred script has run:
// on a slow link that left the link idle for a round trip or more, at the start of the
// longest download. web/wasmload.js takes this response instead of fetching again.
//
// Nothing is fetched when a service worker controls the page (it keeps app.wasm decoded),
// when the browser cannot stream (wasmload.js then loads plain app.wasm) or when the site
// ships no app.wasm.xz.
"use strict";

(() => {
  try {
    if (navigator.serviceWorker && navigator.serviceWorker.controller) {
      return;
    }
  } catch (err) {
    // An iframe sandboxed without allow-same-origin: no worker controls the page.
  }
  const script = document.currentScript;
  // The build lists wasmload.js (before this file) only when it ships app.wasm.xz.
  const loader = document.querySelector('script[src$="/web/wasmload.js"]');
  if (typeof ReadableStream !== "function" || !script || !script.src || !loader) {
    return;
  }
  const url = new URL("app.wasm.xz", script.src).href;
  const response = fetch(url);
  response.catch(() => {}); // a failure is wasmload.js's to handle (it falls back)
  globalThis.hitWasmEarly = { url, response };
})();
