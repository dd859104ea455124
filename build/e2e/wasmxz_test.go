package e2e

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// wasmRequests counts the server's answers for app.wasm and app.wasm.xz with status
// 200 (a body sent) and 304 (revalidated, nothing sent).
func wasmRequests(s *harness.Server) (plain, xz, xz304 int) {
	for _, q := range s.Log() {
		switch {
		case strings.HasSuffix(q.Path, "/web/app.wasm") && q.Status == http.StatusOK:
			plain++
		case strings.HasSuffix(q.Path, "/web/app.wasm.xz") && q.Status == http.StatusOK:
			xz++
		case strings.HasSuffix(q.Path, "/web/app.wasm.xz") && q.Status == http.StatusNotModified:
			xz304++
		}
	}
	return
}

// needXZ skips the test for a site built without app.wasm.xz.
func needXZ(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(needSite(t), "web", "app.wasm.xz")); err != nil {
		unavailable(t, "the site has no web/app.wasm.xz (built without -wasm-xz)")
	}
}

// TestWasmFromXZ: a first visit loads app.wasm.xz (decoded in the page) and never
// app.wasm; the service worker, registered once the app runs, keeps the decoded wasm
// from that same download (a revalidation, not a second download), so the next visit
// loads app.wasm from the worker and the server sends no wasm at all.
func TestWasmFromXZ(t *testing.T) {
	needXZ(t)
	s := site(t, harness.Options{Gzip: true})
	tb := newTab(t, 2*time.Minute)
	tb.navigate(s.URL())
	tb.waitWasm()
	var source string
	tb.mustEval(`window.hitWasmSource`, &source)
	if source != "xz" {
		var why string
		tb.eval(`String(window.hitWasmError)`, &why)
		t.Fatalf("first visit: wasm source %q (%s), want xz", source, why)
	}
	tb.expectEstimate(estimate.Default(), "started from app.wasm.xz")
	waitOfflineReady(tb)
	plain, xz, xz304 := wasmRequests(s)
	if plain != 0 || xz != 1 {
		t.Errorf("first visit: server sent app.wasm %d×, app.wasm.xz %d× (and %d revalidations); want app.wasm.xz once only", plain, xz, xz304)
	}

	s.ResetLog()
	tb.navigate(s.URL())
	tb.waitWasm()
	tb.mustEval(`window.hitWasmSource`, &source)
	if source != "wasm" {
		t.Errorf("second visit: wasm source %q, want wasm (decoded, from the service worker)", source)
	}
	if plain, xz, xz304 := wasmRequests(s); plain+xz+xz304 != 0 {
		t.Errorf("second visit: the server was asked for app.wasm %d×, app.wasm.xz %d× (+%d revalidations); want none", plain, xz, xz304)
	}
	tb.expectEstimate(estimate.Default(), "second visit")
}

// TestWasmXZFallback: when app.wasm.xz is corrupt (here: truncated, then garbage), the
// page falls back to app.wasm and the app starts all the same.
func TestWasmXZFallback(t *testing.T) {
	needXZ(t)
	good, err := os.ReadFile(filepath.Join(needSite(t), "web", "app.wasm.xz"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		body []byte
	}{
		{"truncated", good[:len(good)/2]},
		{"not xz", []byte("\x00asm this is not an xz file")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := site(t, harness.Options{Gzip: true})
			s.Tamper(harness.Base+"web/app.wasm.xz", tt.body)
			tb := newTab(t, 2*time.Minute)
			tb.navigate(s.URL())
			tb.waitWasm()
			var source, why string
			tb.mustEval(`window.hitWasmSource`, &source)
			tb.eval(`String(window.hitWasmError)`, &why)
			if source != "fallback" {
				t.Errorf("wasm source %q, want fallback", source)
			}
			t.Logf("decoder error: %s", why)
			tb.expectEstimate(estimate.Default(), "after the fallback")
			if plain, _, _ := wasmRequests(s); plain != 1 {
				t.Errorf("app.wasm sent %d×, want once (the fallback)", plain)
			}
		})
	}
}

// TestWasmDownloadStartsInHead: on a link with a round trip per response, the page asks
// for app.wasm.xz while its head is still being read, well before go-app's deferred
// loader would: web/wasmfetch.js, async right after the Trusted Types policy, is asked
// for in the parser's first pass after the policy, no later than the style sheets, and
// starts the download before parsing ends. Its place matters because the page's policy
// meta turns off Chromium's preload scanner: a request goes out only when the parser
// reaches its element, and each synchronous script of the head holds back what follows.
func TestWasmDownloadStartsInHead(t *testing.T) {
	needXZ(t)
	s := site(t, harness.Options{Gzip: true, Link: &harness.Link{RTT: 60 * time.Millisecond, Down: 200e6}})
	tb := newTab(t, 2*time.Minute)
	tb.navigate(s.URL())
	tb.waitWasm()
	var got struct {
		Fetch, Wasm, Style, Parsed float64
		Initiator                  string
	}
	tb.mustEval(`(() => {
		const rs = performance.getEntriesByType('resource');
		const start = suffix => { const e = rs.find(e => e.name.endsWith(suffix)); return e ? e.startTime : -1; };
		const wasm = rs.find(e => e.name.endsWith('/web/app.wasm.xz'));
		return {fetch: start('/web/wasmfetch.js'), wasm: start('/web/app.wasm.xz'), initiator: wasm ? wasm.initiatorType : '',
			style: start('/web/app.css'), parsed: performance.getEntriesByType('navigation')[0].domInteractive};
	})()`, &got)
	if got.Fetch < 0 || got.Wasm < 0 || got.Style < 0 {
		t.Fatalf("no resource timing for wasmfetch.js (%.0f), app.wasm.xz (%.0f) or web/app.css (%.0f)", got.Fetch, got.Wasm, got.Style)
	}
	if got.Fetch > got.Style {
		t.Errorf("wasmfetch.js asked for at %.0f ms, after web/app.css (%.0f ms): want it in the first requests after the policy", got.Fetch, got.Style)
	}
	if got.Initiator != "fetch" || got.Wasm >= got.Parsed {
		t.Errorf("app.wasm.xz asked for at %.0f ms by %q; want a fetch before the end of parsing (%.0f ms)", got.Wasm, got.Initiator, got.Parsed)
	}
}
