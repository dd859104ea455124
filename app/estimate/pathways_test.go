package estimate

import (
	"slices"
	"testing"
)

// checkPathways checks the properties every pathways result has for its input: each
// step and specialization is Estimate of the person's input changed only where it says,
// the differences add up to the person's own estimate, exactly one path is the
// person's, and every key and source it names exists.
func checkPathways(t *testing.T, in Input, r PathwaysResult) {
	t.Helper()
	own, err := Estimate(in)
	if err != nil {
		t.Fatalf("Estimate(%+v): %v", in, err)
	}
	in = own.Input
	if r.Current != own.Estimate {
		t.Errorf("Current = %d, want Estimate(in) = %d (%+v)", r.Current, own.Estimate, in)
	}
	if len(r.Paths) != 3 {
		t.Fatalf("%d paths, want 3", len(r.Paths))
	}
	known := func(what, key string) {
		if _, ok := MessageText(key); !ok {
			t.Errorf("%s key %q has no English", what, key)
		}
	}
	cited := func(ids []string) {
		for _, id := range ids {
			if !slices.ContainsFunc(r.Sources, func(s Source) bool { return s.ID == id }) {
				t.Errorf("source %q is cited but not in Sources", id)
			}
			if _, ok := LookupSource(id); !ok {
				t.Errorf("source %q is not in the catalogue", id)
			}
		}
	}
	known("mine", r.MineNote.Key)
	mine := 0
	for _, p := range r.Paths {
		if p.Mine {
			mine++
			if p.Path != r.Mine {
				t.Errorf("path %s flagged, but Mine = %s", p.Path, r.Mine)
			}
		}
		if len(p.Steps) == 0 || len(p.Advice) == 0 || len(p.Sources) == 0 {
			t.Errorf("path %s: %d steps, %d advice, %d sources", p.Path, len(p.Steps), len(p.Advice), len(p.Sources))
		}
		for _, m := range p.Advice {
			known("advice", m.Key)
		}
		cited(p.Sources)
		var certsBefore []Cert = in.Certs
		for i, s := range p.Steps {
			x := s.Input
			want := in // what the step may change, put back: the rest must be the person's
			want.Role, want.Years, want.Background = s.Role, s.Years, p.Path
			if p.Path != in.Background {
				want.Prior = 0
			}
			if rank(x.Education) < rank(in.Education) {
				t.Errorf("%s step %d lowers education %s to %s", p.Path, i, in.Education, x.Education)
			}
			if s.Raised != (x.Education != in.Education) || x.Education != s.Education {
				t.Errorf("%s step %d: Raised %v, education %s (step says %s), person's %s", p.Path, i, s.Raised, x.Education, s.Education, in.Education)
			}
			want.Education = x.Education
			for _, c := range certsBefore {
				if !slices.Contains(x.Certs, c) {
					t.Errorf("%s step %d drops certification %s", p.Path, i, c)
				}
			}
			for _, c := range s.Added {
				if slices.Contains(certsBefore, c) || !slices.Contains(x.Certs, c) {
					t.Errorf("%s step %d: added %s is not new, or not in its input", p.Path, i, c)
				}
			}
			if len(x.Certs) != len(certsBefore)+len(s.Added) {
				t.Errorf("%s step %d: certifications %v, from %v adding %v", p.Path, i, x.Certs, certsBefore, s.Added)
			}
			certsBefore = x.Certs
			want.Certs = x.Certs
			if x.Query().Encode() != want.Query().Encode() {
				t.Errorf("%s step %d changes more than it says:\n got %s\nwant %s", p.Path, i, x.Query().Encode(), want.Query().Encode())
			}
			if x.State != in.State || x.Metro != in.Metro || x.Employer != in.Employer {
				t.Errorf("%s step %d leaves the person's place or employer: %+v", p.Path, i, x)
			}
			e, err := Estimate(x)
			if err != nil {
				t.Fatalf("Estimate(step %+v): %v", x, err)
			}
			if s.Estimate != e.Estimate || s.Low != e.Low || s.High != e.High {
				t.Errorf("%s step %d: %d (%d–%d), Estimate says %d (%d–%d)", p.Path, i, s.Estimate, s.Low, s.High, e.Estimate, e.Low, e.High)
			}
			if s.Outlook != e.Outlook {
				t.Errorf("%s step %d: outlook %+v, want the occupation's %+v", p.Path, i, s.Outlook, e.Outlook)
			}
			if s.Estimate-s.Difference != r.Current {
				t.Errorf("%s step %d: %d − %d ≠ current %d", p.Path, i, s.Estimate, s.Difference, r.Current)
			}
			checkDiffKey(t, s.DiffKey, s.Difference, x, in)
			known("step advice", s.Advice.Key)
			cited(s.Sources)
		}
	}
	if mine != 1 {
		t.Errorf("%d paths flagged as the person's, want 1", mine)
	}
	ids := map[string]bool{}
	for _, s := range r.Specializations {
		ids[s.ID] = true
		want := in
		want.Role = s.Role
		if s.Input.Query().Encode() != want.Query().Encode() {
			t.Errorf("specialization %s changes more than the role: %s", s.ID, s.Input.Query().Encode())
		}
		e, _ := Estimate(want)
		if s.Estimate != e.Estimate || s.Low != e.Low || s.High != e.High {
			t.Errorf("specialization %s (%s): %d, Estimate says %d", s.ID, s.Role, s.Estimate, e.Estimate)
		}
		if r.Current+s.Difference != s.Estimate {
			t.Errorf("specialization %s: current %d + %d ≠ %d", s.ID, r.Current, s.Difference, s.Estimate)
		}
		checkDiffKey(t, s.DiffKey, s.Difference, s.Input, in)
		known("specialization", s.Why.Key)
		cited(s.Sources)
	}
	for _, id := range []string{"cybersecurity", "ehr", "analytics", "project-management"} {
		if !ids[id] {
			t.Errorf("specialization %s missing", id)
		}
	}
	for _, m := range r.Assumptions {
		known("assumption", m.Key)
	}
}

func checkDiffKey(t *testing.T, key string, d int, x, own Input) {
	t.Helper()
	want := DiffSame
	switch {
	case x.Query().Encode() == own.Query().Encode():
		want = DiffCurrent
	case d > 0:
		want = DiffMore
	case d < 0:
		want = DiffLess
	}
	if key != want {
		t.Errorf("difference %d keyed %q, want %q", d, key, want)
	}
}

func TestPathways(t *testing.T) {
	tests := []struct {
		name string
		in   Input
		mine Background
		note string
	}{
		{"default profile, new to both", Default(), BackgroundNew, "pathways.mine.bg.new"},
		{"Ohio, chosen clinical background", Input{Role: "ehr-analyst", State: "OH", Years: 3, Education: EduBachelor,
			Employer: EmployerHospital, Background: BackgroundClinical, Prior: 8}, BackgroundClinical, "pathways.mine.bg.clinical"},
		{"a nurse by current job, background left new", Input{Role: "informatics", State: "TX", Years: 0, Education: EduAssociate,
			Employer: EmployerAny, Background: BackgroundNew, From: "registered-nurse"}, BackgroundClinical, "pathways.mine.from.clinical"},
		{"IT people in a metro, with certifications", Input{Role: "security-analyst", State: "MA", Metro: "14460", Years: 12,
			Education: EduMaster, Employer: EmployerVendor, Certs: []Cert{CertCCNA, CertSecurityPlus}, Background: BackgroundIT,
			Prior: 10, From: "network-support"}, BackgroundIT, "pathways.mine.from.it"},
		{"a doctorate is never lowered", Input{Role: "data-analyst", State: "CA", Years: 20, Education: EduDoctorate,
			Employer: EmployerConsulting, Certs: []Cert{CertEpic, CertPMP, CertCISSP}, Background: BackgroundIT, Prior: 3}, BackgroundIT, "pathways.mine.bg.it"},
		{"a billing clerk: neither field", Input{Role: "medical-records", State: "WY", Years: 1, Education: EduHS,
			Employer: EmployerClinic, Background: BackgroundClinical, From: "billing-clerk"}, BackgroundNew, "pathways.mine.from.new"},
		{"a catalogue role as current job", Input{Role: "it-manager", State: "DC", Years: 9, Education: EduBachelor,
			Employer: EmployerAny, Background: BackgroundNew, From: "database-admin"}, BackgroundIT, "pathways.mine.from.it"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Pathways(tc.in)
			if err != nil {
				t.Fatalf("Pathways(%+v): %v", tc.in, err)
			}
			if r.Mine != tc.mine || r.MineNote.Key != tc.note {
				t.Errorf("Mine = %s (%s), want %s (%s)", r.Mine, r.MineNote.Key, tc.mine, tc.note)
			}
			checkPathways(t, tc.in, r)
		})
	}
}

func TestPathwaysRefusesBadInput(t *testing.T) {
	in := Default()
	in.Role = "astronaut"
	if _, err := Pathways(in); err == nil {
		t.Fatal("Pathways of an unknown role: no error")
	}
}

// TestPathwaysPriorOnOwnPathOnly: years in a previous field count on the path of that
// field and nowhere else.
func TestPathwaysPriorOnOwnPathOnly(t *testing.T) {
	in := Input{Role: "ehr-analyst", State: "US", Years: 2, Education: EduBachelor, Employer: EmployerAny,
		Background: BackgroundClinical, Prior: 12}
	r, err := Pathways(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range r.Paths {
		for _, s := range p.Steps {
			if want := map[bool]int{true: 12, false: 0}[p.Path == BackgroundClinical]; s.Input.Prior != want {
				t.Errorf("%s path, %s: prior %d, want %d", p.Path, s.Role, s.Input.Prior, want)
			}
		}
	}
}

func TestNeighbours(t *testing.T) {
	for _, ri := range Roles() {
		own := outlook(ri.SOC)
		ns := Neighbours(ri.Slug)
		if len(ns) > maxNeighbours {
			t.Errorf("%s: %d neighbours, over %d", ri.Slug, len(ns), maxNeighbours)
		}
		socs := map[string]bool{}
		for i, n := range ns {
			nr, _ := LookupRole(n.Role)
			if nr.SOC == ri.SOC || socs[nr.SOC] {
				t.Errorf("%s: neighbour %s repeats occupation %s", ri.Slug, n.Role, nr.SOC)
			}
			socs[nr.SOC] = true
			if n.Outlook != outlook(nr.SOC) || !n.Outlook.National {
				t.Errorf("%s: neighbour %s outlook %+v, want its national projection", ri.Slug, n.Role, n.Outlook)
			}
			if n.Outlook.GrowthPercent <= own.GrowthPercent {
				t.Errorf("%s (%.1f%%): neighbour %s grows %.1f%%, not faster", ri.Slug, own.GrowthPercent, n.Role, n.Outlook.GrowthPercent)
			}
			if i > 0 && n.Outlook.GrowthPercent > ns[i-1].Outlook.GrowthPercent {
				t.Errorf("%s: neighbours not fastest first: %v", ri.Slug, ns)
			}
			if !slices.Contains([]string{"security", "management", "related"}, n.Kind) {
				t.Errorf("%s: neighbour kind %q", ri.Slug, n.Kind)
			}
		}
	}
	// Named cases: the guide's pairing of health IT with security and management.
	kinds := map[string]bool{}
	for _, n := range Neighbours("ehr-analyst") {
		kinds[n.Kind] = true
	}
	if !kinds["security"] || !kinds["management"] {
		t.Errorf("EHR analyst's neighbours %v lack security or management", Neighbours("ehr-analyst"))
	}
	if ns := Neighbours("data-analyst"); len(ns) != 0 {
		t.Errorf("data scientists grow fastest of the catalogue, yet neighbours %v", ns)
	}
	if Neighbours("astronaut") != nil {
		t.Error("an unknown role has neighbours")
	}
}

func TestOutlookCompare(t *testing.T) {
	for soc, p := range projectionRows {
		o := outlook(soc)
		want := CompareSame
		if p.ChangePct > AllOccupationsGrowth {
			want = CompareAbove
		} else if p.ChangePct < AllOccupationsGrowth {
			want = CompareBelow
		}
		if o.Compare != want {
			t.Errorf("%s: %.1f%% against %.1f%%: %q, want %q", soc, p.ChangePct, AllOccupationsGrowth, o.Compare, want)
		}
	}
	if o := outlook("15-1212"); o.Compare != CompareAbove {
		t.Errorf("information security analysts (+28.5%%): %q", o.Compare)
	}
	if o := outlook("15-1232"); o.Compare != CompareBelow {
		t.Errorf("computer user support (−3.7%%): %q", o.Compare)
	}
}

// FuzzPathways checks the pathway properties (checkPathways) on any valid profile built
// as FuzzEstimate builds one.
func FuzzPathways(f *testing.F) {
	f.Add(uint8(4), uint8(1), 8, uint8(2), uint16(0x10), uint8(1), 0, uint8(0))
	f.Add(uint8(7), uint8(21), 45, uint8(5), uint16(0x1ff), uint8(2), 45, uint8(12))
	f.Add(uint8(3), uint8(36), 0, uint8(0), uint16(0), uint8(0), 3, uint8(1))
	f.Fuzz(func(t *testing.T, ri, ai uint8, years int, ei uint8, cb uint16, bi uint8, prior int, oi uint8) {
		in := Input{
			Role:       roles[int(ri)%len(roles)].Slug,
			State:      areas[int(ai)%len(areas)].Code,
			Years:      clampYears(years),
			Education:  educations[int(ei)%len(educations)],
			Employer:   EmployerAny,
			Background: backgrounds[int(bi)%len(backgrounds)],
			Prior:      clampYears(prior),
		}
		if all := Origins(); int(oi)%(len(all)+1) > 0 {
			in.From = all[int(oi)%(len(all)+1)-1].Slug
		}
		for i, c := range certs {
			if cb&(1<<i) != 0 {
				in.Certs = append(in.Certs, c)
			}
		}
		r, err := Pathways(in)
		if err != nil {
			t.Fatalf("Pathways(%+v): %v", in, err)
		}
		checkPathways(t, in, r)
	})
}

// BenchmarkPathways measures the pathways of one profile: 15 full Estimates (the
// person's, nine steps, five specializations) and their keys. The page computes it only
// when the scenario shown by the slow panels changes.
func BenchmarkPathways(b *testing.B) {
	for b.Loop() {
		if _, err := Pathways(benchInput); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNeighbours measures the outlook's neighbours of one role.
func BenchmarkNeighbours(b *testing.B) {
	for b.Loop() {
		_ = Neighbours(benchInput.Role)
	}
}
