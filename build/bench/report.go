package main

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/hit-salary/hit-salary/build/e2e/harness"
	"github.com/hit-salary/hit-salary/build/wasmbuild"
)

// report is everything measured.
type report struct {
	machine machine
	size    sizeReport
	browser browserReport
}

// machine describes where the numbers were taken.
type machine struct {
	CPU    string
	Cores  int
	Go     string
	GoApp  string
	Kernel string
}

func describeMachine() machine {
	m := machine{CPU: "unknown", Cores: runtime.NumCPU(), Go: runtime.Version(), GoApp: "unknown"}
	if f, err := os.Open("/proc/cpuinfo"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
				m.CPU = strings.TrimSpace(v)
				break
			}
		}
		f.Close()
	}
	if b, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		m.Kernel = strings.TrimSpace(string(b))
	}
	// The bench does not link go-app: read its version from go.mod.
	if root, err := harness.Root(); err == nil {
		if b, err := os.ReadFile(filepath.Join(root, "go.mod")); err == nil {
			for _, line := range strings.Split(string(b), "\n") {
				f := strings.Fields(strings.TrimPrefix(strings.TrimSpace(line), "require "))
				if len(f) >= 2 && f[0] == "github.com/maxence-charriere/go-app/v10" {
					m.GoApp = f[1]
				}
			}
		}
	}
	return m
}

// Targets (issue 9).
const (
	// targetWireRatio: app.wasm on the wire (the shipped codec) over the hello world's
	// plain gzip size, as go-app gives it.
	targetWireRatio = 0.60
	// targetTTIRatio: the app's cold time to interactive over the hello world's.
	targetTTIRatio = 0.70
	targetEditP95  = 33.0 // ms: two frames at 60 Hz
)

func verdict(ok bool) string {
	if ok {
		return "meets target"
	}
	return "**misses target**"
}

// percentile returns the p-th percentile (nearest rank) of xs.
func percentile(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	i := int(math.Ceil(p/100*float64(len(s)))) - 1
	return s[max(0, min(i, len(s)-1))]
}

func kb(n int64) string { return fmt.Sprintf("%.1f KiB", float64(n)/1024) }

// medianRun is the cold run with the median time to ready, among the runs whose page
// really downloaded app.wasm; cold is false if none did (the median is then of all
// runs, and no cold load was measured).
func medianRun(runs []coldRun) (med coldRun, cold bool) {
	s := slices.DeleteFunc(slices.Clone(runs), func(c coldRun) bool { return c.WasmCached })
	if cold = len(s) > 0; !cold {
		s = slices.Clone(runs)
	}
	slices.SortFunc(s, func(a, b coldRun) int { return int(a.Ready - b.Ready) })
	return s[len(s)/2], cold
}

func (r *report) write(w io.Writer) {
	p := func(format string, a ...any) { fmt.Fprintf(w, format+"\n", a...) }
	m, b := r.machine, r.browser
	p("# HIT Salary benchmark")
	p("")
	p("Measured %s by `go run ./build/bench`.", time.Now().UTC().Format("2006-01-02 15:04 MST"))
	p("")
	p("| machine | |")
	p("|---|---|")
	p("| CPU | %s |", m.CPU)
	p("| cores | %d |", m.Cores)
	p("| kernel | %s |", m.Kernel)
	p("| Go | %s |", m.Go)
	p("| go-app | %s |", m.GoApp)
	p("| browser | %s (headless) |", b.Chromium)
	p("")

	p("## Size of app.wasm")
	p("")
	p("All built with `GOOS=js GOARCH=wasm go build %s` (build/wasmbuild.Flags). \"Levers\": go-app without its server "+
		"(`-tags goapp_noserver` against the patched copy), data segments merged, xz -9e. gzip -9 is what the server here "+
		"sends (Go's compress/gzip); xz is the file the page loads.", strings.Join(wasmbuild.Flags, " "))
	p("")
	p("| file | raw | gzip -9 | xz -9e | brotli -q 11 |")
	p("|---|---:|---:|---:|---:|")
	row := func(name string, s sizes) {
		opt := func(n int64) string {
			if n < 0 {
				return "—"
			}
			return fmt.Sprintf("%d", n)
		}
		p("| %s | %d | %d | %s | %s |", name, s.Raw, s.Gzip, opt(s.XZ), opt(s.Brotli))
	}
	row("HIT Salary app.wasm (levers)", r.size.App)
	if r.size.HelloErr == "" {
		row("go-app hello world, as go-app gives it", r.size.Hello)
		row("go-app hello world, same levers", r.size.HelloLevers)
		p("")
		wire := r.size.App.XZ
		if wire < 0 {
			wire = r.size.App.Gzip
		}
		ratio := float64(wire) / float64(r.size.Hello.Gzip)
		p("App on the wire (%d bytes) / hello world's plain gzip (%d bytes): **%.3f** (target ≤ %.2f: %s).",
			wire, r.size.Hello.Gzip, ratio, targetWireRatio, verdict(ratio <= targetWireRatio))
		p("")
		p("Same levers on both: gzip %.3f, xz %.3f (app / hello world). The app adds %d bytes of xz to what go-app itself costs with the levers.",
			float64(r.size.App.Gzip)/float64(r.size.HelloLevers.Gzip), float64(r.size.App.XZ)/float64(r.size.HelloLevers.XZ), r.size.App.XZ-r.size.HelloLevers.XZ)
	} else {
		p("")
		p("Hello world not measured: %s", r.size.HelloErr)
	}
	if r.size.BrotliNote != "" {
		p("Brotli: %s.", r.size.BrotliNote)
	}
	p("")

	for _, mode := range b.Modes {
		r.writeCold(p, mode)
	}

	p("## Warm start from the service worker")
	p("")
	p("Second visit in the same browser context (service worker active, everything cached): wasm app ready after **%.0f ms** at %g× CPU, %.0f ms without CPU slowdown.",
		b.WarmSlow, cpuSlowdown, b.WarmFast)
	p("")

	p("## Input to paint")
	p("")
	p("%d edits of `#years` (value set, `input` event dispatched) at %g× CPU; time from the event to the end of the first frame painted after the estimate shows the model's new median.",
		len(b.Edits), cpuSlowdown)
	p("")
	p("| | p50 | p95 | max |")
	p("|---|---:|---:|---:|")
	p("| to the end of the painted frame | %.1f ms | %.1f ms | %.1f ms |", percentile(b.Edits, 50), percentile(b.Edits, 95), percentile(b.Edits, 100))
	p("| to the start of that frame (rAF) | %.1f ms | %.1f ms | %.1f ms |", percentile(b.EditsFrame, 50), percentile(b.EditsFrame, 95), percentile(b.EditsFrame, 100))
	if len(b.Floor) > 0 {
		p("| the measure's floor: a page whose input changes one text node, %g× CPU | %.1f ms | %.1f ms | %.1f ms |", cpuSlowdown, percentile(b.Floor, 50), percentile(b.Floor, 95), percentile(b.Floor, 100))
	}
	if len(b.EditsFast) > 0 {
		p("| to the end of the painted frame, no CPU slowdown | %.1f ms | %.1f ms | %.1f ms |", percentile(b.EditsFast, 50), percentile(b.EditsFast, 95), percentile(b.EditsFast, 100))
	}
	p("")
	if len(b.EditCost) > 0 {
		var parts []string
		for _, k := range []string{"Task", "Script", "Layout", "RecalcStyle"} {
			if v, ok := b.EditCost[k]; ok {
				parts = append(parts, fmt.Sprintf("%s %.1f ms", k, v))
			}
		}
		p("Main-thread time per edit at %g× CPU (Performance.getMetrics; Script includes the wasm): %s.", cpuSlowdown, strings.Join(parts, ", "))
	}
	p("")
	p95 := percentile(b.Edits, 95)
	p("Years: p95 %.1f ms (target ≤ %.0f ms: %s).", p95, targetEditP95, verdict(p95 <= targetEditP95))
	p("")
	if len(b.Fields) > 0 {
		p("Each field type, %g× CPU, from the event to the end of the first frame painted after the DOM changed (a select gets "+
			"its options in turn, checkboxes and radios are clicked in turn):", cpuSlowdown)
		p("")
		p("| field | edits | p50 | p95 | max | target p95 ≤ %.0f ms |", targetEditP95)
		p("|---|---:|---:|---:|---:|---|")
		p("| `#years` (number, checked against the model) | %d | %.1f ms | %.1f ms | %.1f ms | %s |", len(b.Edits),
			percentile(b.Edits, 50), p95, percentile(b.Edits, 100), verdict(p95 <= targetEditP95))
		for _, f := range b.Fields {
			q := percentile(f.Paint, 95)
			p("| `%s` (%s) | %d | %.1f ms | %.1f ms | %.1f ms | %s |", f.Field, f.Kind, len(f.Paint),
				percentile(f.Paint, 50), q, percentile(f.Paint, 100), verdict(q <= targetEditP95))
		}
		p("")
		p("The measured frame shows the new estimate, range and breakdown; the slow panels (app/ui/later.go) are in it "+
			"marked as updating (aria-busy, in grey tones) and catch up %s after the last edit (settleDelay). What each edit changed in the DOM "+
			"until that frame, median per edit (does not depend on the machine's load):", "250 ms")
		p("")
		p("| field | attributes | texts | child lists (nodes added / removed) | slow panels marked updating |")
		p("|---|---:|---:|---|---:|")
		for _, f := range b.Fields {
			med := func(get func(mutationCount) int) float64 {
				v := make([]float64, len(f.Mutations))
				for i, m := range f.Mutations {
					v[i] = float64(get(m))
				}
				return percentile(v, 50)
			}
			p("| `%s` | %.0f | %.0f | %.0f (%.0f / %.0f) | %.0f |", f.Field, med(func(m mutationCount) int { return m.Attributes }),
				med(func(m mutationCount) int { return m.CharacterData }), med(func(m mutationCount) int { return m.ChildList }),
				med(func(m mutationCount) int { return m.Added }), med(func(m mutationCount) int { return m.Removed }),
				med(func(m mutationCount) int { return m.Busy }))
		}
	}
}

// writeCold reports the cold loads of one link mode.
func (r *report) writeCold(p func(string, ...any), mode *linkMode) {
	if len(mode.Runs) == 0 {
		return
	}
	med, _ := medianRun(mode.Runs) // the table below says which runs were not cold
	p("## Cold load: Slow 4G by %s, %g× CPU slowdown", mode.Name, cpuSlowdown)
	p("")
	p("%g ms RTT, %.1f Mbit/s down, %.0f kbit/s up (Lighthouse's Slow 4G): %s "+
		"CPU slowed %g× (Emulation.setCPUThrottlingRate), empty cache, new browser context. The server "+
		"sends files gzip -9 encoded with Cache-Control max-age=600, like GitHub Pages. Times are milliseconds "+
		"from navigation start; %d run(s), the median run (by time to ready) is shown in detail.",
		rttMS, downBitsPS/1e6, upBitsPS/1e3, mode.About, cpuSlowdown, len(mode.Runs))
	p("")
	p("| run | FCP | LCP | app.wasm(.xz) downloaded | wasm app ready | page bytes (encoded) | bytes sent by the server | app.wasm sent | page's app.wasm from |")
	p("|---|---:|---:|---:|---:|---:|---:|---:|---|")
	cached := 0
	for i, c := range mode.Runs {
		from := "network"
		if c.WasmCached {
			from = "cache (not a cold load)"
			if c.WasmFrom != "" {
				from = c.WasmFrom + " (not a cold load)"
			}
			cached++
		}
		p("| %d | %.0f | %.0f | %.0f | %.0f | %s | %s | %d× | %s |", i+1, c.FCP, c.LCP, c.WasmEnd, c.Ready, kb(c.PageBytes), kb(c.ServerBytes), c.WasmServed, from)
	}
	if cached > 0 {
		p("")
		p("%d run(s) took app.wasm from a cache the service worker's unthrottled precache had just filled; they are left out of the median.", cached)
	}
	p("")
	lcpWhat := "the pre-rendered estimate"
	switch {
	case med.LCPLoader:
		lcpWhat = "**go-app's loader, not the pre-rendered page**"
	case !med.LCPInEstimate:
		lcpWhat = "**not the estimate**"
	}
	if med.Mounted >= 0 {
		p("The first live frame draws the form, the estimate, its range, the breakdown and the panels that follow every edit; "+
			"the slow panels keep their pre-rendered nodes and mount one per task after it (app/ui/boot.go): in the median run "+
			"every panel was mounted at %.0f ms, %.0f ms after ready.", med.Mounted, med.Mounted-med.Ready)
		p("")
	}
	p("An edit of the years field 100 ms after ready (median run): its task ran %.0f ms late (the main thread was busy), "+
		"and the new estimate was painted %.0f ms after it ran.", med.Probe.Late, med.Probe.Paint)
	p("")
	p("Largest contentful paint element: `%s` — %s.", med.LCPEl, lcpWhat)
	if len(med.LCPAll) > 1 {
		p("")
		p("All LCP candidates of that run, in order:")
		p("")
		for _, l := range med.LCPAll {
			p("- %.0f ms, %.0f px²: `%s`", l.T, l.Size, l.El)
		}
	}
	p("")
	p("Responses the page took from the network (median run; DevTools' encoded sizes include headers):")
	p("")
	p("| URL | encoded bytes | encoding |")
	p("|---|---:|---|")
	for _, x := range med.Resources {
		path := x.URL
		if u, err := url.Parse(x.URL); err == nil {
			path = u.Path
			if u.RawQuery != "" {
				path += "?…"
			}
		}
		p("| %s | %d | %s |", path, x.Bytes, orDash(x.Encoding))
	}
	p("| **total** | **%d** (%s) | |", med.PageBytes, kb(med.PageBytes))
	p("")
	p("The server sent %s of bodies in %d responses during that visit; app.wasm was sent %d time(s). "+
		"The difference with the page's bytes is the service worker's precache.", kb(med.ServerBytes), med.ServerRequests, med.WasmServed)
	p("")
	floor := floorRounds*rttMS + float64(med.PageBytes)*8/downBitsPS*1000
	ratio := med.Ready / floor
	p("Physical floor = RTT × %d round trips (connection, HTML, the parallel round of scripts and styles, "+
		"app.wasm) + page bytes × 8 / 1.6 Mbit/s = %d × %.0f ms + %.0f ms = **%.0f ms**. It ignores CPU time (wasm "+
		"compilation, Go start-up, rendering) and the service worker's downloads, so no page reaches 1.00.",
		floorRounds, floorRounds, rttMS, float64(med.PageBytes)*8/downBitsPS*1000, floor)
	p("")
	p("Time until the wasm app has rendered (`%s`, time to interactive): **%.0f ms** = %.3f × floor.", appReady, med.Ready, ratio)
	p("")
	if len(mode.Hello) > 0 {
		h, cold := medianRun(mode.Hello)
		var times []string
		for _, x := range mode.Hello {
			t := fmt.Sprintf("%.0f (wasm downloaded at %.0f)", x.Ready, x.WasmEnd)
			if x.WasmCached {
				t += " (app.wasm from a cache: not a cold load, left out)"
				if x.WasmFrom != "" {
					t = strings.Replace(t, "from a cache", "from the "+x.WasmFrom, 1)
				}
			}
			times = append(times, t)
		}
		if !cold {
			p("The go-app hello world (go-app's defaults, plain wasm, same link and CPU), until `%s`: runs %s ms. "+
				"**Not measured**: every run took app.wasm from a cache, so there is no cold load to compare with.",
				helloReady, strings.Join(times, ", "))
			p("")
			return
		}
		tti := med.Ready / h.Ready
		p("The go-app hello world (go-app's defaults, plain wasm, same link and CPU), until `%s`: runs %s ms, median **%.0f ms** "+
			"(%d page bytes). App / hello world: **%.3f** (target ≤ %.2f: %s).",
			helloReady, strings.Join(times, ", "), h.Ready, h.PageBytes, tti, targetTTIRatio, verdict(tti <= targetTTIRatio))
		p("")
	}
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
