package estimate

import "math"

// areaSOC keys the wage table.
type areaSOC struct{ Area, SOC string }

// wageRow is one row of the OEWS table.
type wageRow struct {
	Pct        Percentiles
	Employment int
	Source     string
}

// zKnots are the standard-normal positions of the published percentiles 10, 25, 50, 75, 90.
var zKnots = [5]float64{-1.2815516, -0.6744898, 0, 0.6744898, 1.2815516}

// distribution is a wage distribution as log wages at zKnots.
type distribution struct{ logw [5]float64 }

func newDistribution(p Percentiles) distribution {
	w := [5]int{p.P10, p.P25, p.P50, p.P75, p.P90}
	var d distribution
	for i, v := range w {
		d.logw[i] = math.Log(float64(v))
	}
	return d
}

// quantile reads the wage at position z: linear in log wage between published percentiles
// (monotone, since the percentiles are ordered), and extended beyond the 10th and 90th
// with the slope of the outermost segment.
func (d distribution) quantile(z float64) float64 {
	i := 0
	switch {
	case z <= zKnots[1]:
		i = 0
	case z >= zKnots[3]:
		i = 3
	default:
		for i = 1; i < 3 && z > zKnots[i+1]; i++ {
		}
	}
	t := (z - zKnots[i]) / (zKnots[i+1] - zKnots[i])
	return math.Exp(d.logw[i] + t*(d.logw[i+1]-d.logw[i]))
}

// minSigma is the smallest log-pay spread per z unit used to convert pay shifts: small
// states sometimes publish tied percentiles, and a zero spread would make any shift infinite.
const minSigma = 0.05

// sigma is the log-pay spread per z unit in the middle of the distribution, used to turn a
// relative pay shift (a log ratio) into a move within the distribution. Where the middle
// half is tied it falls back to the 10th–90th spread, then to minSigma.
func (d distribution) sigma() float64 {
	s := (d.logw[3] - d.logw[1]) / (zKnots[3] - zKnots[1])
	if s < minSigma {
		s = (d.logw[4] - d.logw[0]) / (zKnots[4] - zKnots[0])
	}
	return math.Max(s, minSigma)
}

// normCDF is the standard normal distribution function.
func normCDF(z float64) float64 { return 0.5 * math.Erfc(-z/math.Sqrt2) }

func clamp(x, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, x)) }

// experienceTable holds experienceZ for every whole year of the input's range, so that
// an estimate and its trajectories need no logarithms for experience.
var experienceTable = func() (t [MaxYears + 1]float64) {
	for y := range t {
		t[y] = experienceCurve(float64(y))
	}
	return t
}()

// experienceZ is the position in the distribution after years of experience (0 to MaxYears).
func experienceZ(years int) float64 { return experienceTable[clampYears(years)] }

// experienceCurve is the position in the distribution after years of experience.
func experienceCurve(years float64) float64 {
	g := cpsShare(years)
	g0 := cpsShare(ReferenceYears)
	if years <= ReferenceYears {
		return zEntry * (1 - g/g0)
	}
	return zPlateau * (g - g0) / (1 - g0)
}

// cpsShare is the share, 0 to 1, of the CPS log-earnings gain from the first band to the
// peak reached after years of experience, interpolated linearly between band midpoints.
func cpsShare(years float64) float64 {
	lo, hi := math.Log(cpsAge[0].Weekly), math.Log(cpsAge[len(cpsAge)-1].Weekly)
	if years <= cpsAge[0].Years {
		return 0
	}
	for i := 1; i < len(cpsAge); i++ {
		a, b := cpsAge[i-1], cpsAge[i]
		if years <= b.Years {
			t := (years - a.Years) / (b.Years - a.Years)
			la, lb := math.Log(a.Weekly), math.Log(b.Weekly)
			return (la + t*(lb-la) - lo) / (hi - lo)
		}
	}
	return 1
}
