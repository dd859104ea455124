package estimate_test

import (
	"fmt"

	"github.com/hit-salary/hit-salary/app/estimate"
)

func ExampleEstimate() {
	in := estimate.Input{Role: "ehr-analyst", State: "TX", Years: 5, Education: estimate.EduMaster,
		Employer: estimate.EmployerHospital, Certs: []estimate.Cert{estimate.CertEpic}, Background: estimate.BackgroundClinical}
	r, err := estimate.Estimate(in)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("estimate $%d, likely $%d–$%d, %s confidence\n", r.Estimate, r.Low, r.High, r.Confidence)
	for _, f := range r.Factors {
		fmt.Printf("%-13s %+7d\n", f.Kind, f.Dollars)
	}
	// Output:
	// estimate $108736, likely $92828–$128614, medium confidence
	// base          +107390
	// experience     -14740
	// education       +6759
	// employer        +3113
	// certification   +3020
	// background      +3194
}

func ExampleFromQuery() {
	in, errs := estimate.FromQuery(map[string][]string{"role": {"it-manager"}, "years": {"NaN"}})
	fmt.Println(in.Role, in.Years)
	for _, e := range errs {
		fmt.Println(e)
	}
	// Output:
	// it-manager 3
	// years: "NaN" is not a whole number of years: enter 0 to 45; using 3
}
