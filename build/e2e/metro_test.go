package e2e

import (
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// metroLink is a deep link to a metro area where BLS published the role's wages.
const metroLink = "role=it-support&state=TX&metro=12420&years=4" // Austin-Round Rock-San Marcos, TX

func metroInput(t *testing.T, query string) estimate.Input {
	t.Helper()
	q, _ := url.ParseQuery(query)
	in, errs := estimate.FromQuery(q)
	if len(errs) != 0 || in.Metro == "" {
		t.Fatalf("test link %q must be valid and name a metro (errors %v)", query, errs)
	}
	st := in
	st.Metro = ""
	if want(t, in) == want(t, st) {
		t.Fatalf("test link %q: the metro must change the estimate", query)
	}
	return in
}

// expectLocationRow waits for the breakdown's location row with the model's dollars.
func (tb *tab) expectLocationRow(in estimate.Input, context string) {
	tb.t.Helper()
	r, err := estimate.Estimate(in)
	if err != nil {
		tb.t.Fatal(err)
	}
	dollars := r.Factors[1].Dollars
	if err := tb.poll(`(() => { const e = document.querySelector('[data-factor=location]');
		return !!e && e.getAttribute('data-dollars') === '`+strconv.Itoa(dollars)+`'; })()`, changeTimeout); err != nil {
		tb.t.Errorf("%s: no location row of %d dollars in the breakdown (%v)", context, dollars, err)
	}
}

// TestMetroDeepLink: a link naming a metro renders that metro's estimate, with the
// location step in the breakdown and the metro chosen in the form; a metro can then be
// picked from the select, from the keyboard too.
func TestMetroDeepLink(t *testing.T) {
	s := site(t, harness.Options{})
	tb := newTab(t, 2*time.Minute)
	in := metroInput(t, metroLink)
	tb.navigate(s.URL() + "?" + metroLink)
	tb.waitWasm()
	tb.expectEstimate(in, "metro link")
	tb.expectLocationRow(in, "metro link")
	var value string
	tb.mustEval(`document.querySelector('#metro').value`, &value)
	if value != in.Metro {
		t.Errorf("#metro shows %q, want %q", value, in.Metro)
	}
	var notice bool
	tb.mustEval(`!!document.querySelector('`+selNotice+`')`, &notice)
	if notice {
		t.Error("a valid metro link shows the notice")
	}

	// Another metro of the state, from the select.
	tb.setValue("#metro", "19100") // Dallas-Fort Worth-Arlington, TX
	in.Metro = "19100"
	tb.expectEstimate(in, "metro picked")
	tb.expectURL(in, "metro picked")

	// Back to the whole state: the location row goes.
	tb.setValue("#metro", "none")
	in.Metro = ""
	tb.expectEstimate(in, "whole state")
	tb.expectURL(in, "whole state")
	tb.waitFor("the location row to go", `!document.querySelector('[data-factor=location]')`, changeTimeout)

	// From the keyboard: type-ahead on the focused select jumps to a name.
	tb.typeInto("#metro", "Hous")
	in.Metro = "26420" // Houston-Pasadena-The Woodlands, TX
	tb.expectEstimate(in, "metro by type-ahead")
}

// TestMetroStateChangeResets: changing the state to one the metro does not span drops
// the metro with a notice naming it; a state it spans keeps it.
func TestMetroStateChangeResets(t *testing.T) {
	s := site(t, harness.Options{})
	tb := newTab(t, 2*time.Minute)
	const link = "role=network-admin&state=MA&metro=14460" // Boston-Cambridge-Newton, MA-NH
	in := metroInput(t, link)
	tb.navigate(s.URL() + "?" + link)
	tb.waitWasm()
	tb.expectEstimate(in, "metro link")

	tb.setValue("#state", "NH")
	in.State = "NH"
	tb.expectEstimate(in, "a state the metro spans")
	tb.expectURL(in, "a state the metro spans")

	tb.setValue("#state", "CA")
	in.State, in.Metro = "CA", ""
	tb.expectEstimate(in, "a state without the metro")
	tb.expectURL(in, "a state without the metro")
	tb.waitFor("the notice", visibleJS(selNotice), changeTimeout)
	var text string
	tb.mustEval(`document.querySelector('`+selNotice+`').textContent`, &text)
	if !strings.Contains(text, "Boston-Cambridge-Newton, MA-NH is not in the chosen state") {
		t.Errorf("notice %q does not say the metro was dropped", text)
	}
	var options int
	tb.mustEval(`document.querySelectorAll('#metro option').length`, &options)
	if n := len(estimate.MetrosOf("CA")) + 1; options != n {
		t.Errorf("#metro has %d options for California, want %d", options, n)
	}

	// A link naming a metro outside its state shows the notice and the whole state.
	tb.navigate(s.URL() + "?role=network-admin&state=CA&metro=14460")
	tb.waitWasm()
	tb.expectEstimate(in, "metro outside its state")
	tb.waitFor("the notice", visibleJS(selNotice), changeTimeout)
}

// TestMetroOffline: after a first visit, with the server stopped, a metro link still
// renders the metro's estimate: the service worker precached the metro table.
func TestMetroOffline(t *testing.T) {
	s := site(t, harness.Options{})
	tb := newTab(t, 2*time.Minute)
	tb.navigate(s.URL())
	tb.waitWasm()
	waitOfflineReady(tb)
	stopServer(t, s)
	in := metroInput(t, metroLink)
	tb.navigate(s.URL() + "?" + metroLink)
	tb.waitWasm()
	tb.expectEstimate(in, "offline metro link")
	tb.expectLocationRow(in, "offline metro link")
	tb.setValue("#metro", "19100")
	in.Metro = "19100"
	tb.expectEstimate(in, "offline metro picked")
}

// TestMetroAccessibility runs axe-core's WCAG 2.2 AA rules on a metro estimate and, at
// 320 px, on the notice of a metro dropped by a state change.
func TestMetroAccessibility(t *testing.T) {
	src := axeSource(t)
	s := site(t, harness.Options{})
	for _, tc := range []struct {
		name  string
		setup func(tb *tab)
	}{
		{"metro estimate", func(tb *tab) {
			tb.navigate(s.URL() + "?" + metroLink)
			tb.waitWasm()
			tb.expectLocationRow(metroInput(t, metroLink), "metro link")
		}},
		{"metro dropped by a state change, 320 px", func(tb *tab) {
			tb.run("narrow viewport", emulation.SetDeviceMetricsOverride(320, 640, 1, true))
			tb.navigate(s.URL() + "?" + metroLink)
			tb.waitWasm()
			tb.setValue("#state", "CA")
			tb.waitFor("the notice", visibleJS(selNotice), changeTimeout)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tb := newTab(t, time.Minute)
			tc.setup(tb)
			violations, _ := tb.runAxe(src)
			for _, v := range violations {
				t.Error(axeReport("", v))
			}
		})
	}
}
