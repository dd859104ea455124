package ui

import (
	"regexp"
	"strings"
	"testing"

	"github.com/hit-salary/hit-salary/app/text"
)

func TestChooseLang(t *testing.T) {
	home, es := routes()[0], spanishRoute(t)
	tests := []struct {
		name      string
		r         route
		query     string
		saved     string
		preferred []string
		want      text.Lang
		save      bool
	}{
		{"nothing: English", home, "", "", nil, text.English, false},
		{"browser prefers Spanish", home, "", "", []string{"es-MX", "en-US"}, text.Spanish, false},
		{"browser's first known language wins", home, "", "", []string{"fr-FR", "en-GB", "es"}, text.English, false},
		{"saved beats the browser", home, "", "en", []string{"es"}, text.English, false},
		{"link beats saved", home, "role=it-support&lang=es", "en", nil, text.Spanish, true},
		{"link in capitals with a region", home, "lang=ES-us", "", nil, text.Spanish, true},
		{"last lang= wins", home, "lang=en&lang=es", "", nil, text.Spanish, true},
		{"unknown link value is ignored", home, "lang=fr", "es", nil, text.Spanish, false},
		{"hostile link value is ignored", home, "lang=%3Cscript%3E", "", nil, text.English, false},
		{"malformed escape is ignored", home, "lang=%zz", "", []string{"es"}, text.Spanish, false},
		{"garbage saved value is ignored", home, "", strings.Repeat("es", 100), nil, text.English, false},
		{"the Spanish page is Spanish", es, "", "en", []string{"en"}, text.Spanish, true},
		{"the Spanish page ignores lang=", es, "lang=en", "", nil, text.Spanish, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, save := chooseLang(tt.r, tt.query, tt.saved, tt.preferred)
			if got != tt.want || save != tt.save {
				t.Errorf("chooseLang(%s, %q, %q, %q) = %s, %v; want %s, %v", tt.r.Path, tt.query, tt.saved, tt.preferred, got, save, tt.want, tt.save)
			}
		})
	}
}

func TestLangHref(t *testing.T) {
	tests := []struct {
		l           text.Lang
		path, query string
		want        string
	}{
		{text.Spanish, "/", "", "/es/"},
		{text.Spanish, "", "role=it-support&state=TX", "/es/?role=it-support&state=TX"},
		{text.Spanish, "/es/", "", "/es/"},
		{text.English, "/es/", "", "/?lang=en"},
		{text.English, "/es", "", "/?lang=en"}, // the old address of the Spanish home page
		{text.English, "/", "role=it-support", "/?role=it-support&lang=en"},
		{text.English, "/roles/it-support/tx/", "", "/roles/it-support/tx/?lang=en"},
		{text.Spanish, "/roles/it-support/tx/", "years=5", "/es/roles/it-support/tx/?years=5"},
		{text.Spanish, "/roles/it-support/", "", "/es/roles/it-support/"},
		{text.English, "/es/roles/it-support/tx/", "years=5", "/roles/it-support/tx/?years=5&lang=en"},
		{text.Spanish, "/es/roles/it-support/tx/", "", "/es/roles/it-support/tx/"},
		{text.Spanish, "/embed-builder/", "", "/es/embed-builder/"},
		{text.English, "/es/embed-builder/", "", "/embed-builder/?lang=en"},
		{text.Spanish, "/nowhere/", "", "/nowhere/?lang=es"}, // no Spanish page: lang= on this one
		{text.Spanish, "/privacy/", "", "/es/privacy/"},
		{text.English, "/es/privacy/", "", "/privacy/?lang=en"},
	}
	for _, tt := range tests {
		if got := langHref(tt.l, tt.path, tt.query); got != tt.want {
			t.Errorf("langHref(%s, %q, %q) = %q, want %q", tt.l, tt.path, tt.query, got, tt.want)
		}
	}
}

// TestSpanishPage renders the Spanish home page as the build pre-renders it: Spanish
// words, Spanish number format, lang attributes, and the switcher.
func TestSpanishPage(t *testing.T) {
	p := newPage(spanishRoute(t))
	p.store = &memStore{}
	p.OnInit()
	if p.lang != text.Spanish {
		t.Fatalf("lang = %s, want es", p.lang)
	}
	root, raw := render(t, p)
	app := one(t, root, "#app", byAttr("id", "app"))
	if app.Attrs["lang"] != "es" {
		t.Errorf("#app lang = %q, want es", app.Attrs["lang"])
	}
	es := text.For(text.Spanish)
	all := textOf(root)
	for _, want := range []string{es.T("app.heading"), es.T("form.title"), es.T("breakdown.title"), es.Money(p.res.Estimate)} {
		if !strings.Contains(all, want) {
			t.Errorf("the Spanish page lacks %q", want)
		}
	}
	if !strings.HasPrefix(es.Money(p.res.Estimate), "US$") {
		t.Errorf("Spanish money = %q, want US$…", es.Money(p.res.Estimate))
	}
	en := text.For(text.English)
	for _, english := range []string{en.T("app.heading"), en.T("form.title"), en.T("breakdown.intro"), en.T("sources.intro")} {
		if strings.Contains(all, english) {
			t.Errorf("the Spanish page shows the English %q", english)
		}
	}
	if k := missingKey.FindString(raw); k != "" {
		t.Errorf("the Spanish page shows the missing key %s", k)
	}
	links := find(root, byAttr("data-testid", "lang-switch"))
	if len(links) != 1 {
		t.Fatalf("%d language switchers, want 1", len(links))
	}
	as := find(links[0], byTag("a"))
	if len(as) != 2 {
		t.Fatalf("%d language links, want 2", len(as))
	}
	for _, a := range as {
		l := a.Attrs["hreflang"]
		if a.Attrs["lang"] != l || (l != "en" && l != "es") {
			t.Errorf("link %q: lang %q, hreflang %q", textOf(a), a.Attrs["lang"], l)
		}
		if cur := a.Attrs["aria-current"] == "page"; cur != (l == "es") {
			t.Errorf("link %s: aria-current %q", l, a.Attrs["aria-current"])
		}
		if l == "en" && !strings.Contains(a.Attrs["href"], "lang=en") {
			t.Errorf("English link %q does not choose English", a.Attrs["href"])
		}
	}
}

// TestLangLinksCarryScenario checks the language links keep an edited scenario and
// drop the untouched example.
func TestLangLinksCarryScenario(t *testing.T) {
	p := newTestPage(&memStore{})
	p.OnInit()
	if got := p.langQuery(); got != "" {
		t.Errorf("example: langQuery = %q, want none", got)
	}
	p.apply(Change{Field: "role", Value: "it-support"})
	if got := p.langQuery(); !strings.Contains(got, "role=it-support") {
		t.Errorf("after an edit: langQuery = %q, want the scenario", got)
	}
}

// missingKey is how Catalog.T shows a key no catalogue has: "[summary.title]".
var missingKey = regexp.MustCompile(`\[[a-z]+(\.[a-z0-9-]+)+\]`)

func spanishRoute(t *testing.T) route {
	t.Helper()
	for _, r := range routes() {
		if r.Lang == text.Spanish {
			return r
		}
	}
	t.Fatal("no Spanish route")
	return route{}
}

// TestStatesInSpanishOrder checks the state select's order follows the names shown.
func TestStatesInSpanishOrder(t *testing.T) {
	for _, l := range text.Langs() {
		c := text.For(l)
		as := areasByName(c)
		if as[0].Code != "US" {
			t.Errorf("%s: first area %s, want the nation", l, as[0].Code)
		}
		for i := 2; i < len(as); i++ {
			if text.SortKey(c.AreaName(as[i-1].Code, as[i-1].Name)) > text.SortKey(c.AreaName(as[i].Code, as[i].Name)) {
				t.Errorf("%s: %s before %s", l, as[i-1].Name, as[i].Name)
			}
		}
	}
	es := text.For(text.Spanish)
	pos := map[string]int{}
	for i, a := range areasByName(es) {
		pos[a.Code] = i
	}
	if !(pos["CA"] < pos["NC"] && pos["NC"] < pos["SC"] && pos["SC"] < pos["CO"]) {
		t.Errorf("Spanish order: California %d, Carolina del Norte %d, Carolina del Sur %d, Colorado %d",
			pos["CA"], pos["NC"], pos["SC"], pos["CO"])
	}
	if !(pos["MI"] < pos["MN"]) {
		t.Error("Míchigan does not sort before Minnesota")
	}
}
