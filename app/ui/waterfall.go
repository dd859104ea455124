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
//
// The page gives it the breakdown once edits pause (later.go): make bench's years edits
// took about twice the main-thread time with the chart redrawn on each of them.
type Waterfall struct {
	app.Compo

	Lang    text.Lang         // language of every string
	Factors []estimate.Factor // Result.Factors, the base first
	Total   int               // Result.Estimate, the sum of the factors' dollars
}

// Render draws the chart.
func (c *Waterfall) Render() app.UI {
	return &waterfallBody{Lang: c.Lang, Factors: c.Factors, Total: c.Total}
}

// waterfallBody is the chart of one breakdown.
type waterfallBody struct {
	app.Compo

	Lang    text.Lang         // language of every string
	Factors []estimate.Factor // Result.Factors, the base first
	Total   int               // Result.Estimate
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
func (c *waterfallBody) Render() app.UI {
	t := text.For(c.Lang)
	return safeRender(t, func() app.UI {
		if len(c.Factors) == 0 {
			return nil
		}
		// Row i goes from run[i] to run[i+1]: the base and the estimate are rows that
		// do not move (markers), each factor a bar.
		n := len(c.Factors)
		run := make([]int, 0, n+2)
		labels := make([]string, 0, n+1)
		run = append(run, c.Factors[0].Dollars, c.Factors[0].Dollars)
		labels = append(labels, factorName(t, c.Factors[0].Kind)+": "+t.Money(run[0]))
		for _, f := range c.Factors[1:] {
			run = append(run, run[len(run)-1]+f.Dollars)
			labels = append(labels, factorName(t, f.Kind)+": "+t.SignedMoney(f.Dollars))
		}
		run = append(run, c.Total)
		labels = append(labels, t.T("breakdown.total")+": "+t.Money(c.Total))

		ticks := niceTicks(float64(minOf(run...)), float64(maxOf(run...)), 4)
		sc := newScale(wfLeft, wfEnd, ticks[0], ticks[len(ticks)-1])
		hgt := float64(len(labels))*wfRow + wfAxis
		els := make([]app.UI, 0, 2*len(ticks)+3*len(labels))
		for _, v := range ticks {
			x := sc.at(v)
			els = append(els, svgLine("chart-grid", x, 0, x, hgt-wfAxis+4),
				svgText("chart-label chart-label--x", x, hgt-wfAxis+10, tickLabel(t, int(v))))
		}
		for i, label := range labels {
			y := float64(i) * wfRow
			from, to := run[i], run[i+1]
			x0, x1 := sc.at(float64(from)), sc.at(float64(to))
			els = append(els, svgText("wf-label", wfText, y+18, label))
			switch {
			case i == 0 || i == len(labels)-1:
				els = append(els, svgLine("wf-mark", x1, y+24, x1, y+24+wfBar+6))
				continue
			case to < from:
				els = append(els, svgRect("wf-bar wf-bar--down", x1, y+27, max(x0-x1, 2), wfBar))
			case to == from:
				els = append(els, svgRect("wf-bar wf-bar--zero", x0, y+27, 2, wfBar))
			default:
				els = append(els, svgRect("wf-bar wf-bar--up", x0, y+27, max(x1-x0, 2), wfBar))
			}
			// The connector from the figure the row starts at, through the row above.
			els = append(els, svgLine("wf-link", x0, y-wfRow+24, x0, y+27+wfBar))
		}

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

// svgLine, svgText and svgRect are the chart elements of the waterfall and the tile
// map, one call each: a chain of Attr calls at every call site costs more code.
//
//go:noinline
func svgLine(class string, x1, y1, x2, y2 float64) app.UI {
	return svgEl("line").Class(class).Attr("x1", num(x1)).Attr("y1", num(y1)).Attr("x2", num(x2)).Attr("y2", num(y2))
}

//go:noinline
func svgText(class string, x, y float64, s string) app.UI {
	return svgEl("text").Class(class).Attr("x", num(x)).Attr("y", num(y)).Text(s)
}

//go:noinline
func svgRect(class string, x, y, w, h float64) app.UI {
	return svgEl("rect").Class(class).Attr("x", num(x)).Attr("y", num(y)).Attr("width", num(w)).Attr("height", num(h))
}
