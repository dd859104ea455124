/*!
 * embed.js: fits HIT Salary iframes on your page to their content. No dependencies.
 *
 * Usage, on the page that embeds the estimator (the embed builder, <base>embed-builder/,
 * writes this for you):
 *
 *   <iframe data-hit-salary title="HIT Salary: healthcare IT salary estimator"
 *     src="https://example.github.io/hit-salary/?embed=1&host=https://portal.example"
 *     width="100%" height="900"></iframe>
 *   <script src="https://example.github.io/hit-salary/web/embed.js" defer></script>
 *
 * Add view=compact to the src for a small slot: the form, the estimate, its breakdown,
 * the outlook and the sources, with a link to the full estimator (the embed builder's
 * "Layout" choice). The README's "Embedding in a portal" lists every parameter.
 *
 * host= must be your page's origin (scheme, host and port, exactly as the browser
 * writes location.origin). The embedded app then posts, to that origin only, a message
 * whenever its height changes:
 *
 *   {type: "hit-salary:resize", height: <CSS pixels>}
 *
 * This script sets the height of the iframe that sent it. It accepts a message only
 *   - from the window of an iframe marked data-hit-salary (event.source), and
 *   - from that iframe's origin (event.origin, from its src), or, for an iframe sandboxed
 *     without allow-same-origin, from the opaque origin "null" that such a frame has;
 * with a height that is a finite number, clamped to 100–20000 px. Anything else is
 * ignored. It sends nothing, stores nothing and changes nothing else on your page.
 * window.hitSalaryEmbed.resized counts the resizes it made (for tests).
 */
(function () {
  "use strict";

  var MIN = 100;
  var MAX = 20000;
  var state = { resized: 0 };
  window.hitSalaryEmbed = state;

  function originOf(frame) {
    try {
      return new URL(frame.getAttribute("src"), document.baseURI).origin;
    } catch (err) {
      return null;
    }
  }

  function opaque(frame) {
    if (!frame.hasAttribute("sandbox")) {
      return false;
    }
    return (" " + frame.getAttribute("sandbox").toLowerCase() + " ").replace(/\s+/g, " ").indexOf(" allow-same-origin ") < 0;
  }

  window.addEventListener("message", function (event) {
    var d = event.data;
    if (!d || typeof d !== "object" || d.type !== "hit-salary:resize") {
      return;
    }
    var h = d.height;
    if (typeof h !== "number" || !isFinite(h)) {
      return;
    }
    var frames = document.querySelectorAll("iframe[data-hit-salary]");
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (!event.source || f.contentWindow !== event.source) {
        continue;
      }
      var expected = originOf(f);
      if (event.origin !== expected && !(event.origin === "null" && opaque(f))) {
        return;
      }
      f.style.height = Math.round(Math.min(MAX, Math.max(MIN, h))) + "px";
      state.resized++;
      return;
    }
  });
})();
