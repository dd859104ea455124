package estimate

import (
	"math"
	"net/url"
	"reflect"
	"testing"
)

// FuzzEstimate checks the model's properties on any profile built from fuzzed indices:
// no panic, no NaN or Inf, range ordered, factors adding up, monotone in experience and
// education, and deterministic.
func FuzzEstimate(f *testing.F) {
	// Seeds: role index, area index, years, education index, employer index, cert bit set, background index.
	f.Add(uint8(0), uint8(0), 0, uint8(0), uint8(0), uint16(0), uint8(0))       // IT support, first area, entry
	f.Add(uint8(4), uint8(1), 8, uint8(2), uint8(1), uint16(0x10), uint8(1))    // EHR analyst with Epic, clinical
	f.Add(uint8(7), uint8(50), 45, uint8(4), uint8(4), uint16(0x1ff), uint8(2)) // every cert, maximum years
	f.Add(uint8(3), uint8(1), 27, uint8(1), uint8(2), uint16(0x60), uint8(1))   // HIT in a suppressed state
	f.Fuzz(func(t *testing.T, ri, ai uint8, years int, ei, emi uint8, cb uint16, bi uint8) {
		in := Input{
			Role:       roles[int(ri)%len(roles)].Slug,
			State:      areas[int(ai)%len(areas)].Code,
			Years:      clampYears(years),
			Education:  educations[int(ei)%len(educations)],
			Employer:   employers[int(emi)%len(employers)],
			Background: backgrounds[int(bi)%len(backgrounds)],
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
		for _, tr := range r.Trajectories {
			for _, p := range tr.Points {
				if p.Estimate <= 0 || math.IsNaN(float64(p.Estimate)) {
					t.Errorf("trajectory point %+v", p)
				}
			}
		}
	})
}

// FuzzFromQuery checks that any query string yields a valid input without panicking, and
// that a valid input survives an encode/decode round trip.
func FuzzFromQuery(f *testing.F) {
	f.Add("role=ehr-analyst&state=CA&years=5")
	f.Add("years=NaN&years=1e308&state=%3Cscript%3E")
	f.Add("certs=,,pmp,PMP,xx&bg=")
	f.Add("role=%ff%fe&edu=%00")
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		in, _ := FromQuery(q)
		if err := Validate(in); err != nil {
			t.Fatalf("FromQuery(%q) = %+v, invalid: %v", raw, in, err)
		}
		back, errs := FromQuery(in.Query())
		if len(errs) != 0 || !reflect.DeepEqual(back, in) {
			t.Fatalf("round trip of %+v gave %+v, %v", in, back, errs)
		}
		if _, err := Estimate(in); err != nil {
			t.Fatalf("Estimate(%+v): %v", in, err)
		}
	})
}
