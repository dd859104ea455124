package ui

import (
	"strconv"
	"strings"
	"testing"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/saved"
	"github.com/hit-salary/hit-salary/app/text"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// memSaved is in-memory local storage for the saved list. blocked makes it unavailable
// (a private window, a sandboxed frame); full makes every write throw, as a full quota
// does. writes counts the writes that were kept.
type memSaved struct {
	items   map[string]string
	blocked bool
	full    bool
	writes  int
}

func (m *memSaved) Read() (string, bool, string, string, error) {
	if m.blocked {
		return "", false, "", "", errStorageBlocked
	}
	raw, found := m.items[saved.Key]
	return raw, found, m.items[saved.ScenarioKey], m.items[saved.PinsKey], nil
}

func (m *memSaved) set(key, value string) error {
	switch {
	case m.blocked:
		return errStorageBlocked
	case m.full:
		return errStorageRefused
	}
	if m.items == nil {
		m.items = map[string]string{}
	}
	m.items[key] = value
	m.writes++
	return nil
}

func (m *memSaved) Write(raw string) error { return m.set(saved.Key, raw) }
func (m *memSaved) Keep(raw string) error  { return m.set(saved.BackupKey, raw) }

// stored is what the storage holds under the list's key, decoded.
func (m *memSaved) stored(t *testing.T) []saved.Item {
	t.Helper()
	l := saved.Decode(m.items[saved.Key])
	if l.State != saved.Read {
		t.Fatalf("stored list %q reads as state %d", m.items[saved.Key], l.State)
	}
	return l.Items
}

func newSaved(st savedStorage, query string) *SavedPanel {
	c := &SavedPanel{Lang: text.English, Query: query, storage: st}
	c.load()
	return c
}

// savedItems renders the panel and returns its items' data-name and data-estimate.
func savedItems(t *testing.T, c *SavedPanel) (names []string, estimates []string, root *node) {
	t.Helper()
	root, _ = render(t, c)
	one(t, root, "saved panel", byAttr("data-testid", "saved"))
	for _, it := range find(root, byAttr("data-testid", "saved-item")) {
		names = append(names, it.Attrs["data-name"])
		estimates = append(estimates, it.Attrs["data-estimate"])
	}
	return names, estimates, root
}

func TestSavedPanel(t *testing.T) {
	en := text.For(text.English)
	st := &memSaved{}
	oh, ma := "role=ehr-analyst&state=OH&years=8", "role=it-manager&state=MA&years=1"
	c := newSaved(st, oh)
	c.save("") // the default name
	c.Query = ma
	c.save("  Boston \u202e job\n")
	c.save("again") // already saved: nothing happens
	if got := st.stored(t); len(got) != 2 || got[0].Name != "EHR / clinical systems analyst, Ohio, 8 years" || got[1].Name != "Boston job" {
		t.Fatalf("stored %+v", got)
	}
	if got := defaultName(en, mustQuery(t, ma)); !strings.HasSuffix(got, ", Massachusetts, 1 year") {
		t.Errorf("default name for one year %q", got)
	}
	rOH := mustEstimate(t, mustQuery(t, oh))
	if it := st.stored(t)[0]; it.Estimate != rOH.Estimate || it.Low != rOH.Low || it.High != rOH.High || it.Edition != estimate.DataEdition {
		t.Errorf("saved figures %+v, want the model's %d (%d–%d)", it, rOH.Estimate, rOH.Low, rOH.High)
	}

	// A reload (or an app update) reads both back, with the model's estimates.
	again := newSaved(st, ma)
	names, estimates, root := savedItems(t, again)
	if strings.Join(names, "|") != "EHR / clinical systems analyst, Ohio, 8 years|Boston job" || estimates[0] != strconv.Itoa(rOH.Estimate) {
		t.Fatalf("after a reload: names %q, estimates %q", names, estimates)
	}
	if !strings.Contains(textOf(root), en.F("saved.already", "name", "Boston job")) {
		t.Error("the scenario on screen is saved, yet the panel does not say so")
	}
	if _, off := one(t, root, "save button", byAttr("data-testid", "saved-save")).Attrs["disabled"]; !off {
		t.Error("save button enabled for a scenario already saved")
	}
	if links := find(root, byAttr("class", "saved__link")); len(links) != 2 || links[0].Attrs["href"] != "/?"+oh {
		t.Errorf("links %v", links)
	}
	prints := find(root, byAttr("data-testid", "saved-print"))
	if len(prints) != 2 || prints[1].Attrs["href"] != "/?"+ma+"&print=1" || prints[1].Attrs["target"] != "_blank" {
		t.Errorf("career sheet links %v", prints)
	}
	if strings.Contains(textOf(root), en.T("saved.figures.today")[:6]) {
		t.Error("today's figures shown although nothing changed since saving")
	}

	again.rename(0, "Hospital in Columbus")
	again.rename(1, " \t ") // an empty name keeps the old one
	again.remove(1)
	again.remove(5) // out of range: nothing
	if got := st.stored(t); len(got) != 1 || got[0].Name != "Hospital in Columbus" {
		t.Fatalf("after rename and delete: %+v", got)
	}
	_, _, root = savedItems(t, again)
	if s := textOf(one(t, root, "status", byAttr("data-testid", "saved-status"))); s != en.F("saved.deleted", "name", "Boston job") {
		t.Errorf("status %q", s)
	}
}

// TestSavedPanelStorageFails: a full quota, blocked storage and a later version's list
// each get a message; the list keeps working in memory and nothing stored is lost.
func TestSavedPanelStorageFails(t *testing.T) {
	en := text.For(text.English)
	q := "role=consultant&state=CA&years=5"

	full := &memSaved{}
	c := newSaved(full, q)
	full.full = true
	c.save("First")
	if len(c.items) != 1 || c.problem != "saved.refused" {
		t.Fatalf("full quota: items %d, problem %q", len(c.items), c.problem)
	}
	_, _, root := savedItems(t, c)
	panel := one(t, root, "panel", byAttr("data-testid", "saved"))
	if panel.Attrs["data-storage"] != "refused" || !strings.Contains(textOf(root), en.T("saved.refused")) {
		t.Errorf("full quota: data-storage %q, text %q", panel.Attrs["data-storage"], textOf(root))
	}
	full.full = false
	c.rename(0, "First, kept")
	if got := full.stored(t); c.problem != "" || len(got) != 1 || got[0].Name != "First, kept" {
		t.Errorf("once storage works again the whole list is written: %+v, problem %q", got, c.problem)
	}

	blocked := &memSaved{blocked: true}
	c = newSaved(blocked, q)
	c.save("")
	_, _, root = savedItems(t, c)
	if len(c.items) != 1 || c.problem != "saved.blocked" || !strings.Contains(textOf(root), en.T("saved.blocked")) {
		t.Errorf("blocked storage: items %d, problem %q", len(c.items), c.problem)
	}

	later := `{"v":2,"items":[{"title":"from the future"}]}`
	newer := &memSaved{items: map[string]string{saved.Key: later}}
	c = newSaved(newer, q)
	c.save("Mine")
	c.remove(0)
	c.save("Mine")
	if newer.items[saved.Key] != later || newer.writes != 0 || len(c.items) != 1 {
		t.Errorf("a later version's list was written over: %q (%d writes), items %d", newer.items[saved.Key], newer.writes, len(c.items))
	}
	_, _, root = savedItems(t, c)
	if !strings.Contains(textOf(root), en.T("saved.newer")) {
		t.Error("no message about the read-only list")
	}

	// An unreadable list is copied aside before the first write over it.
	junk := `{"v":1,"items":[{"name":"ok","query":"years=2"},{"name":"bad","query":"role=astronaut"}]}`
	corrupt := &memSaved{items: map[string]string{saved.Key: junk}}
	c = newSaved(corrupt, q)
	_, _, root = savedItems(t, c)
	if !strings.Contains(textOf(root), en.F("saved.dropped", "n", "1")) {
		t.Errorf("no message about the item left out: %q", textOf(root))
	}
	c.save("")
	if corrupt.items[saved.BackupKey] != junk || len(corrupt.stored(t)) != 2 {
		t.Errorf("backup %q, stored %+v", corrupt.items[saved.BackupKey], corrupt.stored(t))
	}
}

// TestSavedPanelMigrates: with no list stored, the compare pins and the last scenario
// become saved items (written at once in the new format), named by default.
func TestSavedPanelMigrates(t *testing.T) {
	st := &memSaved{items: map[string]string{
		saved.PinsKey:     encodePins([]string{"role=ehr-analyst&state=TX&years=3"}),
		saved.ScenarioKey: "role=security-analyst&state=CA&years=7",
	}}
	c := newSaved(st, "role=it-support")
	names, _, root := savedItems(t, c)
	if strings.Join(names, "|") != "EHR / clinical systems analyst, Texas, 3 years|Cybersecurity analyst, California, 7 years" {
		t.Errorf("migrated names %q", names)
	}
	if len(st.stored(t)) != 2 {
		t.Error("the migrated list was not written")
	}
	if !strings.Contains(textOf(root), text.For(text.English).T("saved.note.migrated")) {
		t.Error("a migrated item does not say it has no figures as saved")
	}
}

// TestSavedPanelEditionChanged: an item saved with another data edition shows its
// figures as saved and today's, and says why they differ.
func TestSavedPanelEditionChanged(t *testing.T) {
	en := text.For(text.English)
	q := "role=ehr-analyst&state=OH&years=8"
	old := saved.Encode([]saved.Item{{Name: "Old", Query: q, Edition: "OEWS May 2023", Estimate: 70000, Low: 60000, High: 80000}})
	c := newSaved(&memSaved{items: map[string]string{saved.Key: old}}, q)
	_, estimates, root := savedItems(t, c)
	r := mustEstimate(t, mustQuery(t, q))
	s := textOf(root)
	if estimates[0] != strconv.Itoa(r.Estimate) || !strings.Contains(s, "$70,000") || !strings.Contains(s, en.Money(r.Estimate)) ||
		!strings.Contains(s, en.T("saved.note.edition")) {
		t.Errorf("data-estimate %s, text %q", estimates[0], s)
	}
}

// TestSavedPanelFull: at saved.MaxItems the save button is off and the panel says so.
func TestSavedPanelFull(t *testing.T) {
	c := newSaved(&memSaved{}, "")
	for y := range saved.MaxItems + 2 {
		c.Query = "years=" + strconv.Itoa(y)
		c.save("")
	}
	if len(c.items) != saved.MaxItems {
		t.Fatalf("%d items", len(c.items))
	}
	c.Query = "years=40"
	_, _, root := savedItems(t, c)
	if _, off := one(t, root, "save button", byAttr("data-testid", "saved-save")).Attrs["disabled"]; !off ||
		!strings.Contains(textOf(root), text.For(text.English).F("saved.full", "n", "20")) {
		t.Error("a full list does not say so")
	}
}

// TestSavedPanelSpanish: every string of the panel is in Spanish in a Spanish page.
func TestSavedPanelSpanish(t *testing.T) {
	c := newSaved(&memSaved{}, "role=ehr-analyst&state=OH&years=8")
	c.Lang = text.Spanish
	c.save("")
	if c.items[0].Name != "Analista de EHR / sistemas clínicos en Ohio, 8 años" {
		t.Errorf("Spanish default name %q", c.items[0].Name)
	}
	_, _, root := savedItems(t, c)
	es := text.For(text.Spanish)
	if s := textOf(root); !strings.Contains(s, es.T("saved.title")) || !strings.Contains(s, es.T("saved.print")) || strings.Contains(s, "Saved") {
		t.Errorf("Spanish panel: %q", s)
	}
}

func TestPrintParamNotScenario(t *testing.T) {
	if hasScenario(parseQuery(printParam + "=1")) {
		t.Errorf("%s= is read as part of the scenario", printParam)
	}
}

// TestSavedPanelInPage: the page has the panel, loaded in go-app's test engine; an
// embedded page (which keeps nothing on the device) has none.
func TestSavedPanelInPage(t *testing.T) {
	e := app.NewTestEngine()
	p := newTestPage(&memStore{})
	if err := e.Load(p); err != nil {
		t.Fatalf("Load: %v", err)
	}
	e.ConsumeAll()
	root, _ := render(t, p)
	panel := one(t, root, "saved panel", byAttr("data-testid", "saved"))
	if panel.Attrs["data-items"] != "0" || panel.Attrs["data-storage"] != "ok" {
		t.Errorf("pre-rendered panel %v", panel.Attrs)
	}
	p = newTestPage(&memStore{})
	p.embed = parseEmbed("embed=1")
	p.start(nil, "", sourcePrerender)
	root, _ = render(t, p)
	if n := len(find(root, byAttr("data-testid", "saved"))); n != 0 {
		t.Errorf("an embedded page has %d saved panels", n)
	}
}

// TestSavedRowsFollowTheList: the list's rows (the child component's input) are built
// again when the list changes, not when the scenario on screen does, so an edit of the
// form leaves the list's component as it was.
func TestSavedRowsFollowTheList(t *testing.T) {
	c := newSaved(&memSaved{}, "role=ehr-analyst&state=OH&years=8")
	c.save("")
	render(t, c)
	first := &c.rows[0]
	c.Query = "role=ehr-analyst&state=OH&years=9"
	render(t, c)
	if &c.rows[0] != first {
		t.Error("an edit of the scenario rebuilt the list's rows")
	}
	c.save("")
	render(t, c)
	if len(c.rows) != 2 {
		t.Errorf("after saving a second scenario the list has %d rows", len(c.rows))
	}
}

// TestDefaultNamePlural: the default name counts years by the catalogue's plural rule
// (Catalog.Plural) in each language: one year, and any other number of years.
func TestDefaultNamePlural(t *testing.T) {
	for _, tt := range []struct {
		lang       text.Lang
		one, other string
	}{
		{text.English, ", 1 year", ", 0 years"},
		{text.Spanish, ", 1 año", ", 0 años"},
	} {
		c := text.For(tt.lang)
		if got := defaultName(c, mustQuery(t, "role=it-manager&state=MA&years=1")); !strings.HasSuffix(got, tt.one) {
			t.Errorf("%s: default name for one year %q, want …%s", tt.lang, got, tt.one)
		}
		if got := defaultName(c, mustQuery(t, "role=it-manager&state=MA&years=0")); !strings.HasSuffix(got, tt.other) {
			t.Errorf("%s: default name for no years %q, want …%s", tt.lang, got, tt.other)
		}
	}
}
