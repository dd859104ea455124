package ui

import (
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
)

// byClass matches elements that have the class.
func byClass(class string) func(*node) bool {
	return func(n *node) bool { return strings.Contains(" "+n.Attrs["class"]+" ", " "+class+" ") }
}

// renderStarted is the page started with a query, as pre-rendered.
func renderStarted(t *testing.T, query string) (*Page, *node) {
	t.Helper()
	p := newTestPage(&memStore{})
	p.start(parseQuery(query), "", sourcePrerender)
	root, _ := render(t, p)
	return p, root
}

// TestSkipLinkFirst: the first element of the page is the skip link to the form's
// heading, which can take focus; the form comes before the summary in the page.
func TestSkipLinkFirst(t *testing.T) {
	_, root := renderStarted(t, "")
	app := one(t, root, "#app", byAttr("id", "app"))
	first := app.Children[0]
	for first.Tag == "" && len(app.Children) > 1 {
		app.Children = app.Children[1:]
		first = app.Children[0]
	}
	if first.Tag != "a" || first.Attrs["data-focus"] != formTitleID || first.Attrs["href"] != "#"+formTitleID {
		t.Fatalf("first element of the page is <%s %v>, want the skip link to #%s", first.Tag, first.Attrs, formTitleID)
	}
	title := one(t, root, "#form-title", byAttr("id", formTitleID))
	if title.Attrs["tabindex"] != "-1" {
		t.Error("#form-title cannot take focus (tabindex=-1)")
	}
	var order []string
	for _, n := range find(root, func(n *node) bool { return n.Attrs["id"] == "scenario" || n.Attrs["id"] == "summary" }) {
		order = append(order, n.Attrs["id"])
	}
	if !reflect.DeepEqual(order, []string{"scenario", "summary"}) {
		t.Errorf("page order %v, want the form before the summary", order)
	}
}

// TestExampleLabel: only the untouched starting profile is labelled an example; a
// deep link, a restored scenario and an edit are the person's own.
func TestExampleLabel(t *testing.T) {
	tr := text.For(text.English)
	example := func(p *Page) bool {
		root, _ := render(t, p)
		return len(find(root, byClass("example-note"))) == 1
	}
	p, root := renderStarted(t, "")
	if !example(p) {
		t.Error("the untouched start page is not labelled an example")
	}
	if got := textOf(one(t, root, ".peek__label", byClass("peek__label"))); got != tr.T("peek.label.example") {
		t.Errorf("sticky bar label %q, want %q", got, tr.T("peek.label.example"))
	}
	link := one(t, root, ".example-note__link", byClass("example-note__link"))
	if link.Attrs["data-focus"] != formTitleID {
		t.Errorf("the example's link goes to %q, want the form", link.Attrs["data-focus"])
	}
	if p, _ := renderStarted(t, "role=it-manager"); example(p) {
		t.Error("a deep link is labelled an example")
	}
	q := newTestPage(&memStore{q: "role=security-analyst&years=7"})
	q.start(nil, q.store.Load(), sourceWasm)
	if example(q) {
		t.Error("a restored scenario is labelled an example")
	}
	p.apply(Change{Field: estimate.ParamYears, Value: "9"})
	if example(p) {
		t.Error("still an example after an edit")
	}
	p.onReset(testContext(t))
	if !example(p) {
		t.Error("start over does not bring the example back")
	}
}

// TestPeekShowsChange: after an edit the sticky bar shows the model's Result.Change
// from the previous result, signed, and nothing before the first edit.
func TestPeekShowsChange(t *testing.T) {
	tr := text.For(text.English)
	p, root := renderStarted(t, "")
	// Before the first edit the change's span is there (so the range keeps its place),
	// empty and hidden.
	span := one(t, root, ".peek__change", byClass("peek__change"))
	if _, hidden := span.Attrs["hidden"]; !hidden || textOf(span) != "" {
		t.Errorf("a change is shown before any edit: %q (hidden %v)", textOf(span), hidden)
	}
	steps := []struct {
		field, value string
	}{
		{estimate.ParamYears, "12"},
		{estimate.ParamYears, "2"},
		{estimate.ParamRole, "it-manager"},
		{estimate.ParamRole, "it-manager"}, // no change of scenario: the same estimate
	}
	for _, st := range steps {
		prev := p.res
		p.apply(Change{Field: st.field, Value: st.value})
		root, _ := render(t, p)
		change := p.res.Change(prev)
		key := "peek.change"
		if change == 0 {
			key = "peek.change.none"
		}
		want := tr.F(key, "change", tr.SignedMoney(change))
		if got := textOf(one(t, root, ".peek__change", byClass("peek__change"))); got != want {
			t.Errorf("after %s=%s: bar says %q, want %q", st.field, st.value, got, want)
		}
		if go_ := one(t, root, ".peek__go", byClass("peek__go")); go_.Attrs["data-focus"] != "breakdown-title" {
			t.Errorf("the bar's link goes to %q, want the breakdown", go_.Attrs["data-focus"])
		}
	}
}

// TestEstimateCarriesScenario: the estimate element names the scenario its figures are
// for (data-scenario, the canonical query), so the page and tests can compare it with the
// URL's; the pending hint is pre-rendered hidden, and only when pre-rendering.
func TestEstimateCarriesScenario(t *testing.T) {
	for _, q := range []string{"", "role=IT-Manager&state=ny&years=12&certs=pmp,epic", "role=nope"} {
		p, root := renderStarted(t, q)
		el := one(t, root, "[data-testid=estimate]", byAttr("data-testid", "estimate"))
		got, err := url.ParseQuery(el.Attrs["data-scenario"])
		if err != nil || !reflect.DeepEqual(got, p.in.Query()) {
			t.Errorf("%q: data-scenario %q, want %q", q, el.Attrs["data-scenario"], p.in.Query().Encode())
		}
	}
	p := newTestPage(&memStore{})
	p.start(nil, "", sourceWasm)
	root, _ := render(t, p)
	if len(find(root, byAttr("id", "pending-hint"))) != 0 {
		t.Error("the browser app renders the pre-render's pending hint")
	}
}

// TestOutlookSaysNational and the source links: the outlook says its figures are for
// the nation when the model says so; each source link says what it opens.
func TestOutlookAndSourceLinks(t *testing.T) {
	tr := text.For(text.English)
	p, root := renderStarted(t, "state=CA")
	outlook := one(t, root, "#outlook", byAttr("id", "outlook"))
	says := strings.Contains(textOf(outlook), tr.T("outlook.national"))
	if says != p.res.Outlook.National {
		t.Errorf("outlook says national = %v, model says %v", says, p.res.Outlook.National)
	}
	links := find(root, byClass("source__link"))
	if len(links) == 0 {
		t.Fatal("no source links")
	}
	for _, l := range links {
		a := find(l, byTag("a"))
		if len(a) != 1 {
			t.Errorf("source link paragraph with %d links", len(a))
			continue
		}
		href, opens := a[0].Attrs["href"], textOf(one(t, l, ".source__opens", byClass("source__opens")))
		switch {
		case strings.HasSuffix(href, ".zip"):
			if !strings.Contains(opens, "downloads") {
				t.Errorf("%s: says %q, want that it downloads a file", href, opens)
			}
		case href == MethodologyPath:
			if opens != tr.T("sources.opens.site") || a[0].Attrs["data-page"] != "site" {
				t.Errorf("%s: says %q (data-page %q), want the site's methodology page", href, opens, a[0].Attrs["data-page"])
			}
		case isWebURL(href):
			if !strings.Contains(opens, "opens a page") || a[0].Attrs["target"] != "_blank" {
				t.Errorf("%s: says %q, target %q", href, opens, a[0].Attrs["target"])
			}
		default:
			t.Errorf("source link to %q", href)
		}
	}
}

func TestOpensText(t *testing.T) {
	tr := text.For(text.English)
	tests := []struct{ url, want string }{
		{"https://www.bls.gov/oes/special-requests/oesm25st.zip", "Link: downloads oesm25st.zip (a ZIP archive of spreadsheets) from www.bls.gov."},
		{"https://www.bls.gov/cps/cpsaat54.htm", "Link: opens a page on www.bls.gov in a new tab."},
		{"https://data.bls.gov/projections/occupationProj", "Link: opens a page on data.bls.gov in a new tab."},
		{"https://example.org/report.pdf", "Link: downloads report.pdf (a file) from example.org."},
	}
	for _, tt := range tests {
		if got := opensText(tr, tt.url); got != tt.want {
			t.Errorf("opensText(%q) = %q, want %q", tt.url, got, tt.want)
		}
	}
}

// TestTickLabel: whole thousands are short ("$120k") so they fit the chart's gutter.
func TestTickLabel(t *testing.T) {
	tr := text.For(text.English)
	for v, want := range map[int]string{120000: "$120k", 95000: "$95k", 0: "$0", 97500: "$97,500"} {
		if got := tickLabel(tr, v); got != want {
			t.Errorf("tickLabel(%d) = %q, want %q", v, got, want)
		}
	}
}

// TestTitleNamesRoleAndPlace: the document title says the role and the place.
func TestTitleNamesRoleAndPlace(t *testing.T) {
	tr := text.For(text.English)
	for q, want := range map[string]string{
		"":                         tr.F("app.title.scenario", "role", tr.T("role.ehr-analyst.name"), "area", tr.T("area.us.inline")),
		"role=it-manager&state=NY": tr.F("app.title.scenario", "role", tr.T("role.it-manager.name"), "area", "New York"),
	} {
		p, _ := renderStarted(t, q)
		ctx := testContext(t)
		p.setTitle(ctx)
		if got := ctx.Page().Title(); got != want {
			t.Errorf("%q: title %q, want %q", q, got, want)
		}
	}
}
