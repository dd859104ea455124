package e2e

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// The language switcher's links, by the language they open.
const (
	selLangEN = `[data-testid=lang-switch] a[hreflang=en]`
	selLangES = `[data-testid=lang-switch] a[hreflang=es]`
)

// missingKeyRe matches how the catalogue shows a key no language has: "[summary.title]".
var missingKeyRe = regexp.MustCompile(`\[[a-z]+(\.[a-z0-9-]+)+\]`)

// expectLang checks the page is in language l: <html lang> and the app root's lang,
// the heading, and every figure written in l's number format. With complete, it also
// checks no English sentence of the catalogue and no missing key is on the page.
func (tb *tab) expectLang(l text.Lang, complete bool, context string) {
	tb.t.Helper()
	c := text.For(l)
	tb.waitFor(context+": the page in "+string(l), fmt.Sprintf(`document.documentElement.lang === %s &&
		document.getElementById('app') && document.getElementById('app').lang === %s &&
		document.querySelector('h1') && document.querySelector('h1').textContent === %s`,
		jsString(string(l)), jsString(string(l)), jsString(c.T("app.heading"))), changeTimeout)
	var page struct {
		Median string
		Amount string
		Text   string
	}
	tb.mustEval(`(() => { const e = document.querySelector('`+selEstimate+`');
		return {median: e.getAttribute('data-median'), amount: e.textContent, text: document.body.innerText}; })()`, &page)
	var median int
	if _, err := fmt.Sscan(page.Median, &median); err != nil {
		tb.t.Fatalf("%s: data-median %q: %v", context, page.Median, err)
	}
	if want := c.Money(median); !strings.Contains(page.Amount, want) {
		tb.t.Errorf("%s: the estimate reads %q, want %q (%s number format)", context, page.Amount, want, l)
	}
	if !complete {
		return
	}
	if k := missingKeyRe.FindString(page.Text); k != "" {
		tb.t.Errorf("%s: the page shows the missing key %s", context, k)
	}
	if l == text.English {
		return
	}
	// Every English sentence of the catalogue that has a translation must be absent. Short
	// strings ("Estimate") could occur inside others, so only sentences are compared.
	en := text.For(text.English)
	for _, k := range text.Keys() {
		s := en.T(k)
		if len(s) < 24 || strings.Contains(s, "{") || s == c.T(k) {
			continue
		}
		if strings.Contains(page.Text, s) {
			tb.t.Errorf("%s: English text of %s on the %s page: %q", context, k, l, s)
		}
	}
}

// tabTo presses Tab until the element sel has focus, as a keyboard user does.
func (tb *tab) tabTo(sel string, maxTabs int) {
	tb.t.Helper()
	for i := 0; i < maxTabs; i++ {
		var focused bool
		tb.mustEval(`document.activeElement === document.querySelector(`+jsString(sel)+`)`, &focused)
		if focused {
			return
		}
		tb.run("press Tab", chromedp.KeyEvent("\t"))
	}
	var active string
	tb.mustEval(`document.activeElement ? document.activeElement.outerHTML.slice(0, 120) : ''`, &active)
	tb.t.Fatalf("%s not reached in %d Tab presses; focus is on %s", sel, maxTabs, active)
}

// TestSpanish: a lang=es link shows the app in Spanish with Spanish number format; the
// switcher works by keyboard, keeps the scenario, and the choice survives a reload of the
// bare home page in both directions; the browser's preference picks Spanish when nothing
// was chosen; the pre-rendered Spanish page is Spanish before the wasm runs.
func TestSpanish(t *testing.T) {
	s := site(t, harness.Options{})
	const query = "role=it-support&state=TX&years=4"
	q, _ := url.ParseQuery(query)
	in, errs := estimate.FromQuery(q)
	if len(errs) != 0 {
		t.Fatal(errs)
	}

	t.Run("lang=es link, switcher by keyboard, choice remembered", func(t *testing.T) {
		tb := newTab(t, 2*time.Minute)
		tb.navigate(s.URL() + "?" + query + "&lang=es")
		tb.waitWasm()
		tb.expectLang(text.Spanish, true, "lang=es link")
		tb.expectEstimate(in, "lang=es link")

		tb.tabTo(selLangEN, 6)
		tb.run("press Enter on English", chromedp.KeyEvent("\r"))
		tb.waitFor("the English page", `document.documentElement.lang === 'en' && location.search.includes('lang=en')`, wasmTimeout)
		tb.waitWasm()
		tb.expectLang(text.English, true, "after choosing English")
		tb.expectEstimate(in, "after choosing English")

		tb.navigate(s.URL())
		tb.waitWasm()
		tb.expectLang(text.English, false, "home page after choosing English")

		tb.tabTo(selLangES, 6)
		tb.run("press Enter on Español", chromedp.KeyEvent("\r"))
		tb.waitFor("the Spanish page", `location.pathname.endsWith('/es/') && document.documentElement.lang === 'es'`, wasmTimeout)
		tb.waitWasm()
		tb.expectLang(text.Spanish, true, "after choosing Español")

		tb.navigate(s.URL())
		tb.waitWasm()
		tb.expectLang(text.Spanish, true, "home page reloaded after choosing Español")
		var current string
		tb.mustEval(`document.querySelector('[data-testid=lang-switch] [aria-current=page]').getAttribute('hreflang')`, &current)
		if current != "es" {
			t.Errorf("the switcher marks %q as current, want es", current)
		}
	})

	t.Run("browser prefers Spanish", func(t *testing.T) {
		tb := newTab(t, time.Minute)
		tb.run("prefer es-MX", emulation.SetUserAgentOverride("Mozilla/5.0 HIT-Salary-e2e").WithAcceptLanguage("es-MX,es;q=0.9"))
		// web/lang.js sends the reader to the Spanish page before anything is drawn, so
		// even the pre-rendered page is Spanish.
		release := s.HoldWasm()
		tb.navigate(s.URL() + "?" + query)
		tb.waitFor("the Spanish page", `location.pathname.endsWith('/es/') && location.search.includes('role=it-support')`, changeTimeout)
		tb.expectLang(text.Spanish, true, "navigator.languages es-MX, before the wasm")
		release()
		tb.navigate(s.URL())
		tb.waitWasm()
		tb.expectLang(text.Spanish, true, "navigator.languages es-MX")
	})

	t.Run("browser prefers English", func(t *testing.T) {
		tb := newTab(t, time.Minute)
		tb.run("prefer en-US", emulation.SetUserAgentOverride("Mozilla/5.0 HIT-Salary-e2e").WithAcceptLanguage("en-US,en;q=0.9,es;q=0.5"))
		tb.navigate(s.URL())
		tb.waitWasm()
		tb.expectLang(text.English, false, "navigator.languages en-US")
	})

	t.Run("pre-rendered Spanish page", func(t *testing.T) {
		tb := newTab(t, time.Minute)
		release := s.HoldWasm()
		defer release()
		tb.navigate(s.URL() + "es/")
		var source string
		tb.mustEval(`document.querySelector('`+selEstimate+`').getAttribute('data-source')`, &source)
		if source != "prerender" {
			t.Fatalf("data-source = %q before the wasm, want prerender", source)
		}
		tb.expectLang(text.Spanish, true, "pre-rendered /es")
	})
}

// TestSpanishOffline: once the Spanish page has been visited, it and its strings load
// from the service worker with the server stopped.
func TestSpanishOffline(t *testing.T) {
	s := site(t, harness.Options{})
	tb := newTab(t, 2*time.Minute)
	tb.navigate(s.URL() + "es/")
	tb.waitWasm()
	waitOfflineReady(tb)
	var cached bool
	tb.mustEval(`(async () => !!(await caches.match(new URL('`+harness.Base+`web/text-es.json', location.href).href)))()`, &cached)
	if !cached {
		t.Fatal("web/text-es.json is not precached")
	}
	stopServer(t, s)
	tb.navigate(s.URL() + "es/?role=informatics")
	tb.waitWasm()
	tb.expectLang(text.Spanish, true, "offline /es")
	in := estimate.Default()
	in.Role = "informatics"
	tb.expectEstimate(in, "offline /es")
	// The English home page, chosen from the Spanish one, also works offline.
	tb.navigate(s.URL() + "?lang=en")
	tb.waitWasm()
	tb.expectLang(text.English, false, "offline home page in English")
}

// TestSpanishAccessibility runs axe-core on the Spanish pages: the start page and a
// scenario with results.
func TestSpanishAccessibility(t *testing.T) {
	src := axeSource(t)
	s := site(t, harness.Options{})
	for _, u := range []string{"es/", "es/?role=informatics&state=TX&years=6&edu=master&employer=hospital-system&certs=epic,cphims&bg=clinical&prior=5"} {
		t.Run(u, func(t *testing.T) {
			tb := newTab(t, time.Minute)
			tb.navigate(s.URL() + u)
			tb.waitWasm()
			tb.expectLang(text.Spanish, false, u)
			violations, _ := tb.runAxe(src)
			for _, v := range violations {
				t.Error(axeReport("", v))
			}
		})
	}
}
