package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// stampStartJS marks, in the trace (console.timeStamp), the moment the live estimate is on
// the page and the moment every slow panel is mounted (app/ui/boot.go; a build without
// the staged mount has no wrapper empty or holding kept nodes).
const stampStartJS = `(() => {
	const mo = new MutationObserver(() => {
		if (!document.querySelector('` + appReady + `')) return;
		mo.disconnect();
		console.timeStamp('hit-ready');
		const done = () => {
			if (!(` + appMountedJS + `)) { setTimeout(done, 5); return; }
			console.timeStamp('hit-mounted');
			window.__hitStamped = true;
		};
		done();
	});
	mo.observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ['data-source']});
})();`

// traceStart records a DevTools trace of a cold start under DevTools' Slow 4G and a CPU
// slowdown and writes, for the page's main thread and the page's workers, the wall time
// and the thread CPU time of their tasks from navigation to app.wasm(.xz)'s last byte,
// from then to ready and from ready until every slow panel is mounted, with the main
// thread's events by CPU time after the last byte. Thread CPU time (tdur) is what the
// thread ran: the load of other processes does not lengthen it, nor does DevTools' CPU
// slowdown, which pauses the thread.
func traceStart(ctx context.Context, s *harness.Server, cpu float64, w io.Writer) error {
	var mu sync.Mutex // guards what the network events tell
	sink := newTraceSink()
	wasmReq := map[network.RequestID]bool{}
	var lastByte, navAt float64 // µs, the trace's clock: the wasm's last byte, the page's request
	lctx, stop := context.WithCancel(ctx)
	defer stop()
	chromedp.ListenTarget(lctx, func(ev any) {
		if sink.take(ev) {
			return
		}
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			if navAt == 0 && e.Timestamp != nil {
				navAt = e.Timestamp.Time().Sub(*cdp.MonotonicTimeEpoch).Seconds() * 1e6 // the page's own request
			}
			if strings.HasSuffix(e.Request.URL, "/app.wasm.xz") || strings.HasSuffix(e.Request.URL, "/app.wasm") {
				wasmReq[e.RequestID] = true
			}
		case *network.EventLoadingFinished:
			if wasmReq[e.RequestID] && e.Timestamp != nil {
				lastByte = e.Timestamp.Time().Sub(*cdp.MonotonicTimeEpoch).Seconds() * 1e6
			}
		}
	})
	err := chromedp.Run(ctx, network.Enable(), network.SetBypassServiceWorker(true), throttle(cpu, true),
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(stampStartJS).Do(ctx)
			return err
		}),
		tracing.Start().WithTransferMode(tracing.TransferModeReportEvents).
			WithTraceConfig(&tracing.TraceConfig{IncludedCategories: append([]string{"v8", "disabled-by-default-v8.compile"}, traceCategories...)}),
		chromedp.Navigate(s.URL()+"?"+estimate.Default().Query().Encode()),
		chromedp.ActionFunc(func(ctx context.Context) error {
			return waitJS(ctx, `window.__hitStamped === true`, readyTimeout)
		}),
		tracing.End(), throttle(1, false))
	if err != nil {
		return err
	}
	events, err := sink.events(ctx)
	if err != nil {
		return err
	}
	mu.Lock()
	defer mu.Unlock()
	type thread struct{ pid, tid int }
	names := map[thread]string{}
	var nav, ready, mounted float64
	for _, e := range events {
		th := thread{e.Pid, e.Tid}
		if e.Ph == "M" && e.Name == "thread_name" {
			var a struct {
				Name string `json:"name"`
			}
			json.Unmarshal(e.Args, &a)
			names[th] = a.Name
		}
		if e.Name == "TimeStamp" {
			var a struct {
				Data struct {
					Message string `json:"message"`
				} `json:"data"`
			}
			json.Unmarshal(e.Args, &a)
			switch a.Data.Message {
			case "hit-ready":
				ready = e.Ts
			case "hit-mounted":
				mounted = e.Ts
			}
		}
	}
	nav = navAt
	if ready == 0 || lastByte == 0 {
		return fmt.Errorf("trace: no ready stamp (%v) or no last byte of the wasm (%v)", ready, lastByte)
	}
	// The page's main thread is the renderer main thread that stamped ready.
	var main thread
	for _, e := range events {
		if e.Name == "TimeStamp" && e.Ts == ready {
			main = thread{e.Pid, e.Tid}
		}
	}
	windows := []struct {
		name     string
		from, to float64
	}{
		{"the page's request to the wasm's last byte", nav, lastByte},
		{"last byte to ready", lastByte, ready},
		{"ready to every slow panel mounted", ready, mounted},
	}
	// clip is the part of a task in [from, to): wall µs and its CPU µs in proportion.
	clip := func(e traceEvent, from, to float64) (wall, cpu float64) {
		a, b := max(e.Ts, from), min(e.Ts+e.Dur, to)
		if b <= a || e.Dur <= 0 {
			return 0, 0
		}
		return b - a, e.TDur * (b - a) / e.Dur
	}
	fmt.Fprintf(w, "## Trace: cold start, Slow 4G by DevTools, %g× CPU\n\n", cpu)
	fmt.Fprintf(w, "app.wasm(.xz)'s last byte at %.0f ms, ready at %.0f ms, every slow panel mounted at %.0f ms (from the page's request).\n\n",
		(lastByte-nav)/1000, (ready-nav)/1000, (mounted-nav)/1000)
	fmt.Fprintln(w, "| window | wall ms | main thread: tasks ms | main thread CPU ms | workers' CPU ms |\n|---|---:|---:|---:|---:|")
	for _, win := range windows {
		var mainWall, mainCPU, workerCPU float64
		for _, e := range events {
			if e.Ph != "X" || e.Name != "RunTask" {
				continue
			}
			wall, c := clip(e, win.from, win.to)
			th := thread{e.Pid, e.Tid}
			switch {
			case th == main:
				mainWall += wall
				mainCPU += c
			case th.pid == main.pid && strings.Contains(names[th], "Worker"):
				workerCPU += c
			}
		}
		fmt.Fprintf(w, "| %s | %.0f | %.0f | %.0f | %.0f |\n", win.name, (win.to-win.from)/1000, mainWall/1000, mainCPU/1000, workerCPU/1000)
	}
	// The main thread's events after the last byte, by CPU time (nested events are
	// counted in each of their ancestors too).
	byName := map[string]float64{}
	for _, e := range events {
		if e.Ph == "X" && (thread{e.Pid, e.Tid}) == main {
			if _, c := clip(e, lastByte, ready); c > 0 {
				byName[e.Name] += c
			}
		}
	}
	keys := make([]string, 0, len(byName))
	for k := range byName {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return byName[keys[i]] > byName[keys[j]] })
	fmt.Fprintln(w, "\nMain-thread events from the last byte to ready, by thread CPU time (ms; a nested event counts in its parents too):")
	fmt.Fprintln(w)
	for i, k := range keys {
		if i == 25 {
			break
		}
		fmt.Fprintf(w, "- %s: %.1f\n", k, byName[k]/1000)
	}
	fmt.Fprintln(w)
	return nil
}
