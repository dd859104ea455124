// wasmload.js loads app.wasm from app.wasm.xz, about 30% fewer bytes than the
// gzip GitHub Pages would send, and falls back to plain app.wasm.
//
// It runs before go-app's app.js (both are deferred, this one first), whose
// loader the build patches (build/sw/appjs.go) to call hitInstantiateWasm
// instead of fetching app.wasm itself. The xz decoder is the npm package
// xz-decompress (xz-embedded compiled to WebAssembly), loaded just before
// this file; it streams, so WebAssembly.instantiateStreaming compiles while
// the bytes arrive, and it needs no eval (only 'wasm-unsafe-eval', which the
// app needs anyway).
//
// When a service worker controls the page, it already keeps app.wasm
// decoded (build/sw/pwa.js): the page then asks for app.wasm and decodes
// nothing. window.hitWasmSource tells the tests which way the wasm came:
// "xz", "wasm" (plain, from the worker or the network) or "fallback" (the
// xz copy failed; window.hitWasmError says why).
"use strict";

(() => {
  const xz = globalThis["xz-decompress"];

  // fetchXz returns a response whose body is url + ".xz", decoded: the download
  // web/wasmfetch.js started early if it is that file, else a new one.
  async function fetchXz(url) {
    const href = new URL(url + ".xz", location.href).href;
    const early = globalThis.hitWasmEarly;
    globalThis.hitWasmEarly = null; // taken once: a retry fetches anew, and a late wasmfetch.js none
    const res = await (early && early.url === href ? early.response : fetch(href));
    if (!res.ok || !res.body) {
      throw new Error(url + ".xz: HTTP " + res.status);
    }
    return new Response(new xz.XzReadableStream(res.body), {
      headers: { "Content-Type": "application/wasm" },
    });
  }

  // hitInstantiateWasm instantiates the app's wasm: instantiate is
  // WebAssembly.instantiateStreaming (or go-app's stand-in), fetchWasm is
  // go-app's fetchWithProgress(url, progress, fetch).
  globalThis.hitInstantiateWasm = async (instantiate, fetchWasm, url, progress, importObject) => {
    let controlled = false;
    try {
      controlled = "serviceWorker" in navigator && !!navigator.serviceWorker.controller;
    } catch (err) {
      // An iframe sandboxed without allow-same-origin: reading navigator.serviceWorker
      // throws a SecurityError there, and no worker controls the page (issue 8).
    }
    if (xz && typeof ReadableStream === "function" && !controlled) {
      try {
        const wasm = await instantiate(fetchWasm(url, progress, fetchXz), importObject);
        globalThis.hitWasmSource = "xz";
        return wasm;
      } catch (err) {
        console.warn("loading app.wasm.xz failed, loading app.wasm:", err);
        globalThis.hitWasmError = String(err);
        globalThis.hitWasmSource = "fallback";
      }
    }
    const wasm = await instantiate(fetchWasm(url, progress, fetch), importObject);
    globalThis.hitWasmSource = globalThis.hitWasmSource || "wasm";
    return wasm;
  };
})();
