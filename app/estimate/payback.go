package estimate

import (
	"fmt"
	"math"
	"slices"
)

// Payback assumptions. They are modelling choices, stated with every result.
const (
	// PaybackRate is the real discount rate (after inflation) applied to future pay: a
	// dollar a year from now counts as 1/1.03 dollars today. An assumption, near the
	// real return of safe long-term savings.
	PaybackRate = 0.03
	// PaybackHorizon is how many years, from the start of study, the payback year is
	// looked for.
	PaybackHorizon = 40
	// MaxStudyYears and MaxTuition bound the panel's entries (tuition per year).
	MaxStudyYears = 8
	MaxTuition    = 200_000
)

// Tuition examples: College Board, Trends in College Pricing and Student Aid 2024,
// average published tuition and fees for full-time students, 2024–25.
const (
	tuitionTwoYear  = 4_050  // public two-year college, in-district
	tuitionFourYear = 11_610 // public four-year college, in-state
)

// srcTuition names the publication of the tuition examples.
const srcTuition = "College Board, Trends in College Pricing and Student Aid 2024 (2024–25)"

// Step is one education step people take: from one level to a higher one, with the
// usual full-time years of study and a tuition figure to start from.
type Step struct {
	From, To    Education
	Years       int     // usual full-time years of study
	Tuition     int     // tuition and fees per year to start from, whole dollars
	TuitionNote Message // where the tuition figure comes from, or that it is only an example
}

// steps lists the steps the payback panel offers, from the lowest level up.
var steps = []Step{
	{From: EduHS, To: EduSomeCollege, Years: 1, Tuition: tuitionTwoYear, TuitionNote: tuitionTwo()},
	{From: EduHS, To: EduAssociate, Years: 2, Tuition: tuitionTwoYear, TuitionNote: tuitionTwo()},
	{From: EduHS, To: EduBachelor, Years: 4, Tuition: tuitionFourYear, TuitionNote: tuitionFour()},
	{From: EduSomeCollege, To: EduAssociate, Years: 1, Tuition: tuitionTwoYear, TuitionNote: tuitionTwo()},
	{From: EduAssociate, To: EduBachelor, Years: 2, Tuition: tuitionFourYear, TuitionNote: tuitionFour()},
	{From: EduBachelor, To: EduMaster, Years: 2, Tuition: tuitionFourYear, TuitionNote: tuitionGraduate()},
	{From: EduMaster, To: EduDoctorate, Years: 4, Tuition: tuitionFourYear, TuitionNote: tuitionGraduate()},
}

func tuitionTwo() Message {
	return msg("payback.tuition.twoyear", argMoney("tuition", tuitionTwoYear), argText("source", srcTuition))
}

func tuitionFour() Message {
	return msg("payback.tuition.fouryear", argMoney("tuition", tuitionFourYear), argText("source", srcTuition))
}

func tuitionGraduate() Message {
	return msg("payback.tuition.graduate", argMoney("tuition", tuitionFourYear), argText("source", srcTuition))
}

// Steps lists the education steps of the payback panel.
func Steps() []Step { return slices.Clone(steps) }

// DefaultStep is the index into Steps of the step to show first for someone with
// education e: the first step up from e, or bachelor's to master's when there is none.
func DefaultStep(e Education) int {
	for i, s := range steps {
		if s.From == e {
			return i
		}
	}
	return slices.IndexFunc(steps, func(s Step) bool { return s.From == EduBachelor })
}

// PaybackInput is one education step for one profile.
type PaybackInput struct {
	Profile  Input     // the person; its Education is replaced by From
	From, To Education // the education now and after the step; To must be higher
	Years    int       // years of study, 1 to MaxStudyYears (clamped)
	Tuition  int       // tuition and fees per year of study, 0 to MaxTuition (clamped)
	PartTime bool      // studying part time while working on: pay and experience go on
}

// Payback is what an education step costs and brings, in whole dollars of today (real).
type Payback struct {
	From, To Education
	Years    int  // years of study used
	Tuition  int  // tuition per year used
	PartTime bool // studying while working

	Now   int // the estimate with From at the person's years now
	After int // the estimate with To at the same years
	Gain  int // After − Now: the yearly gain once the step is done, at today's experience

	Forgone      int // pay given up while studying (none part time), not discounted
	TuitionTotal int // Tuition × Years, not discounted

	// PaybackYear counts years from the start of study to the first year at whose end the
	// discounted gains have made up for the tuition and the pay given up; 0 if that does
	// not happen within PaybackHorizon years.
	PaybackYear int
	Net10       int // net value of the step over the first 10 years, discounted to today
	Net20       int // the same over 20 years

	Rate    float64 // PaybackRate
	Horizon int     // PaybackHorizon

	Verdict     Message // the payback year, or why there is none, in a sentence
	Assumptions Message // how the figures are computed, in a sentence
}

// PaybackFor computes what an education step pays back for a profile: year by year,
// pay with the step (none while studying full time, then the estimate at the new
// education) against pay without it (the estimate at the old education as experience
// grows), less tuition, each year discounted at PaybackRate. Both pay streams are the
// model's own estimates at each year of experience, the numbers of Result.Trajectories.
// Studying full time adds no experience while it lasts; part time, pay and experience
// go on. It returns an error when the profile (with From) does not pass Validate or To
// is not above From.
func PaybackFor(pin PaybackInput) (Payback, error) {
	in := pin.Profile
	in.Education = pin.From
	if err := Validate(in); err != nil {
		return Payback{}, err
	}
	i, j := slices.Index(educations, pin.From), slices.Index(educations, pin.To)
	if j <= i {
		return Payback{}, fmt.Errorf("estimate: payback: %q is not above %q", pin.To, pin.From)
	}
	in.Certs = normalCerts(in.Certs)
	ri, _ := LookupRole(in.Role)
	a, _ := LookupArea(in.State)
	b, err := lookupBase(ri, a)
	if err != nil {
		return Payback{}, err
	}
	if m, ok := LookupMetro(in.Metro); ok { // where the person works: as in Estimate
		b, _, _, _ = metroBase(b, m)
	}
	earn := func(e Education, years int) int {
		p := in
		p.Education, p.Years = e, clampYears(years)
		return estimateAt(b, p)
	}
	return payback(earn, pin, in.Years), nil
}

// payback is the arithmetic of PaybackFor, with the estimate at an education and years
// of experience given as earn.
func payback(earn func(Education, int) int, pin PaybackInput, years int) Payback {
	p := Payback{From: pin.From, To: pin.To, PartTime: pin.PartTime,
		Years:   min(max(pin.Years, 1), MaxStudyYears),
		Tuition: min(max(pin.Tuition, 0), MaxTuition),
		Rate:    PaybackRate, Horizon: PaybackHorizon}
	p.Now, p.After = earn(p.From, years), earn(p.To, years)
	p.Gain = p.After - p.Now
	p.TuitionTotal = p.Tuition * p.Years

	var cum, net10, net20 float64
	for k := range PaybackHorizon {
		without := earn(p.From, years+k)
		var with, cost int
		switch {
		case k < p.Years && p.PartTime:
			with, cost = without, p.Tuition
		case k < p.Years:
			cost = p.Tuition
		case p.PartTime:
			with = earn(p.To, years+k)
		default:
			with = earn(p.To, years+k-p.Years)
		}
		if k < p.Years {
			p.Forgone += without - with
		}
		d := float64(with-without-cost) / math.Pow(1+PaybackRate, float64(k))
		cum += d
		if k < 10 {
			net10 += d
		}
		if k < 20 {
			net20 += d
		}
		if p.PaybackYear == 0 && cum > 0 {
			p.PaybackYear = k + 1
		}
	}
	p.Net10, p.Net20 = USD(net10), USD(net20)

	horizon := argInt("horizon", PaybackHorizon)
	switch {
	case p.Gain <= 0:
		p.Verdict = msg("payback.verdict.nogain", eduArg("from", p.From), eduArg("to", p.To))
	case p.PaybackYear == 0:
		p.Verdict = msg("payback.verdict.never", horizon)
	default:
		p.Verdict = msg("payback.verdict.year", argInt("year", p.PaybackYear))
	}
	p.Assumptions = msg("payback.assumptions", argPct("rate", 100*PaybackRate), horizon)
	return p
}
