package estimate

// Change is how much the estimate moved from prev to r, in whole dollars a year: positive
// when r is higher. The UI shows it after an edit ("+$4,418"), so the difference is the
// model's figure, computed once, rather than a subtraction in each view.
func (r Result) Change(prev Result) int {
	return r.Estimate - prev.Estimate
}
