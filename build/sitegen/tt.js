// tt.js (shipped as web/tt.js; its source is build/sitegen/tt.js, embedded in the
// build tool) is the site's Trusted Types default policy, loaded first in every page (the
// build puts it right after the Content-Security-Policy, which requires Trusted Types
// for scripts: require-trusted-types-for 'script').
//
// The only sink the site's own code reaches with a string is go-app's
// navigator.serviceWorker.register("<base>app-worker.js") in app.js; the xz decoder,
// wasm_exec.js, carry.js and the app set no innerHTML, create no script from a string
// and call no eval. The policy therefore allows script URLs of this site's own origin
// and nothing else: createHTML and createScript are not defined, so any HTML or script
// string reaching a sink is refused and reported as a violation, which the end-to-end
// tests fail on. The origin is the URL's, not location.origin: in an iframe sandboxed
// without allow-same-origin the document's origin is opaque ("null"), yet its scripts
// still come from this site.
(function () {
  "use strict";
  if (typeof trustedTypes === "undefined" || !trustedTypes.createPolicy) {
    return;
  }
  var self = new URL(location.href).origin;
  trustedTypes.createPolicy("default", {
    createScriptURL: function (url) {
      var u = new URL(url, document.baseURI);
      if (u.origin !== self) {
        throw new TypeError("tt.js: script URL of another origin refused: " + u.origin);
      }
      return u.href;
    },
  });
})();
