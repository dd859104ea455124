package estimate

import (
	"math"
	"net/url"
	"testing"
)

func factor(r Result, k FactorKind) Factor {
	for _, f := range r.Factors {
		if f.Kind == k {
			return f
		}
	}
	return Factor{}
}

func TestTransferableExperience(t *testing.T) {
	base := Input{Role: "informatics", State: "OH", Years: 2, Education: EduBachelor, Employer: EmployerAny}
	tests := []struct {
		name     string
		bg       Background
		role     Role
		prior    int
		key      string
		applies  bool
		wantYrs  float64 // the experience the estimate should equal, years + credited
		evidence Evidence
	}{
		{"no prior years", BackgroundClinical, "informatics", 0, "note.transfer.none", false, 2, EvidenceNone},
		{"clinical years toward a clinical-facing role", BackgroundClinical, "informatics", 10, "note.transfer.counted", true, 7, EvidenceAssumption},
		{"IT years toward an IT role", BackgroundIT, "security-analyst", 6, "note.transfer.counted", true, 5, EvidenceAssumption},
		{"clinical years toward an IT-only role", BackgroundClinical, "security-analyst", 10, "note.transfer.nofit", false, 2, EvidenceNone},
		{"IT years toward medical records", BackgroundIT, "medical-records", 10, "note.transfer.nofit", false, 2, EvidenceNone},
		{"prior years with no field", BackgroundNew, "informatics", 10, "note.transfer.nofield", false, 2, EvidenceNone},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := base
			in.Role, in.Background, in.Prior = tc.role, tc.bg, tc.prior
			r, err := Estimate(in)
			if err != nil {
				t.Fatal(err)
			}
			f := factor(r, FactorTransfer)
			if f.Note.Key != tc.key || f.Applies != tc.applies || f.Evidence != tc.evidence {
				t.Errorf("%+v: transfer factor %q applies %v evidence %q, want %q %v %q", in, f.Note.Key, f.Applies, f.Evidence, tc.key, tc.applies, tc.evidence)
			}
			// Credited years act exactly like years of experience: the same profile with
			// years + credited and no prior years has the same estimate (background
			// premium aside, which both share).
			if tc.wantYrs == math.Trunc(tc.wantYrs) {
				same := in
				same.Years, same.Prior = int(tc.wantYrs), 0
				s, _ := Estimate(same)
				if s.Estimate != r.Estimate {
					t.Errorf("%+v: estimate %d, want %d as for %d years", in, r.Estimate, s.Estimate, same.Years)
				}
			}
		})
	}
}

func TestFromPay(t *testing.T) {
	tests := []struct {
		name     string
		from     Origin
		state    string
		median   int // from data/oews_origins_2025.csv or oews_2025.csv
		fallback bool
	}{
		{"registered nurse in Ohio", "registered-nurse", "OH", 82510, false},
		{"registered nurse nationally", "registered-nurse", "US", 97550, false},
		{"web developer nationally", "web-developer", "US", 92650, false},
		{"a catalogue role as origin", "it-support", "US", 61860, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := Default()
			in.State, in.From = tc.state, tc.from
			r, err := Estimate(in)
			if err != nil {
				t.Fatal(err)
			}
			fp := r.FromPay
			if fp == nil {
				t.Fatalf("%+v: no FromPay", in)
			}
			if fp.Median != tc.median || fp.Fallback != tc.fallback || fp.Difference != r.Estimate-tc.median {
				t.Errorf("%+v: FromPay %+v, want median %d fallback %v difference %d", in, fp, tc.median, tc.fallback, r.Estimate-tc.median)
			}
		})
	}
	// A cell BLS suppressed falls back to the national median and says so.
	for k, row := range originWages {
		if row.Median != 0 || k.Area == "US" {
			continue
		}
		var o OriginInfo
		for _, x := range origins {
			if x.SOC == k.SOC {
				o = x
			}
		}
		in := Default()
		in.State, in.From = k.Area, o.Slug
		r, _ := Estimate(in)
		if r.FromPay == nil || !r.FromPay.Fallback || r.FromPay.Median != originWages[areaSOC{"US", k.SOC}].Median || r.FromPay.Note.Key != "note.from.fallback" {
			t.Errorf("%+v: suppressed cell gave %+v", in, r.FromPay)
		}
		break
	}
	if r, _ := Estimate(Default()); r.FromPay != nil {
		t.Errorf("no from, but FromPay %+v", r.FromPay)
	}
}

func TestEmployerFromIndustryWages(t *testing.T) {
	tests := []struct {
		name     string
		role     Role
		employer Employer
		naics    string
		evidence Evidence
	}{
		{"analyst in a hospital", "ehr-analyst", EmployerHospital, "622000", EvidenceOfficial},
		{"analyst in a clinic", "ehr-analyst", EmployerClinic, "621000", EvidenceOfficial},
		{"analyst at a vendor: software publishers, 2025", "ehr-analyst", EmployerVendor, "513200", EvidenceOfficial},
		{"support at a vendor: publishing, 2024, half", "it-support", EmployerVendor, "513000", EvidenceDerived},
		{"analyst at a consultancy: systems design, 2025", "ehr-analyst", EmployerConsulting, "541500", EvidenceOfficial},
		{"records at a consultancy: professional services, 2024, half", "medical-records", EmployerConsulting, "541000", EvidenceDerived},
		{"records at a vendor: no BLS wages, survey", "medical-records", EmployerVendor, "", EvidenceSurvey},
		{"any employer", "ehr-analyst", EmployerAny, "", EvidenceNone},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := Default()
			in.Role, in.Employer, in.Years = tc.role, tc.employer, ReferenceYears
			ri, _ := LookupRole(tc.role)
			in.Education = ri.Typical
			r, err := Estimate(in)
			if err != nil {
				t.Fatal(err)
			}
			f := factor(r, FactorEmployer)
			if f.Evidence != tc.evidence {
				t.Errorf("%+v: evidence %q, want %q", in, f.Evidence, tc.evidence)
			}
			if tc.naics == "" {
				return
			}
			row := industryWages[industrySOC{tc.naics, ri.SOC}]
			// At the median profile the employer step moves the median by the published
			// ratio (read off the distribution, so to within a few dollars of rounding).
			ratio := float64(row.Mean) / float64(row.AllMean)
			if tc.evidence == EvidenceDerived {
				ratio = math.Sqrt(ratio) // half the log gap
			}
			want := float64(r.Spread.P50) * (ratio - 1)
			if math.Abs(float64(f.Dollars)-want) > 0.01*float64(r.Spread.P50) {
				t.Errorf("%+v: employer effect %d, want about %.0f (ratio %d/%d)", in, f.Dollars, want, row.Mean, row.AllMean)
			}
			if f.Sources[0] != row.Source {
				t.Errorf("%+v: first source %q, want %q", in, f.Sources[0], row.Source)
			}
		})
	}
}

func TestFromQueryOver(t *testing.T) {
	preset := Input{Role: "it-manager", State: "NY", Years: 12, Education: EduMaster, Employer: EmployerHospital,
		Background: BackgroundIT, Prior: 4, From: "web-developer"}
	tests := []struct {
		name  string
		query string
		want  func(Input) Input
		codes []ErrorCode
	}{
		{"empty query keeps the base", "", func(in Input) Input { return in }, nil},
		{"one field", "state=oh", func(in Input) Input { in.State = "OH"; return in }, nil},
		{"a bad field keeps the base's value", "role=nurse", func(in Input) Input { return in }, []ErrorCode{CodeUnknown}},
		{"years clamp", "years=99", func(in Input) Input { in.Years = MaxYears; return in }, []ErrorCode{CodeRange}},
		{"prior read and clamped", "prior=-2", func(in Input) Input { in.Prior = 0; return in }, []ErrorCode{CodeRange}},
		{"from cleared by none", "from=none", func(in Input) Input { in.From = ""; return in }, nil},
		{"from cleared by empty", "from=", func(in Input) Input { in.From = ""; return in }, nil},
		{"unknown from keeps the base", "from=astronaut", func(in Input) Input { return in }, []ErrorCode{CodeUnknown}},
		{"some college", "edu=Some-College", func(in Input) Input { in.Education = EduSomeCollege; return in }, nil},
		{"empty certs clears", "certs=", func(in Input) Input { in.Certs = nil; return in }, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q, _ := url.ParseQuery(tc.query)
			got, errs := FromQueryOver(preset, q)
			want := tc.want(preset)
			if got.Query().Encode() != want.Query().Encode() {
				t.Errorf("FromQueryOver(preset, %q) = %+v, want %+v", tc.query, got, want)
			}
			if len(errs) != len(tc.codes) {
				t.Fatalf("FromQueryOver(preset, %q) errors %v, want codes %v", tc.query, errs, tc.codes)
			}
			for i, e := range errs {
				if e.Code != tc.codes[i] {
					t.Errorf("error %d: %v, want code %s", i, e, tc.codes[i])
				}
			}
		})
	}
	// A damaged base is repaired field by field, never passed through.
	bad := preset
	bad.Role, bad.Years, bad.From = "nope", 400, "nope"
	got, _ := FromQueryOver(bad, nil)
	if err := Validate(got); err != nil || got.Role != Default().Role || got.Years != MaxYears || got.From != "" {
		t.Errorf("repair of %+v gave %+v (%v)", bad, got, err)
	}
}

func TestParseYears(t *testing.T) {
	tests := []struct {
		raw  string
		want int
		code ErrorCode // "" for none
	}{
		{"7", 7, ""}, {" 12 ", 12, ""}, {"", 3, CodeFormat}, {"seven", 3, CodeFormat},
		{"7.5", 3, CodeFormat}, {"-1", 0, CodeRange}, {"46", 45, CodeRange}, {"1e308", 3, CodeRange},
	}
	for _, tc := range tests {
		got, err := ParseYears(ParamYears, tc.raw, 3)
		code := ErrorCode("")
		if err != nil {
			code = err.Code
		}
		if got != tc.want || code != tc.code {
			t.Errorf("ParseYears(%q, 3) = %d, %v; want %d, code %q", tc.raw, got, err, tc.want, tc.code)
		}
	}
}

func TestSharedSeriesAndLaterRoles(t *testing.T) {
	r, _ := Estimate(Input{Role: "informatics", State: "US", Years: 3, Education: EduBachelor, Employer: EmployerAny, Background: BackgroundNew})
	e, _ := Estimate(Input{Role: "ehr-analyst", State: "US", Years: 3, Education: EduBachelor, Employer: EmployerAny, Background: BackgroundNew})
	if r.Estimate != e.Estimate {
		t.Fatalf("informatics %d and EHR analyst %d should share the 15-1211 series", r.Estimate, e.Estimate)
	}
	if !hasNote(r.Notes, "note.role.shared") || !hasNote(r.Notes, "note.role.proxy") {
		t.Errorf("informatics notes %+v, want the shared-series note", r.Notes)
	}
	pm, _ := Estimate(Input{Role: "it-project-manager", State: "US", Years: 3, Education: EduBachelor, Employer: EmployerAny, Background: BackgroundNew})
	if !hasNote(pm.Notes, "note.role.later") {
		t.Errorf("IT project manager at 3 years: notes %+v, want the usually-reached-later note", pm.Notes)
	}
}

func TestEvidenceLabels(t *testing.T) {
	r, _ := Estimate(Input{Role: "ehr-analyst", State: "TX", Years: 5, Education: EduMaster, Employer: EmployerHospital,
		Certs: []Cert{CertEpic}, Background: BackgroundClinical, Prior: 4})
	want := map[FactorKind]Evidence{
		FactorBase: EvidenceOfficial, FactorExperience: EvidenceDerived, FactorTransfer: EvidenceAssumption,
		FactorEducation: EvidenceDerived, FactorEmployer: EvidenceOfficial, FactorCertification: EvidenceAssumption,
		FactorBackground: EvidenceAssumption,
	}
	for _, f := range r.Factors {
		if f.Evidence != want[f.Kind] {
			t.Errorf("factor %s: evidence %q, want %q", f.Kind, f.Evidence, want[f.Kind])
		}
		for _, id := range f.Sources {
			s, ok := LookupSource(id)
			if !ok {
				t.Errorf("factor %s cites unknown source %q", f.Kind, id)
			}
			// Official evidence rests on official sources first.
			if f.Evidence == EvidenceOfficial && id == f.Sources[0] && s.Evidence != EvidenceOfficial {
				t.Errorf("factor %s is labelled official but its first source %q is %s", f.Kind, id, s.Evidence)
			}
		}
	}
}

func hasNote(ms []Message, key string) bool {
	for _, m := range ms {
		if m.Key == key {
			return true
		}
	}
	return false
}
