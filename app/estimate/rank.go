package estimate

import "sort"

// StateRank is what one profile would be paid in one state (or DC), nominal and in
// national-average dollars.
type StateRank struct {
	Area            Area
	Estimate        int  // the estimate in the state, whole dollars per year (Result.Estimate)
	PurchasingPower int  // Estimate × 100 / RPP, as Result.PurchasingPower
	Rank            int  // 1 for the highest Estimate
	AdjustedRank    int  // 1 for the highest PurchasingPower
	Fallback        bool // BLS published no wages for the occupation there: they are estimated
	Current         bool // the state of the input
}

// Rank computes the estimate of one profile in every state and DC, the nation left out,
// ordered by Rank (highest estimate first; ties by state name). Each row's figures equal
// those of Estimate for the same input with State set to that state. It returns the
// error of Validate when in does not pass it.
func Rank(in Input) ([]StateRank, error) {
	if err := Validate(in); err != nil {
		return nil, err
	}
	in.Certs = normalCerts(in.Certs)
	ri, _ := LookupRole(in.Role)
	out := make([]StateRank, 0, len(areas)-1)
	for _, a := range areas {
		if a.Code == "US" {
			continue
		}
		b, err := lookupBase(ri, a)
		if err != nil {
			return nil, err
		}
		est := estimateAt(b, in)
		out = append(out, StateRank{Area: a, Estimate: est, PurchasingPower: USD(float64(est) * 100 / a.RPP),
			Fallback: b.fallback, Current: a.Code == in.State})
	}
	rankBy(out, func(r StateRank) int { return r.PurchasingPower }, func(r *StateRank, n int) { r.AdjustedRank = n })
	rankBy(out, func(r StateRank) int { return r.Estimate }, func(r *StateRank, n int) { r.Rank = n })
	return out, nil
}

// rankBy sorts rows by key, highest first (ties by name), and numbers them 1, 2, ... in
// that order; equal keys share the better rank.
func rankBy(rows []StateRank, key func(StateRank) int, set func(*StateRank, int)) {
	sort.SliceStable(rows, func(i, j int) bool {
		if ki, kj := key(rows[i]), key(rows[j]); ki != kj {
			return ki > kj
		}
		return rows[i].Area.Name < rows[j].Area.Name
	})
	n := 0
	for i := range rows {
		if i == 0 || key(rows[i]) != key(rows[i-1]) {
			n = i + 1
		}
		set(&rows[i], n)
	}
}

// estimateAt is Result.Estimate of in in the area of b, without the breakdown's words,
// the sources or the trajectories: the sum of the profile's moves in breakdown order,
// read off the distribution, as Estimate does.
func estimateAt(b base, in Input) int {
	s := profileShifts(b, in)
	z := clamp(s.z(s.experience, s.transfer), -zEstimateMax, zEstimateMax)
	return USD(b.dist.quantile(z))
}
