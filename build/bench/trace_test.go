package main

import "testing"

func TestSlowest(t *testing.T) {
	for _, tt := range []struct {
		ms   []float64
		k    int
		want string
	}{
		{nil, 5, ""},
		{[]float64{20}, 5, "#0 20.0"},
		{[]float64{70.6, 25, 30.3, 51.1, 25}, 3, "#0 70.6, #3 51.1, #2 30.3"},
		// Ties keep the run's order: the earlier edit first.
		{[]float64{25, 31, 25, 31}, 3, "#1 31.0, #3 31.0, #0 25.0"},
	} {
		if got := slowest(tt.ms, tt.k); got != tt.want {
			t.Errorf("slowest(%v, %d) = %q, want %q", tt.ms, tt.k, got, tt.want)
		}
	}
}
