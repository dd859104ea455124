package estimate

import (
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestFromQuery(t *testing.T) {
	def := Default()
	tests := []struct {
		name   string
		query  string
		want   func(*Input) // edits applied to the defaults
		errors []string     // field:code of each expected error, in order
	}{
		{"empty query gives the defaults", "", nil, nil},
		{"full scenario", "role=security-analyst&state=CA&years=10&edu=master&employer=vendor&certs=cissp,security-plus&bg=it",
			func(in *Input) {
				*in = Input{Role: "security-analyst", State: "CA", Years: 10, Education: EduMaster, Employer: EmployerVendor,
					Certs: []Cert{CertCISSP, CertSecurityPlus}, Background: BackgroundIT}
			}, nil},
		{"slugs are case-insensitive and trimmed", "role=%20IT-Support%20&state=ny&edu=Master",
			func(in *Input) { in.Role, in.State, in.Education = "it-support", "NY", EduMaster }, nil},
		{"unknown role keeps the default", "role=astronaut", nil, []string{"role:unknown"}},
		{"script in a value is only reported", "role=%3Cscript%3Ealert(1)%3C/script%3E", nil, []string{"role:unknown"}},
		{"NaN years", "years=NaN", nil, []string{"years:format"}},
		{"huge years", "years=1e308", nil, []string{"years:range"}},
		{"infinite years", "years=-Inf", nil, []string{"years:range"}},
		{"fractional years: not whole, said so", "years=7.5", nil, []string{"years:format"}},
		{"text years", "years=ten", nil, []string{"years:format"}},
		{"too many years is clamped", "years=99", func(in *Input) { in.Years = MaxYears }, []string{"years:range"}},
		{"negative years is clamped", "years=-3", func(in *Input) { in.Years = 0 }, []string{"years:range"}},
		{"unknown and duplicate certs", "certs=pmp,foo,PMP,,cissp", func(in *Input) { in.Certs = []Cert{CertCISSP, CertPMP} }, []string{"certs:unknown"}},
		{"an overlong value is refused whole", "state=" + strings.Repeat("A", 100000), nil, []string{"state:too-long"}},
		{"the last of repeated parameters wins", "years=2&years=4", func(in *Input) { in.Years = 4 }, nil},
		{"unrelated parameters are ignored", "wasm=false&utm_source=x", nil, nil},
		{"unknown everything", "state=ZZ&edu=phd&employer=nasa&bg=law", nil,
			[]string{"state:unknown", "edu:unknown", "employer:unknown", "bg:unknown"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q, err := url.ParseQuery(tc.query)
			if err != nil {
				t.Fatal(err)
			}
			got, errs := FromQuery(q)
			want := def
			if tc.want != nil {
				tc.want(&want)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("FromQuery(%.60q) = %+v, want %+v", tc.query, got, want)
			}
			var codes []string
			for _, e := range errs {
				codes = append(codes, e.Field+":"+string(e.Code))
				if len(e.Value) > 200 || e.Error() == "" {
					t.Errorf("error %q: value too long or empty message", e.Field)
				}
			}
			if !reflect.DeepEqual(codes, tc.errors) {
				t.Errorf("FromQuery(%.60q) errors = %v, want %v", tc.query, codes, tc.errors)
			}
			if err := Validate(got); err != nil {
				t.Errorf("FromQuery(%.60q) returned an invalid input: %v", tc.query, err)
			}
		})
	}
}

func TestQueryRoundTrip(t *testing.T) {
	in := Input{Role: "informatics", State: "DC", Years: 12, Education: EduDoctorate, Employer: EmployerClinic,
		Certs: []Cert{CertCAHIMS, CertEpic, CertEpic}, Background: BackgroundClinical}
	got, errs := FromQuery(in.Query())
	in.Certs = []Cert{CertEpic, CertCAHIMS}
	if len(errs) > 0 || !reflect.DeepEqual(got, in) {
		t.Errorf("round trip: got %+v (errors %v), want %+v", got, errs, in)
	}
	if q := Default().Query().Encode(); q != "bg=new&edu=bachelor&employer=any&role=ehr-analyst&state=US&years=3" {
		t.Errorf("Default().Query() = %s", q)
	}
}

// TestNearParam: names a person may write for a parameter are near misses of it; the
// contract's own names, other parameters links carry, and names two letters off are not.
func TestNearParam(t *testing.T) {
	for _, tt := range []struct {
		name, want string
	}{
		{"Role", ParamRole}, {"STATE", ParamState}, {" years", ParamYears}, {"Certs", ParamCerts},
		{"cert", ParamCerts}, {"year", ParamYears}, {"roles", ParamRole}, {"states", ParamState}, {"employers", ParamEmployer},
		{"yaers", ParamYears}, {"yers", ParamYears}, {"yearss", ParamYears}, {"emplyer", ParamEmployer}, {"employee", ParamEmployer},
		{"form", ParamFrom}, {"metor", ParamMetro}, {"stat", ParamState}, {"rolw", ParamRole}, {"prio", ParamPrior},
		{"education", ParamEducation}, {"Education", ParamEducation}, {"degree", ParamEducation},
		{"background", ParamBackground}, {"certification", ParamCerts}, {"certifications", ParamCerts}, {"experience", ParamYears},
		{"edus", ParamEducation}, {"bgs", ParamBackground},
	} {
		if got, ok := NearParam(tt.name); !ok || got != tt.want {
			t.Errorf("NearParam(%q) = %q, %v; want %q", tt.name, got, ok, tt.want)
		}
	}
	for _, name := range []string{"", " ", "utm_source", "fbclid", "ref", "lang", "embed", "view", "theme", "accent",
		"lock", "host", "print", "ed", "b", "bgx", "eduu", "yeers2", "x", "stateside", "priority",
		strings.Repeat("y", maxParam+1)} {
		if got, ok := NearParam(name); ok {
			t.Errorf("NearParam(%q) = %q: not a near miss", name, got)
		}
	}
	for _, p := range Params() {
		if got, ok := NearParam(p); ok {
			t.Errorf("NearParam(%q) = %q: the contract's own name", p, got)
		}
	}
}

// FuzzNearParam: NearParam never panics, never takes a name of the contract for a near
// miss, and only ever names a parameter of the contract.
func FuzzNearParam(f *testing.F) {
	for _, s := range []string{"cert", "Role", "role", "yaers", "form", "print", "", "ß", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		p, ok := NearParam(name)
		if !ok {
			if p != "" {
				t.Fatalf("NearParam(%q) = %q with false", name, p)
			}
			return
		}
		if !slices.Contains(Params(), p) {
			t.Fatalf("NearParam(%q) = %q: not a parameter of the contract", name, p)
		}
		if name == p {
			t.Fatalf("NearParam(%q): the contract's own name", name)
		}
	})
}
