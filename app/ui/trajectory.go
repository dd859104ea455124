package ui

import (
	"strconv"
	"strings"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// TrajectoryChart draws how the estimate grows with experience, for this education and
// one level down and up, as an SVG line chart. Lines differ by dash pattern as well as
// colour. A sentence says the gist and a <details> table gives every number.
//
// The lines, the marker of the person's years and each table row are components of
// their own: changing the years moves the marker and the marked row without drawing the
// lines or the other rows again.
type TrajectoryChart struct {
	app.Compo

	Lang         text.Lang             // language of every string
	Trajectories []estimate.Trajectory // this education first, then one level down and up
	Years        int                   // the person's years, marked on the chart
	Education    estimate.Education    // the person's education
}

// Chart geometry in SVG user units. The y labels ("$120k") sit in a gutter left of the
// plot, so no line ever crosses them; the gutter fits five characters at the largest
// font size web/app.css sets for them (on the narrowest screens).
const (
	chartW, chartH        = 600.0, 320.0
	chartLeft, chartRight = 86.0, 18.0
	chartTop, chartBottom = 36.0, 44.0
	maxTrajectoryLines    = 3
)

// chartGeometry is the scales of a chart of trajectories.
type chartGeometry struct {
	x, y   scale
	yTicks []float64
	last   int // the last year of the first trajectory
}

func newChartGeometry(trs []estimate.Trajectory) chartGeometry {
	first := trs[0].Points
	lo, hi := first[0].Estimate, first[0].Estimate
	for _, tr := range trs {
		for _, pt := range tr.Points {
			lo, hi = min(lo, pt.Estimate), max(hi, pt.Estimate)
		}
	}
	g := chartGeometry{yTicks: niceTicks(float64(lo), float64(hi), 4), last: first[len(first)-1].Years}
	g.x = newScale(chartLeft, chartW-chartRight, 0, float64(g.last))
	g.y = newScale(chartH-chartBottom, chartTop, g.yTicks[0], g.yTicks[len(g.yTicks)-1])
	return g
}

// Render draws the chart, its legend, the sentence and the table.
func (c *TrajectoryChart) Render() app.UI {
	t := text.For(c.Lang)
	return safeRender(t, func() app.UI {
		if len(c.Trajectories) == 0 || len(c.Trajectories[0].Points) == 0 {
			return h("section|id=trajectory|class=card",
				txt("h2", "", t.T("trajectory.title")),
				txt("p", "", t.T("trajectory.none")),
			)
		}
		first := c.Trajectories[0].Points
		g := newChartGeometry(c.Trajectories)
		at := min(c.Years, g.last)
		marker := first[0]
		for _, pt := range first {
			if pt.Years == at {
				marker = pt
			}
		}
		end := first[len(first)-1]
		return h("section|id=trajectory|class=card|aria-labelledby=trajectory-title",
			ht("h2|id=trajectory-title", t.T("trajectory.title")),
			ht("p|id=trajectory-summary", t.F("trajectory.summary",
				"edu", t.T("edu."+string(c.Trajectories[0].Education)+".phrase"),
				"start", t.Money(first[0].Estimate), "end", t.Money(end.Estimate), "years", t.Int(end.Years))),
			box("figure", "chart",
				svgEl("svg").Class("chart__svg").Attr("viewBox", "0 0 "+num(chartW)+" "+num(chartH)).
					Role("img").Aria("labelledby", "trajectory-summary").Body(
					&trajectoryLines{Lang: c.Lang, Trajectories: c.Trajectories},
					&trajectoryMarker{
						X: num(g.x.at(float64(marker.Years))),
						Y: num(g.y.at(float64(marker.Estimate))),
					},
				),
				box("figcaption", "",
					txt("p", "chart__axis", t.T("trajectory.axis.years")),
					&trajectoryLegend{Lang: c.Lang, Educations: educationsOf(c.Trajectories)},
				),
			),
			box("details", "more",
				txt("summary", "", t.T("trajectory.table.show")),
				&trajectoryTable{Lang: c.Lang, Trajectories: c.Trajectories, At: at},
			),
		)
	})
}

// educationsOf lists the education of each trajectory drawn.
func educationsOf(trs []estimate.Trajectory) []estimate.Education {
	out := make([]estimate.Education, 0, min(len(trs), maxTrajectoryLines))
	for i, tr := range trs {
		if i >= maxTrajectoryLines {
			break
		}
		out = append(out, tr.Education)
	}
	return out
}

// trajectoryLines is the grid, the axis labels and the lines of the chart, an SVG
// group. It depends on the trajectories only.
type trajectoryLines struct {
	app.Compo

	Lang         text.Lang             // language of the labels
	Trajectories []estimate.Trajectory // at least one, with points
}

// Render draws the group.
func (c *trajectoryLines) Render() app.UI {
	t := text.For(c.Lang)
	return safeRender(t, func() app.UI {
		g := newChartGeometry(c.Trajectories)
		els := make([]app.UI, 0, 2*len(g.yTicks)+8+maxTrajectoryLines)
		for _, v := range g.yTicks {
			yy := g.y.at(v)
			els = append(els,
				svgEl("line").Class("chart-grid").Attr("x1", num(chartLeft)).Attr("x2", num(chartW-chartRight)).
					Attr("y1", num(yy)).Attr("y2", num(yy)),
				svgEl("text").Class("chart-label", "chart-label--y").Attr("x", num(chartLeft-8)).
					Attr("y", num(yy)).Text(tickLabel(t, int(v))),
			)
		}
		for yr := 0; yr <= g.last; yr += 5 {
			els = append(els, svgEl("text").Class("chart-label", "chart-label--x").
				Attr("x", num(g.x.at(float64(yr)))).Attr("y", num(chartH-chartBottom+8)).Text(t.Int(yr)))
		}
		var b strings.Builder
		for i, tr := range c.Trajectories {
			if i >= maxTrajectoryLines {
				break
			}
			b.Reset()
			for j, pt := range tr.Points {
				if j > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(num(g.x.at(float64(pt.Years))))
				b.WriteByte(',')
				b.WriteString(num(g.y.at(float64(pt.Estimate))))
			}
			els = append(els, svgEl("polyline").Class("traj", "traj--"+strconv.Itoa(i)).
				Attr("points", b.String()))
		}
		return svgEl("g").Body(els...)
	})
}

// trajectoryMarker is the dot on the person's years.
type trajectoryMarker struct {
	app.Compo

	X, Y string // centre, in user units
}

// Render draws the dot.
func (c *trajectoryMarker) Render() app.UI {
	return svgEl("circle").Class("traj-marker").Attr("cx", c.X).Attr("cy", c.Y).Attr("r", "6")
}

// trajectoryLegend names the lines.
type trajectoryLegend struct {
	app.Compo

	Lang       text.Lang            // language of every string
	Educations []estimate.Education // education of each line, the person's first
}

// Render draws the legend.
func (c *trajectoryLegend) Render() app.UI {
	t := text.For(c.Lang)
	return safeRender(t, func() app.UI {
		items := make([]app.UI, 0, len(c.Educations))
		for i, e := range c.Educations {
			label := t.T("edu." + string(e))
			if i == 0 {
				label = t.F("trajectory.you", "edu", label)
			}
			items = append(items, legendItem("swatch--line swatch--line"+strconv.Itoa(i), label))
		}
		return box("ul", "legend legend--lines", items...)
	})
}

// trajectoryTable lists every year of every trajectory; the row of the person's years
// is marked.
type trajectoryTable struct {
	app.Compo

	Lang         text.Lang             // language of every string
	Trajectories []estimate.Trajectory // at least one, with points
	At           int                   // the person's years
}

// Render draws the table. Each row is a component, so moving At redraws two rows.
func (c *trajectoryTable) Render() app.UI {
	t := text.For(c.Lang)
	return safeRender(t, func() app.UI {
		head := make([]app.UI, 0, len(c.Trajectories)+1)
		head = append(head, ht("th|scope=col", t.T("trajectory.table.years")))
		for _, tr := range c.Trajectories {
			head = append(head, ht("th|scope=col|class=num", t.T("edu."+string(tr.Education))))
		}
		points := c.Trajectories[0].Points
		rows := make([]app.UI, 0, len(points))
		for i, pt := range points {
			values := make([]int, len(c.Trajectories))
			for j, tr := range c.Trajectories {
				values[j] = -1
				if i < len(tr.Points) {
					values[j] = tr.Points[i].Estimate
				}
			}
			rows = append(rows, &trajectoryRow{Lang: c.Lang, Years: pt.Years, Values: values, Current: pt.Years == c.At})
		}
		return box("table", "table table--compact",
			txt("caption", "", t.T("trajectory.table.caption")),
			box("thead", "", box("tr", "", head...)),
			box("tbody", "", rows...),
		)
	})
}

// trajectoryRow is one year of the table.
type trajectoryRow struct {
	app.Compo

	Lang    text.Lang // language of every string
	Years   int       // years of experience
	Values  []int     // the estimate of each trajectory, -1 where it has no point
	Current bool      // the person's years
}

// Render draws the row.
func (c *trajectoryRow) Render() app.UI {
	t := text.For(c.Lang)
	return safeRender(t, func() app.UI {
		years := t.Int(c.Years)
		if c.Current {
			years = t.F("trajectory.table.you", "years", years)
		}
		cells := make([]app.UI, 0, len(c.Values)+1)
		cells = append(cells, ht("th|scope=row", years))
		for _, v := range c.Values {
			s := ""
			if v >= 0 {
				s = t.Money(v)
			}
			cells = append(cells, txt("td", "num", s))
		}
		row := el("tr").Body(cells...)
		if c.Current {
			row = row.Class("is-current")
		}
		return row
	})
}

// tickLabel is a y-axis label: whole thousands as "$120k", short enough for the gutter
// on a phone; other values in full.
func tickLabel(t *text.Catalog, v int) string {
	if v != 0 && v%1000 == 0 {
		return t.F("trajectory.tick.k", "k", t.Int(v/1000))
	}
	return t.Money(v)
}
