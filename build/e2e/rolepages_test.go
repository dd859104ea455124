package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// rolePageSample is a sample of the role pages (every page is checked natively by
// app/ui's TestRolePagesPrerender): national and state pages, a role whose typical
// education is not the default's, DC and a small state.
var rolePageSample = []struct {
	path  string
	role  estimate.Role
	state string
}{
	{"roles/ehr-analyst/", "ehr-analyst", "US"},
	{"roles/ehr-analyst/oh/", "ehr-analyst", "OH"},
	{"roles/security-analyst/ma/", "security-analyst", "MA"},
	{"roles/it-support/dc/", "it-support", "DC"},
	{"roles/him-director/wy/", "him-director", "WY"},
}

func referenceOf(t *testing.T, role estimate.Role, state string) estimate.Input {
	t.Helper()
	in, err := estimate.Reference(role, state)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// TestRolePagesWithoutJavaScript opens a sample of role pages with JavaScript disabled:
// the pre-rendered HTML alone must show the model's estimate for the page's reference
// profile, its title, the guide with the state's rank, and links to the other pages;
// axe-core finds nothing.
func TestRolePagesWithoutJavaScript(t *testing.T) {
	src := axeSource(t)
	s := site(t, harness.Options{})
	for _, pg := range rolePageSample {
		t.Run(pg.path, func(t *testing.T) {
			in := referenceOf(t, pg.role, pg.state)
			w := want(t, in)
			tb := newTab(t, time.Minute)
			tb.run("disable JavaScript", emulation.SetScriptExecutionDisabled(true))
			tb.navigate(s.URL() + pg.path)
			got, err := tb.readEstimate()
			if err != nil || got.Median != w.Median || got.Low != w.Low || got.High != w.High || got.Source != "prerender" {
				t.Errorf("pre-rendered estimate %v (%v), want %d–%d–%d from the model for %+v", got, err, w.Low, w.Median, w.High, in)
			}
			var page struct {
				Title, Guide, Rank string
				Visible            bool
				Links              int
				Started            bool
			}
			tb.mustEval(`(() => {
				const g = document.querySelector('[data-testid=guide]');
				const r = document.querySelector('[data-testid=guide-rank]');
				const e = document.querySelector('[data-testid=estimate] .result__amount, [data-testid=estimate]');
				return {title: document.title, guide: g ? g.textContent : '', rank: r ? r.dataset.rank : '',
					visible: !!e && e.getBoundingClientRect().height > 0 && getComputedStyle(e).visibility !== 'hidden',
					links: g ? g.querySelectorAll('a[href]').length : 0,
					started: !document.getElementById('app-wasm-loader')};
			})()`, &page)
			area, _ := estimate.LookupArea(pg.state)
			if !strings.Contains(page.Title, area.Name) && pg.state != "US" {
				t.Errorf("title %q does not name %s", page.Title, area.Name)
			}
			if !page.Visible || page.Started {
				t.Errorf("estimate visible %v, app started %v: want the pre-rendered page as is", page.Visible, page.Started)
			}
			if pg.state == "US" {
				if page.Rank != "" || page.Links < 51 {
					t.Errorf("national page: rank %q, %d links, want no rank and every state", page.Rank, page.Links)
				}
			} else {
				rows, err := estimate.Rank(in)
				if err != nil {
					t.Fatal(err)
				}
				for _, r := range rows {
					if r.Current && page.Rank != fmt.Sprint(r.Rank) {
						t.Errorf("rank %q, the model ranks %s %d", page.Rank, pg.state, r.Rank)
					}
				}
			}
			// axe-core needs timers, which do not run while scripts are disabled. Turned
			// back on, the page's own scripts (skipped at load) stay unrun: axe checks the
			// page as pre-rendered.
			tb.run("enable JavaScript for axe", emulation.SetScriptExecutionDisabled(false))
			var still bool
			tb.mustEval(`!!document.getElementById('app-wasm-loader') && document.querySelector('[data-testid=estimate]').dataset.source === 'prerender'`, &still)
			if !still {
				t.Fatal("the page's scripts ran once JavaScript was enabled again")
			}
			violations, _ := tb.runAxe(src)
			for _, v := range violations {
				t.Errorf("axe %s (%s): %s (%d nodes)", v.ID, v.Impact, v.Help, len(v.Nodes))
				for _, n := range v.Nodes {
					t.Errorf("\t%s %s", n.Target, n.HTML)
				}
			}
		})
	}
}

// TestRolePagesLive opens the same sample with JavaScript: the wasm app takes over and
// computes the same figure as the HTML had, keeps the page's own scenario over one kept
// on the device, and axe-core finds nothing. An edit then works as on the home page.
func TestRolePagesLive(t *testing.T) {
	src := axeSource(t)
	s := site(t, harness.Options{})
	for i, pg := range rolePageSample {
		t.Run(pg.path, func(t *testing.T) {
			in := referenceOf(t, pg.role, pg.state)
			tb := newTab(t, time.Minute)
			// A scenario kept from an earlier visit must not replace the page's own.
			tb.navigate(s.URL() + "?role=it-manager&state=CA&years=20")
			tb.waitWasm()
			tb.navigate(s.URL() + pg.path)
			tb.waitWasm()
			tb.expectEstimate(in, "role page in the app")
			var q string
			tb.mustEval(`location.pathname + location.search`, &q)
			if q != harness.Base+pg.path {
				t.Errorf("address %q, want %q (no query written over the page's own)", q, harness.Base+pg.path)
			}
			violations, _ := tb.runAxe(src)
			for _, v := range violations {
				t.Errorf("axe %s (%s): %s (%d nodes)", v.ID, v.Impact, v.Help, len(v.Nodes))
			}
			if i == 1 {
				tb.setValue("#years", "2")
				in.Years = 2
				tb.expectEstimate(in, "role page after an edit")
				// The address keeps the page's path; its query says the scenario, read over
				// the page's own (the app writes it once the typing pauses).
				tb.waitFor("the edit in the address", `new URLSearchParams(location.search).get('years') === '2'`, changeTimeout)
				path, q := tb.location()
				got, errs := estimate.FromQueryOver(referenceOf(t, pg.role, pg.state), q)
				if path != harness.Base+pg.path || len(errs) > 0 || got.Query().Encode() != in.Query().Encode() {
					t.Errorf("after an edit the address is %s?%s (%v), want %s with the scenario %s", path, q.Encode(), errs, harness.Base+pg.path, in.Query().Encode())
				}
			}
		})
	}
}

// TestRolePagesOffline: the service worker does not precache the role pages, yet
// offline any of them opens from the app shell and the app renders its scenario; the
// shell's figures (the home page's) are never shown as this page's meanwhile.
func TestRolePagesOffline(t *testing.T) {
	s := site(t, harness.Options{})
	tb := newTab(t, 2*time.Minute)
	tb.navigate(s.URL())
	tb.waitWasm()
	waitOfflineReady(tb)
	var cached []string
	tb.mustEval(`(async () => { const out = [];
		for (const k of await caches.keys()) for (const r of await (await caches.open(k)).keys()) out.push(new URL(r.url).pathname);
		return out; })()`, &cached)
	for _, c := range cached {
		if strings.Contains(c, "/roles/") {
			t.Errorf("the service worker precaches role page %s", c)
		}
	}
	stopServer(t, s)
	for _, pg := range rolePageSample[1:3] {
		in := referenceOf(t, pg.role, pg.state)
		tb.navigate(s.URL() + pg.path)
		var before struct{ Source, Route string }
		tb.mustEval(`({source: document.querySelector('[data-testid=estimate]').dataset.source,
			route: (document.getElementById('app') || {dataset: {}}).dataset.route || ''})`, &before)
		if before.Source == "prerender" && before.Route != "/"+pg.path {
			t.Errorf("%s offline: the shell's pre-rendered figures are shown as this page's", pg.path)
		}
		tb.waitWasm()
		tb.expectEstimate(in, pg.path+" offline")
		var title string
		tb.mustEval(`document.title`, &title)
		if area, _ := estimate.LookupArea(pg.state); !strings.Contains(title, area.Name) {
			t.Errorf("%s offline: title %q", pg.path, title)
		}
	}
}
