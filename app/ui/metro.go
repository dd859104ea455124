package ui

import (
	"net/url"
	"strings"

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
// net/http) and calls done once with the body, or with ok false. One handler takes the
// response, then its text.
func fetchText(u string, done func(body string, ok bool)) {
	var step, fail app.Func
	finished := false
	finish := func(body string, ok bool) {
		if !finished {
			finished = true
			step.Release()
			fail.Release()
			done(body, ok)
		}
	}
	step = app.FuncOf(func(_ app.Value, args []app.Value) any {
		switch v := args[0]; {
		case finished:
		case v.Type() == app.TypeString:
			finish(v.String(), true)
		case v.Truthy() && v.Get("ok").Bool():
			return v.Call("text")
		default:
			finish("", false)
		}
		return nil
	})
	fail = app.FuncOf(func(app.Value, []app.Value) any {
		finish("", false)
		return nil
	})
	app.Window().Call("fetch", u).Call("then", step).Call("then", step).Call("catch", fail)
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
	read := q
	if !hasScenario(q) {
		read = parseQuery(stored)
	}
	if read.Get(estimate.ParamMetro) == "" {
		return q, stored, source
	}
	p.metroWait = &metroStart{q: q, stored: stored, source: source}
	// The same scenario without its metro: metro= (empty) reads as the whole state.
	without := url.Values{}
	for k, vs := range read {
		without[k] = vs
	}
	without.Set(estimate.ParamMetro, "")
	if hasScenario(q) {
		return without, stored, sourceMetroWait
	}
	return q, without.Encode(), sourceMetroWait
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
		if p.restored {
			p.restored = false
			p.persist(ctx)
		} else if len(p.notices) > 0 || namesNone(w.q.Encode()) {
			replaceQuery(ctx, queryString(p.in)) // as OnMount does
		}
		p.setTitle(ctx)
	})
}

// The metro select is a selectInput (estimate.ParamMetro, id "metro"): "Whole state"
// first, then the metro areas of the chosen state by name, in a native select, where
// typing the first letters of a name jumps to it. It asks for the metro table when a
// state is chosen and renders again when the table is in.

// OnMount asks for the metro table if this is the metro select of a state.
func (c *selectInput) OnMount(ctx app.Context) { c.ensureMetros(ctx) }

// OnUpdate asks for the metro table when the state changes.
func (c *selectInput) OnUpdate(ctx app.Context) { c.ensureMetros(ctx) }

func (c *selectInput) ensureMetros(ctx app.Context) {
	if c.Param != estimate.ParamMetro || estimate.MetrosLoaded() || !stateHasMetros(c.State) {
		return
	}
	loadMetros(ctx, func(_ app.Context, ok bool) { c.metrosFailed = !ok })
}

// stateHasMetros reports whether an area can have metro areas: the nation is not one state.
func stateHasMetros(code string) bool {
	a, ok := estimate.LookupArea(code)
	return ok && a.Code != "US"
}

// metroHelp is the text key of the metro select's help: what it is for, or why it
// offers nothing yet.
func (c *selectInput) metroHelp() string {
	switch {
	case !stateHasMetros(c.State):
		return "help.metro.none"
	case c.metrosFailed:
		return "help.metro.failed"
	case !estimate.MetrosLoaded():
		return "help.metro.loading"
	}
	return "help.metro"
}

// metroOptions are the metro select's options. The whole state's value is "none", not
// "": go-app drops an empty value attribute, and the option's value would be its label.
func (c *selectInput) metroOptions(t *text.Catalog) []app.UI {
	whole := "metro.whole"
	if !stateHasMetros(c.State) {
		whole = "metro.whole.us"
	}
	metros := estimate.MetrosOf(c.State)
	out := make([]app.UI, 0, len(metros)+1)
	out = append(out, option("none", t.T(whole), c.Value == ""))
	for _, m := range metros {
		out = append(out, option(m.Code, m.Name, m.Code == c.Value))
	}
	return out
}

// namesNone reports whether a raw query names the none value of an optional parameter
// (metro=none, from=none, prior=0), as web/carry.js writes when it copies early edits of
// the form (every field) into the address.
func namesNone(raw string) bool {
	q := parseQuery(raw)
	for _, name := range []string{estimate.ParamMetro, estimate.ParamFrom} {
		if vs, ok := q[name]; ok && len(vs) > 0 && strings.EqualFold(strings.TrimSpace(vs[len(vs)-1]), "none") {
			return true
		}
	}
	vs, ok := q[estimate.ParamPrior]
	return ok && len(vs) > 0 && strings.TrimSpace(vs[len(vs)-1]) == "0"
}

// metroLabel names a metro in a sentence: its BLS title, or the code if the table does
// not know it.
func metroLabel(code string) string {
	if m, ok := estimate.LookupMetro(code); ok {
		return m.Name
	}
	return code
}
