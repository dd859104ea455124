package ui

import (
	"errors"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The reader's language. It is the reader's, not the scenario's: the estimator never
// sees lang= (parseQuery keeps only estimate.Params), and a shared scenario link opens
// in the language of whoever opens it.
const (
	// langParam is the URL parameter that chooses the language: ?lang=es.
	langParam = "lang"
	// langStorageKey names the saved choice in local storage, beside the scenario.
	langStorageKey = "hit-salary.lang.v1"
	// catalogWait is how long the page waits for the Spanish strings before it shows
	// English instead. The service worker answers at once; a first visit has already
	// downloaded app.wasm, some fifty times bigger.
	catalogWait = 4 * time.Second
)

// chooseLang decides the language of a page. A page with a language of its own (the
// Spanish home page) shows it; otherwise a lang= in the link, then the choice saved on
// this device, then the first of the browser's preferred languages the catalogue has,
// then English. save reports an explicit choice (the page's or the link's), which the
// page remembers for the next visit.
func chooseLang(r route, rawQuery, saved string, preferred []string) (l text.Lang, save bool) {
	if r.Lang != "" {
		return r.Lang, true
	}
	if l, ok := knownLang(queryValue(rawQuery, langParam)); ok {
		return l, true
	}
	if l, ok := knownLang(saved); ok {
		return l, false
	}
	for _, p := range preferred {
		if l, ok := knownLang(p); ok {
			return l, false
		}
	}
	return text.English, false
}

// knownLang reads a BCP 47 tag ("es", "es-MX", "EN_us") as a language of the catalogue,
// by its primary subtag.
func knownLang(tag string) (text.Lang, bool) {
	if len(tag) > 35 { // the longest sensible tag; anything longer is not one
		return "", false
	}
	primary, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(tag)), "-")
	primary, _, _ = strings.Cut(primary, "_")
	l := text.Lang(primary)
	return l, primary != "" && slices.Contains(text.Langs(), l)
}

// queryValue is the last value of name in a raw query, "" if absent or malformed.
func queryValue(raw, name string) string {
	v := ""
	for raw != "" {
		var pair string
		pair, raw, _ = strings.Cut(raw, "&")
		k, val, _ := strings.Cut(pair, "=")
		if k != name {
			continue
		}
		if s, err := url.QueryUnescape(val); err == nil {
			v = s
		}
	}
	return v
}

// spanishPrefix starts the path of every Spanish page: the home page /es/, the role pages
// /es/roles/…/, the documents /es/methodology/, /es/privacy/, /es/accessibility/ and the
// embed builder /es/embed-builder/. A
// Spanish page has the path of its English page under it.
const spanishPrefix = "/es"

// langPath is the path of the page in language l that is the page at path p (in any
// language) in the other: "/" and "/es/" for the home page, "/roles/x/" and "/es/roles/x/",
// "/methodology/" and "/es/methodology/". It says where such a page would be; hasPage
// says whether the site has it.
func langPath(l text.Lang, p string) string {
	p = englishPath(p)
	if l != text.Spanish {
		return p
	}
	return spanishPrefix + p
}

// englishPath is the path of the English page of the page at p.
func englishPath(p string) string {
	switch {
	case p == "" || p == spanishPrefix || p == spanishPrefix+"/":
		return "/"
	case strings.HasPrefix(p, spanishPrefix+"/"):
		return strings.TrimPrefix(p, spanishPrefix)
	}
	return p
}

// hasPage reports whether p is the path of a page of the app (a route, a role page), a
// document the build publishes (Docs) or an embed builder (EmbedBuilders).
func hasPage(p string) bool {
	if _, ok := roleRouteIndex()[p]; ok {
		return true
	}
	for _, r := range routes() {
		if r.Path == p {
			return true
		}
	}
	for _, d := range slices.Concat(docs, builders) {
		if d.Path == p {
			return true
		}
	}
	return false
}

// langHref is the address of this page's scenario in language l: the same page in l when
// the site has one (langPath: "/" and "/es/", "/roles/x/" and "/es/roles/x/"), else this
// page with lang= added. A Spanish page is Spanish by its path; an English one lets the
// reader choose, so a link to it says lang=en, and the page then saves the choice. The
// link chooses even before the app has started. query is the scenario's canonical query,
// "" for the preset.
func langHref(l text.Lang, path, query string) string {
	target := langPath(l, path)
	param := l == text.English
	if !hasPage(target) {
		target, param = path, true
		if target == "" {
			target = "/"
		}
	}
	var q []string
	if query != "" {
		q = append(q, query)
	}
	if param {
		q = append(q, langParam+"="+string(l))
	}
	if len(q) == 0 {
		return sitePath(target)
	}
	return sitePath(target + "?" + strings.Join(q, "&"))
}

// langSwitch is the masthead's language switcher: a link per language, each named in
// its own language (lang and hreflang set), the current one marked aria-current=page.
type langSwitch struct {
	app.Compo

	Lang  text.Lang // the page's language
	Query string    // the scenario's canonical query, carried over by the links
	Path  string    // the page's route path ("/", "/es/", "/roles/…/"); "" is the home page
}

// Render draws the links.
func (c *langSwitch) Render() app.UI {
	t := text.For(c.Lang)
	langs := text.Langs()
	items := make([]app.UI, 0, len(langs))
	for _, l := range langs {
		// data-page=site: web/carry.js lets the browser load the page rather than
		// go-app route it inside the app, so the new page starts in its language.
		a := elc("a", "lang-switch__link").
			Attr("href", langHref(l, c.Path, c.Query)).DataSet("page", "site").
			Attr("hreflang", string(l)).
			Attr("lang", string(l)).
			Text(t.T("lang.name." + string(l)))
		if l == c.Lang {
			a = a.Attr("aria-current", "page")
		}
		items = append(items, box("li", "lang-switch__item", a))
	}
	return hs("nav|class=lang-switch|data-testid=lang-switch").Attr("aria-label", t.T("lang.switch")).
		Body(box("ul", "lang-switch__list", items...))
}

// Browser side: the saved choice, the browser's preference and the on-demand strings.

// savedLang is the language saved on this device, or "".
func savedLang() (l string) {
	if app.IsServer {
		return ""
	}
	defer func() {
		if r := recover(); r != nil {
			l = ""
		}
	}()
	ls := localStorageObject()
	if !ls.Truthy() {
		return ""
	}
	v := ls.Call("getItem", langStorageKey)
	if v.IsNull() || v.IsUndefined() {
		return ""
	}
	return v.String()
}

// saveLang remembers the language on this device; storage may be missing or refuse.
func saveLang(l text.Lang) {
	if app.IsServer {
		return
	}
	defer func() { _ = recover() }()
	if ls := localStorageObject(); ls.Truthy() {
		ls.Call("setItem", langStorageKey, string(l))
	}
}

// preferredLangs is the browser's navigator.languages (or navigator.language).
func preferredLangs() (out []string) {
	if app.IsServer {
		return nil
	}
	defer func() {
		if r := recover(); r != nil {
			out = nil
		}
	}()
	nav := app.Window().Get("navigator")
	if !nav.Truthy() {
		return nil
	}
	if ls := nav.Get("languages"); ls.Truthy() {
		for i := 0; i < ls.Length() && i < 16; i++ {
			out = append(out, ls.Index(i).String())
		}
	}
	if len(out) == 0 {
		if l := nav.Get("language"); l.Truthy() {
			out = append(out, l.String())
		}
	}
	return out
}

// errCatalogTimeout says the strings did not arrive within catalogWait.
var errCatalogTimeout = errors.New("timed out")

// loadCatalog makes sure the strings of l are in, fetching them in the browser
// (text.File, precached by the service worker). It blocks the caller until they arrive
// or catalogWait passes: the page calls it before its first frame, so the pre-rendered
// page stays on screen meanwhile rather than flashing into English. It must not run
// inside a JavaScript callback (go-app runs OnInit on its own goroutine).
func loadCatalog(l text.Lang) error {
	if text.For(l).Loaded() || app.IsServer {
		return nil
	}
	type reply struct {
		body string
		ok   bool
	}
	got := make(chan reply, 1)
	u := app.Getenv("GOAPP_STATIC_RESOURCES_URL") + "/" + strings.TrimPrefix(text.File(l), "web/")
	fetchText(u, func(body string, ok bool) { got <- reply{body, ok} })
	select {
	case r := <-got:
		if !r.ok {
			return errors.New("fetching " + u + " failed")
		}
		var partial *text.PartialError
		if err := text.Load(l, []byte(r.body)); err != nil && !errors.As(err, &partial) {
			return err
		} else if err != nil {
			app.Logf("hit-salary: %v", err) // the rest is in; the skipped keys show English
		}
		return nil
	case <-time.After(catalogWait):
		return errCatalogTimeout
	}
}

// chooseLang sets the page's language: natively (pre-rendering) the page's own, else
// English; in the browser by chooseLang, with its strings loaded. If they cannot be
// loaded the page shows English, which it always has.
func (p *Page) chooseLang() text.Lang {
	if app.IsServer {
		if p.route.Lang != "" {
			return p.route.Lang
		}
		return text.English
	}
	raw := ""
	if u := app.Window().URL(); u != nil {
		raw = u.RawQuery
	}
	l, save := chooseLang(p.route, raw, savedLang(), preferredLangs())
	if err := loadCatalog(l); err != nil {
		app.Logf("hit-salary: %s strings: %v; showing English", l, err)
		return text.English
	}
	if save && !p.isEmbed() {
		saveLang(l)
	}
	return l
}

// langQuery is the scenario the language links carry: none for the untouched example,
// so the other language shows its own example.
func (p *Page) langQuery() string {
	if p.example {
		return ""
	}
	return queryString(p.in)
}

// areasByName is the nation, then the states and DC in the alphabetical order of their
// names in the reader's language (text.Catalog.AreasByName).
func areasByName(t *text.Catalog) []estimate.Area { return t.AreasByName() }
