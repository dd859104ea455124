package estimate

import "testing"

// TestDataComplete checks that every figure the model can reach exists and cites a known source.
func TestDataComplete(t *testing.T) {
	if len(areas) != 52 {
		t.Errorf("%d areas, want 50 states, DC and the nation", len(areas))
	}
	for _, a := range areas {
		if a.RPP < 80 || a.RPP > 120 {
			t.Errorf("area %s: RPP %v outside 80–120", a.Code, a.RPP)
		}
	}
	for _, r := range roles {
		nat, ok := oewsWages[areaSOC{"US", r.SOC}]
		if !ok || nat.Pct.P10 == 0 || nat.Pct.P90 == 0 {
			t.Errorf("role %s: no complete national wages for %s", r.Slug, r.SOC)
		}
		if _, ok := projectionRows[r.SOC]; !ok {
			t.Errorf("role %s: no projection for %s", r.Slug, r.SOC)
		}
		if _, ok := educationWeekly[r.Typical]; !ok || r.TypicalFrom == "" {
			t.Errorf("role %s: typical education %q without source", r.Slug, r.Typical)
		}
		for _, c := range r.Certs {
			if !contains(certs, c) {
				t.Errorf("role %s: unknown certification %s", r.Slug, c)
			}
		}
		for _, a := range areas {
			if _, ok := oewsWages[areaSOC{a.Code, r.SOC}]; !ok {
				t.Errorf("no OEWS row (even an empty one) for %s in %s", r.SOC, a.Code)
			}
		}
	}
	cite := func(where, id string) {
		if _, ok := LookupSource(id); !ok {
			t.Errorf("%s cites unknown source %q", where, id)
		}
	}
	for _, row := range industryWages {
		cite("industry row", row.Source)
		if r := float64(row.Mean) / float64(row.AllMean); r <= 0.6 || r >= 1.6 {
			t.Errorf("industry row %+v: implausible ratio %v", row, r)
		}
	}
	for e, naics := range employerIndustries {
		for _, n := range naics {
			if industryNames[n] == "" {
				t.Errorf("employer %s: industry %s has no name", e, n)
			}
		}
	}
	for _, row := range originWages {
		cite("origin row", row.Source)
	}
	for e, gaps := range employerSurveys {
		for _, g := range gaps {
			cite(string(e), g.Source)
			if g.Ratio <= 0.5 || g.Ratio >= 1.5 {
				t.Errorf("employer %s: implausible ratio %v", e, g.Ratio)
			}
		}
	}
	for c, ids := range certSources {
		for _, id := range ids {
			cite(string(c), id)
		}
	}
	for _, row := range oewsWages {
		cite("wage row", row.Source)
	}
	seen := map[string]bool{}
	for _, s := range sources {
		if seen[s.ID] {
			t.Errorf("duplicate source %s", s.ID)
		}
		seen[s.ID] = true
		if s.Publisher == "" || s.Title == "" || s.Period == "" || s.Evidence == "" {
			t.Errorf("source %s incomplete: %+v", s.ID, s)
		}
	}
}
