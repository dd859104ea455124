package estimate

import "math"

// This file holds the hand-curated figures behind the factors other than the base wage.
// Each names its source; the modelling choices built on them are constants with their
// reasons. METHODOLOGY.md explains them in plain words.

// cpsAgeBand is one age band of BLS CPS Table 54 (2021 annual averages): median usual
// weekly earnings of full-time wage and salary workers, all occupations. Source
// "cps-age-2021". Years is the band's midpoint age less 22, the usual age of starting
// full-time work after a bachelor's degree (an assumption).
type cpsAgeBand struct {
	Years  float64
	Weekly float64
}

// cpsAge are the bands 16–24, 25–34, 35–44 and 45–54. The later bands (55–64: $1,132;
// 65 and over: $994) fall slightly; the model holds pay flat after the peak instead
// (a plateau), so that more experience never lowers an estimate.
var cpsAge = []cpsAgeBand{
	{Years: 0, Weekly: 623},     // 16–24 (midpoint 20, counted as 0 years)
	{Years: 7.5, Weekly: 931},   // 25–34 (midpoint 29.5)
	{Years: 17.5, Weekly: 1131}, // 35–44 (midpoint 39.5)
	{Years: 27.5, Weekly: 1154}, // 45–54 (midpoint 49.5): the peak
}

// PlateauYears is the experience after which the estimate stops rising: the CPS peak band.
const PlateauYears = 27.5

// Positions in the occupation's wage distribution, in standard-normal units (z), where the
// experience curve starts, crosses the median, and ends. All three are assumptions,
// documented in METHODOLOGY.md and checked against the calibration targets in the tests.
const (
	zEntry = -1.2815516 // 0 years: the occupation's 10th percentile, BLS's usual entry-level marker
	// ReferenceYears is the experience at which a person with the role's typical education,
	// no certifications, any employer and a new background earns exactly the published median.
	ReferenceYears = 8
	zPlateau       = 0.6744898 // at the plateau: the 75th percentile; the top quarter is left to the other factors
)

// educationWeekly is BLS median usual weekly earnings by educational attainment, 2019,
// people 25 and over working full time. Source "cps-education-2019" (primary). "hs" is
// "High school diploma"; "some-college" is "Some college, no degree", where BLS also
// counts people with a postsecondary certificate but no degree.
var educationWeekly = map[Education]float64{
	EduHS:          746,
	EduSomeCollege: 833,
	EduAssociate:   887,
	EduBachelor:    1248,
	EduMaster:      1497,
	EduDoctorate:   1883,
}

// educationShare is the share of the all-occupation education gap applied within one
// occupation (an assumption). Most of the published gap comes from people with more
// schooling working in better-paid occupations; the role already fixes the occupation.
const educationShare = 0.4

// industryRow is one occupation's national mean wage in one industry and across all
// industries, in the same reference period (BLS OEWS industry-specific estimates).
type industryRow struct {
	Period  string
	Mean    int // mean annual wage in the industry
	AllMean int // mean annual wage in all industries, same period
	Source  string
}

// industrySOC keys industryWages.
type industrySOC struct{ NAICS, SOC string }

// employerIndustries lists, for each employer type, the OEWS industries that stand for
// it, preferred first: the first with published wages for the occupation is used.
// Hospitals (622) and ambulatory health care (621: physician offices, outpatient centres)
// are May 2024; software publishers (5132) and computer systems design (5415) are May 2025,
// published for ten catalogue occupations, with the 3-digit industries that contain them
// (513 publishing, May 2024; 541 professional, scientific and technical services) for the
// others.
var employerIndustries = map[Employer][]string{
	EmployerHospital:   {"622000"},
	EmployerClinic:     {"621000"},
	EmployerVendor:     {"513200", "513000"},
	EmployerConsulting: {"541500", "541000"},
}

// industryNames are the English names of the industries, for the factor's note.
var industryNames = map[string]string{
	"622000": "hospitals",
	"621000": "ambulatory health care (physician offices, clinics, outpatient centres)",
	"513200": "software publishers",
	"513000": "publishing industries (software publishers with newspaper and book publishers)",
	"541500": "computer systems design and related services",
	"541000": "professional, scientific and technical services",
}

// employerIndustry returns the industry that stands for an employer type for an
// occupation, and its row, if BLS published wages for it; broader is true when it is not
// the preferred industry but a wider one that contains it.
func employerIndustry(e Employer, soc string) (naics string, row industryRow, broader, ok bool) {
	for i, n := range employerIndustries[e] {
		if r, found := industryWages[industrySOC{n, soc}]; found && r.Mean > 0 && r.AllMean > 0 {
			return n, r, i > 0, true
		}
	}
	return "", industryRow{}, false, false
}

// broaderShare is the share of the gap applied when only a wider industry stands for the
// employer type (an assumption): publishing as a whole for software vendors, all
// professional and technical services for consulting firms mix in other businesses, so
// half is taken.
const broaderShare = 0.5

// employerEvidence is one published pay gap from a salary survey or an older BLS table.
// Since OEWS industry-specific wages of the same occupation and year are the base of the
// employer factor, these corroborate it and are listed beside it; the survey gaps are
// applied only where BLS published no industry wages for the occupation.
type employerEvidence struct {
	Source     string
	Ratio      float64 // industry pay divided by all-industry pay (or hospital pay, see VsHospital)
	VsHospital bool    // Ratio compares with hospitals
}

// employerSurveys lists, for each employer type, the other published gaps found.
var employerSurveys = map[Employer][]employerEvidence{
	EmployerHospital: {
		{"oews-industry-hit-2021", 59640.0 / 61410, false},    // general medical and surgical hospitals, mean
		{"oews-industry-mhsm-2019", 124180.0 / 115160, false}, // general medical and surgical hospitals, mean
		{"ooh-mrs-industry-2025", 59120.0 / 51140, false},     // hospitals, median
	},
	EmployerClinic: {
		{"oews-industry-hit-2021", 49710.0 / 61410, false},    // offices of physicians, mean
		{"oews-industry-mhsm-2019", 108750.0 / 115160, false}, // offices of physicians, mean
		{"ooh-mrs-industry-2025", 47120.0 / 51140, false},     // offices of physicians, median
		{"himss-2004", 74386.0 / 96568, false},                // physician offices, survey average
	},
	EmployerVendor: {
		{"himss-2018", 126910.0 / 108754, true}, // vendors against hospitals, survey averages
	},
	EmployerConsulting: {
		{"himss-2004", 116696.0 / 96568, false}, // consulting firms, survey average
	},
}

// surveyShare is the share of a survey gap applied where BLS published no industry wages
// for the occupation (an assumption): self-reported, for health IT staff in general, so
// half is taken.
const surveyShare = 0.5

// employerLog is the log pay shift of an employer type for an occupation, how it is
// known, and the industry that stands for it ("" where a survey gap is used). For a gap
// measured against hospitals, the occupation's own hospital ratio is added.
func employerLog(e Employer, soc string) (shift float64, ev Evidence, naics string) {
	if e == EmployerAny {
		return 0, EvidenceNone, ""
	}
	if naics, row, broader, ok := employerIndustry(e, soc); ok {
		gap := math.Log(float64(row.Mean) / float64(row.AllMean))
		if broader {
			return broaderShare * gap, EvidenceDerived, naics
		}
		return gap, EvidenceOfficial, naics
	}
	gaps := employerSurveys[e]
	if len(gaps) == 0 {
		return 0, EvidenceNone, ""
	}
	var sum float64
	for _, g := range gaps {
		sum += math.Log(g.Ratio)
		if g.VsHospital {
			h, _, _ := employerLog(EmployerHospital, soc)
			sum += h
		}
	}
	return surveyShare * sum / float64(len(gaps)), EvidenceSurvey, ""
}

// transferShare is the share of the years in a previous field that count as experience
// in a role that draws on that field (an assumption): clinical years for clinical-facing
// roles, IT years for IT roles. No study measuring it was found; half keeps the effect
// modest while reflecting that such years are not worth nothing.
const transferShare = 0.5

// certPremium is the log pay shift for each certification the model counts for a role
// (an assumption): 3%, about half of the one same-job comparison found (CISSP, about 6%)
// and far below the raw gaps (PMI 24%, BLS CPS 38%), which mix in experience and
// occupation. Certifications with no published figure at all get the same small effect.
const certPremium = 0.03

// certCap caps the total effect of certifications (two certifications' worth).
const certCap = 0.06

// certSources names, for each certification, the evidence shown beside it.
var certSources = map[Cert][]string{
	CertCISSP:        {"roberthalf-cissp-2015", "cps-cert-2021"},
	CertPMP:          {"pmi-2025", "cps-cert-2021"},
	CertSecurityPlus: {"cps-cert-2021"},
	CertCCNA:         {"cps-cert-2021"},
	CertEpic:         {"cps-cert-2021"},
	CertRHIA:         {"cps-cert-2021"},
	CertRHIT:         {"cps-cert-2021"},
	CertCPHIMS:       {"cps-cert-2021"},
	CertCAHIMS:       {"cps-cert-2021"},
}

// clinicalPremium is the log pay shift for a clinical background in a role where clinical
// knowledge is part of the work (an assumption, the size of one certification: a clinical
// licence is a credential, and BLS CPS shows credential holders earn more; no figure
// specific to health IT was found).
const clinicalPremium = 0.03

// rangeHalfWidth is half the width, in z units, of the likely range for people like this:
// if the profile explains half of the variance of log pay within the occupation (an
// assumption), the middle half of people who share it lie within ±0.6745·√0.5 of it.
const rangeHalfWidth = 0.6744898 * 0.70710678

// Bounds of positions in the distribution, in z units. The estimate stays between the
// 5th and 95th percentiles and the range between the 2nd and 98th: beyond the published
// 10th and 90th percentiles the wage curve is extrapolated, and no further than this.
const (
	zEstimateMax = 1.6448536
	zRangeMax    = 2.0537489
)

// hoursPerYear converts annual pay to hourly: OEWS computes annual wages as hourly × 2080.
const hoursPerYear = 2080
