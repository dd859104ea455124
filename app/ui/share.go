package ui

import (
	"net/url"
	"strings"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// SharePanel is "Share or keep this scenario": a share button (the Web Share API where
// the browser has it, else the link copied to the clipboard, else the link shown to copy
// by hand) and the scenario with its breakdown as CSV and JSON files
// (estimate.NewExport; estimate.ParseExport reads them back). The files are data: links
// made in the browser, so nothing leaves the device.
//
// The button shares the scenario on screen; the files follow the scenario once edits
// pause, as the slow panels do (later.go), and are marked busy (aria-busy, grey tones)
// until then: making them took about a tenth of an edit's render at 4× CPU (the model
// run again, CSV, JSON and two long data: addresses written into the page; make bench
// -profile).
type SharePanel struct {
	app.Compo

	Lang   text.Lang // language of every string
	Query  string    // the scenario on screen, as queryString writes it: what Share shares
	Files  string    // the scenario the files hold (the slow panels'), or "" for Query
	Behind bool      // Files is older than Query: the files are marked busy

	query     string     // the scenario files were made for
	files     shareFiles // the download files of query
	ok        bool       // the model answered for query
	statusFor string     // the scenario status and link are about
	status    string     // text key of the last share's outcome, or ""
	link      string     // the link shown to copy by hand, or ""
}

// scenarioOfFiles is the scenario the download files hold.
func (c *SharePanel) scenarioOfFiles() string {
	if c.Files != "" {
		return c.Files
	}
	return c.Query
}

// shareFiles is a scenario's CSV and JSON files: the scenario they hold (the export's
// Query), the name they download as (without the extension) and their data: addresses.
type shareFiles struct{ query, name, csv, json string }

// filesOf makes the download files of a result: the model's export as CSV and JSON.
func filesOf(r estimate.Result) shareFiles {
	exp := estimate.NewExport(r)
	return shareFiles{
		query: exp.Query,
		name:  "hit-salary-" + string(r.Input.Role) + "-" + strings.ToLower(r.Input.State),
		csv:   dataHref("text/csv", exp.CSV()),
		json:  dataHref("application/json", exp.JSON()),
	}
}

// export is the download files of the files' scenario, made once per scenario: the
// panel renders on every edit, the files change only when edits pause.
func (c *SharePanel) export() (shareFiles, bool) {
	if q := c.scenarioOfFiles(); c.query != q || c.files.name == "" {
		in, _ := estimate.FromQuery(parseQuery(q))
		r, err := estimate.Estimate(in)
		c.files, c.ok, c.query = filesOf(r), err == nil, q
	}
	return c.files, c.ok
}

// Render draws the panel.
func (c *SharePanel) Render() app.UI {
	t := text.For(c.Lang)
	return safeRender(t, func() app.UI { return c.render(t) })
}

func (c *SharePanel) render(t *text.Catalog) app.UI {
	files, ok := c.export()
	if !ok {
		return nil
	}
	if c.statusFor != c.Query { // the outcome of sharing another scenario
		c.statusFor, c.status, c.link = c.Query, "", ""
	}
	var status app.UI
	if c.status != "" {
		status = txt("span", "", t.T(c.status))
	}
	return hs("section|id=share|class=card share|data-testid=share").Attr("aria-labelledby", "share-title").Body(
		hs("h2|id=share-title").Text(t.T("share.title")),
		txt("p", "", t.T("share.intro")),
		box("p", "share__actions",
			hs("button|type=button|class=button|data-testid=share-button").OnClick(c.onShare).Text(t.T("share.button")),
			// In the browser only: go-app's resolver, when pre-rendering, prefixes every
			// href with the base path, data: links too (and the files would weigh on
			// each of the 742 pre-rendered pages).
			app.If(app.IsClient, func() app.UI {
				links := downloads(t, files)
				if c.Behind {
					links = links.Aria("busy", "true")
				}
				return links
			}),
		),
		hs("p|class=share__status|role=status|data-testid=share-status").Body(status),
		app.If(c.link != "", func() app.UI {
			return box("p", "share__link",
				hs("label|for=share-link").Text(t.T("share.link")),
				hs("input|id=share-link|type=text|readonly|class=share__input").Attr("value", c.link),
			)
		}),
	)
}

// downloads is the CSV and JSON download links of the files.
func downloads(t *text.Catalog, f shareFiles) app.HTMLElem {
	// data-live=only: made by the live app alone (see the comment at its call); the test
	// that compares the pre-rendered and the live DOM leaves such elements out.
	return elc("span", "share__files").DataSet("live", "only").Body(
		dataLink("share-csv", f.name+".csv", f.csv, t.T("share.csv")),
		app.Text(" "),
		dataLink("share-json", f.name+".json", f.json, t.T("share.json")),
	)
}

// dataHref is the data: address of a UTF-8 file of the given type.
func dataHref(mime string, data []byte) string {
	return "data:" + mime + ";charset=utf-8," + url.PathEscape(string(data))
}

// dataLink is a link that downloads the file at href (a data: address) as file.
func dataLink(testid, file, href, label string) app.UI {
	return elc("a", "button button--quiet").DataSet("testid", testid).
		Attr("href", href).Attr("download", file).Text(label)
}

// onShare shares the scenario's address: the system share sheet, else the clipboard,
// else the address shown to copy.
func (c *SharePanel) onShare(ctx app.Context, e app.Event) {
	defer recoverTo(ctx, func(app.Context, any) {})
	link := scenarioURL(c.Query)
	nav := app.Window().Get("navigator")
	c.statusFor = c.Query
	done := func(key string, show bool) {
		ctx.Dispatch(func(ctx app.Context) {
			c.status = key
			if show {
				c.link = link
			}
		})
	}
	var then, fail app.Func
	settle := func(key string, show bool) app.Func {
		return app.FuncOf(func(this app.Value, args []app.Value) any {
			done(key, show)
			then.Release()
			fail.Release()
			return nil
		})
	}
	switch {
	case nav.Get("share").Truthy():
		then, fail = settle("share.shared", false), settle("share.cancelled", true)
		nav.Call("share", map[string]any{"title": app.Window().Get("document").Get("title").String(), "url": link}).
			Call("then", then, fail)
	case nav.Get("clipboard").Truthy() && nav.Get("clipboard").Get("writeText").Truthy():
		then, fail = settle("share.copied", false), settle("share.copy.failed", true)
		nav.Get("clipboard").Call("writeText", link).Call("then", then, fail)
	default:
		c.status, c.link = "share.copy.failed", link
	}
}
