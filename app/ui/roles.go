package ui

import (
	"strings"
	"sync"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Role pages: one page per role (<base>roles/<role>/, the nation) and per role and state
// (<base>roles/<role>/<state>/, the USPS code in lower case), each pre-rendered with the
// role's reference profile (estimate.Reference), so that people and search engines find
// real figures for "EHR analyst pay in Ohio" in the HTML, with JavaScript off.
//
// They are 14 × 52 pages in English, and as many in Spanish under /es (langPath):
// /es/roles/<role>/ and /es/roles/<role>/<state>/. In the browser each is an exact route, as the other pages. For
// the build they share one pattern route and the page finds its route from its path
// (routeAt): go-app's generator would pre-render every exactly routed path one by one and
// cannot write a path that ends in a slash; the build renders them itself (build/sitegen,
// pages that end in a slash). Only the build uses the pattern: linking Go's regexp into
// app.wasm would cost about 100 KB. The service worker does not precache them: offline,
// any of them opens from the app shell, which routes by path.

// rolesPrefix starts the path of every role page.
const rolesPrefix = "/roles/"

// rolesPattern matches the path of every role page and nothing else: the role slugs and
// the state codes are those of the model.
var rolesPattern = sync.OnceValue(func() string {
	var roles, areas []string
	for _, ri := range estimate.Roles() {
		roles = append(roles, string(ri.Slug)) // [a-z-]: nothing to quote
	}
	for _, a := range estimate.Areas() {
		if a.Code != "US" {
			areas = append(areas, strings.ToLower(a.Code))
		}
	}
	return "^(?:" + spanishPrefix + ")?" + rolesPrefix + "(?:" + strings.Join(roles, "|") + ")/(?:(?:" + strings.Join(areas, "|") + ")/)?$"
})

// rolePath is the path of the page about role in area (a USPS code, or "US" for the
// role's national page), relative to the base path.
func rolePath(role estimate.Role, area string) string {
	if area == "US" || area == "" {
		return rolesPrefix + string(role) + "/"
	}
	return rolesPrefix + string(role) + "/" + strings.ToLower(area) + "/"
}

// roleRoutes lists the role pages: the English ones, then the Spanish ones; in each, for
// each role in catalogue order, its national page, then its page in each state and DC
// by name. An English page lets the reader choose its language (route.Lang is ""), as the
// home page does; a Spanish page is Spanish.
var roleRoutes = sync.OnceValue(func() []route {
	var out []route
	for _, l := range text.Langs() {
		lang := l
		if l == text.English {
			lang = ""
		}
		for _, ri := range estimate.Roles() {
			for _, a := range estimate.Areas() {
				in, err := estimate.Reference(ri.Slug, a.Code)
				if err != nil {
					continue // cannot happen: both come from the model's catalogue
				}
				out = append(out, route{Path: langPath(l, rolePath(ri.Slug, a.Code)), Preset: in, Guide: true, Lang: lang})
			}
		}
	}
	return out
})

// roleRouteIndex finds a role page's route by path.
var roleRouteIndex = sync.OnceValue(func() map[string]route {
	rs := roleRoutes()
	m := make(map[string]route, len(rs))
	for _, r := range rs {
		m[r.Path] = r
	}
	return m
})

// routeAt returns the route of a path relative to the base path: a route of routes(), or
// a role page; any other path gets the home page's.
func routeAt(path string) route {
	for _, r := range routes() {
		if r.Path == path {
			return r
		}
	}
	if r, ok := roleRouteIndex()[path]; ok {
		return r
	}
	return routes()[0]
}

// routeTo makes the page the one at path (routeAt), in that page's language: when the
// build pre-renders a role page, which finds its route from the request's path (a Spanish
// one is Spanish).
func (p *Page) routeTo(path string) {
	p.route = routeAt(path)
	p.lang = p.chooseLang()
}

// RolePages returns the paths of the role pages, each ending in a slash, in the order of
// roleRoutes.
func rolePages() []string {
	rs := roleRoutes()
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Path
	}
	return out
}

// pagePath is the path of the page in the browser relative to the site's base path, or
// "" on the server.
func pagePath() string {
	if app.IsServer {
		return ""
	}
	u := app.Window().URL()
	if u == nil {
		return ""
	}
	p := strings.TrimPrefix(u.Path, app.Getenv("GOAPP_ROOT_PREFIX"))
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return p
}

// guide is what a role page says about its own reference profile, computed once per
// page from the route (not from the scenario, which people may change): the estimate,
// and the state's place among the states for that profile.
type guide struct {
	Result estimate.Result
	Ranks  []estimate.StateRank // every state and DC, in the model's order
}

// guideFor computes the guide of a role page; ok is false for any other route, or when
// the model cannot answer (the page then shows no guide, the rest works as usual).
func guideFor(r route) (g guide, ok bool) {
	if !r.Guide {
		return guide{}, false
	}
	res, err := estimate.Estimate(r.Preset)
	if err != nil {
		return guide{}, false
	}
	ranks, err := estimate.Rank(r.Preset)
	if err != nil {
		return guide{}, false
	}
	return guide{Result: res, Ranks: ranks}, true
}

// current returns the rank row of the page's state; ok is false on a national page.
func (g guide) current() (estimate.StateRank, bool) {
	for _, r := range g.Ranks {
		if r.Current {
			return r, true
		}
	}
	return estimate.StateRank{}, false
}

// description is the page's meta description: the role, the place, the figures of the
// reference profile and, in a state, its rank.
func (g guide) description(t *text.Catalog) string {
	res := g.Result
	area, _ := estimate.LookupArea(res.Input.State)
	args := []string{"role", roleName(t, res.Input.Role), "area", placeName(t, area),
		"estimate", t.Money(res.Estimate), "low", t.Money(res.Low), "high", t.Money(res.High),
		"years", t.Int(res.Input.Years), "education", t.T("edu." + string(res.Input.Education) + ".phrase")}
	if cur, ok := g.current(); ok {
		return t.F("guide.description.state", append(args, "rank", t.Int(cur.Rank), "n", t.Int(len(g.Ranks)))...)
	}
	return t.F("guide.description", args...)
}

// GuidePanel is the top of a role page: what the role pays in the place for the page's
// reference profile, how the state ranks for it, and links to the role in every state
// and to the other roles in the place. It is plain text and links, so the page reads
// with JavaScript off.
type GuidePanel struct {
	app.Compo

	Lang  text.Lang // language of every string
	Guide *guide    // the page's reference profile, computed by guideFor (compared by address)
}

// Render draws the panel.
func (c *GuidePanel) Render() app.UI {
	t := text.For(c.Lang)
	return safeRender(t, func() app.UI { return c.render(t) })
}

func (c *GuidePanel) render(t *text.Catalog) app.UI {
	res := c.Guide.Result
	in := res.Input
	area, _ := estimate.LookupArea(in.State)
	role, place := roleName(t, in.Role), placeName(t, area)
	// Links to the pages in the language shown: a Spanish reader stays on Spanish pages.
	pathOf := func(r estimate.Role, area string) string { return langPath(c.Lang, rolePath(r, area)) }
	body := []app.UI{
		hs("h2|id=guide-title").Text(t.F("guide.title", "role", role, "area", place)),
		txt("p", "guide__profile", t.F("guide.profile",
			"years", t.Int(in.Years), "education", t.T("edu."+string(in.Education)+".phrase"))),
		box("p", "guide__figure",
			app.Text(t.T("guide.figure")+" "),
			hs("strong|data-testid=guide-estimate").Text(t.Money(res.Estimate)),
			app.Text(" "+t.F("guide.range", "low", t.Money(res.Low), "high", t.Money(res.High))),
		),
	}
	cur, inState := c.Guide.current()
	if inState {
		body = append(body,
			hs("p|class=guide__rank|data-testid=guide-rank").
				DataSet("rank", cur.Rank).DataSet("adjusted-rank", cur.AdjustedRank).
				Text(t.F("guide.rank", "area", place, "rank", t.Int(cur.Rank), "adjusted", t.Int(cur.AdjustedRank), "n", t.Int(len(c.Guide.Ranks)))),
			box("p", "guide__all", pageLink("guide__link", pathOf(in.Role, "US"), t.F("guide.all", "role", role))),
		)
	} else {
		items := make([]app.UI, 0, len(c.Guide.Ranks))
		for _, r := range c.Guide.Ranks {
			items = append(items, box("li", "",
				pageLink("guide__link", pathOf(in.Role, r.Area.Code), t.AreaName(r.Area.Code, r.Area.Name)),
				app.Text(" "+t.Money(r.Estimate)),
			))
		}
		body = append(body,
			hs("h3|id=guide-states").Text(t.F("guide.states", "role", role)),
			hs("ol|class=guide__states").Attr("aria-labelledby", "guide-states").Body(items...),
		)
	}
	roles := estimate.Roles()
	others := make([]app.UI, 0, len(roles))
	for _, ri := range roles {
		if ri.Slug != in.Role {
			others = append(others, box("li", "", pageLink("guide__link", pathOf(ri.Slug, in.State), roleName(t, ri.Slug))))
		}
	}
	body = append(body,
		hs("h3|id=guide-roles").Text(t.F("guide.roles", "area", place)),
		hs("ul|class=guide__roles").Attr("aria-labelledby", "guide-roles").Body(others...),
		txt("p", "guide__edit", t.T("guide.edit")),
	)
	return hs("section|class=card guide|data-testid=guide").Attr("aria-labelledby", "guide-title").Body(body...)
}
