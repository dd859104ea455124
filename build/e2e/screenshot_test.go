package e2e

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// TestScreenshots renders a scenario 1280 and 320 px wide. At both widths the page must
// not scroll sideways (WCAG 1.4.10 Reflow asks for 320 CSS px). The PNGs, the first
// screen (hit-salary-<width>.png) and the whole page (hit-salary-<width>-full.png), go to
// $HIT_SCREENSHOTS when it is set (for the README), else to a temporary directory.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("HIT_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	s := site(t, harness.Options{})
	const query = "role=informatics&state=TX&years=6&edu=master&employer=hospital-system&certs=epic,cphims&bg=clinical"
	for _, width := range []int64{1280, 320} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			tb := newTab(t, time.Minute)
			tb.run("set the viewport", emulation.SetDeviceMetricsOverride(width, 800, 1, width < 600))
			tb.navigate(s.URL() + "?" + query)
			tb.waitWasm()
			var overflow struct{ ScrollWidth, InnerWidth int64 }
			tb.mustEval(`({scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth})`, &overflow)
			if overflow.ScrollWidth > overflow.InnerWidth {
				var wide []string
				tb.eval(`[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
					.slice(0, 8).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '') + ' right=' + Math.round(e.getBoundingClientRect().right))`, &wide)
				t.Errorf("at %d px the page is %d px wide and scrolls sideways; elements past the edge: %v", width, overflow.ScrollWidth, wide)
			}
			var full, top []byte
			tb.run("screenshot", chromedp.CaptureScreenshot(&top), chromedp.FullScreenshot(&full, 100))
			for name, png := range map[string][]byte{
				fmt.Sprintf("hit-salary-%d.png", width):      top,
				fmt.Sprintf("hit-salary-%d-full.png", width): full,
			} {
				if !bytes.HasPrefix(png, []byte("\x89PNG")) {
					t.Fatalf("screenshot %s is not a PNG (%d bytes)", name, len(png))
				}
				name = filepath.Join(dir, name)
				if err := os.WriteFile(name, png, 0o644); err != nil {
					t.Fatal(err)
				}
				t.Logf("wrote %s (%d bytes)", name, len(png))
			}
		})
	}
}
