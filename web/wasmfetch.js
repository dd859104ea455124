// wasmfetch.js starts downloading app.wasm.xz while the page's head is read. The wasm is
// nearly all of a first visit's bytes, and go-app's loader (app.js, deferred) asks for it
// only once the whole pre-rendered page is parsed and every deferred script has run:
// on a slow link that left the link idle for a round trip or more, at the start of the
// longest download. web/wasmload.js takes this response instead of fetching again.
//
// The build puts it, async, right after the Trusted Types policy, in pages that ship
// app.wasm.xz, with wasmload.js (build/sitegen's insertWasmLoader): the page's policy
// meta turns off the browser's preload scanner, so each request goes out only when the
// parser reaches it, and an async script holds back nothing.
//
// Nothing is fetched when a service worker controls the page (it keeps app.wasm decoded),
// when the browser cannot stream (wasmload.js then loads plain app.wasm), or when the
// loader has already asked for the wasm itself (this script came late).
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
  // wasmload.js sets hitWasmEarly to null when it starts loading.
  if (typeof ReadableStream !== "function" || !script || !script.src || globalThis.hitWasmEarly !== undefined) {
    return;
  }
  const url = new URL("app.wasm.xz", script.src).href;
  const response = fetch(url);
  response.catch(() => {}); // a failure is wasmload.js's to handle (it falls back)
  globalThis.hitWasmEarly = { url, response };
})();
