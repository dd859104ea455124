package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// TestCompare pins two scenarios on the built site, checks the table (two columns, the
// state marked as differing, each column's estimate the model's), that the pins survive
// a reload, that a column's link opens its scenario, and axe-core with the table shown.
func TestCompare(t *testing.T) {
	src := axeSource(t)
	s := site(t, harness.Options{})
	tb := newTab(t, 2*time.Minute)
	in := issue7Input(t)
	tb.navigate(s.URL() + "?" + issue7Query)
	tb.waitWasm()
	tb.pressEnter("[data-testid=compare-pin]")
	tb.waitFor("one pin", `document.querySelector('[data-testid=compare]').dataset.pins === '1'`, changeTimeout)
	tb.setValue("#state", "MA")
	ma := in
	ma.State = "MA"
	tb.expectEstimate(ma, "after choosing Massachusetts")
	tb.pressEnter("[data-testid=compare-pin]")
	tb.waitFor("two pins", `document.querySelector('[data-testid=compare]').dataset.pins === '2'`, changeTimeout)

	check := func(context string) {
		t.Helper()
		var got struct {
			Cols  int
			Diffs []string
			Text  string
		}
		tb.mustEval(`(() => { const c = document.querySelector('[data-testid=compare]');
			return {cols: c.querySelectorAll('thead th[scope=col]').length,
				diffs: [...c.querySelectorAll('td[data-diff]')].map(td => td.textContent),
				text: c.textContent}; })()`, &got)
		if got.Cols != 2 {
			t.Errorf("%s: %d columns, want 2", context, got.Cols)
		}
		if len(got.Diffs) == 0 || !strings.HasPrefix(got.Diffs[0], "Massachusetts") {
			t.Errorf("%s: marked differences %q, want Massachusetts first", context, got.Diffs)
		}
		for _, x := range []estimate.Input{in, ma} {
			if w := want(t, x); !containsMoney(got.Text, w.Median) {
				t.Errorf("%s: the table lacks the estimate %d for %s", context, w.Median, x.State)
			}
		}
	}
	check("after pinning")
	violations, _ := tb.runAxe(src)
	for _, v := range violations {
		t.Errorf("axe %s (%s): %s (%d nodes)", v.ID, v.Impact, v.Help, len(v.Nodes))
	}

	tb.navigate(s.URL() + "?" + issue7Query)
	tb.waitWasm()
	tb.waitFor("the pins after a reload", `document.querySelector('[data-testid=compare]').dataset.pins === '2'`, changeTimeout)
	check("after a reload")

	var href string
	tb.mustEval(`document.querySelectorAll('[data-testid=compare] a.compare__link')[1].getAttribute('href')`, &href)
	tb.navigate(s.Origin() + href)
	tb.waitWasm()
	tb.expectEstimate(ma, "scenario 2's link")
}

// pressEnter activates a button as a keyboard user does: focus, then Enter. (A pointer
// click can land beside it while panels above are still laying out.)
func (tb *tab) pressEnter(sel string) {
	tb.t.Helper()
	var focused bool
	tb.mustEval(`(() => { const b = document.querySelector(`+jsString(sel)+`); if (!b) return false; b.focus(); return document.activeElement === b; })()`, &focused)
	if !focused {
		tb.t.Fatalf("cannot focus %s", sel)
	}
	tb.run("press Enter on "+sel, chromedp.KeyEvent("\r"))
}
