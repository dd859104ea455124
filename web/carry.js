// carry.js keeps what people change in the pre-rendered form before the WebAssembly app
// starts. go-app replaces the pre-rendered page when the app starts, which would lose
// those edits; this script writes each edit into the URL (history.replaceState, the
// same parameter names as the app: role, state, years, edu, employer, certs, bg), and
// the app reads the URL when it starts.
//
// It acts only while go-app's loader (#app-wasm-loader) is in the page, that is before
// the app runs; afterwards the app owns the URL. It also marks the pre-rendered estimate
// as out of date, records which field has focus (data-carry-focus on <html>) so the app
// can give it back, and keeps Enter in the years field from submitting the form. It uses no
// inline code and sets no style, so it works under a strict Content Security Policy.
(function () {
  "use strict";

  var FORM_ID = "scenario";
  var SELECTS = ["role", "state", "edu", "employer"];

  function appStarted() {
    return !document.getElementById("app-wasm-loader");
  }

  function inForm(el) {
    return !!(el && el.closest && el.closest("#" + FORM_ID));
  }

  // scenarioQuery returns the URL query for the form's current state, keeping any
  // parameter of the current URL the form does not own.
  function scenarioQuery(form) {
    var params = new URLSearchParams(window.location.search);
    SELECTS.forEach(function (id) {
      var el = document.getElementById(id);
      if (el && el.value) {
        params.set(id, el.value);
      }
    });
    var years = document.getElementById("years");
    if (years && /^\s*\d{1,2}\s*$/.test(years.value)) {
      params.set("years", years.value.trim());
    }
    var certs = [];
    form.querySelectorAll("input[name=certs]").forEach(function (box) {
      if (box.checked) {
        certs.push(box.value);
      }
    });
    if (certs.length > 0) {
      params.set("certs", certs.join(","));
    } else {
      params.delete("certs");
    }
    var bg = form.querySelector("input[name=bg]:checked");
    if (bg) {
      params.set("bg", bg.value);
    }
    return params.toString().replace(/%2C/gi, ",");
  }

  function markStale() {
    var result = document.querySelector("[data-testid=estimate]");
    if (result) {
      result.classList.add("is-stale");
      result.setAttribute("aria-busy", "true");
    }
    var hint = document.getElementById("stale-hint");
    if (hint) {
      hint.hidden = false;
    }
  }

  function onEdit(event) {
    if (appStarted() || !inForm(event.target)) {
      return;
    }
    try {
      var form = document.getElementById(FORM_ID);
      var query = scenarioQuery(form);
      var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
      window.history.replaceState(window.history.state, "", url);
      markStale();
    } catch (err) {
      // The page still works without the carry-over; never break it.
      if (window.console) {
        window.console.warn("carry.js:", err);
      }
    }
  }

  // The field with focus, so the app can give it back when its first frame replaces
  // the page (see restoreFocus in app/ui/browser.go).
  function onFocus(event) {
    if (appStarted() || !inForm(event.target) || !event.target.id) {
      return;
    }
    document.documentElement.setAttribute("data-carry-focus", event.target.id);
  }

  function onSubmit(event) {
    if (event.target && event.target.id === FORM_ID) {
      event.preventDefault();
    }
  }

  document.addEventListener("input", onEdit, true);
  document.addEventListener("change", onEdit, true);
  document.addEventListener("submit", onSubmit, true);
  document.addEventListener("focusin", onFocus, true);
})();
