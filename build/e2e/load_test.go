package e2e

import (
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// TestPrerenderedHTML fetches the start page without a browser: the estimate must already
// be in the HTML with the default scenario's numbers, marked as pre-rendered.
func TestPrerenderedHTML(t *testing.T) {
	s := site(t, harness.Options{})
	resp, err := http.Get(s.URL())
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", s.URL(), resp.Status)
	}
	var found []map[string]string
	for _, tag := range startTags(string(body)) {
		if tag["data-testid"] == "estimate" {
			found = append(found, tag)
		}
	}
	if len(found) != 1 {
		t.Fatalf("index.html has %d elements with data-testid=\"estimate\", want 1", len(found))
	}
	tag := found[0]
	raw := map[string]*string{}
	for _, k := range []string{"low", "median", "high", "source"} {
		if v, ok := tag["data-"+k]; ok {
			raw[k] = &v
		}
	}
	got, err := parseShown(raw)
	if err != nil {
		t.Fatalf("pre-rendered estimate %v: %v", tag, err)
	}
	w := want(t, estimate.Default())
	w.Source = "prerender"
	if got != w {
		t.Errorf("pre-rendered estimate is %v, want the default scenario's %v", got, w)
	}
}

// TestWasmTakesOver loads the start page with app.wasm held back: the pre-rendered
// estimate must be visible and not covered by the loader; once app.wasm is released, the
// live app must take over and show the same numbers.
func TestWasmTakesOver(t *testing.T) {
	s := site(t, harness.Options{})
	release := s.HoldWasm()
	defer release()
	tb := newTab(t, 90*time.Second)
	tb.navigate(s.URL())

	pre, err := tb.readEstimate()
	if err != nil {
		t.Fatalf("pre-rendered page: %v", err)
	}
	w := want(t, estimate.Default())
	w.Source = "prerender"
	if pre != w {
		t.Errorf("before the wasm runs, the page shows %v, want %v", pre, w)
	}
	var onTop bool
	tb.mustEval(`(() => {
		const e = document.querySelector('`+selEstimate+`');
		e.scrollIntoView({block: 'center'});
		const r = e.getBoundingClientRect();
		if (r.width === 0 || r.height === 0) return false;
		const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
		return hit !== null && (hit === e || e.contains(hit));
	})()`, &onTop)
	if !onTop {
		var cover string
		tb.eval(`(() => { const e = document.querySelector('`+selEstimate+`').getBoundingClientRect();
			const h = document.elementFromPoint(e.left + e.width / 2, e.top + e.height / 2);
			return h ? h.outerHTML.slice(0, 200) : 'nothing'; })()`, &cover)
		t.Errorf("the pre-rendered estimate is hidden or covered before the wasm runs; on top of it: %s", cover)
	}

	release()
	tb.waitWasm()
	tb.expectEstimate(estimate.Default(), "live app on the start page")
}
