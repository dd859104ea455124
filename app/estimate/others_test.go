package estimate

import "testing"

// TestOtherFigures checks the table of other publishers' figures against the source
// guides' numbers, and that each row is complete: a reason, a range that holds its
// central figure, unique IDs, and copies that do not alias the table.
func TestOtherFigures(t *testing.T) {
	want := map[string][]int{ // the guides' figures, in order
		"payscale":             {75500, 53000, 112000},
		"salarycom":            {71880, 64900, 79800},
		"glassdoor":            {89800},
		"himss-2013":           {113269, 95000, 86536, 109468, 189435},
		"bls-cism-health-2023": {170190},
	}
	got := OtherFigures()
	if len(got) != len(want) {
		t.Fatalf("%d figures, want %d", len(got), len(want))
	}
	seen := map[string]bool{}
	for _, f := range got {
		if seen[f.ID] {
			t.Errorf("%s twice", f.ID)
		}
		seen[f.ID] = true
		var nums []int
		for _, p := range f.Points {
			nums = append(nums, p.Value)
		}
		if f.Low != 0 {
			nums = append(nums, f.Low, f.High)
			if f.Low > f.Points[0].Value || f.High < f.Points[0].Value {
				t.Errorf("%s: range %d–%d does not hold %d", f.ID, f.Low, f.High, f.Points[0].Value)
			}
		}
		w := want[f.ID]
		if len(nums) != len(w) {
			t.Errorf("%s: figures %v, want %v", f.ID, nums, w)
			continue
		}
		for i := range w {
			if nums[i] != w[i] {
				t.Errorf("%s: figures %v, want %v", f.ID, nums, w)
			}
		}
		if f.Publisher == "" || f.JobTitle == "" || f.Via == "" || len(f.Reasons) == 0 {
			t.Errorf("%s: incomplete: %+v", f.ID, f)
		}
	}
	got[0].Points[0].Value = 1
	if OtherFigures()[0].Points[0].Value == 1 {
		t.Error("OtherFigures returns the table itself")
	}
}
