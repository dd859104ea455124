package ui

import (
	"slices"
	"strings"
	"testing"

	"github.com/hit-salary/hit-salary/app/text"
)

// TestAlternates: every page in English that has a Spanish version (the home page, each
// role page, each document, the embed builder) lists both and x-default (the English one), and so does its
// Spanish page, with the same list; every path named is a page of the site.
func TestAlternates(t *testing.T) {
	alts := Alternates()
	var english []string
	for _, p := range Pages() {
		if englishPath(p) == p {
			english = append(english, p)
		}
	}
	for _, d := range slices.Concat(Docs(), EmbedBuilders()) {
		if d.Lang == text.English {
			english = append(english, d.Path)
		}
	}
	if len(english) != 1+len(roleRoutes())/2+3+1 {
		t.Fatalf("%d English pages, want the home page, half the role pages, 3 documents and the embed builder", len(english))
	}
	for _, p := range english {
		es := langPath(text.Spanish, p)
		want := []Alternate{{"en", p}, {"es", es}, {"x-default", p}}
		if !slices.Equal(alts[p], want) || !slices.Equal(alts[es], want) {
			t.Errorf("alternates of %s: %v, of %s: %v; want %v for both", p, alts[p], es, alts[es], want)
		}
	}
	if len(alts) != 2*len(english) {
		t.Errorf("%d pages with alternates, want %d", len(alts), 2*len(english))
	}
	for p, as := range alts {
		for _, a := range as {
			if !hasPage(a.Path) {
				t.Errorf("%s: alternate %v is not a page", p, a)
			}
		}
	}
}

// TestDocs: each published document, and the embed builder, has its Spanish version at
// the English page's path under /es, and the links of a Spanish page lead to the Spanish
// ones.
func TestDocs(t *testing.T) {
	ds := Docs()
	if len(ds) != 6 {
		t.Fatalf("Docs() = %v, want three documents and their translations", ds)
	}
	if bs := EmbedBuilders(); len(bs) != 2 || bs[0] != (Doc{Path: EmbedBuilderPath, Lang: text.English}) ||
		bs[1] != (Doc{Path: "/es" + EmbedBuilderPath, Lang: text.Spanish}) {
		t.Errorf("EmbedBuilders() = %v, want the English builder and its Spanish one under /es", bs)
	}
	for i := 0; i < len(ds); i += 2 {
		en, es := ds[i], ds[i+1]
		if en.Lang != text.English || es.Lang != text.Spanish || es.Path != "/es"+en.Path ||
			es.File != strings.TrimSuffix(en.File, ".md")+".es.md" {
			t.Errorf("document %+v, translation %+v", en, es)
		}
	}
	for _, tt := range []struct {
		l          text.Lang
		path, want string
	}{
		{text.Spanish, MethodologyPath, "/es/methodology/"},
		{text.English, MethodologyPath, "/methodology/"},
		{text.Spanish, PrivacyPath, "/es/privacy/"},
		{text.Spanish, EmbedBuilderPath, "/es/embed-builder/"},
		{text.English, "/es/embed-builder/", EmbedBuilderPath},
	} {
		if got := docPath(tt.l, tt.path); got != tt.want {
			t.Errorf("docPath(%s, %s) = %s, want %s", tt.l, tt.path, got, tt.want)
		}
	}
}
