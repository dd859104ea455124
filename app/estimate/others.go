package estimate

// Figures that other publishers report for healthcare IT pay, as the two source guides
// quote them. They are shown beside the estimate so people can place what they meet
// elsewhere; the model never reads them: no estimate, range or factor depends on them.
// Each has its publisher, the job or group it describes, its date (as given; the salary
// sites' figures are undated where they are quoted, and are said to be so) and why it
// differs from this estimate, as a reason code the UI words (others.why.<code>).

// OtherReason says why another publisher's figure differs from this estimate.
type OtherReason string

// Reasons.
const (
	ReasonSelfSelected OtherReason = "self-selected" // people chose to report their pay
	ReasonDefinition   OtherReason = "definition"    // another job title or group of jobs
	ReasonYear         OtherReason = "year"          // another year's pay
	ReasonBonus        OtherReason = "bonus"         // includes bonuses and other pay
	ReasonManagers     OtherReason = "managers"      // a management occupation, in one industry
)

// OtherPoint is one figure of another publisher: Label names it ("average", "median",
// or a group such as "staff"), Value is dollars a year.
type OtherPoint struct {
	Label string
	Value int
}

// OtherFigure is what one publisher reports, never mixed into the model's data.
type OtherFigure struct {
	ID        string       // stable key; the UI's strings are others.<ID>.*
	Publisher string       // who publishes it
	JobTitle  string       // the job or group as the publisher names it
	Points    []OtherPoint // the figures, in the order the publisher gives them
	Low, High int          // a range the publisher gives (typical, or most people), 0 if none
	Date      string       // the period, or "" if the quoting guide gives none
	Via       string       // the source guide that quotes it
	Reasons   []OtherReason
}

// The two source guides (/work/shared/seeds in the project's history): a 2020s salary
// guide quoting the salary sites and BLS, and a HIMSS-based careers page.
const (
	viaSalaryGuide  = "Healthcare IT salary guide (undated; quotes BLS May 2023 and 2022–2032 projections)"
	viaCareersGuide = "Healthcare IT careers page (quotes the HIMSS 2013 compensation survey)"
)

var otherFigures = []OtherFigure{
	{ID: "payscale", Publisher: "Payscale", JobTitle: "Healthcare IT Specialist",
		Points: []OtherPoint{{"average", 75500}}, Low: 53000, High: 112000, Via: viaSalaryGuide,
		Reasons: []OtherReason{ReasonSelfSelected, ReasonDefinition}},
	{ID: "salarycom", Publisher: "Salary.com", JobTitle: "Health Information Technology Specialist",
		Points: []OtherPoint{{"median", 71880}}, Low: 64900, High: 79800, Via: viaSalaryGuide,
		Reasons: []OtherReason{ReasonDefinition}},
	{ID: "glassdoor", Publisher: "Glassdoor", JobTitle: "Healthcare IT Analyst",
		Points: []OtherPoint{{"total-average", 89800}}, Via: viaSalaryGuide,
		Reasons: []OtherReason{ReasonBonus, ReasonSelfSelected}},
	{ID: "himss-2013", Publisher: "HIMSS (Healthcare Information and Management Systems Society)", JobTitle: "Health IT professionals responding to its compensation survey",
		Points: []OtherPoint{{"average", 113269}, {"median", 95000}, {"staff", 86536}, {"department-heads", 109468}, {"executives", 189435}},
		Date:   "2013", Via: viaCareersGuide,
		Reasons: []OtherReason{ReasonSelfSelected, ReasonYear, ReasonBonus}},
	{ID: "bls-cism-health-2023", Publisher: "U.S. Bureau of Labor Statistics", JobTitle: "Computer and Information Systems Managers, health care and social assistance",
		Points: []OtherPoint{{"median", 170190}}, Date: "May 2023", Via: viaSalaryGuide,
		Reasons: []OtherReason{ReasonManagers, ReasonYear}},
}

// OtherFigures returns what other publishers report, in the order above. The slice and
// its points are copies.
func OtherFigures() []OtherFigure {
	out := make([]OtherFigure, len(otherFigures))
	for i, f := range otherFigures {
		f.Points = append([]OtherPoint(nil), f.Points...)
		f.Reasons = append([]OtherReason(nil), f.Reasons...)
		out[i] = f
	}
	return out
}
