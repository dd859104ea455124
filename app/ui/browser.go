package ui

import (
	"net/url"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// storageKey names the last scenario in the browser's local storage. The version suffix
// lets a later format live beside this one.
const storageKey = "hit-salary.scenario.v1"

// store keeps the last scenario on this device, as a URL query string.
type store interface {
	Load() string
	Save(query string)
}

// localStore is window.localStorage. Storage can be missing or throw (private modes,
// iframes with blocked storage): every failure is ignored, since storage only adds
// convenience.
type localStore struct{}

func (localStore) Load() (q string) {
	if app.IsServer {
		return ""
	}
	defer func() {
		if r := recover(); r != nil {
			q = ""
		}
	}()
	ls := localStorageObject()
	if !ls.Truthy() {
		return ""
	}
	v := ls.Call("getItem", storageKey)
	if v.IsNull() || v.IsUndefined() {
		return ""
	}
	s := v.String()
	if len(s) > 2048 {
		return ""
	}
	return s
}

func (localStore) Save(q string) {
	if app.IsServer {
		return
	}
	defer func() { _ = recover() }()
	if ls := localStorageObject(); ls.Truthy() {
		ls.Call("setItem", storageKey, q)
	}
}

// currentQuery is the query of the page's URL in the browser, or nil on the server.
func currentQuery() url.Values {
	if app.IsServer {
		return nil
	}
	u := app.Window().URL()
	if u == nil {
		return nil
	}
	return parseQuery(u.RawQuery)
}

// replaceQuery writes query into the page URL with history.replaceState (through
// go-app's Page), keeping the path and fragment: no new history entry per keystroke.
func replaceQuery(ctx app.Context, query string) {
	u := ctx.Page().URL()
	if u == nil {
		return
	}
	next := *u
	next.RawQuery = query
	next.ForceQuery = false
	ctx.Page().ReplaceURL(&next)
}

// replaceWindowQuery is replaceQuery for browser listeners, which run outside go-app's
// UI goroutine and have no Context: it calls history.replaceState directly.
func replaceWindowQuery(query string) {
	if app.IsServer {
		return
	}
	u := app.Window().URL()
	if u == nil {
		return
	}
	next := *u
	next.RawQuery = query
	next.ForceQuery = false
	app.Window().Get("history").Call("replaceState", app.Window().Get("history").Get("state"), "", next.String())
}

// listen adds a listener to a browser object and returns the function to release. The
// callback runs outside go-app's UI goroutine: it must only call JavaScript, and it
// recovers like every handler.
func listen(target app.Value, event string, f func()) func() {
	if app.IsServer || !target.Truthy() {
		return func() {}
	}
	fn := app.FuncOf(func(app.Value, []app.Value) any {
		defer func() {
			if r := recover(); r != nil {
				app.Logf("hit-salary: recovered in %s listener: %v", event, r)
			}
		}()
		f()
		return nil
	})
	target.Call("addEventListener", event, fn)
	return func() {
		target.Call("removeEventListener", event, fn)
		fn.Release()
	}
}

// checkForUpdate asks the service worker for a new version; go-app then calls
// OnAppUpdate. go-app v10 dropped its automatic checks, so the page calls this when
// it gets focus or becomes visible again.
func checkForUpdate() {
	doc := app.Window().Get("document")
	if doc.Truthy() && doc.Get("visibilityState").String() == "hidden" {
		return
	}
	app.TryUpdate()
}

// carryFocusAttr is set on the root element by web/carry.js to the id of the form field
// that had focus before the app started: go-app's first frame replaces the pre-rendered
// page, and focus would otherwise fall back to the body.
const carryFocusAttr = "data-carry-focus"

// restoreFocus puts focus back on the field web/carry.js recorded, if focus was lost.
func restoreFocus(app.Context) {
	if app.IsServer {
		return
	}
	defer func() {
		if r := recover(); r != nil {
			app.Logf("hit-salary: restoring focus: %v", r)
		}
	}()
	doc := app.Window().Get("document")
	root := doc.Get("documentElement")
	id := root.Call("getAttribute", carryFocusAttr)
	if id.IsNull() || id.IsUndefined() {
		return
	}
	root.Call("removeAttribute", carryFocusAttr)
	if active := doc.Get("activeElement"); active.Truthy() && !active.Equal(doc.Get("body")) {
		return
	}
	focusByID(id.String())
}

// focusByID moves focus to the element with the id, if there is one.
func focusByID(id string) {
	if app.IsServer {
		return
	}
	defer func() { _ = recover() }()
	if el := app.Window().GetElementByID(id); el.Truthy() {
		el.Call("focus")
	}
}

// scenarioURL is the page's address with query as its query and no fragment, or "" on
// the server.
func scenarioURL(query string) string {
	if app.IsServer {
		return ""
	}
	u := app.Window().URL()
	if u == nil {
		return ""
	}
	next := *u
	next.RawQuery, next.Fragment, next.ForceQuery = query, "", false
	return next.String()
}

// printPage opens the browser's print dialog: the one-page career sheet, or with full
// every card (web/app.css reads data-print on <html>, removed after printing).
func printPage(full bool) {
	if app.IsServer {
		return
	}
	win := app.Window()
	root := win.Get("document").Get("documentElement")
	if full {
		root.Call("setAttribute", "data-print", "full")
		var done app.Func
		done = app.FuncOf(func(app.Value, []app.Value) any {
			root.Call("removeAttribute", "data-print")
			win.Call("removeEventListener", "afterprint", done)
			done.Release()
			return nil
		})
		win.Call("addEventListener", "afterprint", done)
	}
	win.Call("print")
}
