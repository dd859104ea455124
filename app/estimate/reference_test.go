package estimate

import "testing"

func TestReference(t *testing.T) {
	for _, ri := range Roles() {
		for _, a := range Areas() {
			in, err := Reference(ri.Slug, a.Code)
			if err != nil {
				t.Fatalf("Reference(%s, %s): %v", ri.Slug, a.Code, err)
			}
			if err := Validate(in); err != nil {
				t.Fatalf("Reference(%s, %s) = %+v does not validate: %v", ri.Slug, a.Code, in, err)
			}
			if in.Years != ReferenceYears || in.Education != ri.Typical || in.Employer != EmployerAny ||
				in.Background != BackgroundNew || len(in.Certs) != 0 || in.Prior != 0 || in.From != "" || in.Metro != "" {
				t.Fatalf("Reference(%s, %s) = %+v: want the reference profile", ri.Slug, a.Code, in)
			}
		}
	}
	for _, c := range []struct {
		role Role
		area string
	}{{"nurse", "OH"}, {"ehr-analyst", "oh"}, {"ehr-analyst", "XX"}, {"", ""}} {
		if _, err := Reference(c.role, c.area); err == nil {
			t.Errorf("Reference(%q, %q): no error", c.role, c.area)
		}
	}
}
