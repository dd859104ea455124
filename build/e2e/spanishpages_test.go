package e2e

import (
	"bytes"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// spanishRolePageSample is a sample of the Spanish role pages (app/ui's
// TestRolePagesPrerender renders every one natively): a national page, a state page and
// a role whose usual education differs, in a small state.
var spanishRolePageSample = []struct {
	path  string
	role  estimate.Role
	state string
}{
	{"es/roles/ehr-analyst/", "ehr-analyst", "US"},
	{"es/roles/ehr-analyst/oh/", "ehr-analyst", "OH"},
	{"es/roles/him-director/wy/", "him-director", "WY"},
}

// englishPage is the path of the English page of a Spanish one, relative to the base.
func englishPage(es string) string { return strings.TrimPrefix(strings.TrimPrefix(es, "es"), "/") }

// expectAlternates checks the page's hreflang alternates: its English page (also
// x-default) and its Spanish page, paths relative to the base.
func (tb *tab) expectAlternates(en, es, context string) {
	tb.t.Helper()
	var got []string
	tb.mustEval(`[...document.querySelectorAll('head link[rel=alternate][hreflang]')].map(l =>
		l.hreflang + ' ' + new URL(l.getAttribute('href'), location.href).pathname)`, &got)
	want := []string{"en " + harness.Base + en, "es " + harness.Base + es, "x-default " + harness.Base + en}
	if !slices.Equal(got, want) {
		tb.t.Errorf("%s: hreflang alternates %q, want %q", context, got, want)
	}
}

// expectNoEnglish checks the page's text holds no English sentence of the catalogue
// (24 characters or more, with a different Spanish translation) and no missing key.
func (tb *tab) expectNoEnglish(context string) {
	tb.t.Helper()
	var page string
	tb.mustEval(`document.body.innerText`, &page)
	en, es := text.For(text.English), text.For(text.Spanish)
	for _, k := range text.Keys() {
		s := en.T(k)
		if len(s) >= 24 && !strings.Contains(s, "{") && s != es.T(k) && strings.Contains(page, s) {
			tb.t.Errorf("%s: English text of %s on the Spanish page: %q", context, k, s)
		}
	}
	if k := missingKeyRe.FindString(page); k != "" {
		tb.t.Errorf("%s: the page shows the missing key %s", context, k)
	}
}

// TestSpanishRolePagesWithoutJavaScript opens Spanish role pages with JavaScript off:
// the HTML alone is Spanish (lang, heading, Spanish number format, Spanish title, no
// English sentence of the catalogue), shows the model's figure for the page's reference
// profile, names its English page and itself as hreflang alternates, and its switcher
// leads to the English page; axe-core finds nothing in the light and the dark scheme.
func TestSpanishRolePagesWithoutJavaScript(t *testing.T) {
	src := axeSource(t)
	s := site(t, harness.Options{})
	es := text.For(text.Spanish)
	for _, pg := range spanishRolePageSample {
		t.Run(pg.path, func(t *testing.T) {
			in := referenceOf(t, pg.role, pg.state)
			w := want(t, in)
			tb := newTab(t, time.Minute)
			tb.run("disable JavaScript", emulation.SetScriptExecutionDisabled(true))
			tb.navigate(s.URL() + pg.path)
			got, err := tb.readEstimate()
			if err != nil || got.Median != w.Median || got.Low != w.Low || got.High != w.High || got.Source != "prerender" {
				t.Errorf("pre-rendered estimate %v (%v), want %d–%d–%d from the model for %+v", got, err, w.Low, w.Median, w.High, in)
			}
			tb.expectLang(text.Spanish, true, pg.path+" without JavaScript")
			var page struct {
				Title, Guide, English string
				Started               bool
			}
			tb.mustEval(`({title: document.title, guide: (document.querySelector('[data-testid=guide-estimate]') || {}).textContent || '',
				english: document.querySelector('`+selLangEN+`').getAttribute('href'),
				started: !document.getElementById('app-wasm-loader')})`, &page)
			if page.Started {
				t.Fatal("the app started with JavaScript off")
			}
			area, _ := estimate.LookupArea(pg.state)
			if name := es.AreaName(area.Code, area.Name); pg.state != "US" && !strings.Contains(page.Title, name) {
				t.Errorf("title %q does not name %s", page.Title, name)
			}
			if role := es.T("role." + string(pg.role) + ".name"); !strings.Contains(page.Title, role) {
				t.Errorf("title %q does not name the role as %q", page.Title, role)
			}
			if page.Guide != es.Money(w.Median) {
				t.Errorf("the guide says %q, want %q", page.Guide, es.Money(w.Median))
			}
			if u, err := url.Parse(page.English); err != nil || u.Path != harness.Base+englishPage(pg.path) || u.Query().Get("lang") != "en" {
				t.Errorf("the switcher's English link %q, want %s with lang=en", page.English, harness.Base+englishPage(pg.path))
			}
			tb.expectAlternates(englishPage(pg.path), pg.path, pg.path)
			tb.run("enable JavaScript for axe", emulation.SetScriptExecutionDisabled(false))
			tb.expectNoAxe(src, pg.path, "light", "dark")
		})
	}
	// The English page names the Spanish one as well.
	tb := newTab(t, time.Minute)
	tb.run("disable JavaScript", emulation.SetScriptExecutionDisabled(true))
	tb.navigate(s.URL() + "roles/ehr-analyst/oh/")
	tb.expectAlternates("roles/ehr-analyst/oh/", "es/roles/ehr-analyst/oh/", "English role page")
	var spanish string
	tb.mustEval(`document.querySelector('`+selLangES+`').getAttribute('href')`, &spanish)
	if u, err := url.Parse(spanish); err != nil || u.Path != harness.Base+"es/roles/ehr-analyst/oh/" {
		t.Errorf("the English page's Español link %q, want its Spanish page", spanish)
	}
}

// TestSpanishRolePagesLive: the wasm app takes over a Spanish role page in Spanish, with
// the figure the HTML had, keeps the address, and an edit stays Spanish.
func TestSpanishRolePagesLive(t *testing.T) {
	s := site(t, harness.Options{})
	for i, pg := range spanishRolePageSample {
		t.Run(pg.path, func(t *testing.T) {
			in := referenceOf(t, pg.role, pg.state)
			tb := newTab(t, time.Minute)
			release := s.HoldWasm()
			tb.navigate(s.URL() + pg.path)
			pre, err := tb.readEstimate()
			release()
			if err != nil || pre.Source != "prerender" {
				t.Fatalf("before the wasm: %v (%v)", pre, err)
			}
			tb.waitWasm()
			tb.expectLang(text.Spanish, true, pg.path+" in the app")
			tb.expectEstimate(in, pg.path+" in the app")
			live, err := tb.readEstimate()
			if err != nil || live.Median != pre.Median || live.Low != pre.Low || live.High != pre.High {
				t.Errorf("live %v (%v), pre-rendered %v: want the same figures", live, err, pre)
			}
			if path, _ := tb.location(); path != harness.Base+pg.path {
				t.Errorf("address %s, want %s", path, harness.Base+pg.path)
			}
			if i == 1 {
				tb.setValue("#years", "2")
				in.Years = 2
				tb.expectEstimate(in, pg.path+" after an edit")
				tb.expectLang(text.Spanish, true, pg.path+" after an edit")
			}
		})
	}
}

// TestSpanishRolePagesOffline: the service worker does not precache the Spanish role
// pages; with the server stopped, one opens from the cached Spanish shell (/es), in
// Spanish before the app runs and without the shell's figures shown as its own, and the
// app renders its scenario in Spanish.
func TestSpanishRolePagesOffline(t *testing.T) {
	s := site(t, harness.Options{})
	tb := newTab(t, 2*time.Minute)
	tb.navigate(s.URL() + "es/")
	tb.waitWasm()
	waitOfflineReady(tb)
	var cached []string
	tb.mustEval(`(async () => { const out = [];
		for (const k of await caches.keys()) for (const r of await (await caches.open(k)).keys()) out.push(new URL(r.url).pathname);
		return out; })()`, &cached)
	for _, c := range cached {
		if strings.Contains(c, "/roles/") {
			t.Errorf("the service worker precaches role page %s", c)
		}
	}
	stopServer(t, s)
	pg := spanishRolePageSample[1]
	in := referenceOf(t, pg.role, pg.state)
	tb.navigate(s.URL() + pg.path)
	var before struct {
		Lang, Source, Route string
	}
	tb.mustEval(`({lang: document.documentElement.lang, source: document.querySelector('[data-testid=estimate]').dataset.source,
		route: (document.getElementById('app') || {dataset: {}}).dataset.route || ''})`, &before)
	if before.Lang != "es" {
		t.Errorf("offline, %s opens from a shell in %q, want the Spanish one", pg.path, before.Lang)
	}
	if before.Source == "prerender" && before.Route != "/"+pg.path {
		t.Errorf("%s offline: the shell's pre-rendered figures are shown as this page's", pg.path)
	}
	tb.waitWasm()
	tb.expectLang(text.Spanish, true, pg.path+" offline")
	tb.expectEstimate(in, pg.path+" offline")
}

// spanishDocTitle is the first heading of a Spanish document of the repository.
func spanishDocTitle(t *testing.T, file string) string {
	t.Helper()
	root, err := harness.Root()
	if err != nil {
		t.Fatal(err)
	}
	md, err := os.ReadFile(filepath.Join(root, file))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(md), "\n") {
		if strings.HasPrefix(line, "# ") {
			return strings.TrimSpace(strings.TrimPrefix(line, "# "))
		}
	}
	t.Fatalf("%s has no level-1 heading", file)
	return ""
}

// TestSpanishDocPages opens the Spanish methodology, privacy and accessibility pages
// from the Spanish app's footer: each is the Spanish document (lang, its heading, no
// English sentence of the catalogue), names its English page and itself as hreflang
// alternates both ways, has a switcher to the English page and a way back to the Spanish
// app, and axe-core finds nothing, light and dark. The clear-data button works on the
// Spanish privacy page. The methodology is captured at 320 and 1280 px ($HIT_SCREENSHOTS
// or a temporary directory) and must not scroll sideways at 320.
func TestSpanishDocPages(t *testing.T) {
	src := axeSource(t)
	s := site(t, harness.Options{})
	tb := newTab(t, 2*time.Minute)
	tb.navigate(s.URL() + "es/")
	tb.waitWasm()
	var footer []string
	tb.mustEval(`[...document.querySelectorAll('.colophon a[data-page]')].map(a => new URL(a.href).pathname)`, &footer)
	for _, doc := range []string{"methodology", "privacy", "accessibility"} {
		if !slices.Contains(footer, harness.Base+"es/"+doc+"/") {
			t.Errorf("the Spanish footer's links %q do not lead to es/%s/", footer, doc)
		}
	}
	dir := os.Getenv("HIT_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, doc := range []struct{ name, file string }{
		{"methodology", "METHODOLOGY.es.md"}, {"privacy", "PRIVACY.es.md"}, {"accessibility", "ACCESSIBILITY.es.md"},
	} {
		t.Run(doc.name, func(t *testing.T) {
			tb := newTab(t, time.Minute)
			path := "es/" + doc.name + "/"
			tb.navigate(s.URL() + path)
			var page struct {
				Lang, H1, Back, English string
			}
			tb.mustEval(`({lang: document.documentElement.lang, h1: document.querySelector('h1').innerText,
				back: new URL(document.querySelector('.doc__back a').href).pathname,
				english: new URL(document.querySelector('`+selLangEN+`').href).pathname})`, &page)
			if want := spanishDocTitle(t, doc.file); page.Lang != "es" || page.H1 != want {
				t.Errorf("lang %q, heading %q; want es and %s's %q", page.Lang, page.H1, doc.file, want)
			}
			if page.Back != harness.Base+"es/" || page.English != harness.Base+doc.name+"/" {
				t.Errorf("the way back %s and the English link %s; want %ses/ and %s%s/", page.Back, page.English, harness.Base, harness.Base, doc.name)
			}
			tb.expectAlternates(doc.name+"/", path, path)
			tb.expectNoEnglish(path)
			tb.expectNoAxe(src, path, "light", "dark")

			en := newTab(t, time.Minute)
			en.navigate(s.URL() + doc.name + "/")
			en.expectAlternates(doc.name+"/", path, doc.name+"/ (English)")

			switch doc.name {
			case "privacy":
				var set bool
				tb.mustEval(`localStorage.setItem('hit-salary.e2e', '1'), true`, &set)
				tb.activate("#clear-data")
				tb.waitFor("the data cleared", `document.getElementById('clear-status').hasAttribute('data-cleared')`, changeTimeout)
				var after struct {
					Item   *string
					Status string
				}
				tb.mustEval(`({item: localStorage.getItem('hit-salary.e2e'), status: document.getElementById('clear-status').textContent})`, &after)
				if after.Item != nil || !strings.HasPrefix(after.Status, "Borrado") {
					t.Errorf("after the button: item %v, status %q (want it gone and a Spanish status)", after.Item, after.Status)
				}
			case "methodology":
				for _, width := range []int64{320, 1280} {
					tb.run("set the viewport", emulation.SetDeviceMetricsOverride(width, 900, 1, width < 600))
					var wide bool
					tb.mustEval(`document.documentElement.scrollWidth > window.innerWidth`, &wide)
					if wide && width == 320 {
						t.Errorf("at %d px the page scrolls sideways", width)
					}
					var png []byte
					tb.run("screenshot", chromedp.CaptureScreenshot(&png))
					if !bytes.HasPrefix(png, []byte("\x89PNG")) {
						t.Fatal("the screenshot is not a PNG")
					}
					name := filepath.Join(dir, fmt.Sprintf("hit-salary-es-methodology-%d.png", width))
					if err := os.WriteFile(name, png, 0o644); err != nil {
						t.Fatal(err)
					}
					t.Logf("wrote %s", name)
				}
			}
		})
	}
}

// TestSpanishEmbedBuilder opens the Spanish embed builder from the Spanish app's footer:
// it is Spanish (lang, the catalogue's title, no English sentence of the catalogue, the
// states by their Spanish names), names the English builder and itself as hreflang
// alternates both ways, has a switcher to the English builder and a way back to the
// Spanish app, and the English app's footer leads to the English builder.
func TestSpanishEmbedBuilder(t *testing.T) {
	s := site(t, harness.Options{})
	es := text.For(text.Spanish)
	for _, app := range []struct{ path, want string }{{"es/", "es/embed-builder/"}, {"", "embed-builder/"}} {
		tb := newTab(t, time.Minute)
		tb.navigate(s.URL() + app.path)
		tb.waitWasm()
		var footer []string
		tb.mustEval(`[...document.querySelectorAll('.colophon a[data-page]')].map(a => new URL(a.href).pathname)`, &footer)
		if !slices.Contains(footer, harness.Base+app.want) {
			t.Errorf("the footer of %q links %q, not %s", app.path, footer, app.want)
		}
	}
	tb := newTab(t, time.Minute)
	tb.navigate(s.URL() + "es/embed-builder/")
	var page struct {
		Lang, H1, Title, Back, English, NC string
	}
	tb.mustEval(`({lang: document.documentElement.lang, h1: document.querySelector('h1').innerText, title: document.title,
		back: new URL(document.querySelector('.doc__back a').href).pathname,
		english: new URL(document.querySelector('`+selLangEN+`').href).pathname,
		nc: document.querySelector('#b-state option[value=NC]').textContent})`, &page)
	if page.Lang != "es" || page.H1 != es.T("builder.title") || page.Title != es.F("doc.title", "title", es.T("builder.title")) {
		t.Errorf("lang %q, heading %q, title %q; want es and the catalogue's %q", page.Lang, page.H1, page.Title, es.T("builder.title"))
	}
	if page.Back != harness.Base+"es/" || page.English != harness.Base+"embed-builder/" {
		t.Errorf("the way back %s and the English link %s; want %ses/ and %sembed-builder/", page.Back, page.English, harness.Base, harness.Base)
	}
	if page.NC != "Carolina del Norte" {
		t.Errorf("North Carolina is %q in the state list", page.NC)
	}
	tb.expectAlternates("embed-builder/", "es/embed-builder/", "es/embed-builder/")
	tb.expectNoEnglish("es/embed-builder/")
	en := newTab(t, time.Minute)
	en.navigate(s.URL() + "embed-builder/")
	en.expectAlternates("embed-builder/", "es/embed-builder/", "embed-builder/ (English)")
}

// TestEmbedBuilderLooks runs axe-core on each embed builder, with its live preview, in
// the light and the dark scheme at 1280 and 320 px, checks it does not scroll sideways
// at 320 px, and writes full-page screenshots (embed-builder-<lang>-<width>-<scheme>.png,
// $HIT_SCREENSHOTS or a temporary directory) for people to look at.
func TestEmbedBuilderLooks(t *testing.T) {
	src := axeSource(t)
	dir := screenshotDir(t)
	s := site(t, harness.Options{})
	for _, pg := range builderPages {
		t.Run(string(pg.lang), func(t *testing.T) {
			tb := newTab(t, 2*time.Minute)
			tb.navigate(s.URL() + pg.path)
			tb.pollFrame("the preview's estimate", s.URL(), `document.querySelector('[data-testid=estimate][data-source=wasm]')`, wasmTimeout)
			for _, width := range []int64{1280, 320} {
				tb.run("set the viewport", emulation.SetDeviceMetricsOverride(width, 900, 1, width < 600))
				var wide bool
				tb.mustEval(`document.documentElement.scrollWidth > window.innerWidth`, &wide)
				if wide {
					t.Errorf("at %d px the page scrolls sideways", width)
				}
				tb.expectNoAxe(src, fmt.Sprintf("%s at %d px", pg.path, width), "light", "dark")
				for _, scheme := range []string{"light", "dark"} {
					tb.run(scheme, emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}))
					var png []byte
					tb.run("screenshot", chromedp.FullScreenshot(&png, 100))
					name := filepath.Join(dir, fmt.Sprintf("embed-builder-%s-%d-%s.png", pg.lang, width, scheme))
					if err := os.WriteFile(name, png, 0o644); err != nil {
						t.Fatal(err)
					}
					t.Logf("wrote %s", name)
				}
			}
		})
	}
}
