package estimate

import (
	"net/url"
	"reflect"
	"strings"
	"testing"
)

// TestExportRoundTrip writes the export of several scenarios as JSON and as CSV and reads
// each back to the same export, whose scenario is the input's and whose factors add up.
func TestExportRoundTrip(t *testing.T) {
	for _, in := range []Input{Default(),
		{Role: "security-analyst", State: "CA", Years: 10, Education: EduMaster, Employer: EmployerVendor, Certs: []Cert{CertCISSP, CertSecurityPlus}, Background: BackgroundIT},
		{Role: "informatics", State: "TX", Years: 6, Education: EduMaster, Employer: EmployerHospital, Background: BackgroundClinical, Prior: 8, From: "registered-nurse"},
	} {
		r, err := Estimate(in)
		if err != nil {
			t.Fatal(err)
		}
		e := NewExport(r)
		for name, data := range map[string][]byte{"json": e.JSON(), "csv": e.CSV()} {
			got, err := ParseExport(data)
			if err != nil {
				t.Fatalf("%s: ParseExport: %v\n%s", name, err, data)
			}
			if !reflect.DeepEqual(got, e) {
				t.Errorf("%s round trip:\n got %+v\nwant %+v", name, got, e)
			}
			back, _ := FromQuery(mustParse(t, got.Query))
			if back.Query().Encode() != r.Input.Query().Encode() {
				t.Errorf("%s: scenario %s, want %s", name, got.Query, r.Input.Query().Encode())
			}
		}
	}
}

func TestParseExportRejects(t *testing.T) {
	r, _ := Estimate(Default())
	good := string(NewExport(r).CSV())
	for name, data := range map[string]string{
		"empty":       "",
		"not csv":     "\"unterminated",
		"other":       strings.Replace(good, ExportFormat, "spreadsheet", 1),
		"version 2":   strings.Replace(good, "version,1", "version,2", 1),
		"bad query":   strings.Replace(good, "role=ehr-analyst", "role=nurse", 1),
		"not summing": strings.Replace(good, "estimate,", "estimate,1", 1),
		"bad number":  strings.Replace(good, "low,", "low,x", 1),
		"json junk":   `{"format": 3}`,
		"extra":       good + "surprise,1\n",
	} {
		if _, err := ParseExport([]byte(data)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func mustParse(t *testing.T, q string) url.Values {
	t.Helper()
	v, err := url.ParseQuery(q)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
