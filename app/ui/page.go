package ui

import (
	"fmt"
	"net/url"
	"strconv"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Where the result on screen was computed: the data-source attribute of
// [data-testid=estimate].
const (
	sourcePrerender = "prerender" // while generating the static page (app.IsServer)
	sourceWasm      = "wasm"      // by the app in the browser
	// "pending" is set by web/carry.js only: the pre-rendered figures are for another
	// scenario than the URL's, and the app has not computed it yet.
)

// Page is the estimator: the form, the result and everything around it. It owns the
// scenario, the one value the URL, local storage and the child components share;
// children get it as fields and report edits through callbacks.
type Page struct {
	app.Compo

	route route     // which page this is
	lang  text.Lang // language of every string
	store store     // where the last scenario is kept on this device

	in        estimate.Input         // the scenario, always valid
	yearsText string                 // the years field as typed (may be empty or wrong)
	yearsNote string                 // text key of a problem with yearsText, or ""
	priorText string                 // the prior-years field as typed
	priorNote string                 // text key of a problem with priorText, or ""
	res       estimate.Result        // the model's answer for in
	resErr    error                  // the model failed: shown instead of a result
	notices   []*estimate.InputError // problems with the URL parameters read at start
	fault     string                 // message of a recovered panic, or ""
	example   bool                   // the untouched preset: no scenario from the URL or storage, no edit
	change    int                    // how much the last edit moved the estimate (Result.Change)
	changed   bool                   // an edit has been made since the scenario was set
	source    string                 // sourcePrerender or sourceWasm
	update    bool                   // a new version is ready: offer to reload
	restored  bool                   // the scenario came from storage: write it to the URL
	metroWait *metroStart            // a start waiting for the metro table (metro.go), or nil
	embed     embedOptions           // the embed parameters of the URL (embed.go)
	noStorage bool                   // the browser refuses local storage: saving is off (embed.go)
	release   []func()               // removes the browser listeners on dismount
	byPath    bool                   // the route is found from the page's path (role pages, roles.go)
	guide     *guide                 // a role page's reference profile (guideFor), or nil
	lag       lag                    // the result the slow panels show (later.go)
	printLink printLink              // the print link's address (renderPrintLink)
	boot      boot                   // the first mount in steps (boot.go)

	// Edits write the URL, storage and title once they pause: every
	// history.replaceState makes Chromium fetch and decode the favicon again (about a
	// quarter of an edit's cost), and browsers throttle or refuse rapid replaceState
	// calls. Zero (natively, in tests) writes at once.
	persistDelay time.Duration
	unsaved      bool  // an edit is not written yet: settle writes it (pause.go)
	pause        pause // when edits pause (pause.go)
	// pending is the query of a delayed write that has not run yet. Leaving or hiding
	// the page writes it at once (flushPending), so no keystroke is lost to the delay.
	pending atomic.Pointer[string]
}

// yearsPersistDelay is how long the form must rest before the URL is written.
const yearsPersistDelay = 250 * time.Millisecond

func newPage(r route) *Page {
	return &Page{route: r, lang: text.English, store: localStore{}}
}

// newPathPage is a page whose route is found from its path when it starts (routeAt).
func newPathPage() *Page {
	p := newPage(route{})
	p.byPath = true
	return p
}

func (p *Page) tr() *text.Catalog { return text.For(p.lang) }

// OnInit prepares the first render. In the browser it reads the URL (and storage) here
// rather than in OnMount: go-app replaces the pre-rendered page with the first frame it
// renders, so that frame must already be the person's scenario, including anything
// web/carry.js wrote into the URL before the app started.
func (p *Page) OnInit() {
	defer func() {
		if r := recover(); r != nil {
			p.fail(app.Context{}, r)
		}
	}()
	if p.byPath {
		p.route = routeAt(pagePath()) // the home page's on the server, until OnPreRender
	}
	if p.route.Path == "" {
		p.route = routes()[0]
	}
	p.embed = parseEmbed(rawQuery()) // before the language: an embedded page saves no choice
	p.lang = p.chooseLang()
	if p.store == nil {
		p.store = localStore{}
	}
	p.stageMount() // before go-app replaces the pre-rendered page
	if app.IsClient {
		p.noStorage = !storageAvailable(p.store)
		p.start(currentQuery(), p.store.Load(), sourceWasm)
		return
	}
	p.start(nil, "", sourcePrerender)
}

// OnPreRender runs when the page is generated as HTML (natively, never in the browser):
// the result is the page's preset, or what the request's query asks for when a server
// renders it. User-supplied text only ever reaches the HTML as escaped text nodes.
func (p *Page) OnPreRender(ctx app.Context) {
	defer recoverTo(ctx, p.fail)
	if p.byPath {
		p.routeTo(ctx.Page().URL().Path)
	}
	p.embed = parseEmbed(ctx.Page().URL().RawQuery)
	p.start(parseQuery(ctx.Page().URL().RawQuery), "", sourcePrerender)
	t := p.tr()
	ctx.Page().SetLang(string(p.lang))
	p.setTitle(ctx)
	ctx.Page().SetDescription("%s", t.T("app.description"))
	if p.guide != nil {
		ctx.Page().SetDescription("%s", p.guide.description(t))
		ctx.Page().SetCanonicalLink("%s", p.route.Path)
	}
}

// OnMount runs in the browser once the page is on screen.
func (p *Page) OnMount(ctx app.Context) {
	defer recoverTo(ctx, p.fail)
	p.persistDelay = yearsPersistDelay
	switch {
	case p.restored:
		p.restored = false
		p.persist(ctx)
	case len(p.notices) > 0:
		// A bad link: its address now says the scenario actually shown, so copying or
		// bookmarking it gives this page, not the bad values again.
		replaceQuery(ctx, p.urlQuery())
	case p.metroWait == nil && ctx.Page().URL() != nil && namesNone(ctx.Page().URL().RawQuery):
		// web/carry.js's copy of early edits writes every field, metro=none, from=none
		// and prior=0 included: the address becomes the scenario's own link. A link as
		// people write it is otherwise kept as it is.
		replaceQuery(ctx, p.urlQuery())
	}
	ctx.Page().SetLang(string(p.lang))
	p.setTitle(ctx)
	if ctx.AppUpdateAvailable() {
		p.update = true
	}
	ctx.Defer(restoreFocus)
	p.adoptPrerendered()
	p.mountNext(ctx)
	p.resumeMetro(ctx)
	p.printOnArrival(ctx) // saved.go
	win := app.Window()
	p.release = append(p.release,
		listen(win, "focus", checkForUpdate),
		listen(win.Get("document"), "visibilitychange", checkForUpdate),
		listen(win.Get("document"), "visibilitychange", p.flushPending),
		listen(win, "pagehide", p.flushPending),
	)
}

// OnDismount removes the browser listeners.
func (p *Page) OnDismount() {
	for _, f := range p.release {
		f()
	}
	p.release = nil
}

// OnAppUpdate runs when go-app has fetched a new version: the page offers a reload.
func (p *Page) OnAppUpdate(ctx app.Context) {
	defer recoverTo(ctx, p.fail)
	p.update = true
}

// start sets the scenario from URL parameters over the page's preset, or, when the URL
// has none, from the stored scenario (not in embed mode), and computes the result.
func (p *Page) start(q url.Values, stored, source string) {
	q, stored, source = p.deferMetro(q, stored, source)
	p.in, p.notices = scenarioFrom(p.route.Preset, q, p.route.Locked)
	p.notices = append(p.notices, p.embed.problems...)
	p.restored = false
	if !hasScenario(q) && stored != "" && !p.isEmbed() && !p.route.Guide {
		sq := parseQuery(stored)
		if in, errs := scenarioFrom(p.route.Preset, sq, p.route.Locked); hasScenario(sq) && len(errs) == 0 {
			p.in, p.restored = in, true
		}
	}
	if p.metroWait != nil {
		p.restored = false // written once the metro is read (resumeMetro)
	}
	p.yearsText, p.yearsNote = strconv.Itoa(p.in.Years), ""
	p.priorText, p.priorNote = strconv.Itoa(p.in.Prior), ""
	p.source = source
	p.example = !hasScenario(q) && !p.restored && !p.route.Guide // a role page's preset is its subject
	p.change, p.changed = 0, false
	p.recompute()
	p.lag.show(p.res)
	p.guide = nil
	if g, ok := guideFor(p.route); ok {
		p.guide = &g
	}
}

// apply makes one edit of the form and recomputes. It needs no browser, so tests call it.
func (p *Page) apply(ch Change) {
	if p.isLocked(ch.Field) {
		return // the page fixes this field (a tampered page, or an old event)
	}
	switch ch.Field {
	case estimate.ParamYears:
		p.yearsText = clip(ch.Value, 12)
		p.in.Years, p.yearsNote = parseYears(ch.Field, ch.Value, p.in.Years)
	case estimate.ParamPrior:
		p.priorText = clip(ch.Value, 12)
		p.in.Prior, p.priorNote = parseYears(ch.Field, ch.Value, p.in.Prior)
	default:
		next, notices, ok := applyChange(p.in, ch)
		if !ok {
			return
		}
		p.in = next
		if len(notices) > 0 {
			p.notices = notices // a metro the new state does not have was dropped
		}
	}
	prev, prevErr := p.res, p.resErr
	p.recompute()
	p.keepUp()
	p.example = false
	p.changed = prevErr == nil && p.resErr == nil
	if p.changed {
		p.change = p.res.Change(prev)
	}
}

// setTitle names the role and the place in the document title (tabs, bookmarks,
// history, and what a screen reader says first).
func (p *Page) setTitle(ctx app.Context) {
	t := p.tr()
	if p.resErr != nil {
		ctx.Page().SetTitle("%s", t.T("app.title"))
		return
	}
	area, _ := estimate.LookupArea(p.in.State)
	ctx.Page().SetTitle("%s", t.F("app.title.scenario", "role", roleName(t, p.in.Role), "area", placeName(t, area)))
}

func (p *Page) recompute() {
	p.res, p.resErr = compute(p.in)
	if p.resErr != nil {
		app.Logf("hit-salary: %v", p.resErr)
	}
}

// persist writes the scenario into the URL and local storage.
func (p *Page) persist(ctx app.Context) {
	p.unsaved = false
	p.pending.Store(nil)
	replaceQuery(ctx, p.urlQuery())
	if !p.isEmbed() {
		p.store.Save(queryString(p.in))
	}
}

// fail shows the message of a recovered panic; the page keeps working.
func (p *Page) fail(_ app.Context, r any) {
	p.fault = clip(fmt.Sprint(r), 300)
}

// Event handlers. Each recovers first: see recoverTo.

// onChange applies an edit. The address, storage and the document title follow once
// edits pause (settle, pause.go): writing them took about a fifth of a select's edit at
// 4× CPU (make bench -profile), time the frame that shows the new estimate waits for.
func (p *Page) onChange(ctx app.Context, ch Change) {
	defer recoverTo(ctx, p.fail)
	p.apply(ch)
	if p.persistDelay > 0 {
		q := p.urlQuery()
		p.pending.Store(&q)
		p.unsaved = true
		p.afterPause(ctx)
		return
	}
	p.setTitle(ctx)
	p.persist(ctx)
}

// flushPending writes a delayed scenario write at once, when the page is being hidden or
// left. It runs in a browser listener, so it only calls JavaScript.
func (p *Page) flushPending() {
	q := p.pending.Swap(nil)
	if q == nil {
		return
	}
	replaceWindowQuery(*q)
	if !p.isEmbed() {
		p.store.Save(*q) // not embedded: the address is the scenario alone
	}
}

func (p *Page) onReset(ctx app.Context) {
	defer recoverTo(ctx, p.fail)
	p.start(nil, "", p.source)
	p.fault = ""
	p.persist(ctx)
	p.setTitle(ctx)
}

// onDismissNotice hides the notice. Its button disappears with it, so focus goes to the
// form, where the fields it named can be put right, rather than falling to the page.
func (p *Page) onDismissNotice(ctx app.Context) {
	defer recoverTo(ctx, p.fail)
	p.notices = nil
	// At once, not deferred: the handler runs in the notice's context, which is gone
	// after the next render; the heading exists already and stays.
	focusByID(formTitleID)
}

// onDismissFault hides the error banner; focus goes to the form, as for the notice.
func (p *Page) onDismissFault(ctx app.Context) {
	defer recoverTo(ctx, p.fail)
	p.fault = ""
	focusByID(formTitleID)
}

func (p *Page) onReload(ctx app.Context) {
	defer recoverTo(ctx, p.fail)
	ctx.Reload()
}

// Render lays out the page. Pieces that need the model's result are left out if the
// model failed; the failure is said in their place.
func (p *Page) Render() app.UI {
	t := p.tr()
	return safeRender(t, func() app.UI { return p.render(t) })
}

func (p *Page) render(t *text.Catalog) app.UI {
	class := "app"
	if p.isEmbed() {
		class += " app--embed"
	}
	if p.compact() {
		class += " app--compact"
	}
	summary, results := p.renderResults(t)
	root := hs("div|id=app").Class(class).Lang(string(p.lang))
	if p.route.Path != "/" {
		// The page the HTML was rendered for: web/carry.js marks the figures pending when
		// the service worker answers another path with the shell (the home page, "/").
		root = root.DataSet("route", p.route.Path)
	}
	if p.isEmbed() || p.route.Guide {
		root = root.DataSet("stored", "off") // carry.js: no kept scenario over this page's
	}
	return root.Body(
		// The first stop of the keyboard: past the heading, straight to the form.
		focusLink("skip-link", formTitleID, t.T("skip.form")),
		app.If(!p.isEmbed(), func() app.UI { return &masthead{Lang: p.lang, Query: p.langQuery(), Path: p.route.Path} }).
			Else(func() app.UI { return box("header", "embed-header", txt("h1", "embed-title", t.T("app.heading"))) }),
		p.renderPrintLink(t),
		p.renderPrintStale(t),
		box("div", "banners",
			app.If(p.update, func() app.UI {
				return &UpdateBanner{Lang: p.lang, OnReload: p.onReload}
			}),
			app.If(p.fault != "", func() app.UI {
				return &ErrorBanner{Lang: p.lang, Message: p.fault, OnDismiss: p.onDismissFault}
			}),
			app.If(len(p.notices) > 0, func() app.UI {
				return &Notice{Lang: p.lang, Problems: p.notices, Input: p.in, OnDismiss: p.onDismissNotice}
			}),
		),
		// The form comes first, in the page as on screen: on wide screens the CSS grid
		// puts it on the left, beside the summary and the other results; on a phone it
		// comes first (not some 1,000 px down, under the example), with the estimate in
		// the bar that follows it down the form. Focus order is the visual order.
		h("main|id=main|class=layout",
			box("div", "layout__form",
				&Form{
					Lang:      p.lang,
					Input:     p.in,
					YearsText: p.yearsText,
					YearsNote: p.yearsNote,
					PriorText: p.priorText,
					PriorNote: p.priorNote,
					Locked:    p.locked(),
					Compact:   p.compact(),
					OnChange:  p.onChange,
					OnReset:   p.onReset,
					OnFault:   p.fail,
				},
				p.renderSaveNote(t),
				app.If(!p.isEmbed(), func() app.UI { return p.renderPeek(t) }),
			),
			box("div", "layout__summary", summary),
			box("div", "layout__results", results...),
		),
		p.renderPrint(),
		app.If(!p.isEmbed(), func() app.UI { return &colophon{Lang: p.lang} }).
			Else(func() app.UI { return p.renderEmbedFooter(t) }),
	)
}

// masthead is the page's name, heading and lead; it depends on the language only.
type masthead struct {
	app.Compo

	Lang  text.Lang // language of every string
	Query string    // the scenario, carried over by the language links
	Path  string    // the page's route path, kept by the language links
}

// Render draws the masthead.
func (c *masthead) Render() app.UI {
	t := text.For(c.Lang)
	return box("header", "masthead",
		&langSwitch{Lang: c.Lang, Query: c.Query, Path: c.Path},
		txt("p", "masthead__name", t.T("app.name")),
		txt("h1", "masthead__title", t.T("app.heading")),
		txt("p", "masthead__lead", t.T("app.lead")),
	)
}

// colophon is the footer: data edition, privacy and disclaimer.
type colophon struct {
	app.Compo

	Lang text.Lang // language of every string
}

// Render draws the footer.
func (c *colophon) Render() app.UI {
	t := text.For(c.Lang)
	return box("footer", "colophon",
		box("p", "",
			app.Text(t.T("footer.edition")+" "),
			txt("span", "colophon__edition", t.Periods(estimate.DataEdition)),
		),
		box("p", "",
			docLink("colophon__methodology", c.Lang, MethodologyPath, t.T("footer.methodology")),
			app.Text(" "+t.T("footer.methodology.about")),
		),
		txt("p", "", t.T("footer.privacy")),
		box("p", "colophon__about", // issue 8: the pages about the site
			docLink("", c.Lang, PrivacyPath, t.T("footer.privacy.link")),
			app.Text(" · "),
			docLink("", c.Lang, AccessibilityPath, t.T("footer.a11y.link")),
			app.Text(" · "),
			docLink("", c.Lang, EmbedBuilderPath, t.T("footer.embed.link")),
		),
		txt("p", "", t.T("footer.disclaimer")),
	)
}

// renderPeek is a small bar that keeps the estimate in sight while people edit the form
// on a narrow screen (CSS shows it only there; web/peek.js hides it while the summary is
// on screen): the estimate, how much the last edit moved it, and a link to the breakdown.
func (p *Page) renderPeek(t *text.Catalog) app.UI {
	if p.resErr != nil {
		return nil
	}
	label := "peek.label"
	if p.example {
		label = "peek.label.example"
	}
	// The change since the last edit is there from the first edit on; until then its
	// span is empty and hidden, so that the range after it keeps its place (a slot's div
	// cannot stand inside this paragraph).
	change := el("span").Class("peek__change")
	if p.changed {
		key := "peek.change"
		if p.change == 0 {
			key = "peek.change.none"
		}
		change = change.Text(" " + t.F(key, "change", t.SignedMoney(p.change)))
	} else {
		change = change.Attr("hidden", true)
	}
	return box("div", "peek",
		box("p", "peek__text",
			txt("span", "peek__label", t.T(label)+" "),
			txt("strong", "peek__amount", t.Money(p.res.Estimate)),
			change,
			txt("span", "peek__range", t.F("peek.range", "low", t.Money(p.res.Low), "high", t.Money(p.res.High))),
		),
		focusLink("button button--quiet peek__go", "breakdown-title", t.T("peek.show")),
	)
}

// renderPrint is the two print buttons.
func (p *Page) renderPrint() app.UI {
	if p.resErr != nil {
		return nil
	}
	return &printActions{Lang: p.lang, Page: p}
}

// printActions is the two print buttons: a component, as they change with the language
// only, not with each edit.
type printActions struct {
	app.Compo

	Lang text.Lang // language of every string
	Page *Page     // the page whose faults they report (the same pointer every render)
}

// Render draws the buttons.
func (c *printActions) Render() app.UI {
	t := text.For(c.Lang)
	return box("div", "print",
		box("p", "print-actions",
			hs("button|type=button|class=button button--quiet").OnClick(c.Page.onPrintSheet).Text(t.T("print.sheet")),
			app.Text(" "),
			hs("button|type=button|class=button button--quiet").OnClick(c.Page.onPrintFull).Text(t.T("print.full")),
		),
	)
}

// renderPrintLink is the scenario's address as text, for the printed page only (in the
// browser, where the address is known): under the heading of the sheet.
func (p *Page) renderPrintLink(t *text.Catalog) app.UI {
	if p.resErr != nil || app.IsServer {
		return nil
	}
	return txt("p", "print-only print-link", t.T("print.link")+" "+p.printLink.address(queryString(p.in)))
}

// renderPrintStale is the printout's note that panels are left out of it: web/app.css
// shows it, in print only, while a slow panel is behind the last edit (later.go), and
// leaves those panels out, as a print from the browser's menu (Ctrl+P) cannot wait for
// them to catch up. The print buttons wait (Page.print).
func (p *Page) renderPrintStale(t *text.Catalog) app.UI {
	if p.resErr != nil || app.IsServer {
		return nil
	}
	return txt("p", "print-stale", t.T("print.stale"))
}

// printLink makes the print link's address. Reading the page's address goes through
// syscall/js (a third of the page's own render of an edit at 4× CPU, make bench
// -profile), so it is read once per page: its path and origin do not change while it
// is mounted (links to the site's other pages are kept from go-app's routing and load
// them, web/carry.js), and each scenario's address is made from it.
type printLink struct {
	page  string // the page's address without query or fragment; "" until read
	query string // the scenario of addr
	addr  string
}

// address is the page's address with the scenario query q.
func (l *printLink) address(q string) string {
	if l.page == "" {
		l.page = scenarioURL("")
	}
	if l.addr == "" || l.query != q {
		l.query, l.addr = q, l.page
		if q != "" {
			l.addr += "?" + q
		}
	}
	return l.addr
}

func (p *Page) onPrintSheet(ctx app.Context, e app.Event) {
	defer recoverTo(ctx, p.fail)
	p.print(ctx, false)
}

func (p *Page) onPrintFull(ctx app.Context, e app.Event) {
	defer recoverTo(ctx, p.fail)
	p.print(ctx, true)
}

// print prints the page once the slow panels have caught up with the last edit: at
// once if they have, else after the update that draws them. (A print from the browser,
// Ctrl+P, within settleDelay of an edit leaves them out and says so: web/app.css,
// renderPrintStale.)
func (p *Page) print(ctx app.Context, full bool) {
	if !p.catchUp() {
		printPage(full)
		return
	}
	ctx.Defer(func(app.Context) { printPage(full) })
}

// renderResults is the summary (or, if the model failed, the failure in its place) and
// the other result panels.
func (p *Page) renderResults(t *text.Catalog) (summary app.UI, rest []app.UI) {
	if p.resErr != nil {
		return h("section|class=card card--problem|role=alert|data-testid=compute-error",
			txt("h2", "", t.T("error.compute.title")),
			txt("p", "", t.T("error.compute")),
		), nil
	}
	r, s := p.res, p.lag.shown // the page's result, and the one the slow panels show (later.go)
	p.boot.drawn = 0           // counts the slow panels for the first mount's steps (boot.go)
	summary = &Summary{Lang: p.lang, Result: r, Source: p.source, Example: p.example,
		Settled: figures{s.Estimate, s.Low, s.High}}
	// The panels both layouts have; each slow one goes through p.later in page order.
	confidence := &ConfidencePanel{Lang: p.lang, Level: r.Confidence, Reasons: r.Reasons}
	breakdown := &Breakdown{Lang: p.lang, Result: r}
	outlook := &OutlookPanel{Lang: p.lang, Role: s.Input.Role, Outlook: s.Outlook, Brief: p.compact()}
	if p.compact() {
		// A small portal slot (view=compact, embed.go): the estimate, how it adds up, the
		// outlook without its guide to other roles and the sources with their years; the
		// guide panels below are the full app's, one link away.
		return summary, []app.UI{
			confidence,
			breakdown,
			p.later(outlook),
			p.later(p.shownSources()),
			p.renderOpenFull(t),
		}
	}
	q, sq := queryString(r.Input), queryString(s.Input)
	var guide app.UI
	if p.guide != nil {
		guide = &GuidePanel{Lang: p.lang, Guide: p.guide}
	}
	return summary, []app.UI{
		guide,
		confidence,
		breakdown,
		p.later(&Waterfall{Lang: p.lang, Factors: s.Factors, Total: s.Estimate}),
		p.later(&OthersPanel{Lang: p.lang, Estimate: s.Estimate}),
		&ComparePanel{Lang: p.lang, Query: q},
		&SharePanel{Lang: p.lang, Query: q, Files: sq, Behind: p.lag.behind}, // its files follow later
		p.savedPanel(q),
		p.later(&RolePanel{Lang: p.lang, Role: s.Input.Role, SOC: s.SOC, SOCTitle: s.SOCTitle, Notes: s.Notes}),
		p.later(&TrajectoryChart{Lang: p.lang, Trajectories: s.Trajectories, Years: s.Input.Years, Education: s.Input.Education}),
		p.later(&PaybackPanel{Lang: p.lang, Query: sq}),
		p.later(&RankPanel{Lang: p.lang, Query: sq}),
		p.later(&PathwaysPanel{Lang: p.lang, Query: sq}),
		p.later(outlook),
		p.later(p.shownSources()),
	}
}

// clip shortens s to at most n runes, as valid UTF-8.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
