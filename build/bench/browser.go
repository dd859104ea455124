package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// The link profile: Lighthouse's "Slow 4G" (mobile) throttling, applied with DevTools
// network emulation, and its 4× CPU slowdown.
const (
	rttMS        = 150.0
	downBitsPS   = 1.6e6
	upBitsPS     = 750e3
	cpuSlowdown  = 4.0
	floorRounds  = 4 // connection, HTML, the parallel round of scripts and styles, app.wasm
	readyTimeout = 3 * time.Minute
)

// Ready selectors: the element that shows the wasm app has rendered, for the app and
// for the hello world.
const (
	appReady   = `[data-testid=estimate][data-source=wasm]`
	helloReady = `h1[data-source=wasm]`
	// appMountedJS is true once the app is ready and has mounted its slow panels too
	// (app/ui/boot.go): edits are measured from then, on the whole page. A build from
	// before the staged mount never sets hitPanelsMounted; its wrappers (.later) are
	// never empty nor hold kept nodes.
	appMountedJS = `document.querySelector('` + appReady + `') && (window.hitPanelsMounted !== undefined || ` +
		`![...document.querySelectorAll('#app .layout__results > .later')].some(w => w.hitKept || !w.firstElementChild))`
)

// metricsJS returns the script that runs before any script of each page: it records
// the largest contentful paint candidates (with the element each one is) and the moment
// the element ready selects appears (the live app has rendered), in milliseconds since
// navigation start.
func metricsJS(ready string) string {
	return strings.Replace(metricsTemplate, "@@READY@@", ready, 1)
}

const metricsTemplate = `(() => {
	const m = window.__hitBench = {lcp: [], ready: null};
	const describe = el => {
		if (!el || !el.tagName) return '(removed)';
		let s = el.tagName.toLowerCase();
		if (el.id) s += '#' + el.id;
		if (typeof el.className === 'string' && el.className.trim()) s += '.' + el.className.trim().split(/\s+/).join('.');
		const t = el.getAttribute && el.getAttribute('data-testid');
		if (t) s += '[data-testid=' + t + ']';
		const text = (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40);
		return text ? s + ' "' + text + '"' : s;
	};
	try {
		new PerformanceObserver(list => {
			for (const e of list.getEntries()) {
				// A person's input ends LCP recording; the probe's synthetic edit does
				// not, so candidates it paints are left out here.
				if (m.edited !== undefined && e.startTime >= m.edited) continue;
				const el = e.element;
				m.lcp.push({t: e.startTime, size: e.size, el: describe(el),
					inEstimate: !!(el && el.closest && el.closest('[data-testid=estimate]')),
					loader: !!(el && el.closest && el.closest('#app-wasm-loader'))});
			}
		}).observe({type: 'largest-contentful-paint', buffered: true});
	} catch (e) {}
	// probe is one edit of the years field 100 ms after ready (the app only; the hello
	// world has no form): how late the task that makes it runs (the main thread was busy:
	// an input would have waited as long), and from then until the first frame painted
	// after the estimate changed.
	const probe = () => {
		const due = performance.now() + 100;
		setTimeout(() => {
			const el = document.querySelector('#years'), est = document.querySelector('[data-testid=estimate]');
			if (!el || !est) return;
			const start = performance.now(), before = est.getAttribute('data-median');
			m.edited = start;
			const mo = new MutationObserver(() => {
				if (est.getAttribute('data-median') === before) return;
				mo.disconnect();
				requestAnimationFrame(() => setTimeout(() => { m.probe = {late: start - due, paint: performance.now() - start}; }, 0));
			});
			mo.observe(est, {attributes: true, attributeFilter: ['data-median']});
			el.value = String((Number(el.value) + 7) % 41);
			el.dispatchEvent(new Event('input', {bubbles: true}));
		}, 100);
	};
	const check = () => {
		if (m.ready === null && document.querySelector('@@READY@@')) {
			m.ready = performance.now();
			if (document.querySelector('#years')) probe();
		}
	};
	new MutationObserver(check).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ['data-source']});
})();`

// lcpEntry is one largest-contentful-paint candidate.
type lcpEntry struct {
	T          float64
	Size       float64
	El         string
	InEstimate bool
	Loader     bool
}

// pageMetrics is what metricsJS and the Performance API report after a load.
type pageMetrics struct {
	FCP   float64
	Wasm  float64 // responseEnd of app.wasm(.xz), -1 if the page did not load it
	Ready *float64
	LCP   []lcpEntry
	// Mounted is when the app had mounted its last slow panel (app/ui/boot.go), -1 if it
	// does not say; Probe the edit made 100 ms after ready (metricsJS).
	Mounted float64
	Probe   *editProbe
}

// editProbe is the first edit after ready: how many ms late its task ran, and from then
// to the frame that showed the new estimate.
type editProbe struct {
	Late, Paint float64
}

// resource is one response the page received from the network.
type resource struct {
	URL      string
	Bytes    int64 // encoded (on the wire) bytes, headers included
	Encoding string
}

// coldRun is one first visit with an empty cache.
type coldRun struct {
	FCP, LCP, Ready float64 // milliseconds since navigation start
	Mounted         float64 // every slow panel mounted (app/ui/boot.go), -1 if not said
	Probe           editProbe
	WasmEnd         float64 // when the last byte of app.wasm(.xz) arrived, -1 if unknown
	LCPEl           string
	LCPInEstimate   bool
	LCPLoader       bool
	LCPAll          []lcpEntry // every candidate, in order
	Resources       []resource // the page's own network responses
	PageBytes       int64
	ServerBytes     int64 // body bytes the server sent during the visit, service worker included
	ServerRequests  int
	WasmServed      int // times app.wasm was sent
	// WasmCached: the page took app.wasm from the HTTP cache or the service worker, not
	// the network. Under DevTools emulation the worker's unthrottled precache can fill the
	// browser context's HTTP cache before the page asks: such a run is not a cold load.
	WasmCached bool
	// WasmFrom says which cache answered a request for app.wasm ("service worker",
	// "HTTP cache"), or "" if none did (a cached run without it: no request was seen).
	WasmFrom string
}

// linkMode is one way of slowing the network for cold loads.
type linkMode struct {
	Name     string
	About    string
	DevTools bool // DevTools network emulation of the page; otherwise the server shapes the link
	Runs     []coldRun
	Hello    []coldRun // the go-app hello world's cold loads, same link and CPU
}

// browserReport holds the browser measurements.
type browserReport struct {
	Chromium   string
	Modes      []*linkMode
	WarmSlow   float64   // ms to ready, second visit, 4× CPU
	WarmFast   float64   // ms to ready, second visit, no CPU slowdown
	Edits      []float64 // at cpuSlowdown
	EditsFrame []float64
	EditsFast  []float64          // without CPU slowdown
	Floor      []float64          // the same measure on floorPage, at the CPU slowdown
	EditCost   map[string]float64 // main-thread ms per edit by kind (Script, Layout, ...), at cpuSlowdown
	Fields     []fieldEdits       // input to paint per field type, at cpuSlowdown
}

// fieldEdits is the input-to-paint latency of edits of one kind of field.
type fieldEdits struct {
	Field, Kind string
	Paint       []float64       // ms from the event to the end of the first painted frame after the DOM changed
	Mutations   []mutationCount // what each edit changed in the DOM until that frame (load does not change it)
}

func measureBrowser(ctx context.Context, c config, r *report, logf func(string, ...any)) error {
	dist, err := harness.Dist(c.dist)
	if err != nil {
		return err
	}
	var helloPlain, helloShaped *harness.Server
	if site := r.size.helloSite; site != "" {
		helloPlain = harness.NewServer(site, harness.Options{Gzip: true})
		helloShaped = harness.NewServer(site, harness.Options{Gzip: true,
			Link: &harness.Link{RTT: time.Duration(rttMS) * time.Millisecond, Down: downBitsPS}})
		for _, s := range []*harness.Server{helloPlain, helloShaped} {
			if err := s.Start("127.0.0.1:0"); err != nil {
				return err
			}
			defer s.Stop()
		}
		if err := warmGzip(helloPlain, site); err != nil {
			return err
		}
	}
	chrome, err := harness.ChromePath()
	if err != nil {
		return err
	}
	plain := harness.NewServer(dist, harness.Options{Gzip: true})
	shaped := harness.NewServer(dist, harness.Options{Gzip: true,
		Link: &harness.Link{RTT: time.Duration(rttMS) * time.Millisecond, Down: downBitsPS}})
	for _, s := range []*harness.Server{plain, shaped} {
		if err := s.Start("127.0.0.1:0"); err != nil {
			return err
		}
		defer s.Stop()
	}
	if err := warmGzip(plain, dist); err != nil {
		return err
	}

	dataDir, err := os.MkdirTemp("", "hit-bench-chromium-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dataDir)
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, harness.AllocatorOptions(chrome, dataDir)...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(alloc)
	defer cancelBrowser()
	var product string
	if err := chromedp.Run(bctx, chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		_, product, _, _, _, err = browser.GetVersion().Do(ctx)
		return err
	})); err != nil {
		return fmt.Errorf("launch chromium: %w", err)
	}
	r.browser.Chromium = product

	r.browser.Modes = []*linkMode{
		{Name: "DevTools emulation", DevTools: true, About: "DevTools network emulation of the page " +
			"(Network.emulateNetworkConditions), with the page bypassing the service worker " +
			"(Network.setBypassServiceWorker): the worker's own downloads are not slowed by DevTools, so " +
			"otherwise it could install first and serve the page's app.wasm from its cache."},
		{Name: "link shaped at the server", About: "the server waits one RTT per new connection and per " +
			"response and sends all bodies through one shared 1.6 Mbit/s bucket, so the service worker's " +
			"precache competes with the page for the link as it would on a phone."},
	}
	var last context.Context
	for mi, mode := range r.browser.Modes {
		s, hs := plain, helloPlain
		if !mode.DevTools {
			s, hs = shaped, helloShaped
		}
		for i := 0; hs != nil && i < c.runs; i++ {
			logf("hello world cold load %d/%d, %s, %g× CPU…", i+1, c.runs, mode.Name, cpuSlowdown)
			tctx, cancel, err := harness.NewTab(bctx)
			if err != nil {
				return err
			}
			run, err := coldLoad(tctx, hs, mode.DevTools, helloReady)
			cancel()
			if err != nil {
				return fmt.Errorf("hello world cold load %d (%s): %w", i+1, mode.Name, err)
			}
			logf("  ready after %.0f ms", run.Ready)
			mode.Hello = append(mode.Hello, run)
		}
		for i := range c.runs {
			logf("cold load %d/%d, %s, %g× CPU…", i+1, c.runs, mode.Name, cpuSlowdown)
			tctx, cancel, err := harness.NewTab(bctx)
			if err != nil {
				return err
			}
			run, err := coldLoad(tctx, s, mode.DevTools, appReady)
			if err != nil {
				cancel()
				return fmt.Errorf("cold load %d (%s): %w", i+1, mode.Name, err)
			}
			logf("  ready after %.0f ms, LCP %.0f ms (%s); edit 100 ms after ready: %.0f ms late, painted %.0f ms later",
				run.Ready, run.LCP, run.LCPEl, run.Probe.Late, run.Probe.Paint)
			mode.Runs = append(mode.Runs, run)
			if mi == 0 && i == c.runs-1 {
				last = tctx
				defer cancel()
			} else {
				cancel()
			}
		}
	}

	// The tab of the last DevTools run measures the warm start: its service worker is
	// installed. Other runs opened windows after it: bring it to the front, as the page a
	// person uses is.
	if err := chromedp.Run(last, page.BringToFront()); err != nil {
		return err
	}
	logf("warm start from the service worker…")
	if r.browser.WarmSlow, err = warmLoad(last, plain, cpuSlowdown); err != nil {
		return fmt.Errorf("warm load: %w", err)
	}
	if r.browser.WarmFast, err = warmLoad(last, plain, 1); err != nil {
		return fmt.Errorf("warm load: %w", err)
	}
	// The edits are made in a tab of their own, as `-fields` makes them: the cold-load tab
	// keeps that load's instrumentation (its metrics script on every page, DevTools'
	// network emulation and Network events), and in it the fields' p95 came out 15–45 ms
	// higher and the p50 3–27 ms higher than in a fresh tab, the same build on the same
	// machine (README, "Input to paint").
	edits, cancelEdits, err := harness.NewTab(bctx)
	if err != nil {
		return err
	}
	defer cancelEdits()
	logf("input-to-paint latency, %d edits at %g× CPU and at 1×…", c.edits, cpuSlowdown)
	if r.browser.Edits, r.browser.EditsFrame, r.browser.EditCost, err = editLatency(edits, plain, c.edits, cpuSlowdown); err != nil {
		return err
	}
	if r.browser.EditsFast, _, _, err = editLatency(edits, plain, c.edits, 1); err != nil {
		return err
	}
	logf("input-to-paint latency of the measure's floor page, %d edits at %g× CPU…", c.edits, cpuSlowdown)
	if r.browser.Floor, err = floorLatency(edits, c.edits, cpuSlowdown); err != nil {
		return err
	}
	for _, f := range fieldKinds {
		logf("input-to-paint latency, %d edits of %s at %g× CPU…", c.edits, f.Field, cpuSlowdown)
		paint, muts, err := fieldLatency(edits, plain, f, c.edits, cpuSlowdown)
		if err != nil {
			return err
		}
		f.Paint, f.Mutations = paint, muts
		r.browser.Fields = append(r.browser.Fields, f)
	}
	return nil
}

// warmGzip fetches every file once so that the server's gzip cache is filled before
// anything is timed.
func warmGzip(s *harness.Server, dist string) error {
	return filepath.WalkDir(dist, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dist, p)
		req, _ := http.NewRequest(http.MethodGet, s.URL()+filepath.ToSlash(rel), nil)
		req.Header.Set("Accept-Encoding", "gzip")
		resp, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			return err
		}
		resp.Body.Close()
		return nil
	})
}

// throttle applies the link profile and the CPU slowdown to the tab.
func throttle(cpu float64, link bool) chromedp.Tasks {
	t := chromedp.Tasks{emulation.SetCPUThrottlingRate(cpu)}
	if link {
		t = append(t, network.EmulateNetworkConditions(false, rttMS, downBitsPS/8, upBitsPS/8))
	}
	return t
}

// evaluate runs a JavaScript expression, awaiting a promise.
func evaluate(expr string, out any) chromedp.Action {
	return chromedp.Evaluate(expr, out, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
		return p.WithAwaitPromise(true)
	})
}

// waitJS polls a JavaScript condition, also across navigations.
func waitJS(ctx context.Context, expr string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		var ok bool
		err := chromedp.Run(ctx, evaluate(`(async () => !!(await (`+expr+`)))()`, &ok))
		if err == nil && ok {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("timed out after %v waiting for %s (last error %v)", timeout, expr, err)
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func readMetrics(ctx context.Context) (pageMetrics, error) {
	var m pageMetrics
	err := chromedp.Run(ctx, evaluate(`({
		fcp: (performance.getEntriesByName('first-contentful-paint')[0] || {startTime: -1}).startTime,
		wasm: (performance.getEntriesByType('resource').filter(e => /\/app\.wasm(\.xz)?$/.test(e.name)).pop() || {responseEnd: -1}).responseEnd,
		ready: window.__hitBench.ready, lcp: window.__hitBench.lcp,
		mounted: window.hitPanelsMounted === undefined ? -1 : window.hitPanelsMounted, probe: window.__hitBench.probe || null})`, &m))
	return m, err
}

func coldLoad(ctx context.Context, s *harness.Server, devtools bool, ready string) (coldRun, error) {
	var run coldRun
	var mu sync.Mutex
	urls := map[network.RequestID]string{}
	enc := map[network.RequestID]string{}
	fromCache := map[network.RequestID]bool{}
	var wasmFrom string // where a cached response of app.wasm came from, for the report
	var res []resource
	chromedp.ListenTarget(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			urls[e.RequestID] = e.Request.URL
		case *network.EventResponseReceived:
			enc[e.RequestID] = headerString(e.Response.Headers, "content-encoding")
			fromCache[e.RequestID] = e.Response.FromServiceWorker || e.Response.FromDiskCache
			if u := e.Response.URL; strings.HasSuffix(u, "/app.wasm") || strings.HasSuffix(u, "/app.wasm.xz") {
				switch {
				case e.Response.FromServiceWorker:
					wasmFrom = "service worker"
				case e.Response.FromDiskCache:
					wasmFrom = "HTTP cache"
				}
			}
		case *network.EventLoadingFinished:
			if !fromCache[e.RequestID] && !strings.HasPrefix(urls[e.RequestID], "data:") {
				res = append(res, resource{URL: urls[e.RequestID], Bytes: int64(e.EncodedDataLength), Encoding: enc[e.RequestID]})
			}
		}
	})
	s.ResetLog()
	if err := chromedp.Run(ctx,
		network.Enable(),
		// A new browser context did not always start with an empty HTTP cache: a hello-world
		// run took its app.wasm from the disk cache (CDP's fromDiskCache) in one of three.
		network.SetCacheDisabled(true),
		// With DevTools emulation the service worker's downloads are not slowed: it would
		// install in a blink and answer the page's own app.wasm request from its cache.
		// Bypassing it keeps that mode a measure of the page's own loading.
		network.SetBypassServiceWorker(devtools),
		throttle(cpuSlowdown, devtools),
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(metricsJS(ready)).Do(ctx)
			return err
		}),
		chromedp.Navigate(s.URL()),
	); err != nil {
		return run, err
	}
	if err := waitJS(ctx, `window.__hitBench && window.__hitBench.ready !== null`, readyTimeout); err != nil {
		return run, err
	}
	if ready == appReady {
		// The slow panels mount after ready, and the probe edits the form 100 ms after it.
		if err := waitJS(ctx, `window.__hitBench.probe && `+appMountedJS, readyTimeout); err != nil {
			return run, err
		}
	}
	m, err := readMetrics(ctx)
	if err != nil {
		return run, err
	}
	// Let the service worker finish installing so that its downloads are counted.
	if err := waitJS(ctx, `navigator.serviceWorker.controller !== null`, readyTimeout); err != nil {
		return run, err
	}
	run.FCP, run.Ready, run.WasmEnd, run.Mounted = m.FCP, *m.Ready, m.Wasm, m.Mounted
	if m.Probe != nil {
		run.Probe = *m.Probe
	}
	run.LCPAll = m.LCP
	if n := len(m.LCP); n > 0 {
		l := m.LCP[n-1]
		run.LCP, run.LCPEl, run.LCPInEstimate, run.LCPLoader = l.T, l.El, l.InEstimate, l.Loader
	} else {
		run.LCP, run.LCPEl = -1, "(no entry)"
	}
	mu.Lock()
	run.Resources = slices.Clone(res)
	mu.Unlock()
	run.WasmFrom = wasmFrom
	run.WasmCached = true // until the page is seen taking app.wasm from the network
	for _, x := range run.Resources {
		run.PageBytes += x.Bytes
		if strings.HasSuffix(x.URL, "/app.wasm") || strings.HasSuffix(x.URL, "/app.wasm.xz") {
			run.WasmCached = false
		}
	}
	for _, q := range s.Log() {
		run.ServerBytes += q.Bytes
		run.ServerRequests++
		if (strings.HasSuffix(q.Path, "/app.wasm") || strings.HasSuffix(q.Path, "/app.wasm.xz")) && q.Status == http.StatusOK {
			run.WasmServed++
		}
	}
	return run, nil
}

func headerString(h network.Headers, name string) string {
	for k, v := range h {
		if strings.EqualFold(k, name) {
			return fmt.Sprint(v)
		}
	}
	return ""
}

// warmLoad loads the site again in a context where the service worker is active and
// returns the time until the live app has rendered.
func warmLoad(ctx context.Context, s *harness.Server, cpu float64) (float64, error) {
	if err := chromedp.Run(ctx, network.SetBypassServiceWorker(false), throttle(cpu, false), chromedp.Navigate(s.URL()+"?"+estimate.Default().Query().Encode())); err != nil {
		return 0, err
	}
	if err := waitJS(ctx, `window.__hitBench && window.__hitBench.ready !== null`, readyTimeout); err != nil {
		return 0, err
	}
	m, err := readMetrics(ctx)
	if err != nil {
		return 0, err
	}
	return *m.Ready, nil
}

// editsJS changes #years to each value in turn and measures, for each, the time from the
// input event to the first paint after the estimate shows the model's new median: the
// first number is when the frame that paints it starts (requestAnimationFrame), the
// second when that frame is done (a task queued from that callback runs after the paint).
const editsJS = `(async (values, medians) => {
	const input = document.querySelector('#years');
	const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
	const shows = want => { const e = document.querySelector('[data-testid=estimate]'); return e && e.getAttribute('data-median') === want; };
	const out = [];
	for (let i = 0; i < values.length; i++) {
		await frame();
		const want = String(medians[i]);
		const t0 = performance.now();
		input.value = String(values[i]);
		input.dispatchEvent(new Event('input', {bubbles: true}));
		await new Promise((resolve, reject) => {
			if (shows(want)) return resolve();
			const timer = setTimeout(() => { mo.disconnect(); reject(new Error('edit ' + i + ': the estimate never showed ' + want)); }, 10000);
			const mo = new MutationObserver(() => { if (shows(want)) { mo.disconnect(); clearTimeout(timer); resolve(); } });
			mo.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
		});
		await new Promise(r => requestAnimationFrame(() => { const f = performance.now(); setTimeout(() => { out.push([f - t0, performance.now() - t0]); r(); }, 0); }));
	}
	return out;
})`

// editLatency measures n edits of the years field at a CPU slowdown.
// It also returns the main thread's time per edit by kind (Performance.getMetrics:
// Script, Layout, RecalcStyle, Task), in milliseconds.
func editLatency(ctx context.Context, s *harness.Server, n int, cpu float64) (paint, frame []float64, cost map[string]float64, err error) {
	base := estimate.Default()
	median := func(y int) int {
		in := base
		in.Years = y
		r, err := estimate.Estimate(in)
		if err != nil {
			panic(err)
		}
		return r.Estimate
	}
	var values, medians []int
	prev := base.Years
	for len(values) < n {
		next := (prev + 7) % (estimate.MaxYears + 1)
		for median(next) == median(prev) {
			next = (next + 1) % (estimate.MaxYears + 1)
		}
		values, medians = append(values, next), append(medians, median(next))
		prev = next
	}
	if err := chromedp.Run(ctx, throttle(1, false), chromedp.Navigate(s.URL()+"?"+base.Query().Encode())); err != nil {
		return nil, nil, nil, err
	}
	if err := waitJS(ctx, appMountedJS, readyTimeout); err != nil {
		return nil, nil, nil, err
	}
	vj, _ := json.Marshal(values)
	mj, _ := json.Marshal(medians)
	var out [][2]float64
	var before, after []*performance.Metric
	metrics := func(into *[]*performance.Metric) chromedp.Action {
		return chromedp.ActionFunc(func(ctx context.Context) error {
			var err error
			*into, err = performance.GetMetrics().Do(ctx)
			return err
		})
	}
	if err := chromedp.Run(ctx, performance.Enable(), throttle(cpu, false), metrics(&before),
		evaluate(fmt.Sprintf(`%s(%s, %s)`, editsJS, vj, mj), &out),
		metrics(&after), throttle(1, false)); err != nil {
		return nil, nil, nil, err
	}
	for _, o := range out {
		frame = append(frame, o[0])
		paint = append(paint, o[1])
	}
	cost = map[string]float64{}
	for _, a := range after {
		for _, b := range before {
			if a.Name == b.Name && strings.HasSuffix(a.Name, "Duration") {
				cost[strings.TrimSuffix(a.Name, "Duration")] = (a.Value - b.Value) * 1000 / float64(n)
			}
		}
	}
	return paint, frame, cost, nil
}

// fieldKinds are the form's field types whose edits are timed besides the years (which
// editLatency times against the model's numbers): the ids README documents.
var fieldKinds = []fieldEdits{
	{Field: "#role", Kind: "select"},
	{Field: "#state", Kind: "select"},
	{Field: "#edu", Kind: "select"},
	{Field: "#employer", Kind: "select"},
	{Field: "input[id^=cert-]", Kind: "checkbox"},
	{Field: "input[id^=bg-]", Kind: "radio"},
}

// fieldJS makes n edits of one field type and returns, for each, the milliseconds from
// the event to the end of the first frame painted after the page's DOM changed (a
// MutationObserver on the document: go-app renders an update in one go, so the first
// mutation is the re-render), and the DOM mutations made until that frame, with the
// number of slow panels marked as updating in it (app/ui/later.go). A number
// field gets values 7 years apart, a select gets each of its options in turn, a checkbox
// group and a radio group have each box clicked in turn (a click changes a box and fires
// its change event). An edit that changes nothing in 5 s fails the measure.
const fieldJS = `(async (sel, kind, n) => {
	const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
	const out = {paint: [], mutations: []};
	for (let i = 0; i < n; i++) {
		await frame();
		let apply;
		if (kind === 'number') {
			const el = document.querySelector(sel);
			if (!el) throw new Error('no ' + sel);
			const v = String((Number(el.value) + 7) % 41);
			apply = () => { el.value = v; el.dispatchEvent(new Event('input', {bubbles: true})); };
		} else if (kind === 'select') {
			const el = document.querySelector(sel);
			if (!el) throw new Error('no ' + sel);
			const opts = [...el.options].filter(o => !o.disabled).map(o => o.value);
			let v = opts[i % opts.length];
			if (v === el.value) v = opts[(i + 1) % opts.length];
			apply = () => { el.value = v; el.dispatchEvent(new Event('change', {bubbles: true})); };
		} else {
			let els = [...document.querySelectorAll(sel)].filter(e => !e.disabled);
			if (kind === 'radio') els = els.filter(e => !e.checked);
			if (els.length === 0) throw new Error('no ' + sel);
			const el = els[i % els.length];
			apply = () => el.click();
		}
		const count = {childList: 0, attributes: 0, characterData: 0, added: 0, removed: 0};
		const counter = new MutationObserver(records => { for (const r of records) { count[r.type]++; count.added += r.addedNodes.length; count.removed += r.removedNodes.length; } });
		counter.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
		const t0 = performance.now();
		await new Promise((resolve, reject) => {
			const mo = new MutationObserver(() => { mo.disconnect(); clearTimeout(timer); resolve(); });
			const timer = setTimeout(() => { mo.disconnect(); reject(new Error(sel + ' edit ' + i + ': no DOM change within 5 s')); }, 5000);
			mo.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
			apply();
		});
		await new Promise(r => requestAnimationFrame(() => setTimeout(() => {
			out.paint.push(performance.now() - t0);
			for (const r of counter.takeRecords()) { count[r.type]++; count.added += r.addedNodes.length; count.removed += r.removedNodes.length; }
			counter.disconnect();
			count.busy = document.querySelectorAll('.later[aria-busy=true]').length;
			out.mutations.push(count);
			r();
		}, 0)));
	}
	return out;
})`

// floorPage is the smallest page the input measure can time: a number field whose input
// event writes its value into one paragraph. Edited by fieldJS as the app's fields are, it
// gives the measure's floor on this machine: the wait for a frame and a frame that changes
// one text node.
const floorPage = `<!doctype html><html lang=en><meta charset=utf-8><title>floor</title>` +
	`<input id=years type=number value=3 aria-label=years><p id=out>3</p>` +
	`<script>document.getElementById('years').addEventListener('input', e => {` +
	`document.getElementById('out').textContent = e.target.value; });</script>`

// floorLatency times n edits of floorPage's field at a CPU slowdown.
func floorLatency(ctx context.Context, n int, cpu float64) ([]float64, error) {
	var out struct{ Paint []float64 }
	err := chromedp.Run(ctx, throttle(1, false), chromedp.Navigate("data:text/html,"+url.PathEscape(floorPage)),
		throttle(cpu, false), evaluate(fmt.Sprintf(`%s("#years", "number", %d)`, fieldJS, n), &out), throttle(1, false))
	return out.Paint, err
}

// fieldLatency times n edits of one field type at a CPU slowdown, starting from the
// default scenario.
func fieldLatency(ctx context.Context, s *harness.Server, f fieldEdits, n int, cpu float64) ([]float64, []mutationCount, error) {
	if err := chromedp.Run(ctx, throttle(1, false), chromedp.Navigate(s.URL()+"?"+estimate.Default().Query().Encode())); err != nil {
		return nil, nil, err
	}
	if err := waitJS(ctx, appMountedJS, readyTimeout); err != nil {
		return nil, nil, err
	}
	var out struct {
		Paint     []float64
		Mutations []mutationCount
	}
	sel, _ := json.Marshal(f.Field)
	kind, _ := json.Marshal(f.Kind)
	err := chromedp.Run(ctx, throttle(cpu, false), evaluate(fmt.Sprintf(`%s(%s, %s, %d)`, fieldJS, sel, kind, n), &out), throttle(1, false))
	return out.Paint, out.Mutations, err
}
