package estimate

import (
	"fmt"
	"math"
	"slices"
)

// TrajectoryYears is the last year of experience in a trajectory.
const TrajectoryYears = 30

// USD rounds a dollar amount to whole dollars, halves away from zero. It is the model's one
// rounding rule for money.
func USD(x float64) int { return int(math.Round(x)) }

// base is what the model knows about one role in one area before the person's profile.
type base struct {
	role     RoleInfo
	area     Area
	pct      Percentiles
	dist     distribution
	sigma    float64
	emp      int
	fallback bool
	source   string
}

// lookupBase finds the role's wage distribution in the area, or estimates it where BLS
// published none: the national distribution scaled by the area's pay level for the other
// occupations of the catalogue (the geometric mean of area median / national median).
func lookupBase(ri RoleInfo, a Area) (base, error) {
	b := base{role: ri, area: a}
	if row, ok := oewsWages[areaSOC{a.Code, ri.SOC}]; ok && row.Pct.P10 > 0 {
		b.pct, b.emp, b.source = row.Pct, row.Employment, row.Source
	} else {
		nat, ok := oewsWages[areaSOC{"US", ri.SOC}]
		if !ok || nat.Pct.P10 <= 0 {
			return base{}, fmt.Errorf("estimate: no national wages for SOC %s", ri.SOC)
		}
		f := areaLevel(a.Code, ri.SOC)
		p := nat.Pct
		b.pct = Percentiles{USD(float64(p.P10) * f), USD(float64(p.P25) * f), USD(float64(p.P50) * f),
			USD(float64(p.P75) * f), USD(float64(p.P90) * f)}
		b.emp = row.Employment
		b.fallback = true
		b.source = "oews-2025-national"
	}
	b.dist = newDistribution(b.pct)
	b.sigma = b.dist.sigma()
	return b, nil
}

// areaLevel is the geometric mean, over the catalogue's other occupations with wages in
// the area, of the area's median divided by the national median.
func areaLevel(area, skip string) float64 {
	var sum float64
	var n int
	seen := map[string]bool{skip: true}
	for _, r := range roles {
		if seen[r.SOC] {
			continue
		}
		seen[r.SOC] = true
		s, ok1 := oewsWages[areaSOC{area, r.SOC}]
		u, ok2 := oewsWages[areaSOC{"US", r.SOC}]
		if ok1 && ok2 && s.Pct.P50 > 0 && u.Pct.P50 > 0 {
			sum += math.Log(float64(s.Pct.P50) / float64(u.Pct.P50))
			n++
		}
	}
	if n == 0 {
		return 1
	}
	return math.Exp(sum / float64(n))
}

// step is one factor's move, as a log pay ratio or a position.
type step struct {
	kind     FactorKind
	dz       float64 // move in z units
	evidence Evidence
	note     string
	sources  []string
}

// Estimate computes the estimate for one profile. It returns an error, joining an
// *InputError for each bad field, when in does not pass Validate.
func Estimate(in Input) (Result, error) {
	if err := Validate(in); err != nil {
		return Result{}, err
	}
	in.Certs = normalCerts(in.Certs)
	ri, _ := LookupRole(in.Role)
	a, _ := LookupArea(in.State)
	b, err := lookupBase(ri, a)
	if err != nil {
		return Result{}, err
	}
	steps := profileSteps(b, in)

	r := Result{
		Input:    in,
		Spread:   b.pct,
		SOC:      ri.SOC,
		Fallback: b.fallback,
		DataYear: "May 2025",
		Edition:  DataEdition,
		RPP:      a.RPP,
	}
	if p, ok := projectionRows[ri.SOC]; ok {
		r.SOCTitle = p.Title
	}

	// The breakdown: read the wage off the distribution after each step; each factor's
	// dollars are the change in the rounded running wage, so they add up exactly.
	z := 0.0
	prev := b.pct.P50
	r.Factors = append(r.Factors, Factor{Kind: FactorBase, Dollars: prev, Evidence: EvidenceOfficial,
		Note: baseNote(b), Sources: []string{b.source}})
	for _, s := range steps {
		z += s.dz
		w := USD(b.dist.quantile(clamp(z, -zEstimateMax, zEstimateMax)))
		f := Factor{Kind: s.kind, Dollars: w - prev, Evidence: s.evidence, Note: s.note, Sources: s.sources}
		if prev > 0 {
			f.Percent = 100 * float64(w-prev) / float64(prev)
		}
		r.Factors = append(r.Factors, f)
		prev = w
	}
	zEst := clamp(z, -zEstimateMax, zEstimateMax)
	r.Estimate = prev
	r.Low = USD(b.dist.quantile(clamp(zEst-rangeHalfWidth, -zRangeMax, zRangeMax)))
	r.High = USD(b.dist.quantile(clamp(zEst+rangeHalfWidth, -zRangeMax, zRangeMax)))
	r.Percentile = math.Round(1000*normCDF(zEst)) / 10
	r.Hourly = math.Round(100*float64(r.Estimate)/hoursPerYear) / 100
	r.PurchasingPower = USD(float64(r.Estimate) * 100 / a.RPP)
	r.Outlook = outlook(ri.SOC)
	r.Confidence, r.Reasons, r.ReasonKeys = confidence(b, in, z)
	r.Sources = citedSources(r)
	r.Trajectories = trajectories(b, in)
	return r, nil
}

func baseNote(b base) string {
	if b.fallback {
		return fmt.Sprintf("BLS published no wages for %s in %s; the national median is scaled by %s's pay level for related occupations.",
			b.role.SOC, b.area.Name, b.area.Name)
	}
	return fmt.Sprintf("The median wage of BLS occupation %s in %s, May 2025.", b.role.SOC, b.area.Name)
}

// shifts are a profile's moves within the distribution, in z units, in breakdown order:
// experience, education, employer, certification, background.
type shifts [5]float64

func (s shifts) sum() float64 { return s[0] + s[1] + s[2] + s[3] + s[4] }

// profileShifts computes a profile's moves. It is the model's arithmetic in one place;
// profileSteps adds the words and sources around it.
func profileShifts(b base, in Input) (s shifts, counted int) {
	s[0] = experienceZ(in.Years)
	s[1] = educationShare * math.Log(educationWeekly[in.Education]/educationWeekly[b.role.Typical]) / b.sigma
	s[2] = employerShare * employerLog(in.Employer) / b.sigma
	for _, c := range in.Certs {
		if b.role.CountsFor(c) {
			counted++
		}
	}
	s[3] = math.Min(certPremium*float64(counted), certCap) / b.sigma
	if in.Background == BackgroundClinical && b.role.Clinical {
		s[4] = clinicalPremium / b.sigma
	}
	return s, counted
}

// profileSteps lists the moves of a profile within the distribution, in breakdown order,
// with a note and the sources of each.
func profileSteps(b base, in Input) []step {
	dz, counted := profileShifts(b, in)
	out := make([]step, 0, len(dz))

	out = append(out, step{kind: FactorExperience, dz: dz[0], evidence: EvidenceOfficial,
		note:    fmt.Sprintf("%d years of experience; pay rises fastest early and levels off after about %g years.", in.Years, PlateauYears),
		sources: []string{"cps-age-2021", "model-assumptions"}})

	out = append(out, step{kind: FactorEducation, dz: dz[1], evidence: EvidenceOfficial,
		note:    fmt.Sprintf("Compared with %s, the usual education for this role.", b.role.Typical),
		sources: []string{"cps-education-2019", "model-assumptions"}})

	var empSrc []string
	for _, g := range employerGaps[in.Employer] {
		empSrc = append(empSrc, g.Source)
		if g.VsHospital {
			for _, h := range employerGaps[EmployerHospital] {
				empSrc = append(empSrc, h.Source)
			}
		}
	}
	empNote := "No employer type chosen: the all-industry figures stand."
	empEv := EvidenceOfficial
	if n := len(employerGaps[in.Employer]); n > 0 {
		empNote = fmt.Sprintf("Half the average pay gap found in %d published comparison(s) for this employer type.", n)
		empEv = EvidenceSurvey
	}
	out = append(out, step{kind: FactorEmployer, dz: dz[2], evidence: empEv, note: empNote,
		sources: append(empSrc, "model-assumptions")})

	var certSrc []string
	for _, c := range in.Certs {
		if b.role.CountsFor(c) {
			for _, s := range certSources[c] {
				if !slices.Contains(certSrc, s) {
					certSrc = append(certSrc, s)
				}
			}
		}
	}
	certNote := "No certification counted for this role."
	if counted > 0 {
		certNote = fmt.Sprintf("%d certification(s) that matter for this role; evidence is thin, so the effect is kept small.", counted)
	}
	out = append(out, step{kind: FactorCertification, dz: dz[3], evidence: EvidenceAssumption, note: certNote,
		sources: append(certSrc, "model-assumptions")})

	bgNote := "Background makes no difference to the estimate here."
	if dz[4] != 0 {
		bgNote = "Clinical knowledge is part of this role; a small premium is assumed."
	}
	out = append(out, step{kind: FactorBackground, dz: dz[4], evidence: EvidenceAssumption, note: bgNote,
		sources: []string{"model-assumptions"}})
	return out
}

func trajectories(b base, in Input) []Trajectory {
	i := slices.Index(educations, in.Education)
	levels := []Education{in.Education}
	if i > 0 {
		levels = append(levels, educations[i-1])
	}
	if i < len(educations)-1 {
		levels = append(levels, educations[i+1])
	}
	out := make([]Trajectory, 0, len(levels))
	for _, e := range levels {
		t := Trajectory{Education: e, Points: make([]YearPoint, 0, TrajectoryYears+1)}
		p := in
		p.Education = e
		s, _ := profileShifts(b, p)
		rest := s.sum() - s[0] // everything but experience is the same every year
		for y := 0; y <= TrajectoryYears; y++ {
			z := clamp(experienceZ(y)+rest, -zEstimateMax, zEstimateMax)
			t.Points = append(t.Points, YearPoint{Years: y, Estimate: USD(b.dist.quantile(z))})
		}
		out = append(out, t)
	}
	return out
}

// confidence grades the estimate and says why.
func confidence(b base, in Input, z float64) (Confidence, []string, []string) {
	c := ConfidenceHigh
	var reasons, keys []string
	add := func(level Confidence, key, text string) {
		if level == ConfidenceLow || c == ConfidenceHigh {
			c = level
		}
		reasons = append(reasons, text)
		keys = append(keys, key)
	}
	if b.fallback {
		add(ConfidenceLow, "fallback", "BLS did not publish wages for this occupation in this state; they are estimated from national wages.")
	}
	if b.role.Proxy {
		add(ConfidenceMedium, "proxy", "BLS has no separate wage figures for this role; those of its broader occupation group are used.")
	}
	if b.emp > 0 && b.emp < 1000 {
		add(ConfidenceMedium, "small", "Fewer than 1,000 people hold this occupation in this state, so the published wages are less precise.")
	}
	if math.Abs(z) > zEstimateMax {
		add(ConfidenceMedium, "edge", "This profile sits at the edge of the published wage range.")
	}
	if in.Employer == EmployerVendor || in.Employer == EmployerConsulting {
		add(ConfidenceMedium, "employer", "Published evidence on pay by employer type is old or missing for this employer type.")
	}
	for _, cert := range in.Certs {
		if b.role.CountsFor(cert) {
			add(ConfidenceMedium, "certs", "Certification premiums rest on thin, self-reported survey evidence.")
			break
		}
	}
	if len(reasons) == 0 {
		reasons = append(reasons, "Official BLS wages for this occupation and state, and no thinly evidenced factor applies.")
		keys = append(keys, "official")
	}
	return c, reasons, keys
}

// citedSources collects, in catalogue order, the sources named anywhere in r.
func citedSources(r Result) []Source {
	ids := make([]string, 0, 16)
	ids = append(ids, "rpp-2024", r.Outlook.Source, "ooh-wording")
	for _, f := range r.Factors {
		ids = append(ids, f.Sources...)
	}
	out := make([]Source, 0, len(ids))
	for _, s := range sources {
		if slices.Contains(ids, s.ID) {
			out = append(out, s)
		}
	}
	return out
}
