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
			return h("section|id=outlook|class=card",
				txt("h2", "", t.T("outlook.title.none")),
				txt("p", "", t.T("outlook.none")),
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
		return h("section|id=outlook|class=card|aria-labelledby=outlook-title",
			ht("h2|id=outlook-title", t.F("outlook.title", "period", o.Period)),
			box("p", "outlook__headline",
				txt("strong", "outlook__growth", t.SignedPercent(o.GrowthPercent, 1)),
				app.Text(" "),
				txt("span", "tag tag--wording", wording),
			),
			box("dl", "facts",
				fact(t.T("outlook.openings"), t.F("outlook.openings.value", "n", t.Int(o.OpeningsPerYear))),
				fact(t.T("outlook.employment"), t.Int(o.Employment)),
				fact(t.T("outlook.average"), t.SignedPercent(o.AverageGrowth, 1)),
			),
			txt("p", "", t.F(compare, "growth", t.SignedPercent(o.GrowthPercent, 1),
				"average", t.SignedPercent(o.AverageGrowth, 1))),
			app.If(o.National, func() app.UI {
				// Beside a state's wages, say the outlook is not that state's.
				return txt("p", "outlook__scope", t.T("outlook.national"))
			}),
		)
	})
}
