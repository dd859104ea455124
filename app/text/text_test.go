package text

import (
	"math"
	"strings"
	"testing"
)

func TestNumbers(t *testing.T) {
	c := For(English)
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"int small", c.Int(7), "7"},
		{"int thousands", c.Int(34200), "34,200"},
		{"int millions", c.Int(1234567), "1,234,567"},
		{"int negative", c.Int(-1234), "\u22121,234"},
		{"int min", c.Int(math.MinInt64), "\u22129,223,372,036,854,775,808"},
		{"money", c.Money(79898), "$79,898"},
		{"money zero", c.Money(0), "$0"},
		{"money negative", c.Money(-25952), "\u2212$25,952"},
		{"signed money up", c.SignedMoney(5010), "+$5,010"},
		{"signed money down", c.SignedMoney(-980), "\u2212$980"},
		{"signed money zero", c.SignedMoney(0), "$0"},
		{"decimal", c.Decimal(1234.5, 1), "1,234.5"},
		{"decimal rounds", c.Decimal(27.45, 0), "27"},
		{"decimal negative", c.Decimal(-3.14159, 2), "\u22123.14"},
		{"decimal negative rounding to zero", c.Decimal(-0.001, 1), "0.0"},
		{"decimal NaN", c.Decimal(math.NaN(), 1), "\u2014"},
		{"decimal Inf", c.Decimal(math.Inf(1), 1), "\u2014"},
		{"hourly", c.Hourly(38.41), "$38.41"},
		{"hourly big", c.Hourly(1234.5), "$1,234.50"},
		{"percent", c.Percent(3.1, 1), "3.1%"},
		{"percent negative", c.Percent(-24.5177, 1), "\u221224.5%"},
		{"signed percent up", c.SignedPercent(8.7, 1), "+8.7%"},
		{"signed percent down", c.SignedPercent(-1.23, 1), "\u22121.2%"},
		{"signed percent zero", c.SignedPercent(0, 1), "0.0%"},
		{"signed percent tiny", c.SignedPercent(0.04, 1), "0.0%"},
		{"signed percent tiny negative", c.SignedPercent(-0.04, 1), "0.0%"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

func TestFill(t *testing.T) {
	tests := []struct {
		name string
		s    string
		args []string
		want string
	}{
		{"one", "in {area}", []string{"area", "Ohio"}, "in Ohio"},
		{"twice", "{x} and {x}", []string{"x", "a"}, "a and a"},
		{"two", "{a}–{b}", []string{"a", "1", "b", "2"}, "1–2"},
		{"missing arg left", "{a} {b}", []string{"a", "1"}, "1 {b}"},
		{"value not expanded again", "{a}", []string{"a", "{b}", "b", "x"}, "{b}"},
		{"odd args ignored", "{a}", []string{"a"}, "{a}"},
		{"no args", "plain", nil, "plain"},
		{"markup stays text", "“{v}”", []string{"v", "<script>"}, "“<script>”"},
		{"nested braces", "{{a}}", []string{"a", "1"}, "{1}"},
		{"unclosed brace", "{a} {b", []string{"a", "1", "b", "2"}, "1 {b"},
		{"first pair wins", "{a}", []string{"a", "1", "a", "2"}, "1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Fill(tt.s, tt.args...); got != tt.want {
				t.Errorf("Fill(%q, %q) = %q, want %q", tt.s, tt.args, got, tt.want)
			}
		})
	}
}

func TestLookup(t *testing.T) {
	c := For("xx") // unknown languages fall back to English
	if c.Lang() != English {
		t.Fatalf("For(xx).Lang() = %s", c.Lang())
	}
	if got := c.T("app.name"); got != "HIT Salary" {
		t.Errorf("T(app.name) = %q", got)
	}
	if got := c.T("no.such.key"); got != "[no.such.key]" {
		t.Errorf("T(missing) = %q, want it bracketed", got)
	}
	if _, ok := c.Lookup("no.such.key"); ok {
		t.Error("Lookup(missing) ok")
	}
	if got := c.F("summary.range", "low", "$1", "high", "$2"); !strings.Contains(got, "$1 to $2") {
		t.Errorf("F(summary.range) = %q", got)
	}
}

// TestCatalogues checks every language has exactly the English keys, no empty string,
// and the same placeholders as English.
func TestCatalogues(t *testing.T) {
	keys := Keys()
	if len(keys) < 100 {
		t.Fatalf("only %d keys", len(keys))
	}
	for _, l := range Langs() {
		c := For(l)
		for _, k := range keys {
			s, ok := c.strings[k]
			if !ok {
				t.Errorf("%s: no %q", l, k)
				continue
			}
			if strings.TrimSpace(s) == "" {
				t.Errorf("%s: %q is empty", l, k)
			}
			if got, want := placeholders(s), placeholders(en[k]); got != want {
				t.Errorf("%s: %q has placeholders %s, English %s", l, k, got, want)
			}
		}
		if len(c.strings) != len(keys) {
			t.Errorf("%s has %d keys, English %d", l, len(c.strings), len(keys))
		}
	}
}

// TestPlural checks counts take the singular form for 1 only, in English and Spanish,
// in the phrase and in the sentences that use it (the print profile line and the payback
// tuition label once read "1 years").
func TestPlural(t *testing.T) {
	tests := []struct {
		lang Lang
		n    int
		want string
	}{
		{English, 0, "0 years"}, {English, 1, "1 year"}, {English, 2, "2 years"}, {English, 1000, "1,000 years"}, {English, -1, "\u22121 years"},
		{Spanish, 0, "0 años"}, {Spanish, 1, "1 año"}, {Spanish, 2, "2 años"}, {Spanish, 21, "21 años"}, {Spanish, 1000, "1,000 años"},
	}
	for _, tt := range tests {
		if got := For(tt.lang).Plural("count.years", tt.n); got != tt.want {
			t.Errorf("%s: Plural(count.years, %d) = %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
	for _, tt := range []struct {
		lang      Lang
		key, want string
	}{
		{English, "summary.profile", "For: 1 year of experience;"},
		{English, "payback.tuition.total", "Tuition, 1 year"},
		{Spanish, "summary.profile", "Para: 1 año de experiencia;"},
		{Spanish, "payback.tuition.total", "Matrícula, 1 año"},
	} {
		c := For(tt.lang)
		got := c.F(tt.key, "years", c.Plural("count.years", 1))
		if !strings.HasPrefix(got, tt.want) {
			t.Errorf("%s: %s for 1 year = %q, want it to start %q", tt.lang, tt.key, got, tt.want)
		}
	}
	// Other placeholders are filled as F fills them.
	if got := For(English).Plural("note.cert", 1, "each", "3%"); !strings.Contains(got, "3%") || strings.Contains(got, "{") {
		t.Errorf("Plural(note.cert, 1, each) = %q", got)
	}
	// Every count comes in both forms, so Plural never shows a bracketed key.
	for _, k := range Keys() {
		base, _, _ := strings.Cut(k, ".")
		if base != "count" {
			continue
		}
		stem := strings.TrimSuffix(strings.TrimSuffix(k, ".one"), ".other")
		if stem == k {
			t.Errorf("%q: a count key must end in .one or .other", k)
		}
		for _, f := range []string{".one", ".other"} {
			if !For(English).Has(stem + f) {
				t.Errorf("%q has no %s form", stem, f)
			}
		}
	}
}
