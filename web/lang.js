// lang.js sends a Spanish reader who opens the English home page to the Spanish one
// before anything is drawn, so the pre-rendered page they see is already in their
// language; likewise from an English role page (<base>roles/…/) to its Spanish page
// (<base>es/roles/…/). Without it they would read the English page until the app starts
// (seconds on a slow link) and switches to Spanish.
//
// It mirrors chooseLang in app/ui/lang.go, which decides once the app runs: on the home
// page and the role pages only, with no lang= in the address and not embedded, the choice saved on this
// device, else the first of the browser's preferred languages the site has. It acts only
// when that is Spanish; every other case is left to the app. It uses no inline code and
// sets nothing but the address, so it works under a strict Content Security Policy.
(function () {
  "use strict";

  var STORAGE_KEY = "hit-salary.lang.v1"; // langStorageKey in app/ui/lang.go
  var KNOWN = ["en", "es"]; // text.Langs()

  // The primary subtag of a BCP 47 tag, if the site has that language.
  function known(tag) {
    var l = String(tag || "").toLowerCase().split(/[-_]/)[0];
    return KNOWN.indexOf(l) >= 0 ? l : "";
  }

  function choice() {
    var saved = "";
    try {
      saved = window.localStorage.getItem(STORAGE_KEY) || "";
    } catch (err) {
      saved = ""; // storage blocked (sandboxed iframe, private mode)
    }
    if (known(saved)) {
      return known(saved);
    }
    var prefs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
    for (var i = 0; i < prefs.length && i < 16; i++) {
      if (known(prefs[i])) {
        return known(prefs[i]);
      }
    }
    return "en";
  }

  try {
    // The site's base path, from this script's own address (<base>web/lang.js).
    var src = document.currentScript && document.currentScript.src;
    var base = src ? new URL("..", src).pathname : "";
    var params = new URLSearchParams(window.location.search);
    var path = window.location.pathname;
    var role = path.indexOf(base + "roles/") === 0; // a role page, which has a Spanish twin
    if (!base || (path !== base && !role) || params.has("lang") || params.has("embed")) {
      return;
    }
    if (choice() === "es") {
      var target = base + "es/" + (role ? path.slice(base.length) : "");
      window.location.replace(target + window.location.search + window.location.hash);
    }
  } catch (err) {
    if (window.console) {
      window.console.warn("lang.js:", err);
    }
  }
})();
