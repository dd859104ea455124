// carry.js bridges the pre-rendered page and the WebAssembly app, which replaces the
// page's DOM when it starts (seconds later on a slow link).
//
// 1. At once, it applies the scenario of the URL (or, with none in the URL, the one kept
//    on this device) to the pre-rendered form, following the rules the form itself
//    shows: a select takes a value only if it has that option (case-insensitively), a
//    number only within the input's min and max, checkboxes and radios only those that
//    exist. If that scenario is not the one the pre-rendered figures were computed for
//    (the form as pre-rendered), or a parameter cannot be applied, it marks the result
//    as pending: [data-testid=estimate] gets data-source="pending" and aria-busy, the CSS
//    hides the figures and "Working out your estimate…" shows until the app has computed
//    the scenario. The page never shows figures for another scenario than the URL's.
// 2. It writes each edit of the pre-rendered form into the URL (history.replaceState,
//    the form's own field names), which the app reads when it starts, and marks the
//    result pending the same way.
// 3. It records which field has focus (data-carry-focus on <html>) so the app can give
//    it back, and keeps Enter in a field from submitting the form.
// 4. It makes in-page links (the skip link) move focus, and keeps links to other pages
//    of the site from go-app's router (see onClick), before and after the app starts.
//
// Apart from 4, it acts only while go-app's loader (#app-wasm-loader) is in the page,
// that is before the app runs; afterwards the app owns the URL and the page. It knows no list of the
// model (roles, states, certifications): the form's controls are the rules. It uses no
// inline code and sets no style, so it works under a strict Content Security Policy.
(function () {
  "use strict";

  var FORM_ID = "scenario";
  // The key under which the app keeps the last scenario (storageKey in app/ui/browser.go).
  var STORAGE_KEY = "hit-salary.scenario.v1";
  // The longest parameter value the model reads (maxParam in app/estimate/input.go);
  // a longer one is refused, so it cannot be applied here either.
  var MAX_VALUE = 200;
  // While set on <html>, the CSS hides the pre-rendered figures: the page has a scenario
  // to apply and this script has not yet compared it with the pre-rendered one.
  var CHECK_ATTR = "data-carry-check";

  var root = document.documentElement;
  var snapshot = null; // the form's state as pre-rendered, once the page is parsed

  function appStarted() {
    return !document.getElementById("app-wasm-loader");
  }

  function inForm(el) {
    return !!(el && el.closest && el.closest("#" + FORM_ID));
  }

  function controls(form) {
    return Array.prototype.slice.call(form.querySelectorAll("select[name], input[name]"));
  }

  // names lists the form's field names in form order, each once.
  function names(form) {
    var out = [];
    controls(form).forEach(function (el) {
      if (out.indexOf(el.name) < 0) {
        out.push(el.name);
      }
    });
    return out;
  }

  function byName(form, name) {
    return controls(form).filter(function (el) {
      return el.name === name;
    });
  }

  // fieldValue is a field's value as the URL writes it, or null if it has none the app
  // would read (a number being typed, no radio checked).
  function fieldValue(els) {
    var first = els[0];
    if (first.type === "checkbox") {
      return els.filter(function (el) { return el.checked; })
        .map(function (el) { return el.value; }).join(",");
    }
    if (first.type === "radio") {
      var on = els.filter(function (el) { return el.checked; })[0];
      return on ? on.value : null;
    }
    var v = String(first.value).trim();
    if (first.type === "number") {
      return /^\d{1,3}$/.test(v) ? String(Number(v)) : null;
    }
    return v === "" ? null : v;
  }

  // formState is the form's scenario as a comparable string.
  function formState(form) {
    return names(form).map(function (name) {
      return name + "=" + fieldValue(byName(form, name));
    }).join("&");
  }

  function same(a, b) {
    return String(a).toLowerCase() === String(b).toLowerCase();
  }

  // applyValue applies one parameter's value to the field's controls, as the model would
  // read it, and reports whether it could. With dry set it only checks.
  function applyValue(els, v, dry) {
    var first = els[0];
    if (v.length > MAX_VALUE) {
      return false;
    }
    if (first.tagName === "SELECT") {
      var opt = Array.prototype.filter.call(first.options, function (o) { return same(o.value, v); })[0];
      if (!opt) {
        return false;
      }
      if (!dry) {
        first.value = opt.value;
      }
      return true;
    }
    if (first.type === "number") {
      var n = Number(v);
      var lo = first.min === "" ? -Infinity : Number(first.min);
      var hi = first.max === "" ? Infinity : Number(first.max);
      if (!/^\d+$/.test(v) || n < lo || n > hi) {
        return false;
      }
      if (!dry) {
        first.value = String(n);
      }
      return true;
    }
    if (first.type === "checkbox") {
      var want = v.split(",").map(function (s) { return s.trim(); }).filter(Boolean);
      var known = want.every(function (w) {
        return els.some(function (el) { return same(el.value, w); });
      });
      if (!dry) {
        els.forEach(function (el) {
          el.checked = want.some(function (w) { return same(el.value, w); });
        });
      }
      return known;
    }
    if (first.type === "radio") {
      var pick = els.filter(function (el) { return same(el.value, v); })[0];
      if (!pick) {
        return false;
      }
      if (!dry) {
        els.forEach(function (el) { el.checked = el === pick; });
      }
      return true;
    }
    if (!dry) {
      first.value = v;
    }
    return true;
  }

  // applyParams applies the form's parameters found in params and reports whether every
  // one of them could be applied. A parameter given empty counts as absent, and a locked
  // (disabled) field keeps its value, as in the app.
  function applyParams(form, params, dry) {
    var ok = true;
    names(form).forEach(function (name) {
      if (!params.has(name)) {
        return;
      }
      var all = params.getAll(name);
      var v = String(all[all.length - 1]).trim();
      var els = byName(form, name).filter(function (el) { return !el.disabled; });
      if (v === "" || els.length === 0) {
        return;
      }
      if (!applyValue(els, v, dry)) {
        ok = false;
      }
    });
    return ok;
  }

  function hasFormParam(form, params) {
    return names(form).some(function (name) { return params.has(name); });
  }

  function storedParams() {
    try {
      var s = window.localStorage && window.localStorage.getItem(STORAGE_KEY);
      return s && s.length <= 2048 ? new URLSearchParams(s) : null;
    } catch (err) {
      return null;
    }
  }

  // markPending hides the pre-rendered figures, which are for another scenario: the
  // estimate says it is pending, and the layout's data-pending hides the figures (web/app.css).
  function markPending() {
    var result = document.querySelector("[data-testid=estimate]");
    if (result && result.getAttribute("data-source") !== "wasm") {
      result.setAttribute("data-source", "pending");
      result.setAttribute("aria-busy", "true");
      setLayoutPending(result, true);
    }
    var hint = document.getElementById("pending-hint");
    if (hint) {
      hint.hidden = false;
    }
  }

  // setLayoutPending marks the layout of the estimate result as pending, or not.
  function setLayoutPending(result, pending) {
    var layout = result.closest(".layout");
    if (!layout) {
      return;
    }
    if (pending) {
      layout.setAttribute("data-pending", "");
    } else {
      layout.removeAttribute("data-pending");
    }
  }

  // markCurrent shows the pre-rendered figures again: the form is back to their scenario.
  function markCurrent() {
    var result = document.querySelector("[data-testid=estimate]");
    if (result && result.getAttribute("data-source") === "pending") {
      result.setAttribute("data-source", "prerender");
      result.removeAttribute("aria-busy");
      setLayoutPending(result, false);
    }
    var hint = document.getElementById("pending-hint");
    if (hint) {
      hint.hidden = true;
    }
  }

  // renderedHere reports whether the pre-rendered page is the one of this address. The
  // service worker answers a page it has not cached (a role page, offline) with the app
  // shell, the home page: its figures are for the home page's scenario, not this page's.
  // A page other than the home page names its path (data-route on #app, relative to the
  // base path, which the manifest link gives).
  function renderedHere() {
    var app = document.getElementById("app");
    var manifest = document.querySelector("link[rel=manifest]");
    if (!app || !manifest) {
      return true;
    }
    var route = app.getAttribute("data-route") || "/";
    var href = new URL(manifest.getAttribute("href"), window.location.href).pathname;
    var base = href.slice(0, href.lastIndexOf("/") + 1);
    var here = window.location.pathname.replace(/index\.html$/, "");
    return here === base + route.slice(1);
  }

  // start applies the page's scenario to the pre-rendered form, once it is parsed.
  function start() {
    try {
      var form = document.getElementById(FORM_ID);
      if (!form || appStarted()) {
        return;
      }
      if (!renderedHere()) {
        // The figures and the form are another page's: the app renders this one.
        markPending();
        return;
      }
      snapshot = formState(form);
      var params = new URLSearchParams(window.location.search);
      var ok = true;
      if (hasFormParam(form, params)) {
        ok = applyParams(form, params, false);
      } else if (!document.querySelector(".app--embed, [data-stored=off]") && !(root.hasAttribute && root.hasAttribute("data-embed"))) {
        // (data-embed: web/embedded.js marks an embedded page before the app starts.)
        // As the app does: a kept scenario is used only if all of it is valid.
        var kept = storedParams();
        if (kept && hasFormParam(form, kept) && applyParams(form, kept, true)) {
          applyParams(form, kept, false);
        }
      }
      if (!ok || formState(form) !== snapshot) {
        markPending();
      }
    } catch (err) {
      // Unsure which scenario the figures are for: do not show them as the answer.
      markPending();
      warn(err);
    } finally {
      root.removeAttribute(CHECK_ATTR);
    }
  }

  // scenarioQuery returns the URL query for the form's current state, keeping any
  // parameter of the current URL the form does not own.
  function scenarioQuery(form) {
    var params = new URLSearchParams(window.location.search);
    names(form).forEach(function (name) {
      var v = fieldValue(byName(form, name));
      if (v === null) {
        return;
      }
      if (v === "") {
        params.delete(name);
      } else {
        params.set(name, v);
      }
    });
    return params.toString().replace(/%2C/gi, ",");
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
      if (snapshot !== null && formState(form) === snapshot) {
        markCurrent();
      } else {
        markPending();
      }
    } catch (err) {
      // The page still works without the carry-over; never break it.
      warn(err);
    }
  }

  // The field with focus, so the app can give it back when its first frame replaces
  // the page (see restoreFocus in app/ui/browser.go).
  function onFocus(event) {
    if (appStarted() || !inForm(event.target) || !event.target.id) {
      return;
    }
    root.setAttribute("data-carry-focus", event.target.id);
  }

  function onSubmit(event) {
    if (event.target && event.target.id === FORM_ID) {
      event.preventDefault();
    }
  }

  // In-page links (a[data-focus], the skip link) move focus to their target instead of
  // being followed: the pre-rendered address is the page without its query (go-app
  // writes "#x" as the base path plus the fragment), and go-app's link handling in the
  // browser scrolls without moving focus. Links to other pages of the site
  // (a[data-page], the methodology) are kept from go-app, which would route them inside
  // the app: the browser loads them. Both before and after the app starts.
  function onClick(event) {
    var link = event.target && event.target.closest && event.target.closest("a[data-focus], a[data-page]");
    if (!link || event.defaultPrevented || event.button > 0 || event.metaKey || event.ctrlKey || event.shiftKey) {
      return;
    }
    event.stopPropagation();
    var id = link.getAttribute("data-focus");
    var target = id && document.getElementById(id);
    if (target) {
      event.preventDefault();
      target.focus();
    }
  }

  function warn(err) {
    if (window.console) {
      window.console.warn("carry.js:", err);
    }
  }

  // Loaded in <head>, before the body: hide the figures until start() has compared the
  // scenario, so a deep link never flashes the pre-rendered default.
  try {
    if (window.location.search.length > 1 || storedParams()) {
      root.setAttribute(CHECK_ATTR, "");
    }
  } catch (err) {
    warn(err);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start, true);
  } else {
    start();
  }
  document.addEventListener("input", onEdit, true);
  document.addEventListener("change", onEdit, true);
  document.addEventListener("submit", onSubmit, true);
  document.addEventListener("focusin", onFocus, true);
  document.addEventListener("click", onClick, true);
})();
