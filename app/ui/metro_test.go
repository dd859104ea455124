package ui

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hit-salary/hit-salary/app/estimate"
)

// TestMetroChanges: picking a metro, going back to the whole state, and a state change
// that drops the metro with a notice; a metro the state does not have is refused.
func TestMetroChanges(t *testing.T) {
	ctx := testContext(t)
	p := newTestPage(&memStore{})
	p.start(nil, "", sourceWasm)
	p.onChange(ctx, Change{Field: estimate.ParamState, Value: "MA"})
	p.onChange(ctx, Change{Field: estimate.ParamMetro, Value: "14460"})
	if p.in.State != "MA" || p.in.Metro != "14460" || len(p.notices) != 0 {
		t.Fatalf("scenario %+v, notices %v", p.in, p.notices)
	}
	if got := ctx.Page().URL().Query().Get(estimate.ParamMetro); got != "14460" {
		t.Errorf("URL metro=%q", got)
	}
	root, _ := render(t, p)
	_, median, _, _ := resultAttrs(t, root)
	if want := mustEstimate(t, p.in); median != want.Estimate {
		t.Errorf("median %d, want %d", median, want.Estimate)
	}
	one(t, root, "location row", byAttr("data-factor", "location"))
	sel := one(t, root, "#metro", byAttr("id", "metro"))
	opts := find(sel, func(n *node) bool { return n.Tag == "option" })
	if len(opts) != len(estimate.MetrosOf("MA"))+1 || opts[0].Attrs["value"] != "none" {
		t.Errorf("#metro has %d options (first %v), want Whole state and %d metros", len(opts), opts[0].Attrs, len(estimate.MetrosOf("MA")))
	}
	if title := textOf(one(t, root, "#summary-title", byAttr("id", "summary-title"))); !strings.Contains(title, "Boston-Cambridge-Newton") {
		t.Errorf("summary title %q does not name the metro", title)
	}

	// A state the metro spans keeps it; one it does not drops it and says so.
	p.onChange(ctx, Change{Field: estimate.ParamState, Value: "NH"})
	if p.in.Metro != "14460" || len(p.notices) != 0 {
		t.Errorf("NH: metro %q, notices %v", p.in.Metro, p.notices)
	}
	p.onChange(ctx, Change{Field: estimate.ParamState, Value: "CA"})
	if p.in.State != "CA" || p.in.Metro != "" || len(p.notices) != 1 || p.notices[0].Code != estimate.CodeNotInState {
		t.Fatalf("CA: scenario %+v, notices %v", p.in, p.notices)
	}
	root, _ = render(t, p)
	notice := textOf(one(t, root, "notice", byAttr("data-testid", "notice")))
	if !strings.Contains(notice, "Boston-Cambridge-Newton, MA-NH is not in the chosen state") || !strings.Contains(notice, "Whole state") {
		t.Errorf("notice %q", notice)
	}
	if _, ok := ctx.Page().URL().Query()[estimate.ParamMetro]; ok {
		t.Errorf("URL %q keeps the dropped metro", ctx.Page().URL().RawQuery)
	}
	if n := find(root, byAttr("data-factor", "location")); len(n) != 0 {
		t.Error("a location row for the whole state")
	}

	// A metro of another state (a tampered page) is refused; "none" is the whole state.
	p.onChange(ctx, Change{Field: estimate.ParamMetro, Value: "14460"})
	if p.in.Metro != "" {
		t.Errorf("took a metro of another state: %+v", p.in)
	}
	p.onChange(ctx, Change{Field: estimate.ParamMetro, Value: "31080"})
	p.onChange(ctx, Change{Field: estimate.ParamMetro, Value: "none"})
	if p.in.Metro != "" {
		t.Errorf("none kept %q", p.in.Metro)
	}
}

// TestMetroDeepLink: a link naming a metro shows it; one naming a metro outside its
// state shows the notice and the whole state.
func TestMetroDeepLink(t *testing.T) {
	for _, tc := range []struct {
		query, metro string
		notice       bool
	}{
		{"role=it-support&state=TX&metro=12420", "12420", false},
		{"role=it-support&state=CA&metro=12420", "", true},
		{"role=it-support&state=TX&metro=%3Cb%3E", "", true},
	} {
		q, _ := url.ParseQuery(tc.query)
		p := newTestPage(&memStore{})
		p.start(q, "", sourceWasm)
		if p.in.Metro != tc.metro || (len(p.notices) > 0) != tc.notice || p.metroWait != nil {
			t.Errorf("%s: metro %q, notices %v", tc.query, p.in.Metro, p.notices)
		}
	}
}

// TestMetroWaitsForTable: in the browser, before the metro table is fetched, a link
// naming a metro is kept whole (not reported as unknown) and its figures are marked
// pending, and so is a stored scenario naming one.
func TestMetroWaitsForTable(t *testing.T) {
	saved := estimate.Metros()
	if len(saved) == 0 {
		t.Fatal("no metro table natively")
	}
	q, _ := url.ParseQuery("role=it-support&state=TX&metro=12420&years=4")
	p := newTestPage(&memStore{})
	withoutTable(t, func() {
		gotQ, stored, source := p.deferMetro(q, "", sourceWasm)
		if p.metroWait == nil || source != sourceMetroWait || gotQ.Get(estimate.ParamMetro) != "" || gotQ.Get("years") != "4" || stored != "" {
			t.Errorf("deferMetro(link) = %v %q %q, wait %+v", gotQ, stored, source, p.metroWait)
		}
		in, errs := scenarioFrom(p.route.Preset, gotQ, nil)
		if len(errs) != 0 || in.State != "TX" || in.Years != 4 {
			t.Errorf("the link without its metro reads as %+v %v", in, errs)
		}
		_, stored, source = p.deferMetro(nil, "state=TX&metro=12420", sourceWasm)
		if p.metroWait == nil || source != sourceMetroWait || strings.Contains(stored, "12420") || !strings.Contains(stored, "state=TX") {
			t.Errorf("deferMetro(stored) = %q %q", stored, source)
		}
		if _, _, source = p.deferMetro(url.Values{"state": {"TX"}}, "", sourceWasm); p.metroWait != nil || source != sourceWasm {
			t.Error("a link without a metro waits")
		}
	})
	// With the table, nothing waits.
	if _, _, source := p.deferMetro(q, "", sourceWasm); p.metroWait != nil || source != sourceWasm {
		t.Error("waits with the table installed")
	}
}

// withoutTable runs f as the browser is before the metro table is fetched. The model
// lacks a way to remove the native table from outside its package other than installing
// none, so the test parses it back from the committed file afterwards.
func withoutTable(t *testing.T, f func()) {
	t.Helper()
	data := readMetroFile(t)
	estimate.UseMetroTable(nil)
	defer func() {
		tbl, err := estimate.ParseMetroTable(data)
		if err != nil {
			t.Fatal(err)
		}
		estimate.UseMetroTable(tbl)
	}()
	f()
}

func readMetroFile(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "web", "metros.csv"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestEveryOptionHasAValue: go-app drops an empty value attribute, and an option without
// one has its label as its value, which the model would refuse: every option of the
// form's selects must carry a value (the "none" choices included).
func TestEveryOptionHasAValue(t *testing.T) {
	for _, query := range []string{"", "state=MA&metro=14460&from=registered-nurse"} {
		q, _ := url.ParseQuery(query)
		p := newTestPage(&memStore{})
		p.start(q, "", sourceWasm)
		root, _ := render(t, p)
		form := one(t, root, "#scenario", byAttr("id", "scenario"))
		for _, o := range find(form, func(n *node) bool { return n.Tag == "option" }) {
			v, ok := o.Attrs["value"]
			if !ok || v == "" {
				t.Errorf("%q: option %q has no value", query, textOf(o))
			}
		}
	}
	// What the "none" choices send is read as none.
	in, errs := estimate.FromQuery(url.Values{"state": {"MA"}, "metro": {"none"}, "from": {"none"}})
	if len(errs) != 0 || in.Metro != "" || in.From != "" {
		t.Errorf("none reads as %+v %v", in, errs)
	}
}

func TestNamesNone(t *testing.T) {
	for q, want := range map[string]bool{
		"role=it-manager&state=NY":                     false,
		"role=it-manager&metro=none&from=none&prior=0": true,
		"from=NONE": true,
		"prior=0":   true,
		"prior=4&from=registered-nurse&metro=14460": false,
		"state=MA&metro=14460":                      false,
		"":                                          false,
	} {
		if got := namesNone(q); got != want {
			t.Errorf("namesNone(%q) = %v, want %v", q, got, want)
		}
	}
}
