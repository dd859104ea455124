package e2e

import (
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// slowPanelsJS describes the slow panels' wrappers (.later, app/ui/later.go): for each,
// whether it is marked busy, how many elements it holds, and its first element's id,
// position, size and text.
const slowPanelsJS = `[...document.querySelectorAll('#app .layout__results > .later')].map(w => {
	const c = w.firstElementChild, r = c ? c.getBoundingClientRect() : {top: -1, height: -1};
	return {busy: w.getAttribute('aria-busy') === 'true', elements: w.childElementCount, kept: !!w.hitKept,
		id: c ? c.id || c.className : '', top: r.top + scrollY, height: r.height,
		text: c ? c.textContent.replace(/\s+/g, ' ').trim() : ''};
})`

// slowPanel is one entry of slowPanelsJS.
type slowPanel struct {
	Busy        bool
	Elements    int
	Kept        bool // holds the pre-rendered panel's nodes (app/ui/boot.go)
	ID          string
	Top, Height float64
	Text        string
}

// TestFirstMountInSteps checks the staged first mount (app/ui/boot.go). In the frame
// that shows the live estimate, every slow panel not mounted yet still shows its
// pre-rendered nodes, where they were: nothing disappears or moves. They are marked busy
// only if the pre-rendered page was for another scenario (a deep link). The form answers
// at once, while panels may still be mounting. Then every panel mounts
// (window.hitPanelsMounted), each wrapper holds its live panel alone, and no id is left
// twice in the page.
func TestFirstMountInSteps(t *testing.T) {
	for _, tc := range []struct {
		name, query string
		busy        bool
	}{
		{"home page", "", false},
		{"deep link", "?years=23&state=TX", true},
	} {
		t.Run(tc.name, func(t *testing.T) { testFirstMount(t, tc.query, tc.busy) })
	}
}

func testFirstMount(t *testing.T, query string, busy bool) {
	s := site(t, harness.Options{})
	release := s.HoldWasm()
	defer release()
	tb := newTab(t, 90*time.Second)
	tb.navigate(s.URL() + query)
	var pre []slowPanel
	tb.mustEval(slowPanelsJS, &pre)
	if len(pre) < 5 {
		t.Fatalf("the pre-rendered page has %d slow panels, want several", len(pre))
	}
	var source string
	tb.mustEval(`document.querySelector('`+selEstimate+`').getAttribute('data-source')`, &source)
	if want := map[bool]string{false: "prerender", true: "pending"}[busy]; source != want {
		t.Fatalf("pre-rendered estimate: data-source=%s, want %s (web/carry.js)", source, want)
	}
	// The state of the first live frame, taken in the mutation observer's callback that
	// sees the live estimate: it runs before the browser paints that frame.
	tb.mustEval(`(() => {
		window.__atReady = null;
		const mo = new MutationObserver(() => {
			if (window.__atReady || !document.querySelector('`+selEstimateWasm+`')) return;
			// Nodes (elements and texts) the first frame mounted, and those it kept.
			const count = n => { const w = document.createTreeWalker(n, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT); let k = 0; while (w.nextNode()) k++; return k; };
			const kept = [...document.querySelectorAll('#app .layout__results > .later')].filter(w => w.hitKept).reduce((k, w) => k + count(w), 0);
			window.__atReady = {panels: `+slowPanelsJS+`, mounted: window.hitPanelsMounted !== undefined,
				nodes: count(document.getElementById('app')), kept, median: document.querySelector('`+selEstimate+`').getAttribute('data-median')};
			mo.disconnect();
			// The form works before the panels are in: an edit in the first live frame.
			const el = document.querySelector('#years');
			el.value = String((Number(el.value) + 9) % 41);
			el.dispatchEvent(new Event('input', {bubbles: true}));
			window.__atReady.left = [...document.querySelectorAll('#app .layout__results > .later')].filter(w => w.hitKept).length;
		});
		mo.observe(document, {subtree: true, childList: true, attributes: true});
	})()`, nil)
	release()
	// Not waitWasm, which waits for the slow panels too.
	tb.waitFor("the live estimate", `document.querySelector('`+selEstimateWasm+`')`, wasmTimeout)
	var at struct {
		Panels      []slowPanel
		Mounted     bool
		Nodes, Kept int
		Median      string // the estimate's data-median then
		Left        int    // slow panels still kept when the edit was made
	}
	tb.mustEval(`window.__atReady`, &at)
	if at.Mounted {
		t.Fatalf("every slow panel was mounted in the first live frame: the first mount is not in steps")
	}
	if len(at.Panels) != len(pre) {
		t.Fatalf("first live frame: %d slow panels, the pre-rendered page %d", len(at.Panels), len(pre))
	}
	// On a deep link the panels above the slow ones show other figures, which may take
	// other heights: the slow panels may then move together, not apart.
	shift := at.Panels[0].Top - pre[0].Top
	if !busy && math.Abs(shift) > 1 {
		t.Errorf("the slow panels moved by %.0f px in the first live frame", shift)
	}
	for i, p := range at.Panels {
		q := pre[i]
		if !p.Kept || p.Elements == 0 || p.ID != q.ID || p.Text != q.Text {
			t.Errorf("first live frame, slow panel %d: kept %v, %d elements, %q %.80q; pre-rendered: %q %.80q", i, p.Kept, p.Elements, p.ID, p.Text, q.ID, q.Text)
		}
		if math.Abs(p.Top-shift-q.Top) > 1 || math.Abs(p.Height-q.Height) > 1 {
			t.Errorf("slow panel %d (%s) moved: top %.0f height %.0f, pre-rendered top %.0f height %.0f", i, q.ID, p.Top, p.Height, q.Top, q.Height)
		}
		if p.Busy != busy {
			t.Errorf("slow panel %d (%s) in the first live frame: busy %v, want %v", i, q.ID, p.Busy, busy)
		}
	}
	tb.waitFor("the estimate to follow an edit made in the first live frame",
		fmt.Sprintf(`document.querySelector('%s').getAttribute('data-median') !== %s`, selEstimate, jsString(at.Median)), changeTimeout)
	if at.Left != len(pre) {
		t.Errorf("%d of %d slow panels still kept when the form was edited in the first live frame", at.Left, len(pre))
	}
	t.Logf("%d slow panels pre-rendered; first live frame: %d of the page's %d nodes mounted, %d kept",
		len(pre), at.Nodes-at.Kept, at.Nodes, at.Kept)

	tb.waitFor("every slow panel to mount", `window.hitPanelsMounted !== undefined`, changeTimeout)
	tb.waitFor("the slow panels to catch up", `!document.querySelector('.later[aria-busy=true]')`, changeTimeout)
	var after []slowPanel
	tb.mustEval(slowPanelsJS, &after)
	for i, p := range after {
		if p.Elements != 1 {
			t.Errorf("slow panel %d (%s) holds %d elements once mounted, want its live panel alone", i, p.ID, p.Elements)
		}
	}
	var dup []string
	tb.mustEval(`(() => {
		const seen = {}, dup = [];
		for (const e of document.querySelectorAll('[id]')) { if (seen[e.id]) dup.push(e.id); seen[e.id] = true; }
		return dup;
	})()`, &dup)
	if len(dup) > 0 {
		t.Errorf("ids twice in the page once mounted: %q", dup)
	}
}
