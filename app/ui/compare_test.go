package ui

import (
	"slices"
	"strings"
	"testing"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
)

// memPins is an in-memory pin store; broken makes every save fail, as a full quota or
// blocked storage does.
type memPins struct {
	saved  string
	broken bool
}

func (m *memPins) LoadPins() []string { return decodePins(m.saved) }
func (m *memPins) SavePins(p []string) bool {
	if m.broken {
		return false
	}
	m.saved = encodePins(p)
	return true
}

func TestPinsFormat(t *testing.T) {
	pins := []string{"role=it-manager&state=CA", "edu=master&role=ehr-analyst"}
	if got := decodePins(encodePins(pins)); !slices.Equal(got, pins) {
		t.Errorf("round trip: %q, want %q", got, pins)
	}
	for _, s := range []string{"", "junk", `{"v":2,"pins":["role=it-manager"]}`, `{"v":1,"pins":["nothing=1"]}`,
		`{"v":1,"pins":["` + strings.Repeat("a", 3000) + `"]}`} {
		if got := decodePins(s); len(got) != 0 {
			t.Errorf("decodePins(%.40q) = %q, want none", s, got)
		}
	}
	many := encodePins([]string{"years=1", "years=2", "years=2", "years=3", "years=4"})
	if got := decodePins(many); !slices.Equal(got, []string{"years=1", "years=2", "years=3"}) {
		t.Errorf("decodePins keeps %q, want the first three distinct", got)
	}
}

func TestComparePins(t *testing.T) {
	st := &memPins{}
	c := &ComparePanel{Lang: text.English, store: st}
	for _, q := range []string{"role=ehr-analyst&state=OH&years=3", "role=ehr-analyst&state=MA&years=3", "role=ehr-analyst&state=MA&years=3", "role=it-manager&state=OH&years=3", "role=consultant"} {
		c.Query = q
		c.pin()
	}
	want := []string{"role=ehr-analyst&state=OH&years=3", "role=ehr-analyst&state=MA&years=3", "role=it-manager&state=OH&years=3"}
	if !slices.Equal(c.pins, want) || !slices.Equal(decodePins(st.saved), want) {
		t.Fatalf("pins %q, stored %q, want %q (no duplicate, at most three)", c.pins, decodePins(st.saved), want)
	}
	// A new panel (a reload, an app update) reads them back.
	again := &ComparePanel{Lang: text.English, store: st}
	again.load()
	if !slices.Equal(again.pins, want) {
		t.Errorf("after a reload: %q", again.pins)
	}

	root, _ := render(t, c)
	panel := one(t, root, "compare", byAttr("data-testid", "compare"))
	if panel.Attrs["data-pins"] != "3" {
		t.Errorf("data-pins %q", panel.Attrs["data-pins"])
	}
	links := find(root, byAttr("class", "compare__link"))
	if len(links) != 3 || links[1].Attrs["href"] != "/?"+want[1] {
		t.Errorf("links %v", links)
	}
	var diffs []string
	for _, td := range find(root, byAttr("data-diff", "yes")) {
		diffs = append(diffs, textOf(td))
	}
	ma, _ := estimate.LookupArea("MA")
	if !slices.ContainsFunc(diffs, func(s string) bool { return strings.HasPrefix(s, ma.Name) }) {
		t.Errorf("Massachusetts not marked as differing: %q", diffs)
	}
	if slices.ContainsFunc(diffs, func(s string) bool { return strings.HasPrefix(s, "3 ") }) {
		t.Errorf("equal years marked as differing: %q", diffs)
	}
	r, _ := estimate.Estimate(mustQuery(t, want[2]))
	if !strings.Contains(textOf(root), text.For(text.English).Money(r.Estimate)) {
		t.Errorf("scenario 3's estimate %d not shown", r.Estimate)
	}
	pinBtn := one(t, root, "pin button", byAttr("data-testid", "compare-pin"))
	if _, off := pinBtn.Attrs["disabled"]; !off {
		t.Error("pin button enabled with three pins")
	}

	c.remove(0)
	if !slices.Equal(c.pins, want[1:]) || !slices.Equal(decodePins(st.saved), want[1:]) {
		t.Errorf("after removing the first: %q, stored %q", c.pins, decodePins(st.saved))
	}

	// Storage refuses: the pins stay for this page and the panel says so.
	st.broken = true
	c.Query = "role=consultant"
	c.pin()
	if len(c.pins) != 3 || !c.failed {
		t.Errorf("with broken storage: pins %q, failed %v", c.pins, c.failed)
	}
	root, _ = render(t, c)
	if !strings.Contains(textOf(root), text.For(text.English).T("compare.unsaved")) {
		t.Error("no message about the unsaved pins")
	}
}

func mustQuery(t *testing.T, q string) estimate.Input {
	t.Helper()
	in, errs := estimate.FromQuery(parseQuery(q))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return in
}
