package estimate

import "testing"

var benchInput = Input{Role: "informatics", State: "CA", Years: 6, Education: EduMaster, Employer: EmployerHospital,
	Certs: []Cert{CertEpic, CertCPHIMS}, Background: BackgroundClinical}

// BenchmarkEstimate measures one full Estimate, trajectories included.
func BenchmarkEstimate(b *testing.B) {
	for b.Loop() {
		if _, err := Estimate(benchInput); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPosition measures the core: one estimate without the trajectories and text.
func BenchmarkPosition(b *testing.B) {
	ri, _ := LookupRole(benchInput.Role)
	a, _ := LookupArea(benchInput.State)
	bs, _ := lookupBase(ri, a)
	for b.Loop() {
		s := profileShifts(bs, benchInput)
		_ = bs.dist.quantile(clamp(s.z(s.experience, s.transfer), -zEstimateMax, zEstimateMax))
	}
}

// BenchmarkTrajectories measures the three 31-year trajectories alone.
func BenchmarkTrajectories(b *testing.B) {
	ri, _ := LookupRole(benchInput.Role)
	a, _ := LookupArea(benchInput.State)
	bs, _ := lookupBase(ri, a)
	for b.Loop() {
		_ = trajectories(bs, benchInput)
	}
}
