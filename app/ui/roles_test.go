package ui

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
)

// TestRolePagePaths checks the role pages: one per role and per role and state or DC,
// each path matched by the one pattern route and found by routeAt with the role's
// reference profile; nothing else matches.
func TestRolePagePaths(t *testing.T) {
	paths := rolePages()
	if want := len(text.Langs()) * len(estimate.Roles()) * len(estimate.Areas()); len(paths) != want {
		t.Fatalf("%d role pages, want %d (languages × roles × areas)", len(paths), want)
	}
	if got := Pages(); !slices.Equal(got[:2], []string{"/", "/es/"}) || !slices.Equal(got[2:], paths) {
		t.Errorf("Pages() = %v…, want / and /es/, then the role pages", got[:3])
	}
	re := regexp.MustCompile(rolesPattern())
	seen := map[string]bool{}
	for _, p := range paths {
		if seen[p] {
			t.Errorf("%s listed twice", p)
		}
		seen[p] = true
		if !re.MatchString(p) {
			t.Errorf("%s does not match the route pattern", p)
		}
		r := routeAt(p)
		if r.Path != p || !r.Guide {
			t.Errorf("routeAt(%s) = %+v, want its role page", p, r)
		}
		// A Spanish page is Spanish; an English one lets the reader choose.
		wantLang := text.Lang("")
		if strings.HasPrefix(p, "/es/") {
			wantLang = text.Spanish
		}
		if r.Lang != wantLang {
			t.Errorf("routeAt(%s).Lang = %q, want %q", p, r.Lang, wantLang)
		}
		parts := strings.Split(strings.Trim(englishPath(p), "/"), "/")
		area := "US"
		if len(parts) == 3 {
			area = strings.ToUpper(parts[2])
		}
		want, err := estimate.Reference(estimate.Role(parts[1]), area)
		if err != nil || !slices.Equal(want.Certs, r.Preset.Certs) || want.Role != r.Preset.Role ||
			want.State != r.Preset.State || want.Years != r.Preset.Years || want.Education != r.Preset.Education {
			t.Errorf("routeAt(%s).Preset = %+v, want %+v (%v)", p, r.Preset, want, err)
		}
	}
	for _, p := range []string{"/roles/", "/roles/nurse/", "/roles/ehr-analyst", "/roles/ehr-analyst/oh",
		"/roles/ehr-analyst/us/", "/roles/ehr-analyst/xx/", "/roles/EHR-analyst/oh/", "/roles/ehr-analyst/oh/x/",
		"/x/roles/ehr-analyst/", "/roles/ehr-analyst/OH/", "/es/roles/", "/es/roles/ehr-analyst", "/fr/roles/ehr-analyst/",
		"/es/es/roles/ehr-analyst/", "/eS/roles/ehr-analyst/", "/es/roles/ehr-analyst/us/"} {
		if re.MatchString(p) {
			t.Errorf("the pattern matches %s", p)
		}
		if r := routeAt(p); r.Path != "/" {
			t.Errorf("routeAt(%s) = %s, want the home page's route", p, r.Path)
		}
	}
}

// TestRolePagesPrerender renders every role page as the build does and checks that its
// figure is what the app computes for the same scenario given as a link
// (?role=…&state=…&years=…), that a state page states the state's rank as the model's
// ranking has it, and that the page declares its path and keeps no stored scenario.
func TestRolePagesPrerender(t *testing.T) {
	paths := rolePages()
	if testing.Short() {
		// The first English and Spanish pages, national and state, and the last page.
		paths = []string{paths[0], paths[1], paths[len(paths)/2], paths[len(paths)/2+1], paths[len(paths)-1]}
	}
	for _, path := range paths {
		r := routeAt(path)
		tr := text.For(text.English)
		if r.Lang != "" {
			tr = text.For(r.Lang)
		}
		p := newPathPage()
		p.routeTo(path) // what OnPreRender does with the request's path
		p.start(nil, "", sourcePrerender)
		root, _ := render(t, p)

		// The live app's computation for the same scenario as a link on the home page.
		link := newPage(routes()[0])
		link.store = &memStore{}
		link.start(parseQuery(queryString(r.Preset)), "", sourceWasm)
		if link.resErr != nil {
			t.Fatalf("%s: %v", path, link.resErr)
		}
		_, median, _, source := resultAttrs(t, root)
		if median != link.res.Estimate || source != sourcePrerender {
			t.Errorf("%s: pre-rendered estimate %d (%s), the app computes %d for ?%s", path, median, source, link.res.Estimate, queryString(r.Preset))
		}
		if got := textOf(one(t, root, "guide estimate", byAttr("data-testid", "guide-estimate"))); got != tr.Money(link.res.Estimate) {
			t.Errorf("%s: guide says %q, want %q", path, got, tr.Money(link.res.Estimate))
		}
		app := one(t, root, "#app", byAttr("id", "app"))
		if app.Attrs["data-route"] != path || app.Attrs["data-stored"] != "off" {
			t.Errorf("%s: #app data-route=%q data-stored=%q", path, app.Attrs["data-route"], app.Attrs["data-stored"])
		}
		rank := find(root, byAttr("data-testid", "guide-rank"))
		if r.Preset.State == "US" {
			if len(rank) != 0 {
				t.Errorf("%s: a national page states a rank", path)
			}
			continue
		}
		ranks, err := estimate.Rank(r.Preset)
		if err != nil || len(rank) != 1 {
			t.Fatalf("%s: %d rank sentences, Rank: %v", path, len(rank), err)
		}
		for _, row := range ranks {
			if row.Current && (rank[0].Attrs["data-rank"] != strconv.Itoa(row.Rank) || rank[0].Attrs["data-adjusted-rank"] != strconv.Itoa(row.AdjustedRank)) {
				t.Errorf("%s: rank %s/%s, the model ranks it %d/%d", path, rank[0].Attrs["data-rank"], rank[0].Attrs["data-adjusted-rank"], row.Rank, row.AdjustedRank)
			}
		}
	}
}

// TestRolePageKeepsItsScenario: a role page shows its own scenario, not the one kept on
// the device (the home page restores that), and is not labelled an example; a link's
// query still applies over its preset.
func TestRolePageKeepsItsScenario(t *testing.T) {
	stored := "role=it-manager&state=CA&years=20&edu=master"
	home := newPage(routes()[0])
	home.start(nil, stored, sourceWasm)
	if home.in.Role != "it-manager" {
		t.Fatalf("home page did not restore the stored scenario: %+v", home.in)
	}
	p := newPathPage()
	p.route = routeAt("/roles/ehr-analyst/oh/")
	p.start(nil, stored, sourceWasm)
	if p.in.Role != "ehr-analyst" || p.in.State != "OH" || p.restored || p.example {
		t.Errorf("role page: in=%+v restored=%v example=%v, want its own scenario", p.in, p.restored, p.example)
	}
	p.start(parseQuery("years=2"), stored, sourceWasm)
	if p.in.Role != "ehr-analyst" || p.in.State != "OH" || p.in.Years != 2 {
		t.Errorf("role page with ?years=2: %+v", p.in)
	}
}

// TestGuidePanel checks the panel's links: a national page lists every state in the
// model's rank order, each a link to the state's page with its estimate; a state page
// links to the role's national page; both link to every other role in the same place.
func TestGuidePanel(t *testing.T) {
	tr := text.For(text.English)
	g, ok := guideFor(routeAt("/roles/security-analyst/"))
	if !ok {
		t.Fatal("no guide for the national page")
	}
	root, _ := render(t, &GuidePanel{Lang: text.English, Guide: &g})
	states := find(one(t, root, "state list", byTag("ol")), byTag("li"))
	if len(states) != len(g.Ranks) || len(states) != 51 {
		t.Fatalf("%d states listed, want 51", len(states))
	}
	for i, li := range states {
		a := one(t, li, "link", byTag("a"))
		row := g.Ranks[i]
		if a.Attrs["href"] != rolePath("security-analyst", row.Area.Code) || !strings.Contains(textOf(li), tr.Money(row.Estimate)) {
			t.Errorf("state %d: %q → %s, want %s with %s", i, textOf(li), a.Attrs["href"], row.Area.Name, tr.Money(row.Estimate))
		}
	}
	roles := find(one(t, root, "role list", byTag("ul")), byTag("a"))
	if len(roles) != len(estimate.Roles())-1 || roles[0].Attrs["href"] != "/roles/it-support/" {
		t.Errorf("%d other roles, first %v", len(roles), roles[0].Attrs)
	}

	g, _ = guideFor(routeAt("/roles/security-analyst/ma/"))
	root, _ = render(t, &GuidePanel{Lang: text.English, Guide: &g})
	links := find(root, byTag("a"))
	if links[0].Attrs["href"] != "/roles/security-analyst/" || links[0].Attrs["data-page"] != "site" {
		t.Errorf("first link %v, want the role's national page, loaded by the browser", links[0].Attrs)
	}
	if len(links) != len(estimate.Roles()) || links[1].Attrs["href"] != "/roles/it-support/ma/" {
		t.Errorf("%d links, second %v", len(links), links[1].Attrs)
	}
	if !strings.Contains(textOf(root), "Massachusetts ranks") {
		t.Errorf("no rank sentence: %q", textOf(root))
	}
	if _, ok := guideFor(routes()[0]); ok {
		t.Error("the home page has a guide")
	}
}
