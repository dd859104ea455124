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
// "High school diploma"; a postsecondary certificate is grouped with it.
var educationWeekly = map[Education]float64{
	EduHS:        746,
	EduAssociate: 887,
	EduBachelor:  1248,
	EduMaster:    1497,
	EduDoctorate: 1883,
}

// educationShare is the share of the all-occupation education gap applied within one
// occupation (an assumption). Most of the published gap comes from people with more
// schooling working in better-paid occupations; the role already fixes the occupation.
const educationShare = 0.4

// employerEvidence is one published pay gap between an industry and the whole occupation.
type employerEvidence struct {
	Source     string
	Ratio      float64 // industry pay divided by all-industry pay (or hospital pay, see VsHospital)
	VsHospital bool    // Ratio compares with hospitals: the hospital gap is added to it
}

// employerGaps lists, for each employer type, the gaps found. The applied log shift is
// employerShare times the mean log gap.
var employerGaps = map[Employer][]employerEvidence{
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

// employerShare is the share of the published industry gaps applied (an assumption): they
// are for neighbouring occupations, mixed years and partly means, so half is taken.
const employerShare = 0.5

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

// employerLog is the log pay shift applied for an employer type, before employerShare:
// the mean log gap of its evidence.
func employerLog(e Employer) float64 {
	gaps := employerGaps[e]
	if len(gaps) == 0 {
		return 0
	}
	var sum float64
	for _, g := range gaps {
		sum += math.Log(g.Ratio)
		if g.VsHospital {
			sum += employerLog(EmployerHospital)
		}
	}
	return sum / float64(len(gaps))
}

// hoursPerYear converts annual pay to hourly: OEWS computes annual wages as hourly × 2080.
const hoursPerYear = 2080
