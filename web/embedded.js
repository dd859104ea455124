// embedded.js runs in the app's own pages, in <head> before the body is parsed (after
// carry.js), and does what an embedded page (?embed=1, in a school portal's iframe)
// needs before and after the WebAssembly app starts:
//
// 1. It marks <html> with data-embed, so web/app.css drops the site chrome (masthead,
//    footer, sticky bar) from the first paint; the app then renders the embedded layout.
//    view=compact (for small portal slots; anything else: full) makes it
//    data-embed="compact", so the pre-rendered page shows only what the compact layout
//    does (the form, the estimate, the breakdown, the outlook and the sources) until the
//    app renders that layout.
// 2. theme=light|dark (anything else: the reader's device) sets data-theme on <html>,
//    which web/app.css reads.
// 3. accent=<hex> sets the accent colour through CSS custom properties on <html>, by
//    CSSOM (style.setProperty), which a Content-Security-Policy without
//    'unsafe-inline' allows (a style attribute would be refused). The colour is kept
//    readable: it is darkened (light theme) or lightened (dark theme) until text in it
//    has at least 4.5:1 contrast (WCAG 2.2 AA) on every background it is used on.
// 4. host=<origin> (http or https, nothing but scheme, host and port) names the page
//    that embeds the app. Only then, and only to that origin (never "*"), the page posts
//    its height to the parent whenever it changes:
//        {type: "hit-salary:resize", height: <CSS pixels, a whole number>}
//    web/embed.js, on the host page, resizes the iframe from it.
// 5. Links that leave the page open in a new tab (target=_blank rel=noopener), so the
//    frame keeps the estimate; in-page links (the skip link) are left alone.
// 6. Before the app starts, fields named in lock= are disabled in the pre-rendered
//    form once carry.js has applied the link to it (the app shows them as text).
//
// The parameters are read by the same rules as the app's (app/ui/embed.go). Without
// embed=1 nothing happens. It uses no inline code and no eval, sets no style attribute,
// and fails quietly: the estimator works without any of it. The pure functions are on
// globalThis.hitEmbed for the embed builder page and the tests.
(function () {
  "use strict";

  var MAX_VALUE = 200; // longest embed parameter value read (maxEmbedValue in embed.go)
  var MIN_CONTRAST = 4.5; // WCAG 2.2 AA for text

  // The backgrounds the accent is used on (web/app.css): page, card, notice and the
  // dark theme's button text, in each theme.
  var LIGHT = { bg: "#f5f7fa", surface: "#ffffff", notice: "#fff7e0" };
  var DARK = { bg: "#0f141b", surface: "#171e27", notice: "#33290f", onAccent: "#0b1420" };

  function parseHex(v) {
    if (typeof v !== "string") {
      return null;
    }
    var s = v.trim().toLowerCase().replace(/^#/, "");
    if (!/^([0-9a-f]{3}|[0-9a-f]{6})$/.test(s)) {
      return null;
    }
    if (s.length === 3) {
      s = s[0] + s[0] + s[1] + s[1] + s[2] + s[2];
    }
    return "#" + s;
  }

  function rgb(hex) {
    var n = parseInt(hex.slice(1), 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }

  function toHex(c) {
    return "#" + c.map(function (x) {
      var s = Math.round(Math.min(255, Math.max(0, x))).toString(16);
      return s.length < 2 ? "0" + s : s;
    }).join("");
  }

  // luminance is WCAG's relative luminance of a #rrggbb colour.
  function luminance(hex) {
    var c = rgb(hex).map(function (x) {
      x /= 255;
      return x <= 0.04045 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

  function contrast(a, b) {
    var la = luminance(a), lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  // mix is a + t·(b − a), channel by channel.
  function mix(a, b, t) {
    var x = rgb(a), y = rgb(b);
    return toHex([0, 1, 2].map(function (i) { return x[i] + (y[i] - x[i]) * t; }));
  }

  function values(o) {
    return Object.keys(o).map(function (k) { return o[k]; });
  }

  // fit moves colour toward target (black or white) in steps of 2.5% until it has
  // MIN_CONTRAST on every background, its own tint (soft) included.
  function fit(colour, backgrounds, target, soft) {
    for (var i = 0; i <= 40; i++) {
      var c = mix(colour, target, i / 40);
      var all = values(backgrounds).concat([soft(c)]);
      if (all.every(function (bg) { return contrast(c, bg) >= MIN_CONTRAST; })) {
        return c;
      }
    }
    return target;
  }

  // accentColours returns the custom properties for an accent colour in each theme, or
  // null for a value that is not a hex colour.
  function accentColours(value) {
    var c = parseHex(value);
    if (!c) {
      return null;
    }
    var lightSoft = function (x) { return mix(x, "#ffffff", 0.88); };
    var darkSoft = function (x) { return mix(x, DARK.surface, 0.8); };
    var l = fit(c, LIGHT, "#000000", lightSoft);
    var d = fit(c, DARK, "#ffffff", darkSoft);
    return {
      input: c,
      adjusted: l !== c || d !== c,
      light: { accent: l, strong: mix(l, "#000000", 0.25), soft: lightSoft(l), on: "#ffffff" },
      dark: { accent: d, strong: mix(d, "#ffffff", 0.3), soft: darkSoft(d), on: DARK.onAccent },
    };
  }

  // parseOrigin reads a web origin, or returns null: http(s), a host, an optional port,
  // no user, path (beyond "/"), query or fragment.
  function parseOrigin(v) {
    if (typeof v !== "string" || v.length > MAX_VALUE || /[\s*\\]/.test(v)) {
      return null;
    }
    var u;
    try {
      u = new URL(v);
    } catch (err) {
      return null;
    }
    if ((u.protocol !== "https:" && u.protocol !== "http:") || u.username || u.password ||
      !u.hostname || u.pathname !== "/" || u.search || u.hash || /[?#]/.test(v)) {
      return null;
    }
    if (!/^https?:\/\/[^/]+\/?$/i.test(v.trim())) {
      return null;
    }
    return u.origin;
  }

  // options reads the embed parameters of a query string, as app/ui/embed.go does.
  function options(search) {
    var p = new URLSearchParams(search);
    var last = function (name) {
      var all = p.getAll(name);
      var v = all.length ? String(all[all.length - 1]) : "";
      return v.length > MAX_VALUE ? "" : v;
    };
    var embed = last("embed").toLowerCase();
    var o = { on: embed === "1" || embed === "true", view: "", theme: "", accent: null, lock: [], host: null };
    if (!o.on) {
      return o;
    }
    if (last("view").trim().toLowerCase() === "compact") {
      o.view = "compact";
    }
    var theme = last("theme").trim().toLowerCase();
    if (theme === "light" || theme === "dark") {
      o.theme = theme;
    }
    if (last("accent")) {
      o.accent = accentColours(last("accent"));
    }
    o.lock = last("lock").split(",").map(function (s) { return s.trim().toLowerCase(); }).filter(Boolean);
    o.host = last("host") ? parseOrigin(last("host")) : null;
    return o;
  }

  globalThis.hitEmbed = {
    parseHex: parseHex,
    contrast: contrast,
    accentColours: accentColours,
    parseOrigin: parseOrigin,
    options: options,
  };

  if (typeof document === "undefined" || typeof window === "undefined") {
    return; // loaded by a test runner or the builder's worker: the functions only
  }

  var o;
  try {
    o = options(window.location.search);
  } catch (err) {
    return;
  }
  if (!o.on) {
    return;
  }
  var root = document.documentElement;
  root.setAttribute("data-embed", o.view);
  if (o.theme) {
    root.setAttribute("data-theme", o.theme);
  }
  if (o.accent) {
    [["light", o.accent.light], ["dark", o.accent.dark]].forEach(function (pair) {
      var v = pair[1];
      root.style.setProperty("--embed-" + pair[0] + "-accent", v.accent);
      root.style.setProperty("--embed-" + pair[0] + "-strong", v.strong);
      root.style.setProperty("--embed-" + pair[0] + "-soft", v.soft);
      root.style.setProperty("--embed-" + pair[0] + "-on", v.on);
    });
    root.setAttribute("data-accent", o.accent.adjusted ? "adjusted" : "as-given");
  }

  // 4. The height, to the named host only.
  var framed = false;
  try {
    framed = window.parent && window.parent !== window;
  } catch (err) {
    framed = true;
  }
  if (framed && o.host && typeof ResizeObserver === "function") {
    var sent = -1;
    var queued = false;
    var send = function () {
      queued = false;
      var h = Math.ceil(root.getBoundingClientRect().height);
      if (h === sent || !(h > 0)) {
        return;
      }
      sent = h;
      try {
        window.parent.postMessage({ type: "hit-salary:resize", height: h }, o.host);
      } catch (err) {
        // The parent is not the host named: the browser drops the message.
      }
    };
    var queue = function () {
      if (!queued) {
        queued = true;
        window.requestAnimationFrame(send);
      }
    };
    new ResizeObserver(queue).observe(root);
    window.addEventListener("load", queue);
  }

  // 5. Links that leave the page open in a new tab.
  var external = function (a) {
    var href = a.getAttribute("href");
    return href && href.charAt(0) !== "#" && !a.hasAttribute("data-focus");
  };
  var mark = function (scope) {
    var links = scope.querySelectorAll ? scope.querySelectorAll("a[href]") : [];
    Array.prototype.forEach.call(links, function (a) {
      if (!external(a)) {
        return;
      }
      if (a.target !== "_blank") {
        a.target = "_blank";
      }
      if (!a.relList.contains("noopener")) {
        a.relList.add("noopener");
      }
    });
  };
  var start = function () {
    mark(document);
    new MutationObserver(function (records) {
      records.forEach(function (r) {
        if (r.type === "attributes") {
          mark(r.target.parentNode || document);
        }
        Array.prototype.forEach.call(r.addedNodes, function (n) {
          if (n.nodeType === 1) {
            if (n.tagName === "A") {
              mark(n.parentNode || document);
            } else {
              mark(n);
            }
          }
        });
      });
    }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["href"] });
    // 6. Locked fields of the pre-rendered form, after carry.js has applied the link.
    if (document.getElementById("app-wasm-loader")) {
      var names = o.lock.indexOf("state") >= 0 ? o.lock.concat(["metro"]) : o.lock; // as the form
      names.forEach(function (name) {
        var els = document.querySelectorAll("#scenario [name='" + name.replace(/[^a-z-]/g, "") + "']");
        Array.prototype.forEach.call(els, function (el) { el.disabled = true; });
      });
    }
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
