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
		b.source = srcWagesNational
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

// step is one factor's move within the distribution.
type step struct {
	kind     FactorKind
	dz       float64 // move in z units
	applies  bool
	evidence Evidence
	note     Message
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
	st, err := lookupBase(ri, a)
	if err != nil {
		return Result{}, err
	}
	// b is where the person works: the state, or the metro area within it.
	b, basis, level, related := st, MetroNone, 1.0, 0
	m, hasMetro := LookupMetro(in.Metro)
	if hasMetro {
		b, basis, level, related = metroBase(st, m)
	}
	sh := profileShifts(b, in)
	steps := profileSteps(b, in, sh)

	r := Result{
		Input:      in,
		Spread:     b.pct,
		SOC:        ri.SOC,
		Fallback:   b.fallback,
		DataYear:   wagePeriod,
		Edition:    DataEdition,
		RPP:        a.RPP,
		RPPPlace:   areaArg(a),
		MetroBasis: basis,
	}
	if hasMetro {
		r.Metro = m
		if m.RPP > 0 {
			r.RPP, r.RPPPlace = m.RPP, argText("area", m.Name)
		}
	}
	if p, ok := projectionRows[ri.SOC]; ok {
		r.SOCTitle = p.Title
	}

	// The breakdown: read the wage off the distribution after each step; each factor's
	// dollars are the change in the rounded running wage, so they add up exactly.
	z := 0.0
	prev := st.pct.P50
	baseEv := EvidenceOfficial
	if st.fallback {
		baseEv = EvidenceDerived
	}
	r.Factors = append(r.Factors, Factor{Kind: FactorBase, Dollars: prev, Applies: true, Evidence: baseEv,
		Note: baseNote(st), Sources: []string{st.source}})
	if hasMetro {
		f := locationFactor(st, b, m, basis, level, related)
		r.Factors = append(r.Factors, f)
		prev += f.Dollars
	}
	median := b.pct.P50
	for _, s := range steps {
		z += s.dz
		w := USD(b.dist.quantile(clamp(z, -zEstimateMax, zEstimateMax)))
		f := Factor{Kind: s.kind, Dollars: w - prev, Applies: s.applies, Evidence: s.evidence, Note: s.note, Sources: s.sources}
		if !s.applies {
			f.Evidence = EvidenceNone
		}
		if median > 0 {
			f.Percent = 100 * float64(w-prev) / float64(median)
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
	r.PurchasingPower = USD(float64(r.Estimate) * 100 / r.RPP)
	r.Outlook = outlook(ri.SOC)
	r.Confidence, r.Reasons = confidence(b, in, sh, z, basis)
	r.FromPay = fromPay(in, a, r.Estimate)
	r.Notes = roleNotes(ri, in)
	r.Sources = citedSources(r)
	r.Trajectories = trajectories(b, in)
	return r, nil
}

// locationFactor is the step from the state's median (st) to the metro's (b): BLS's own
// figure, the state's scaled by the metro's level for related occupations, or no move
// where too little is published in the metro to say.
func locationFactor(st, b base, m Metro, basis MetroBasis, level float64, related int) Factor {
	f := Factor{Kind: FactorLocation, Sources: []string{srcWagesMetro}}
	args := []Arg{argText("soc", st.role.SOC), argText("metro", m.Name), areaArg(st.area)}
	key := "note.location.state"
	switch basis {
	case MetroPublished:
		key, f.Evidence = "note.location.metro", EvidenceOfficial
		f.Sources = append(f.Sources, st.source)
		args = append(args, periodArg("period", wagePeriod))
	case MetroScaled:
		key, f.Evidence = "note.location.scaled", EvidenceDerived
		f.Sources = append(f.Sources, st.source, "model-assumptions")
		args = append(args, argInt("n", related), argPct("level", 100*level))
	}
	f.Note = msg(key, args...)
	if f.Applies = basis != MetroState; f.Applies {
		f.Dollars = b.pct.P50 - st.pct.P50
		f.Percent = 100 * float64(f.Dollars) / float64(st.pct.P50)
	}
	return f
}

func baseNote(b base) Message {
	soc := argText("soc", b.role.SOC)
	if b.fallback {
		return msg("note.base.fallback", soc, areaArg(b.area))
	}
	return msg("note.base", soc, areaArg(b.area), periodArg("period", wagePeriod))
}

// shifts are a profile's moves within the distribution, in z units, and what decided
// them. It is the model's arithmetic in one place; profileSteps adds the words and
// sources around it.
type shifts struct {
	experience, transfer, education, employer, cert, background float64

	credited   float64    // years from a previous field counted as experience
	field      Background // the field those years are in (the background)
	fits       bool       // the role draws on that field
	counted    int        // certifications counted for the role
	employerEv Evidence   // how the employer shift is known
	naics      string     // the industry that stands for the employer type, or ""
	clinical   bool       // the clinical premium applies
}

// z sums the moves in breakdown order, with exp standing for experience plus transfer
// where the caller varies the years (the trajectories); the order of the sum is the
// breakdown's, so a trajectory point equals the estimate at the same years exactly.
func (s shifts) z(exp, transfer float64) float64 {
	z := 0.0
	for _, d := range [...]float64{exp, transfer, s.education, s.employer, s.cert, s.background} {
		z += d
	}
	return z
}

// transferZ is the move from years credited on top of years of experience.
func transferZ(years int, credited float64) float64 {
	if credited <= 0 {
		return 0
	}
	return experienceCurve(math.Min(float64(years)+credited, MaxYears)) - experienceZ(years)
}

// profileShifts computes a profile's moves.
func profileShifts(b base, in Input) shifts {
	var s shifts
	s.experience = experienceZ(in.Years)
	s.field = in.Background
	s.fits = (in.Background == BackgroundClinical && b.role.Clinical) || (in.Background == BackgroundIT && b.role.Tech)
	if s.fits {
		s.credited = transferShare * float64(in.Prior)
	}
	s.transfer = transferZ(in.Years, s.credited)
	s.education = educationShare * math.Log(educationWeekly[in.Education]/educationWeekly[b.role.Typical]) / b.sigma
	var emp float64
	emp, s.employerEv, s.naics = employerLog(in.Employer, b.role.SOC)
	s.employer = emp / b.sigma
	for _, c := range in.Certs {
		if b.role.CountsFor(c) {
			s.counted++
		}
	}
	s.cert = math.Min(certPremium*float64(s.counted), certCap) / b.sigma
	if in.Background == BackgroundClinical && b.role.Clinical {
		s.clinical = true
		s.background = clinicalPremium / b.sigma
	}
	return s
}

// profileSteps lists the moves of a profile within the distribution, in breakdown order,
// with a note and the sources of each.
func profileSteps(b base, in Input, s shifts) []step {
	out := make([]step, 0, 6)
	years := argInt("years", in.Years)
	ref := argInt("ref", ReferenceYears)
	expKey := "note.experience.at"
	switch {
	case in.Years == 1:
		expKey = "note.experience.below.one"
	case in.Years < ReferenceYears:
		expKey = "note.experience.below"
	case in.Years > ReferenceYears:
		expKey = "note.experience.above"
	}
	out = append(out, step{kind: FactorExperience, dz: s.experience, applies: true, evidence: EvidenceDerived,
		note:    msg(expKey, years, ref, argDec("plateau", PlateauYears)),
		sources: []string{"cps-age-2021", "model-assumptions"}})

	field := argKey("field", "prior.field."+string(s.field), fieldName[s.field])
	prior := argInt("prior", in.Prior)
	tr := step{kind: FactorTransfer, dz: s.transfer, evidence: EvidenceAssumption, sources: []string{"model-assumptions"}}
	switch {
	case in.Prior == 0:
		tr.note = msg("note.transfer.none")
	case in.Background == BackgroundNew:
		tr.note = msg("note.transfer.nofield")
	case !s.fits:
		tr.note = msg("note.transfer.nofit", prior, field)
	case s.transfer == 0:
		tr.note = msg("note.transfer.full", prior, field)
	default:
		tr.applies = true
		tr.note = msg("note.transfer.counted", prior, field, argDec("credited", s.credited))
	}
	out = append(out, tr)

	typical := eduArg("typical", b.role.Typical)
	share := argPct("share", 100*educationShare)
	ed := step{kind: FactorEducation, dz: s.education, evidence: EvidenceDerived,
		sources: []string{"cps-education-2019", "model-assumptions"}}
	switch i, t := slices.Index(educations, in.Education), slices.Index(educations, b.role.Typical); {
	case i > t:
		ed.applies, ed.note = true, msg("note.education.more", typical, share)
	case i < t:
		ed.applies, ed.note = true, msg("note.education.less", typical, share)
	default:
		ed.note = msg("note.education.same", typical)
	}
	out = append(out, ed)

	em := step{kind: FactorEmployer, dz: s.employer, evidence: s.employerEv}
	switch s.employerEv {
	case EvidenceOfficial, EvidenceDerived:
		row := industryWages[industrySOC{s.naics, b.role.SOC}]
		key := "note.employer.industry"
		if s.employerEv == EvidenceDerived {
			key = "note.employer.broader"
		}
		em.applies = true
		em.note = msg(key,
			argKey("industry", "industry."+s.naics, industryNames[s.naics]),
			argPct("ratio", 100*float64(row.Mean)/float64(row.AllMean)),
			periodArg("period", row.Period))
		em.sources = append([]string{row.Source}, surveySources(in.Employer)...)
	case EvidenceSurvey:
		em.applies = true
		em.note = msg("note.employer.survey")
		em.sources = append(surveySources(in.Employer), "model-assumptions")
	default:
		em.note = msg("note.employer.any")
	}
	out = append(out, em)

	var certSrc []string
	for _, c := range in.Certs {
		if b.role.CountsFor(c) {
			for _, id := range certSources[c] {
				if !slices.Contains(certSrc, id) {
					certSrc = append(certSrc, id)
				}
			}
		}
	}
	ce := step{kind: FactorCertification, dz: s.cert, evidence: EvidenceAssumption,
		sources: append(certSrc, "model-assumptions")}
	each := argPct("each", 100*certPremium)
	switch {
	case s.counted == 1:
		ce.applies, ce.note = true, msg("note.cert.one", each)
	case s.counted > 1:
		ce.applies, ce.note = true, msg("note.cert.other", argInt("n", s.counted), each, argPct("cap", 100*certCap))
	case len(in.Certs) > 0:
		ce.note = msg("note.cert.notcounted")
	default:
		ce.note = msg("note.cert.none")
	}
	out = append(out, ce)

	bg := step{kind: FactorBackground, dz: s.background, evidence: EvidenceAssumption, sources: []string{"model-assumptions"}}
	switch {
	case s.clinical:
		bg.applies, bg.note = true, msg("note.bg.clinical", argPct("premium", 100*clinicalPremium))
	case in.Background == BackgroundClinical:
		bg.note = msg("note.bg.clinical.nocount")
	case in.Background == BackgroundIT:
		bg.note = msg("note.bg.it")
	default:
		bg.note = msg("note.bg.none")
	}
	out = append(out, bg)
	return out
}

// fieldName is the English of a previous field inside a sentence.
var fieldName = map[Background]string{
	BackgroundClinical: "clinical",
	BackgroundIT:       "IT",
	BackgroundNew:      "other",
}

// surveySources lists the sources of the other published gaps of an employer type.
func surveySources(e Employer) []string {
	var out []string
	for _, g := range employerSurveys[e] {
		if !slices.Contains(out, g.Source) {
			out = append(out, g.Source)
		}
	}
	return out
}

// roleNotes are the facts about the role a reader should see beside the figures.
func roleNotes(ri RoleInfo, in Input) []Message {
	var out []Message
	if ri.Proxy {
		out = append(out, msg("note.role.proxy"))
	}
	for _, o := range roles {
		if o.Slug != ri.Slug && o.SOC == ri.SOC {
			out = append(out, msg("note.role.shared",
				argKey("role", "role."+string(ri.Slug)+".name", ri.Name),
				argKey("other", "role."+string(o.Slug)+".name", o.Name),
				argText("soc", ri.SOC)))
		}
	}
	if ri.Later && in.Years < laterYears {
		out = append(out, msg("note.role.later"))
	}
	return out
}

// laterYears is the experience below which a role usually reached later says so: BLS
// asks 5 years or more of related work for computer and information systems managers.
const laterYears = 5

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
		s := profileShifts(b, p)
		for y := 0; y <= TrajectoryYears; y++ {
			z := clamp(s.z(experienceZ(y), transferZ(y, s.credited)), -zEstimateMax, zEstimateMax)
			t.Points = append(t.Points, YearPoint{Years: y, Estimate: USD(b.dist.quantile(z))})
		}
		out = append(out, t)
	}
	return out
}

// confidence grades the estimate and says why. b is where the person works (the state or
// the metro area), and basis how the metro's wages are known.
func confidence(b base, in Input, s shifts, z float64, basis MetroBasis) (Confidence, []Message) {
	c := ConfidenceHigh
	var reasons []Message
	add := func(level Confidence, key string) {
		if level == ConfidenceLow || c == ConfidenceHigh {
			c = level
		}
		reasons = append(reasons, msg(key))
	}
	if b.fallback {
		add(ConfidenceLow, "reason.fallback")
	}
	// With a metro, the figures are the metro's except where the state's stand in.
	metro := basis == MetroPublished || basis == MetroScaled
	if basis == MetroScaled || basis == MetroState {
		add(ConfidenceMedium, "reason.metro."+string(basis))
	}
	if b.role.Proxy {
		add(ConfidenceMedium, "reason.proxy")
	}
	if b.emp > 0 && b.emp < 1000 {
		add(ConfidenceMedium, metroKey("reason.small", metro))
	}
	if math.Abs(z) > zEstimateMax {
		add(ConfidenceMedium, "reason.edge")
	}
	if s.employerEv == EvidenceSurvey {
		add(ConfidenceMedium, "reason.employer")
	}
	if s.counted > 0 {
		add(ConfidenceMedium, "reason.certs")
	}
	if s.credited > 0 && s.transfer != 0 {
		add(ConfidenceMedium, "reason.transfer")
	}
	if len(reasons) == 0 {
		reasons = append(reasons, msg(metroKey("reason.official", metro)))
	}
	return c, reasons
}

// metroKey is a reason's key for a metro area's figures ("<key>.metro") or a state's.
func metroKey(key string, metro bool) string {
	if metro {
		return key + ".metro"
	}
	return key
}

// citedSources collects, in catalogue order, the sources named anywhere in r.
func citedSources(r Result) []Source {
	ids := make([]string, 0, 16)
	rpp := srcRPP
	if r.Metro.RPP > 0 {
		rpp = srcRPPMetro
	}
	ids = append(ids, rpp, r.Outlook.Source, "ooh-wording")
	for _, f := range r.Factors {
		ids = append(ids, f.Sources...)
	}
	if r.FromPay != nil {
		ids = append(ids, r.FromPay.Source)
	}
	out := make([]Source, 0, len(ids))
	for _, s := range sources {
		if slices.Contains(ids, s.ID) {
			out = append(out, s)
		}
	}
	return out
}
