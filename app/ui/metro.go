package ui

import (
	"net/url"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The metro table (estimate.MetroTable) is about 150 KB of text, 57 KB gzipped: compiled
// into app.wasm it would slow every start, so the browser fetches web/metros.csv when it
// is first needed (a state with metro areas on screen, or a link naming a metro) and the
// service worker precaches it with the other web/ files, so it also works offline.
// Natively (the site generator, pre-rendering, tests) the model has it compiled in.

// metroPath is the table's path under the static resources (web/).
const metroPath = "/metros.csv"

// Where the metro table is.
const (
	metrosIdle    = iota // not asked for yet
	metrosLoading        // fetching
	metrosFailed         // the fetch or the parse failed: the whole state is used
)

// metroFetch is the one fetch of the table: its status and who waits for it.
var metroFetch struct {
	status  int
	waiters []func(ok bool)
}

// loadMetros makes sure the metro table is installed, then calls done (in a go-app
// Dispatch, so the component that asked renders again) with whether it is. The table is
// fetched once; a failed fetch is tried again at the next call.
func loadMetros(ctx app.Context, done func(ctx app.Context, ok bool)) {
	if estimate.MetrosLoaded() || app.IsServer {
		done(ctx, estimate.MetrosLoaded())
		return
	}
	metroFetch.waiters = append(metroFetch.waiters, func(ok bool) {
		ctx.Dispatch(func(ctx app.Context) { done(ctx, ok) })
	})
	if metroFetch.status == metrosLoading {
		return
	}
	metroFetch.status = metrosLoading
	fetchText(app.Getenv("GOAPP_STATIC_RESOURCES_URL")+metroPath, func(body string, ok bool) {
		if ok {
			t, err := estimate.ParseMetroTable([]byte(body))
			if ok = err == nil; ok {
				estimate.UseMetroTable(t)
			} else {
				app.Logf("hit-salary: metro table: %v", err)
			}
		}
		metroFetch.status = metrosIdle
		if !ok {
			metroFetch.status = metrosFailed
		}
		ws := metroFetch.waiters
		metroFetch.waiters = nil
		for _, w := range ws {
			w(ok)
		}
	})
}

// fetchText fetches a same-origin URL with the browser's fetch (go-app's wasm has no
// net/http) and calls done once with the body, or with ok false.
func fetchText(u string, done func(body string, ok bool)) {
	var funcs []app.Func
	finish := func(body string, ok bool) {
		for _, f := range funcs {
			f.Release()
		}
		done(body, ok)
	}
	onText := app.FuncOf(func(_ app.Value, args []app.Value) any {
		finish(args[0].String(), true)
		return nil
	})
	onResponse := app.FuncOf(func(_ app.Value, args []app.Value) any {
		if !args[0].Get("ok").Bool() {
			return app.Window().Get("Promise").Call("reject", "HTTP "+args[0].Get("status").String())
		}
		return args[0].Call("text")
	})
	onError := app.FuncOf(func(_ app.Value, args []app.Value) any {
		app.Logf("hit-salary: fetching %s failed", u)
		finish("", false)
		return nil
	})
	funcs = []app.Func{onText, onResponse, onError}
	defer func() {
		if r := recover(); r != nil {
			finish("", false)
		}
	}()
	app.Window().Call("fetch", u).Call("then", onResponse).Call("then", onText).Call("catch", onError)
}

// metroStart is a start of the page put off until the metro table is in: the URL or the
// stored scenario names a metro, which the model can only read with its table.
type metroStart struct {
	q      url.Values
	stored string
	source string
}

// sourceMetroWait marks the figures while a start waits for the metro table: they are
// the whole state's, computed without the metro, and the CSS hides them (as it does for
// web/carry.js's "pending").
const sourceMetroWait = "pending"

// deferMetro returns what start should read now: when the metro table is not installed
// and the URL (or, with no scenario in it, the stored scenario) names a metro, the same
// without the metro, with the whole start kept in p.metroWait for resumeMetro.
func (p *Page) deferMetro(q url.Values, stored, source string) (url.Values, string, string) {
	p.metroWait = nil
	if estimate.MetrosLoaded() { // always, natively: the table is compiled in
		return q, stored, source
	}
	sq := parseQuery(stored)
	urlMetro := q.Get(estimate.ParamMetro) != ""
	storedMetro := !hasScenario(q) && sq.Get(estimate.ParamMetro) != ""
	if !urlMetro && !storedMetro {
		return q, stored, source
	}
	p.metroWait = &metroStart{q: q, stored: stored, source: source}
	strip := func(v url.Values) url.Values {
		out := url.Values{}
		for k, vs := range v {
			if k != estimate.ParamMetro {
				out[k] = vs
			}
		}
		out.Set(estimate.ParamMetro, "") // still a scenario, read as the whole state
		return out
	}
	if urlMetro {
		return strip(q), stored, sourceMetroWait
	}
	return q, strip(sq).Encode(), sourceMetroWait
}

// resumeMetro runs a start put off by deferMetro once the table is in (or could not be
// had: then the metro is reported as unknown and the whole state is used), and does
// what OnMount does after a start.
func (p *Page) resumeMetro(ctx app.Context) {
	if p.metroWait == nil {
		return
	}
	loadMetros(ctx, func(ctx app.Context, _ bool) {
		defer recoverTo(ctx, p.fail)
		w := p.metroWait
		if w == nil {
			return
		}
		p.start(w.q, w.stored, w.source)
		switch {
		case p.restored:
			p.restored = false
			p.persist(ctx)
		case len(p.notices) > 0:
			replaceQuery(ctx, queryString(p.in))
		}
		p.setTitle(ctx)
	})
}

// metroInput is the metro-area select: "Whole state" first, then the metro areas of the
// chosen state by name (a native select: typing the first letters of a name jumps to
// it). It asks for the metro table when a state is chosen and renders again when it is
// in. Its id and name are "metro".
type metroInput struct {
	app.Compo

	Lang   text.Lang // language of every string
	State  string    // the chosen state, whose metro areas are offered
	Value  string    // the chosen metro's CBSA code, "" for the whole state
	Locked bool      // shown but not editable (embed pages)
	Form   *Form     // the form the edits go to

	failed bool // the table could not be had
}

// OnMount asks for the table if the state has metro areas to offer.
func (c *metroInput) OnMount(ctx app.Context) { c.ensure(ctx) }

// OnUpdate asks for the table when the state changes.
func (c *metroInput) OnUpdate(ctx app.Context) { c.ensure(ctx) }

func (c *metroInput) ensure(ctx app.Context) {
	if estimate.MetrosLoaded() || app.IsServer || !c.hasMetros() {
		return
	}
	loadMetros(ctx, func(_ app.Context, ok bool) { c.failed = !ok })
}

// hasMetros reports whether the area can have metro areas: the nation is not one state.
func (c *metroInput) hasMetros() bool {
	a, ok := estimate.LookupArea(c.State)
	return ok && a.Code != "US"
}

// Render draws the field.
func (c *metroInput) Render() app.UI {
	t := text.For(c.Lang)
	return safeRender(t, func() app.UI {
		const id = "metro"
		help, describedBy := "help.metro", id+"-help"
		whole := t.T("metro.whole")
		metros := estimate.MetrosOf(c.State)
		switch {
		case !c.hasMetros():
			help, whole = "help.metro.none", t.T("metro.whole.us")
		case c.failed:
			help = "help.metro.failed"
		case !estimate.MetrosLoaded():
			help = "help.metro.loading"
		}
		opts := make([]app.UI, 0, len(metros)+1)
		// "none", not "": go-app drops an empty value attribute, and the option's value
		// would then be its label.
		opts = append(opts, option("none", whole, c.Value == ""))
		for _, m := range metros {
			opts = append(opts, option(m.Code, m.Name, m.Code == c.Value))
		}
		var lockNote app.UI
		if c.Locked {
			describedBy += " " + id + "-locked"
			lockNote = el("p").ID(id + "-locked").Class("help help--locked").Text(t.T("form.locked"))
		}
		sel := el("select").ID(id).Attr("name", estimate.ParamMetro).Aria("describedby", describedBy).
			OnChange(c.onChange).Body(opts...)
		if c.Locked || len(metros) == 0 {
			sel = sel.Attr("disabled", true)
		}
		return box("div", "field",
			el("label").Attr("for", id).Class("field__label").Text(t.T("field.metro")),
			sel,
			// Polite: the loading and failure states are announced without moving focus.
			el("p").ID(id+"-help").Class("help").Aria("live", "polite").Text(t.T(help)),
			lockNote,
		)
	})
}

func (c *metroInput) onChange(ctx app.Context, e app.Event) {
	defer recoverTo(ctx, c.Form.fault)
	c.Form.emit(ctx, Change{Field: estimate.ParamMetro, Value: ctx.JSSrc().Get("value").String()})
}

// metroLabel names a metro in a sentence: its BLS title, or the code if the table does
// not know it.
func metroLabel(code string) string {
	if m, ok := estimate.LookupMetro(code); ok {
		return m.Name
	}
	return code
}
