package text

import (
	"math"

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
