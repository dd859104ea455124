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

// Targets.
const (
	targetSizeRatio  = 1.10
	targetFloorRatio = 1.15
	targetEditP95    = 33.0 // ms: two frames at 60 Hz
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
// really downloaded app.wasm (all runs if none did).
func medianRun(runs []coldRun) coldRun {
	s := slices.DeleteFunc(slices.Clone(runs), func(c coldRun) bool { return c.WasmCached })
	if len(s) == 0 {
		s = slices.Clone(runs)
	}
	slices.SortFunc(s, func(a, b coldRun) int { return int(a.Ready - b.Ready) })
	return s[len(s)/2]
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
	p("Both built with `GOOS=js GOARCH=wasm go %s`.", strings.Join(wasmFlags, " "))
	p("")
	p("| file | raw | gzip -9 | brotli -q 11 |")
	p("|---|---:|---:|---:|")
	row := func(name string, s sizes) {
		br := "—"
		if s.Brotli >= 0 {
			br = kb(s.Brotli)
		}
		p("| %s | %s | %s | %s |", name, kb(s.Raw), kb(s.Gzip), br)
	}
	row("HIT Salary app.wasm", r.size.App)
	if r.size.HelloErr == "" {
		row("go-app hello world", r.size.Hello)
		ratio := float64(r.size.App.Gzip) / float64(r.size.Hello.Gzip)
		p("")
		p("gzip ratio app / hello world: **%.3f** (target ≤ %.2f: %s); the app adds %s compressed to what go-app itself costs.",
			ratio, targetSizeRatio, verdict(ratio <= targetSizeRatio), kb(r.size.App.Gzip-r.size.Hello.Gzip))
		if r.size.App.Brotli >= 0 && r.size.Hello.Brotli >= 0 {
			p("brotli ratio: %.3f.", float64(r.size.App.Brotli)/float64(r.size.Hello.Brotli))
		}
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
	p("p95 %.1f ms (target ≤ %.0f ms: %s).", p95, targetEditP95, verdict(p95 <= targetEditP95))
}

// writeCold reports the cold loads of one link mode.
func (r *report) writeCold(p func(string, ...any), mode *linkMode) {
	if len(mode.Runs) == 0 {
		return
	}
	med := medianRun(mode.Runs)
	p("## Cold load: Slow 4G by %s, %g× CPU slowdown", mode.Name, cpuSlowdown)
	p("")
	p("%g ms RTT, %.1f Mbit/s down, %.0f kbit/s up (Lighthouse's Slow 4G): %s "+
		"CPU slowed %g× (Emulation.setCPUThrottlingRate), empty cache, new browser context. The server "+
		"sends files gzip -9 encoded with Cache-Control max-age=600, like GitHub Pages. Times are milliseconds "+
		"from navigation start; %d run(s), the median run (by time to ready) is shown in detail.",
		rttMS, downBitsPS/1e6, upBitsPS/1e3, mode.About, cpuSlowdown, len(mode.Runs))
	p("")
	p("| run | FCP | LCP | wasm app ready | page bytes (encoded) | bytes sent by the server | app.wasm sent | page's app.wasm from |")
	p("|---|---:|---:|---:|---:|---:|---:|---|")
	cached := 0
	for i, c := range mode.Runs {
		from := "network"
		if c.WasmCached {
			from = "cache (not a cold load)"
			cached++
		}
		p("| %d | %.0f | %.0f | %.0f | %s | %s | %d× | %s |", i+1, c.FCP, c.LCP, c.Ready, kb(c.PageBytes), kb(c.ServerBytes), c.WasmServed, from)
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
	p("Time until the wasm app has rendered (`[data-testid=estimate][data-source=wasm]`): **%.0f ms** = **%.3f × floor** (target ≤ %.2f: %s).",
		med.Ready, ratio, targetFloorRatio, verdict(ratio <= targetFloorRatio))
	p("")
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
