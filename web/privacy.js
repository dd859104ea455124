// privacy.js is the privacy page's "Clear my saved data" button (build/docpage
// ClearData): it removes what HIT Salary keeps in this browser, and only that:
//   - the local storage items whose names start with "hit-salary." (the saved scenario,
//     hit-salary.scenario.v1, and the language, hit-salary.lang.v1): other sites of the
//     same origin (user.github.io) keep theirs;
//   - the Cache Storage caches of this site's service worker, whose names start with
//     "goapp <scope> " (build/sw/pwa.js): other apps' caches are untouched;
//   - the service worker registered for this site's scope.
// It says what it removed in the status line (a polite live region). The button is
// hidden until this script runs; without it, the page's text says how to clear site
// data in the browser. No inline code, no style.
(function () {
  "use strict";

  var button = document.getElementById("clear-data");
  var status = document.getElementById("clear-status");
  var section = document.querySelector("[data-testid=clear-data]");
  if (!button || !status || !section) {
    return;
  }
  // The site's scope, <base>, from this script's own address (<base>web/privacy.js): the
  // page may be <base>privacy/ or the Spanish <base>es/privacy/.
  var src = document.currentScript && document.currentScript.src;
  var scope = src ? new URL("..", src).href : new URL("../", window.location.href).href;
  var PREFIX = "hit-salary.";

  function fill(s, vars) {
    return s.replace(/\{(\w+)\}/g, function (m, k) { return k in vars ? String(vars[k]) : m; });
  }

  function clearStorage() {
    var n = 0;
    var ls = window.localStorage;
    var keys = [];
    for (var i = 0; i < ls.length; i++) {
      var k = ls.key(i);
      if (k && k.indexOf(PREFIX) === 0) {
        keys.push(k);
      }
    }
    keys.forEach(function (k) { ls.removeItem(k); n++; });
    return n;
  }

  async function clearCaches() {
    if (!window.caches) {
      return 0;
    }
    var names = await window.caches.keys();
    var mine = names.filter(function (name) { return name.indexOf("goapp " + scope + " ") === 0; });
    await Promise.all(mine.map(function (name) { return window.caches.delete(name); }));
    return mine.length;
  }

  async function clearWorkers() {
    if (!navigator.serviceWorker || !navigator.serviceWorker.getRegistrations) {
      return 0;
    }
    var regs = await navigator.serviceWorker.getRegistrations();
    var mine = regs.filter(function (r) { return r.scope === scope; });
    await Promise.all(mine.map(function (r) { return r.unregister(); }));
    return mine.length;
  }

  button.addEventListener("click", async function () {
    var counts = { items: 0, caches: 0, workers: 0 };
    var errors = [];
    status.textContent = "";
    try {
      counts.items = clearStorage();
    } catch (err) {
      errors.push(String(err && err.message || err));
    }
    try {
      counts.workers = await clearWorkers();
    } catch (err) {
      errors.push(String(err && err.message || err));
    }
    try {
      counts.caches = await clearCaches();
    } catch (err) {
      errors.push(String(err && err.message || err));
    }
    var msg = fill(section.getAttribute("data-msg-done"), counts);
    if (errors.length) {
      msg += " " + fill(section.getAttribute("data-msg-failed"), { error: errors.join("; ") });
    }
    status.textContent = msg;
    status.setAttribute("data-cleared", JSON.stringify(counts));
  });
  button.hidden = false;
})();
