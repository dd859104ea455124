package e2e

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
	"github.com/hit-salary/hit-salary/build/e2e/harness"
	"github.com/hit-salary/hit-salary/build/layout"
)

// sitePages are the pages of the site issue 8 adds or changes, relative to the base,
// with whether the wasm app runs in them.
var sitePages = []struct {
	path string
	app  bool
}{
	{"", true},
	{"es", true},
	{"?embed=1&theme=light", true},
	{"?embed=1&theme=dark&accent=ffcc00&lock=role,state&role=data-analyst&state=WA", true},
	{"?embed=1&view=compact&lang=es&role=it-support&state=OH", true},
	{"methodology/", false},
	{"privacy/", false},
	{"accessibility/", false},
	{"embed-builder/", false},
	{"es/embed-builder/", false},
}

// TestPagesPolicy loads every page: the Content-Security-Policy is the first element
// after <meta charset>, the Trusted Types default policy is in place before the app, and
// nothing violates either (the tab fails the test on any report, see policy_test.go).
func TestPagesPolicy(t *testing.T) {
	s := site(t, harness.Options{})
	for _, p := range sitePages {
		t.Run(strings.TrimSuffix(p.path, "/"), func(t *testing.T) {
			tb := newTab(t, time.Minute)
			tb.navigate(s.URL() + p.path)
			if p.app {
				tb.waitWasm()
			}
			var head struct {
				First, CSP string
				Policy     bool
				Script     string
			}
			tb.mustEval(`(() => {
				const charset = document.querySelector('head > meta[charset]');
				const next = charset && charset.nextElementSibling;
				return {first: next ? next.outerHTML.slice(0, 40) : '', csp: next ? next.getAttribute('content') : '',
					policy: !!(window.trustedTypes && trustedTypes.defaultPolicy),
					script: (document.querySelector('script[src]') || {}).getAttribute('src')};
			})()`, &head)
			if head.CSP != layout.ContentSecurityPolicy {
				t.Errorf("the element after <meta charset> is %s with %q, want the CSP %q", head.First, head.CSP, layout.ContentSecurityPolicy)
			}
			if !head.Policy || head.Script != harness.Base+layout.TrustedTypes {
				t.Errorf("Trusted Types default policy %v, first script %q", head.Policy, head.Script)
			}
			if p.app {
				// Let the service worker register (the one Trusted Types sink of go-app).
				tb.waitFor("the service worker", `navigator.serviceWorker.getRegistration().then(r => !!(r && (r.active || r.installing || r.waiting)))`, changeTimeout)
			}
			time.Sleep(200 * time.Millisecond) // reports are asynchronous
		})
	}
}

// TestPolicyWatchFails provokes one CSP and one Trusted Types violation and wants the
// tab to report both: the watch every test relies on can fail.
func TestPolicyWatchFails(t *testing.T) {
	s := site(t, harness.Options{})
	tb := newTab(t, time.Minute)
	tb.allowViolations = true
	tb.navigate(s.URL() + "privacy/")
	tb.eval(`document.body.setAttribute('style', 'color: red')`, nil)
	tb.eval(`(() => { try { document.body.insertAdjacentHTML('beforeend', '<b>x</b>'); } catch (e) {} })()`, nil)
	v := tb.waitViolations(2, 5*time.Second)
	var style, tt bool
	for _, s := range v {
		style = style || strings.Contains(s, "style-src")
		tt = tt || strings.Contains(s, "trusted-types") || strings.Contains(s, "TrustedHTML")
	}
	if !style || !tt {
		t.Errorf("provoked violations reported: %q; want a style-src one and a Trusted Types one", v)
	}
}

// TestPrivacyClearsData: after the app has saved a scenario and the service worker has
// cached the site, the privacy page's button removes this site's storage items, caches
// and worker, and leaves another app's storage item alone.
func TestPrivacyClearsData(t *testing.T) {
	s := site(t, harness.Options{})
	tb := newTab(t, 2*time.Minute)
	tb.navigate(s.URL())
	tb.waitWasm()
	tb.setValue("#role", "it-manager")
	tb.waitFor("the saved scenario", `localStorage.getItem('hit-salary.scenario.v1') !== null`, changeTimeout)
	tb.mustEval(`localStorage.setItem('other-app.setting', 'keep'), true`, nil)
	tb.waitFor("the offline copy", `caches.keys().then(k => k.some(n => n.startsWith('goapp ')))`, wasmTimeout)
	tb.navigate(s.URL() + "privacy/")
	tb.waitFor("the clear button", visibleJS("#clear-data"), changeTimeout)
	tb.click("#clear-data")
	tb.waitFor("the clear status", `document.querySelector('#clear-status').getAttribute('data-cleared')`, changeTimeout)
	var after struct {
		Counts  map[string]int
		Keys    []string
		Caches  []string
		Workers int
		Text    string
	}
	tb.mustEval(`(async () => ({
		counts: JSON.parse(document.querySelector('#clear-status').getAttribute('data-cleared')),
		keys: Object.keys(localStorage),
		caches: await caches.keys(),
		workers: (await navigator.serviceWorker.getRegistrations()).length,
		text: document.querySelector('#clear-status').textContent,
	}))()`, &after)
	if after.Counts["items"] < 1 || after.Counts["caches"] < 1 || after.Counts["workers"] != 1 {
		t.Errorf("cleared %v, want at least one item and one cache, and the worker", after.Counts)
	}
	for _, k := range after.Keys {
		if strings.HasPrefix(k, "hit-salary.") {
			t.Errorf("storage item %q is still there", k)
		}
	}
	if !strings.Contains(strings.Join(after.Keys, " "), "other-app.setting") {
		t.Errorf("another app's storage item was removed too: %v", after.Keys)
	}
	for _, c := range after.Caches {
		if strings.HasPrefix(c, "goapp "+s.URL()) {
			t.Errorf("cache %q is still there", c)
		}
	}
	if after.Workers != 0 || !strings.HasPrefix(after.Text, "Cleared:") {
		t.Errorf("%d service workers left; status %q", after.Workers, after.Text)
	}
}

// builderPages are the embed builder in each language: its path relative to the base
// and the lang= its embed code carries (none from the English builder: the embed then
// speaks its reader's language).
var builderPages = []struct {
	lang      text.Lang
	path      string
	embedLang string
}{
	{text.English, "embed-builder/", ""},
	{text.Spanish, "es/embed-builder/", "es"},
}

// TestEmbedBuilder makes choices in the embed builder, in English and in Spanish: the
// code names them (the embed URL with the builder's language, the role, state, locks,
// theme, accent and host, the height, the sandbox and the host script), the accent's
// contrast adjustment is said in the page's language, the live preview shows the same
// scenario computed, in the page's language, and fits its content through embed.js, and
// the copy button writes the code to the clipboard. The tab fails the test on any CSP or
// Trusted Types violation (policy_test.go).
func TestEmbedBuilder(t *testing.T) {
	s := site(t, harness.Options{})
	for _, pg := range builderPages {
		t.Run(string(pg.lang), func(t *testing.T) {
			c := text.For(pg.lang)
			tb := newTab(t, 2*time.Minute)
			tb.run("allow the clipboard", cdpbrowser.GrantPermissions([]cdpbrowser.PermissionType{cdpbrowser.PermissionTypeClipboardReadWrite, cdpbrowser.PermissionTypeClipboardSanitizedWrite}).WithOrigin(s.Origin()))
			tb.navigate(s.URL() + pg.path)
			var lang string
			tb.mustEval(`document.documentElement.lang`, &lang)
			if lang != string(pg.lang) {
				t.Errorf("<html lang=%q>, want %s", lang, pg.lang)
			}
			tb.setValue("#b-role", "security-analyst")
			tb.setValue("#b-state", "TX")
			tb.activate("#b-lock-role")
			tb.activate("#b-theme-dark")
			tb.setValue("#b-accent", "ffff00")
			tb.setValue("#b-host", "https://portal.example")
			tb.setValue("#b-height", "1200")
			var code, accent string
			tb.mustEval(`document.querySelector('#b-code').value`, &code)
			tb.mustEval(`document.querySelector('#b-accent-status').textContent`, &accent)
			query := "?embed=1"
			if pg.embedLang != "" {
				query += "&lang=" + pg.embedLang
			}
			wantSrc := strings.ReplaceAll(s.URL()+query+"&role=security-analyst&state=TX&lock=role&theme=dark&accent=ffff00&host=https://portal.example", "&", "&amp;")
			for _, w := range []string{`src="` + wantSrc + `"`, `height="1200"`, `data-hit-salary`, `title="` + c.T("builder.frame") + `"`,
				`<script src="` + s.URL() + `web/embed.js" defer></script>`} {
				if !strings.Contains(code, w) {
					t.Errorf("the code lacks %s:\n%s", w, code)
				}
			}
			if adjusted, _, _ := strings.Cut(c.T("builder.accent.adjusted"), ":"); !strings.HasPrefix(accent, adjusted) {
				t.Errorf("accent status %q, want the adjustment said (%q)", accent, adjusted)
			}
			// The preview: the same embed URL with this page as its host.
			var src string
			tb.mustEval(`document.querySelector('#b-preview').src`, &src)
			u, err := url.Parse(src)
			if err != nil || u.Query().Get("host") != s.Origin() || u.Query().Get("role") != "security-analyst" || u.Query().Get("lock") != "role" ||
				u.Query().Get("lang") != pg.embedLang {
				t.Fatalf("preview src %q", src)
			}
			in := estimate.Default()
			in.Role, in.State = "security-analyst", "TX"
			tb.pollFrame("the preview's estimate", s.URL(), fmt.Sprintf(`document.querySelector('[data-testid=estimate][data-source=wasm][data-median="%d"]')`, want(t, in).Median), wasmTimeout)
			// The preview speaks the page's language (headless Chromium prefers English, so
			// the English builder's embed, which names no language, is in English).
			tb.pollFrame("the preview in "+string(pg.lang), s.URL(), fmt.Sprintf(`document.documentElement.lang === %s &&
				document.querySelector('label[for=years]') && document.querySelector('label[for=years]').textContent.includes(%s) &&
				document.querySelector('[data-testid=estimate]').textContent.includes(%s)`,
				jsString(string(pg.lang)), jsString(c.T("field.years")), jsString(c.Money(want(t, in).Median))), changeTimeout)
			tb.waitFor("the preview to fit its content", `window.hitSalaryEmbed.resized > 0`, changeTimeout)

			tb.click("#b-copy")
			tb.waitFor("the copy status", `document.querySelector('#b-copy-status').textContent !== ''`, changeTimeout)
			// (Reading the clipboard back needs a focused window, which headless Chromium does
			// not give a background tab: the status says whether writeText succeeded.)
			var status string
			tb.mustEval(`document.querySelector('#b-copy-status').textContent`, &status)
			if status != c.T("builder.copied") {
				t.Errorf("copy status %q, want %q", status, c.T("builder.copied"))
			}
		})
	}
}

// TestEmbedBuilderKeyboard tabs through each embed builder from the top: every control
// is reached (a radio group once, as browsers do), in the order of the page, and the
// arrow keys choose a theme, which the code then names.
func TestEmbedBuilderKeyboard(t *testing.T) {
	s := site(t, harness.Options{})
	controls := []string{"#b-role", "#b-state"}
	for _, p := range estimate.Params() {
		controls = append(controls, "#b-lock-"+p)
	}
	controls = append(controls, "#b-view-full", "#b-theme-auto", "#b-accent", "#b-host", "#b-height", "#b-sandbox", "#b-code", "#b-copy", "#b-preview")
	for _, pg := range builderPages {
		t.Run(string(pg.lang), func(t *testing.T) {
			tb := newTab(t, time.Minute)
			tb.navigate(s.URL() + pg.path)
			tb.waitFor("the copy button", visibleJS("#b-copy"), changeTimeout)
			var reached []string
			for i := 0; i < 60 && len(reached) < len(controls); i++ {
				tb.press("\t")
				if a := tb.active(); slices.Contains(controls, a) && !slices.Contains(reached, a) {
					reached = append(reached, a)
				}
			}
			if !slices.Equal(reached, controls) {
				t.Errorf("Tab reached %q, want %q in this order", reached, controls)
			}
			tb.run("focus the theme", chromedp.Focus("#b-theme-auto", chromedp.ByQuery))
			tb.press(kb.ArrowDown)
			var after struct {
				Active, Code string
			}
			tb.mustEval(`({active: document.activeElement.id, code: document.querySelector('#b-code').value})`, &after)
			if after.Active != "b-theme-light" || !strings.Contains(after.Code, "theme=light") {
				t.Errorf("after the down arrow on the theme: focus on %q, code %q; want the light theme chosen", after.Active, after.Code)
			}
		})
	}
}

// TestAccessibilitySitePages runs axe-core on the pages issue 8 adds and on the embedded
// app in the light and the dark theme.
func TestAccessibilitySitePages(t *testing.T) {
	src := axeSource(t)
	s := site(t, harness.Options{})
	for _, p := range []struct {
		name, path string
		app        bool
	}{
		{"privacy", "privacy/", false},
		{"accessibility", "accessibility/", false},
		{"embed builder", "embed-builder/", false},
		{"embedded light", "?embed=1&theme=light&lock=role,state&role=informatics&state=NY", true},
		{"embedded dark", "?embed=1&theme=dark&accent=ffcc00&lock=role,state&role=informatics&state=NY", true},
		{"embedded dark, bad parameters", "?embed=1&theme=dark&accent=nope&lock=salary&host=*", true},
	} {
		t.Run(p.name, func(t *testing.T) {
			tb := newTab(t, time.Minute)
			tb.navigate(s.URL() + p.path)
			if p.app {
				tb.waitWasm()
			}
			violations, _ := tb.runAxe(src)
			for _, v := range violations {
				t.Error(axeReport("", v))
			}
		})
	}
}
