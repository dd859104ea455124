// peek.js hides the sticky estimate bar (.peek, shown on narrow screens while the form is
// on screen) whenever the summary is on screen too, where it would only repeat it: it
// sets data-summary-visible on <html>, which web/app.css reads. go-app replaces the
// summary's element when the app starts and may again later, so the script looks the
// element up on each check instead of observing one. No inline code, no style.
(function () {
  "use strict";

  var root = document.documentElement;
  var queued = false;

  function check() {
    queued = false;
    var summary = document.getElementById("summary");
    var visible = false;
    if (summary) {
      var r = summary.getBoundingClientRect();
      visible = r.height > 0 && r.top < window.innerHeight && r.bottom > 0;
    }
    if (visible) {
      root.setAttribute("data-summary-visible", "");
    } else {
      root.removeAttribute("data-summary-visible");
    }
  }

  function queue() {
    if (!queued) {
      queued = true;
      window.requestAnimationFrame(check);
    }
  }

  window.addEventListener("scroll", queue, { passive: true });
  window.addEventListener("resize", queue, { passive: true });
  // Edits change the page's length without scrolling.
  document.addEventListener("input", queue, true);
  document.addEventListener("change", queue, true);
  document.addEventListener("DOMContentLoaded", queue);
  window.addEventListener("load", queue);
})();
