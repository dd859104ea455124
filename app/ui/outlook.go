package ui

import (
	"strconv"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// OutlookPanel is the BLS employment projection for the role's occupation: growth in
// percent and in words, openings per year, the average of all occupations (the model
// says how the role compares, Outlook.Compare), and the related occupations projected
// to grow faster (estimate.Neighbours), all national.
type OutlookPanel struct {
	app.Compo

	Lang    text.Lang        // language of every string
	Role    estimate.Role    // the role, whose faster-growing neighbours are listed
	Outlook estimate.Outlook // the projection; zero if there is none
	Brief   bool             // leave the neighbours out (a compact embed: they guide to other roles)
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
		wording := wordingText(t, o)
		compare := "outlook.compare." + o.Compare
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
			app.If(!c.Brief, func() app.UI { return neighbours(t, o, estimate.Neighbours(c.Role)) }),
		)
	})
}

// neighbours lists the related occupations the model finds projected to grow faster
// than the role's, each with its growth, wording and openings, labelled national.
func neighbours(t *text.Catalog, o estimate.Outlook, ns []estimate.Neighbour) app.UI {
	items := make([]app.UI, 0, len(ns))
	for _, n := range ns {
		no := n.Outlook
		items = append(items, elc("li", "neighbour").DataSet("role", string(n.Role)).DataSet("kind", n.Kind).
			DataSet("growth", strconv.FormatFloat(no.GrowthPercent, 'f', -1, 64)).DataSet("openings", no.OpeningsPerYear).Body(
			box("p", "neighbour__head",
				txt("strong", "", roleName(t, n.Role)),
				app.Text(" "),
				txt("span", "tag", t.T("outlook.neighbours.kind."+n.Kind)),
				app.Text(" "),
				txt("span", "tag tag--national", t.T("outlook.neighbours.national")),
			),
			txt("p", "neighbour__figures", t.F("outlook.neighbours.value", "growth", t.SignedPercent(no.GrowthPercent, 1),
				"wording", wordingText(t, no), "n", t.Int(no.OpeningsPerYear))),
		))
	}
	return h("div|class=outlook__neighbours|data-testid=outlook-neighbours",
		ht("h3|id=outlook-neighbours-title", t.T("outlook.neighbours.title")),
		txt("p", "help", t.F("outlook.neighbours.intro", "period", o.Period)),
		app.If(len(items) == 0, func() app.UI { return txt("p", "", t.T("outlook.neighbours.none")) }).
			Else(func() app.UI { return box("ul", "neighbours", items...) }),
	)
}
