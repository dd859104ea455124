package ui

import (
	"strings"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// OthersPanel is "What other sources report": the pay figures people meet on salary
// sites and in surveys (estimate.OtherFigures), each with its publisher, the job it
// describes, its date and one sentence on why it differs from this estimate, shown beside
// the estimate and never mixed into it.
type OthersPanel struct {
	app.Compo

	Lang     text.Lang // language of every string
	Estimate int       // this estimate, for the sentence that sets them apart
}

// Render draws the panel.
func (c *OthersPanel) Render() app.UI {
	t := text.For(c.Lang)
	return safeRender(t, func() app.UI { return c.render(t) })
}

func (c *OthersPanel) render(t *text.Catalog) app.UI {
	figs := estimate.OtherFigures()
	rows := make([]app.UI, 0, len(figs))
	for _, f := range figs {
		points := make([]app.UI, 0, len(f.Points)+1)
		for _, p := range f.Points {
			points = append(points, box("li", "",
				app.Text(t.T("others.point."+p.Label)+" "),
				hs("strong").DataSet("value", p.Value).Text(t.Money(p.Value)),
			))
		}
		if f.High > 0 {
			points = append(points, txt("li", "others__range", t.F("others."+f.ID+".range", "low", t.Money(f.Low), "high", t.Money(f.High))))
		}
		date := t.T("others.date.none")
		if f.Date != "" {
			date = t.Period(f.Date)
		}
		reasons := make([]string, len(f.Reasons))
		for i, r := range f.Reasons {
			reasons[i] = string(r)
		}
		rows = append(rows, hs("tr").DataSet("other", f.ID).DataSet("reasons", strings.Join(reasons, " ")).Body(
			hs("th|scope=row").Body(
				app.Text(otherPublisher(t, f)),
				txt("span", "others__job", f.JobTitle),
			),
			box("td", "", box("ul", "others__points", points...)),
			box("td", "",
				app.Text(date),
				txt("span", "others__via", t.F("others.via", "via", otherVia(t, f))),
			),
			txt("td", "", t.T("others."+f.ID+".why")),
		))
	}
	return hs("section|id=others|class=card others|data-testid=other-sources").Attr("aria-labelledby", "others-title").Body(
		hs("h2|id=others-title").Text(t.T("others.title")),
		txt("p", "others__intro", t.F("others.intro", "estimate", t.Money(c.Estimate))),
		h("div|class=table-scroll|tabindex=0|role=region|aria-labelledby=others-caption",
			hs("table|class=others__table").Body(
				hs("caption|id=others-caption").Text(t.T("others.caption")),
				h("thead", h("tr",
					hs("th|scope=col").Text(t.T("others.col.publisher")),
					hs("th|scope=col").Text(t.T("others.col.figures")),
					hs("th|scope=col").Text(t.T("others.col.date")),
					hs("th|scope=col").Text(t.T("others.col.why")),
				)),
				h("tbody", rows...),
			),
		),
	)
}

// otherPublisher is the publisher of a figure in the reader's language: the catalogue's
// name for it where it has one (others.<id>.publisher: a public agency, whose name is
// translated), else the model's, a company's name, which is the same in every language.
func otherPublisher(t *text.Catalog, f estimate.OtherFigure) string {
	if s, ok := t.Lookup("others." + f.ID + ".publisher"); ok {
		return s
	}
	return f.Publisher
}

// otherVia is the guide that quotes a figure, described in the reader's language
// (others.<id>.via; the English value is the model's Via, which TestOthersPanel checks).
func otherVia(t *text.Catalog, f estimate.OtherFigure) string {
	if s, ok := t.Lookup("others." + f.ID + ".via"); ok {
		return s
	}
	return f.Via
}
