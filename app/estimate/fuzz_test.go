package estimate

import (
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// FuzzEstimate checks the model's properties on any profile built from fuzzed indices:
// no panic, no NaN or Inf, range ordered, factors adding up, monotone in experience and
// education, and deterministic.
func FuzzEstimate(f *testing.F) {
	// Seeds: role index, area index, years, education index, employer index, cert bit set,
	// background index, prior years, origin index (0: none), metro seed (0: the whole
	// state; else one of the state's metros, by index).
	f.Add(uint8(0), uint8(0), 0, uint8(0), uint8(0), uint16(0), uint8(0), 0, uint8(0), uint16(0))         // IT support, first area, entry
	f.Add(uint8(4), uint8(1), 8, uint8(2), uint8(1), uint16(0x10), uint8(1), 0, uint8(0), uint16(0))      // EHR analyst with Epic, clinical
	f.Add(uint8(7), uint8(50), 45, uint8(5), uint8(4), uint16(0x1ff), uint8(2), 45, uint8(30), uint16(0)) // every cert, maximum years
	f.Add(uint8(3), uint8(1), 27, uint8(1), uint8(2), uint16(0x60), uint8(1), 3, uint8(1), uint16(0))     // HIT in a suppressed state
	f.Add(uint8(5), uint8(36), 0, uint8(3), uint8(1), uint16(0), uint8(1), 12, uint8(1), uint16(0))       // a nurse moving into informatics
	f.Add(uint8(4), uint8(21), 8, uint8(3), uint8(0), uint16(0), uint8(0), 0, uint8(0), uint16(3))        // a metro of a state
	f.Add(uint8(9), uint8(45), 45, uint8(5), uint8(4), uint16(0x1ff), uint8(2), 45, uint8(9), uint16(77)) // a metro, everything at the top
	f.Add(uint8(3), uint8(1), 0, uint8(0), uint8(2), uint16(0), uint8(1), 0, uint8(1), uint16(9))         // a metro of a suppressed state
	f.Fuzz(func(t *testing.T, ri, ai uint8, years int, ei, emi uint8, cb uint16, bi uint8, prior int, oi uint8, mi uint16) {
		in := Input{
			Role:       roles[int(ri)%len(roles)].Slug,
			State:      areas[int(ai)%len(areas)].Code,
			Years:      clampYears(years),
			Education:  educations[int(ei)%len(educations)],
			Employer:   employers[int(emi)%len(employers)],
			Background: backgrounds[int(bi)%len(backgrounds)],
			Prior:      clampYears(prior),
		}
		if ms := MetrosOf(in.State); len(ms) > 0 && int(mi)%(len(ms)+1) > 0 {
			in.Metro = ms[int(mi)%(len(ms)+1)-1].Code
		}
		if all := Origins(); int(oi)%(len(all)+1) > 0 {
			in.From = all[int(oi)%(len(all)+1)-1].Slug
		}
		for i, c := range certs {
			if cb&(1<<i) != 0 {
				in.Certs = append(in.Certs, c)
			}
		}
		r, err := Estimate(in)
		if err != nil {
			t.Fatalf("Estimate(%+v): %v", in, err)
		}
		checkResult(t, in, r)
		again, _ := Estimate(in)
		if !reflect.DeepEqual(r, again) {
			t.Fatalf("Estimate(%+v) not deterministic", in)
		}
		if in.Years < MaxYears {
			more := in
			more.Years++
			m, _ := Estimate(more)
			if m.Estimate < r.Estimate {
				t.Errorf("one more year lowers %+v from %d to %d", in, r.Estimate, m.Estimate)
			}
		}
		if i := int(ei) % len(educations); i < len(educations)-1 {
			up := in
			up.Education = educations[i+1]
			u, _ := Estimate(up)
			if u.Estimate < r.Estimate {
				t.Errorf("more education lowers %+v from %d to %d", in, r.Estimate, u.Estimate)
			}
		}
		if in.Prior < MaxYears {
			more := in
			more.Prior++
			m, _ := Estimate(more)
			if m.Estimate < r.Estimate {
				t.Errorf("one more prior year lowers %+v from %d to %d", in, r.Estimate, m.Estimate)
			}
		}
		// The trajectory of the person's own education passes through the estimate.
		if in.Years <= TrajectoryYears {
			if got := r.Trajectories[0].Points[in.Years].Estimate; got != r.Estimate {
				t.Errorf("%+v: trajectory at %d years is %d, estimate %d", in, in.Years, got, r.Estimate)
			}
		}
		for _, tr := range r.Trajectories {
			lo, hi := tr.Points[0].Estimate, tr.Points[0].Estimate
			for _, p := range tr.Points {
				lo, hi = min(lo, p.Estimate), max(hi, p.Estimate)
			}
			// Every point lies within the occupation's extrapolated 5th–95th percentiles.
			if lo < r.Spread.P10/2 || hi > 2*r.Spread.P90 {
				t.Errorf("%+v: trajectory %s spans %d..%d, outside the spread %+v", in, tr.Education, lo, hi, r.Spread)
			}
		}
		if in.From != "" && r.FromPay != nil && r.FromPay.Difference != r.Estimate-r.FromPay.Median {
			t.Errorf("%+v: from-pay difference %d, want %d", in, r.FromPay.Difference, r.Estimate-r.FromPay.Median)
		}
		for _, m := range append(r.Reasons, r.Notes...) {
			checkMessage(t, m)
		}
		for _, f := range r.Factors {
			checkMessage(t, f.Note)
			if !f.Applies && (f.Dollars != 0 || f.Evidence != EvidenceNone) {
				t.Errorf("%+v: factor %s does not apply but moves %d with evidence %q", in, f.Kind, f.Dollars, f.Evidence)
			}
		}
	})
}

// checkMessage fails if a message's key is unknown or its English keeps a placeholder.
func checkMessage(t *testing.T, m Message) {
	t.Helper()
	if _, ok := messageText[m.Key]; !ok {
		t.Errorf("message key %q is not in messageText", m.Key)
	}
	if m.Text == "" || strings.ContainsAny(m.Text, "{}") {
		t.Errorf("message %q renders as %q", m.Key, m.Text)
	}
}

// FuzzFromQuery checks that any query string yields a valid input without panicking, and
// that a valid input survives an encode/decode round trip.
func FuzzFromQuery(f *testing.F) {
	f.Add("role=ehr-analyst&state=CA&years=5")
	f.Add("years=NaN&years=1e308&state=%3Cscript%3E")
	f.Add("certs=,,pmp,PMP,xx&bg=")
	f.Add("role=%ff%fe&edu=%00")
	f.Add("prior=-3&from=registered-nurse&edu=some-college")
	f.Add("prior=1e9&from=%3Cimg%3E&from=&certs=")
	f.Add("state=MA&metro=14460")
	f.Add("state=CA&metro=14460&metro=31080")
	f.Add("metro=99999&state=NH")
	f.Add("metro=&state=TX&metro=20580")
	f.Add("state=NH&metro=NONE")
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		in, problems := FromQuery(q)
		if err := Validate(in); err != nil {
			t.Fatalf("FromQuery(%q) = %+v, invalid: %v", raw, in, err)
		}
		for _, e := range problems { // the UI has a message for each code listed
			if !slices.Contains(ErrorCodes(), e.Code) {
				t.Fatalf("FromQuery(%q): problem code %q is not in ErrorCodes", raw, e.Code)
			}
		}
		back, errs := FromQuery(in.Query())
		if len(errs) != 0 || !reflect.DeepEqual(back, in) {
			t.Fatalf("round trip of %+v gave %+v, %v", in, back, errs)
		}
		// Over any valid base, a query yields a valid input, and the base's own query
		// read over the default gives the base back.
		base, _ := FromQuery(url.Values{ParamRole: {"it-manager"}, ParamState: {"NY"}, ParamMetro: {"35620"}, ParamYears: {"12"}, ParamPrior: {"4"}, ParamFrom: {"pharmacist"}})
		if base.Metro != "35620" {
			t.Fatalf("base lost its metro: %+v", base)
		}
		over, _ := FromQueryOver(base, q)
		if err := Validate(over); err != nil {
			t.Fatalf("FromQueryOver(base, %q) = %+v, invalid: %v", raw, over, err)
		}
		_, stateAsked := q[ParamState]
		for _, p := range Params() {
			// A new state the base's metro does not span drops the metro (and says so).
			moved := p == ParamMetro && stateAsked && over.State != base.State && over.Metro == ""
			if _, asked := q[p]; !asked && !moved && !reflect.DeepEqual(over.Query()[p], base.Query()[p]) {
				t.Fatalf("FromQueryOver(base, %q) changed %s, which the query does not set: %v -> %v", raw, p, base.Query()[p], over.Query()[p])
			}
		}
		if _, err := Estimate(in); err != nil {
			t.Fatalf("Estimate(%+v): %v", in, err)
		}
	})
}
