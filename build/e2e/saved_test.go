package e2e

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/saved"
	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// savedItem is one [data-testid=saved-item] as the page shows it.
type savedItem struct {
	Name     string
	Estimate int
	Query    string
}

// savedItems reads the saved list on the page.
func (tb *tab) savedItems() []savedItem {
	tb.t.Helper()
	var raw []struct{ Name, Estimate, Query string }
	tb.mustEval(`[...document.querySelectorAll('[data-testid=saved-item]')].map(e => ({name: e.dataset.name, estimate: e.dataset.estimate, query: e.dataset.query}))`, &raw)
	out := make([]savedItem, len(raw))
	for i, r := range raw {
		n, _ := strconv.Atoi(r.Estimate)
		out[i] = savedItem{Name: r.Name, Estimate: n, Query: r.Query}
	}
	return out
}

// waitSaved waits until the saved panel holds n items; if it does not, the test fails
// with the panel as it is and where focus is.
func (tb *tab) waitSaved(n int, what string) {
	tb.t.Helper()
	err := tb.poll(fmt.Sprintf(`(() => { const p = document.querySelector('[data-testid=saved]'); return !!p && p.dataset.items === '%d'; })()`, n), changeTimeout)
	if err != nil {
		var state string
		tb.eval(`(() => { const p = document.querySelector('[data-testid=saved]'), a = document.activeElement;
			return (p ? p.outerHTML.slice(0, 3000) : 'no panel') + '\nfocus: ' + (a ? a.outerHTML.slice(0, 200) : 'none'); })()`, &state)
		tb.t.Fatalf("waiting for %s: %v\n%s", what, err, state)
	}
}

// beforeLoad runs a script in every document of the tab before the page's own scripts.
func (tb *tab) beforeLoad(script string) {
	tb.t.Helper()
	tb.run("script before load", chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(script).Do(ctx)
		return err
	}))
}

// TestSaved saves two named scenarios on the built site, finds both after a reload,
// renames one and deletes the other by keyboard, opens what is left from its link, runs
// axe-core on the page with the list in light and dark, and takes the panel's picture
// 320 px wide ($HIT_SCREENSHOTS).
func TestSaved(t *testing.T) {
	src := axeSource(t)
	dir := screenshotDir(t)
	s := site(t, harness.Options{})
	tb := newTab(t, 3*time.Minute)
	in := issue7Input(t)
	tb.navigate(s.URL() + "?" + issue7Query)
	tb.waitWasm()
	tb.waitSaved(0, "the empty saved list")

	tb.typeInto("#saved-name", "Hospital in Ohio")
	tb.pressEnter("[data-testid=saved-save]")
	tb.waitSaved(1, "one saved scenario")
	tb.setValue("#state", "MA")
	ma := in
	ma.State = "MA"
	tb.expectEstimate(ma, "after choosing Massachusetts")
	var defaultName string
	tb.mustEval(`document.querySelector('#saved-name').value`, &defaultName)
	if !strings.Contains(defaultName, "Massachusetts") {
		t.Errorf("the default name %q does not follow the scenario", defaultName)
	}
	tb.pressEnter("[data-testid=saved-save]")
	tb.waitSaved(2, "two saved scenarios")

	check := func(context string, want []savedItem) {
		t.Helper()
		got := tb.savedItems()
		if len(got) != len(want) {
			t.Fatalf("%s: saved items %+v, want %d", context, got, len(want))
		}
		for i, w := range want {
			if got[i].Name != w.Name || got[i].Estimate != w.Estimate {
				t.Errorf("%s: item %d is %q with %d, want %q with %d", context, i+1, got[i].Name, got[i].Estimate, w.Name, w.Estimate)
			}
		}
	}
	both := []savedItem{{Name: "Hospital in Ohio", Estimate: want(t, in).Median}, {Name: defaultName, Estimate: want(t, ma).Median}}
	check("after saving", both)
	var status string
	tb.mustEval(`document.querySelector('[data-testid=saved-status]').textContent`, &status)
	if status != en.F("saved.done", "name", defaultName) {
		t.Errorf("status %q", status)
	}
	tb.expectNoAxe(src, "", "dark", "light")

	tb.navigate(s.URL() + "?" + issue7Query)
	tb.waitWasm()
	tb.waitSaved(2, "both after a reload")
	check("after a reload", both)

	// Rename the first by keyboard: the field takes focus, Enter keeps the name, focus
	// comes back to the rename button.
	tb.pressEnter("#saved-1 [data-testid=saved-rename]")
	tb.waitFor("the rename field to take focus", `document.activeElement && document.activeElement.id === 'saved-1-new'`, changeTimeout)
	time.Sleep(300 * time.Millisecond) // the release of the Enter that opened it must not close it
	var open bool
	tb.mustEval(`!!document.querySelector('#saved-1-new')`, &open)
	if !open {
		t.Fatal("the rename field closed on the Enter that opened it")
	}
	tb.typeInto("#saved-1-new", "Columbus hospital")
	tb.run("press Enter", chromedp.KeyEvent("\r"))
	tb.waitFor("the new name", `document.querySelector('#saved-1').dataset.name === 'Columbus hospital'`, changeTimeout)
	if err := tb.poll(`document.activeElement && document.activeElement.id === 'saved-1-rename'`, changeTimeout); err != nil {
		var state string
		tb.eval(`document.querySelector('#saved-1').outerHTML + '\nfocus: ' + (document.activeElement ? document.activeElement.outerHTML.slice(0, 300) : 'none')`, &state)
		t.Fatalf("focus does not come back to the rename button: %v\n%s", err, state)
	}

	tb.pressEnter("#saved-2 [data-testid=saved-delete]")
	tb.waitSaved(1, "one left after deleting")
	tb.waitFor("focus on the panel's heading", `document.activeElement && document.activeElement.id === 'saved-title'`, changeTimeout)

	tb.navigate(s.URL())
	tb.waitWasm()
	tb.waitSaved(1, "one after another reload")
	check("after rename, delete and reload", []savedItem{{Name: "Columbus hospital", Estimate: want(t, in).Median}})

	var png []byte
	tb.run("phone viewport", emulation.SetDeviceMetricsOverride(320, 800, 1, true))
	// The cards below the summary are laid out when they come near the screen
	// (content-visibility): scroll to the panel and let the layout settle first.
	tb.run("scroll to the panel", chromedp.ScrollIntoView("[data-testid=saved]", chromedp.ByQuery), chromedp.Sleep(500*time.Millisecond),
		chromedp.ScrollIntoView("[data-testid=saved]", chromedp.ByQuery), chromedp.Sleep(300*time.Millisecond))
	tb.run("screenshot of the panel", chromedp.Screenshot("[data-testid=saved]", &png, chromedp.ByQuery))
	name := filepath.Join(dir, "saved-320.png")
	if err := os.WriteFile(name, png, 0o644); err != nil {
		t.Fatal(err)
	}
	var overflow bool
	tb.mustEval(`document.documentElement.scrollWidth > document.documentElement.clientWidth`, &overflow)
	if overflow {
		t.Error("the page scrolls sideways at 320 px")
	}
	tb.expectNoAxe(src, "320 px")

	// An edit of the form leaves the list alone: it is drawn again only when it changes.
	tb.mustEval(`(() => { window.__savedMutations = 0; new MutationObserver(r => { window.__savedMutations += r.length; })
		.observe(document.querySelector('.saved__list'), {subtree: true, childList: true, attributes: true, characterData: true}); return true; })()`, nil)
	tb.setValue("#years", "11")
	edited := in
	edited.State, edited.Years = "MA", 11
	tb.expectEstimate(edited, "after an edit with a saved list")
	var mutations int
	tb.mustEval(`window.__savedMutations`, &mutations)
	if mutations != 0 {
		t.Errorf("an edit of the form changed the saved list %d times", mutations)
	}

	var href string
	tb.mustEval(`document.querySelector('[data-testid=saved-item] a.saved__link').getAttribute('href')`, &href)
	tb.navigate(s.Origin() + href)
	tb.waitWasm()
	tb.expectEstimate(in, "the saved scenario's link")
}

// TestSavedStorageFails: a full quota (setItem throws), blocked storage (the
// localStorage getter throws) and a list saved by a later version: each gets its
// message, saving still works for the page, what was typed is kept, nothing breaks, and
// the later version's list is left untouched.
func TestSavedStorageFails(t *testing.T) {
	s := site(t, harness.Options{})
	for _, tt := range []struct {
		name, script, state, message string
	}{
		{"quota", `Storage.prototype.setItem = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };`,
			"refused", "saved.refused"},
		{"blocked", `Object.defineProperty(window, 'localStorage', {configurable: true, get() { throw new DOMException('Access is denied for this document.', 'SecurityError'); }});`,
			"off", "saved.blocked"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tb := newTab(t, time.Minute)
			tb.beforeLoad(tt.script)
			tb.navigate(s.URL() + "?" + issue7Query)
			tb.waitWasm()
			tb.typeInto("#saved-name", "Kept for the page")
			tb.pressEnter("[data-testid=saved-save]")
			tb.waitSaved(1, "the scenario saved for the page")
			var got struct {
				State, Problem string
				Fault          bool
			}
			tb.mustEval(`(() => { const p = document.querySelector('[data-testid=saved]'), m = p.querySelector('[data-testid=saved-problem]');
				return {state: p.dataset.storage, problem: m ? m.textContent : '', fault: !!document.querySelector('[data-testid=error]')}; })()`, &got)
			if got.State != tt.state || got.Problem != en.T(tt.message) || got.Fault {
				t.Errorf("data-storage %q, message %q (want %q), error banner %v", got.State, got.Problem, en.T(tt.message), got.Fault)
			}
			if items := tb.savedItems(); len(items) != 1 || items[0].Name != "Kept for the page" {
				t.Errorf("items %+v", items)
			}
			// The page still computes: an edit after the failure changes the estimate.
			tb.setValue("#years", "12")
			in := issue7Input(t)
			in.Years = 12
			tb.expectEstimate(in, "after the failed save")
		})
	}

	t.Run("later version", func(t *testing.T) {
		later := `{"v":7,"items":[{"title":"saved by a later version"}]}`
		tb := newTab(t, time.Minute)
		tb.navigate(s.URL())
		tb.waitWasm()
		tb.mustEval(`localStorage.setItem(`+jsString(saved.Key)+`, `+jsString(later)+`), true`, nil)
		tb.navigate(s.URL() + "?" + issue7Query)
		tb.waitWasm()
		tb.waitFor("the read-only list", `document.querySelector('[data-testid=saved]').dataset.storage === 'read-only'`, changeTimeout)
		tb.pressEnter("[data-testid=saved-save]")
		tb.waitSaved(1, "the scenario saved for the page")
		var kept string
		tb.mustEval(`localStorage.getItem(`+jsString(saved.Key)+`)`, &kept)
		if kept != later {
			t.Errorf("the later version's list became %q", kept)
		}
	})
}

// TestSavedSurvivesUpdate saves scenarios with this build, deploys the next version
// (HIT_DIST_NEXT, or a build made here as TestUpdate does) and finds them in it.
func TestSavedSurvivesUpdate(t *testing.T) {
	dist := needSite(t)
	s := site(t, harness.Options{})
	tb := newTab(t, 3*time.Minute)
	next := os.Getenv("HIT_DIST_NEXT")
	if next != "" {
		var err error
		if next, err = harness.Dist(next); err != nil {
			t.Fatalf("HIT_DIST_NEXT: %v", err)
		}
	} else {
		next = filepath.Join(t.TempDir(), "next")
		if err := buildNext(tb.ctx, dist, next); err != nil {
			t.Fatalf("build the next version: %v", err)
		}
	}
	in := issue7Input(t)
	tb.navigate(s.URL() + "?" + issue7Query)
	tb.waitWasm()
	waitOfflineReady(tb)
	tb.typeInto("#saved-name", "Before the update")
	tb.pressEnter("[data-testid=saved-save]")
	tb.waitSaved(1, "one saved scenario")

	if err := s.SetDir(next); err != nil {
		t.Fatalf("deploy the next version: %v", err)
	}
	tb.mustEval(`window.dispatchEvent(new Event('focus')), true`, nil)
	tb.waitFor("the update prompt "+selUpdate, visibleJS(selUpdate), 30*time.Second)
	tb.click(selUpdate + ` button`)
	tb.waitFor("the new version "+nextVersion+" to load",
		fmt.Sprintf(`typeof goappGetenv === 'function' && goappGetenv('GOAPP_VERSION') === %s && document.querySelector('%s')`,
			jsString(nextVersion), selEstimateWasm), wasmTimeout)
	tb.waitSaved(1, "the saved scenario in the new version")
	if items := tb.savedItems(); items[0].Name != "Before the update" || items[0].Estimate != want(t, in).Median {
		t.Errorf("after the update: %+v", items)
	}
}

// TestSavedCareerSheet opens a saved scenario's "Print career sheet" link: the page
// prints itself once (window.print, recorded here) with that scenario drawn, drops
// print=1 from its address, and the printed PDF is one page with the scenario's estimate.
func TestSavedCareerSheet(t *testing.T) {
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		unavailable(t, "pdftotext (poppler-utils, make deps) is needed to read the PDF")
	}
	s := site(t, harness.Options{})
	tb := newTab(t, 2*time.Minute)
	const q = "role=informatics&state=TX&years=6&edu=master&employer=hospital-system&certs=epic,cphims&bg=clinical"
	in, errs := estimate.FromQuery(readQuery(q))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	tb.navigate(s.URL() + "?" + q)
	tb.waitWasm()
	tb.pressEnter("[data-testid=saved-save]")
	tb.waitSaved(1, "the saved scenario")
	// Another scenario on screen: the sheet must be the saved one's, not this.
	tb.setValue("#role", "it-support")
	var href, target string
	tb.mustEval(`document.querySelector('[data-testid=saved-print]').getAttribute('href')`, &href)
	tb.mustEval(`document.querySelector('[data-testid=saved-print]').getAttribute('target')`, &target)
	if target != "_blank" {
		t.Errorf("the career sheet link opens in %q, want a new tab", target)
	}

	sheet := newTab(t, 2*time.Minute)
	sheet.beforeLoad(`window.__printed = 0; window.print = () => { window.__printed++; };`)
	sheet.navigate(s.Origin() + href)
	sheet.waitWasm()
	sheet.waitFor("the page to print itself", `window.__printed === 1`, changeTimeout)
	sheet.expectEstimate(in, "the printed scenario")
	_, got := sheet.location()
	if got.Has("print") {
		t.Errorf("the address still asks to print: %v", got)
	}
	pdf := sheet.printPDF()
	if n := len(pdfPageRe.FindAll(pdf, -1)); n != 1 {
		t.Errorf("the saved scenario's career sheet prints on %d pages, want 1", n)
	}
	file := filepath.Join(t.TempDir(), "sheet.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(screenshotDir(t), "print-saved.pdf"), pdf, 0o644)
	out, err := exec.Command(pdftotext, "-layout", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	if w := en.Money(want(t, in).Median); !strings.Contains(string(out), w) {
		t.Errorf("the printed sheet lacks the saved scenario's estimate %s:\n%s", w, out)
	}
	if !strings.Contains(string(out), url.QueryEscape("informatics")) {
		t.Errorf("the printed sheet does not name the scenario's address")
	}
	// A reload does not print again.
	sheet.navigate(s.URL() + "?" + q)
	sheet.waitWasm()
	var printed int
	sheet.mustEval(`window.__printed`, &printed)
	if printed != 0 {
		t.Errorf("a page without print=1 printed %d times", printed)
	}
}

// TestSavedMetro saves a scenario of a metro area and reloads: the list waits for the
// metro table (fetched on demand) and then shows the metro's estimate, not the state's.
func TestSavedMetro(t *testing.T) {
	s := site(t, harness.Options{})
	tb := newTab(t, time.Minute)
	in := metroInput(t, metroLink)
	tb.navigate(s.URL() + "?" + metroLink)
	tb.waitWasm()
	tb.expectEstimate(in, "the metro link")
	tb.pressEnter("[data-testid=saved-save]")
	tb.waitSaved(1, "the saved metro scenario")
	tb.navigate(s.URL() + "?role=consultant")
	tb.waitWasm()
	tb.waitSaved(1, "the saved metro scenario after a reload")
	w := want(t, in).Median
	tb.waitFor("the metro's estimate in the list", fmt.Sprintf(`document.querySelector('[data-testid=saved-item]').dataset.estimate === '%d'`, w), changeTimeout)
	var today bool
	tb.mustEval(`!!document.querySelector('.saved__figures--today')`, &today)
	if today {
		t.Error("the list shows other figures for today although neither the data nor the model changed")
	}
}
