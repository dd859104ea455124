package e2e

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// pdfPageRe matches a page object of a PDF (not the /Pages tree node). Chromium writes
// page objects uncompressed, one per page.
var pdfPageRe = regexp.MustCompile(`/Type\s*/Page[^s]`)

// printPDF prints the page as Chromium's print dialog does by default: US Letter, no
// background graphics.
func (tb *tab) printPDF() []byte {
	tb.t.Helper()
	var pdf []byte
	tb.run("print to PDF", chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		pdf, _, err = page.PrintToPDF().WithPrintBackground(false).Do(ctx)
		return err
	}))
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		tb.t.Fatalf("print to PDF gave %d bytes that are not a PDF", len(pdf))
	}
	return pdf
}

// TestPrintCareerSheet prints the home page and a rich scenario: each must be a one-page
// career sheet with the estimate, the range key, the breakdown, the outlook, the sources
// and the scenario's address; the full report (the other print button) stays available
// and prints every card. The range key must be drawn with borders, which print without
// background graphics. The PDFs go to $HIT_SCREENSHOTS when set.
func TestPrintCareerSheet(t *testing.T) {
	dir := screenshotDir(t)
	s := site(t, harness.Options{})
	for _, tt := range []struct{ name, query string }{
		{"home", ""},
		{"scenario", "role=informatics&state=TX&years=6&edu=master&employer=hospital-system&certs=epic,cphims&bg=clinical&prior=4&from=registered-nurse"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tb := newTab(t, time.Minute)
			u := s.URL()
			if tt.query != "" {
				u += "?" + tt.query
			}
			tb.navigate(u)
			tb.waitWasm()

			pdf := tb.printPDF()
			os.WriteFile(filepath.Join(dir, "print-"+tt.name+".pdf"), pdf, 0o644)
			if n := len(pdfPageRe.FindAll(pdf, -1)); n != 1 {
				t.Errorf("the career sheet prints on %d pages, want 1", n)
			}

			tb.run("print media", emulation.SetEmulatedMedia().WithMedia("print"))
			var sheet struct {
				Shown, Hidden []string
				Link          string
				Swatches      []string
			}
			tb.mustEval(`(() => {
				const vis = s => { const e = document.querySelector(s); return !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility === 'visible'; };
				const want = ['[data-testid=estimate]', '.summary__range', '.legend', '#breakdown', '#outlook', '#sources', '.print-link'];
				const not = ['#scenario', '#trajectory', '#role-info', '.peek', '.skip-link', '.print-actions'];
				const link = document.querySelector('.print-link');
				return {shown: want.filter(vis), hidden: not.filter(s => !vis(s)), link: link ? link.innerText : '',
					swatches: [...document.querySelectorAll('.rangebar .legend .swatch')].map(e => { const c = getComputedStyle(e);
						return [c.borderTopWidth, c.borderLeftWidth, c.backgroundImage].join(' '); })};
			})()`, &sheet)
			if len(sheet.Shown) != 7 {
				t.Errorf("printed sheet shows only %v", sheet.Shown)
			}
			if len(sheet.Hidden) != 6 {
				t.Errorf("printed sheet hides only %v of the form, chart, role panel, bar, skip link and buttons", sheet.Hidden)
			}
			if !strings.Contains(sheet.Link, s.URL()+"?") || !strings.Contains(sheet.Link, "role=") {
				t.Errorf("printed address %q is not this scenario's link", sheet.Link)
			}
			for i, sw := range sheet.Swatches {
				if strings.HasPrefix(sw, "0px 0px") {
					t.Errorf("legend swatch %d has no border (%s): it would vanish without background graphics", i, sw)
				}
			}
			tb.run("screen media", emulation.SetEmulatedMedia().WithMedia(""))

			// The full report: every card, over several pages.
			tb.mustEval(`document.documentElement.setAttribute('data-print', 'full'), true`, nil)
			full := tb.printPDF()
			os.WriteFile(filepath.Join(dir, "print-"+tt.name+"-full.pdf"), full, 0o644)
			if n := len(pdfPageRe.FindAll(full, -1)); n < 2 {
				t.Errorf("the full report prints on %d pages: is it still the sheet?", n)
			}
		})
	}
}

// TestForcedColorsRangeKey renders the range bar in forced-colours mode (Windows high
// contrast): each of the five marks keeps a look of its own in the legend (solid block,
// dashed outline, thin outline, thick line, thin line), so the key still reads without
// author colours. The screenshot goes to $HIT_SCREENSHOTS when set.
func TestForcedColorsRangeKey(t *testing.T) {
	dir := screenshotDir(t)
	s := site(t, harness.Options{})
	tb := newTab(t, time.Minute)
	tb.run("forced colours", emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "forced-colors", Value: "active"}}))
	tb.navigate(s.URL())
	tb.waitWasm()
	var forced bool
	tb.mustEval(`matchMedia('(forced-colors: active)').matches`, &forced)
	if !forced {
		t.Fatal("forced-colours emulation is not active")
	}
	var looks []string
	tb.mustEval(`[...document.querySelectorAll('.rangebar .legend .swatch')].map(e => { const c = getComputedStyle(e);
		return [c.borderTopStyle, c.borderTopWidth, c.borderTopColor, c.borderLeftStyle, c.borderLeftWidth, c.borderLeftColor, c.width].join(' '); })`, &looks)
	if len(looks) != 5 {
		t.Fatalf("found %d swatches in the range key, want 5", len(looks))
	}
	seen := map[string]int{}
	for i, l := range looks {
		if j, dup := seen[l]; dup {
			t.Errorf("swatches %d and %d look the same in forced colours: %s", j, i, l)
		}
		seen[l] = i
		if strings.Count(l, " 0px ") == 2 {
			t.Errorf("swatch %d draws nothing in forced colours: %s", i, l)
		}
	}
	var png []byte
	tb.run("screenshot of the range bar", chromedp.Screenshot(".rangebar", &png, chromedp.ByQuery))
	name := filepath.Join(dir, "forced-colors-rangebar.png")
	if err := os.WriteFile(name, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Log(fmt.Sprintf("wrote %s", name))
}

// TestPrintRightAfterEdit prints (print media) within a moment of an edit, as Ctrl+P
// does, while the slow panels still show the last scenario (app/ui/later.go): they are
// left out of the printout and a note says so, never printed as if current (print
// drops their grey); once they have caught up they print, without the note.
func TestPrintRightAfterEdit(t *testing.T) {
	s := site(t, harness.Options{})
	tb := newTab(t, time.Minute)
	tb.navigate(s.URL())
	tb.waitWasm()
	tb.run("print media", emulation.SetEmulatedMedia().WithMedia("print"))
	const state = `(() => {
		const vis = s => { const e = document.querySelector(s); return !!e && e.getClientRects().length > 0; };
		return {busy: document.querySelectorAll('.later[aria-busy=true]').length, outlook: vis('#outlook'), sources: vis('#sources'),
			note: vis('.print-stale'), text: (document.querySelector('.print-stale') || {}).textContent || ''};
	})()`
	var got struct {
		Busy                   int
		Outlook, Sources, Note bool
		Text                   string
	}
	// The edit and the reading in one task: nothing has caught up yet.
	tb.mustEval(`(() => { const e = document.getElementById('role'); e.value = 'it-manager';
		e.dispatchEvent(new Event('change', {bubbles: true})); return `+state+`; })()`, &got)
	if got.Busy == 0 {
		t.Fatal("no slow panel is behind right after the edit: the test no longer tests anything")
	}
	if got.Outlook || got.Sources {
		t.Errorf("printed right after an edit, the outlook (%v) or the sources (%v) of the last scenario print", got.Outlook, got.Sources)
	}
	if !got.Note || got.Text != en.T("print.stale") {
		t.Errorf("the printout's note: shown %v, %q, want %q", got.Note, got.Text, en.T("print.stale"))
	}
	if err := tb.poll(`document.querySelectorAll('.later[aria-busy=true]').length === 0`, changeTimeout); err != nil {
		t.Fatal("the slow panels never caught up")
	}
	tb.mustEval(state, &got)
	if !got.Outlook || !got.Sources || got.Note {
		t.Errorf("caught up: outlook %v, sources %v, note %v; want the panels and no note", got.Outlook, got.Sources, got.Note)
	}
	// On screen the note never shows, panels behind or not.
	tb.run("screen media", emulation.SetEmulatedMedia().WithMedia(""))
	tb.mustEval(`(() => { const e = document.getElementById('role'); e.value = 'informatics';
		e.dispatchEvent(new Event('change', {bubbles: true})); return `+state+`; })()`, &got)
	if got.Busy == 0 || got.Note {
		t.Errorf("on screen right after an edit: %d panels behind, note shown %v; want some behind and no note", got.Busy, got.Note)
	}
}
