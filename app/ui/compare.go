package ui

import (
	"encoding/json"
	"strings"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Compare: up to three pinned scenarios side by side, each a link, the rows where they
// differ marked. The pins are kept on this device (local storage) under their own key,
// in a versioned format, so they survive reloads and app updates.

// compareKey names the pinned scenarios in local storage; the version suffix lets a later
// format live beside this one.
const compareKey = "hit-salary.compare.v1"

// maxPins is how many scenarios can be pinned at once.
const maxPins = 3

// pinFile is the stored format: the scenarios as URL query strings.
type pinFile struct {
	V    int      `json:"v"`
	Pins []string `json:"pins"`
}

// pinStore keeps the pinned scenarios. Save reports whether the browser kept them.
type pinStore interface {
	LoadPins() []string
	SavePins(pins []string) bool
}

// decodePins reads the stored format; anything else (another version, bad JSON, too
// many or too long entries) gives the valid pins it holds, or none.
func decodePins(s string) []string {
	var f pinFile
	if len(s) > 8192 || json.Unmarshal([]byte(s), &f) != nil || f.V != 1 {
		return nil
	}
	var out []string
	for _, q := range f.Pins {
		if len(out) == maxPins {
			break
		}
		// Kept as written: a metro is only known once the metro table has loaded.
		if len(q) <= 2048 && hasScenario(parseQuery(q)) {
			out = appendPin(out, q)
		}
	}
	return out
}

// encodePins writes the stored format.
func encodePins(pins []string) string {
	b, _ := json.Marshal(pinFile{V: 1, Pins: pins})
	return string(b)
}

// appendPin adds q unless it is pinned already.
func appendPin(pins []string, q string) []string {
	for _, p := range pins {
		if p == q {
			return pins
		}
	}
	return append(pins, q)
}

// localPins is window.localStorage; storage that is missing or throws (private modes,
// blocked storage, a full quota) loads nothing and reports a failed save.
type localPins struct{}

func (localPins) LoadPins() (pins []string) {
	if app.IsServer {
		return nil
	}
	defer func() {
		if recover() != nil {
			pins = nil
		}
	}()
	ls := app.Window().Get("Reflect").Call("get", app.Window(), "localStorage")
	if !ls.Truthy() {
		return nil
	}
	v := ls.Call("getItem", compareKey)
	if v.IsNull() || v.IsUndefined() {
		return nil
	}
	return decodePins(v.String())
}

func (localPins) SavePins(pins []string) (ok bool) {
	if app.IsServer {
		return false
	}
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	ls := app.Window().Get("Reflect").Call("get", app.Window(), "localStorage")
	if !ls.Truthy() {
		return false
	}
	ls.Call("setItem", compareKey, encodePins(pins))
	return true
}

// ComparePanel is "Compare scenarios" ([data-testid=compare]).
type ComparePanel struct {
	app.Compo

	Lang  text.Lang // language of every string
	Query string    // the scenario on screen, as queryString writes it

	store   pinStore
	pins    []string // pinned scenarios, oldest first
	loaded  bool
	failed  bool // the last save did not reach storage: the pins live in this page only
	results map[string]estimate.Result
}

// OnMount reads the pins kept on this device.
func (c *ComparePanel) OnMount(ctx app.Context) {
	defer recoverTo(ctx, func(app.Context, any) {})
	c.load()
}

func (c *ComparePanel) load() {
	if c.store == nil {
		c.store = localPins{}
	}
	if !c.loaded {
		c.pins, c.loaded = c.store.LoadPins(), true
	}
}

// pin adds the scenario on screen; remove takes pin i away. Both keep the pins in memory
// even when storage fails, and say so.
func (c *ComparePanel) pin() {
	c.load()
	if len(c.pins) >= maxPins {
		return
	}
	c.pins = appendPin(c.pins, c.Query)
	c.failed = !c.store.SavePins(c.pins)
}

func (c *ComparePanel) remove(i int) {
	c.load()
	if i < 0 || i >= len(c.pins) {
		return
	}
	c.pins = append(c.pins[:i:i], c.pins[i+1:]...)
	c.failed = !c.store.SavePins(c.pins)
}

func (c *ComparePanel) onPin(ctx app.Context, e app.Event) {
	defer recoverTo(ctx, func(app.Context, any) {})
	c.pin()
}

// result is the model's answer for a pinned scenario, computed once per scenario.
func (c *ComparePanel) result(q string) (estimate.Result, bool) {
	if r, ok := c.results[q]; ok {
		return r, true
	}
	in, _ := estimate.FromQuery(parseQuery(q))
	r, err := estimate.Estimate(in)
	if err != nil {
		return estimate.Result{}, false
	}
	if c.results == nil {
		c.results = map[string]estimate.Result{}
	}
	c.results[q] = r
	return r, true
}

// Render draws the panel.
func (c *ComparePanel) Render() app.UI {
	t := text.For(c.Lang)
	return safeRender(t, func() app.UI { return c.render(t) })
}

func (c *ComparePanel) render(t *text.Catalog) app.UI {
	pinned := false
	for _, p := range c.pins {
		pinned = pinned || p == c.Query
	}
	button := hs("button|type=button|class=button|data-testid=compare-pin").OnClick(c.onPin).Text(t.T("compare.pin"))
	var status string
	switch {
	case pinned:
		button, status = button.Attr("disabled", true), t.T("compare.pinned")
	case len(c.pins) >= maxPins:
		button, status = button.Attr("disabled", true), t.F("compare.full", "n", t.Int(maxPins))
	}
	body := []app.UI{
		hs("h2|id=compare-title").Text(t.T("compare.title")),
		txt("p", "", t.F("compare.intro", "n", t.Int(maxPins))),
		box("p", "compare__actions", button, app.If(status != "", func() app.UI { return txt("span", "compare__status", " "+status) })),
	}
	if c.failed {
		body = append(body, hs("p|class=compare__problem|role=status").Text(t.T("compare.unsaved")))
	}
	if len(c.pins) > 0 {
		body = append(body, c.renderTable(t))
	}
	return hs("section|id=compare|class=card compare|data-testid=compare").Attr("aria-labelledby", "compare-title").
		DataSet("pins", len(c.pins)).Body(body...)
}

// compareRow is one line of the table: its label and each scenario's value.
type compareRow struct {
	key    string
	values []string
}

func (c *ComparePanel) renderTable(t *text.Catalog) app.UI {
	var heads []app.UI
	rows := []compareRow{{key: "compare.row.role"}, {key: "compare.row.place"}, {key: "compare.row.years"},
		{key: "compare.row.edu"}, {key: "compare.row.employer"}, {key: "compare.row.certs"}, {key: "compare.row.bg"},
		{key: "compare.row.estimate"}, {key: "compare.row.range"}}
	for i, q := range c.pins {
		r, ok := c.result(q)
		if !ok {
			continue
		}
		in := r.Input
		area, _ := estimate.LookupArea(in.State)
		place := placeName(t, area)
		if r.Metro.Code != "" {
			place = r.Metro.Name
		}
		certs := make([]string, len(in.Certs))
		for j, ce := range in.Certs {
			certs[j] = t.T("cert." + string(ce))
		}
		certText := strings.Join(certs, ", ")
		if certText == "" {
			certText = t.T("compare.none")
		}
		vals := []string{roleName(t, in.Role), place, t.Int(in.Years), t.T("edu." + string(in.Education)),
			t.T("employer." + string(in.Employer)), certText, t.T("bg." + string(in.Background)),
			t.Money(r.Estimate), t.F("compare.range", "low", t.Money(r.Low), "high", t.Money(r.High))}
		for k := range rows {
			rows[k].values = append(rows[k].values, vals[k])
		}
		n := t.Int(i + 1)
		heads = append(heads, hs("th|scope=col").DataSet("query", q).Body(
			elc("a", "compare__link").Attr("href", sitePath("/")+"?"+q).DataSet("page", "site").
				Attr("aria-label", t.F("compare.open", "n", n)).Text(t.F("compare.col", "n", n)),
			app.Text(" "),
			hs("button|type=button|class=button button--quiet compare__remove").
				Attr("aria-label", t.F("compare.remove", "n", n)).
				OnClick(func(ctx app.Context, e app.Event) {
					defer recoverTo(ctx, func(app.Context, any) {})
					c.remove(i)
				}).Text(t.T("compare.remove.short")),
		))
	}
	body := make([]app.UI, 0, len(rows))
	for _, row := range rows {
		cells := []app.UI{hs("th|scope=row").Text(t.T(row.key))}
		for j, v := range row.values {
			if j > 0 && v != row.values[0] {
				// Marked for the eye and named for screen readers: not by colour alone.
				cells = append(cells, hs("td|class=is-diff").DataSet("diff", "yes").Body(
					app.Text(v), txt("span", "visually-hidden", " "+t.T("compare.differs")),
				))
				continue
			}
			cells = append(cells, txt("td", "", v))
		}
		body = append(body, h("tr", cells...))
	}
	return h("div|class=table-scroll|tabindex=0|role=region|aria-labelledby=compare-caption",
		hs("table|class=compare__table").Body(
			hs("caption|id=compare-caption").Text(t.T("compare.caption")),
			h("thead", h("tr", append([]app.UI{hs("td")}, heads...)...)),
			h("tbody", body...),
		),
	)
}
