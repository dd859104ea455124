package estimate

import (
	"slices"
	"strings"
)

// Pathways: the ways into healthcare IT that the two source guides describe (from
// clinical work, from IT) and a third for people new to both, each as a ladder of roles
// whose pay is this model's own estimate for the person's state (and metro), and the
// specializations the salary guide singles out, each against the person's current
// choice. What the guides say to study or earn is their advice, cited as such: they give
// no pay figure for any step, so every figure here is Estimate's.

// The experience assumed at each step of a path: the salary guide's bands, entry level
// (0–2 years), mid-career (3–8) and senior or lead (8 and more), one point in each.
const (
	PathEntryYears  = 1
	PathMidYears    = 5
	PathSeniorYears = 10
)

// The two source guides, as sources. They are cited for advice, not for figures.
const (
	srcGuideSalary  = "guide-salary"
	srcGuideCareers = "guide-careers"
)

// pathStepSpec is one rung of a path as the guides describe it: the role, the education
// it asks at least, the certifications it adds, the years of experience assumed, and the
// guides' advice for it.
type pathStepSpec struct {
	role    Role
	minEdu  Education
	add     []Cert
	years   int
	advice  string   // message key
	sources []string // where the advice comes from
}

// pathSpec is one way in.
type pathSpec struct {
	path    Background
	steps   []pathStepSpec
	advice  []string // message keys of the path's advice
	sources []string
}

// pathSpecs are the three ways in, in the order the panel shows them. The clinical and
// IT paths follow the careers page (bachelor's at least; keep clinical licensure active,
// MSN or MS IT helpful; CISSP, CCNA and PMP in demand) and the salary guide (EHR
// certification, informatics, security and project roles); the third follows the
// salary guide's education levels (an associate degree in HIT for entry roles, a
// bachelor's for analyst posts, a master's for senior and informatics roles).
var pathSpecs = []pathSpec{
	{path: BackgroundClinical,
		advice:  []string{"pathways.advice.clinical.licensure", "pathways.advice.clinical.degree"},
		sources: []string{srcGuideCareers, srcGuideSalary},
		steps: []pathStepSpec{
			{role: "ehr-analyst", minEdu: EduBachelor, add: []Cert{CertEpic}, years: PathEntryYears,
				advice: "pathways.step.clinical.ehr", sources: []string{srcGuideCareers, srcGuideSalary}},
			{role: "informatics", minEdu: EduMaster, years: PathMidYears,
				advice: "pathways.step.clinical.informatics", sources: []string{srcGuideCareers, srcGuideSalary}},
			{role: "it-manager", minEdu: EduMaster, years: PathSeniorYears,
				advice: "pathways.step.clinical.lead", sources: []string{srcGuideSalary}},
		}},
	{path: BackgroundIT,
		advice:  []string{"pathways.advice.it.certs", "pathways.advice.it.ehr"},
		sources: []string{srcGuideCareers, srcGuideSalary},
		steps: []pathStepSpec{
			{role: "network-admin", minEdu: EduBachelor, add: []Cert{CertCCNA}, years: PathEntryYears,
				advice: "pathways.step.it.infrastructure", sources: []string{srcGuideCareers, srcGuideSalary}},
			{role: "security-analyst", minEdu: EduBachelor, add: []Cert{CertCISSP}, years: PathMidYears,
				advice: "pathways.step.it.security", sources: []string{srcGuideCareers, srcGuideSalary}},
			{role: "it-project-manager", minEdu: EduBachelor, add: []Cert{CertPMP, CertEpic}, years: PathSeniorYears,
				advice: "pathways.step.it.project", sources: []string{srcGuideCareers, srcGuideSalary}},
		}},
	{path: BackgroundNew,
		advice:  []string{"pathways.advice.new.degree"},
		sources: []string{srcGuideSalary, srcGuideCareers},
		steps: []pathStepSpec{
			{role: "health-info-tech", minEdu: EduAssociate, years: PathEntryYears,
				advice: "pathways.step.new.associate", sources: []string{srcGuideSalary}},
			{role: "ehr-analyst", minEdu: EduBachelor, years: PathMidYears,
				advice: "pathways.step.new.bachelor", sources: []string{srcGuideSalary, srcGuideCareers}},
			{role: "data-analyst", minEdu: EduMaster, years: PathSeniorYears,
				advice: "pathways.step.new.master", sources: []string{srcGuideSalary}},
		}},
}

// specSpec is a specialization the salary guide singles out and the roles that stand
// for it.
type specSpec struct {
	id    string
	roles []Role
}

// specSpecs are the salary guide's high-demand specializations, in its order.
var specSpecs = []specSpec{
	{id: "cybersecurity", roles: []Role{"security-analyst"}},
	{id: "ehr", roles: []Role{"ehr-analyst"}},
	{id: "analytics", roles: []Role{"data-analyst", "informatics"}},
	{id: "project-management", roles: []Role{"it-project-manager"}},
}

// Difference keys: how a figure compares with the person's current estimate.
const (
	DiffMore    = "more"
	DiffLess    = "less"
	DiffSame    = "same"
	DiffCurrent = "current" // the person's own choice: the same input
)

// DiffKeys lists every difference key a step or a specialization can carry.
func DiffKeys() []string { return []string{DiffMore, DiffLess, DiffSame, DiffCurrent} }

// SpecializationIDs lists the specializations, in the order Pathways gives them.
func SpecializationIDs() []string {
	out := make([]string, len(specSpecs))
	for i, s := range specSpecs {
		out[i] = s.id
	}
	return out
}

// Neighbour kinds: why an occupation counts as related to the role.
const (
	NeighbourSecurity   = "security"   // information security, always related
	NeighbourManagement = "management" // a management occupation, always related
	NeighbourRelated    = "related"    // shares the kind of work: clinical knowledge or IT at its core
)

// NeighbourKinds lists every Neighbour.Kind.
func NeighbourKinds() []string {
	return []string{NeighbourSecurity, NeighbourManagement, NeighbourRelated}
}

// CompareKeys lists every Outlook.Compare value.
func CompareKeys() []string { return []string{CompareAbove, CompareSame, CompareBelow} }

// PathStep is one rung of a path for one person: their input changed where the step
// says (role, education raised to the step's minimum, certifications added, years of
// experience, the path's background) and what Estimate makes of it.
type PathStep struct {
	Role       Role
	Education  Education // the education assumed: the person's, or the step's minimum if higher
	Raised     bool      // Education is above the person's own (this step or an earlier one raised it)
	Added      []Cert    // certifications this step adds (earlier steps' are kept)
	Years      int       // years of experience in the role assumed at this step
	Advice     Message   // what the guides say to study or earn here: advice, not a pay figure
	Sources    []string  // IDs into Sources of the advice
	Input      Input     // the person's input as the step changes it
	Estimate   int       // Estimate(Input).Estimate
	Low, High  int       // Estimate(Input)'s likely range
	Difference int       // Estimate − the person's current estimate
	DiffKey    string    // DiffMore, DiffLess or DiffSame (DiffCurrent: the person's own input)
	Outlook    Outlook   // the projection of the step's occupation (national)
}

// Pathway is one way in, step by step.
type Pathway struct {
	Path    Background // clinical, it or new
	Mine    bool       // the model takes this to be the person's path (see PathwaysResult.MineNote)
	Steps   []PathStep
	Advice  []Message // the guides' advice for the whole path: advice, not pay figures
	Sources []string  // IDs into Sources of that advice
}

// Specialization is one specialization the salary guide singles out, for one of the
// roles that stand for it: the person's input with only the role changed.
type Specialization struct {
	ID         string // cybersecurity, ehr, analytics or project-management
	Role       Role
	Input      Input
	Estimate   int
	Low, High  int
	Difference int    // Estimate − the person's current estimate
	DiffKey    string // DiffMore, DiffLess, DiffSame or DiffCurrent (the person's own role)
	Why        Message
	Sources    []string
}

// PathwaysResult is the pathways panel for one person.
type PathwaysResult struct {
	Current         int        // the person's own estimate, which every difference is against
	Mine            Background // the person's path: from Input.From's field if given, else Input.Background
	MineNote        Message    // why that path is flagged
	Paths           []Pathway
	Specializations []Specialization
	Assumptions     []Message // what the steps and specializations assume
	Sources         []Source  // every source the advice cites, in catalogue order
}

// Pathways computes the three ways in and the specializations for one person. Every
// figure is Estimate's for the person's input changed only as a step or a
// specialization says. It returns the error of Validate when in does not pass it.
func Pathways(in Input) (PathwaysResult, error) {
	cur, err := Estimate(in)
	if err != nil {
		return PathwaysResult{}, err
	}
	in = cur.Input
	out := PathwaysResult{Current: cur.Estimate}
	out.Mine, out.MineNote = minePath(in)

	ids := []string{}
	cite := func(s []string) {
		for _, id := range s {
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	for _, ps := range pathSpecs {
		p := Pathway{Path: ps.path, Mine: ps.path == out.Mine, Sources: slices.Clone(ps.sources)}
		for _, k := range ps.advice {
			p.Advice = append(p.Advice, msg(k))
		}
		cite(ps.sources)
		step := in
		step.Background = ps.path
		if ps.path != in.Background {
			step.Prior = 0 // years in one field are not years in another
		}
		step.Certs = slices.Clone(in.Certs)
		for _, ss := range ps.steps {
			step.Role, step.Years = ss.role, ss.years
			if rank(step.Education) < rank(ss.minEdu) {
				step.Education = ss.minEdu
			}
			var added []Cert
			for _, c := range ss.add {
				if !slices.Contains(step.Certs, c) {
					step.Certs = append(step.Certs, c)
					added = append(added, c)
				}
			}
			step.Certs = normalCerts(step.Certs)
			r, err := Estimate(step)
			if err != nil {
				return PathwaysResult{}, err
			}
			cite(ss.sources)
			p.Steps = append(p.Steps, PathStep{
				Role: ss.role, Education: step.Education, Raised: step.Education != in.Education, Added: added, Years: ss.years,
				Advice: msg(ss.advice), Sources: slices.Clone(ss.sources), Input: r.Input,
				Estimate: r.Estimate, Low: r.Low, High: r.High,
				Difference: r.Estimate - cur.Estimate, DiffKey: diffKey(r.Input, in, r.Estimate-cur.Estimate),
				Outlook: r.Outlook,
			})
		}
		out.Paths = append(out.Paths, p)
	}

	for _, sp := range specSpecs {
		for _, role := range sp.roles {
			s := in
			s.Role = role
			r, err := Estimate(s)
			if err != nil {
				return PathwaysResult{}, err
			}
			out.Specializations = append(out.Specializations, Specialization{
				ID: sp.id, Role: role, Input: r.Input, Estimate: r.Estimate, Low: r.Low, High: r.High,
				Difference: r.Estimate - cur.Estimate, DiffKey: diffKey(r.Input, in, r.Estimate-cur.Estimate),
				Why: msg("pathways.spec." + sp.id), Sources: []string{srcGuideSalary},
			})
		}
	}
	cite([]string{srcGuideSalary})

	out.Assumptions = []Message{
		msg("pathways.assume.steps", argInt("entry", PathEntryYears), argInt("mid", PathMidYears),
			argInt("senior", PathSeniorYears)),
		msg("pathways.assume.prior"),
		msg("pathways.assume.advice"),
		msg("pathways.assume.spec"),
	}
	for _, s := range sources {
		if slices.Contains(ids, s.ID) {
			out.Sources = append(out.Sources, s)
		}
	}
	return out, nil
}

// minePath is the person's own way in: the field of their current job if they named
// one, else the background they chose.
func minePath(in Input) (Background, Message) {
	if o, ok := LookupOrigin(in.From); ok {
		name := argKey("from", "origin."+string(o.Slug), o.Name)
		if _, isRole := LookupRole(Role(o.Slug)); isRole {
			name = argKey("from", "role."+string(o.Slug)+".name", o.Name)
		}
		return o.Field, msg("pathways.mine.from."+string(o.Field), name)
	}
	return in.Background, msg("pathways.mine.bg." + string(in.Background))
}

// rank is an education level's place, lowest first.
func rank(e Education) int { return slices.Index(educations, e) }

// diffKey words a difference against the person's own estimate; the person's own input
// (same role, same everything) is DiffCurrent.
func diffKey(step, own Input, d int) string {
	switch {
	case sameInput(step, own):
		return DiffCurrent
	case d > 0:
		return DiffMore
	case d < 0:
		return DiffLess
	}
	return DiffSame
}

// sameInput reports whether two normalised inputs are the same profile.
func sameInput(a, b Input) bool {
	return slices.Equal(a.Certs, b.Certs) && a.Role == b.Role && a.State == b.State && a.Metro == b.Metro &&
		a.Years == b.Years && a.Education == b.Education && a.Employer == b.Employer &&
		a.Background == b.Background && a.Prior == b.Prior && a.From == b.From
}

// Neighbour is an occupation of the catalogue related to a role and projected to grow
// faster than it: national BLS projections, like Outlook.
type Neighbour struct {
	Role    Role   // the first catalogue role whose wages that occupation stands for
	Kind    string // NeighbourSecurity, NeighbourManagement or NeighbourRelated
	Outlook Outlook
}

// maxNeighbours caps the list: the fastest-growing related occupations first.
const maxNeighbours = 5

// Neighbours lists the catalogue's occupations related to role r that BLS projects to
// grow faster than r's own, fastest first (ties by catalogue order), at most five:
// information security and the management occupations always count as related, as the
// salary guide pairs them with healthcare IT; another occupation counts if it shares
// the kind of work (clinical knowledge or IT at its core) with r. It is nil for an
// unknown role or one without a projection.
func Neighbours(r Role) []Neighbour {
	ri, ok := LookupRole(r)
	if !ok {
		return nil
	}
	own, ok := projectionRows[ri.SOC]
	if !ok {
		return nil
	}
	var out []Neighbour
	seen := map[string]bool{ri.SOC: true}
	for _, o := range roles {
		if seen[o.SOC] {
			continue
		}
		seen[o.SOC] = true
		p, ok := projectionRows[o.SOC]
		if !ok || p.ChangePct <= own.ChangePct {
			continue
		}
		var kind string
		switch {
		case o.SOC == socSecurity:
			kind = NeighbourSecurity
		case strings.HasPrefix(o.SOC, "11-"): // SOC major group 11, management occupations
			kind = NeighbourManagement
		case (o.Clinical && ri.Clinical) || (o.Tech && ri.Tech):
			kind = NeighbourRelated
		default:
			continue
		}
		out = append(out, Neighbour{Role: o.Slug, Kind: kind, Outlook: outlook(o.SOC)})
	}
	slices.SortStableFunc(out, func(a, b Neighbour) int {
		switch {
		case a.Outlook.GrowthPercent > b.Outlook.GrowthPercent:
			return -1
		case a.Outlook.GrowthPercent < b.Outlook.GrowthPercent:
			return 1
		}
		return 0
	})
	if len(out) > maxNeighbours {
		out = out[:maxNeighbours]
	}
	return out
}

// socSecurity is BLS's information security analysts.
const socSecurity = "15-1212"

// pathwayText is the English of the pathways' sentences; it joins messageText.
var pathwayText = map[string]string{
	"pathways.mine.from.clinical": "Flagged as your path because your current job, {from}, is clinical work.",
	"pathways.mine.from.it":       "Flagged as your path because your current job, {from}, is IT work.",
	"pathways.mine.from.new":      "Flagged as your path because your current job, {from}, is neither clinical nor IT work.",
	"pathways.mine.bg.clinical":   "Flagged as your path because you chose a clinical background.",
	"pathways.mine.bg.it":         "Flagged as your path because you chose an IT background.",
	"pathways.mine.bg.new":        "Flagged as your path because you chose new to both.",

	"pathways.advice.clinical.licensure": "Keep your clinical licence and certifications active and up to date.",
	"pathways.advice.clinical.degree":    "A bachelor’s degree is the usual minimum; an MSN, an MBA or an MS in IT or information systems helps.",
	"pathways.advice.it.certs":           "Keep your IT certifications active: CISSP, CCNA and PMP are among those in high demand in healthcare IT.",
	"pathways.advice.it.ehr":             "Certification in one EHR system, such as Epic or Cerner, makes you valuable to the organizations that use it.",
	"pathways.advice.new.degree":         "Start with an associate or bachelor’s degree in health information technology, health informatics, IT or computer science.",

	"pathways.step.clinical.ehr":         "EHR and clinical systems work: a bachelor’s degree at least, and certification in the EHR your employer uses (Epic here).",
	"pathways.step.clinical.informatics": "Informatics: a master’s such as an MSN or a master’s in health informatics.",
	"pathways.step.clinical.lead":        "Leadership: a master’s degree is often asked for senior and management posts.",
	"pathways.step.it.infrastructure":    "Infrastructure: networks and systems in a healthcare setting, with the CCNA.",
	"pathways.step.it.security":          "Security: protecting patient data, with the CISSP.",
	"pathways.step.it.project":           "Project management: leading implementations such as an EHR rollout, with the PMP and an EHR certification.",
	"pathways.step.new.associate":        "An associate degree in health information technology qualifies for entry-level roles.",
	"pathways.step.new.bachelor":         "A bachelor’s degree in health informatics, IT or computer science is the most common requirement for analyst posts.",
	"pathways.step.new.master":           "A master’s such as a Master of Health Informatics is often asked for senior and specialized roles.",

	"pathways.spec.cybersecurity":      "The salary guide says healthcare cybersecurity analysts are in high demand to protect patient data.",
	"pathways.spec.ehr":                "The salary guide says certified experts in one EHR system are highly valued by organizations that use it.",
	"pathways.spec.analytics":          "The salary guide says people who turn clinical and operational data into findings are critical and paid accordingly.",
	"pathways.spec.project-management": "The salary guide says leading large implementations, such as a new EHR, is a high-responsibility role.",

	"pathways.assume.steps":  "Each step is your profile with only what the step names changed: the role, your education raised to the step’s minimum (a higher one you have is kept), the certifications it names added to yours, and the path’s background. Years of experience in the role are assumed from the salary guide’s bands: {entry} at entry, {mid} mid-career, {senior} as a senior. Your state, metro and employer type stay yours.",
	"pathways.assume.prior":  "On the path of your own background, your years in your previous field count as you entered them; the other paths assume none.",
	"pathways.assume.advice": "What a step says to study or earn is the guides’ advice, not a pay figure: they give no pay for these steps, so each figure is this model’s estimate.",
	"pathways.assume.spec":   "Each specialization is your profile with only the role changed; the difference is against your current estimate.",
}

func init() {
	for k, v := range pathwayText {
		if _, dup := messageText[k]; dup {
			panic("estimate: message key " + k + " defined twice")
		}
		messageText[k] = v
	}
}
