// Package text is the catalogue of every string people read in HIT Salary, keyed so
// that each language is one table: English (en.go, the reference) and Spanish (es.go).
// Nothing in app/ui writes a sentence of its own: it asks the catalogue by key.
//
// Keys are dotted, lower case, and grouped by what they name: "role.<slug>.name",
// "edu.<slug>", "factor.<kind>", "reason.<key>", "notice.<code>" and so on. Strings
// may hold named placeholders such as {area}; F fills them.
//
// The package also formats numbers and money the way the language writes them, so a
// translation changes digits grouping and signs along with the words.
package text

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/hit-salary/hit-salary/app/estimate"
)

// Lang is a language of the catalogue, as a BCP 47 tag.
type Lang string

// Languages of the catalogue.
const (
	English Lang = "en"
	Spanish Lang = "es"
)

// Catalog holds the strings and number format of one language.
type Catalog struct {
	lang    Lang
	strings map[string]string
	num     numberFormat
	// one reports whether the language writes the count n in its singular form (the
	// CLDR plural category "one"), which Plural uses.
	one func(n int) bool
}

// exactlyOne is the CLDR rule of the "one" category for whole numbers in English and in
// Spanish: 1 and nothing else (0 takes the plural: "0 years", "0 años"). Spanish also has a
// "many" category, for whole millions ("1 000 000 de años"), that no count of the app
// reaches.
func exactlyOne(n int) bool { return n == 1 }

// numberFormat says how a language writes numbers and money.
type numberFormat struct {
	group   string // thousands separator
	decimal string // decimal separator
	minus   string // sign of negative numbers
	plus    string // sign of positive changes
	money   string // pattern of an amount of money: {n} is the number without sign
	percent string // pattern of a percentage: {n} is the number without sign
}

var catalogs = map[Lang]*Catalog{
	English: {lang: English, strings: en, one: exactlyOne, num: numberFormat{
		group: ",", decimal: ".", minus: "\u2212", plus: "+", money: "${n}", percent: "{n}%",
	}},
	// Spanish strings join natively (es_native.go); the browser loads them on demand
	// (Load), so English readers do not download them inside app.wasm.
	Spanish: {lang: Spanish, num: spanishNumbers, one: exactlyOne},
}

// spanishNumbers is how the Spanish catalogue writes numbers, for Spanish readers in the
// United States: US$95,292, US$38.41, 3.1 %.
//
//   - Digits: comma for thousands and point for decimals, as Spanish is written in the
//     United States, Mexico, Central America, Puerto Rico and the Dominican Republic,
//     where most Spanish-reading families here come from (the RAE and ASALE's Ortografía
//     of 2010 accepts the decimal point beside the comma; a comma-decimal "95.292" would
//     read as ninety-five dollars to them, and pay slips and job offers here are
//     written 95,292).
//   - Money: "US$" before the amount, the ASALE symbol of the U.S. dollar, because
//     "$" alone means pesos in Mexico, Colombia, Chile and Argentina.
//   - Percent: the sign after a non-breaking space ("3.1 %"), the RAE's rule for
//     symbols.
var spanishNumbers = numberFormat{
	group: ",", decimal: ".", minus: "\u2212", plus: "+", money: "US${n}", percent: "{n}\u00a0%",
}

// For returns the catalogue of a language, or the English one if there is none.
//
//go:noinline
func For(l Lang) *Catalog {
	if c, ok := catalogs[l]; ok {
		return c
	}
	return catalogs[English]
}

// Langs lists the languages of the catalogue, sorted.
func Langs() []Lang {
	out := make([]Lang, 0, len(catalogs))
	for l := range catalogs {
		out = append(out, l)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// Keys lists every key of the English catalogue, sorted. Every other language must
// have the same keys.
func Keys() []string {
	out := make([]string, 0, len(en))
	for k := range en {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Lang returns the catalogue's language.
func (c *Catalog) Lang() Lang { return c.lang }

// Has reports whether the catalogue has a string for key.
func (c *Catalog) Has(key string) bool {
	_, ok := c.strings[key]
	return ok
}

// T returns the string for key. A key missing from the language falls back to English;
// a key missing everywhere comes back in brackets, so the gap is visible but the page
// still works (tests make sure no key used by the UI is missing).
//
// It is not inlined: the UI calls it at some 150 places, and two map look-ups at each
// cost about 50 KB of wasm.
//
//go:noinline
func (c *Catalog) T(key string) string {
	if s, ok := c.strings[key]; ok {
		return s
	}
	if s, ok := en[key]; ok {
		return s
	}
	return "[" + key + "]"
}

// Lookup returns the string for key and whether the language (or English) has it. The
// UI uses it where the model may add keys the catalogue does not know yet, to fall back
// on the model's own English text.
//
//go:noinline
func (c *Catalog) Lookup(key string) (string, bool) {
	if s, ok := c.strings[key]; ok {
		return s, true
	}
	s, ok := en[key]
	return s, ok
}

// F returns the string for key with its named placeholders filled: args are pairs of a
// placeholder name and its value, for example F("x", "area", "Ohio") fills {area}.
// Values are inserted as they are and never expanded again.
func (c *Catalog) F(key string, args ...string) string {
	return Fill(c.T(key), args...)
}

// Plural returns the form of key the language gives the count n: key+".one" when the
// language's rule puts n in the CLDR category "one" (in English and Spanish, exactly 1),
// key+".other" otherwise, the names the model's messages use too (note.cert.one,
// note.cert.other). {n} is n written as Int writes it; args fill the other placeholders
// as in F. For example Plural("count.years", 1) is "1 year" and Plural("count.years", 3)
// "3 years".
func (c *Catalog) Plural(key string, n int, args ...string) string {
	form := ".other"
	if c.one != nil && c.one(n) {
		form = ".one"
	}
	return Fill(c.T(key+form), append([]string{"n", c.Int(n)}, args...)...)
}

// Fill replaces the named placeholders {name} of s (estimate.Fill's syntax); args are
// name, value pairs. A trailing name without a value is ignored.
func Fill(s string, args ...string) string {
	if len(args) < 2 {
		return s
	}
	return estimate.Fill(s, func(name string) (string, bool) {
		for i := 0; i+1 < len(args); i += 2 {
			if args[i] == name {
				return args[i+1], true
			}
		}
		return "", false
	})
}

// Int writes a whole number with the language's digit grouping, for example 34,200.
func (c *Catalog) Int(n int) string {
	if n < 0 {
		return c.num.minus + c.group(uabs(n))
	}
	return c.group(uint64(n))
}

// Money writes whole dollars, for example $79,898 or −$1,250.
func (c *Catalog) Money(n int) string {
	s := Fill(c.num.money, "n", c.group(uabs(n)))
	if n < 0 {
		return c.num.minus + s
	}
	return s
}

// SignedMoney writes a change in whole dollars with its sign: +$1,250, −$980, or $0.
func (c *Catalog) SignedMoney(n int) string {
	if n > 0 {
		return c.num.plus + c.Money(n)
	}
	return c.Money(n)
}

// Decimal writes x with the given number of decimal places, grouped, for example
// 38.41 or 1,234.5. NaN and infinities are written as an em dash.
func (c *Catalog) Decimal(x float64, places int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "\u2014"
	}
	s := strconv.FormatFloat(math.Abs(x), 'f', places, 64)
	whole, frac, _ := strings.Cut(s, ".")
	n, err := strconv.ParseUint(whole, 10, 64)
	if err != nil {
		return s
	}
	out := c.group(n)
	if frac != "" {
		out += c.num.decimal + frac
	}
	if x < 0 && strings.Trim(s, "0.") != "" {
		out = c.num.minus + out
	}
	return out
}

// Hourly writes dollars and cents, for example $38.41.
func (c *Catalog) Hourly(x float64) string {
	s := Fill(c.num.money, "n", c.Decimal(math.Abs(x), 2))
	if x < 0 {
		return c.num.minus + s
	}
	return s
}

// Percent writes a percentage with the given decimal places, for example 3.1%.
func (c *Catalog) Percent(x float64, places int) string {
	s := Fill(c.num.percent, "n", c.Decimal(math.Abs(x), places))
	if x < 0 && c.Decimal(math.Abs(x), places) != c.Decimal(0, places) {
		return c.num.minus + s
	}
	return s
}

// SignedPercent writes a change in percent with its sign, for example +8.7% or −1.2%;
// a change that rounds to zero has no sign.
func (c *Catalog) SignedPercent(x float64, places int) string {
	s := c.Percent(x, places)
	if x > 0 && c.Decimal(x, places) != c.Decimal(0, places) {
		return c.num.plus + s
	}
	return s
}

func (c *Catalog) group(n uint64) string {
	s := strconv.FormatUint(n, 10)
	if len(s) <= 3 {
		return s
	}
	var b strings.Builder
	head := len(s) % 3
	if head > 0 {
		b.WriteString(s[:head])
	}
	for i := head; i < len(s); i += 3 {
		if b.Len() > 0 {
			b.WriteString(c.num.group)
		}
		b.WriteString(s[i : i+3])
	}
	return b.String()
}

func uabs(n int) uint64 {
	if n < 0 {
		return uint64(-(n + 1)) + 1
	}
	return uint64(n)
}
