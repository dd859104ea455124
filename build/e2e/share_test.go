package e2e

import (
	"fmt"
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
	// The files follow the scenario once edits pause: in the frame that shows an edit's
	// estimate they still hold the last scenario and are marked busy, then catch up.
	next := in
	next.Years = 12
	wn := want(t, next)
	var got struct {
		Busy  bool
		Query string
	}
	tb.mustEval(fmt.Sprintf(`new Promise((resolve, reject) => {
		const files = () => { const a = document.querySelector('[data-testid=share-json]'); const d = JSON.parse(decodeURIComponent(a.getAttribute('href').split(',').slice(1).join(',')));
			return {busy: a.parentElement.getAttribute('aria-busy') === 'true', query: d.query}; };
		const shows = () => document.querySelector('[data-testid=estimate]').getAttribute('data-median') === %q;
		const mo = new MutationObserver(() => { if (shows()) { mo.disconnect(); clearTimeout(timer); resolve(files()); } });
		const timer = setTimeout(() => { mo.disconnect(); reject(new Error('the estimate never changed')); }, 10000);
		mo.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
		const e = document.querySelector('#years'); e.value = '12'; e.dispatchEvent(new Event('input', {bubbles: true}));
	})`, fmt.Sprint(wn.Median)), &got)
	if !got.Busy || got.Query != in.Query().Encode() {
		t.Errorf("in the frame that shows an edit's estimate, the share panel's files are busy=%v and hold %q, want busy and the last scenario's %q",
			got.Busy, got.Query, in.Query().Encode())
	}
	tb.waitFor("the files to catch up", `(() => { const a = document.querySelector('[data-testid=share-json]');
		return a.parentElement.getAttribute('aria-busy') !== 'true' && decodeURIComponent(a.getAttribute('href')).includes('years=12'); })()`, changeTimeout)
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
