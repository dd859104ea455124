package estimate

import (
	"math"
	"testing"
)

func TestRank(t *testing.T) {
	tests := []struct {
		name string
		in   Input
	}{
		{"default profile, the nation", Default()},
		{"security analyst in Ohio", Input{Role: "security-analyst", State: "OH", Years: 10, Education: EduMaster,
			Employer: EmployerVendor, Certs: []Cert{CertCISSP}, Background: BackgroundIT, Prior: 4}},
		{"medical records, new, DC", Input{Role: "medical-records", State: "DC", Years: 0, Education: EduHS,
			Employer: EmployerAny, Background: BackgroundNew}},
		{"informatics in California", benchInput},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := Rank(tt.in)
			if err != nil {
				t.Fatalf("Rank(%+v): %v", tt.in, err)
			}
			if len(rows) != 51 {
				t.Fatalf("Rank gave %d rows, want 51 (50 states and DC)", len(rows))
			}
			seen := map[string]bool{}
			current := 0
			for i, r := range rows {
				if r.Area.Code == "US" || seen[r.Area.Code] {
					t.Errorf("row %d: area %s is the nation or a duplicate", i, r.Area.Code)
				}
				seen[r.Area.Code] = true
				if i > 0 && (r.Estimate > rows[i-1].Estimate || r.Rank < rows[i-1].Rank) {
					t.Errorf("row %d (%s, %d, rank %d) out of order after %s (%d, rank %d)", i, r.Area.Code,
						r.Estimate, r.Rank, rows[i-1].Area.Code, rows[i-1].Estimate, rows[i-1].Rank)
				}
				if r.Rank < 1 || r.Rank > i+1 || r.AdjustedRank < 1 || r.AdjustedRank > 51 {
					t.Errorf("row %d (%s): ranks %d, %d out of range", i, r.Area.Code, r.Rank, r.AdjustedRank)
				}
				if want := int(math.Round(float64(r.Estimate) * 100 / r.Area.RPP)); r.PurchasingPower != want {
					t.Errorf("%s: PurchasingPower %d, want %d × 100 / %v = %d", r.Area.Code, r.PurchasingPower, r.Estimate, r.Area.RPP, want)
				}
				// Each row is what Estimate says for the same profile in that state.
				in := tt.in
				in.State = r.Area.Code
				res, err := Estimate(in)
				if err != nil {
					t.Fatal(err)
				}
				if r.Estimate != res.Estimate || r.PurchasingPower != res.PurchasingPower || r.Fallback != res.Fallback {
					t.Errorf("%s: row %+v, Estimate says %d / %d / fallback %v", r.Area.Code, r, res.Estimate, res.PurchasingPower, res.Fallback)
				}
				if r.Current != (r.Area.Code == tt.in.State) {
					t.Errorf("%s: Current = %v for input state %s", r.Area.Code, r.Current, tt.in.State)
				}
				if r.Current {
					current++
				}
			}
			if want := map[bool]int{true: 0, false: 1}[tt.in.State == "US"]; current != want {
				t.Errorf("%d rows flagged as the person's state, want %d", current, want)
			}
			// Adjusted ranks order the purchasing power.
			for _, a := range rows {
				for _, b := range rows {
					if a.PurchasingPower > b.PurchasingPower && a.AdjustedRank >= b.AdjustedRank {
						t.Errorf("%s (%d) ranks %d, not above %s (%d) at %d", a.Area.Code, a.PurchasingPower,
							a.AdjustedRank, b.Area.Code, b.PurchasingPower, b.AdjustedRank)
					}
				}
			}
		})
	}
}

func TestRankTies(t *testing.T) {
	rows := []StateRank{
		{Area: Area{Name: "B"}, Estimate: 5}, {Area: Area{Name: "A"}, Estimate: 5},
		{Area: Area{Name: "C"}, Estimate: 9}, {Area: Area{Name: "D"}, Estimate: 1},
	}
	rankBy(rows, func(r StateRank) int { return r.Estimate }, func(r *StateRank, n int) { r.Rank = n })
	got := ""
	for _, r := range rows {
		got += r.Area.Name + string(rune('0'+r.Rank))
	}
	if want := "C1A2B2D4"; got != want {
		t.Errorf("ranks %q, want %q (ties share the better rank, ordered by name)", got, want)
	}
}

func TestRankRejectsBadInput(t *testing.T) {
	in := Default()
	in.Role = "astronaut"
	if rows, err := Rank(in); err == nil || rows != nil {
		t.Errorf("Rank(role astronaut) = %d rows, %v; want an error", len(rows), err)
	}
}

// BenchmarkRank measures the whole ranking: 51 estimates without text or trajectories.
func BenchmarkRank(b *testing.B) {
	for b.Loop() {
		if _, err := Rank(benchInput); err != nil {
			b.Fatal(err)
		}
	}
}
