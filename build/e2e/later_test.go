package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// editAndMarkJS edits #years and, in the page, waits for the estimate to show the new
// median: at that moment (the frame that shows it) it counts the slow panels
// (app/ui/later.go's wrappers) and those marked as updating.
const editAndMarkJS = `new Promise((resolve, reject) => {
	const shows = () => { const x = document.querySelector('[data-testid=estimate]'); return x && x.getAttribute('data-median') === %[2]q; };
	const count = () => ({slow: document.querySelectorAll('.later').length, busy: document.querySelectorAll('.later[aria-busy=true]').length,
		faded: [...document.querySelectorAll('.later[aria-busy=true] > *')].filter(n => getComputedStyle(n).opacity !== '1').length,
		grey: [...document.querySelectorAll('.later[aria-busy=true] > *')].filter(n => getComputedStyle(n).filter.includes('grayscale')).length});
	const mo = new MutationObserver(() => { if (shows()) { mo.disconnect(); clearTimeout(timer); resolve(count()); } });
	const timer = setTimeout(() => { mo.disconnect(); reject(new Error('the estimate never showed ' + %[2]q)); }, 10000);
	mo.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
	const e = document.querySelector('#years');
	e.value = %[1]q;
	e.dispatchEvent(new Event('input', {bubbles: true}));
})`

// TestSlowPanelsFollowEdits checks the panels that follow the scenario once edits pause
// (app/ui/later.go) on the built site: in the frame that shows an edit's estimate every
// one of them is marked as updating, so no figure of the old scenario reads as current;
// once edits pause none is, and they are what a fresh load of the scenario's address
// renders. Marked panels keep their opacity (their text its contrast).
func TestSlowPanelsFollowEdits(t *testing.T) {
	s := site(t, harness.Options{})
	tb := newTab(t, 2*time.Minute)
	tb.navigate(s.URL())
	tb.waitWasm()

	next := estimate.Default()
	for _, years := range []int{12, 3} { // two edits in a row: the second before the first caught up
		next.Years = years
		var got struct{ Slow, Busy, Faded, Grey int }
		tb.mustEval(fmt.Sprintf(editAndMarkJS, fmt.Sprint(years), fmt.Sprint(want(t, next).Median)), &got)
		if got.Slow == 0 || got.Busy != got.Slow {
			t.Errorf("years %d: in the frame that shows the new estimate, %d of %d slow panels are marked updating, want all",
				years, got.Busy, got.Slow)
		}
		// Busy panels lose their colours, not their opacity: see-through muted text fell
		// under 4.5:1 contrast (WCAG 1.4.3) while they caught up.
		if got.Faded != 0 {
			t.Errorf("years %d: %d busy panels are see-through (opacity < 1), which puts their text under AA contrast",
				years, got.Faded)
		}
		// web/app.css greys a busy panel's card (a universal selector cost a restyle of
		// the panel's whole subtree): every slow panel must be drawn in a .card.
		if got.Grey != got.Busy {
			t.Errorf("years %d: %d of %d busy panels are in grey tones, want all (is each slow panel a .card?)",
				years, got.Grey, got.Busy)
		}
	}
	if err := tb.poll(`document.querySelectorAll('.later[aria-busy=true]').length === 0`, changeTimeout); err != nil {
		t.Fatalf("the slow panels are still marked updating after the edits paused: %v", err)
	}
	tb.expectURL(next, "after the edits")
	// The slow panels, as TestPrerenderedEqualsLive serialises the page.
	results := strings.Replace(domJS, "walk(document.getElementById('app'), 0);",
		"document.querySelectorAll('.layout__results > .later').forEach(n => walk(n, 0));", 1)
	if results == domJS {
		t.Fatal("domJS no longer walks #app: update this test")
	}
	var edited, fresh string
	tb.mustEval(results, &edited)

	var href string
	tb.mustEval(`location.href`, &href)
	tb.navigate(href)
	tb.waitWasm()
	tb.expectEstimate(next, "the scenario's address, loaded afresh")
	time.Sleep(500 * time.Millisecond) // the first render is done (TestPrerenderedEqualsLive)
	tb.mustEval(results, &fresh)
	if i, a, b, differ := firstLineDiff(edited, fresh); differ {
		t.Fatalf("the slow panels after the edits caught up differ from a fresh load's at node %d:\n edited: %s\n fresh:  %s", i, a, b)
	}
}
