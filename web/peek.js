// peek.js hides the sticky estimate bar (.peek, shown on narrow screens while the form is
// on screen) whenever the summary is on screen too, where it would only repeat it: it
// sets data-summary-visible on <html>, which web/app.css reads. No inline code, no style.
//
// An IntersectionObserver tells when the summary enters or leaves the screen. It never
// reads layout itself: measuring the summary (getBoundingClientRect) after each edit
// forced a layout of the whole page in the middle of the edit's frame (make bench's
// profile: about a tenth of an edit's main-thread time). go-app replaces the summary's
// element when the app starts and may again later: a removed element is reported as
// leaving the screen, and the script then observes the new one.
(function () {
  "use strict";

  var root = document.documentElement;
  if (typeof IntersectionObserver !== "function") {
    return; // the bar simply stays on narrow screens
  }
  var observed = null;
  var queued = false;

  function show(visible) {
    if (visible) {
      root.setAttribute("data-summary-visible", "");
    } else {
      root.removeAttribute("data-summary-visible");
    }
  }

  var io = new IntersectionObserver(function (entries) {
    var last = entries[entries.length - 1];
    if (last.target === observed && observed.isConnected) {
      show(last.isIntersecting);
    } else {
      queue(); // the element was replaced: find the new one
    }
  });

  function watch() {
    queued = false;
    var summary = document.getElementById("summary");
    if (summary === observed) {
      return;
    }
    if (observed) {
      io.unobserve(observed);
    }
    observed = summary;
    if (summary) {
      io.observe(summary); // reports its state at once
    } else {
      show(false);
    }
  }

  function queue() {
    if (!queued) {
      queued = true;
      window.requestAnimationFrame(watch);
    }
  }

  // Edits may redraw the summary; looking it up by id reads no layout.
  document.addEventListener("input", queue, true);
  document.addEventListener("change", queue, true);
  document.addEventListener("DOMContentLoaded", queue);
  window.addEventListener("load", queue);
  queue();
})();
