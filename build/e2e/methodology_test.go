package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// methodologyTitle is the first heading of METHODOLOGY.md, which the page must show.
func methodologyTitle(t *testing.T) string {
	t.Helper()
	root, err := harness.Root()
	if err != nil {
		t.Fatal(err)
	}
	md, err := os.ReadFile(filepath.Join(root, "METHODOLOGY.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(md), "\n") {
		if strings.HasPrefix(line, "# ") {
			return strings.TrimSpace(strings.TrimPrefix(line, "# "))
		}
	}
	t.Fatal("METHODOLOGY.md has no level-1 heading")
	return ""
}

// TestMethodologyPage follows the app's link to the methodology: a page of the site
// under the base path, rendered from METHODOLOGY.md, styled, with a way back, free of
// axe violations; the sources card links to it too. After one visit the service worker
// serves it with the server stopped.
func TestMethodologyPage(t *testing.T) {
	title := methodologyTitle(t)
	s := site(t, harness.Options{})
	tb := newTab(t, 2*time.Minute)
	tb.navigate(s.URL())
	tb.waitWasm()
	waitOfflineReady(tb)

	var hrefs []string
	tb.mustEval(`[...document.querySelectorAll('a[data-page][href$="methodology/"]')].map(a => a.href)`, &hrefs)
	if len(hrefs) < 2 {
		t.Errorf("links to the methodology: %v, want one in the footer and one in the sources", hrefs)
	}
	for _, h := range hrefs {
		if h != s.URL()+"methodology/" {
			t.Errorf("methodology link %q, want %s", h, s.URL()+"methodology/")
		}
	}
	tb.click(".colophon__methodology")
	tb.waitFor("the methodology page", `location.pathname === '`+harness.Base+`methodology/' && !!document.querySelector('h1')`, changeTimeout)
	var page struct {
		H1, Back, Font string
		Headings       int
	}
	tb.mustEval(`({h1: document.querySelector('h1').innerText, back: document.querySelector('.doc__back a').getAttribute('href'),
		font: getComputedStyle(document.body).fontFamily, headings: document.querySelectorAll('main h2').length})`, &page)
	if page.H1 != title {
		t.Errorf("methodology page heading %q, want METHODOLOGY.md's %q", page.H1, title)
	}
	if page.Back != harness.Base {
		t.Errorf("the way back goes to %q, want %s", page.Back, harness.Base)
	}
	if !strings.Contains(page.Font, "system-ui") {
		t.Errorf("the page is not styled by app.css (font %q)", page.Font)
	}
	if page.Headings < 5 {
		t.Errorf("only %d sections: is the whole document there?", page.Headings)
	}
	violations, _ := tb.runAxe(axeSource(t))
	for _, v := range violations {
		t.Errorf("axe %s (%s): %s", v.ID, v.Impact, v.Help)
	}

	stopServer(t, s)
	tb.navigate(s.URL() + "methodology/")
	var h1 string
	if err := tb.poll(`document.querySelector('h1') && document.querySelector('h1').innerText === `+jsString(title), changeTimeout); err != nil {
		tb.eval(`document.title`, &h1)
		t.Errorf("offline, the methodology page does not load (title %q): %v", h1, err)
	}
}

// TestSourceLinksSayWhatTheyOpen: each source link says what following it does, a
// download for a file (the OEWS ZIP) and a page otherwise.
func TestSourceLinksSayWhatTheyOpen(t *testing.T) {
	s := site(t, harness.Options{})
	tb := newTab(t, time.Minute)
	tb.navigate(s.URL())
	tb.waitWasm()
	var links []struct{ Href, Says string }
	tb.mustEval(`[...document.querySelectorAll('#sources .source__link')].map(p => ({href: p.querySelector('a').href,
		says: p.querySelector('.source__opens').textContent}))`, &links)
	if len(links) < 3 {
		t.Fatalf("only %d source links", len(links))
	}
	for _, l := range links {
		download := strings.HasSuffix(l.Href, ".zip")
		if says := strings.Contains(l.Says, "downloads"); says != download {
			t.Errorf("link %s says %q", l.Href, l.Says)
		}
	}
}
