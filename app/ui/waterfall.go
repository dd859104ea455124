package ui

import (
	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Waterfall draws the breakdown as a chart: from the role's median in the state, one
// bar per factor from the running figure to the next, to the estimate. It shows the
// model's Result.Factors as they are (a factor that does not apply is a $0 tick), so
// the breakdown table is its text equivalent; the chart's name says so.
//
// The base and the estimate are markers, not bars from zero: the axis starts near the
// lowest running figure, so that factors of a few percent can be seen.
type Waterfall struct {
	app.Compo

	Lang    text.Lang         // language of every string
	Factors []estimate.Factor // Result.Factors, the base first
	Total   int               // Result.Estimate, the sum of the factors' dollars
}

// Waterfall geometry in SVG user units. Each row is a label line and a bar under it,
// so the labels get the chart's whole width, also on a phone.
const (
	wfW, wfRow    = 600.0, 52.0
	wfText        = 8.0         // where the labels start
	wfLeft, wfEnd = 36.0, 564.0 // the plot, inset so the axis labels fit
	wfBar         = 16.0
	wfAxis        = 34.0
)

// Render draws the chart.
func (c *Waterfall) Render() app.UI {
	t := text.For(c.Lang)
	return safeRender(t, func() app.UI {
		if len(c.Factors) == 0 {
			return nil
		}
		// The running figure before and after each factor.
		run := make([]int, 0, len(c.Factors)+1)
		run = append(run, c.Factors[0].Dollars)
		for _, f := range c.Factors[1:] {
			run = append(run, run[len(run)-1]+f.Dollars)
		}
		ticks := niceTicks(float64(minOf(run...)), float64(maxOf(run...)), 4)
		sc := newScale(wfLeft, wfEnd, ticks[0], ticks[len(ticks)-1])
		rows := len(c.Factors) + 1
		hgt := float64(rows)*wfRow + wfAxis

		els := make([]app.UI, 0, 2*len(ticks)+4*rows)
		for _, v := range ticks {
			x := num(sc.at(v))
			els = append(els,
				svgEl("line").Class("chart-grid").Attr("x1", x).Attr("x2", x).Attr("y1", "0").Attr("y2", num(hgt-wfAxis+4)),
				svgEl("text").Class("chart-label", "chart-label--x").Attr("x", x).Attr("y", num(hgt-wfAxis+10)).
					Text(tickLabel(t, int(v))),
			)
		}
		marker := func(i int, label string, v int) {
			y := float64(i) * wfRow
			x := num(sc.at(float64(v)))
			els = append(els,
				svgEl("text").Class("wf-label").Attr("x", num(wfText)).Attr("y", num(y+18)).Text(label),
				svgEl("line").Class("wf-mark").Attr("x1", x).Attr("x2", x).Attr("y1", num(y+24)).Attr("y2", num(y+24+wfBar+6)),
			)
		}
		marker(0, factorName(t, c.Factors[0].Kind)+": "+t.Money(run[0]), run[0])
		for i, f := range c.Factors[1:] {
			y := float64(i+1) * wfRow
			x0, x1 := sc.at(float64(run[i])), sc.at(float64(run[i+1]))
			class := "wf-bar wf-bar--up"
			switch {
			case f.Dollars < 0:
				class = "wf-bar wf-bar--down"
				x0, x1 = x1, x0
			case f.Dollars == 0:
				class = "wf-bar wf-bar--zero"
			}
			els = append(els,
				svgEl("text").Class("wf-label").Attr("x", num(wfText)).Attr("y", num(y+18)).
					Text(factorName(t, f.Kind)+": "+t.SignedMoney(f.Dollars)),
				svgEl("rect").Class(class).Attr("x", num(x0)).Attr("y", num(y+27)).
					Attr("width", num(max(x1-x0, 2))).Attr("height", num(wfBar)),
				// The connector from the previous figure down to this bar.
				svgEl("line").Class("wf-link").Attr("x1", num(sc.at(float64(run[i])))).Attr("x2", num(sc.at(float64(run[i])))).
					Attr("y1", num(y-wfRow+24)).Attr("y2", num(y+27+wfBar)),
			)
		}
		marker(rows-1, t.T("breakdown.total")+": "+t.Money(c.Total), c.Total)

		return h("section|id=waterfall|class=card|aria-labelledby=waterfall-title|data-testid=waterfall",
			ht("h2|id=waterfall-title", t.T("waterfall.title")),
			h("figure|class=chart waterfall",
				svgEl("svg").Class("chart__svg waterfall__svg").Attr("viewBox", "0 0 "+num(wfW)+" "+num(hgt)).
					Role("img").Aria("labelledby", "waterfall-summary").Body(els...),
				ht("figcaption|id=waterfall-summary|class=help", t.F("waterfall.summary",
					"base", t.Money(run[0]), "estimate", t.Money(c.Total))),
			),
		)
	})
}
