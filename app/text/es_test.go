package text

import (
	"errors"
	"strings"
	"testing"
)

// sameInSpanish lists the keys whose Spanish is rightly the English: names of the app,
// credentials and codes, and strings made only of placeholders and punctuation. Any
// other Spanish value equal to the English one is an untranslated string.
var sameInSpanish = map[string]bool{
	"app.name":                           true, // the product's name
	"cert.cissp":                         true, // credential codes, as the issuers write them
	"cert.security-plus":                 true,
	"cert.ccna":                          true,
	"cert.pmp":                           true,
	"cert.rhia":                          true,
	"cert.rhit":                          true,
	"cert.cphims":                        true,
	"cert.cahims":                        true,
	"doc.title":                          true, // "{title} · HIT Salary"
	"breakdown.col.factor":               true, // "Factor" is Spanish too
	"lang.name.en":                       true, // each language is named in itself
	"lang.name.es":                       true,
	"source.model-assumptions.publisher": true, // the project itself
}

// sameStateNames are the states whose Spanish name is the English one (the others, such
// as Nueva York or Carolina del Norte, are translated).
var sameStateNames = strings.Fields("AK AL AR AZ CA CO CT DE FL GA IA ID IL IN KS KY MA MD ME MN MT NE NV OH OK RI TN TX UT VA VT WA WI WY")

func init() {
	for _, code := range sameStateNames {
		sameInSpanish["area."+code] = true
	}
}

// TestSpanishComplete compares the Spanish catalogue with the English one key by key:
// the same keys, no empty value, the same placeholders, and no value left in English.
func TestSpanishComplete(t *testing.T) {
	for _, k := range Keys() {
		s, ok := es[k]
		switch {
		case !ok:
			t.Errorf("es: no translation of %q (English: %q)", k, en[k])
			continue
		case strings.TrimSpace(s) == "":
			t.Errorf("es: %q is empty", k)
		case s == en[k] && !sameInSpanish[k]:
			t.Errorf("es: %q is the English %q: translate it, or allow-list it in sameInSpanish if it is a name or code", k, s)
		}
		if got, want := placeholders(s), placeholders(en[k]); got != want {
			t.Errorf("es: %q has placeholders %s, English %s", k, got, want)
		}
	}
	for k := range es {
		if _, ok := en[k]; !ok {
			t.Errorf("es: %q is not an English key (renamed or removed?)", k)
		}
	}
	for k := range sameInSpanish {
		if es[k] != en[k] {
			t.Errorf("sameInSpanish: %q differs now (%q vs %q): take it off the list", k, es[k], en[k])
		}
	}
}

// TestSpanishNumbers checks the Spanish number conventions documented at spanishNumbers.
func TestSpanishNumbers(t *testing.T) {
	c := For(Spanish)
	if c.Lang() != Spanish {
		t.Fatalf("For(es).Lang() = %s", c.Lang())
	}
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"int", c.Int(34200), "34,200"},
		{"money", c.Money(95292), "US$95,292"},
		{"money negative", c.Money(-25952), "\u2212US$25,952"},
		{"signed money up", c.SignedMoney(5010), "+US$5,010"},
		{"hourly", c.Hourly(38.41), "US$38.41"},
		{"decimal", c.Decimal(1234.5, 1), "1,234.5"},
		{"percent", c.Percent(3.1, 1), "3.1\u00a0%"},
		{"signed percent", c.SignedPercent(-1.23, 1), "\u22121.2\u00a0%"},
		{"sentence", c.F("summary.range", "low", c.Money(82089), "high", c.Money(111817)),
			"Rango probable para personas como usted: de US$82,089 a US$111,817."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

// TestLoadRoundTrip checks the browser's path: the JSON the build writes loads back into
// the same strings, and a bad file is refused or trimmed, never installed as it is.
func TestLoadRoundTrip(t *testing.T) {
	data, err := JSON(Spanish)
	if err != nil {
		t.Fatal(err)
	}
	c := For(Spanish)
	saved := c.strings
	defer func() { c.strings = saved }()
	if err := Load(Spanish, data); err != nil {
		t.Fatalf("Load(JSON(es)): %v", err)
	}
	if len(c.strings) != len(es) || c.T("app.heading") != es["app.heading"] {
		t.Errorf("Load(JSON(es)) has %d strings, want %d", len(c.strings), len(es))
	}
	for _, tt := range []struct {
		name, data string
		partial    bool
	}{
		{"not JSON", `<html>`, false},
		{"not an object", `["a"]`, false},
		{"nothing usable", `{"no.such.key": "x"}`, false},
		{"unknown key", `{"app.heading": "¿Cuánto?", "no.such.key": "x"}`, true},
		{"placeholder changed", `{"app.heading": "¿Cuánto?", "summary.range": "{lo} a {hi}"}`, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c.strings = saved
			err := Load(Spanish, []byte(tt.data))
			var pe *PartialError
			if isPartial := errors.As(err, &pe); err == nil || isPartial != tt.partial {
				t.Fatalf("Load(%s) = %v, want an error (partial %v)", tt.data, err, tt.partial)
			}
			if !tt.partial && c.strings == nil {
				return
			}
			if tt.partial {
				if _, ok := c.strings["no.such.key"]; ok {
					t.Error("an unknown key was loaded")
				}
				if got := c.F("summary.range", "low", "1", "high", "2"); strings.Contains(got, "{") {
					t.Errorf("a sentence lost its placeholders: %q", got)
				}
			}
		})
	}
	if err := Load(English, data); err == nil {
		t.Error("Load(en) succeeded: English is compiled in")
	}
}

func TestPeriods(t *testing.T) {
	es, en := For(Spanish), For(English)
	tests := []struct {
		c        *Catalog
		in, want string
	}{
		{es, "May 2025", "mayo de 2025"},
		{en, "May 2025", "May 2025"},
		{es, "2024–2034", "2024–2034"},
		{es, "Maybe 2025", "Maybe 2025"},
		{es, "May 25", "May 25"},
		{es, "OEWS May 2025 · BEA RPP 2024 · BLS Projections 2024–2034", "OEWS mayo de 2025 · BEA RPP 2024 · BLS Projections 2024–2034"},
		{es, "December 1999 and January 2000", "diciembre de 1999 and enero de 2000"},
		{es, "", ""},
	}
	for _, tt := range tests {
		if got := tt.c.Periods(tt.in); got != tt.want {
			t.Errorf("%s: Periods(%q) = %q, want %q", tt.c.Lang(), tt.in, got, tt.want)
		}
	}
	if got := es.AreaName("NY", "New York"); got != "Nueva York" {
		t.Errorf("AreaName(NY) = %q", got)
	}
	if got := es.AreaName("ZZ", "Nowhere"); got != "Nowhere" {
		t.Errorf("AreaName(ZZ) = %q, want the model's name", got)
	}
}
