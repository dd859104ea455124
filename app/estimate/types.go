package estimate

// Role is a job slug of the public URL contract (for example "ehr-analyst").
type Role string

// Education is an education slug: "hs", "some-college", "associate", "bachelor", "master" or
// "doctorate".
type Education string

// Employer is an employer-type slug: "hospital-system", "clinic", "vendor", "consulting" or "any".
type Employer string

// Cert is a certification slug: "cissp", "security-plus", "ccna", "pmp", "epic", "rhia", "rhit",
// "cphims" or "cahims".
type Cert string

// Background is where a person comes from: "clinical", "it" or "new".
type Background string

// Origin is a person's current occupation, the job they would move from (for example
// "registered-nurse"), or "" for none given. See Origins.
type Origin string

// Input is one person's profile. Its field names and slug values are the public URL
// contract: role, state, metro, years, edu, employer, certs, bg, prior, from.
type Input struct {
	Role       Role       // occupation slug, see Roles
	State      string     // USPS code of a state or DC, or "US" for the nation
	Metro      string     // CBSA code of a metro area of the state (see MetrosOf), "" for the whole state
	Years      int        // years of relevant experience, MinYears to MaxYears
	Education  Education  // highest education completed
	Employer   Employer   // employer type
	Certs      []Cert     // certifications held; order and duplicates do not matter
	Background Background // background before this role
	Prior      int        // years in a previous field (the Background), MinYears to MaxYears
	From       Origin     // current occupation, compared with the estimate; "" for none
}

// Confidence grades how firmly the data behind an estimate supports it.
type Confidence string

// Confidence levels.
const (
	ConfidenceHigh   Confidence = "high"
	ConfidenceMedium Confidence = "medium"
	ConfidenceLow    Confidence = "low"
)

// Percentiles is a wage distribution in whole US dollars per year.
type Percentiles struct {
	P10, P25, P50, P75, P90 int
}

// FactorKind names a factor of the breakdown. The UI translates it.
type FactorKind string

// The factors, in the order in which Result.Factors lists them and they add up.
const (
	FactorBase          FactorKind = "base"          // the occupation's median wage in the state
	FactorLocation      FactorKind = "location"      // the metro's median against the state's (only with a metro)
	FactorExperience    FactorKind = "experience"    // position in the distribution by years
	FactorTransfer      FactorKind = "transfer"      // part of the years in a previous field
	FactorEducation     FactorKind = "education"     // education against the role's typical entry education
	FactorEmployer      FactorKind = "employer"      // employer type
	FactorCertification FactorKind = "certification" // certifications relevant to the role
	FactorBackground    FactorKind = "background"    // clinical, IT or new background
)

// Factor is one step of the breakdown. The Dollars of all factors, base first, add up
// exactly to Result.Estimate. With a metro, the base is the state's median and the
// location step moves it to the metro's; the profile's steps then move within the metro.
type Factor struct {
	Kind     FactorKind
	Dollars  int      // effect in whole dollars per year (the base's is the median itself)
	Percent  float64  // effect relative to the median it starts from (the state's for location, else the area's), in percent
	Applies  bool     // the factor moves the estimate for this profile (false: it is $0 by rule)
	Evidence Evidence // how the figures behind it are known; EvidenceNone when it does not apply
	Note     Message  // what drove it
	Sources  []string // IDs into Sources
}

// Evidence tells how a figure is known.
type Evidence string

// Evidence kinds, from strongest to weakest.
const (
	EvidenceOfficial   Evidence = "official"   // a BLS or BEA release, applied as published
	EvidenceDerived    Evidence = "derived"    // official figures, scaled or placed by a documented assumption
	EvidenceSurvey     Evidence = "survey"     // a salary survey (self-reported, not causal)
	EvidenceAssumption Evidence = "assumption" // a documented modelling choice
	EvidenceAdvice     Evidence = "advice"     // a guide's advice, not a figure (pathways)
	EvidenceNone       Evidence = ""           // the factor does not apply: nothing to grade
)

// Message is one sentence the model says about a result: a catalogue key, its named
// arguments and the same sentence rendered in English. The UI renders Key with Args in
// the reader's language; Text is for logs, tests and a catalogue that lacks the key.
type Message struct {
	Key  string
	Args []Arg
	Text string
}

// ArgKind says how a translation writes an Arg.
type ArgKind uint8

// Argument kinds.
const (
	ArgText    ArgKind = iota // Text as it is: a code or a proper name that is not translated
	ArgInt                    // Num, a whole number with digit grouping
	ArgMoney                  // Num, whole US dollars
	ArgDecimal                // Num, one decimal place
	ArgPercent                // Num, a percentage with one decimal place
	ArgKey                    // Key, a catalogue key (Text is its English)
)

// Arg is one named argument of a Message.
type Arg struct {
	Name string
	Kind ArgKind
	Num  float64 // for ArgInt, ArgMoney, ArgDecimal, ArgPercent
	Key  string  // for ArgKey
	Text string  // for ArgText; the English of an ArgKey
}

// Source is one publication the model draws on.
type Source struct {
	ID        string   // stable key, for example "oews-2025-state"
	Publisher string   // for example "U.S. Bureau of Labor Statistics"
	Title     string   // table or report title
	Period    string   // reference period, for example "May 2025"
	Evidence  Evidence // official, survey or assumption
	URL       string   // where the publisher puts it (shown as text; the app never fetches it)
	Note      string   // caveats in one sentence
}

// Outlook is the BLS employment projection for the role's occupation.
type Outlook struct {
	Period          string  // for example "2024–2034"
	GrowthPercent   float64 // projected employment change, percent
	OpeningsPerYear int     // projected openings per year
	Employment      int     // employment in the base year
	AverageGrowth   float64 // projected growth of all occupations, percent
	Compare         string  // GrowthPercent against AverageGrowth: "above", "same" or "below"
	Wording         string  // OOH-style wording, for example "Much faster than average"
	WordingKey      string  // stable key of the wording, for translation
	Source          string  // ID into Sources
	National        bool    // the projection is for the nation, whatever the area (always, today)
}

// FromPay is the pay of the person's current occupation where they are, beside the
// estimate for the role.
type FromPay struct {
	From       Origin
	SOC        string // BLS SOC code of the current occupation
	Median     int    // its median annual wage in the area (or the nation, see Fallback)
	Difference int    // Result.Estimate − Median
	Fallback   bool   // BLS published no median in the area: the national median is shown
	Source     string // ID into Sources
	Note       Message
}

// YearPoint is one point of a trajectory.
type YearPoint struct {
	Years    int
	Estimate int
}

// Trajectory is the estimate at each year of experience for one education level.
type Trajectory struct {
	Education Education
	Points    []YearPoint // years 0 to TrajectoryYears
}

// Result is everything the UI shows for one Input. The UI renders it and never recomputes.
type Result struct {
	Input Input // the input, normalised (certs sorted and deduplicated)

	Estimate int // the estimate, whole dollars per year
	Low      int // likely range for people like this: low end (about their 25th percentile)
	High     int // likely range for people like this: high end (about their 75th percentile)

	Percentile float64     // where the estimate sits in the occupation's distribution in the area, 0–100
	Spread     Percentiles // the occupation's 10th–90th percentiles in the area (the metro's, if one is chosen)
	Hourly     float64     // Estimate / 2080, dollars per hour

	PurchasingPower int     // Estimate in national-average dollars: Estimate × 100 / RPP
	RPP             float64 // BEA Regional Price Parity of the metro, else of the state (US = 100)
	RPPPlace        Arg     // the area whose RPP is used, as a sentence argument: the metro's title, or the state by key

	Factors []Factor // base, location (with a metro), experience, transfer, education, employer, certification, background

	// Metro is the metro area the estimate is for (zero Code: the whole state), and
	// MetroBasis how its wages are known. The location factor's note says it in words.
	Metro      Metro
	MetroBasis MetroBasis

	Outlook Outlook

	Confidence Confidence
	Reasons    []Message // why the confidence is what it is

	// FromPay compares the estimate with the person's current occupation (Input.From);
	// nil when none is given.
	FromPay *FromPay

	// Notes are facts about the role a reader should see beside the figures, for example
	// that two roles share one BLS series.
	Notes []Message

	SOC      string // BLS SOC code of the occupation, for example "15-1211"
	SOCTitle string // BLS title of the occupation
	Fallback bool   // true when the state's wages were suppressed and estimated from related data
	Sources  []Source
	DataYear string // the wage data's reference period, for example "May 2025"
	Edition  string // DataEdition

	Trajectories []Trajectory // this profile, then one education level down and up where they exist
}
