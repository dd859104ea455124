package ui

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func mustInput(t *testing.T, q string) estimate.Input {
	t.Helper()
	in, errs := estimate.FromQuery(parseQuery(q))
	if len(errs) > 0 {
		t.Fatalf("query %q: %v", q, errs)
	}
	return in
}

// rankStates reads the state codes of the ranking table's rows, in order.
func rankStates(root *node) []string {
	var out []string
	for _, tr := range find(root, byTag("tr")) {
		if s, ok := tr.Attrs["data-state"]; ok {
			out = append(out, s)
		}
	}
	return out
}

func TestRankPanel(t *testing.T) {
	const q = "role=security-analyst&state=OH&years=10&edu=master&employer=vendor&certs=cissp&bg=it"
	rows, err := estimate.Rank(mustInput(t, q))
	if err != nil {
		t.Fatal(err)
	}
	// Closed, the panel says where the person's state ranks and offers the rest.
	c := &rankBody{Query: q}
	root, _ := render(t, c)
	btn := one(t, root, "the toggle", byAttr("aria-controls", "ranking-detail"))
	if btn.Attrs["aria-expanded"] != "false" || len(find(root, byTag("table"))) != 0 {
		t.Errorf("closed: toggle %v, %d tables; want aria-expanded=false and no table", btn.Attrs, len(find(root, byTag("table"))))
	}
	if !strings.Contains(textOf(root), "Ohio ranks") {
		t.Errorf("closed: no sentence on Ohio's rank in %q", textOf(root))
	}
	c.open = true
	root, _ = render(t, c)
	if btn := one(t, root, "the toggle", byAttr("aria-controls", "ranking-detail")); btn.Attrs["aria-expanded"] != "true" {
		t.Errorf("open: toggle %v", btn.Attrs)
	}
	one(t, root, "[data-testid=state-ranking]", byAttr("data-testid", "state-ranking"))
	got := rankStates(root)
	want := make([]string, len(rows))
	for i, r := range rows {
		want[i] = r.Area.Code
	}
	if !slices.Equal(got, want) {
		t.Fatalf("rows by estimate:\n got %v\nwant %v", got, want)
	}
	cur := one(t, root, "the person's row", byAttr("data-current", "true"))
	if cur.Attrs["data-state"] != "OH" || !strings.Contains(cur.Attrs["class"], "is-current") {
		t.Errorf("current row %v, want OH marked is-current", cur.Attrs)
	}
	sorted := find(root, func(n *node) bool { _, ok := n.Attrs["aria-sort"]; return ok })
	if len(sorted) != 1 || !strings.Contains(textOf(sorted[0]), "Estimate") || sorted[0].Attrs["aria-sort"] != "descending" {
		t.Fatalf("aria-sort headers: %d, want the Estimate column descending", len(sorted))
	}
	if n := len(find(root, func(n *node) bool { return n.Tag == "button" && n.Attrs["class"] == "sort" })); n != 2 {
		t.Errorf("%d sort buttons, want 2", n)
	}
	tiles := find(root, func(n *node) bool { return n.Tag == "g" && strings.Contains(n.Attrs["class"], "tile") })
	you := find(root, func(n *node) bool { return strings.Contains(n.Attrs["class"], "tile--you") })
	if len(tiles) != 51 || len(you) != 1 || !strings.Contains(textOf(you[0]), "OH") {
		t.Errorf("%d tiles, %d outlined (want 51, 1: OH)", len(tiles), len(you))
	}
	svg := one(t, root, "map", byTag("svg"))
	if id := svg.Attrs["aria-labelledby"]; svg.Attrs["role"] != "img" || len(find(root, byAttr("id", id))) != 1 {
		t.Errorf("map svg role %q labelled by %q: want an image named by an element of the panel", svg.Attrs["role"], id)
	}

	// Sorted by the adjusted figure: the model's AdjustedRank order, the header moves.
	first := &c.rows[0]
	c.byAdjusted = true
	root, _ = render(t, c)
	slices.SortStableFunc(rows, func(a, b estimate.StateRank) int { return a.AdjustedRank - b.AdjustedRank })
	for i, r := range rows {
		want[i] = r.Area.Code
	}
	if got := rankStates(root); !slices.Equal(got, want) {
		t.Errorf("rows by adjusted:\n got %v\nwant %v", got, want)
	}
	sorted = find(root, func(n *node) bool { _, ok := n.Attrs["aria-sort"]; return ok })
	if len(sorted) != 1 || !strings.Contains(textOf(sorted[0]), "Adjusted") {
		t.Errorf("aria-sort not on the adjusted column after sorting by it")
	}
	if first != &c.rows[0] {
		t.Error("sorting computed the ranking again; it should reuse it")
	}
	// A new scenario computes it again.
	c.Query = "role=it-support&state=US"
	root, _ = render(t, c)
	if c.query != c.Query || len(find(root, byAttr("data-current", "true"))) != 0 {
		t.Errorf("after a scenario change: computed for %q, current rows %d", c.query, len(find(root, byAttr("data-current", "true"))))
	}
	if !strings.Contains(textOf(root), testCatalog().T("rank.you.none")) {
		t.Error("the nation chosen: the panel should say no state is highlighted")
	}
}

func TestPaybackPanel(t *testing.T) {
	tests := []struct {
		name  string
		query string
		set   func(c *paybackBody)
		pin   func(in estimate.Input) estimate.PaybackInput
	}{
		{name: "default step for an associate degree",
			query: "role=health-info-tech&state=OH&years=3&edu=associate&employer=hospital-system&bg=new",
			pin: func(in estimate.Input) estimate.PaybackInput {
				s := estimate.Steps()[estimate.DefaultStep(in.Education)]
				return estimate.PaybackInput{Profile: in, From: s.From, To: s.To, Years: s.Years, Tuition: s.Tuition}
			}},
		{name: "bachelor's to master's part time with own tuition",
			query: "role=informatics&state=TX&years=6&edu=bachelor&employer=any&bg=clinical",
			set: func(c *paybackBody) {
				c.step, c.chosen, c.partTime = 5, true, true
				c.typed, c.edited = [2]string{"$20,000", "3"}, [2]bool{true, true}
			},
			pin: func(in estimate.Input) estimate.PaybackInput {
				s := estimate.Steps()[5]
				return estimate.PaybackInput{Profile: in, From: s.From, To: s.To, Years: 3, Tuition: 20_000, PartTime: true}
			}},
		{name: "never pays back at a huge tuition",
			query: "role=it-support&state=WY&years=2&edu=hs",
			set:   func(c *paybackBody) { c.typed[0], c.edited[0] = "200000", true },
			pin: func(in estimate.Input) estimate.PaybackInput {
				s := estimate.Steps()[estimate.DefaultStep(in.Education)]
				return estimate.PaybackInput{Profile: in, From: s.From, To: s.To, Years: s.Years, Tuition: 200_000}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &paybackBody{Query: tt.query}
			if tt.set != nil {
				tt.set(c)
			}
			want, err := estimate.PaybackFor(tt.pin(mustInput(t, tt.query)))
			if err != nil {
				t.Fatal(err)
			}
			root, _ := render(t, c)
			one(t, root, "[data-testid=payback]", byAttr("data-testid", "payback"))
			res := one(t, root, "result", func(n *node) bool { _, ok := n.Attrs["data-payback-years"]; return ok })
			years := "never"
			if want.PaybackYear > 0 {
				years = strconv.Itoa(want.PaybackYear)
			}
			if res.Attrs["data-payback-years"] != years || res.Attrs["data-net10"] != strconv.Itoa(want.Net10) ||
				res.Attrs["data-net20"] != strconv.Itoa(want.Net20) || res.Attrs["data-gain"] != strconv.Itoa(want.Gain) {
				t.Errorf("panel %v, model %+v", res.Attrs, want)
			}
			if body := textOf(root); !strings.Contains(body, testCatalog().Message(want.Verdict)) ||
				!strings.Contains(body, testCatalog().Money(want.Forgone)) {
				t.Errorf("panel text lacks the verdict or the pay given up: %q", body)
			}
			if len(find(root, byAttr("aria-invalid", "true"))) != 0 {
				t.Error("valid entries marked invalid")
			}
		})
	}
	// A bad entry says what is used instead.
	c := &paybackBody{Query: "role=ehr-analyst", typed: [2]string{"lots"}, edited: [2]bool{true, false}}
	root, _ := render(t, c)
	if p := find(root, byAttr("id", "payback-tuition-problem")); len(p) != 1 || !strings.Contains(textOf(p[0]), "using") {
		t.Error("a tuition that is not a number shows no problem")
	}
}

// paybackHost is a page stand-in that renders a PaybackPanel for a scenario it owns.
type paybackHost struct {
	app.Compo
	ctx   app.Context
	query string
	panel *paybackBody // the mounted panel: the one of the first render
}

func (h *paybackHost) OnMount(ctx app.Context)     { h.ctx = ctx }
func (h *paybackHost) OnPreRender(ctx app.Context) { h.ctx = ctx }
func (h *paybackHost) Render() app.UI {
	p := &paybackBody{Query: h.query}
	if h.panel == nil {
		h.panel = p
	}
	return el("div").Body(p)
}

// TestPaybackKeepsEntries checks the panel's own entries survive a new scenario from
// the page: go-app keeps the mounted panel and updates only its Query.
func TestPaybackKeepsEntries(t *testing.T) {
	e := app.NewTestEngine()
	h := &paybackHost{query: "role=ehr-analyst&state=OH&edu=associate"}
	if err := e.Load(h); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	h.panel.step, h.panel.chosen, h.panel.partTime = 4, true, true
	h.panel.typed[0], h.panel.edited[0] = "9000", true
	h.ctx.Dispatch(func(app.Context) { h.query = "role=ehr-analyst&state=CA&edu=associate&years=7" })
	e.ConsumeAll()
	p := h.panel
	if p.Query != h.query || p.step != 4 || !p.partTime || p.typed[0] != "9000" {
		t.Fatalf("after the page re-rendered: %+v", p)
	}
	root, _ := render(t, h)
	if v := one(t, root, "tuition", byAttr("id", "payback-tuition")).Attrs["value"]; v != "9000" {
		t.Errorf("tuition field shows %q, want the entry 9000", v)
	}
}

func TestWaterfall(t *testing.T) {
	for _, q := range []string{"", "role=informatics&state=TX&years=6&edu=master&employer=hospital-system&certs=epic,cphims&bg=clinical",
		"role=it-support&state=WY&years=0&edu=hs&employer=clinic"} {
		r := mustEstimate(t, mustInput(t, q))
		root, _ := render(t, &waterfallBody{Factors: r.Factors, Total: r.Estimate})
		bars := find(root, func(n *node) bool { return strings.Contains(n.Attrs["class"], "wf-bar") })
		if len(bars) != len(r.Factors)-1 {
			t.Errorf("%q: %d bars for %d factors after the base", q, len(bars), len(r.Factors)-1)
		}
		labels := find(root, func(n *node) bool { return n.Attrs["class"] == "wf-label" })
		c := testCatalog()
		for i, f := range r.Factors[1:] {
			if want := factorName(c, f.Kind) + ": " + c.SignedMoney(f.Dollars); textOf(labels[i+1]) != want {
				t.Errorf("%q: label %q, want %q", q, textOf(labels[i+1]), want)
			}
		}
		if last := textOf(labels[len(labels)-1]); !strings.HasSuffix(last, c.Money(r.Estimate)) {
			t.Errorf("%q: last label %q, want the estimate %s", q, last, c.Money(r.Estimate))
		}
		svg := one(t, root, "svg", byTag("svg"))
		if id := svg.Attrs["aria-labelledby"]; svg.Attrs["role"] != "img" || len(find(root, byAttr("id", id))) != 1 {
			t.Errorf("%q: chart role %q labelled by %q", q, svg.Attrs["role"], id)
		}
	}
}
