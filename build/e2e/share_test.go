package e2e

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// TestShareAndExport reads the CSV and JSON downloads of a scenario on the built site
// back with estimate.ParseExport (the model's figures for the URL's scenario), then
// presses Share: headless Chromium has no share sheet, so the link is copied or shown.
func TestShareAndExport(t *testing.T) {
	s := site(t, harness.Options{})
	tb := newTab(t, time.Minute)
	in := issue7Input(t)
	tb.navigate(s.URL() + "?" + issue7Query)
	tb.waitWasm()
	w := want(t, in)
	for _, id := range []string{"share-csv", "share-json"} {
		var href string
		tb.mustEval(`document.querySelector('[data-testid=`+id+`]').getAttribute('href')`, &href)
		_, body, _ := strings.Cut(href, ",")
		data, err := url.PathUnescape(body)
		if err != nil {
			t.Fatal(err)
		}
		e, err := estimate.ParseExport([]byte(data))
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if e.Estimate != w.Median || e.Low != w.Low || e.High != w.High {
			t.Errorf("%s: %d (%d–%d), want %v", id, e.Estimate, e.Low, e.High, w)
		}
	}
	tb.pressEnter("[data-testid=share-button]")
	tb.waitFor("the share outcome", `document.querySelector('[data-testid=share-status]').textContent.trim() !== ''`, changeTimeout)
	var link string
	tb.mustEval(`(document.getElementById('share-link') || {value: ''}).value`, &link)
	var status string
	tb.mustEval(`document.querySelector('[data-testid=share-status]').textContent`, &status)
	if link != "" && !strings.Contains(link, "role=health-info-tech") {
		t.Errorf("link shown %q, want the scenario's address", link)
	}
	t.Logf("share outcome: %q, link shown %q", status, link)
}
