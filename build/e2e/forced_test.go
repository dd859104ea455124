package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// Forced colours (Windows high contrast), emulated by Chromium: it replaces the page's
// colours with a system palette (white Canvas and black CanvasText for the light scheme,
// black and white for the dark one, links in LinkText, disabled controls in GrayText),
// and leaves alone what opts out (forced-color-adjust: none: the range bar, the legend
// swatches, the factor chart and the map) and SVG fills and strokes. Each test here
// checks, by computed style, one meaning that colour alone carried, in both palettes;
// each writes screenshots (forced-colors-*.png) to $HIT_SCREENSHOTS or a temporary
// directory. TestForcedColorsRangeKey (print_test.go) checks the range bar's key.

// forcedSchemes are the two palettes checked: forced colours over each colour scheme.
var forcedSchemes = []string{"light", "dark"}

// forceColors emulates forced colours over the colour scheme, and checks the page sees it.
func (tb *tab) forceColors(scheme string) {
	tb.t.Helper()
	tb.run("forced colours, "+scheme, emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{
		{Name: "forced-colors", Value: "active"}, {Name: "prefers-color-scheme", Value: scheme}}))
}

// forcedApp opens the app at url (the site's address and a query) in a new tab in forced
// colours over the scheme, once the wasm app has drawn it.
func forcedApp(t *testing.T, scheme, url string) *tab {
	t.Helper()
	tb := newTab(t, time.Minute)
	tb.forceColors(scheme)
	tb.navigate(url)
	tb.waitWasm()
	tb.expectForced()
	return tb
}

// expectForced fails the test unless the page matches (forced-colors: active).
func (tb *tab) expectForced() {
	tb.t.Helper()
	var forced bool
	tb.mustEval(`matchMedia('(forced-colors: active)').matches`, &forced)
	if !forced {
		tb.t.Fatal("forced-colours emulation is not active")
	}
}

// screenshot writes a PNG of the element sel (or of the whole page for "") to dir.
func (tb *tab) screenshot(dir, name, sel string) {
	tb.t.Helper()
	var png []byte
	if sel == "" {
		tb.run("screenshot", chromedp.FullScreenshot(&png, 100))
	} else {
		tb.run("screenshot of "+sel, chromedp.Screenshot(sel, &png, chromedp.ByQuery))
	}
	name = filepath.Join(dir, name)
	if err := os.WriteFile(name, png, 0o644); err != nil {
		tb.t.Fatal(err)
	}
	tb.t.Logf("wrote %s", name)
}

// busyLookJS edits #years and, in the frame that shows the new estimate (%[2]q), when the
// slow panels are behind it and marked aria-busy, reads how their cards look beside a
// card that is never behind (the breakdown): text colour, border style and colour, and
// the colours of the card's text outside its charts.
const busyLookJS = `new Promise((resolve, reject) => {
	const look = e => { const c = getComputedStyle(e);
		return {id: e.id, color: c.color, border: c.borderTopStyle + ' ' + c.borderTopColor,
			inks: [...new Set([...e.querySelectorAll('*:not(svg, svg *)')].filter(n => n.childNodes.length).map(n => getComputedStyle(n).color))]}; };
	const shows = () => { const x = document.querySelector('[data-testid=estimate]'); return x && x.getAttribute('data-median') === %[2]q; };
	const mo = new MutationObserver(() => { if (shows()) { mo.disconnect(); clearTimeout(timer);
		resolve({settled: look(document.querySelector('#breakdown')), busy: [...document.querySelectorAll('.later[aria-busy=true] > .card')].map(look)}); } });
	const timer = setTimeout(() => { mo.disconnect(); reject(new Error('the estimate never showed ' + %[2]q)); }, 10000);
	mo.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
	const e = document.querySelector('#years');
	e.value = %[1]q;
	e.dispatchEvent(new Event('input', {bubbles: true}));
})`

// cardLook is how busyLookJS finds a card.
type cardLook struct {
	ID, Color, Border string
	Inks              []string
}

// TestForcedColorsBusyPanels: after an edit, the panels that follow it late are behind
// the estimate until edits pause (app/ui/later.go), which the page shows by greying
// them; forced colours have no colours to grey. Each busy card must then look unlike a
// current one (its border dashed, all its text in one colour other than a current
// card's: GrayText), and like one again once it has caught up.
func TestForcedColorsBusyPanels(t *testing.T) {
	dir := screenshotDir(t)
	s := site(t, harness.Options{})
	for _, scheme := range forcedSchemes {
		t.Run(scheme, func(t *testing.T) {
			tb := forcedApp(t, scheme, s.URL())
			tb.waitFor("the slow panels to catch up", `!document.querySelector('.later[aria-busy=true]')`, changeTimeout)
			next := estimate.Default()
			next.Years = 12
			var got struct {
				Settled cardLook
				Busy    []cardLook
			}
			tb.mustEval(fmt.Sprintf(busyLookJS, "12", strconv.Itoa(want(t, next).Median)), &got)
			if len(got.Busy) == 0 {
				t.Fatal("no panel was marked busy in the frame that showed the edit")
			}
			cur := got.Settled
			for _, b := range got.Busy {
				if b.Color == cur.Color || !strings.HasPrefix(b.Border, "dashed ") || len(b.Inks) != 1 || b.Inks[0] != b.Color {
					t.Errorf("busy card #%s (text %s, border %s, its text in %v) looks like a current one (text %s, border %s) in forced colours: "+
						"want a dashed border and all its text in GrayText", b.ID, b.Color, b.Border, b.Inks, cur.Color, cur.Border)
				}
			}
			t.Logf("a current card: text %s, border %s; a busy one: text %s, border %s", cur.Color, cur.Border, got.Busy[0].Color, got.Busy[0].Border)
			tb.waitFor("the slow panels to catch up", `!document.querySelector('.later[aria-busy=true]')`, changeTimeout)
			var after string
			tb.mustEval(`(() => { const c = getComputedStyle(document.querySelector('#outlook')); return c.color + ' ' + c.borderTopStyle + ' ' + c.borderTopColor; })()`, &after)
			if want := cur.Color + " " + cur.Border; after != want {
				t.Errorf("the outlook, caught up, looks like %s; a current card like %s", after, want)
			}
			// The picture: the busy state lasts a quarter of a second, so it is set by hand.
			tb.mustEval(`document.querySelector('#outlook').parentElement.setAttribute('aria-busy', 'true'), true`, nil)
			tb.screenshot(dir, "forced-colors-busy-"+scheme+".png", "#outlook")
		})
	}
}

// TestForcedColorsTileMap: the "where it pays" map shades each state by its estimate
// (five shades, lighter pays less) and outlines the reader's state. In forced colours
// the shades must stay five (they are the data; each tile's text stays readable on its
// shade) and the legend's "your state" swatch must be drawn as the state's outline is.
func TestForcedColorsTileMap(t *testing.T) {
	dir := screenshotDir(t)
	s := site(t, harness.Options{})
	for _, scheme := range forcedSchemes {
		t.Run(scheme, func(t *testing.T) {
			tb := forcedApp(t, scheme, s.URL()+"?role=informatics&state=TX")
			tb.click("#ranking .rank-toggle")
			tb.waitFor("the map", `document.querySelector('.tilemap__svg .tile--you')`, changeTimeout)
			var m struct {
				Fills, Texts []string
				You, Swatch  string
				BandsPresent int
			}
			tb.mustEval(`(() => {
				const cs = s => getComputedStyle(document.querySelector(s));
				const bands = [0, 1, 2, 3, 4].filter(i => document.querySelector('.tile--' + i));
				return {bandsPresent: bands.length,
					fills: bands.map(i => cs('.tile--' + i + ' rect').fill), texts: bands.map(i => cs('.tile--' + i + ' .tile__code').fill),
					you: cs('.tile--you rect').stroke, swatch: cs('.swatch--tileyou').borderTopColor};
			})()`, &m)
			if m.BandsPresent != 5 {
				t.Fatalf("the map has %d of the 5 shades: pick another scenario", m.BandsPresent)
			}
			seen := map[string]int{}
			for i, f := range m.Fills {
				if j, dup := seen[f]; dup {
					t.Errorf("shades %d and %d are both %s in forced colours: the map no longer says how each state pays", j, i, f)
				}
				seen[f] = i
				if r := contrast(t, rgbHex(t, m.Texts[i]), rgbHex(t, f)); r < 4.5 {
					t.Errorf("shade %d: text %s on %s has contrast %.2f, want 4.5", i, m.Texts[i], f, r)
				}
			}
			if m.Swatch != m.You {
				t.Errorf("your state is outlined in %s, its legend swatch in %s", m.You, m.Swatch)
			}
			tb.screenshot(dir, "forced-colors-map-"+scheme+".png", ".tilemap")
		})
	}
}

// TestForcedColorsWaterfall: the factor chart draws a factor that raises the estimate
// and one that lowers it in two colours; in forced colours they must differ in shape
// too: a rise a solid bar, a fall an outlined one (the canvas inside a visible stroke).
func TestForcedColorsWaterfall(t *testing.T) {
	dir := screenshotDir(t)
	s := site(t, harness.Options{})
	for _, scheme := range forcedSchemes {
		t.Run(scheme, func(t *testing.T) {
			// Experience and the employer lower the estimate, education raises it.
			tb := forcedApp(t, scheme, s.URL()+"?role=informatics&state=TX&years=2&edu=master&employer=hospital-system")
			tb.waitFor("the factor chart", `document.querySelector('#waterfall .wf-bar--up') && document.querySelector('#waterfall .wf-bar--down')`, changeTimeout)
			var bars struct{ Up, Down []string }
			tb.mustEval(`(() => {
				const canvas = getComputedStyle(document.querySelector('#waterfall')).backgroundColor;
				const look = s => { const c = getComputedStyle(document.querySelector(s));
					return [c.fill === canvas ? 'hollow' : 'solid', c.stroke === 'none' || c.stroke === canvas ? 'unstroked' : 'stroked', c.strokeWidth]; };
				return {up: look('#waterfall .wf-bar--up'), down: look('#waterfall .wf-bar--down')};
			})()`, &bars)
			if bars.Up[0] != "solid" {
				t.Errorf("a rise is drawn %v, want a solid bar", bars.Up)
			}
			w, _ := strconv.ParseFloat(strings.TrimSuffix(bars.Down[2], "px"), 64)
			if bars.Down[0] != "hollow" || bars.Down[1] != "stroked" || w < 1.5 {
				t.Errorf("a fall is drawn %v, want an outlined bar (the canvas inside a stroke of 1.5 px or more)", bars.Down)
			}
			tb.screenshot(dir, "forced-colors-waterfall-"+scheme+".png", "#waterfall")
		})
	}
}

// TestForcedColorsPages opens the estimator, the embed (with an accent colour and locked
// fields), the compact embed and the embed builder in forced colours, light and dark:
// the keyboard focus is an outline of 2 px or more, not a shadow (forced colours drop
// shadows), and the full-page screenshots (forced-colors-<page>-<scheme>.png) are for
// people to look at.
func TestForcedColorsPages(t *testing.T) {
	dir := screenshotDir(t)
	s := site(t, harness.Options{})
	for _, p := range []struct {
		name, path string
		app        bool
	}{
		{"estimator", "?role=informatics&state=TX&years=6&edu=master&employer=hospital-system&certs=epic,cphims&bg=clinical&from=registered-nurse", true},
		{"embed", "?embed=1&theme=dark&accent=ffcc00&lock=role,state&role=security-analyst&state=CA", true},
		{"embed-compact", "?embed=1&view=compact&accent=0a58a6&role=security-analyst&state=US", true},
		{"embed-builder", "embed-builder/", false},
	} {
		for _, scheme := range forcedSchemes {
			t.Run(p.name+"/"+scheme, func(t *testing.T) {
				tb := newTab(t, time.Minute)
				tb.forceColors(scheme)
				tb.navigate(s.URL() + p.path)
				if p.app {
					tb.waitWasm()
					tb.waitFor("the slow panels to catch up", `!document.querySelector('.later[aria-busy=true]')`, changeTimeout)
				} else {
					tb.pollFrame("the preview's estimate", s.URL(), `document.querySelector('[data-testid=estimate][data-source=wasm]')`, wasmTimeout)
				}
				tb.expectForced()
				var rings []string
				for i := 0; i < 12; i++ {
					tb.press("\t")
					var ring string
					tb.mustEval(`(() => { const e = document.activeElement; if (!e || e === document.body || !e.matches(':focus-visible')) return '';
						const c = getComputedStyle(e); return (e.id || e.tagName) + ' ' + c.outlineStyle + ' ' + c.outlineWidth + ' ' + c.boxShadow; })()`, &ring)
					if ring != "" {
						rings = append(rings, ring)
					}
				}
				if len(rings) < 5 {
					t.Fatalf("Tab reached only %d controls: %q", len(rings), rings)
				}
				for _, r := range rings {
					f := strings.Fields(r)
					w, _ := strconv.ParseFloat(strings.TrimSuffix(f[2], "px"), 64)
					if f[1] == "none" || w < 2 {
						t.Errorf("focus on %s is not an outline of 2 px or more in forced colours: %s", f[0], r)
					}
				}
				tb.run("focus the page's top", chromedp.Evaluate(`document.activeElement && document.activeElement.blur()`, nil))
				tb.screenshot(dir, fmt.Sprintf("forced-colors-%s-%s.png", p.name, scheme), "")
			})
		}
	}
}

// rgbHex turns a computed colour, "rgb(r, g, b)", into "#rrggbb".
func rgbHex(t *testing.T, c string) string {
	t.Helper()
	var r, g, b int
	if _, err := fmt.Sscanf(c, "rgb(%d, %d, %d)", &r, &g, &b); err != nil {
		t.Fatalf("colour %q is not rgb(r, g, b): %v", c, err)
	}
	return fmt.Sprintf("#%02x%02x%02x", r, g, b)
}
