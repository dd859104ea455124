// harness.cjs runs a generated app-worker.js in Node with a fake service
// worker scope (caches, clients, fetch) and checks one scenario:
//
//   node harness.cjs <worker.js> <scenario>
//
// It prints "ok" and exits 0 when the scenario holds, else prints what went
// wrong and exits 1. Used by build/sw's Go tests.
"use strict";

const fs = require("fs");
const vm = require("vm");
const assert = require("assert");

const origin = "https://example.github.io";
const scope = origin + "/hit-salary/";
const [workerFile, scenario] = process.argv.slice(2);

// Files served by the fake network.
const site = {
  [scope]: "shell",
  [scope + "app.js"]: "app.js",
  [scope + "app.css"]: "app.css",
  [scope + "app-worker.js"]: "worker",
  [scope + "wasm_exec.js"]: "wasm_exec.js",
  [scope + "manifest.webmanifest"]: "{}",
  [scope + "web/app.wasm"]: "wasm",
  [scope + "web/app.css"]: "css",
  [scope + "web/icon-192.png"]: "png",
  [scope + "web/icon-512.png"]: "png",
  [scope + "web/icon-maskable-512.png"]: "png",
  [scope + "web/icon.svg"]: "svg",
  [scope + "role/nurse"]: "nurse page",
  [scope + "es/"]: "Spanish shell",
};

// For the xz scenarios: a real app.wasm.xz and the real decoder (npm
// xz-decompress), from the Go test.
if (process.env.XZ_FILE) {
  site[scope + "web/app.wasm.xz"] = fs.readFileSync(process.env.XZ_FILE);
  site[scope + "web/xz-decompress.js"] = fs.readFileSync(process.env.XZ_DECODER, "utf8");
}

let online = true;
const fetched = [];
const missing = new Set();

function abs(u) {
  return new URL(u, scope + "app-worker.js").href;
}

function urlOf(req) {
  return typeof req === "string" ? abs(req) : abs(req.url);
}

async function fakeFetch(req) {
  const url = urlOf(req);
  fetched.push({ url, cache: typeof req === "string" ? "default" : req.cache });
  if (!online) {
    throw new TypeError("Failed to fetch (offline)");
  }
  if (missing.has(url) || !(url in site)) {
    return new Response("not found", { status: 404 });
  }
  return new Response(site[url], { status: 200 });
}

class FakeCache {
  constructor() {
    this.entries = new Map();
  }
  async match(req, opts) {
    let url = urlOf(req);
    const strip = (u) => (opts && opts.ignoreSearch ? u.split("?")[0] : u);
    for (const [k, v] of this.entries) {
      if (strip(k) === strip(url)) {
        return v.clone();
      }
    }
    return undefined;
  }
  async put(req, res) {
    this.entries.set(urlOf(req), res);
  }
  async add(req) {
    return this.addAll([req]);
  }
  async addAll(reqs) {
    const responses = await Promise.all(reqs.map((r) => fakeFetch(r)));
    responses.forEach((res, i) => {
      if (!res.ok) {
        throw new TypeError("addAll: bad status " + res.status + " for " + urlOf(reqs[i]));
      }
    });
    responses.forEach((res, i) => this.entries.set(urlOf(reqs[i]), res));
  }
}

class FakeCacheStorage {
  constructor() {
    this.caches = new Map();
  }
  async open(name) {
    if (!this.caches.has(name)) {
      this.caches.set(name, new FakeCache());
    }
    return this.caches.get(name);
  }
  async keys() {
    return [...this.caches.keys()];
  }
  async delete(name) {
    return this.caches.delete(name);
  }
  async match(req, opts) {
    for (const c of this.caches.values()) {
      const r = await c.match(req, opts);
      if (r) {
        return r;
      }
    }
    return undefined;
  }
}

const listeners = {};
let skipped = false;
let claimed = false;
const caches = new FakeCacheStorage();
const self = {
  registration: { scope },
  location: { href: scope + "app-worker.js" },
  addEventListener(type, fn) {
    (listeners[type] = listeners[type] || []).push(fn);
  },
  skipWaiting: async () => {
    skipped = true;
  },
  clients: {
    claim: async () => {
      claimed = true;
    },
    matchAll: async () => [],
  },
};

class WorkerRequest extends Request {
  constructor(url, init) {
    super(abs(url), init);
  }
}

const quiet = { log() {}, error() {}, warn() {} };
const context = vm.createContext({
  self,
  caches,
  clients: self.clients,
  fetch: fakeFetch,
  Request: WorkerRequest,
  Response,
  URL,
  Promise,
  console: quiet,
  ReadableStream,
  atob,
  // importScripts runs a script of the fake site in the worker's scope.
  importScripts(url) {
    const code = site[abs(url)];
    if (typeof code !== "string") {
      throw new Error("importScripts: no script at " + abs(url));
    }
    imported.push(abs(url));
    vm.runInContext(code, context);
  },
});
const imported = [];
vm.runInContext(fs.readFileSync(workerFile, "utf8"), context, { filename: workerFile });

// dispatch fires an extendable event and returns the waitUntil promise.
async function dispatch(type, extra) {
  const waits = [];
  let responded;
  const event = Object.assign(
    {
      waitUntil(p) {
        waits.push(p);
      },
      respondWith(p) {
        responded = Promise.resolve(p);
      },
    },
    extra
  );
  for (const fn of listeners[type] || []) {
    fn(event);
  }
  await Promise.all(waits);
  return responded;
}

function navigate(path) {
  return { request: { url: origin + path, method: "GET", mode: "navigate" } };
}

function get(path) {
  return { request: { url: origin + path, method: "GET", mode: "cors" } };
}

async function ownCache() {
  const names = (await caches.keys()).filter((k) => k.startsWith("goapp " + scope));
  assert.strictEqual(names.length, 1, "own caches: " + JSON.stringify(names));
  return caches.open(names[0]);
}

async function body(res) {
  assert.ok(res, "no response");
  return await (await res).text();
}

const scenarios = {
  async "xz: install keeps app.wasm decoded from app.wasm.xz"() {
    assert.deepStrictEqual(imported, [scope + "web/xz-decompress.js"]);
    await dispatch("install");
    const cache = await ownCache();
    const wasm = await cache.match(scope + "web/app.wasm");
    assert.ok(wasm, "app.wasm not cached");
    assert.strictEqual(await wasm.text(), process.env.XZ_WANT);
    assert.strictEqual(wasm.headers.get("Content-Type"), "application/wasm");
    const urls = fetched.map((f) => f.url);
    assert.ok(urls.includes(scope + "web/app.wasm.xz"), "app.wasm.xz not fetched: " + urls);
    assert.ok(!urls.includes(scope + "web/app.wasm"), "app.wasm downloaded besides app.wasm.xz: " + urls);
  },

  async "xz: a corrupt app.wasm.xz falls back to app.wasm"() {
    const xz = site[scope + "web/app.wasm.xz"];
    site[scope + "web/app.wasm.xz"] = xz.subarray(0, xz.length - 20);
    await dispatch("install");
    const wasm = await (await ownCache()).match(scope + "web/app.wasm");
    assert.strictEqual(await wasm.text(), "wasm");
  },

  async "install precaches the scope URL and every resource"() {
    await dispatch("install");
    const cache = await ownCache();
    const urls = [...cache.entries.keys()].sort();
    assert.ok(urls.includes(scope), "scope URL not cached: " + urls);
    assert.ok(urls.includes(scope + "web/app.wasm"), "wasm not cached: " + urls);
    assert.ok(!urls.includes(origin + "/hit-salary"), "slashless start URL cached: " + urls);
    assert.ok(skipped, "skipWaiting not called");
    for (const f of fetched) {
      assert.strictEqual(f.cache, "no-cache", "precache fetch must revalidate with the server: " + f.url);
    }
  },

  async "install fails when a resource cannot be fetched"() {
    missing.add(scope + "web/app.wasm");
    await assert.rejects(dispatch("install"), /bad status 404/);
    assert.ok(!skipped, "skipWaiting called after a failed install");
  },

  async "activate deletes only its own previous caches"() {
    const mine = "goapp " + scope + " v0+old";
    const others = ["app-123", "goapp " + origin + "/other/ v1+abc", "goapp " + origin + "/ v1+abc"];
    for (const n of [mine, ...others]) {
      await caches.open(n);
    }
    await dispatch("install");
    await dispatch("activate");
    const names = await caches.keys();
    assert.ok(!names.includes(mine), "own old cache kept: " + names);
    for (const n of others) {
      assert.ok(names.includes(n), "deleted another app's cache " + n + ": " + names);
    }
    await ownCache();
    assert.ok(claimed, "clients.claim not called");
  },

  async "offline navigation with a query string gets the cached shell"() {
    await dispatch("install");
    await dispatch("activate");
    online = false;
    const res = await dispatch("fetch", navigate("/hit-salary/?role=nurse&state=CA"));
    assert.strictEqual(await body(res), "shell");
  },

  async "offline navigation to an uncached page falls back to the shell"() {
    await dispatch("install");
    online = false;
    const res = await dispatch("fetch", navigate("/hit-salary/role/nurse?years=3"));
    assert.strictEqual(await body(res), "shell");
  },

  async "offline navigation to an uncached page in Spanish falls back to the Spanish shell"() {
    await dispatch("install");
    online = false;
    const res = await dispatch("fetch", navigate("/hit-salary/es/roles/it-support/tx/?years=3"));
    assert.strictEqual(await body(res), "Spanish shell");
    const other = await dispatch("fetch", navigate("/hit-salary/roles/it-support/tx/"));
    assert.strictEqual(await body(other), "shell");
  },

  async "online navigation to an uncached page uses the network"() {
    await dispatch("install");
    const res = await dispatch("fetch", navigate("/hit-salary/role/nurse"));
    assert.strictEqual(await body(res), "nurse page");
  },

  async "offline asset comes from the cache"() {
    await dispatch("install");
    online = false;
    const res = await dispatch("fetch", get("/hit-salary/web/app.wasm"));
    assert.strictEqual(await body(res), "wasm");
  },

  async "another app's cache is never consulted"() {
    const other = await caches.open("app-123");
    await other.put(origin + "/hit-salary/extra.js", new Response("stale"));
    await dispatch("install");
    site[scope + "extra.js"] = "fresh";
    const res = await dispatch("fetch", get("/hit-salary/extra.js"));
    assert.strictEqual(await body(res), "fresh");
  },

  async "non-GET requests are left to the browser"() {
    await dispatch("install");
    const res = await dispatch("fetch", { request: { url: scope, method: "POST", mode: "cors" } });
    assert.strictEqual(res, undefined);
  },
};

(async () => {
  const run = scenarios[scenario];
  if (!run) {
    console.log("unknown scenario " + JSON.stringify(scenario) + "; known: " + Object.keys(scenarios).join(" | "));
    process.exit(2);
  }
  try {
    await run();
    console.log("ok");
  } catch (err) {
    console.log(String(err && err.stack ? err.stack : err));
    process.exit(1);
  }
})();
