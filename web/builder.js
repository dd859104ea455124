// builder.js runs the embed builder (<base>embed-builder/, build/docpage Builder): it
// turns the form's choices into the code a portal pastes (an iframe of the estimator with
// ?embed=1 and the chosen parameters, and web/embed.js to fit it), shows that code, keeps
// the preview on the same address, and copies the code. The page's language reaches the
// embed through the form's data-lang. The accent and origin rules are
// the embedded app's own (web/embedded.js, loaded first: globalThis.hitEmbed). Every
// message is the catalogue's, from the form's data-msg-* attributes. No inline code, no
// style.
(function () {
  "use strict";

  var form = document.getElementById("builder");
  var code = document.getElementById("b-code");
  var preview = document.getElementById("b-preview");
  var copy = document.getElementById("b-copy");
  var copyStatus = document.getElementById("b-copy-status");
  var E = globalThis.hitEmbed;
  if (!form || !code || !preview || !E) {
    return;
  }
  var app = new URL(form.getAttribute("data-app"), window.location.href).href; // https://site/base/
  var msg = function (name) { return form.getAttribute("data-msg-" + name) || ""; };
  var fill = function (s, vars) {
    return s.replace(/\{(\w+)\}/g, function (m, k) { return k in vars ? vars[k] : m; });
  };
  var value = function (name) {
    var el = form.elements[name];
    return el ? String(el.value || "").trim() : "";
  };
  var esc = function (s) {
    return String(s).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  };

  // The embed's language is the page's, as the page says it (data-lang, set by
  // docpage.Builder): lang=es from the Spanish builder, none from the English one, whose
  // embed speaks its reader's language.
  var lang = form.getAttribute("data-lang") || "";

  // choices reads the form: the embed URL's parameters, the height and the sandbox.
  function choices() {
    var p = new URLSearchParams();
    p.set("embed", "1");
    if (lang) {
      p.set("lang", lang);
    }
    var view = form.querySelector("input[name=view]:checked");
    if (view && view.value === "compact") {
      p.set("view", "compact"); // the compact layout for small slots (app/ui embed.go)
    }
    ["role", "state"].forEach(function (name) {
      if (value(name)) {
        p.set(name, value(name));
      }
    });
    var locks = Array.prototype.filter.call(form.querySelectorAll("input[name=lock]"), function (el) { return el.checked; })
      .map(function (el) { return el.value; });
    if (locks.length) {
      p.set("lock", locks.join(","));
    }
    var theme = form.querySelector("input[name=theme]:checked");
    if (theme && theme.value !== "auto") {
      p.set("theme", theme.value);
    }
    var accentStatus = document.getElementById("b-accent-status");
    var accent = value("accent");
    accentStatus.textContent = "";
    if (accent) {
      var c = E.accentColours(accent);
      if (c) {
        p.set("accent", c.input.slice(1));
        accentStatus.textContent = fill(msg(c.adjusted ? "accent-adjusted" : "accent-ok"), { light: c.light.accent, dark: c.dark.accent });
      } else {
        accentStatus.textContent = msg("accent-bad");
      }
    }
    var hostStatus = document.getElementById("b-host-status");
    var host = value("host");
    hostStatus.textContent = "";
    var origin = null;
    if (host) {
      origin = E.parseOrigin(host);
      if (!origin) {
        hostStatus.textContent = msg("host-bad");
      }
    }
    var height = Math.round(Number(value("height")));
    if (!(height >= 400 && height <= 3000)) {
      height = 900;
    }
    return { params: p, host: origin, height: height, sandbox: form.elements.sandbox.checked };
  }

  function query(params, host) {
    var q = new URLSearchParams(params);
    if (host) {
      q.set("host", host);
    }
    return q.toString().replace(/%2C/gi, ",").replace(/%3A/gi, ":").replace(/%2F/gi, "/");
  }

  var SANDBOX = "allow-scripts allow-popups allow-popups-to-escape-sandbox";
  var shown = "";

  function update() {
    var c = choices();
    var src = app + "?" + query(c.params, c.host);
    code.value = "<iframe data-hit-salary title=\"" + esc(msg("frame")) + "\" src=\"" + esc(src) + "\" width=\"100%\" height=\"" + c.height + "\"" +
      (c.sandbox ? " sandbox=\"" + SANDBOX + "\"" : "") + "></iframe>\n" +
      "<script src=\"" + esc(app + "web/embed.js") + "\" defer></script>";
    // The preview names this page as its host, so it fits itself here as on the portal.
    var previewSrc = app + "?" + query(c.params, window.location.origin);
    var key = previewSrc + "|" + c.sandbox;
    if (key !== shown) {
      shown = key;
      if (c.sandbox) {
        preview.setAttribute("sandbox", SANDBOX);
      } else {
        preview.removeAttribute("sandbox");
      }
      preview.setAttribute("height", String(c.height));
      preview.src = previewSrc;
    }
  }

  form.addEventListener("change", update);
  form.addEventListener("input", function (e) {
    if (e.target && e.target.type !== "text" && e.target.type !== "url" && e.target.type !== "number") {
      update();
    }
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); });

  copy.addEventListener("click", function () {
    var done = function () { copyStatus.textContent = msg("copied"); };
    var failed = function () {
      code.focus();
      code.select();
      copyStatus.textContent = msg("copy-failed");
    };
    copyStatus.textContent = "";
    try {
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(code.value).then(done, failed);
      } else {
        failed();
      }
    } catch (err) {
      failed();
    }
  });
  copy.hidden = false;
  update();
})();
