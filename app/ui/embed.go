package ui

import (
	"net/url"
	"slices"
	"strings"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The URL parameters of an embedded page (?embed=1), beside the scenario's. They are the
// portal's, not the student's: they shape the page and are kept in its address, but
// never reach the model or local storage. web/embedded.js reads the same parameters by
// the same rules before the app starts (theme, accent and the height messages are its
// job; the app reports bad values in the notice and lays the page out).
const (
	embedParam  = "embed"  // "1" (or "true"): the layout for iframes, without site chrome
	viewParam   = "view"   // full (the default) or compact: for small portal slots
	themeParam  = "theme"  // light, dark or auto (the device's setting)
	accentParam = "accent" // a hex colour, #rgb or #rrggbb, "#" optional
	lockParam   = "lock"   // comma-separated scenario parameters the page fixes
	hostParam   = "host"   // origin of the page that embeds the app, for the height messages
	langKeep    = langParam
	// maxEmbedValue caps each embed parameter, like the model's maxParam for the scenario.
	maxEmbedValue = 200
)

// embedOptions are the embed parameters of a page's URL, each validated by allow-list.
type embedOptions struct {
	On      bool     // embed=1
	Compact bool     // view=compact: the estimate and what it rests on, not the guide panels
	Theme   string   // "light", "dark" or "" (auto)
	Accent  string   // "#rrggbb", lower case, or ""
	Lock    []string // scenario parameters the page fixes, in contract order
	Host    string   // a web origin ("https://portal.example"), or ""
	Lang    string   // lang= as given, kept in the address of the embedded page

	problems []*estimate.InputError // bad embed parameters, for the notice
}

// embedCodes are the notice's codes for bad embed parameters: each has its catalogue
// string "notice.<code>".
const (
	codeEmbedTheme  estimate.ErrorCode = "embed.theme"
	codeEmbedAccent estimate.ErrorCode = "embed.accent"
	codeEmbedLock   estimate.ErrorCode = "embed.lock"
	codeEmbedHost   estimate.ErrorCode = "embed.host"
	codeEmbedView   estimate.ErrorCode = "embed.view"
)

// parseEmbed reads the embed parameters of a raw URL query. Without embed=1 the others
// are ignored (a shared link of the full site cannot lock it or restyle it). Each bad
// value is reported and left out; nothing here can fail.
func parseEmbed(raw string) embedOptions {
	var o embedOptions
	if len(raw) > 8192 {
		raw = raw[:8192] // longer than any real link; the scenario reader caps it too
	}
	switch strings.ToLower(queryValue(raw, embedParam)) {
	case "1", "true":
		o.On = true
	default:
		return o
	}
	bad := func(field string, code estimate.ErrorCode, v string) {
		o.problems = append(o.problems, &estimate.InputError{Field: field, Code: code, Value: clip(printable(v), 40)})
	}
	if v := queryValue(raw, themeParam); v != "" {
		switch t := strings.ToLower(strings.TrimSpace(v)); t {
		case "light", "dark":
			o.Theme = t
		case "auto":
		default:
			bad(themeParam, codeEmbedTheme, v)
		}
	}
	if v := queryValue(raw, viewParam); v != "" {
		switch view := strings.ToLower(strings.TrimSpace(v)); {
		case len(v) > maxEmbedValue:
			bad(viewParam, codeEmbedView, v)
		case view == "compact":
			o.Compact = true
		case view == "full":
		default:
			bad(viewParam, codeEmbedView, v)
		}
	}
	if v := queryValue(raw, accentParam); v != "" {
		if c, ok := parseHexColour(v); ok {
			o.Accent = c
		} else {
			bad(accentParam, codeEmbedAccent, v)
		}
	}
	if v := queryValue(raw, lockParam); v != "" {
		if len(v) > maxEmbedValue {
			bad(lockParam, codeEmbedLock, v)
		} else {
			for _, name := range strings.Split(v, ",") {
				name = strings.ToLower(strings.TrimSpace(name))
				switch {
				case name == "":
				case slices.Contains(params, name):
					if !slices.Contains(o.Lock, name) {
						o.Lock = append(o.Lock, name)
					}
				default:
					bad(lockParam, codeEmbedLock, name)
				}
			}
			slices.SortStableFunc(o.Lock, func(a, b string) int {
				return slices.Index(params, a) - slices.Index(params, b)
			})
		}
	}
	if v := queryValue(raw, hostParam); v != "" {
		if origin, ok := parseOrigin(v); ok {
			o.Host = origin
		} else {
			bad(hostParam, codeEmbedHost, v)
		}
	}
	if l, ok := knownLang(queryValue(raw, langParam)); ok {
		o.Lang = string(l)
	}
	return o
}

// parseHexColour reads "#0a58a6", "0A58A6" or "#0af" as "#0a58a6" / "#00aaff".
func parseHexColour(v string) (string, bool) {
	v = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(v), "#"))
	if len(v) != 3 && len(v) != 6 {
		return "", false
	}
	for _, r := range v {
		if !strings.ContainsRune("0123456789abcdef", r) {
			return "", false
		}
	}
	if len(v) == 3 {
		v = string([]byte{v[0], v[0], v[1], v[1], v[2], v[2]})
	}
	return "#" + v, true
}

// parseOrigin reads a web origin as a browser writes it ("https://portal.example",
// "http://127.0.0.1:8080"): http or https, a host, an optional port, nothing else (no
// path beyond "/", no query, fragment or user). The default port is dropped and the host
// lower-cased, as URL.origin does in the page.
func parseOrigin(v string) (string, bool) {
	if len(v) > maxEmbedValue {
		return "", false
	}
	u, err := url.Parse(strings.TrimSpace(v))
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.User != nil || u.Host == "" ||
		u.Opaque != "" || (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.ForceQuery || u.Fragment != "" ||
		strings.ContainsAny(u.Host, " *\\") {
		return "", false
	}
	host, port := strings.ToLower(u.Hostname()), u.Port()
	if host == "" || (port == "80" && u.Scheme == "http") || (port == "443" && u.Scheme == "https") {
		port = ""
	}
	if host == "" {
		return "", false
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if port != "" {
		host += ":" + port
	}
	return u.Scheme + "://" + host, true
}

// query is the embed parameters to keep in the page's address, encoded, or "" when the
// page is not embedded: a reload of the frame keeps its layout (view), theme, colour and
// locks.
func (o embedOptions) query() string {
	if !o.On {
		return ""
	}
	q := []string{embedParam + "=1"}
	if o.Compact {
		q = append(q, viewParam+"=compact")
	}
	if o.Theme != "" {
		q = append(q, themeParam+"="+o.Theme)
	}
	if o.Accent != "" {
		q = append(q, accentParam+"="+strings.TrimPrefix(o.Accent, "#"))
	}
	if len(o.Lock) > 0 {
		q = append(q, lockParam+"="+strings.Join(o.Lock, ","))
	}
	if o.Host != "" {
		q = append(q, hostParam+"="+url.QueryEscape(o.Host))
	}
	if o.Lang != "" {
		q = append(q, langKeep+"="+o.Lang)
	}
	return strings.Join(q, "&")
}

// rawQuery is the page's raw URL query in the browser, "" on the server.
func rawQuery() string {
	if app.IsServer {
		return ""
	}
	if u := app.Window().URL(); u != nil {
		return u.RawQuery
	}
	return ""
}

// isEmbed reports whether the page is laid out for an iframe: an embed route, or embed=1.
func (p *Page) isEmbed() bool { return p.route.Embed || p.embed.On }

// compact reports whether the page is an embed for a small portal slot (view=compact):
// it shows the form, the estimate, how it adds up, the short outlook and the sources,
// and leaves the guide panels to the full app, one link away (renderOpenFull).
func (p *Page) compact() bool { return p.isEmbed() && p.embed.Compact }

// locked lists the fields the page fixes: its route's and, embedded, the lock= list.
func (p *Page) locked() []string {
	if len(p.embed.Lock) == 0 {
		return p.route.Locked
	}
	out := slices.Clone(p.route.Locked)
	for _, l := range p.embed.Lock {
		if !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

// isLocked reports whether an edit of field must be refused: the field is fixed, or it
// is the metro of a fixed state (the form shows both as text).
func (p *Page) isLocked(field string) bool {
	l := p.locked()
	return slices.Contains(l, field) || (field == estimate.ParamMetro && slices.Contains(l, estimate.ParamState))
}

// urlQuery is what the page writes into its address: the scenario, then the embed
// parameters when embedded.
func (p *Page) urlQuery() string {
	q := queryString(p.in)
	if e := p.embed.query(); e != "" {
		if q != "" {
			q += "&"
		}
		q += e
	}
	return q
}

// renderEmbedFooter is the embedded page's one-line footer: the privacy promise, that
// saving is off, and links out (each opens a new tab: the frame stays on the estimate).
// A compact embed's way to the full app is its own card just above (renderOpenFull), so
// its footer does not say it again.
func (p *Page) renderEmbedFooter(t *text.Catalog) app.UI {
	return h("footer|class=embed-footer|data-testid=embed-footer",
		box("p", "",
			app.Text(t.T("embed.footer.privacy")+" "),
			txt("span", "", t.T("save.off.embed")),
		),
		box("p", "embed-footer__links",
			newTabLink("", docPath(p.lang, PrivacyPath), t.T("footer.privacy.link")),
			app.Text(" · "),
			newTabLink("", docPath(p.lang, AccessibilityPath), t.T("footer.a11y.link")),
			app.If(!p.compact(), func() app.UI {
				return box("span", "", app.Text(" · "), newTabLink("", p.fullAppPath(), t.T("embed.open")))
			}),
		),
	)
}

// fullAppPath is the full app's address for the page's scenario, in the page's language
// (a Spanish embed opens the Spanish app), without the embed parameters.
func (p *Page) fullAppPath() string {
	return langPath(p.lang, "/") + "?" + queryString(p.in)
}

// renderOpenFull is a compact embed's way to what it leaves out: the full app with the
// scenario, in a new tab, and what it adds there.
func (p *Page) renderOpenFull(t *text.Catalog) app.UI {
	return h("section|class=card open-full|data-testid=open-full",
		box("p", "open-full__go", newTabLink("button", p.fullAppPath(), t.T("embed.open"))),
		txt("p", "help", t.T("embed.open.more")),
	)
}

// newTabLink is a link to a page of the site that opens in a new tab, for the embedded
// page (the frame keeps the estimate). rel=noopener: the new page gets no handle on the
// frame.
func newTabLink(class, path, label string) app.UI {
	return elc("a", class).Attr("href", sitePath(path)).Attr("target", "_blank").Attr("rel", "noopener").
		DataSet("page", "site").Text(label)
}

// renderSaveNote says when nothing is kept on this device: always in an embedded page,
// and wherever the browser refuses local storage (private modes, sandboxed frames).
func (p *Page) renderSaveNote(t *text.Catalog) app.UI {
	switch {
	case p.isEmbed():
		return nil // the embed footer says it
	case p.noStorage:
		return txt("p", "save-note help", t.T("save.off.blocked"))
	}
	return nil
}

// storageAvailable reports whether st can keep the scenario (localStore probes the
// browser; a store without the probe, such as a test's, is taken as available).
func storageAvailable(st store) bool {
	if a, ok := st.(interface{ Available() bool }); ok {
		return a.Available()
	}
	return true
}

// lockedField shows a field the page fixes as text, not a control: its label, its value
// and that the page fixes it. id is the field's contract id, kept on the value.
func lockedField(t *text.Catalog, id, label, value string) app.UI {
	return el("div").Class("field", "field--locked").DataSet("locked", id).Body(
		el("p").ID(id+"-label").Class("field__label").Text(label),
		el("p").ID(id).Class("field__value").Aria("describedby", id+"-locked").Text(value),
		el("p").ID(id+"-locked").Class("help", "help--locked").Text(t.T("form.locked")),
	)
}

// Pages of the site about the site, published by the build (build/docpage) and linked
// from the footer: paths relative to the base path.
const (
	PrivacyPath       = "/privacy/"       // PRIVACY.md, with the button that clears this site's data
	AccessibilityPath = "/accessibility/" // ACCESSIBILITY.md, the accessibility statement
	EmbedBuilderPath  = "/embed-builder/" // the snippet builder for portals (docpage.Builder)
)

// storageProbeKey is written and removed at once to learn whether storage works.
const storageProbeKey = "hit-salary.probe"

// Available reports whether local storage can be written: it is missing, or throws, in
// sandboxed frames without allow-same-origin, in some private modes and when the
// person has blocked site data.
func (localStore) Available() (ok bool) {
	if app.IsServer {
		return false
	}
	defer func() {
		if r := recover(); r != nil {
			ok = false
		}
	}()
	ls := localStorageObject()
	if !ls.Truthy() {
		return false
	}
	ls.Call("setItem", storageProbeKey, "1")
	ls.Call("removeItem", storageProbeKey)
	return true
}

// lockedSelectValue names, in words, the value of a select the page fixes.
func lockedSelectValue(t *text.Catalog, param, value string) string {
	switch param {
	case estimate.ParamRole:
		return roleName(t, estimate.Role(value))
	case estimate.ParamState:
		a, _ := estimate.LookupArea(value)
		return areaName(t, a)
	case estimate.ParamMetro:
		if value == "" {
			return t.T("metro.whole")
		}
		return metroLabel(value)
	case estimate.ParamEducation:
		return t.T("edu." + value)
	case estimate.ParamEmployer:
		return t.T("employer." + value)
	case estimate.ParamFrom:
		if o, ok := estimate.LookupOrigin(estimate.Origin(value)); ok {
			return originName(t, o)
		}
		return t.T("from.none")
	}
	return value
}

// embedNoticeKeys are the notice's strings for bad embed parameters: each says the
// field, the value and what is used instead in one sentence.
var embedNoticeKeys = map[estimate.ErrorCode]string{
	codeEmbedTheme:  "notice.embed.theme",
	codeEmbedAccent: "notice.embed.accent",
	codeEmbedLock:   "notice.embed.lock",
	codeEmbedHost:   "notice.embed.host",
	codeEmbedView:   "notice.embed.view",
}

// localStorageObject is window.localStorage, read through Reflect.get so that a refusal
// is a Go panic the caller recovers from: in an iframe sandboxed without
// allow-same-origin the read itself throws, and syscall/js's Value.Get lets a JavaScript
// exception unwind through the Go runtime (ending the program), where Value.Call turns
// it into a panic.
func localStorageObject() app.Value {
	w := app.Window()
	return w.Get("Reflect").Call("get", w, "localStorage")
}
