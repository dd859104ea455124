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
type TrajectoryChart struct {
	app.Compo

	Lang         text.Lang             // language of every string
	Trajectories []estimate.Trajectory // this education first, then one level down and up
	Years        int                   // the person's years, marked on the chart
	Education    estimate.Education    // the person's education
}

// Chart geometry in SVG user units.
const (
	chartW, chartH        = 600.0, 300.0
	chartLeft, chartRight = 78.0, 14.0
	chartTop, chartBottom = 12.0, 40.0
	maxTrajectoryLines    = 3
)

// Render draws the chart, its legend, the sentence and the table.
func (c *TrajectoryChart) Render() app.UI {
	t := text.For(c.Lang)
	return safeRender(t, func() app.UI {
		if len(c.Trajectories) == 0 || len(c.Trajectories[0].Points) == 0 {
			return app.Section().ID("trajectory").Class("card").Body(
				app.H2().Text(t.T("trajectory.title")),
				app.P().Text(t.T("trajectory.none")),
			)
		}
		first := c.Trajectories[0].Points
		lastYears := first[len(first)-1].Years
		lo, hi := first[0].Estimate, first[0].Estimate
		for _, tr := range c.Trajectories {
			for _, pt := range tr.Points {
				lo, hi = min(lo, pt.Estimate), max(hi, pt.Estimate)
			}
		}
		yTicks := niceTicks(float64(lo), float64(hi), 4)
		x := newScale(chartLeft, chartW-chartRight, 0, float64(lastYears))
		y := newScale(chartH-chartBottom, chartTop, yTicks[0], yTicks[len(yTicks)-1])

		var grid []app.UI
		for _, v := range yTicks {
			yy := num(y.at(v))
			grid = append(grid,
				svgEl("line").Class("chart-grid").Attr("x1", num(chartLeft)).Attr("x2", num(chartW-chartRight)).
					Attr("y1", yy).Attr("y2", yy),
				svgEl("text").Class("chart-label", "chart-label--y").Attr("x", num(chartLeft-8)).
					Attr("y", num(y.at(v)+4)).Text(t.Money(int(v))),
			)
		}
		for yr := 0; yr <= lastYears; yr += 5 {
			grid = append(grid, svgEl("text").Class("chart-label", "chart-label--x").
				Attr("x", num(x.at(float64(yr)))).Attr("y", num(chartH-chartBottom+18)).Text(t.Int(yr)))
		}
		grid = append(grid, svgEl("text").Class("chart-label", "chart-label--x").
			Attr("x", num((chartLeft+chartW-chartRight)/2)).Attr("y", num(chartH-4)).Text(t.T("trajectory.axis.years")))

		var lines []app.UI
		for i, tr := range c.Trajectories {
			if i >= maxTrajectoryLines {
				break
			}
			var pts []string
			for _, pt := range tr.Points {
				pts = append(pts, num(x.at(float64(pt.Years)))+","+num(y.at(float64(pt.Estimate))))
			}
			lines = append(lines, svgEl("polyline").Class("traj", "traj--"+strconv.Itoa(i)).
				Attr("points", strings.Join(pts, " ")))
		}
		at := min(c.Years, lastYears)
		marker := first[0]
		for _, pt := range first {
			if pt.Years == at {
				marker = pt
			}
		}
		lines = append(lines, svgEl("circle").Class("traj-marker").
			Attr("cx", num(x.at(float64(marker.Years)))).Attr("cy", num(y.at(float64(marker.Estimate)))).Attr("r", "6"))

		var legend []app.UI
		for i, tr := range c.Trajectories {
			if i >= maxTrajectoryLines {
				break
			}
			label := t.T("edu." + string(tr.Education))
			if i == 0 {
				label = t.F("trajectory.you", "edu", label)
			}
			legend = append(legend, legendItem("swatch--line swatch--line"+strconv.Itoa(i), label))
		}

		end := first[len(first)-1]
		return app.Section().ID("trajectory").Class("card").Aria("labelledby", "trajectory-title").Body(
			app.H2().ID("trajectory-title").Text(t.T("trajectory.title")),
			app.P().ID("trajectory-summary").Text(t.F("trajectory.summary",
				"edu", t.T("edu."+string(c.Trajectories[0].Education)+".phrase"),
				"start", t.Money(first[0].Estimate), "end", t.Money(end.Estimate), "years", t.Int(end.Years))),
			app.Figure().Class("chart").Body(
				svgEl("svg").Class("chart__svg").Attr("viewBox", "0 0 "+num(chartW)+" "+num(chartH)).
					Role("img").Aria("labelledby", "trajectory-summary").Body(append(grid, lines...)...),
				app.FigCaption().Body(app.Ul().Class("legend legend--lines").Body(legend...)),
			),
			app.Details().Class("more").Body(
				app.Summary().Text(t.T("trajectory.table.show")),
				c.table(t, at),
			),
		)
	})
}

// table lists every year of every trajectory; the row of the person's years is marked.
func (c *TrajectoryChart) table(t *text.Catalog, at int) app.UI {
	head := []app.UI{app.Th().Scope("col").Text(t.T("trajectory.table.years"))}
	for _, tr := range c.Trajectories {
		head = append(head, app.Th().Scope("col").Class("num").Text(t.T("edu."+string(tr.Education))))
	}
	var rows []app.UI
	for i, pt := range c.Trajectories[0].Points {
		years := t.Int(pt.Years)
		if pt.Years == at {
			years = t.F("trajectory.table.you", "years", years)
		}
		cells := []app.UI{app.Th().Scope("row").Text(years)}
		for _, tr := range c.Trajectories {
			v := ""
			if i < len(tr.Points) {
				v = t.Money(tr.Points[i].Estimate)
			}
			cells = append(cells, app.Td().Class("num").Text(v))
		}
		row := app.Tr().Body(cells...)
		if pt.Years == at {
			row = row.Class("is-current")
		}
		rows = append(rows, row)
	}
	return app.Table().Class("table table--compact").Body(
		app.Caption().Text(t.T("trajectory.table.caption")),
		app.THead().Body(app.Tr().Body(head...)),
		app.TBody().Body(rows...),
	)
}
