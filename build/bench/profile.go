package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// profileEdits answers "where does an edit's time go": it makes n edits of one field
// type at a CPU slowdown under the V8 sampling profiler (CDP Profiler) and writes the
// self time per function, grouped by what the function is part of (the app's render,
// go-app's diff, syscall/js, the Go runtime and its GC, the browser's DOM, style and
// layout), and the DOM mutations each edit made. Function names come from the wasm
// name section: a site built with -ldflags=-s -w (the shipped one) shows wasm-function
// indices only, so profile a build linked without -s.
func profileEdits(ctx context.Context, s *harness.Server, f fieldEdits, n int, cpu float64, w io.Writer) error {
	if err := chromedp.Run(ctx, throttle(1, false), chromedp.Navigate(s.URL()+"?"+estimate.Default().Query().Encode())); err != nil {
		return err
	}
	if err := waitJS(ctx, appMountedJS, readyTimeout); err != nil {
		return err
	}
	var out struct {
		Paint     []float64
		Mutations []mutationCount
	}
	var prof *profiler.Profile
	var before, after []*performance.Metric
	metrics := func(into *[]*performance.Metric) chromedp.Action {
		return chromedp.ActionFunc(func(ctx context.Context) error {
			var err error
			*into, err = performance.GetMetrics().Do(ctx)
			return err
		})
	}
	sel, _ := json.Marshal(f.Field)
	kind, _ := json.Marshal(f.Kind)
	err := chromedp.Run(ctx, throttle(cpu, false), performance.Enable(),
		profiler.Enable(), profiler.SetSamplingInterval(100), profiler.Start(), metrics(&before),
		evaluate(fmt.Sprintf(`%s(%s, %s, %d)`, fieldJS, sel, kind, n), &out),
		metrics(&after),
		chromedp.ActionFunc(func(ctx context.Context) error {
			var err error
			prof, err = profiler.Stop().Do(ctx)
			return err
		}), throttle(1, false))
	if err != nil {
		return err
	}
	var cost []string
	for _, a := range after {
		for _, b := range before {
			if a.Name == b.Name && strings.HasSuffix(a.Name, "Duration") {
				cost = append(cost, fmt.Sprintf("%s %.1f ms", strings.TrimSuffix(a.Name, "Duration"), (a.Value-b.Value)*1000/float64(n)))
			}
		}
	}
	fmt.Fprintf(w, "## Profile: %d edits of `%s` at %g× CPU\n\n", n, f.Field, cpu)
	fmt.Fprintf(w, "Input to paint p50 %.1f ms, p95 %.1f ms. DOM mutations per edit (median): %s.\n\n",
		percentile(out.Paint, 50), percentile(out.Paint, 95), medianMutations(out.Mutations))
	fmt.Fprintf(w, "Main-thread time per edit (Performance.getMetrics, the profiler's own cost included): %s.\n\n", strings.Join(cost, ", "))
	self, total := selfTimes(prof)
	groups := byPart(self)
	fmt.Fprintf(w, "Sampled time per edit by part (ms; the whole profile, idle excluded, %.1f ms per edit):\n\n", (total-self["(idle)"])/float64(n))
	fmt.Fprintln(w, "| part | ms per edit |\n|---|---:|")
	for _, g := range sortedKeys(groups) {
		if g == "(idle)" {
			continue
		}
		fmt.Fprintf(w, "| %s | %.2f |\n", g, groups[g]/float64(n))
	}
	fmt.Fprintln(w, "\nThe app's and go-app's functions by total time, callees included (ms per edit):\n\n| function | ms |\n|---|---:|")
	incl := inclusiveTimes(prof)
	shown := 0
	for _, name := range sortedKeys(incl) {
		if g := groupOf(name); (g == "app/ui (render)" || g == "go-app (diff, events)") && shown < 80 {
			fmt.Fprintf(w, "| `%s` | %.2f |\n", name, incl[name]/float64(n))
			shown++
		}
	}
	fmt.Fprintln(w, "\nTop functions by self time (ms per edit):\n\n| function | ms |\n|---|---:|")
	for i, name := range sortedKeys(self) {
		if i == 40 {
			break
		}
		fmt.Fprintf(w, "| `%s` | %.2f |\n", name, self[name]/float64(n))
	}
	fmt.Fprintln(w)
	return nil
}

// mutationCount is what a MutationObserver saw during one edit: records by type and the
// nodes added and removed.
type mutationCount struct {
	ChildList, Attributes, CharacterData, Added, Removed int
	Busy                                                 int // slow panels marked as updating (aria-busy) in the measured frame
}

func medianMutations(ms []mutationCount) string {
	if len(ms) == 0 {
		return "not measured"
	}
	pick := func(get func(mutationCount) int) float64 {
		v := make([]float64, len(ms))
		for i, m := range ms {
			v[i] = float64(get(m))
		}
		return percentile(v, 50)
	}
	return fmt.Sprintf("%.0f attribute, %.0f text, %.0f child-list records (%.0f nodes added, %.0f removed); %.0f slow panels marked updating",
		pick(func(m mutationCount) int { return m.Attributes }), pick(func(m mutationCount) int { return m.CharacterData }),
		pick(func(m mutationCount) int { return m.ChildList }), pick(func(m mutationCount) int { return m.Added }),
		pick(func(m mutationCount) int { return m.Removed }), pick(func(m mutationCount) int { return m.Busy }))
}

// selfTimes sums a CPU profile's sample intervals by the function each sample was in.
func selfTimes(p *profiler.Profile) (map[string]float64, float64) {
	byID := map[int64]*profiler.ProfileNode{}
	for _, n := range p.Nodes {
		byID[n.ID] = n
	}
	self := map[string]float64{}
	var total float64
	for i, id := range p.Samples {
		if i >= len(p.TimeDeltas) {
			break
		}
		// A sample's interval is the delta to the next sample.
		var dt float64
		if i+1 < len(p.TimeDeltas) {
			dt = float64(p.TimeDeltas[i+1]) / 1000
		}
		name := "(unknown)"
		if n := byID[id]; n != nil {
			name = n.CallFrame.FunctionName
			if name == "" {
				name = "(anonymous " + lastPart(n.CallFrame.URL) + ")"
			}
		}
		self[name] += dt
		total += dt
	}
	return self, total
}

// selfTimesFrom is selfTimes of the samples taken at or after from (µs, the profile's
// clock).
func selfTimesFrom(p *profiler.Profile, from float64) (map[string]float64, float64) {
	cut := *p
	cut.Samples, cut.TimeDeltas = nil, nil
	t := p.StartTime
	for i, id := range p.Samples {
		if i >= len(p.TimeDeltas) {
			break
		}
		t += float64(p.TimeDeltas[i])
		if t >= from {
			cut.Samples = append(cut.Samples, id)
			cut.TimeDeltas = append(cut.TimeDeltas, p.TimeDeltas[i])
		}
	}
	return selfTimes(&cut)
}

// inclusiveTimes sums a CPU profile's sample intervals by every function on the
// sample's stack (once per stack, however deep the recursion).
func inclusiveTimes(p *profiler.Profile) map[string]float64 {
	parent := map[int64]int64{}
	byID := map[int64]*profiler.ProfileNode{}
	for _, n := range p.Nodes {
		byID[n.ID] = n
		for _, c := range n.Children {
			parent[c] = n.ID
		}
	}
	incl := map[string]float64{}
	for i, id := range p.Samples {
		if i+1 >= len(p.TimeDeltas) {
			break
		}
		dt := float64(p.TimeDeltas[i+1]) / 1000
		seen := map[string]bool{}
		for cur, ok := id, true; ok; cur, ok = parent[cur] {
			if n := byID[cur]; n != nil && !seen[n.CallFrame.FunctionName] {
				seen[n.CallFrame.FunctionName] = true
				incl[n.CallFrame.FunctionName] += dt
			}
		}
	}
	return incl
}

func lastPart(u string) string {
	if i := strings.LastIndex(u, "/"); i >= 0 {
		return u[i+1:]
	}
	return u
}

// groupOf names the part of the work a function belongs to.
func groupOf(name string) string {
	switch {
	case strings.HasPrefix(name, "("):
		return name // (garbage collector), (program), (idle), anonymous scripts
	case strings.Contains(name, "hit_salary_app_ui"):
		return "app/ui (render)"
	case strings.Contains(name, "hit_salary_app_estimate"):
		return "app/estimate (model)"
	case strings.Contains(name, "hit_salary_app_text"):
		return "app/text (strings)"
	case strings.Contains(name, "go_app_v10_pkg_app"):
		return "go-app (diff, events)"
	case strings.HasPrefix(name, "syscall/js"):
		return "syscall/js (Go side)"
	case strings.HasPrefix(name, "runtime.") && (strings.Contains(name, "gc") || strings.Contains(name, "mark") ||
		strings.Contains(name, "sweep") || strings.Contains(name, "scan")):
		return "Go GC"
	case strings.HasPrefix(name, "runtime.") || strings.HasPrefix(name, "internal_runtime"):
		return "Go runtime (alloc, maps, scheduling)"
	case strings.HasPrefix(name, "reflect.") || strings.HasPrefix(name, "internal_reflectlite"):
		return "reflect (go-app's field comparison)"
	case strings.HasPrefix(name, "strconv.") || strings.HasPrefix(name, "internal_strconv") || strings.HasPrefix(name, "fmt.") ||
		strings.HasPrefix(name, "strings.") || strings.HasPrefix(name, "net_url") || strings.HasPrefix(name, "slices.") || strings.HasPrefix(name, "sort."):
		return "Go std (strings, fmt, url)"
	case strings.HasPrefix(name, "wasm-function["):
		return "wasm (no names)"
	case strings.Contains(name, "."):
		return "Go other"
	}
	return "JS and DOM (wasm_exec glue, DOM calls)"
}

func sortedKeys(m map[string]float64) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return m[keys[i]] > m[keys[j]] })
	return keys
}

// profileSite profiles the edits c.profile names on the site c.dist, at cpuSlowdown.
func profileSite(ctx context.Context, c config, w io.Writer, logf func(string, ...any)) error {
	dist, err := harness.Dist(c.dist)
	if err != nil {
		return err
	}
	chrome, err := harness.ChromePath()
	if err != nil {
		return err
	}
	s := harness.NewServer(dist, harness.Options{Gzip: true})
	if err := s.Start("127.0.0.1:0"); err != nil {
		return err
	}
	defer s.Stop()
	dataDir, err := os.MkdirTemp("", "hit-bench-chromium-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dataDir)
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, harness.AllocatorOptions(chrome, dataDir)...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(alloc)
	defer cancelBrowser()
	if err := chromedp.Run(bctx); err != nil {
		return fmt.Errorf("launch chromium: %w", err)
	}
	tctx, cancel, err := harness.NewTab(bctx)
	if err != nil {
		return err
	}
	defer cancel()
	if c.profile == "start-trace" {
		return traceStart(tctx, s, cpuSlowdown, w)
	}
	if c.profile == "start" || c.profile == "start-slow4g" {
		return profileStart(tctx, s, cpuSlowdown, c.profile == "start-slow4g", w)
	}
	if c.fields != "" {
		return fieldsOnly(tctx, s, c.fields, c.edits, cpuSlowdown, w, logf)
	}
	kinds := append([]fieldEdits{{Field: "#years", Kind: "number"}}, fieldKinds...)
	for _, f := range kinds {
		if c.trace != "" {
			if c.trace != "all" && !slices.Contains(strings.Split(c.trace, ","), f.Field) {
				continue
			}
			logf("tracing %d edits of %s…", c.edits, f.Field)
			if err := traceEdits(tctx, s, f, c.edits, cpuSlowdown, w); err != nil {
				return fmt.Errorf("trace %s: %w", f.Field, err)
			}
			continue
		}
		if c.profile != "all" && !slices.Contains(strings.Split(c.profile, ","), f.Field) {
			continue
		}
		logf("profiling %d edits of %s…", c.edits, f.Field)
		if err := profileEdits(tctx, s, f, c.edits, cpuSlowdown, w); err != nil {
			return fmt.Errorf("profile %s: %w", f.Field, err)
		}
	}
	return nil
}

// profileStart profiles a load of the start page from the local server (no link
// throttling, the wasm from the network, not the service worker) at a CPU slowdown: what
// the main thread does from navigation until the live app has rendered (time to
// interactive), and then until every slow panel is mounted (app/ui/boot.go). The page
// itself starts and ends the two profiles (console.profile), so each ends in the task
// that reached its mark, not when the bench next looks.
func profileStart(ctx context.Context, s *harness.Server, cpu float64, link bool, w io.Writer) error {
	var mu sync.Mutex
	profs := map[string]*profiler.Profile{}
	wasmReq := map[network.RequestID]bool{}
	var lastByte float64 // when app.wasm(.xz)'s last byte arrived, in the profiler's clock (µs)
	chromedp.ListenTarget(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *profiler.EventConsoleProfileFinished:
			profs[e.Title] = e.Profile
		case *network.EventRequestWillBeSent:
			if strings.HasSuffix(e.Request.URL, "/app.wasm.xz") || strings.HasSuffix(e.Request.URL, "/app.wasm") {
				wasmReq[e.RequestID] = true
			}
		case *network.EventLoadingFinished:
			// Network timestamps and the profile's times are both the browser's
			// monotonic clock, in seconds and µs.
			if wasmReq[e.RequestID] && e.Timestamp != nil {
				lastByte = e.Timestamp.Time().Sub(*cdp.MonotonicTimeEpoch).Seconds() * 1e6
			}
		}
	})
	var m pageMetrics
	err := chromedp.Run(ctx, network.Enable(), network.SetBypassServiceWorker(true), throttle(cpu, link),
		profiler.Enable(), profiler.SetSamplingInterval(200),
		chromedp.ActionFunc(func(ctx context.Context) error {
			if _, err := page.AddScriptToEvaluateOnNewDocument(metricsJS(appReady)).Do(ctx); err != nil {
				return err
			}
			_, err := page.AddScriptToEvaluateOnNewDocument(startProfileJS).Do(ctx)
			return err
		}),
		chromedp.Navigate(s.URL()+"?"+estimate.Default().Query().Encode()),
		chromedp.ActionFunc(func(ctx context.Context) error {
			return waitJS(ctx, `window.__hitProfiled === true`, readyTimeout)
		}),
		chromedp.ActionFunc(func(ctx context.Context) error {
			var err error
			m, err = readMetrics(ctx)
			return err
		}), throttle(1, false))
	if err != nil {
		return err
	}
	// The finished profiles arrive as events; give the last one a moment.
	for range 50 {
		mu.Lock()
		n := len(profs)
		mu.Unlock()
		if n == 2 {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	mu.Lock()
	defer mu.Unlock()
	where := "loopback"
	if link {
		where = "Slow 4G by DevTools emulation"
	}
	fmt.Fprintf(w, "## Profile: start at %g× CPU, %s\n\napp.wasm(.xz) in at %.0f ms, live app ready at %.0f ms, "+
		"every slow panel mounted at %.0f ms.\n\n", cpu, where, m.Wasm, *m.Ready, m.Mounted)
	if prof := profs["start"]; prof != nil && lastByte > 0 {
		self, total := selfTimesFrom(prof, lastByte)
		groups := byPart(self)
		fmt.Fprintf(w, "### from app.wasm(.xz)'s last byte to ready\n\n%.0f ms sampled, idle included. By part (ms):\n\n| part | ms |\n|---|---:|\n", total)
		for _, g := range sortedKeys(groups) {
			fmt.Fprintf(w, "| %s | %.1f |\n", g, groups[g])
		}
		fmt.Fprintln(w, "\nTop functions by self time (ms):\n\n| function | ms |\n|---|---:|")
		for i, name := range sortedKeys(self) {
			if i == 30 {
				break
			}
			fmt.Fprintf(w, "| `%s` | %.1f |\n", name, self[name])
		}
		fmt.Fprintln(w)
	}
	for _, part := range []struct{ title, about string }{
		{"start", "from navigation to ready"},
		{"panels", "from ready until every slow panel is mounted"},
	} {
		prof := profs[part.title]
		if prof == nil {
			fmt.Fprintf(w, "(no profile %s)\n\n", part.about)
			continue
		}
		self, total := selfTimes(prof)
		groups := byPart(self)
		fmt.Fprintf(w, "### %s\n\nSampled time by part (ms, %.0f ms in all, idle included):\n\n| part | ms |\n|---|---:|\n", part.about, total)
		for _, g := range sortedKeys(groups) {
			fmt.Fprintf(w, "| %s | %.1f |\n", g, groups[g])
		}
		incl := inclusiveTimes(prof)
		fmt.Fprintln(w, "\nBy total time, callees included (ms):\n\n| function | ms |\n|---|---:|")
		for i, name := range sortedKeys(incl) {
			if i == 60 {
				break
			}
			fmt.Fprintf(w, "| `%s` | %.1f |\n", name, incl[name])
		}
		fmt.Fprintln(w)
	}
	return nil
}

// startProfileJS profiles the page's start in two parts (console.profile, reported by
// the Profiler domain): "start" until the live estimate is on the page, "panels" from
// then until the app says every slow panel is mounted (window.hitPanelsMounted), or 5 s.
const startProfileJS = `(() => {
	console.profile('start');
	const mo = new MutationObserver(() => {
		if (!document.querySelector('` + appReady + `')) return;
		mo.disconnect();
		console.profileEnd('start');
		console.profile('panels');
		const readyAt = performance.now();
		const done = () => {
			// A build without staged mounting never says: stop after 5 s.
			if (window.hitPanelsMounted === undefined && performance.now() - readyAt < 5000) { setTimeout(done, 5); return; }
			console.profileEnd('panels');
			window.__hitProfiled = true;
		};
		done();
	});
	mo.observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ['data-source']});
})();`

// byPart sums self times by what each function is part of (groupOf).
func byPart(self map[string]float64) map[string]float64 {
	groups := map[string]float64{}
	for name, t := range self {
		groups[groupOf(name)] += t
	}
	return groups
}
