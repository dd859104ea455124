package e2e

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// One Chromium serves every test; each test gets its own browser context (its own
// cookies, storage, caches and service workers) and its own server on a fresh port, so
// the tests cannot see each other's state.
var shared struct {
	once    sync.Once
	err     error
	dist    string
	chrome  string
	dataDir string
	alloc   context.Context
	browser context.Context
	cancel  []context.CancelFunc
}

func TestMain(m *testing.M) {
	code := m.Run()
	for i := len(shared.cancel) - 1; i >= 0; i-- {
		shared.cancel[i]()
	}
	if shared.dataDir != "" {
		os.RemoveAll(shared.dataDir)
	}
	os.Exit(code)
}

// unavailable skips the test, or fails it when the CI variable is set: in CI a test that
// silently skips would hide a broken pipeline.
func unavailable(t testing.TB, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("CI is set but the e2e test cannot run: "+format, args...)
	}
	t.Skipf(format, args...)
}

// needSite returns the built site's directory, or skips/fails the test.
func needSite(t testing.TB) string {
	t.Helper()
	dist, err := harness.Dist("")
	if err != nil {
		unavailable(t, "%v", err)
	}
	return dist
}

// needChrome returns the browser's path, or skips/fails the test.
func needChrome(t testing.TB) string {
	t.Helper()
	p, err := harness.ChromePath()
	if err != nil {
		unavailable(t, "%v", err)
	}
	return p
}

// browser returns the shared browser's context, launching it on first use.
func browser(t testing.TB) context.Context {
	t.Helper()
	needSite(t)
	chrome := needChrome(t)
	shared.once.Do(func() {
		dir, err := os.MkdirTemp("", "hit-e2e-chromium-")
		if err != nil {
			shared.err = err
			return
		}
		shared.dataDir = dir
		alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), harness.AllocatorOptions(chrome, dir)...)
		b, cancelBrowser := chromedp.NewContext(alloc)
		shared.cancel = append(shared.cancel, cancelAlloc, cancelBrowser)
		shared.alloc, shared.browser = alloc, b
		shared.err = chromedp.Run(b)
	})
	if shared.err != nil {
		t.Fatalf("launch chromium: %v", shared.err)
	}
	return shared.browser
}

// site starts a server for the built site on a free port and stops it when the test
// ends.
func site(t testing.TB, opts harness.Options) *harness.Server {
	t.Helper()
	s := harness.NewServer(needSite(t), opts)
	if err := s.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Stop() })
	return s
}

// tab is one page in a fresh browser context. It records what the page does that a test
// must never see: JavaScript dialogs and uncaught exceptions.
type tab struct {
	t   testing.TB
	ctx context.Context

	mu         sync.Mutex
	dialogs    []string
	exceptions []string
	console    []string

	// allowExceptions turns uncaught exceptions from failures into log lines (for a test
	// that provokes them on purpose).
	allowExceptions bool

	// violations are the Content Security Policy and Trusted Types violations reported
	// (policy_test.go); each fails the test unless allowViolations is set.
	violations      []string
	allowViolations bool
}

// newTab opens a page in a new browser context of the shared browser. The page is closed
// and its context discarded when the test ends; timeout bounds everything the test does
// in it.
func newTab(t testing.TB, timeout time.Duration) *tab {
	t.Helper()
	b := browser(t)
	ctx, cancel, err := harness.NewTab(b)
	if err != nil {
		t.Fatalf("open tab: %v", err)
	}
	tctx, cancelTimeout := context.WithTimeout(ctx, timeout)
	tb := &tab{t: t, ctx: tctx}
	chromedp.ListenTarget(ctx, tb.listen)
	tb.watchPolicy() // fails the test on any CSP or Trusted Types violation (issue 8)
	t.Cleanup(func() {
		tb.mu.Lock()
		defer tb.mu.Unlock()
		for _, d := range tb.dialogs {
			t.Errorf("a JavaScript dialog opened: %s", d)
		}
		for _, e := range tb.exceptions {
			if tb.allowExceptions {
				t.Logf("uncaught exception (allowed): %s", e)
			} else {
				t.Errorf("uncaught exception in the page: %s", e)
			}
		}
		if t.Failed() {
			for _, c := range tb.console {
				t.Logf("console: %s", c)
			}
		}
		cancelTimeout()
		cancel()
	})
	return tb
}

func (tb *tab) listen(ev any) {
	switch ev := ev.(type) {
	case *page.EventJavascriptDialogOpening:
		tb.mu.Lock()
		tb.dialogs = append(tb.dialogs, fmt.Sprintf("%s %q", ev.Type, ev.Message))
		tb.mu.Unlock()
		// Dismiss it, or the page stays blocked; actions must not run in the listener.
		go chromedp.Run(tb.ctx, page.HandleJavaScriptDialog(false))
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg += " " + d.Exception.Description
		}
		tb.mu.Lock()
		tb.exceptions = append(tb.exceptions, fmt.Sprintf("%s (%s:%d)", msg, d.URL, d.LineNumber))
		tb.mu.Unlock()
	case *runtime.EventConsoleAPICalled:
		var parts []string
		for _, a := range ev.Args {
			if a.Value != nil {
				parts = append(parts, string(a.Value))
			} else {
				parts = append(parts, a.Description)
			}
		}
		tb.mu.Lock()
		tb.console = append(tb.console, fmt.Sprintf("%s: %s", ev.Type, strings.Join(parts, " ")))
		tb.mu.Unlock()
	}
}

// run runs actions and fails the test on error.
func (tb *tab) run(what string, actions ...chromedp.Action) {
	tb.t.Helper()
	if err := chromedp.Run(tb.ctx, actions...); err != nil {
		tb.t.Fatalf("%s: %v", what, err)
	}
}

// stopServer stops the site's server for real (listener and connections closed) and
// checks it no longer answers: the offline tests then rely on the service worker alone.
func stopServer(t testing.TB, s *harness.Server) {
	t.Helper()
	if err := s.Stop(); err != nil {
		t.Fatal(err)
	}
	if resp, err := http.Get(s.URL()); err == nil {
		resp.Body.Close()
		t.Fatalf("the server still answers after Stop: %s", resp.Status)
	}
}
