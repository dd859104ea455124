package e2e

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// recordingProxy is an HTTP proxy that forwards requests for one origin and refuses and
// records every other one. Chromium sends all its traffic through it, including what
// service workers fetch, which the page's DevTools events do not show.
type recordingProxy struct {
	allowHost string
	forward   http.Handler

	mu      sync.Mutex
	seen    []string // every request, "METHOD URL"
	foreign []string // requests for anything but allowHost
}

func (p *recordingProxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	target := r.URL.String()
	if r.Method == http.MethodConnect {
		target = "CONNECT " + r.Host
	}
	p.mu.Lock()
	p.seen = append(p.seen, r.Method+" "+target)
	if r.Method == http.MethodConnect || r.URL.Host != p.allowHost {
		p.foreign = append(p.foreign, r.Method+" "+target)
		p.mu.Unlock()
		http.Error(w, "refused by the e2e proxy: not the site's origin", http.StatusForbidden)
		return
	}
	p.mu.Unlock()
	p.forward.ServeHTTP(w, r)
}

// TestSameOrigin loads the site, lets the service worker install, uses the form, reloads
// and opens a link: every request, from the page or from its workers, must go to the
// site's own origin (data: and blob: URLs are local and allowed). The browser runs
// behind a proxy that sees all of its traffic, and the page's DevTools network events are
// checked too.
func TestSameOrigin(t *testing.T) {
	needSite(t)
	chrome := needChrome(t)
	s := site(t, harness.Options{})
	origin, _ := url.Parse(s.Origin())
	proxy := &recordingProxy{allowHost: origin.Host, forward: httputil.NewSingleHostReverseProxy(origin)}
	ps := httptest.NewServer(proxy)
	defer ps.Close()

	// Its own browser: the proxy is a launch flag. <-loopback makes Chromium send requests
	// for 127.0.0.1 through the proxy too.
	// Not t.TempDir: Chromium's helper processes may still write there while it is
	// removed, which t.TempDir reports as a failure.
	dataDir, err := os.MkdirTemp("", "hit-e2e-proxy-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dataDir)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), harness.AllocatorOptions(chrome, dataDir,
		chromedp.ProxyServer(ps.URL), chromedp.Flag("proxy-bypass-list", "<-loopback>"))...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(alloc)
	defer cancelBrowser()
	if err := chromedp.Run(bctx); err != nil {
		t.Fatalf("launch chromium: %v", err)
	}
	ctx, cancel := context.WithTimeout(bctx, 90*time.Second)
	defer cancel()
	tb := &tab{t: t, ctx: ctx}
	chromedp.ListenTarget(bctx, tb.listen)

	var mu sync.Mutex
	var pageURLs []string
	chromedp.ListenTarget(bctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			mu.Lock()
			pageURLs = append(pageURLs, e.Request.URL)
			mu.Unlock()
		}
	})
	tb.run("enable network events", network.Enable())

	tb.navigate(s.URL())
	tb.waitWasm()
	waitOfflineReady(tb)
	tb.setValue("#role", "data-analyst")
	tb.setValue("#years", "8")
	tb.click("#cert-epic")
	tb.click("#bg-clinical")
	in := estimate.Default()
	in.Role, in.Years, in.Certs, in.Background = "data-analyst", 8, []estimate.Cert{"epic"}, "clinical"
	tb.expectEstimate(in, "after using the form")
	tb.run("reload", chromedp.Reload())
	tb.waitWasm()
	tb.navigate(s.URL() + "?role=it-manager&state=NY&years=15")
	tb.waitWasm()

	mu.Lock()
	defer mu.Unlock()
	proxy.mu.Lock()
	defer proxy.mu.Unlock()
	if len(proxy.seen) < 3 {
		t.Fatalf("the proxy saw only %d requests (%v): the browser bypassed it and the check is void", len(proxy.seen), proxy.seen)
	}
	for _, f := range proxy.foreign {
		t.Errorf("request to another origin (seen by the proxy): %s", f)
	}
	sawWasm := false
	for _, u := range pageURLs {
		switch {
		case strings.HasPrefix(u, "data:"), strings.HasPrefix(u, "blob:"):
		case strings.HasPrefix(u, s.Origin()+"/"):
			sawWasm = sawWasm || strings.HasSuffix(u, "/app.wasm")
		default:
			t.Errorf("request to another origin (seen by the page): %s", shortURL(u))
		}
	}
	if !sawWasm {
		t.Errorf("the page's network events never showed app.wasm (%d requests): the check is void", len(pageURLs))
	}
	t.Logf("%d page requests, %d requests through the proxy", len(pageURLs), len(proxy.seen))
}
