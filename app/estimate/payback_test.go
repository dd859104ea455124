package estimate

import (
	"math"
	"reflect"
	"testing"
)

// flat is an earn function for the arithmetic tests: pay by education only, the same at
// every year of experience.
func flat(pay map[Education]int) func(Education, int) int {
	return func(e Education, _ int) int { return pay[e] }
}

func TestPaybackArithmetic(t *testing.T) {
	disc := func(k int) float64 { return math.Pow(1+PaybackRate, float64(k)) }
	tests := []struct {
		name      string
		pay       map[Education]int
		in        PaybackInput
		year      int // want PaybackYear
		forgone   int
		net10     float64 // want Net10 before rounding
		verdict   string
		tuitionTo int // want Tuition used
	}{
		{
			// Full time, 2 years: −(50,000 + 10,000) twice (−118,252 discounted), then
			// +10,000 a year: years 3 to 17 bring back 115,894, years 3 to 18 121,944.
			name: "full time", pay: map[Education]int{EduAssociate: 50_000, EduBachelor: 60_000},
			in:   PaybackInput{From: EduAssociate, To: EduBachelor, Years: 2, Tuition: 10_000},
			year: 18, forgone: 100_000, verdict: "payback.verdict.year", tuitionTo: 10_000,
			net10: func() float64 {
				s := -60_000/disc(0) - 60_000/disc(1)
				for k := 2; k < 10; k++ {
					s += 10_000 / disc(k)
				}
				return s
			}(),
		},
		{
			// Part time: pay goes on; 2 years of −5,000, then +10,000 a year: the
			// discounted sum is −9,854 after year 2, −428 after year 3, +8,723 after year 4.
			name: "part time keeps earnings", pay: map[Education]int{EduAssociate: 50_000, EduBachelor: 60_000},
			in:   PaybackInput{From: EduAssociate, To: EduBachelor, Years: 2, Tuition: 5_000, PartTime: true},
			year: 4, forgone: 0, verdict: "payback.verdict.year", tuitionTo: 5_000,
			net10: func() float64 {
				s := -5_000/disc(0) - 5_000/disc(1)
				for k := 2; k < 10; k++ {
					s += 10_000 / disc(k)
				}
				return s
			}(),
		},
		{
			name: "zero gain never pays back", pay: map[Education]int{EduMaster: 90_000, EduDoctorate: 90_000},
			in:   PaybackInput{From: EduMaster, To: EduDoctorate, Years: 4, Tuition: 0, PartTime: true},
			year: 0, forgone: 0, net10: 0, verdict: "payback.verdict.nogain",
		},
		{
			// No cost, part time: the gain starts the year after study.
			name: "free part-time step pays back the year after", pay: map[Education]int{EduHS: 40_000, EduSomeCollege: 41_000},
			in:   PaybackInput{From: EduHS, To: EduSomeCollege, Years: 1, Tuition: 0, PartTime: true},
			year: 2, verdict: "payback.verdict.year", net10: 1_000 * func() float64 {
				s := 0.0
				for k := 1; k < 10; k++ {
					s += 1 / disc(k)
				}
				return s
			}(),
		},
		{
			// MaxStudyYears = 8 years of study with no gain and no tuition, then +1,000.
			name: "entries are clamped", pay: map[Education]int{EduHS: 40_000, EduAssociate: 41_000},
			in:   PaybackInput{From: EduHS, To: EduAssociate, Years: 99, Tuition: -5, PartTime: true},
			year: 9, verdict: "payback.verdict.year", tuitionTo: 0, net10: 1_000/disc(8) + 1_000/disc(9),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := payback(flat(tt.pay), tt.in, 5)
			if p.PaybackYear != tt.year {
				t.Errorf("PaybackYear = %d, want %d (%+v)", p.PaybackYear, tt.year, p)
			}
			if p.Forgone != tt.forgone {
				t.Errorf("Forgone = %d, want %d", p.Forgone, tt.forgone)
			}
			if want := int(math.Round(tt.net10)); p.Net10 != want {
				t.Errorf("Net10 = %d, want %d", p.Net10, want)
			}
			if p.Verdict.Key != tt.verdict {
				t.Errorf("Verdict %q, want key %q", p.Verdict.Text, tt.verdict)
			}
			if p.Tuition != tt.tuitionTo || p.TuitionTotal != p.Tuition*p.Years {
				t.Errorf("Tuition %d × %d = %d, want %d a year", p.Tuition, p.Years, p.TuitionTotal, tt.tuitionTo)
			}
			if p.Gain != tt.pay[tt.in.To]-tt.pay[tt.in.From] {
				t.Errorf("Gain = %d", p.Gain)
			}
			if p.Net20 < p.Net10 && p.Gain > 0 {
				t.Errorf("Net20 %d below Net10 %d with a positive gain", p.Net20, p.Net10)
			}
		})
	}
}

// TestPaybackFromEstimates checks PaybackFor against the model's own estimates: the
// pay streams are Estimate at each year for each education, and the figures follow.
func TestPaybackFromEstimates(t *testing.T) {
	prof := Input{Role: "health-info-tech", State: "OH", Years: 3, Education: EduAssociate,
		Employer: EmployerHospital, Background: BackgroundNew}
	est := func(e Education, y int) int {
		in := prof
		in.Education, in.Years = e, min(y, MaxYears)
		r, err := Estimate(in)
		if err != nil {
			t.Fatal(err)
		}
		return r.Estimate
	}
	for _, part := range []bool{false, true} {
		pin := PaybackInput{Profile: prof, From: EduAssociate, To: EduBachelor, Years: 2, Tuition: 11_610, PartTime: part}
		got, err := PaybackFor(pin)
		if err != nil {
			t.Fatal(err)
		}
		want := payback(est, pin, prof.Years)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("part time %v: PaybackFor = %+v\nfrom Estimate: %+v", part, got, want)
		}
		if got.Now != est(EduAssociate, 3) || got.Gain <= 0 {
			t.Errorf("part time %v: Now %d, Gain %d", part, got.Now, got.Gain)
		}
		if part && got.Forgone != 0 || !part && got.Forgone != est(EduAssociate, 3)+est(EduAssociate, 4) {
			t.Errorf("part time %v: Forgone %d", part, got.Forgone)
		}
	}
	// The trajectories of Estimate are the same pay: one level up is Result.Trajectories.
	r, _ := Estimate(prof)
	for _, tr := range r.Trajectories {
		for _, pt := range tr.Points {
			if e := est(tr.Education, pt.Years); e != pt.Estimate {
				t.Fatalf("%s at %d years: trajectory %d, Estimate %d", tr.Education, pt.Years, pt.Estimate, e)
			}
		}
	}
}

func TestPaybackErrors(t *testing.T) {
	good := PaybackInput{Profile: Default(), From: EduBachelor, To: EduMaster, Years: 2}
	bad := []PaybackInput{good, good, good}
	bad[0].To = EduBachelor
	bad[1].To = EduAssociate
	bad[2].Profile.State = "ZZ"
	for _, pin := range bad {
		if _, err := PaybackFor(pin); err == nil {
			t.Errorf("PaybackFor(%s → %s in %s) gave no error", pin.From, pin.To, pin.Profile.State)
		}
	}
	if _, err := PaybackFor(good); err != nil {
		t.Errorf("PaybackFor(bachelor → master): %v", err)
	}
}

func TestSteps(t *testing.T) {
	for _, e := range Educations() {
		i := DefaultStep(e)
		if i < 0 || i >= len(Steps()) {
			t.Fatalf("DefaultStep(%s) = %d", e, i)
		}
	}
	for _, s := range Steps() {
		if s.TuitionNote.Key == "" || s.TuitionNote.Text == "" || s.Years < 1 || s.Years > MaxStudyYears {
			t.Errorf("step %s → %s: %+v", s.From, s.To, s)
		}
		if _, err := PaybackFor(PaybackInput{Profile: Default(), From: s.From, To: s.To, Years: s.Years, Tuition: s.Tuition}); err != nil {
			t.Errorf("step %s → %s: %v", s.From, s.To, err)
		}
	}
	if s := Steps()[DefaultStep(EduAssociate)]; s.From != EduAssociate || s.To != EduBachelor {
		t.Errorf("DefaultStep(associate) is %s → %s", s.From, s.To)
	}
}

// BenchmarkPayback measures one payback: two pay streams of PaybackHorizon years.
func BenchmarkPayback(b *testing.B) {
	pin := PaybackInput{Profile: benchInput, From: EduBachelor, To: EduMaster, Years: 2, Tuition: 11_610}
	for b.Loop() {
		if _, err := PaybackFor(pin); err != nil {
			b.Fatal(err)
		}
	}
}
