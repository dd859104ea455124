package ui

import (
	"strings"
	"testing"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
)

// englishLeftIn returns the English strings of the catalogue found in a rendered page's
// text: a text node that is an English value whose Spanish translation differs, or an
// English sentence (24 characters or more) inside a text node. Strings the two languages
// share (names, codes: "English", "SOC 15-1211") are the catalogue's own allow-list, since
// their Spanish value is the English one; allow lists names the Spanish text quotes as
// they are (the BLS's occupation titles), taken out of the text before it is compared.
func englishLeftIn(root *node, allow map[string]bool) []string {
	en, es := text.For(text.English), text.For(text.Spanish)
	values := map[string]bool{}
	var sentences []string
	for _, k := range text.Keys() {
		v := en.T(k)
		if v == es.T(k) || strings.Contains(v, "{") {
			continue
		}
		values[v] = true
		if len(v) >= 24 {
			sentences = append(sentences, v)
		}
	}
	var found []string
	var walk func(*node)
	walk = func(n *node) {
		if n.Tag == "script" || n.Tag == "style" {
			return
		}
		if n.Tag == "" {
			s := strings.TrimSpace(n.Text)
			for name := range allow {
				s = strings.ReplaceAll(s, name, "")
			}
			if values[s] {
				found = append(found, s)
			}
			for _, v := range sentences {
				if s != v && strings.Contains(s, v) {
					found = append(found, v)
				}
			}
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	walk(root)
	return found
}

// TestSpanishPagesHaveNoEnglish pre-renders Spanish pages as the build does (the home
// page and role pages, national and by state, for roles with different panels) and
// fails on any English string of the catalogue left in their text. It also checks the
// check: the English page of the same role has such strings.
func TestSpanishPagesHaveNoEnglish(t *testing.T) {
	paths := []string{"/es/", "/es/roles/ehr-analyst/", "/es/roles/ehr-analyst/oh/", "/es/roles/it-project-manager/ca/",
		"/es/roles/him-director/wy/", "/es/roles/security-analyst/id/", "/es/roles/medical-records/dc/"}
	// The BLS's occupation titles are names, quoted in English ("29-2072 Medical records
	// specialists").
	titles := map[string]bool{}
	for _, ri := range estimate.Roles() {
		in, err := estimate.Reference(ri.Slug, "US")
		if err != nil {
			t.Fatal(err)
		}
		if r, err := estimate.Estimate(in); err == nil && r.SOCTitle != "" {
			titles[r.SOCTitle] = true
		}
	}
	for _, path := range paths {
		p := newPathPage()
		p.store = &memStore{}
		p.routeTo(path)
		p.start(nil, "", sourcePrerender)
		if p.lang != text.Spanish {
			t.Fatalf("%s: lang %s", path, p.lang)
		}
		root, _ := render(t, p)
		if left := englishLeftIn(root, titles); len(left) > 0 {
			t.Errorf("%s: English strings on the Spanish page: %q", path, left)
		}
	}
	p := newPathPage()
	p.store = &memStore{}
	p.routeTo("/roles/ehr-analyst/oh/")
	p.start(nil, "", sourcePrerender)
	root, _ := render(t, p)
	if left := englishLeftIn(root, nil); len(left) < 20 {
		t.Errorf("the English page shows only %d English strings of the catalogue: is the check blind?", len(left))
	}
}
