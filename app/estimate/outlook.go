package estimate

import "math"

// projectionRow is one occupation of the BLS Employment Projections table (thousands).
type projectionRow struct {
	Title      string
	Employment float64 // employment 2024, thousands
	ChangePct  float64 // percent change 2024–2034
	Openings   float64 // openings per year, thousands
}

// wording is one band of the BLS Occupational Outlook Handbook's growth wording.
type wording struct {
	Min  float64 // lowest percent change (rounded to a whole percent) in the band
	Key  string
	Text string
}

// AllOccupationsGrowth is BLS's projected employment growth for all occupations,
// 2024–2034, in percent (BLS Employment Projections, "Total, all occupations" row).
const AllOccupationsGrowth = 3.1

// growthWording maps the growth rounded to a whole percent to the Occupational Outlook
// Handbook's phrases, highest band first. BLS sets its cut-offs anew for every projection
// decade and its 2024–2034 table was not found, so these bands are the project's own (an
// assumption, source "ooh-wording"): they agree with every label BLS printed beside a
// percentage for 2022–2032 and 2024–2034 that was found (2% and 4% "As fast as average",
// 8% "Faster than average", 15%, 16% and 17% "Much faster than average").
var growthWording = []wording{
	{Min: 9, Key: "much-faster", Text: "Much faster than average"},
	{Min: 5, Key: "faster", Text: "Faster than average"},
	{Min: 2, Key: "average", Text: "About as fast as average"},
	{Min: -1, Key: "little", Text: "Little or no change"},
	{Min: math.Inf(-1), Key: "decline", Text: "Decline"},
}

// WordingKeys lists the keys of every growth wording an Outlook can carry.
func WordingKeys() []string {
	out := make([]string, len(growthWording))
	for i, w := range growthWording {
		out[i] = w.Key
	}
	return out
}

// Outlook.Compare values: an occupation's projected growth against all occupations'.
const (
	CompareAbove = "above"
	CompareSame  = "same"
	CompareBelow = "below"
)

func outlook(soc string) Outlook {
	p, ok := projectionRows[soc]
	if !ok {
		return Outlook{}
	}
	o := Outlook{
		Period:          projectionPeriod,
		GrowthPercent:   p.ChangePct,
		OpeningsPerYear: USD(p.Openings * 1000),
		Employment:      USD(p.Employment * 1000),
		Source:          srcProjections,
		National:        true,
		AverageGrowth:   AllOccupationsGrowth,
	}
	switch {
	case p.ChangePct > AllOccupationsGrowth:
		o.Compare = CompareAbove
	case p.ChangePct < AllOccupationsGrowth:
		o.Compare = CompareBelow
	default:
		o.Compare = CompareSame
	}
	g := math.Round(p.ChangePct)
	for _, w := range growthWording {
		if g >= w.Min {
			o.Wording, o.WordingKey = w.Text, w.Key
			break
		}
	}
	return o
}
