package e2e

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// zoomLevels emulate a 1280 × 1024 desktop window zoomed in: at 200% the page lays out
// in 640 × 512 CSS px with two device pixels to the CSS pixel, at 400% in 320 × 256 with
// four, which is what WCAG 1.4.10 Reflow asks to work (320 CSS px, no scrolling in two
// directions). It is not phone emulation: no touch, no mobile viewport meta handling.
var zoomLevels = []struct {
	name          string
	width, height int64
	scale         float64
}{
	{"200%", 640, 512, 2},
	{"400%", 320, 256, 4},
}

// a11yPages are the kinds of page people reach: the estimator (English and Spanish), a
// role page and a role × state page, the embedded view (full and compact), and the static
// documents.
var a11yPages = []struct{ name, path string }{
	{"home", "?role=informatics&state=TX&years=6&edu=master&employer=hospital-system&certs=epic,cphims&bg=clinical"},
	{"spanish home", "es"},
	{"role page", "roles/ehr-analyst/"},
	{"role and state page", "roles/security-analyst/oh/"},
	{"embed", "?embed=1&role=security-analyst&state=CA"},
	{"compact embed", "?embed=1&view=compact&role=security-analyst&state=CA"},
	{"methodology", "methodology/"},
	{"privacy", "privacy/"},
	{"accessibility", "accessibility/"},
	{"embed builder", "embed-builder/"},
}

// isAppPage reports whether the page runs the wasm app (the documents do not).
func isAppPage(path string) bool {
	return path == "es" || strings.HasPrefix(path, "?") || strings.HasPrefix(path, "roles/")
}

// reflowJS measures, in the page as laid out, what WCAG 1.4.10 forbids: the page
// scrolling sideways, and content cut off: an element that sticks out past the edges of
// the viewport (unless a scrolling container of its own holds it, as a wide data table
// may), text clipped by an overflow: hidden/clip box it does not fit, or a sticky bar
// taking more than a quarter of the viewport's height. Visually
// hidden text (the screen reader's copy, 1 × 1 px by design) and elements not shown
// are left out.
const reflowJS = `(() => {
	const se = document.scrollingElement, vw = se.clientWidth;
	const own = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
		(typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '');
	// An element without an id or class is named with its nearest ancestor that has one.
	const name = e => {
		let n = own(e);
		for (let p = e.parentElement; p && n.indexOf('.') < 0 && n.indexOf('#') < 0 && p !== document.body; p = p.parentElement) {
			if (p.id || (typeof p.className === 'string' && p.className)) { n += ' in ' + own(p); break; }
		}
		return n;
	};
	const inScroller = e => {
		for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
			const s = getComputedStyle(p);
			if (/(auto|scroll)/.test(s.overflowX)) return true;
		}
		return false;
	};
	const hidden = e => e.closest('.visually-hidden, [hidden], [aria-hidden=true]') ||
		(e.checkVisibility && !e.checkVisibility({visibilityProperty: true}));
	const out = [];
	for (const e of document.body.querySelectorAll('*')) {
		if (out.length >= 12 || hidden(e)) continue;
		const r = e.getBoundingClientRect();
		if (r.width === 0 || r.height === 0) continue;
		const s = getComputedStyle(e);
		// The skip link waits off screen until it is focused (then it is in view).
		if (e.matches('.skip-link') && document.activeElement !== e) continue;
		if ((r.right > vw + 1 || r.left < -1) && !inScroller(e)) {
			out.push(name(e) + ' spans ' + Math.round(r.left) + '..' + Math.round(r.right) + ' of ' + vw);
			continue;
		}
		// A bar that stays on screen (sticky or fixed) must leave most of the viewport
		// to the content it covers.
		if (/(sticky|fixed)/.test(s.position) && s.visibility !== 'hidden' && r.height > innerHeight / 4) {
			out.push(name(e) + ' stays on screen and covers ' + Math.round(r.height) + ' of ' + innerHeight + ' px');
		}
		const text = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
		if (text && /(hidden|clip)/.test(s.overflowX + s.overflowY) &&
			(e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)) {
			out.push(name(e) + ' clips its text (' + e.scrollWidth + '×' + e.scrollHeight + ' in ' + e.clientWidth + '×' + e.clientHeight + ')');
		}
	}
	return {scrollWidth: se.scrollWidth, clientWidth: vw, offenders: out};
})()`

// TestReflowAtZoom loads every kind of page at 200% and 400% zoom of a 1280 px window:
// the page never scrolls sideways and no content is cut off (WCAG 1.4.10). The
// screenshots go to $HIT_SCREENSHOTS when it is set (zoom-<level>-<page>.png).
func TestReflowAtZoom(t *testing.T) {
	dir := os.Getenv("HIT_SCREENSHOTS")
	s := site(t, harness.Options{})
	for _, z := range zoomLevels {
		for _, pg := range a11yPages {
			t.Run(z.name+"/"+pg.name, func(t *testing.T) {
				tb := newTab(t, time.Minute)
				tb.run("zoom", emulation.SetDeviceMetricsOverride(z.width, z.height, z.scale, false))
				tb.navigate(s.URL() + pg.path)
				if isAppPage(pg.path) {
					tb.waitWasm()
				}
				var got struct {
					ScrollWidth, ClientWidth int
					Offenders                []string
				}
				tb.mustEval(reflowJS, &got)
				if got.ScrollWidth > got.ClientWidth {
					t.Errorf("the page is %d px wide in a %d px viewport: it scrolls sideways", got.ScrollWidth, got.ClientWidth)
				}
				for _, o := range got.Offenders {
					t.Errorf("cut off at %s: %s", z.name, o)
				}
				if dir != "" {
					var png []byte
					tb.run("screenshot", chromedp.FullScreenshot(&png, 100))
					if !bytes.HasPrefix(png, []byte("\x89PNG")) {
						t.Fatal("the screenshot is not a PNG")
					}
					name := filepath.Join(dir, fmt.Sprintf("zoom-%s-%s.png", strings.TrimSuffix(z.name, "%"), strings.ReplaceAll(pg.name, " ", "-")))
					if err := os.WriteFile(name, png, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			})
		}
	}
}

// motionJS lists the elements that would move: a transition or animation that lasts
// (duration or delay above 0) on an element that is shown.
const motionJS = `(() => {
	const secs = v => v.split(',').map(x => parseFloat(x) * (x.trim().endsWith('ms') ? 0.001 : 1));
	const out = [];
	for (const e of document.querySelectorAll('*')) {
		const s = getComputedStyle(e);
		const moves = (s.transitionProperty !== 'none' && secs(s.transitionDuration).some(d => d > 0)) ||
			(s.animationName !== 'none' && secs(s.animationDuration).some(d => d > 0));
		if (moves) out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '') +
			' (transition ' + s.transitionDuration + ', animation ' + s.animationName + ' ' + s.animationDuration + ')');
	}
	return out;
})()`

// TestReducedMotion: with prefers-reduced-motion: reduce, nothing on the page
// transitions or animates, before the wasm has loaded (the loading shimmer) and once the
// result is shown, after an edit (WCAG 2.3.3, and what the setting promises). Without
// the preference, something does move: the check is not empty.
func TestReducedMotion(t *testing.T) {
	s := site(t, harness.Options{})
	for _, reduce := range []bool{true, false} {
		t.Run(fmt.Sprintf("reduce=%v", reduce), func(t *testing.T) {
			tb := newTab(t, time.Minute)
			if reduce {
				tb.run("reduced motion", emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}}))
			}
			release := s.HoldWasm()
			tb.navigate(s.URL() + "?role=data-analyst&state=WA")
			var before []string
			tb.mustEval(motionJS, &before)
			release()
			tb.waitWasm()
			tb.setValue("#years", "12")
			tb.waitFor("the estimate for 12 years", `document.querySelector('`+selEstimate+`').dataset.scenario.includes('years=12')`, changeTimeout)
			var after []string
			tb.mustEval(motionJS, &after)
			moving := append(before, after...)
			if reduce {
				for _, m := range moving {
					t.Errorf("moves under prefers-reduced-motion: %s", m)
				}
			} else if len(moving) == 0 {
				t.Error("nothing moves without prefers-reduced-motion either: the check sees no transition or animation at all")
			}
		})
	}
}
