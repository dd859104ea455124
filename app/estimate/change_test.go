package estimate

import "testing"

func TestChange(t *testing.T) {
	base := Default()
	more := base
	more.Years = 12
	tests := []struct {
		name     string
		from, to Input
		wantSign int
	}{
		{"more years raise the estimate", base, more, 1},
		{"fewer years lower it", more, base, -1},
		{"no edit, no change", base, base, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			prev, err := Estimate(tt.from)
			if err != nil {
				t.Fatal(err)
			}
			next, err := Estimate(tt.to)
			if err != nil {
				t.Fatal(err)
			}
			got := next.Change(prev)
			if want := next.Estimate - prev.Estimate; got != want {
				t.Errorf("Change = %d, want %d (estimate %d from %d)", got, want, next.Estimate, prev.Estimate)
			}
			if sign(got) != tt.wantSign {
				t.Errorf("Change = %d from %+v to %+v, want sign %d", got, tt.from, tt.to, tt.wantSign)
			}
		})
	}
}

func sign(n int) int {
	switch {
	case n > 0:
		return 1
	case n < 0:
		return -1
	}
	return 0
}
