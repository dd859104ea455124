package ui

import (
	"errors"
	"strconv"
	"time"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/saved"
	"github.com/hit-salary/hit-salary/app/text"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Saved scenarios ([data-testid=saved]): the scenario on screen saved under a name, a
// list of up to saved.MaxItems of them kept on this device, each with its figures as
// saved and as today's model computes them, a link that opens it, rename, delete and its
// career sheet. The document's format, checks and migration are package saved's (app/saved); this
// file reads and writes local storage and draws the panel.

// Why the browser did not keep the list.
var (
	errStorageBlocked = errors.New("local storage is unavailable")    // missing, or its getter throws
	errStorageRefused = errors.New("local storage refused the list")  // setItem threw (a full quota)
	errStorageChanged = errors.New("local storage kept another text") // read back, not what was written
)

// savedStorage is where the list is kept. Read returns the document under saved.Key
// (found reports whether there is one) and the values of the earlier keys, for migration.
type savedStorage interface {
	Read() (raw string, found bool, scenario, pins string, err error)
	// Write keeps the whole document under saved.Key, then reads it back: either all
	// of it is kept or the error says it was not.
	Write(raw string) error
	// Keep copies a document this version could not read under saved.BackupKey,
	// before the list is written over it.
	Keep(raw string) error
}

// localSaved is window.localStorage.
type localSaved struct{}

func (localSaved) Read() (raw string, found bool, scenario, pins string, err error) {
	defer func() {
		if recover() != nil {
			raw, found, scenario, pins, err = "", false, "", "", errStorageBlocked
		}
	}()
	if app.IsServer {
		return "", false, "", "", errStorageBlocked
	}
	ls := localStorageObject()
	if !ls.Truthy() {
		return "", false, "", "", errStorageBlocked
	}
	get := func(key string) (string, bool) {
		v := ls.Call("getItem", key)
		if v.IsNull() || v.IsUndefined() {
			return "", false
		}
		return v.String(), true
	}
	raw, found = get(saved.Key)
	scenario, _ = get(saved.ScenarioKey)
	pins, _ = get(saved.PinsKey)
	return raw, found, scenario, pins, nil
}

func (localSaved) Write(raw string) error { return setVerified(saved.Key, raw) }

func (localSaved) Keep(raw string) error { return setVerified(saved.BackupKey, raw) }

// setVerified writes value under key and reads it back.
func setVerified(key, value string) (err error) {
	if app.IsServer {
		return errStorageBlocked
	}
	var ls app.Value
	func() {
		defer func() {
			if recover() != nil {
				err = errStorageBlocked
			}
		}()
		ls = localStorageObject()
		if !ls.Truthy() {
			err = errStorageBlocked
		}
	}()
	if err != nil {
		return err
	}
	defer func() {
		if recover() != nil {
			err = errStorageRefused // QuotaExceededError, or a SecurityError of blocked data
		}
	}()
	ls.Call("setItem", key, value)
	if v := ls.Call("getItem", key); v.IsNull() || v.IsUndefined() || v.String() != value {
		return errStorageChanged
	}
	return nil
}

// SavedPanel is "Saved scenarios". Its list is drawn by a child component whose inputs
// change only when the list does, so an edit of the form (a new Query) re-renders the
// save form alone.
type SavedPanel struct {
	app.Compo

	Lang  text.Lang // language of every string
	Query string    // the scenario on screen, as queryString writes it

	storage  savedStorage               // local storage, or a test's
	ctx      app.Context                // the panel's, to re-render it from the list's handlers
	mounted  bool                       // OnMount has run (in the browser): ctx is set
	loaded   bool                       // the list has been read (load runs once)
	items    []saved.Item               // the list, oldest first; it lasts for the page whatever storage does
	state    saved.State                // what reading the list found
	dropped  int                        // stored items left out when the list was read
	unread   string                     // the document as read, when it was Corrupt or lost items: kept under BackupKey before the first write
	problem  string                     // text key of why the list is not kept on this device, or ""
	status   string                     // text key of the last action's outcome, or ""
	statusOf string                     // the name the status is about
	name     string                     // the name field as typed
	typed    bool                       // the name field was edited for nameFor
	nameFor  string                     // the scenario the name field is for
	results  map[string]estimate.Result // today's model for each saved query, computed once
	rows     []savedRow                 // the list as drawn, rebuilt when version or the language changes
	rowsFor  int                        // the version rows were built for
	rowsLang text.Lang                  // the language rows were built in
	version  int                        // counts changes of the list
}

// OnMount reads the list, and the metro table if a saved scenario names a metro area.
func (c *SavedPanel) OnMount(ctx app.Context) {
	defer recoverTo(ctx, func(app.Context, any) {})
	c.ctx, c.mounted = ctx, true
	c.load()
	for _, it := range c.items {
		if !estimate.MetrosLoaded() && parseQuery(it.Query).Get(estimate.ParamMetro) != "" {
			loadMetros(ctx, func(app.Context, bool) { c.results, c.version = nil, c.version+1 })
			break
		}
	}
}

// load reads the list once; a migrated list is written at once in this version's
// format, so what it shows is what the next visit reads.
func (c *SavedPanel) load() {
	if c.loaded {
		return
	}
	c.loaded = true
	if c.storage == nil {
		c.storage = localSaved{}
	}
	raw, found, scenario, pins, err := c.storage.Read()
	if err != nil {
		c.problem = "saved.blocked"
		return
	}
	t := text.For(c.Lang)
	l := saved.Load(raw, found, scenario, pins, func(in estimate.Input) string { return defaultName(t, in) })
	c.items, c.state, c.dropped = l.Items, l.State, l.Dropped
	switch {
	case l.State == saved.Newer:
		c.problem = "saved.newer"
	case l.State == saved.Corrupt, l.Dropped > 0:
		c.unread = raw
	}
	if l.State == saved.Migrated {
		c.write()
	}
	c.version++
}

// write keeps the whole list, unless a later version's document is stored (never
// overwritten). A failure leaves the list in memory for this page and says why.
func (c *SavedPanel) write() {
	if c.state == saved.Newer {
		return
	}
	if c.unread != "" {
		if err := c.storage.Keep(c.unread); err != nil {
			c.problem = problemKey(err)
			return // not written over: the unread text would be lost
		}
		c.unread = ""
	}
	if err := c.storage.Write(saved.Encode(c.items)); err != nil {
		c.problem = problemKey(err)
		return
	}
	c.problem = ""
}

func problemKey(err error) string {
	if errors.Is(err, errStorageBlocked) {
		return "saved.blocked"
	}
	return "saved.refused"
}

// save adds the scenario on screen under name (the default name if it is empty).
func (c *SavedPanel) save(name string) {
	c.load()
	if len(c.items) >= saved.MaxItems || c.savedAs(c.Query) >= 0 {
		return
	}
	r, ok := c.result(c.Query)
	if !ok {
		return
	}
	if name = saved.CleanName(name); name == "" {
		name = saved.CleanName(defaultName(text.For(c.Lang), r.Input))
	}
	c.items = append(c.items, saved.Item{Name: name, Query: c.Query, Edition: r.Edition,
		Estimate: r.Estimate, Low: r.Low, High: r.High})
	c.changed("saved.done", name)
	c.typed = false
}

// rename gives item i a new name; an empty one keeps the old.
func (c *SavedPanel) rename(i int, name string) {
	if i < 0 || i >= len(c.items) {
		return
	}
	if name = saved.CleanName(name); name == "" || name == c.items[i].Name {
		return
	}
	c.items[i].Name = name
	c.changed("saved.renamed", name)
}

// remove deletes item i.
func (c *SavedPanel) remove(i int) {
	if i < 0 || i >= len(c.items) {
		return
	}
	name := c.items[i].Name
	c.items = append(c.items[:i:i], c.items[i+1:]...)
	c.changed("saved.deleted", name)
}

// changed writes the list after a change and says what was done.
func (c *SavedPanel) changed(status, name string) {
	c.version++
	c.status, c.statusOf = status, name
	c.write()
}

// savedAs is the index of the item holding query, or -1.
func (c *SavedPanel) savedAs(query string) int {
	for i, it := range c.items {
		if it.Query == query {
			return i
		}
	}
	return -1
}

// result is the model's answer for a saved scenario today, computed once per scenario.
func (c *SavedPanel) result(q string) (estimate.Result, bool) {
	if r, ok := c.results[q]; ok {
		return r, true
	}
	in, _ := saved.Item{Query: q}.Scenario()
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

// defaultName names a scenario by its role, place and years.
func defaultName(t *text.Catalog, in estimate.Input) string {
	area, _ := estimate.LookupArea(in.State)
	return t.F("saved.default", "role", roleName(t, in.Role), "place", placeName(t, area),
		"years", t.Plural("count.years", in.Years))
}

// Render draws the panel.
func (c *SavedPanel) Render() app.UI {
	t := text.For(c.Lang)
	return safeRender(t, func() app.UI { return c.render(t) })
}

func (c *SavedPanel) render(t *text.Catalog) app.UI {
	if c.nameFor != c.Query {
		c.nameFor, c.typed = c.Query, false
	}
	if !c.typed {
		if in, errs := (saved.Item{Query: c.Query}).Scenario(); len(errs) == 0 {
			c.name = saved.CleanName(defaultName(t, in))
		}
	}
	at := c.savedAs(c.Query)
	full := len(c.items) >= saved.MaxItems
	button := hs("button|type=button|class=button|data-testid=saved-save").OnClick(c.onSave).Text(t.T("saved.save"))
	var note string
	switch {
	case at >= 0:
		button, note = button.Attr("disabled", true), t.F("saved.already", "name", c.items[at].Name)
	case full:
		button, note = button.Attr("disabled", true), t.F("saved.full", "n", t.Int(saved.MaxItems))
	}
	var status string
	if c.status != "" {
		status = t.F(c.status, "name", c.statusOf)
	}
	if c.rowsFor != c.version || c.rowsLang != c.Lang || c.rows == nil {
		c.rows, c.rowsFor, c.rowsLang = c.buildRows(t), c.version, c.Lang
	}
	problem := c.problem
	if problem == "" && c.dropped > 0 {
		problem = "saved.dropped"
	}
	if problem == "" && c.state == saved.Corrupt {
		problem = "saved.corrupt"
	}
	return hs("section|id=saved|class=card saved|data-testid=saved").Attr("aria-labelledby", "saved-title").
		DataSet("items", len(c.items)).DataSet("storage", storageState(c.problem)).Body(
		hs("h2|id=saved-title|tabindex=-1").Text(t.T("saved.title")),
		txt("p", "", t.F("saved.intro", "n", t.Int(saved.MaxItems))),
		app.If(problem != "", func() app.UI {
			return hs("p|class=saved__problem|data-testid=saved-problem").Text(t.F(problem, "n", t.Int(c.dropped)))
		}),
		box("div", "saved__form",
			hs("label|for=saved-name|class=field__label").Text(t.T("saved.name")),
			void("input").Attr("type", "text").ID("saved-name").Attr("maxlength", saved.MaxName).
				Attr("autocomplete", "off").Attr("value", c.name).OnInput(c.onName),
			button,
		),
		app.If(note != "", func() app.UI { return txt("p", "saved__note help", note) }),
		hs("p|class=saved__status|role=status|data-testid=saved-status").Text(status),
		&savedList{Lang: c.Lang, Rows: c.rows, owner: c},
	)
}

// storageState is the panel's data-storage attribute: "ok", "off" (blocked), "refused"
// (a write failed) or "read-only" (a later version's list).
func storageState(problem string) string {
	switch problem {
	case "":
		return "ok"
	case "saved.blocked":
		return "off"
	case "saved.newer":
		return "read-only"
	}
	return "refused"
}

// savedRow is one saved scenario as the list draws it: only text and numbers, so the
// list renders again only when one of them changes.
type savedRow struct {
	Name     string // as saved
	Query    string
	Estimate int    // today's estimate (data-estimate)
	Saved    string // the figures as saved, in words, or ""
	Today    string // today's figures, in words, or "" when they are the saved ones
	Note     string // why they differ, or ""
}

func (c *SavedPanel) buildRows(t *text.Catalog) []savedRow {
	rows := make([]savedRow, 0, len(c.items))
	for _, it := range c.items {
		row := savedRow{Name: it.Name, Query: it.Query, Estimate: it.Estimate}
		var r estimate.Result
		ok := false
		// A metro area is read once the metro table is in (OnMount asks for it): until
		// then today's figures would be the whole state's.
		if estimate.MetrosLoaded() || parseQuery(it.Query).Get(estimate.ParamMetro) == "" {
			r, ok = c.result(it.Query)
		}
		if ok {
			row.Estimate = r.Estimate
		}
		figures := func(key string, est, low, high int, edition string) string {
			return t.F(key, "estimate", t.Money(est), "low", t.Money(low), "high", t.Money(high), "edition", t.Periods(edition))
		}
		same := ok && it.HasFigures() && it.Edition == r.Edition && it.Estimate == r.Estimate && it.Low == r.Low && it.High == r.High
		if it.HasFigures() {
			row.Saved = figures("saved.figures.saved", it.Estimate, it.Low, it.High, it.Edition)
		}
		if ok && !same {
			row.Today = figures("saved.figures.today", r.Estimate, r.Low, r.High, r.Edition)
			switch {
			case !it.HasFigures():
				row.Note = t.T("saved.note.migrated")
			case it.Edition != r.Edition:
				row.Note = t.T("saved.note.edition")
			default:
				row.Note = t.T("saved.note.model")
			}
		}
		rows = append(rows, row)
	}
	return rows
}

func (c *SavedPanel) onName(ctx app.Context, e app.Event) {
	defer recoverTo(ctx, func(app.Context, any) {})
	c.name, c.typed = clip(ctx.JSSrc().Get("value").String(), 4*saved.MaxName), true
	ctx.PreventUpdate() // the field shows what is typed; nothing else changes
}

func (c *SavedPanel) onSave(ctx app.Context, e app.Event) {
	defer recoverTo(ctx, func(app.Context, any) {})
	c.save(c.name)
}

// update re-renders the panel after a change made from the list.
func (c *SavedPanel) update() {
	if c.mounted {
		c.ctx.Dispatch(func(app.Context) {})
	}
}

// focusSoon moves focus to the element with the id once the next frame is drawn, and
// tries again for a moment if the element is not there yet. It uses the panel's
// context: a handler's own context is its element's, which that frame may replace (the
// rename button gives way to the rename field), and go-app skips what is deferred on an
// element no longer mounted.
func (c *SavedPanel) focusSoon(id string) {
	if !c.mounted {
		return
	}
	tries := 0
	var try func(app.Context)
	try = func(ctx app.Context) {
		focusByID(id)
		if tries++; tries < 20 && !hasFocus(id) {
			ctx.After(25*time.Millisecond, try)
		}
		ctx.PreventUpdate()
	}
	c.ctx.Defer(try)
}

// hasFocus reports whether the element with the id has focus.
func hasFocus(id string) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	a := app.Window().Get("document").Get("activeElement")
	return a.Truthy() && a.Get("id").String() == id
}

// savedList is the saved scenarios, each with its figures, link, rename, delete and
// career sheet. It keeps which one is being renamed.
type savedList struct {
	app.Compo

	Lang text.Lang  // language of every string
	Rows []savedRow // the saved scenarios

	owner      *SavedPanel // the panel whose list this is (not an input: set once)
	renaming   int         // 1 + the index of the item being renamed, or 0
	renameText string      // the new name as typed
	pressed    string      // Enter or Escape, pressed in the rename field and not yet released
}

// Render draws the list.
func (c *savedList) Render() app.UI {
	t := text.For(c.Lang)
	return safeRender(t, func() app.UI { return c.render(t) })
}

func (c *savedList) render(t *text.Catalog) app.UI {
	if len(c.Rows) == 0 {
		return txt("p", "saved__empty help", t.T("saved.empty"))
	}
	items := make([]app.UI, 0, len(c.Rows))
	for i, row := range c.Rows {
		items = append(items, c.renderItem(t, i, row))
	}
	return hs("ul|class=saved__list|role=list").Body(items...)
}

func (c *savedList) renderItem(t *text.Catalog, i int, row savedRow) app.UI {
	id := "saved-" + strconv.Itoa(i+1)
	href := sitePath("/") + "?" + row.Query
	var actions app.UI
	if c.renaming == i+1 {
		actions = box("div", "saved__rename",
			el("label").Attr("for", id+"-new").Class("field__label").Text(t.F("saved.rename.label", "name", row.Name)),
			void("input").Attr("type", "text").ID(id+"-new").Attr("maxlength", 4*saved.MaxName).
				Attr("autocomplete", "off").Attr("value", c.renameText).OnInput(c.onRenameText).
				// Enter and Escape act on the key's release, and only after a press in
				// this field: the rename button takes the field's place and focus, and
				// a press still under way would open it again (go-app runs handlers
				// after the browser's event, too late to prevent its default); the
				// release of the Enter that opened the field is not a press here.
				OnKeyDown(func(ctx app.Context, e app.Event) {
					defer recoverTo(ctx, func(app.Context, any) {})
					if k := e.Get("key").String(); (k == "Enter" || k == "Escape") && !e.Get("isComposing").Bool() {
						c.pressed = k
					}
					ctx.PreventUpdate()
				}).
				OnKeyUp(func(ctx app.Context, e app.Event) {
					defer recoverTo(ctx, func(app.Context, any) {})
					k := e.Get("key").String()
					if k != c.pressed {
						ctx.PreventUpdate()
						return
					}
					c.pressed = ""
					c.finishRename(i, k == "Enter")
				}),
			hs("button|type=button|class=button|data-testid=saved-rename-ok").OnClick(func(ctx app.Context, e app.Event) {
				defer recoverTo(ctx, func(app.Context, any) {})
				c.finishRename(i, true)
			}).Text(t.T("saved.rename.ok")),
			app.Text(" "),
			hs("button|type=button|class=button button--quiet").OnClick(func(ctx app.Context, e app.Event) {
				defer recoverTo(ctx, func(app.Context, any) {})
				c.finishRename(i, false)
			}).Text(t.T("saved.rename.cancel")),
		)
	} else {
		actions = box("p", "saved__actions",
			hs("button|type=button|class=button button--quiet|data-testid=saved-rename").ID(id+"-rename").
				Aria("label", t.F("saved.rename.aria", "name", row.Name)).
				OnClick(func(ctx app.Context, e app.Event) {
					defer recoverTo(ctx, func(app.Context, any) {})
					c.renaming, c.renameText, c.pressed = i+1, row.Name, ""
					c.owner.focusSoon(id + "-new")
				}).Text(t.T("saved.rename")),
			app.Text(" "),
			hs("button|type=button|class=button button--quiet|data-testid=saved-delete").
				Aria("label", t.F("saved.delete.aria", "name", row.Name)).
				OnClick(func(ctx app.Context, e app.Event) {
					defer recoverTo(ctx, func(app.Context, any) {})
					c.renaming = 0
					c.owner.remove(i)
					c.owner.update()
					focusByID("saved-title") // the button is gone with its item
				}).Text(t.T("saved.delete")),
			app.Text(" "),
			// The career sheet opens in a new tab (this page keeps its scenario), which
			// prints itself once the app has drawn it (Page.printOnArrival).
			elc("a", "button button--quiet").DataSet("testid", "saved-print").DataSet("page", "site").
				Attr("href", href+"&"+printParam+"=1").Attr("target", "_blank").Attr("rel", "noopener").Body(
				app.Text(t.T("saved.print")),
				txt("span", "visually-hidden", " "+t.F("saved.print.aria", "name", row.Name)),
			),
		)
	}
	return hs("li|class=saved__item|data-testid=saved-item").ID(id).
		DataSet("name", row.Name).DataSet("estimate", row.Estimate).DataSet("query", row.Query).Body(
		box("p", "saved__name",
			elc("a", "saved__link").Attr("href", href).DataSet("page", "site").
				Aria("label", t.F("saved.open", "name", row.Name)).Text(row.Name),
		),
		app.If(row.Saved != "", func() app.UI { return txt("p", "saved__figures", row.Saved) }),
		app.If(row.Today != "", func() app.UI { return txt("p", "saved__figures saved__figures--today", row.Today) }),
		app.If(row.Note != "", func() app.UI { return txt("p", "saved__note help", row.Note) }),
		actions,
	)
}

func (c *savedList) onRenameText(ctx app.Context, e app.Event) {
	defer recoverTo(ctx, func(app.Context, any) {})
	c.renameText = clip(ctx.JSSrc().Get("value").String(), 4*saved.MaxName)
	ctx.PreventUpdate()
}

// finishRename keeps the new name (ok) or drops it, and gives focus back to the item's
// rename button.
func (c *savedList) finishRename(i int, ok bool) {
	c.renaming = 0
	if ok {
		c.owner.rename(i, c.renameText)
		c.owner.update()
	}
	id := "saved-" + strconv.Itoa(i+1) + "-rename"
	c.owner.focusSoon(id)
}

// printParam in a page's address (print=1) asks the page to print its career sheet once
// the app has drawn the scenario: the saved list's "Print career sheet" links.
const printParam = "print"

// savedPanel is the saved scenarios' panel, left out of an embedded page (which keeps
// nothing on the device).
func (p *Page) savedPanel(query string) app.UI {
	if p.isEmbed() {
		return nil
	}
	return &SavedPanel{Lang: p.lang, Query: query}
}

// printOnArrival prints the career sheet of a page opened with print=1, once its
// scenario is drawn (after the metro table, when the scenario names a metro area), and
// takes print=1 out of the address so that a reload does not print again.
func (p *Page) printOnArrival(ctx app.Context) {
	if p.isEmbed() || queryValue(rawQuery(), printParam) != "1" {
		return
	}
	print := func(ctx app.Context) {
		replaceQuery(ctx, p.urlQuery())
		ctx.Defer(func(app.Context) { printPage(false) })
	}
	if p.metroWait != nil {
		loadMetros(ctx, func(ctx app.Context, _ bool) { print(ctx) })
		return
	}
	print(ctx)
}
