package e2e

import (
	"net/url"
	"testing"
	"time"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// missingFromCacheJS lists the site's URLs the page has loaded (the page itself, without
// its query, and every same-origin resource) that no cache of the origin holds. The one
// exception is app.wasm.xz: the worker keeps it decoded as app.wasm, which a page it
// controls asks for instead.
const missingFromCacheJS = `(async () => {
	const urls = new Set([location.origin + location.pathname]);
	for (const e of performance.getEntriesByType('resource')) {
		if (e.name.startsWith(location.origin + '/')) urls.add(e.name.endsWith('/web/app.wasm.xz') ? e.name.slice(0, -3) : e.name);
	}
	const missing = [];
	for (const u of urls) if (!(await caches.match(u))) missing.push(u);
	return missing;
})()`

// waitOfflineReady waits until the service worker controls the page and the caches hold
// everything the page loaded.
func waitOfflineReady(tb *tab) {
	tb.t.Helper()
	tb.waitFor("a service worker to control the page",
		`navigator.serviceWorker && navigator.serviceWorker.controller && navigator.serviceWorker.controller.state === 'activated'`,
		wasmTimeout)
	err := tb.poll(`(async () => (await `+missingFromCacheJS+`).length === 0)()`, 20*time.Second)
	if err != nil {
		var missing []string
		tb.eval(missingFromCacheJS, &missing)
		tb.t.Fatalf("the service worker is active but these files are not cached: %v (%v)", missing, err)
	}
}

// TestOffline visits the site once, then stops the server for real (listener and
// connections closed; DevTools network emulation would not do, because service-worker
// fetches bypass it) and reloads the start page and a scenario link: both must load from
// the service worker, the wasm must start and compute the model's numbers, and the form
// must keep working. Then the server comes back on the same port and the site still works.
func TestOffline(t *testing.T) {
	s := site(t, harness.Options{})
	tb := newTab(t, 2*time.Minute)
	tb.navigate(s.URL())
	tb.waitWasm()
	waitOfflineReady(tb)

	stopServer(t, s)

	tb.navigate(s.URL())
	tb.waitWasm()
	tb.expectEstimate(estimate.Default(), "offline start page")

	const query = "role=it-manager&years=12"
	q, _ := url.ParseQuery(query)
	in, errs := estimate.FromQuery(q)
	if len(errs) != 0 || want(t, in) == want(t, estimate.Default()) {
		t.Fatalf("test link %q must be valid and differ from the default (errors %v)", query, errs)
	}
	tb.navigate(s.URL() + "?" + query)
	tb.waitWasm()
	tb.expectEstimate(in, "offline scenario link")

	tb.setValue("#years", "20")
	in.Years = 20
	tb.expectEstimate(in, "offline form change")
	tb.expectURL(in, "offline form change")

	if err := s.Start(""); err != nil {
		t.Fatalf("restart the server on %s: %v", s.Addr(), err)
	}
	tb.navigate(s.URL() + "?" + query)
	tb.waitWasm()
	in.Years = 12
	tb.expectEstimate(in, "back online")
}
