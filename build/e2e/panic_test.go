package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// TestPanicInHandler makes a browser API the change handler needs fail, the way Safari
// refuses history.replaceState when it is called too often: go-app turns the JavaScript
// exception into a Go panic inside the handler. The page must show the error
// ([data-testid=error], role=alert), and once the API works again the app must keep
// working: the next change updates the estimate and the URL, and the error can be
// dismissed. An unrecovered panic would stop the Go runtime and freeze the page.
//
// The UI has no test hook for panics; this uses a real failure path instead.
func TestPanicInHandler(t *testing.T) {
	s := site(t, harness.Options{})
	tb := newTab(t, time.Minute)
	tb.navigate(s.URL())
	tb.waitWasm()

	tb.mustEval(`history.replaceState = function () { throw new Error('e2e: replaceState refused'); }, true`, nil)
	tb.setValue("#years", "11")
	tb.waitFor("the error banner "+selError, visibleJS(selError), changeTimeout)
	var banner struct {
		Role, Text string
	}
	tb.mustEval(`(() => { const e = document.querySelector('`+selError+`'); return {role: e.getAttribute('role'), text: e.innerText}; })()`, &banner)
	if banner.Role != "alert" {
		t.Errorf("error banner role = %q, want alert", banner.Role)
	}
	if !strings.Contains(banner.Text, "replaceState refused") {
		t.Errorf("error banner does not name the failure: %q", banner.Text)
	}

	tb.mustEval(`delete history.replaceState, true`, nil)
	tb.setValue("#years", "12")
	in := estimate.Default()
	in.Years = 12
	tb.expectEstimate(in, "change after the recovered panic")
	tb.expectURL(in, "change after the recovered panic")

	tb.click(selError + ` button`)
	tb.waitFor("the error banner to go", `!document.querySelector('`+selError+`')`, changeTimeout)
}
