package ui

import (
	"sort"
	"strconv"
	"strings"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// RankPanel is "Where it pays": the person's profile in every state and DC, by the
// estimate and by what it buys at local prices (estimate.Rank), as a tile map of the
// states and a table sortable by either figure. The table is the map's text equivalent.
//
// Its input is the scenario as one query string, which the page gives it once edits
// pause (later.go): 51 estimates are not worth redoing on every keystroke while the
// estimate above must keep up.
type RankPanel struct {
	app.Compo

	Lang  text.Lang // language of every string
	Query string    // the scenario, as queryString writes it
}

// Render draws the panel. go-app compares rankBody's two strings and leaves it alone
// until the scenario changes.
func (c *RankPanel) Render() app.UI { return &rankBody{Lang: c.Lang, Query: c.Query} }

// rankBody is the ranking of one scenario. It computes the ranking only when Query
// changes; sorting reuses it.
type rankBody struct {
	app.Compo

	Lang  text.Lang // language of every string
	Query string    // the scenario, as queryString writes it

	open       bool                 // the map and the table are shown
	byAdjusted bool                 // sorted by the price-adjusted estimate, not the estimate
	rows       []estimate.StateRank // the ranking of query, in the model's order
	err        error                // the model refused the scenario
	query      string               // the scenario rows were computed for
}

// rankLayout places each state on the standard 11 × 8 tile grid of US state maps: each
// entry is the USPS code, the column (hex digit) and the row.
const rankLayout = "AK00 MEa0 VT91 NHa1 WA02 ID12 MT22 ND32 MN42 IL52 WI62 MI72 NY82 RI92 MAa2 " +
	"OR03 NV13 WY23 SD33 IA43 IN53 OH63 PA73 NJ83 CT93 CA04 UT14 CO24 NE34 MO44 KY54 WV64 VA74 MD84 DE94 " +
	"AZ15 NM25 KS35 AR45 TN55 NC65 SC75 DC85 OK36 LA46 MS56 AL66 GA76 HI07 TX37 FL87"

// Tile map geometry in SVG user units.
const (
	tileSize, tileGap = 50.0, 4.0
	rankBands         = 5 // shades of the map, lightest for the lowest fifth
)

// ranking returns the rows for the panel's scenario, computing them only when it changed.
func (c *rankBody) ranking() ([]estimate.StateRank, error) {
	if c.rows == nil || c.query != c.Query {
		in, _ := estimate.FromQuery(parseQuery(c.Query))
		c.rows, c.err = estimate.Rank(in)
		c.query = c.Query
	}
	return c.rows, c.err
}

// Render draws the ranking.
func (c *rankBody) Render() app.UI {
	t := text.For(c.Lang)
	return safeRender(t, func() app.UI {
		rows, err := c.ranking()
		if err != nil || len(rows) == 0 {
			return h("section|id=ranking|class=card|data-testid=state-ranking",
				txt("h2", "", t.T("rank.title")), txt("p", "", t.T("rank.none")))
		}
		measure, rankOf, valueOf := "rank.by.estimate", rankNominal, valueNominal
		if c.byAdjusted {
			measure, rankOf, valueOf = "rank.by.adjusted", rankAdjusted, valueAdjusted
		}
		you := t.T("rank.you.none")
		for _, r := range rows {
			if r.Current {
				you = t.F("rank.you", "state", t.AreaName(r.Area.Code, r.Area.Name), "rank", t.Int(r.Rank), "adjusted", t.Int(r.AdjustedRank),
					"n", t.Int(len(rows)))
			}
		}
		by := t.T(measure)
		return h("section|id=ranking|class=card|aria-labelledby=ranking-title|data-testid=state-ranking",
			ht("h2|id=ranking-title", t.T("rank.title")),
			txt("p", "", t.T("rank.intro")),
			ht("p|class=rank-you", you),
			c.toggle(t),
			app.If(c.open, func() app.UI { return c.renderDetail(t, rows, by, rankOf, valueOf) }),
		)
	})
}

// toggle is the button that shows or hides the map and the table. They are drawn only
// while shown: some 700 elements that would otherwise be updated on every change of
// the scenario, far below the estimate.
func (c *rankBody) toggle(t *text.Catalog) app.UI {
	b := hs("button|type=button|class=button button--quiet rank-toggle|aria-controls=ranking-detail")
	if c.open {
		return b.Aria("expanded", "true").OnClick(c.onToggle).Text(t.T("rank.hide"))
	}
	return b.Aria("expanded", "false").OnClick(c.onToggle).Text(t.T("rank.show"))
}

func (c *rankBody) onToggle(ctx app.Context, e app.Event) {
	defer recoverTo(ctx, nil)
	c.open = !c.open
}

// renderDetail is the tile map and the sortable table.
func (c *rankBody) renderDetail(t *text.Catalog, rows []estimate.StateRank, by string,
	rankOf, valueOf func(estimate.StateRank) int) app.UI {
	sorted := append([]estimate.StateRank(nil), rows...)
	// sort, not slices: the app links sort already, and a generic sort of this
	// type would add its own copy (about 9 KB of wasm).
	sort.SliceStable(sorted, func(i, j int) bool { return rankOf(sorted[i]) < rankOf(sorted[j]) })
	top, bottom := sorted[0], sorted[len(sorted)-1]
	return h("div|id=ranking-detail",
		box("figure", "tilemap",
			c.renderMap(t, sorted, rankOf, valueOf).Aria("labelledby", "ranking-map-summary"),
			box("figcaption", "",
				ht("p|id=ranking-map-summary", t.F("rank.map.summary", "by", by,
					"top", t.AreaName(top.Area.Code, top.Area.Name), "topv", t.Money(valueOf(top)),
					"bottom", t.AreaName(bottom.Area.Code, bottom.Area.Name), "bottomv", t.Money(valueOf(bottom)))),
				box("ul", "legend legend--tiles",
					legendItem("swatch--tile0", t.T("rank.legend.low")),
					legendItem("swatch--tile4", t.T("rank.legend.high")),
					legendItem("swatch--tileyou", t.T("rank.legend.you")),
				),
			),
		),
		// The table's name is outside its scroll box, so it wraps on a phone instead of
		// scrolling away with a wide table.
		ht("p|id=ranking-caption|class=rank-caption", t.F("rank.caption", "by", by)),
		h("div|class=table-scroll rank-scroll|tabindex=0|role=region|aria-labelledby=ranking-caption",
			h("table|class=table table--compact table--rank|aria-labelledby=ranking-caption",
				box("thead", "", box("tr", "",
					ht("th|scope=col|class=num", t.T("rank.col.rank")),
					ht("th|scope=col", t.T("rank.col.state")),
					c.sortHeader(t, "rank.col.estimate", !c.byAdjusted, c.onSortNominal),
					c.sortHeader(t, "rank.col.adjusted", c.byAdjusted, c.onSortAdjusted),
					ht("th|scope=col|class=num", t.T("rank.col.rpp")),
				)),
				box("tbody", "", rankRows(t, sorted, rankOf)...),
			),
		),
		txt("p", "help", t.T("rank.note")),
	)
}

func rankNominal(r estimate.StateRank) int   { return r.Rank }
func rankAdjusted(r estimate.StateRank) int  { return r.AdjustedRank }
func valueNominal(r estimate.StateRank) int  { return r.Estimate }
func valueAdjusted(r estimate.StateRank) int { return r.PurchasingPower }

// sortHeader is a column header whose button sorts the table by that column, highest
// first; aria-sort tells screen readers which column the table is sorted by.
func (c *rankBody) sortHeader(t *text.Catalog, key string, active bool, onClick app.EventHandler) app.UI {
	th := hs("th|scope=col|class=num")
	if active {
		th = th.Aria("sort", "descending")
	}
	return th.Body(hs("button|type=button|class=sort").OnClick(onClick).Text(t.T(key)))
}

func (c *rankBody) onSortNominal(ctx app.Context, e app.Event) {
	defer recoverTo(ctx, nil)
	c.byAdjusted = false
}

func (c *rankBody) onSortAdjusted(ctx app.Context, e app.Event) {
	defer recoverTo(ctx, nil)
	c.byAdjusted = true
}

// rankRows is the table's rows, in the order of sorted; the person's state is marked.
func rankRows(t *text.Catalog, sorted []estimate.StateRank, rankOf func(estimate.StateRank) int) []app.UI {
	out := make([]app.UI, 0, len(sorted))
	for _, r := range sorted {
		name := t.AreaName(r.Area.Code, r.Area.Name)
		if r.Current {
			name = t.F("rank.row.you", "state", name)
		}
		if r.Fallback {
			name += " " + t.T("rank.row.estimated")
		}
		row := hs("tr").DataSet("state", r.Area.Code)
		if r.Current {
			row = row.Class("is-current").DataSet("current", "true")
		}
		out = append(out, row.Body(
			txt("td", "num", t.Int(rankOf(r))),
			ht("th|scope=row", name),
			txt("td", "num", t.Money(r.Estimate)),
			txt("td", "num", t.Money(r.PurchasingPower)),
			txt("td", "num", t.Decimal(r.Area.RPP, 1)),
		))
	}
	return out
}

// renderMap draws the tile map: one square per state on rankLayout, shaded by its
// fifth of the ranking, with its code and figure; the person's state is outlined.
func (c *rankBody) renderMap(t *text.Catalog, sorted []estimate.StateRank, rankOf, valueOf func(estimate.StateRank) int) app.HTMLElem {
	byCode := make(map[string]estimate.StateRank, len(sorted))
	for _, r := range sorted {
		byCode[r.Area.Code] = r
	}
	n := len(sorted)
	tiles := make([]app.UI, 0, n)
	for _, e := range strings.Fields(rankLayout) {
		r, ok := byCode[e[:2]]
		if !ok {
			continue
		}
		col, _ := strconv.ParseInt(e[2:3], 16, 8)
		row, _ := strconv.ParseInt(e[3:4], 16, 8)
		x, y := float64(col)*(tileSize+tileGap), float64(row)*(tileSize+tileGap)
		band := (n - rankOf(r)) * rankBands / n // 0 for the lowest fifth
		g := svgEl("g").Class("tile", "tile--"+strconv.Itoa(band))
		if r.Current {
			g = g.Class("tile--you")
		}
		tiles = append(tiles, g.Body(
			svgRect("", x, y, tileSize, tileSize),
			svgText("tile__code", x+tileSize/2, y+20, r.Area.Code),
			svgText("tile__value", x+tileSize/2, y+38, t.F("trajectory.tick.k", "k", t.Int((valueOf(r)+500)/1000))),
		))
	}
	w, hgt := 11*(tileSize+tileGap)-tileGap, 8*(tileSize+tileGap)-tileGap
	return svgEl("svg").Class("tilemap__svg").Attr("viewBox", "0 0 "+num(w)+" "+num(hgt)).
		Role("img").Body(tiles...)
}
