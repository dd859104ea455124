package ui

import (
	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// RangeBar draws the likely range for people like this against the occupation's
// published spread (10th to 90th percentile, with the middle half darker) and marks the
// estimate and the median. The drawing is an inline SVG built from go-app elements, an
// image whose name says what it shows; the legend under it says the same in words, and
// a <details> table lists the percentiles. (No aria-hidden="true" anywhere: go-app
// pre-renders the value "true" as a bare attribute, which ARIA reads as not hidden.)
type RangeBar struct {
	app.Compo

	Lang     text.Lang            // language of every string
	Low      int                  // likely range, low end
	Estimate int                  // the estimate
	High     int                  // likely range, high end
	Spread   estimate.Percentiles // the occupation's published percentiles in the area
	Area     string               // how sentences name the area
}

// Render draws the bar, its legend and the percentile table.
func (b *RangeBar) Render() app.UI {
	t := text.For(b.Lang)
	return safeRender(t, func() app.UI {
		p := b.Spread
		sc := newScale(0, 100, pad(minOf(p.P10, b.Low, b.Estimate), maxOf(p.P90, b.High, b.Estimate))...)
		band := func(class string, from, to int, y, h float64) app.UI {
			x0, x1 := sc.at(float64(from)), sc.at(float64(to))
			return svgEl("rect").Class(class).Attr("x", num(x0)).Attr("y", num(y)).
				Attr("width", num(max(x1-x0, 0.4))).Attr("height", num(h))
		}
		tick := func(class string, v int, y0, y1 float64) app.UI {
			x := num(sc.at(float64(v)))
			return svgEl("line").Class(class).Attr("x1", x).Attr("x2", x).
				Attr("y1", num(y0)).Attr("y2", num(y1)).Attr("vector-effect", "non-scaling-stroke")
		}
		return box("figure", "rangebar",
			svgEl("svg").Class("rangebar__svg").Attr("viewBox", "0 0 100 30").
				Attr("preserveAspectRatio", "none").Role("img").Aria("label", t.T("range.img")).Body(
				band("rb-spread", p.P10, p.P90, 2, 12),
				band("rb-mid", p.P25, p.P75, 2, 12),
				tick("rb-median", p.P50, 0, 16),
				band("rb-likely", b.Low, b.High, 18, 10),
				tick("rb-estimate", b.Estimate, 0, 30),
			),
			box("figcaption", "rangebar__caption",
				box("ul", "legend",
					legendItem("swatch--likely", t.F("range.likely",
						"low", t.Money(b.Low), "high", t.Money(b.High))),
					legendItem("swatch--estimate", t.F("range.estimate", "estimate", t.Money(b.Estimate))),
					&spreadItem{Lang: b.Lang, Mark: "mid", Spread: p, Area: b.Area},
					&spreadItem{Lang: b.Lang, Mark: "spread", Spread: p},
					&spreadItem{Lang: b.Lang, Mark: "median", Spread: p},
				),
				box("details", "more",
					txt("summary", "", t.T("range.table.show")),
					&percentileTable{Lang: b.Lang, Spread: p, Area: b.Area},
				),
			),
		)
	})
}

// percentileTable lists the occupation's published percentiles; it changes with the
// role and the area only.
type percentileTable struct {
	app.Compo

	Lang   text.Lang            // language of every string
	Spread estimate.Percentiles // the percentiles
	Area   string               // how sentences name the area
}

// Render draws the table.
func (c *percentileTable) Render() app.UI {
	t := text.For(c.Lang)
	p := c.Spread
	return box("table", "table table--compact",
		txt("caption", "", t.F("range.table.caption", "area", c.Area)),
		box("thead", "", box("tr", "",
			ht("th|scope=col", t.T("range.table.percentile")),
			ht("th|scope=col|class=num", t.T("range.table.pay")),
		)),
		box("tbody", "",
			pctRow(t, "range.table.p10", p.P10),
			pctRow(t, "range.table.p25", p.P25),
			pctRow(t, "range.table.p50", p.P50),
			pctRow(t, "range.table.p75", p.P75),
			pctRow(t, "range.table.p90", p.P90),
		),
	)
}

// spreadItem is the legend's line for one mark of the published spread (mid, spread or
// median): a component, as it changes with the role and the area only, not with each
// edit that moves the estimate.
type spreadItem struct {
	app.Compo

	Lang   text.Lang            // language of every string
	Mark   string               // "mid", "spread" or "median": the swatch and the text key
	Spread estimate.Percentiles // the percentiles
	Area   string               // how sentences name the area (the mid line names it)
}

// Render draws the line.
func (c *spreadItem) Render() app.UI {
	t := text.For(c.Lang)
	p := c.Spread
	var label string
	switch c.Mark {
	case "mid":
		label = t.F("range.mid", "area", c.Area, "p25", t.Money(p.P25), "p75", t.Money(p.P75))
	case "spread":
		label = t.F("range.spread", "p10", t.Money(p.P10), "p90", t.Money(p.P90))
	default:
		label = t.F("range.median", "p50", t.Money(p.P50))
	}
	return legendItem("swatch--"+c.Mark, label)
}

func legendItem(swatch, label string) app.UI {
	return box("li", "",
		el("span").Class("swatch", swatch),
		app.Text(label),
	)
}

func pctRow(t *text.Catalog, key string, v int) app.UI {
	return box("tr", "",
		ht("th|scope=row", t.T(key)),
		txt("td", "num", t.Money(v)),
	)
}

func minOf(vs ...int) int {
	m := vs[0]
	for _, v := range vs[1:] {
		m = min(m, v)
	}
	return m
}

func maxOf(vs ...int) int {
	m := vs[0]
	for _, v := range vs[1:] {
		m = max(m, v)
	}
	return m
}

// pad widens [lo, hi] by 6% on each side, so the ends of the bars do not touch the edge.
func pad(lo, hi int) []float64 {
	d := float64(hi-lo) * 0.06
	if d <= 0 {
		d = 1
	}
	return []float64{float64(lo) - d, float64(hi) + d}
}
