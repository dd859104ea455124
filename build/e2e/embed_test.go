package e2e

import (
	"context"
	"fmt"
	"math"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// hostSite serves a school portal's page on a second 127.0.0.1 port (another origin than
// the app's): / is the page with the iframe, built by page from the host's own origin;
// /other.html is a frame of the portal's origin that posts a resize message to its
// parent with "*", which embed.js must ignore (it is not the app's frame).
func hostSite(t *testing.T, page func(origin string) string) string {
	t.Helper()
	s := &http.Server{ReadHeaderTimeout: 5 * time.Second}
	mux := http.NewServeMux()
	var origin string
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page(origin))
	})
	mux.HandleFunc("/other.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><html lang=en><title>other</title><script src="/other.js"></script>`)
	})
	mux.HandleFunc("/other.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript")
		fmt.Fprint(w, `window.addEventListener('load', () => {
			const post = () => parent.postMessage({type: 'hit-salary:resize', height: 77}, '*');
			post();
			setInterval(post, 50);
		});`)
	})
	s.Handler = mux
	ln, err := netListen()
	if err != nil {
		t.Fatal(err)
	}
	origin = "http://" + ln.Addr().String()
	go s.Serve(ln)
	t.Cleanup(func() { s.Close() })
	return origin
}

// hostPage is a portal page embedding the app from appURL (the app's address with its
// query), with the host script from the app's site, as the embed builder writes it.
func hostPage(appURL, embedJS, frameAttrs string, other bool) string {
	o := ""
	if other {
		o = `<iframe id="other" title="other" src="/other.html" width="10" height="10"></iframe>`
	}
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Portal</title></head><body>
<h1>A school portal</h1>
<iframe id="app" data-hit-salary title="HIT Salary" src="` + appURL + `" width="100%" height="300"` + frameAttrs + `></iframe>
` + o + `
<script src="` + embedJS + `"></script>
</body></html>`
}

// frameContext returns an execution context in the first child frame whose URL starts
// with prefix (an isolated world: it sees the frame's DOM, not its scripts' globals).
func (tb *tab) frameContext(prefix string) (runtime.ExecutionContextID, error) {
	var id runtime.ExecutionContextID
	err := chromedp.Run(tb.ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		tree, err := page.GetFrameTree().Do(ctx)
		if err != nil {
			return err
		}
		var find func(ft *page.FrameTree) *cdp.Frame
		find = func(ft *page.FrameTree) *cdp.Frame {
			for _, c := range ft.ChildFrames {
				if strings.HasPrefix(c.Frame.URL, prefix) {
					return c.Frame
				}
				if f := find(c); f != nil {
					return f
				}
			}
			return nil
		}
		f := find(tree)
		if f == nil {
			var urls []string
			var all func(ft *page.FrameTree)
			all = func(ft *page.FrameTree) {
				urls = append(urls, ft.Frame.URL)
				for _, c := range ft.ChildFrames {
					all(c)
				}
			}
			all(tree)
			return fmt.Errorf("no frame at %s (frames: %v)", prefix, urls)
		}
		id, err = page.CreateIsolatedWorld(f.ID).WithWorldName("e2e").Do(ctx)
		return err
	}))
	return id, err
}

// evalFrame evaluates expr in the frame at prefix (found again each time: the frame's
// document changes when it navigates).
func (tb *tab) evalFrame(prefix, expr string, out any) error {
	id, err := tb.frameContext(prefix)
	if err != nil {
		return err
	}
	return chromedp.Run(tb.ctx, chromedp.Evaluate(expr, out, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
		return p.WithContextID(id).WithAwaitPromise(true)
	}))
}

// pollFrame waits until expr is truthy in the frame at prefix.
func (tb *tab) pollFrame(what, prefix, expr string, timeout time.Duration) {
	tb.t.Helper()
	deadline := time.Now().Add(timeout)
	var last error
	for time.Now().Before(deadline) {
		var ok bool
		err := tb.evalFrame(prefix, `!!(`+expr+`)`, &ok)
		if err == nil && ok {
			return
		}
		last = err
		time.Sleep(pollEvery)
	}
	tb.t.Fatalf("waiting in the frame for %s: timed out (last error: %v)", what, last)
}

// frameTab returns a tab on the out-of-process frame target whose URL starts with
// prefix: Chromium isolates iframes sandboxed without allow-same-origin in a process of
// their own (IsolateSandboxedIframes), so they are not in the page's frame tree. The
// browser's console messages about CSP and Trusted Types in that frame are watched
// from then on, like a page's.
func (tb *tab) frameTab(prefix string, timeout time.Duration) *tab {
	tb.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		infos, err := chromedp.Targets(tb.ctx)
		if err != nil {
			tb.t.Fatalf("list targets: %v", err)
		}
		for _, info := range infos {
			if info.Type == "iframe" && strings.HasPrefix(info.URL, prefix) {
				ctx, cancel := chromedp.NewContext(tb.ctx, chromedp.WithTargetID(info.TargetID))
				if err := chromedp.Run(ctx); err != nil {
					cancel()
					tb.t.Fatalf("attach to the frame %s: %v", info.URL, err)
				}
				tb.t.Cleanup(cancel)
				ft := &tab{t: tb.t, ctx: ctx}
				tb.t.Cleanup(func() {
					if tb.t.Failed() {
						ft.mu.Lock()
						for _, c := range append(ft.console, ft.exceptions...) {
							tb.t.Logf("frame: %s", c)
						}
						ft.mu.Unlock()
					}
				})
				chromedp.ListenTarget(ctx, ft.listen)
				chromedp.ListenTarget(ctx, func(ev any) {
					if e, ok := ev.(*log.EventEntryAdded); ok && e.Entry != nil && policyMessage.MatchString(e.Entry.Text) {
						tb.addViolation("frame console: " + e.Entry.Text)
					}
				})
				return ft
			}
		}
		if time.Now().After(deadline) {
			tb.t.Fatalf("no frame target at %s", prefix)
		}
		time.Sleep(pollEvery)
	}
}

// frameHeight is the height of the iframe's content box in CSS pixels (its border aside).
func (tb *tab) frameHeight(sel string) float64 {
	tb.t.Helper()
	var h float64
	tb.mustEval(`document.querySelector(`+jsString(sel)+`).clientHeight`, &h)
	return h
}

// TestEmbedInPortal embeds the app in a portal page of another origin, as the embed
// builder's code does: the frame shows the compact layout with the link's locks, theme
// and accent, computes the model's estimate, and the host script fits the frame to the
// height the app posts; a resize message from another frame, or with a wrong origin, is
// ignored.
func TestEmbedInPortal(t *testing.T) {
	s := site(t, harness.Options{})
	appOrigin := s.Origin()
	var host string
	query := func() string {
		return "embed=1&role=security-analyst&state=CA&years=7&lock=role,state&theme=dark&accent=ffcc00&host=" + url.QueryEscape(host)
	}
	host = hostSite(t, func(origin string) string {
		return hostPage(s.URL()+"?"+query(), s.URL()+"web/embed.js", "", true)
	})
	tb := newTab(t, 2*time.Minute)
	tb.navigate(host + "/")
	appPrefix := appOrigin + harness.Base

	in := estimate.Default()
	in.Role, in.State, in.Years = "security-analyst", "CA", 7
	w := want(t, in)
	tb.pollFrame("the estimate computed by the app", appPrefix, fmt.Sprintf(
		`document.querySelector('[data-testid=estimate][data-source=wasm][data-median="%d"]')`, w.Median), wasmTimeout)

	// The compact layout: no site chrome; locked fields as text; links open new tabs.
	var layout struct {
		Chrome, Embed                 bool
		Role, State, Years, Theme, Bg string
		BadLinks                      []string
		Footer                        string
		Accent, OnAccent              string
	}
	if err := tb.evalFrame(appPrefix, `(() => {
		const q = s => document.querySelector(s);
		const css = getComputedStyle(document.documentElement);
		return {
			chrome: !!(q('.masthead') || q('.colophon') || q('.peek')),
			embed: !!q('.app--embed'),
			role: q('#role') ? q('#role').tagName + ':' + q('#role').textContent : '',
			state: q('#state') ? q('#state').tagName + ':' + q('#state').textContent : '',
			years: q('#years') ? q('#years').tagName : '',
			theme: document.documentElement.getAttribute('data-theme') || '',
			bg: css.getPropertyValue('--bg').trim(),
			accent: css.getPropertyValue('--accent').trim(),
			onAccent: css.getPropertyValue('--on-accent').trim(),
			badLinks: [...document.querySelectorAll('a[href]')].filter(a => !a.hasAttribute('data-focus') && !a.getAttribute('href').startsWith('#'))
				.filter(a => a.target !== '_blank' || !a.relList.contains('noopener')).map(a => a.getAttribute('href')),
			footer: q('[data-testid=embed-footer]') ? q('[data-testid=embed-footer]').textContent : '',
		};
	})()`, &layout); err != nil {
		t.Fatal(err)
	}
	if layout.Chrome || !layout.Embed {
		t.Errorf("embedded page: site chrome shown %v, compact layout %v", layout.Chrome, layout.Embed)
	}
	if !strings.HasPrefix(layout.Role, "P:") || !strings.HasPrefix(layout.State, "P:California") {
		t.Errorf("locked role and state shown as %q and %q, want text", layout.Role, layout.State)
	}
	if layout.Years != "INPUT" {
		t.Errorf("years is %q, want an input (not locked)", layout.Years)
	}
	if layout.Theme != "dark" || layout.Bg != "#0f141b" {
		t.Errorf("theme=dark: data-theme %q, --bg %q", layout.Theme, layout.Bg)
	}
	if r := contrast(t, layout.Accent, layout.Bg); r < 4.5 {
		t.Errorf("accent %s on %s: contrast %.2f, want at least 4.5", layout.Accent, layout.Bg, r)
	}
	if len(layout.BadLinks) > 0 {
		t.Errorf("links that leave the frame without target=_blank rel=noopener: %v", layout.BadLinks)
	}
	if !strings.Contains(layout.Footer, "Saving is off") {
		t.Errorf("embed footer %q does not say saving is off", layout.Footer)
	}

	// Auto-height: the host script set the iframe's height from the app's messages, and
	// it is the frame's content height.
	tb.waitFor("the host script to resize the frame", `window.hitSalaryEmbed && window.hitSalaryEmbed.resized > 0`, changeTimeout)
	var content float64
	deadline := time.Now().Add(changeTimeout)
	for {
		if err := tb.evalFrame(appPrefix, `Math.ceil(document.documentElement.getBoundingClientRect().height)`, &content); err != nil {
			t.Fatal(err)
		}
		if math.Abs(tb.frameHeight("#app")-content) <= 1 || time.Now().After(deadline) {
			break
		}
		time.Sleep(pollEvery)
	}
	got := tb.frameHeight("#app")
	if math.Abs(got-content) > 1 || got <= 300 {
		t.Fatalf("iframe height %.0f px, the app's content %.0f px (started at 300)", got, content)
	}

	// A message from the portal's own frame (posted with "*" every 50 ms) is ignored.
	// The app may still post its own height meanwhile (its slow panels become live
	// after the first frame and can change it), so the frame is sampled for 77 px, the
	// other frame's height, rather than compared with an earlier one.
	tb.waitFor("the other frame to load", `document.querySelector('#other').contentDocument && document.querySelector('#other').contentDocument.readyState === 'complete'`, changeTimeout)
	tb.mustEval(`window.otherPosts = 0; window.addEventListener('message', e => {
		if (e.source === document.querySelector('#other').contentWindow) window.otherPosts++;
	}), true`, nil)
	tb.waitFor("the other frame's resize messages", `window.otherPosts >= 2`, changeTimeout)
	for i := 0; i < 10; i++ {
		if h := tb.frameHeight("#app"); h == 77 {
			t.Fatalf("a message from another frame resized the app's frame to %.0f px", h)
		}
		time.Sleep(50 * time.Millisecond)
	}
	// A message claiming to come from the app's frame with the wrong origin is ignored;
	// with the right one it is obeyed (the check discriminates). Each is dispatched and
	// the height read back in one script, so no message of the app's comes between.
	fake := func(origin string, height int) (before, after float64) {
		var hs []float64
		tb.mustEval(fmt.Sprintf(`(() => {
			const f = document.querySelector('#app');
			const before = f.clientHeight;
			window.dispatchEvent(new MessageEvent('message', {data: {type: 'hit-salary:resize', height: %d},
				origin: %s, source: f.contentWindow}));
			return [before, f.clientHeight];
		})()`, height, jsString(origin)), &hs)
		return hs[0], hs[1]
	}
	if before, after := fake("http://evil.example", 1234); after != before {
		t.Errorf("a message with origin http://evil.example resized the frame from %.0f to %.0f px", before, after)
	}
	if _, after := fake(appOrigin, 1234); after != 1234 {
		t.Errorf("a message with the app's origin left the frame at %.0f px, want 1234 (is the check too strict?)", after)
	}
}

// TestEmbedPostsOnlyToHost checks the app posts its height only to the origin host=
// names: with host= naming another origin than the portal's, the frame is never
// resized, and without host= it posts nothing.
func TestEmbedPostsOnlyToHost(t *testing.T) {
	s := site(t, harness.Options{})
	for _, tc := range []struct{ name, host string }{{"host of another origin", "https://portal.example"}, {"no host", ""}} {
		t.Run(tc.name, func(t *testing.T) {
			q := "embed=1"
			if tc.host != "" {
				q += "&host=" + url.QueryEscape(tc.host)
			}
			host := hostSite(t, func(string) string { return hostPage(s.URL()+"?"+q, s.URL()+"web/embed.js", "", false) })
			tb := newTab(t, time.Minute)
			tb.navigate(host + "/")
			tb.pollFrame("the app", s.Origin()+harness.Base, `document.querySelector('[data-testid=estimate][data-source=wasm]')`, wasmTimeout)
			time.Sleep(500 * time.Millisecond)
			var n int
			tb.mustEval(`window.hitSalaryEmbed.resized`, &n)
			if n != 0 || tb.frameHeight("#app") != 300 {
				t.Errorf("the frame was resized %d times (height %.0f px)", n, tb.frameHeight("#app"))
			}
		})
	}
}

// TestEmbedSandboxed embeds the app in an iframe sandboxed without allow-same-origin:
// no storage, no service worker, an opaque origin. The app still computes the
// estimate, says saving is off, and the host script still fits the frame.
func TestEmbedSandboxed(t *testing.T) {
	s := site(t, harness.Options{})
	var hostOrigin string
	hostOrigin = hostSite(t, func(origin string) string {
		return hostPage(s.URL()+"?embed=1&role=it-support&state=OH&host="+url.QueryEscape(origin), s.URL()+"web/embed.js",
			` sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"`, false)
	})
	tb := newTab(t, 2*time.Minute)
	tb.navigate(hostOrigin + "/")
	in := estimate.Default()
	in.Role, in.State = "it-support", "OH"
	w := want(t, in)
	prefix := s.Origin() + harness.Base
	fr := tb.frameTab(prefix, wasmTimeout)
	if err := fr.poll(fmt.Sprintf(`document.querySelector('[data-testid=estimate][data-source=wasm][data-median="%d"]')`, w.Median), wasmTimeout); err != nil {
		var diag any
		fr.eval(`({source: globalThis.hitWasmSource, error: globalThis.hitWasmError, loader: !!document.getElementById('app-wasm-loader'),
			label: (document.getElementById('app-wasm-loader-label') || {}).textContent, estimate: (document.querySelector('[data-testid=estimate]') || {outerHTML: ''}).outerHTML.slice(0, 300)})`, &diag)
		t.Fatalf("the estimate was not computed in the sandbox (%v): %v", err, diag)
	}
	var sandbox struct {
		Footer, Origin string
		Storage        bool
	}
	fr.mustEval(`(() => { let storage = true; try { localStorage.length } catch (e) { storage = false }
		return {footer: document.querySelector('[data-testid=embed-footer]').textContent, origin: origin, storage}; })()`, &sandbox)
	if sandbox.Origin != "null" || sandbox.Storage {
		t.Fatalf("the frame is not sandboxed as meant: origin %q, storage %v", sandbox.Origin, sandbox.Storage)
	}
	footer := sandbox.Footer
	if !strings.Contains(footer, "Saving is off") {
		t.Errorf("sandboxed frame's footer %q does not say saving is off", footer)
	}
	tb.waitFor("the host script to resize the sandboxed frame", `window.hitSalaryEmbed.resized > 0`, changeTimeout)
	// An edit still recomputes.
	fr.setValue("#edu", "master")
	in.Education = estimate.EduMaster
	w = want(t, in)
	fr.waitFor("the estimate after an edit in the sandbox", fmt.Sprintf(
		`document.querySelector('[data-testid=estimate][data-source=wasm][data-median="%d"]')`, w.Median), changeTimeout)
}

// contrast is WCAG's contrast ratio of two #rrggbb colours.
func contrast(t *testing.T, a, b string) float64 {
	t.Helper()
	lum := func(s string) float64 {
		if len(s) != 7 || s[0] != '#' {
			t.Fatalf("colour %q is not #rrggbb", s)
		}
		n, err := strconv.ParseUint(s[1:], 16, 32)
		if err != nil {
			t.Fatalf("colour %q: %v", s, err)
		}
		var l float64
		for i, w := range []float64{0.2126, 0.7152, 0.0722} {
			x := float64(n>>(16-8*i)&255) / 255
			if x <= 0.04045 {
				x /= 12.92
			} else {
				x = math.Pow((x+0.055)/1.055, 2.4)
			}
			l += w * x
		}
		return l
	}
	la, lb := lum(a), lum(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

// netListen listens on a free port of 127.0.0.1.
func netListen() (net.Listener, error) { return net.Listen("tcp", "127.0.0.1:0") }

// compactGuides are the panels a compact embed (view=compact) leaves to the full app.
var compactGuides = []string{"#waterfall", "#others", "#compare", "#share", "#saved", "#role-info", "#trajectory",
	"#payback", "#ranking", "#pathways", "#outlook .outlook__neighbours"}

// compactCore is what it shows: the form, the estimate with its range, the confidence,
// the breakdown, the outlook, the sources, the link to the full app and the footer.
var compactCore = []string{"#scenario", "[data-testid=estimate]", ".summary__range", "#confidence", "#breakdown", "#outlook",
	"#sources", "[data-testid=open-full] a", "[data-testid=embed-footer]"}

// compactLayout is what a test reads of an embedded page once it has settled.
type compactLayout struct {
	Height         float64  // the document's height in CSS pixels
	Median         string   // the estimate's data-median
	Low, High      string   // its range
	Drawn, Missing []string // of compactGuides, those in the page; of compactCore, those not on screen
	Embed          string   // <html data-embed>
	Open, Target   string   // the full app link's address and target
}

// readLayout waits until the embedded page has settled (every slow panel in, none
// behind) and reads it.
func (tb *tab) readLayout() compactLayout {
	tb.t.Helper()
	tb.waitWasm()
	tb.waitFor("the slow panels to catch up", `!document.querySelector('.later[aria-busy=true]') && !document.querySelector('.later:empty')`, changeTimeout)
	time.Sleep(300 * time.Millisecond) // late layout (the tile map, the charts' sizes)
	var l compactLayout
	tb.mustEval(fmt.Sprintf(`(() => {
		const vis = s => { const e = document.querySelector(s); return !!e && e.getClientRects().length > 0; };
		const est = document.querySelector('[data-testid=estimate]');
		const open = document.querySelector('[data-testid=open-full] a');
		return {
			height: document.documentElement.getBoundingClientRect().height,
			median: est.getAttribute('data-median'), low: est.getAttribute('data-low'), high: est.getAttribute('data-high'),
			drawn: %[1]s.filter(s => document.querySelector(s)), missing: %[2]s.filter(s => !vis(s)),
			embed: document.documentElement.getAttribute('data-embed'),
			open: open ? open.href : '', target: open ? open.target : '',
		};
	})()`, jsArray(compactGuides), jsArray(compactCore)), &l)
	return l
}

// jsArray is a JavaScript array literal of strings.
func jsArray(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = jsString(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// TestEmbedCompact loads an embed with view=compact and the same scenario as a full
// embed, 780 and 320 px wide: the estimate and its range are the model's, as in the
// full embed; none of the guide panels is shown and everything the compact layout
// promises is (the form with its lock, the breakdown, the sources, the link to the full
// app in a new tab, the footer); the page is well under half the full embed's height at
// 780 px (both heights are logged); before the app starts the pre-rendered page shows the
// compact panels only; axe-core finds nothing in the light and dark schemes; and the
// embed builder writes view=compact into its code and preview. The tab fails the test
// on any CSP or Trusted Types violation. Screenshots: embed-compact-<width>-<scheme>.png.
func TestEmbedCompact(t *testing.T) {
	src := axeSource(t)
	dir := screenshotDir(t)
	s := site(t, harness.Options{})
	const scenario = "role=security-analyst&state=CA&years=7&edu=master&certs=cissp"
	in := estimate.Default()
	in.Role, in.State, in.Years, in.Education, in.Certs = "security-analyst", "CA", 7, estimate.EduMaster, []estimate.Cert{"cissp"}
	w := want(t, in)

	for _, width := range []int64{780, 320} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			load := func(query string) (*tab, compactLayout) {
				tb := newTab(t, 2*time.Minute)
				tb.run("set the viewport", emulation.SetDeviceMetricsOverride(width, 900, 1, width < 600))
				tb.navigate(s.URL() + "?" + query)
				return tb, tb.readLayout()
			}
			_, full := load("embed=1&" + scenario)
			tb, compact := load("embed=1&view=compact&lock=role&" + scenario)
			t.Logf("document height at %d px: full embed %.0f px, compact %.0f px (%.2f×)", width, full.Height, compact.Height, compact.Height/full.Height)

			for _, l := range []struct {
				name string
				compactLayout
			}{{"full", full}, {"compact", compact}} {
				if l.Median != fmt.Sprint(w.Median) || l.Low != fmt.Sprint(w.Low) || l.High != fmt.Sprint(w.High) {
					t.Errorf("%s embed: estimate %s (%s–%s), want the model's %d (%d–%d)", l.name, l.Median, l.Low, l.High, w.Median, w.Low, w.High)
				}
			}
			if full.Embed != "" || len(full.Drawn) < len(compactGuides)-1 { // the full embed has no saved panel
				t.Errorf("the full embed: data-embed=%q, guide panels %v", full.Embed, full.Drawn)
			}
			if compact.Embed != "compact" {
				t.Errorf("compact embed: <html data-embed=%q>, want compact (web/embedded.js)", compact.Embed)
			}
			if len(compact.Drawn) > 0 {
				t.Errorf("the compact embed has guide panels: %v", compact.Drawn)
			}
			if len(compact.Missing) > 0 {
				t.Errorf("the compact embed lacks %v", compact.Missing)
			}
			if u, err := url.Parse(compact.Open); err != nil || u.Path != harness.Base || u.Query().Get("role") != "security-analyst" ||
				u.Query().Get("certs") != "cissp" || u.Query().Has("embed") || compact.Target != "_blank" {
				t.Errorf("the link to the full app is %q (target %q), want the full app with the scenario in a new tab", compact.Open, compact.Target)
			}
			if width == 780 && !(compact.Height < 0.4*full.Height) {
				t.Errorf("at 780 px the compact embed is %.0f px tall, the full one %.0f px: want under 0.4×", compact.Height, full.Height)
			}
			var role string
			tb.mustEval(`document.querySelector('#role').tagName`, &role)
			if role != "P" {
				t.Errorf("lock=role: #role is <%s>, want text", role)
			}
			tb.expectNoAxe(src, fmt.Sprintf("compact embed at %d px", width), "light", "dark")
			for _, scheme := range []string{"light", "dark"} {
				tb.run(scheme, emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}))
				var png []byte
				tb.run("screenshot", chromedp.FullScreenshot(&png, 100))
				name := filepath.Join(dir, fmt.Sprintf("embed-compact-%d-%s.png", width, scheme))
				if err := os.WriteFile(name, png, 0o644); err != nil {
					t.Fatal(err)
				}
				t.Logf("wrote %s", name)
			}
		})
	}

	t.Run("pre-rendered", func(t *testing.T) {
		// Before the wasm runs, web/embedded.js marks the page compact and web/app.css
		// hides what the compact layout will not have, so the frame does not start at the
		// full page's height.
		release := s.HoldWasm()
		defer release()
		tb := newTab(t, time.Minute)
		tb.navigate(s.URL() + "?embed=1&view=compact&" + scenario)
		var pre struct{ Shown, Missing []string }
		tb.mustEval(fmt.Sprintf(`(() => {
			const vis = s => { const e = document.querySelector(s); return !!e && e.getClientRects().length > 0; };
			return {shown: %[1]s.filter(vis), missing: ['#scenario', '#breakdown', '#outlook', '#sources'].filter(s => !vis(s))};
		})()`, jsArray(compactGuides)), &pre)
		if len(pre.Shown) > 0 || len(pre.Missing) > 0 {
			t.Errorf("the pre-rendered compact embed shows %v and lacks %v", pre.Shown, pre.Missing)
		}
	})

	t.Run("builder", func(t *testing.T) {
		tb := newTab(t, 2*time.Minute)
		tb.navigate(s.URL() + "embed-builder/")
		tb.setValue("#b-role", "security-analyst")
		tb.activate("#b-view-compact")
		var got struct{ Code, Preview string }
		tb.mustEval(`({code: document.querySelector('#b-code').value, preview: document.querySelector('#b-preview').src})`, &got)
		if !strings.Contains(got.Code, `?embed=1&amp;view=compact&amp;role=security-analyst"`) {
			t.Errorf("the code does not ask for the compact layout:\n%s", got.Code)
		}
		if u, err := url.Parse(got.Preview); err != nil || u.Query().Get("view") != "compact" {
			t.Fatalf("preview src %q, want view=compact", got.Preview)
		}
		tb.pollFrame("the compact layout in the preview", s.URL(), `document.querySelector('.app--compact [data-testid=estimate][data-source=wasm]') && !document.querySelector('#pathways')`, wasmTimeout)
		tb.activate("#b-view-full")
		tb.mustEval(`document.querySelector('#b-code').value`, &got.Code)
		if strings.Contains(got.Code, "view=") {
			t.Errorf("the full layout (the default) is written as a parameter:\n%s", got.Code)
		}
	})
}
