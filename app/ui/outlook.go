package ui

import (
	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// OutlookPanel is the BLS employment projection for the role's occupation: growth in
// percent and in words, openings per year, and the average of all occupations.
type OutlookPanel struct {
	app.Compo

	Lang    text.Lang        // language of every string
	Outlook estimate.Outlook // the projection; zero if there is none
}

// Render draws the panel.
func (c *OutlookPanel) Render() app.UI {
	t := text.For(c.Lang)
	return safeRender(t, func() app.UI {
		o := c.Outlook
		if o.Period == "" {
			return el("section").ID("outlook").Class("card").Body(
				el("h2").Text(t.T("outlook.title.none")),
				el("p").Text(t.T("outlook.none")),
			)
		}
		wording, ok := t.Lookup("wording." + o.WordingKey)
		if !ok {
			wording = o.Wording
		}
		compare := "outlook.compare.same"
		switch {
		case o.GrowthPercent > o.AverageGrowth:
			compare = "outlook.compare.above"
		case o.GrowthPercent < o.AverageGrowth:
			compare = "outlook.compare.below"
		}
		return el("section").ID("outlook").Class("card").Aria("labelledby", "outlook-title").Body(
			el("h2").ID("outlook-title").Text(t.F("outlook.title", "period", o.Period)),
			el("p").Class("outlook__headline").Body(
				el("strong").Class("outlook__growth").Text(t.SignedPercent(o.GrowthPercent, 1)),
				app.Text(" "),
				el("span").Class("tag tag--wording").Text(wording),
			),
			el("dl").Class("facts").Body(
				el("div").Class("fact").Body(
					el("dt").Text(t.T("outlook.openings")),
					el("dd").Text(t.F("outlook.openings.value", "n", t.Int(o.OpeningsPerYear))),
				),
				el("div").Class("fact").Body(
					el("dt").Text(t.T("outlook.employment")),
					el("dd").Text(t.Int(o.Employment)),
				),
				el("div").Class("fact").Body(
					el("dt").Text(t.T("outlook.average")),
					el("dd").Text(t.SignedPercent(o.AverageGrowth, 1)),
				),
			),
			el("p").Text(t.F(compare, "growth", t.SignedPercent(o.GrowthPercent, 1),
				"average", t.SignedPercent(o.AverageGrowth, 1))),
		)
	})
}
