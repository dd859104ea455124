package e2e

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// TestInputsChangeEstimate changes every input in turn, the way a person does, and checks
// after each change that the page shows exactly what the model computes for the same
// input, and that the URL was rewritten to the scenario's link.
func TestInputsChangeEstimate(t *testing.T) {
	s := site(t, harness.Options{})
	tb := newTab(t, 2*time.Minute)
	tb.navigate(s.URL())
	tb.waitWasm()
	tb.expectEstimate(estimate.Default(), "start page")

	steps := []struct {
		name   string
		do     func(tb *tab)
		change func(in *estimate.Input)
	}{
		{"role select", func(tb *tab) { tb.setValue("#role", "data-analyst") },
			func(in *estimate.Input) { in.Role = "data-analyst" }},
		{"state select", func(tb *tab) { tb.setValue("#state", "CA") },
			func(in *estimate.Input) { in.State = "CA" }},
		{"years typed", func(tb *tab) { tb.typeInto("#years", "10") },
			func(in *estimate.Input) { in.Years = 10 }},
		{"years set", func(tb *tab) { tb.setValue("#years", "0") },
			func(in *estimate.Input) { in.Years = 0 }},
		{"years back", func(tb *tab) { tb.setValue("#years", "10") },
			func(in *estimate.Input) { in.Years = 10 }},
		{"education select", func(tb *tab) { tb.setValue("#edu", "master") },
			func(in *estimate.Input) { in.Education = "master" }},
		{"employer select", func(tb *tab) { tb.setValue("#employer", "vendor") },
			func(in *estimate.Input) { in.Employer = "vendor" }},
		{"cert clicked on", func(tb *tab) { tb.click("#cert-epic") },
			func(in *estimate.Input) { in.Certs = []estimate.Cert{"epic"} }},
		{"second cert by keyboard", func(tb *tab) { tb.activate("#cert-cphims") },
			func(in *estimate.Input) { in.Certs = []estimate.Cert{"epic", "cphims"} }},
		{"cert clicked off", func(tb *tab) { tb.click("#cert-epic") },
			func(in *estimate.Input) { in.Certs = []estimate.Cert{"cphims"} }},
		{"background radio clicked", func(tb *tab) { tb.click("#bg-clinical") },
			func(in *estimate.Input) { in.Background = "clinical" }},
		{"background radio by keyboard", func(tb *tab) { tb.activate("#bg-it") },
			func(in *estimate.Input) { in.Background = "it" }},
		{"role change keeps the other inputs", func(tb *tab) { tb.setValue("#role", "security-analyst") },
			func(in *estimate.Input) { in.Role = "security-analyst" }},
	}

	in := estimate.Default()
	for _, st := range steps {
		ok := t.Run(st.name, func(t *testing.T) {
			prev := in
			prev.Certs = slices.Clone(in.Certs)
			st.change(&in)
			// A step that does not move the model's numbers could not catch a page that
			// ignores the input: the table must pick values that matter.
			if want(t, prev) == want(t, in) {
				t.Fatalf("test table: %s does not change the model's estimate (%+v → %+v); pick another value", st.name, prev, in)
			}
			tb.t = t
			st.do(tb)
			tb.expectEstimate(in, st.name)
			tb.expectURL(in, st.name)
		})
		if !ok {
			// Later steps build on this one's state.
			tb.t = t
			break
		}
	}
	tb.t = t

	// The URL the page wrote must reproduce the scenario.
	_, q := tb.location()
	got, errs := estimate.FromQuery(q)
	if len(errs) != 0 || !reflect.DeepEqual(got, in) {
		t.Errorf("the page's URL %q reads back as %+v (errors %v), want %+v", q.Encode(), got, errs, in)
	}
}
