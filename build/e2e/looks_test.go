package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// screenshotDir is $HIT_SCREENSHOTS, or a temporary directory of the test.
func screenshotDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("HIT_SCREENSHOTS")
	if dir == "" {
		return t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestLooks renders the start page (the untouched example) and a scenario at 320, 390
// and 1280 px, light and dark, and writes full-page PNGs (looks-<width>-<scheme>-<page>.png)
// for people to look at. Each must fit its width without scrolling sideways.
func TestLooks(t *testing.T) {
	dir := screenshotDir(t)
	s := site(t, harness.Options{})
	pages := []struct{ name, query string }{
		{"start", ""},
		{"scenario", "role=it-manager&state=NY&years=12&edu=master&employer=hospital-system&certs=pmp&bg=it"},
	}
	for _, width := range []int64{320, 390, 1280} {
		for _, scheme := range []string{"light", "dark"} {
			for _, pg := range pages {
				t.Run(fmt.Sprintf("%d-%s-%s", width, scheme, pg.name), func(t *testing.T) {
					tb := newTab(t, time.Minute)
					tb.run("viewport and colour scheme",
						emulation.SetDeviceMetricsOverride(width, 800, 1, width < 600),
						emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}))
					u := s.URL()
					if pg.query != "" {
						u += "?" + pg.query
					}
					tb.navigate(u)
					tb.waitWasm()
					var overflow bool
					tb.mustEval(`document.documentElement.scrollWidth > window.innerWidth`, &overflow)
					if overflow {
						t.Errorf("the page scrolls sideways at %d px", width)
					}
					// Off-screen cards skip rendering (content-visibility: auto), which a
					// full-page capture would show as empty boxes.
					tb.mustEval(`document.querySelectorAll('.layout__results > .card').forEach(c => c.style.contentVisibility = 'visible')`, nil)
					var png []byte
					tb.run("screenshot", chromedp.FullScreenshot(&png, 100))
					name := filepath.Join(dir, fmt.Sprintf("looks-%d-%s-%s.png", width, scheme, pg.name))
					if err := os.WriteFile(name, png, 0o644); err != nil {
						t.Fatal(err)
					}
				})
			}
		}
	}
}
