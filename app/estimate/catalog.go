package estimate

// RoleInfo describes one role of the catalogue: its slug, the BLS occupation whose wages
// stand for it, and what the model needs to know about it. People-facing descriptions live
// in the UI's text catalogue so they can be translated.
type RoleInfo struct {
	Slug    Role
	SOC     string    // BLS SOC code whose OEWS wages are used
	ONET    string    // O*NET-SOC code where the role is a specialty of the SOC, else ""
	Name    string    // short English name, for tests and logs
	Typical Education // BLS typical education needed for entry, mapped to our levels
	// TypicalFrom says where Typical comes from: the BLS Occupational Outlook Handbook
	// quick facts (with the projection decade), or "assumption" where none was found.
	TypicalFrom string
	Certs       []Cert // certifications the model counts for this role
	Clinical    bool   // clinical knowledge is part of the work (clinical background and years count)
	Tech        bool   // IT work is the core of the role (years in IT elsewhere count)
	Later       bool   // usually reached after years of related work, rarely a first job
	Proxy       bool   // the SOC is a broader or catch-all group, so wages fit the role less well
}

// roles is the catalogue, in the order the UI lists them.
var roles = []RoleInfo{
	{Slug: "it-support", SOC: "15-1232", Name: "IT support specialist", Typical: EduHS,
		TypicalFrom: "BLS OOH, computer support specialists (2020–30): some college courses; a high school diploma plus IT certifications may qualify",
		Certs:       []Cert{CertSecurityPlus, CertCCNA, CertEpic, CertCAHIMS}, Tech: true},
	{Slug: "network-admin", SOC: "15-1244", Name: "Network and systems administrator", Typical: EduBachelor,
		TypicalFrom: "BLS OOH (2022–32): bachelor's degree",
		Certs:       []Cert{CertCCNA, CertSecurityPlus, CertCISSP}, Tech: true},
	{Slug: "medical-records", SOC: "29-2072", Name: "Medical records specialist", Typical: EduSomeCollege,
		TypicalFrom: "BLS OOH (2019–29): postsecondary nondegree award",
		Certs:       []Cert{CertRHIT, CertRHIA}, Clinical: true},
	{Slug: "health-info-tech", SOC: "29-9021", Name: "Health information technologist", Typical: EduAssociate,
		TypicalFrom: "BLS OOH (2022–32): associate's degree",
		Certs:       []Cert{CertRHIT, CertRHIA, CertCAHIMS}, Clinical: true},
	{Slug: "ehr-analyst", SOC: "15-1211", Name: "EHR / clinical systems analyst", Typical: EduBachelor,
		TypicalFrom: "BLS OOH, computer systems analysts (2018–28): bachelor's degree",
		Certs:       []Cert{CertEpic, CertCPHIMS, CertCAHIMS, CertPMP}, Clinical: true, Proxy: true, Tech: true},
	{Slug: "informatics", SOC: "15-1211", ONET: "15-1211.01", Name: "Health informatics specialist", Typical: EduBachelor,
		TypicalFrom: "BLS OOH, computer systems analysts (2018–28): bachelor's degree",
		Certs:       []Cert{CertEpic, CertCPHIMS, CertCAHIMS, CertRHIA}, Clinical: true, Proxy: true, Tech: true},
	{Slug: "data-analyst", SOC: "15-2051", Name: "Health data analyst / data scientist", Typical: EduBachelor,
		TypicalFrom: "BLS OOH, data scientists (2024–34, secondary copy): bachelor's degree",
		Certs:       []Cert{CertEpic, CertCPHIMS, CertCAHIMS}, Clinical: true, Tech: true},
	{Slug: "security-analyst", SOC: "15-1212", Name: "Cybersecurity analyst", Typical: EduBachelor,
		TypicalFrom: "BLS OOH, information security analysts (2021–31, secondary copy): bachelor's degree",
		Certs:       []Cert{CertCISSP, CertSecurityPlus, CertCCNA}, Tech: true},
	{Slug: "software-developer", SOC: "15-1252", Name: "Software developer", Typical: EduBachelor,
		TypicalFrom: "BLS OOH (2023–33): bachelor's degree",
		Certs:       []Cert{CertEpic}, Tech: true},
	{Slug: "database-admin", SOC: "15-1242", Name: "Database administrator", Typical: EduBachelor,
		TypicalFrom: "BLS OOH (2024–34): bachelor's degree",
		Certs:       []Cert{CertEpic, CertSecurityPlus}, Tech: true},
	{Slug: "it-project-manager", SOC: "15-1299", ONET: "15-1299.09", Name: "IT project manager", Typical: EduBachelor,
		TypicalFrom: "assumption: no BLS profile for 15-1299; a bachelor's degree is the usual minimum in health IT",
		Certs:       []Cert{CertPMP, CertEpic, CertCPHIMS}, Proxy: true, Tech: true, Later: true},
	{Slug: "it-manager", SOC: "11-3021", Name: "IT manager, director or CIO", Typical: EduBachelor,
		TypicalFrom: "BLS OOH (2022–32): bachelor's degree, and 5 years or more of related experience",
		Certs:       []Cert{CertPMP, CertCISSP, CertCPHIMS}, Tech: true, Later: true},
	{Slug: "him-director", SOC: "11-9111", Name: "Health information management director", Typical: EduBachelor,
		TypicalFrom: "BLS OOH (2023–33): bachelor's degree",
		Certs:       []Cert{CertRHIA, CertCPHIMS, CertPMP}, Clinical: true},
	{Slug: "consultant", SOC: "13-1111", Name: "Healthcare IT consultant", Typical: EduBachelor,
		TypicalFrom: "assumption: no current BLS profile for 13-1111 found; a bachelor's degree is the usual minimum in health IT",
		Certs:       []Cert{CertEpic, CertPMP, CertCPHIMS, CertCISSP}, Clinical: true, Proxy: true, Tech: true},
}

// Education levels, lowest first.
const (
	EduHS          Education = "hs"
	EduSomeCollege Education = "some-college" // some college or a postsecondary certificate, no degree
	EduAssociate   Education = "associate"
	EduBachelor    Education = "bachelor"
	EduMaster      Education = "master"
	EduDoctorate   Education = "doctorate"
)

// educations lists the education levels in increasing order.
var educations = []Education{EduHS, EduSomeCollege, EduAssociate, EduBachelor, EduMaster, EduDoctorate}

// Employer types.
const (
	EmployerHospital   Employer = "hospital-system"
	EmployerClinic     Employer = "clinic"
	EmployerVendor     Employer = "vendor"
	EmployerConsulting Employer = "consulting"
	EmployerAny        Employer = "any"
)

var employers = []Employer{EmployerAny, EmployerHospital, EmployerClinic, EmployerVendor, EmployerConsulting}

// Certifications.
const (
	CertCISSP        Cert = "cissp"
	CertSecurityPlus Cert = "security-plus"
	CertCCNA         Cert = "ccna"
	CertPMP          Cert = "pmp"
	CertEpic         Cert = "epic"
	CertRHIA         Cert = "rhia"
	CertRHIT         Cert = "rhit"
	CertCPHIMS       Cert = "cphims"
	CertCAHIMS       Cert = "cahims"
)

var certs = []Cert{CertCISSP, CertSecurityPlus, CertCCNA, CertPMP, CertEpic, CertRHIA, CertRHIT, CertCPHIMS, CertCAHIMS}

// Backgrounds.
const (
	BackgroundClinical Background = "clinical"
	BackgroundIT       Background = "it"
	BackgroundNew      Background = "new"
)

var backgrounds = []Background{BackgroundNew, BackgroundClinical, BackgroundIT}

// Roles returns the role catalogue in display order. The slice is a copy.
func Roles() []RoleInfo {
	out := make([]RoleInfo, len(roles))
	copy(out, roles)
	return out
}

// Educations returns the education levels, lowest first.
func Educations() []Education { return append([]Education(nil), educations...) }

// Employers returns the employer types in display order.
func Employers() []Employer { return append([]Employer(nil), employers...) }

// Certs returns the certifications in display order.
func Certs() []Cert { return append([]Cert(nil), certs...) }

// Backgrounds returns the backgrounds in display order.
func Backgrounds() []Background { return append([]Background(nil), backgrounds...) }

// LookupRole returns the catalogue entry of a role slug.
func LookupRole(r Role) (RoleInfo, bool) {
	for _, ri := range roles {
		if ri.Slug == r {
			return ri, true
		}
	}
	return RoleInfo{}, false
}

// CountsFor reports whether the model counts certification c for role r.
func (ri RoleInfo) CountsFor(c Cert) bool {
	for _, x := range ri.Certs {
		if x == c {
			return true
		}
	}
	return false
}
