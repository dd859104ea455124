package ui

import (
	"strings"
	"testing"

	"github.com/hit-salary/hit-salary/app/text"
)

// TestOneYear renders the two places that once read "1 years" (the print profile line
// and the payback panel's tuition label) for one year and for two, in English and
// Spanish: the catalogue's plural forms reach the page.
func TestOneYear(t *testing.T) {
	tests := []struct {
		lang          text.Lang
		years         string
		profile, fees string // expected in the page text
	}{
		{text.English, "1", "For: 1 year of experience;", "Tuition, 1 year"},
		{text.English, "2", "For: 2 years of experience;", "Tuition, 2 years"},
		{text.Spanish, "1", "Para: 1 año de experiencia;", "Matrícula, 1 año"},
		{text.Spanish, "2", "Para: 2 años de experiencia;", "Matrícula, 2 años"},
	}
	for _, tt := range tests {
		t.Run(string(tt.lang)+"/"+tt.years, func(t *testing.T) {
			vals, _ := queryValues("role=ehr-analyst&state=OH&edu=associate&years=" + tt.years)
			p := newTestPage(&memStore{})
			p.lang = tt.lang
			p.start(vals, "", sourcePrerender)
			root, _ := render(t, p)
			if body := textOf(root); !strings.Contains(body, tt.profile) {
				t.Errorf("page text lacks %q", tt.profile)
			}
			c := &paybackBody{Lang: tt.lang, Query: "role=ehr-analyst&state=OH&edu=associate",
				typed: [2]string{"", tt.years}, edited: [2]bool{false, true}}
			proot, _ := render(t, c)
			if body := textOf(proot); !strings.Contains(body, tt.fees) {
				t.Errorf("payback text lacks %q:\n%s", tt.fees, body)
			}
		})
	}
}
