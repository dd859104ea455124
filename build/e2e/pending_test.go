package e2e

import (
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// en is the English catalogue: the tests compare what people read with it.
var en = text.For(text.English)

// resultTextJS is the text a person can see in the result area (the summary, the other
// result cards and the sticky bar), without the form: every text node that is rendered
// (it has boxes) and not visibility: hidden.
const resultTextJS = `(() => {
	const out = [];
	for (const root of document.querySelectorAll('.layout__summary, .layout__results, .peek')) {
		const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
		for (let n = w.nextNode(); n; n = w.nextNode()) {
			if (!n.data.trim()) continue;
			const r = document.createRange(); r.selectNodeContents(n);
			if (r.getClientRects().length === 0) continue;
			if (getComputedStyle(n.parentElement).visibility !== 'visible') continue;
			out.push(n.data.trim());
		}
	}
	return out.join(' ');
})()`

// TestPendingDeepLink opens deep links with app.wasm held back, as on a slow link where
// the app takes seconds to start. A link to another scenario than the pre-rendered one
// must never show the pre-rendered figures: the estimate is data-source="pending", no
// dollar figure is visible, "Working out your estimate…" is, and the form already shows
// the link's scenario. When the app starts, its figures for the link appear.
func TestPendingDeepLink(t *testing.T) {
	d := want(t, estimate.Default())
	tests := []struct {
		name    string
		query   string
		pending bool
	}{
		{"another scenario", "role=it-manager&state=NY&years=12&edu=master&certs=pmp&bg=it", true},
		{"another scenario, other case", "role=IT-Manager&state=ny", true},
		{"a bad value", "role=astronaut", true},
		{"years out of range", "years=99", true},
		{"the pre-rendered scenario, written differently", "role=EHR-Analyst&state=us&years=03&utm_source=portal", false},
		{"no scenario", "", false},
	}
	s := site(t, harness.Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			release := s.HoldWasm()
			defer release()
			tb := newTab(t, time.Minute)
			u := s.URL()
			if tt.query != "" {
				u += "?" + tt.query
			}
			tb.navigate(u)
			in, _ := estimate.FromQuery(readQuery(tt.query))

			got, err := tb.readEstimate()
			if err != nil {
				t.Fatal(err)
			}
			var st struct {
				Busy, HintVisible bool
				Text, Hint        string
			}
			tb.mustEval(`(() => { const e = document.querySelector('`+selEstimate+`'), h = document.getElementById('pending-hint');
				return {busy: e.getAttribute('aria-busy') === 'true', hintVisible: `+visibleJS("#pending-hint")+`,
					hint: h ? h.innerText : '', text: `+resultTextJS+`}; })()`, &st)
			if tt.pending {
				if got.Source != "pending" || !st.Busy {
					t.Errorf("before the app: data-source=%q aria-busy=%v, want pending and busy", got.Source, st.Busy)
				}
				if !st.HintVisible || st.Hint != en.T("summary.pending") {
					t.Errorf("pending hint visible=%v %q, want %q shown", st.HintVisible, st.Hint, en.T("summary.pending"))
				}
				if strings.Contains(st.Text, "$") {
					t.Errorf("pending, yet figures are visible in the results: %q", shortJS(st.Text))
				}
				if tt.name == "another scenario" {
					violations, _ := tb.runAxe(axeSource(t))
					for _, v := range violations {
						t.Errorf("pending page: axe %s (%s): %s", v.ID, v.Impact, v.Help)
					}
				}
			} else {
				if got.Source != "prerender" || st.Busy || st.HintVisible {
					t.Errorf("before the app: data-source=%q busy=%v hint=%v, want the pre-rendered figures shown as the answer", got.Source, st.Busy, st.HintVisible)
				}
				if m := en.Money(d.Median); !strings.Contains(st.Text, m) {
					t.Errorf("the pre-rendered estimate %s is not visible: %q", m, shortJS(st.Text))
				}
			}
			// The form shows what the app will compute, wherever the link could be applied.
			if c, w := tb.readControls(), controlsFor(in); tt.name != "a bad value" && tt.name != "years out of range" && !reflect.DeepEqual(c, w) {
				t.Errorf("form before the app = %+v, want the link's scenario %+v", c, w)
			}

			release()
			tb.waitWasm()
			tb.expectEstimate(in, "after the app started")
			var scenario string
			tb.mustEval(`document.querySelector('`+selEstimate+`').getAttribute('data-scenario')`, &scenario)
			if q, _ := url.ParseQuery(scenario); !reflect.DeepEqual(q, in.Query()) {
				t.Errorf("data-scenario = %q, want the canonical query %q", scenario, in.Query().Encode())
			}
			tb.mustEval(resultTextJS, &st.Text)
			if m := en.Money(want(t, in).Median); !strings.Contains(st.Text, m) {
				t.Errorf("after the app: the estimate %s is not visible", m)
			}
		})
	}
}

// TestPendingStoredScenario: with no scenario in the URL, the app restores the last one
// from this device; before it runs, the pre-rendered default must not be shown for it.
func TestPendingStoredScenario(t *testing.T) {
	s := site(t, harness.Options{})
	tb := newTab(t, time.Minute)
	tb.navigate(s.URL())
	tb.mustEval(`localStorage.setItem('hit-salary.scenario.v1', 'role=security-analyst&state=CA&years=7'), true`, nil)
	release := s.HoldWasm()
	defer release()
	tb.navigate(s.URL())
	got, err := tb.readEstimate()
	if err != nil || got.Source != "pending" {
		t.Fatalf("stored scenario, before the app: estimate %v (%v), want pending", got, err)
	}
	in := estimate.Default()
	in.Role, in.State, in.Years = "security-analyst", "CA", 7
	if c, w := tb.readControls(), controlsFor(in); !reflect.DeepEqual(c, w) {
		t.Errorf("form before the app = %+v, want the stored scenario %+v", c, w)
	}
	release()
	tb.waitWasm()
	tb.expectEstimate(in, "stored scenario")
}

// TestTitleAndBadLinkURL: the document title names the role and the place, and follows
// edits; a bad link's address is rewritten to the scenario actually shown.
func TestTitleAndBadLinkURL(t *testing.T) {
	s := site(t, harness.Options{})
	tb := newTab(t, time.Minute)
	title := func(in estimate.Input) string {
		place := en.T("area.us.inline")
		if a, _ := estimate.LookupArea(in.State); a.Code != "US" {
			place = a.Name
		}
		return en.F("app.title.scenario", "role", en.T("role."+string(in.Role)+".name"), "area", place)
	}
	expectTitle := func(in estimate.Input, context string) {
		t.Helper()
		w := title(in)
		if err := tb.poll(`document.title === `+jsString(w), changeTimeout); err != nil {
			var got string
			tb.eval(`document.title`, &got)
			t.Errorf("%s: title %q, want %q", context, got, w)
		}
	}

	tb.navigate(s.URL() + "?role=it-manager&state=NY")
	tb.waitWasm()
	in := estimate.Default()
	in.Role, in.State = "it-manager", "NY"
	expectTitle(in, "deep link")
	tb.setValue("#state", "TX")
	in.State = "TX"
	expectTitle(in, "after an edit")

	const bad = "role=astronaut&state=ny&years=1e308&certs=cissp,jedi&utm_source=x"
	tb.navigate(s.URL() + "?" + bad)
	tb.waitWasm()
	used, errs := estimate.FromQuery(readQuery(bad))
	if len(errs) == 0 {
		t.Fatalf("test link %q has no problem", bad)
	}
	tb.expectURL(used, "bad link")
	expectTitle(used, "bad link")
	tb.waitFor("the notice", visibleJS(selNotice), changeTimeout)
}
