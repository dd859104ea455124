package text

import (
	"math"
	"strings"
	"time"
	"unicode"

	"github.com/hit-salary/hit-salary/app/estimate"
)

// The model says its sentences as estimate.Message values; their English is the model's
// own (estimate.MessageText), so a sentence has one English wording, beside the rule that
// decides it. They join the English catalogue here, and every other language translates
// the same keys.
func init() {
	for _, k := range estimate.MessageKeys() {
		if _, dup := en[k]; dup {
			panic("text: key " + k + " is both in en.go and a model message")
		}
		en[k], _ = estimate.MessageText(k)
	}
	// The caveat of each source is the model's too ("Wages and salaries only: …"): the UI
	// shows it by the key source.<id>.note, so it is translated like the sentences.
	for _, s := range estimate.AllSources() {
		if s.Note == "" {
			continue
		}
		k := SourceNoteKey(s.ID)
		if _, dup := en[k]; dup {
			panic("text: key " + k + " is both in en.go and a source note")
		}
		en[k] = s.Note
	}
	// Who published each source, and the titles of the project's own (official titles
	// stay as published, so they can be looked up).
	for _, s := range estimate.AllSources() {
		if s.Publisher != "" {
			en[SourcePublisherKey(s.ID)] = s.Publisher
		}
		if strings.HasPrefix(s.Publisher, "HIT Salary") {
			en[SourceTitleKey(s.ID)] = s.Title
		}
	}
	// The names of the states, DC and the nation are the model's (Area.Name); the
	// model's sentences name an area by the key area.<code>, and so does the UI.
	for _, a := range estimate.Areas() {
		k := "area." + a.Code
		if _, dup := en[k]; dup {
			panic("text: key " + k + " is both in en.go and an area name")
		}
		en[k] = a.Name
	}
	// A period with words of its own ("2021 annual averages") is translated by key; a
	// month and year ("May 2025") by Period; a year or range ("2024–2034") needs nothing.
	for _, s := range estimate.AllSources() {
		if _, _, isMonth := monthYear(s.Period); isMonth || !strings.ContainsFunc(s.Period, unicode.IsLetter) {
			continue
		}
		k := SourcePeriodKey(s.ID)
		if _, dup := en[k]; dup {
			panic("text: key " + k + " is both in en.go and a source period")
		}
		en[k] = s.Period
	}
}

// AreaName is the name of the state (or DC, or the nation) with the USPS code in the
// catalogue's language: "Nueva York" for NY in Spanish. english is the model's name,
// used for an area the catalogue does not know.
func (c *Catalog) AreaName(code, english string) string {
	if s, ok := c.Lookup("area." + code); ok {
		return s
	}
	return english
}

// SourcePublisherKey is the catalogue key of the publisher of the source with the ID.
func SourcePublisherKey(id string) string { return "source." + id + ".publisher" }

// SourceTitleKey is the catalogue key of the title of a source HIT Salary itself
// publishes (the methodology, the growth bands); other titles are the publishers'.
func SourceTitleKey(id string) string { return "source." + id + ".title" }

// Periods writes every month and year inside s ("OEWS May 2025 · BEA RPP 2024") the
// catalogue's way, through Period.
func (c *Catalog) Periods(s string) string {
	words := strings.Split(s, " ")
	var b strings.Builder
	for i := 0; i < len(words); i++ {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		if i+1 < len(words) {
			if _, _, ok := monthYear(words[i] + " " + words[i+1]); ok {
				b.WriteString(c.Period(words[i] + " " + words[i+1]))
				i++
				continue
			}
		}
		b.WriteString(words[i])
	}
	return b.String()
}

// SourcePeriodKey is the catalogue key of the period of the source with the given ID,
// for a period in words ("2021 annual averages"); other periods go through Period.
func SourcePeriodKey(id string) string { return "source." + id + ".period" }

// Period writes a reference period of the model ("May 2025", "2024", "2024–2034") in the
// catalogue's language: a month and year through the keys month.<name> and period.month,
// anything else as it is.
func (c *Catalog) Period(s string) string {
	m, year, ok := monthYear(s)
	if !ok {
		return s
	}
	return c.F("period.month", "month", c.T("month."+strings.ToLower(m.String())), "year", year)
}

// monthYear reads "May 2025": an English month name, a space and a four-digit year.
func monthYear(s string) (time.Month, string, bool) {
	name, year, ok := strings.Cut(s, " ")
	if !ok || len(year) != 4 || strings.Trim(year, "0123456789") != "" {
		return 0, "", false
	}
	for m := time.January; m <= time.December; m++ {
		if m.String() == name {
			return m, year, true
		}
	}
	return 0, "", false
}

// SourceNoteKey is the catalogue key of the caveat of the source with the given ID.
func SourceNoteKey(id string) string { return "source." + id + ".note" }

// Message renders one of the model's sentences in the catalogue's language: its key's
// text with each argument written the language's way. A key the language lacks falls
// back to English, and a key nobody knows to the model's own English rendering.
func (c *Catalog) Message(m estimate.Message) string {
	s, ok := c.Lookup(m.Key)
	if !ok {
		return m.Text
	}
	if len(m.Args) == 0 {
		return s
	}
	args := make([]string, 0, 2*len(m.Args))
	for _, a := range m.Args {
		args = append(args, a.Name, c.Arg(a))
	}
	return Fill(s, args...)
}

// Arg writes one argument of a model sentence.
func (c *Catalog) Arg(a estimate.Arg) string {
	switch a.Kind {
	case estimate.ArgInt:
		return c.Int(int(math.Round(a.Num)))
	case estimate.ArgMoney:
		return c.Money(int(math.Round(a.Num)))
	case estimate.ArgDecimal:
		return c.Decimal(a.Num, places(a.Num))
	case estimate.ArgPercent:
		return c.Percent(a.Num, places(a.Num))
	case estimate.ArgKey:
		if s, ok := c.Lookup(a.Key); ok {
			return s
		}
	case estimate.ArgText:
		if a.Name == "period" {
			return c.Period(a.Text)
		}
	}
	return a.Text
}

// places is 0 for a whole number and 1 otherwise: "6 years", "0.5 years", "40%", "90.1%".
func places(x float64) int {
	if math.Abs(x-math.Round(x)) < 0.05 {
		return 0
	}
	return 1
}
