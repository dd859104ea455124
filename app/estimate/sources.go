package estimate

// sources lists every publication the model draws on, by ID. Figures in the tables name
// these IDs; Result.Sources carries those behind one estimate.
var sources = []Source{
	{ID: srcWagesState, Publisher: "U.S. Bureau of Labor Statistics", Evidence: EvidenceOfficial,
		Title: "Occupational Employment and Wage Statistics (OEWS), state estimates", Period: wagePeriod,
		URL:  "https://www.bls.gov/oes/special-requests/oesm25st.zip",
		Note: "Wages and salaries only: no bonuses, benefits or self-employment; all industries."},
	{ID: srcWagesNational, Publisher: "U.S. Bureau of Labor Statistics", Evidence: EvidenceOfficial,
		Title: "Occupational Employment and Wage Statistics (OEWS), national estimates", Period: wagePeriod,
		URL:  "https://www.bls.gov/oes/special-requests/oesm25nat.zip",
		Note: "Wages and salaries only: no bonuses, benefits or self-employment; all industries."},
	{ID: srcWagesMetro, Publisher: "U.S. Bureau of Labor Statistics", Evidence: EvidenceOfficial,
		Title: "Occupational Employment and Wage Statistics (OEWS), metropolitan area estimates", Period: wagePeriod,
		URL:  "https://www.bls.gov/oes/special-requests/oesm25ma.zip",
		Note: "Wages and salaries only; all industries. Read from two independent derived copies of the BLS file that agree on every shared cell; the four health-information and management occupations only for 22 large metros."},
	{ID: srcRPPMetro, Publisher: "U.S. Bureau of Economic Analysis", Evidence: EvidenceOfficial,
		Title: "Regional Price Parities by metropolitan area (regional data table MARPP), all items", Period: rppPeriod,
		Note: "Price levels relative to the national average (100); released February 19, 2026."},
	{ID: srcRPP, Publisher: "U.S. Bureau of Economic Analysis", Evidence: EvidenceOfficial,
		Title: "Regional Price Parities by state (regional data table SARPP), all items", Period: rppPeriod,
		Note: "Price levels relative to the national average (100); released February 19, 2026."},
	{ID: srcProjections, Publisher: "U.S. Bureau of Labor Statistics", Evidence: EvidenceOfficial,
		Title: "Employment Projections, occupation table", Period: projectionPeriod,
		URL:  "https://data.bls.gov/projections/occupationProj",
		Note: "National projections; a machine-read copy of the official table."},
	{ID: "ooh-wording", Publisher: "HIT Salary, after BLS", Evidence: EvidenceAssumption,
		Title: "Growth wording bands (Much faster than average, ...)", Period: projectionPeriod,
		URL:  "https://www.bls.gov/emp/tables/occupational-projections-and-characteristics.htm",
		Note: "BLS's own cut-offs for 2024–2034 were not found; the bands agree with every BLS label seen for 2022–2034 and with the 3.1% all-occupation average."},
	{ID: "cps-age-2021", Publisher: "U.S. Bureau of Labor Statistics", Evidence: EvidenceOfficial,
		Title:  "Current Population Survey, Table 54: median weekly earnings by age, certification and licensing status",
		Period: "2021 annual averages", URL: "https://www.bls.gov/cps/cpsaat54.htm",
		Note: "All occupations; age stands in for experience. Gives the shape of the experience curve."},
	{ID: "cps-education-2019", Publisher: "U.S. Bureau of Labor Statistics", Evidence: EvidenceOfficial,
		Title:  "Career Outlook: Learn more, earn more (median weekly earnings by educational attainment)",
		Period: "2019", URL: "https://www.bls.gov/careeroutlook/2020/data-on-display/mobile/education-pays.htm",
		Note: "All occupations, people 25 and over working full time; includes the effect of moving into better-paid occupations."},
	{ID: "oews-industry-2024", Publisher: "U.S. Bureau of Labor Statistics", Evidence: EvidenceOfficial,
		Title:  "OEWS national industry-specific estimates (3-digit NAICS: 622 Hospitals, 621 Ambulatory health care services, 513 Publishing industries, 541 Professional, scientific and technical services)",
		Period: "May 2024", URL: "https://www.bls.gov/oes/special-requests/oesm24in4.zip",
		Note: "Mean wages of the same occupation in one industry and in all industries, same year; wages only. Read from a derived copy that kept employment and means."},
	{ID: "oews-industry-2025", Publisher: "U.S. Bureau of Labor Statistics", Evidence: EvidenceOfficial,
		Title:  "OEWS national industry-specific estimates (4-digit NAICS: 5132 Software publishers, 5415 Computer systems design and related services)",
		Period: "May 2025", URL: "https://www.bls.gov/oes/special-requests/oesm25in4.zip",
		Note: "Mean wages of the same occupation in one industry and in all industries, same year; wages only. Read from a derived copy; published for ten of the catalogue's occupations."},
	{ID: "oews-industry-hit-2021", Publisher: "U.S. Bureau of Labor Statistics", Evidence: EvidenceOfficial,
		Title: "OEWS occupation profile 29-9021, industries with the highest employment", Period: "May 2021",
		URL:  "https://www.bls.gov/oes/2021/may/oes299021.htm",
		Note: "Mean wages by industry for health information technologists; an older edition."},
	{ID: "oews-industry-mhsm-2019", Publisher: "U.S. Bureau of Labor Statistics", Evidence: EvidenceOfficial,
		Title: "OEWS occupation profile 11-9111, industries with the highest employment", Period: "May 2019",
		URL:  "https://www.bls.gov/oes/2019/may/oes119111.htm",
		Note: "Mean wages by industry for medical and health services managers; an older edition."},
	{ID: "ooh-mrs-industry-2025", Publisher: "U.S. Bureau of Labor Statistics (as retold)", Evidence: EvidenceSurvey,
		Title:  "Occupational Outlook Handbook, medical records specialists: median wages in the top industries",
		Period: "May 2025",
		Note:   "Read from a secondary page quoting the BLS table; its overall median matches OEWS."},
	{ID: "himss-2004", Publisher: "HIMSS (as reported by Healthcare IT News)", Evidence: EvidenceSurvey,
		Title: "HIMSS Compensation Survey", Period: "2004 survey (2003 pay)",
		URL:  "https://healthcareitnews.com/news/salary-survey-shows-ongoing-disparities",
		Note: "Self-reported survey of 1,352 health IT professionals; old."},
	{ID: "himss-2018", Publisher: "HIMSS (as reported by RevCycleIntelligence)", Evidence: EvidenceSurvey,
		Title: "HIMSS U.S. Compensation Survey", Period: "2018",
		URL:  "https://revcycleintelligence.com/news/hospitals-vendors-pay-health-it-professionals-an-average-of-109k",
		Note: "885 respondents: vendors averaged $126,910, hospitals $108,754; self-reported."},
	{ID: "pmi-2025", Publisher: "Project Management Institute (as reported)", Evidence: EvidenceSurvey,
		Title: "Earning Power: Project Management Salary Survey, 14th edition", Period: "2025",
		URL:  "https://news.pm-global.co.uk/2025/11/pmi-salary-survey-confirms-project-management-remains-a-high-value-high-demand-career-path",
		Note: "US median $135,000 with PMP against $109,157 without; self-reported, not causal."},
	{ID: "roberthalf-cissp-2015", Publisher: "Robert Half Technology (as cited)", Evidence: EvidenceSurvey,
		Title: "CISSP salary premium", Period: "2015",
		URL:  "https://www.skillset.com/certifications/cissp",
		Note: "About 6% over the same job without CISSP; cited by a vendor page; old."},
	{ID: "cps-cert-2021", Publisher: "U.S. Bureau of Labor Statistics", Evidence: EvidenceOfficial,
		Title:  "Current Population Survey, Table 54: earnings by certification and licensing status",
		Period: "2021 annual averages", URL: "https://www.bls.gov/cps/cpsaat54.htm",
		Note: "Median weekly $1,288 with a certification against $931 without: all occupations, a raw gap, not causal."},
	// The two source guides (issue 7's pathways): cited for what they advise people to
	// study, earn or aim for, never for a pay figure the model uses.
	{ID: srcGuideSalary, Publisher: "Healthcare IT salary guide (publisher not named in the project's copy)", Evidence: EvidenceAdvice,
		Title: "Healthcare IT salaries: education, experience, location, employer type, specialization and outlook", Period: "undated (quotes BLS May 2023)",
		Note: "Advice on degrees, experience bands and high-demand specializations; its pay figures are the salary sites' and BLS's."},
	{ID: srcGuideCareers, Publisher: "Healthcare IT careers page (publisher not named in the project's copy)", Evidence: EvidenceAdvice,
		Title: "Healthcare IT: what they do, what they make, where they work", Period: "updated February 2017",
		Note: "The two ways in (from clinical work, from IT), degrees and certifications in demand; advice, not pay figures."},
	{ID: "model-assumptions", Publisher: "HIT Salary", Evidence: EvidenceAssumption,
		Title: "Modelling assumptions (the methodology page)", Period: "2026",
		URL:  "methodology/",
		Note: "Where the experience curve starts and ends, how much of each published gap is applied, how many years from a previous field count, and the width of the likely range."},
}

// LookupSource returns the source with the given ID.
func LookupSource(id string) (Source, bool) {
	for _, s := range sources {
		if s.ID == id {
			return s, true
		}
	}
	return Source{}, false
}

// AllSources returns every source the model can cite.
func AllSources() []Source { return append([]Source(nil), sources...) }
