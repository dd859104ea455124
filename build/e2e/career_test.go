package e2e

import (
	"fmt"
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// fromPay reads [data-testid=from-pay]: its data-median and data-difference, or ok false
// when the page shows none.
func (tb *tab) fromPay() (median, diff int, ok bool) {
	tb.t.Helper()
	var raw struct{ Median, Diff *string }
	tb.mustEval(`(() => { const e = document.querySelector('[data-testid=from-pay]');
		return e ? {median: e.getAttribute('data-median'), diff: e.getAttribute('data-difference')} : {}; })()`, &raw)
	if raw.Median == nil || raw.Diff == nil {
		return 0, 0, false
	}
	m, err1 := strconv.Atoi(*raw.Median)
	d, err2 := strconv.Atoi(*raw.Diff)
	if err1 != nil || err2 != nil {
		tb.t.Fatalf("from-pay attributes %q, %q are not whole numbers", *raw.Median, *raw.Diff)
	}
	return m, d, true
}

// factorDollars reads the breakdown row of a factor kind: its data-dollars and whether it
// shows an evidence tag.
func (tb *tab) factorRow(kind estimate.FactorKind) (dollars int, tagged bool) {
	tb.t.Helper()
	var raw struct {
		Dollars *string
		Tagged  bool
	}
	tb.mustEval(fmt.Sprintf(`(() => { const r = document.querySelector('#breakdown tr[data-factor=%q]');
		return r ? {dollars: r.getAttribute('data-dollars'), tagged: !!r.querySelector('.tag')} : {}; })()`, string(kind)), &raw)
	if raw.Dollars == nil {
		tb.t.Fatalf("no breakdown row for factor %s", kind)
	}
	n, err := strconv.Atoi(*raw.Dollars)
	if err != nil {
		tb.t.Fatalf("factor %s: data-dollars %q", kind, *raw.Dollars)
	}
	return n, raw.Tagged
}

func modelFactor(t *testing.T, r estimate.Result, k estimate.FactorKind) estimate.Factor {
	t.Helper()
	for _, f := range r.Factors {
		if f.Kind == k {
			return f
		}
	}
	t.Fatalf("the model has no factor %s", k)
	return estimate.Factor{}
}

// TestCareerChanger is a nurse moving into informatics, from a deep link and then by
// editing: the years from her previous field count as the model says (their own row),
// her current pay is shown beside the estimate with the difference, and both follow
// every edit.
func TestCareerChanger(t *testing.T) {
	s := site(t, harness.Options{})
	tb := newTab(t, 2*time.Minute)
	in := estimate.Input{Role: "informatics", State: "OH", Years: 0, Education: estimate.EduBachelor,
		Employer: estimate.EmployerHospital, Background: estimate.BackgroundClinical, Prior: 12, From: "registered-nurse"}
	tb.navigate(s.URL() + "?" + in.Query().Encode())
	tb.waitWasm()
	tb.expectEstimate(in, "deep link")

	check := func(in estimate.Input, context string) {
		t.Helper()
		r, err := estimate.Estimate(in)
		if err != nil {
			t.Fatal(err)
		}
		if got, tagged := tb.factorRow(estimate.FactorTransfer); got != modelFactor(t, r, estimate.FactorTransfer).Dollars ||
			tagged != modelFactor(t, r, estimate.FactorTransfer).Applies {
			t.Errorf("%s: transferable experience row %d (tagged %v), model %+v", context, got, tagged, modelFactor(t, r, estimate.FactorTransfer))
		}
		m, d, ok := tb.fromPay()
		switch {
		case r.FromPay == nil && ok:
			t.Errorf("%s: from-pay shown (%d, %d) but the model has none", context, m, d)
		case r.FromPay != nil && (!ok || m != r.FromPay.Median || d != r.FromPay.Difference):
			t.Errorf("%s: from-pay median %d difference %d (shown %v), model %d %d", context, m, d, ok, r.FromPay.Median, r.FromPay.Difference)
		}
	}
	check(in, "deep link")
	if _, tagged := tb.factorRow(estimate.FactorTransfer); !tagged {
		t.Errorf("12 clinical years toward informatics should count, with an evidence label")
	}

	// Fewer prior years: the estimate falls.
	before := want(t, in)
	in.Prior = 4
	tb.typeInto("#prior", "4")
	tb.expectEstimate(in, "prior typed")
	if want(t, in).Median >= before.Median {
		t.Errorf("4 prior years should pay less than 12: %d vs %d", want(t, in).Median, before.Median)
	}
	check(in, "prior typed")

	// Another current job: the comparison moves, the estimate does not.
	in.From = "pharmacy-technician"
	tb.setValue("#from", "pharmacy-technician")
	tb.poll(fmt.Sprintf(`document.querySelector('[data-testid=from-pay]')?.getAttribute('data-median') === '%d'`,
		mustFromPay(t, in).Median), changeTimeout)
	check(in, "from changed")
	tb.expectURL(in, "from changed")

	// An IT-only role does not draw on clinical years: the row stays at $0, untagged.
	in.Role = "security-analyst"
	tb.setValue("#role", "security-analyst")
	tb.expectEstimate(in, "IT-only role")
	if got, tagged := tb.factorRow(estimate.FactorTransfer); got != 0 || tagged {
		t.Errorf("clinical years toward a security analyst: row %d tagged %v, want $0 and no label", got, tagged)
	}

	// No current job: the comparison goes away.
	in.From = ""
	tb.setValue("#from", "")
	tb.poll(`!document.querySelector('[data-testid=from-pay]')`, changeTimeout)
	check(in, "from cleared")
	tb.expectURL(in, "from cleared")
}

func mustFromPay(t *testing.T, in estimate.Input) *estimate.FromPay {
	t.Helper()
	r, err := estimate.Estimate(in)
	if err != nil || r.FromPay == nil {
		t.Fatalf("model has no FromPay for %+v (%v)", in, err)
	}
	return r.FromPay
}

// TestSomeCollege deep-links the new education level, checks the select shows it and the
// estimate is the model's, and that an old link without it still works.
func TestSomeCollege(t *testing.T) {
	s := site(t, harness.Options{})
	tb := newTab(t, time.Minute)
	in := estimate.Default()
	in.Role, in.State, in.Education = "medical-records", "TX", estimate.EduSomeCollege
	tb.navigate(s.URL() + "?" + in.Query().Encode())
	tb.waitWasm()
	tb.expectEstimate(in, "edu=some-college")
	var v string
	tb.mustEval(`document.getElementById('edu').value`, &v)
	if v != string(estimate.EduSomeCollege) {
		t.Errorf("#edu shows %q, want some-college", v)
	}
	// Some college is the usual education of a medical records specialist: no change, no label.
	if got, tagged := tb.factorRow(estimate.FactorEducation); got != 0 || tagged {
		t.Errorf("education row for the role's usual education: %d, tagged %v; want $0 and no label", got, tagged)
	}
	// An old slug still works.
	old := url.Values{"role": {"medical-records"}, "state": {"TX"}, "edu": {"hs"}}
	tb.navigate(s.URL() + "?" + old.Encode())
	tb.waitWasm()
	want, _ := estimate.FromQuery(old)
	tb.expectEstimate(want, "edu=hs")
}

// TestEmployerEvidence checks the employer row's label follows its evidence: official BLS
// industry wages for a hospital, nothing for any employer.
func TestEmployerEvidence(t *testing.T) {
	s := site(t, harness.Options{})
	tb := newTab(t, time.Minute)
	in := estimate.Default()
	in.Employer = estimate.EmployerHospital
	tb.navigate(s.URL() + "?" + in.Query().Encode())
	tb.waitWasm()
	tb.expectEstimate(in, "hospital")
	var official bool
	tb.mustEval(`!!document.querySelector('#breakdown tr[data-factor=employer] .tag--official')`, &official)
	if !official {
		t.Errorf("hospital employer row: want the official-data label (BLS OEWS industry wages)")
	}
	tb.setValue("#employer", "any")
	in.Employer = estimate.EmployerAny
	tb.expectEstimate(in, "any employer")
	if got, tagged := tb.factorRow(estimate.FactorEmployer); got != 0 || tagged {
		t.Errorf("any employer: row %d tagged %v, want $0 and no label", got, tagged)
	}
}

// TestSharedSeriesSaid checks a role that shares its BLS series with another says so, as
// the model's note, where the role's wages are described.
func TestSharedSeriesSaid(t *testing.T) {
	s := site(t, harness.Options{})
	tb := newTab(t, time.Minute)
	tb.navigate(s.URL() + "?role=informatics")
	tb.waitWasm()
	for _, key := range []string{"note.role.shared", "note.role.proxy"} {
		var shown bool
		tb.mustEval(fmt.Sprintf(`!!document.querySelector('#role-info [data-note=%q]')`, key), &shown)
		if !shown {
			t.Errorf("informatics: the role panel does not show the model's %s note", key)
		}
	}
}
