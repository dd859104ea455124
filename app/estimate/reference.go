package estimate

import "fmt"

// Reference returns the reference profile of a role in an area, the scenario a page
// about that role (and state) shows: ReferenceYears of experience, the role's typical
// education for entry (RoleInfo.Typical), any employer, new to the field, no
// certifications and no current job. It is the profile at which the estimate sits close
// to the occupation's published median, so the page's figure is the plain answer to
// "what does this role pay here". area is a USPS code or "US"; an unknown role or area
// is an error.
func Reference(role Role, area string) (Input, error) {
	ri, ok := LookupRole(role)
	if !ok {
		return Input{}, fmt.Errorf("estimate: unknown role %q", role)
	}
	if _, ok := LookupArea(area); !ok {
		return Input{}, fmt.Errorf("estimate: unknown area %q", area)
	}
	return Input{Role: ri.Slug, State: area, Years: ReferenceYears, Education: ri.Typical,
		Employer: EmployerAny, Background: BackgroundNew}, nil
}
