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
	// estimate $95292, likely $82089–$111817, medium confidence
	// base          +107390
	// experience     -14740
	// transfer           +0
	// education       +6759
	// employer        -9493
	// certification   +2649
	// background      +2727
}

func ExampleEstimate_careerChanger() {
	// A registered nurse in Ohio with 12 years on the wards, moving into clinical
	// informatics with no years in IT yet.
	in := estimate.Input{Role: "informatics", State: "OH", Years: 0, Education: estimate.EduBachelor,
		Employer: estimate.EmployerHospital, Background: estimate.BackgroundClinical, Prior: 12, From: "registered-nurse"}
	r, err := estimate.Estimate(in)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range r.Factors {
		if f.Kind == estimate.FactorTransfer {
			fmt.Printf("transferable experience %+d: %s\n", f.Dollars, f.Note.Text)
		}
	}
	fmt.Printf("estimate $%d, difference %+d\n%s\n", r.Estimate, r.FromPay.Difference, r.FromPay.Note.Text)
	// Output:
	// transferable experience +28392: Half of your 12 years in clinical work count toward this role (an assumption): 6 years more experience.
	// estimate $86497, difference +3987
	// Registered nurse in Ohio: median pay $82,510 a year (BLS, May 2025).
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
