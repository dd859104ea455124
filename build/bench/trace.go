package main

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// traceCategories are the trace categories of DevTools' performance panel, with the
// invalidation tracking that says which node and which change made the browser recompute
// style or layout, and the top-level tasks.
var traceCategories = []string{
	"toplevel",
	"devtools.timeline",
	"disabled-by-default-devtools.timeline",
	"disabled-by-default-devtools.timeline.invalidationTracking",
}

// scriptEvents are the trace events in which the main thread runs JavaScript (and so
// the wasm): their union is the script time.
var scriptEvents = map[string]bool{
	"FunctionCall": true, "EvaluateScript": true, "TimerFire": true, "FireAnimationFrame": true,
	"EventDispatch": true, "RunMicrotasks": true, "v8.callFunction": true,
}

// traceEvent is one event of a Chromium trace (the JSON trace event format).
type traceEvent struct {
	Name string          `json:"name"`
	Cat  string          `json:"cat"`
	Ph   string          `json:"ph"`
	Ts   float64         `json:"ts"`   // µs
	Dur  float64         `json:"dur"`  // µs, complete events ("X")
	TDur float64         `json:"tdur"` // µs of the thread's CPU time, which other processes' load does not lengthen
	Pid  int             `json:"pid"`
	Tid  int             `json:"tid"`
	Args json.RawMessage `json:"args"`
}

// traceEdits answers "what does the browser do for an edit": it makes n edits of one
// field type at a CPU slowdown under a DevTools trace and writes, per edit, the main
// thread's script time, style recalculations (and the elements they touched), layouts
// (the objects they laid out), pre-paint, paint, layerize and commit, and the changes
// that invalidated style and layout (node and reason), most frequent first.
func traceEdits(ctx context.Context, s *harness.Server, f fieldEdits, n int, cpu float64, w io.Writer) error {
	if err := chromedp.Run(ctx, throttle(1, false), chromedp.Navigate(s.URL()+"?"+estimate.Default().Query().Encode())); err != nil {
		return err
	}
	if err := waitJS(ctx, appMountedJS, readyTimeout); err != nil {
		return err
	}
	// Each edit starts a window of the trace: its first input, change or click event
	// stamps it (console.timeStamp; a click on a box fires all three at once, and the
	// bench waits a frame between edits), so that the report can give medians per edit,
	// which an edit slowed by the machine's load (and a catch-up of the slow panels it
	// lets in) does not move as it moves a sum.
	const stampJS = `(() => { let armed = true; const stamp = () => { if (armed) { armed = false; console.timeStamp('` + editStamp + `'); requestAnimationFrame(() => { armed = true; }); } };
		for (const type of ['input', 'change', 'click']) window.addEventListener(type, stamp, true); })()`
	if err := chromedp.Run(ctx, chromedp.Evaluate(stampJS, nil)); err != nil {
		return err
	}
	sink := newTraceSink()
	lctx, stop := context.WithCancel(ctx)
	defer stop()
	chromedp.ListenTarget(lctx, func(ev any) { sink.take(ev) })
	var out struct {
		Paint     []float64
		Mutations []mutationCount
	}
	sel, _ := json.Marshal(f.Field)
	kind, _ := json.Marshal(f.Kind)
	err := chromedp.Run(ctx, throttle(cpu, false),
		tracing.Start().WithTransferMode(tracing.TransferModeReportEvents).
			WithTraceConfig(&tracing.TraceConfig{IncludedCategories: traceCategories}),
		evaluate(fmt.Sprintf(`%s(%s, %s, %d)`, fieldJS, sel, kind, n), &out),
		tracing.End(), throttle(1, false))
	if err != nil {
		return err
	}
	events, err := sink.events(ctx)
	if err != nil {
		return err
	}
	t := summarizeTrace(events)
	per := func(us float64) float64 { return us / 1000 / float64(n) }
	fmt.Fprintf(w, "## Trace: %d edits of `%s` at %g× CPU\n\n", n, f.Field, cpu)
	fmt.Fprintf(w, "Input to paint p50 %.1f ms, p95 %.1f ms (under tracing). DOM mutations per edit (median): %s.\n\n",
		percentile(out.Paint, 50), percentile(out.Paint, 95), medianMutations(out.Mutations))
	fmt.Fprintln(w, "| per edit | ms | CPU ms | count | size |\n|---|---:|---:|---:|---|")
	fmt.Fprintf(w, "| main-thread tasks | %.1f | %.1f | %.1f | |\n", per(t.task), per(t.taskCPU), float64(t.tasks)/float64(n))
	fmt.Fprintf(w, "| script (JS and wasm) | %.1f | | | |\n", per(t.script))
	for _, name := range []string{"EventDispatch", "TimerFire"} {
		fmt.Fprintf(w, "| script in %s | %.1f | %.1f | %.1f | |\n", name, per(t.byName[name]), per(t.cpuByName[name]), float64(t.countByName[name])/float64(n))
	}
	fmt.Fprintf(w, "| RecalcStyle | %.1f | %.1f | %.1f | %.0f elements each |\n", per(t.style), per(t.cpuByName["UpdateLayoutTree"]), float64(t.styles)/float64(n), t.avg(t.styleElems, t.styles))
	fmt.Fprintf(w, "| Layout | %.1f | %.1f | %.1f | %.0f dirty of %.0f objects each; roots: %s |\n", per(t.layout), per(t.cpuByName["Layout"]), float64(t.layouts)/float64(n),
		t.avg(t.layoutDirty, t.layouts), t.avg(t.layoutTotal, t.layouts), topCounts(t.layoutRoots, 3, n))
	for _, name := range []string{"PrePaint", "Paint", "Layerize", "Commit", "HitTest", "UpdateLayer"} {
		fmt.Fprintf(w, "| %s | %.1f | %.1f | %.1f | |\n", name, per(t.byName[name]), per(t.cpuByName[name]), float64(t.countByName[name])/float64(n))
	}
	if m := t.medians(); m != nil {
		fmt.Fprintf(w, "\nMedian over the %d edits, each from its input event to the next edit's: main-thread CPU %.1f ms, "+
			"script CPU %.1f ms, %.0f style recalculations of %.0f elements in all (%.1f ms CPU), %.0f layouts (%.1f ms CPU), "+
			"%.0f paints (%.1f ms CPU).\n", len(t.edits), m.taskCPU/1000, m.scriptCPU/1000, m.styles, m.styleElems, m.styleCPU/1000,
			m.layouts, m.layoutCPU/1000, m.paints, m.paintCPU/1000)
	}
	fmt.Fprintf(w, "\nWhat invalidated style (per edit, most frequent first): %s.\n\n", topCounts(t.styleCauses, 12, n))
	fmt.Fprintf(w, "What invalidated layout (per edit): %s.\n\n", topCounts(t.layoutCauses, 8, n))
	fmt.Fprintln(w, "Main-thread events by total time (ms per edit, nested events counted in each):")
	fmt.Fprintln(w)
	for i, name := range sortedKeys(t.byName) {
		if i == 15 {
			break
		}
		fmt.Fprintf(w, "%s %.2f; ", name, per(t.byName[name]))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w)
	return nil
}

// traceSummary is what traceEdits reads from a trace, on the page's main thread.
type traceSummary struct {
	task, script, style, layout float64 // µs
	taskCPU                     float64 // µs of CPU time in tasks
	cpuByName                   map[string]float64
	tasks, styles, layouts      int
	styleElems                  float64
	layoutDirty, layoutTotal    float64
	layoutRoots                 map[string]int
	byName                      map[string]float64 // µs of complete events by name
	countByName                 map[string]int
	styleCauses, layoutCauses   map[string]int
	edits                       []editCost // one per edit, in order
}

// editStamp is the console.timeStamp message that starts each edit's window.
const editStamp = "hit-edit"

// editCost is what the main thread did from one edit's input event to the next's.
type editCost struct {
	taskCPU, scriptCPU, styleCPU, layoutCPU, paintCPU float64 // µs
	styles, styleElems, layouts, paints               float64
	scripts                                           []traceEvent // script events, to count nested ones once
}

// medians is the median of each of the edits' costs, or nil without edit windows.
func (t *traceSummary) medians() *editCost {
	if len(t.edits) == 0 {
		return nil
	}
	med := func(get func(editCost) float64) float64 {
		v := make([]float64, len(t.edits))
		for i, e := range t.edits {
			v[i] = get(e)
		}
		return percentile(v, 50)
	}
	return &editCost{
		taskCPU:    med(func(e editCost) float64 { return e.taskCPU }),
		scriptCPU:  med(func(e editCost) float64 { return e.scriptCPU }),
		styleCPU:   med(func(e editCost) float64 { return e.styleCPU }),
		layoutCPU:  med(func(e editCost) float64 { return e.layoutCPU }),
		paintCPU:   med(func(e editCost) float64 { return e.paintCPU }),
		styles:     med(func(e editCost) float64 { return e.styles }),
		styleElems: med(func(e editCost) float64 { return e.styleElems }),
		layouts:    med(func(e editCost) float64 { return e.layouts }),
		paints:     med(func(e editCost) float64 { return e.paints }),
	}
}

func (t *traceSummary) avg(sum float64, n int) float64 {
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// summarizeTrace sums the main thread's events: the renderer main thread
// (CrRendererMain) that ran the most style recalculations is the page's.
func summarizeTrace(events []traceEvent) traceSummary {
	t := traceSummary{layoutRoots: map[string]int{}, byName: map[string]float64{}, countByName: map[string]int{}, cpuByName: map[string]float64{},
		styleCauses: map[string]int{}, layoutCauses: map[string]int{}}
	type thread struct{ pid, tid int }
	mains := map[thread]bool{}
	for _, e := range events {
		if e.Ph == "M" && e.Name == "thread_name" && strings.Contains(string(e.Args), `"CrRendererMain"`) {
			mains[thread{e.Pid, e.Tid}] = true
		}
	}
	busiest := map[thread]int{}
	for _, e := range events {
		if e.Name == "UpdateLayoutTree" && mains[thread{e.Pid, e.Tid}] {
			busiest[thread{e.Pid, e.Tid}]++
		}
	}
	var main thread
	for th, c := range busiest {
		if c > busiest[main] {
			main = th
		}
	}
	var onMain []traceEvent
	for _, e := range events {
		if (thread{e.Pid, e.Tid}) == main {
			onMain = append(onMain, e)
		}
	}
	// In the order they end, so that each event falls in the window of the edit stamped
	// last before it ended: the task and the dispatch of an edit's own event begin before
	// its stamp (made by a listener inside them) and end after it.
	sort.SliceStable(onMain, func(i, j int) bool { return onMain[i].Ts+onMain[i].Dur < onMain[j].Ts+onMain[j].Dur })
	var spans [][2]float64
	for _, e := range onMain {
		var a struct {
			ElementCount float64 `json:"elementCount"`
			BeginData    struct {
				DirtyObjects float64 `json:"dirtyObjects"`
				TotalObjects float64 `json:"totalObjects"`
			} `json:"beginData"`
			EndData struct {
				LayoutRoots []struct {
					NodeName string `json:"nodeName"`
				} `json:"layoutRoots"`
			} `json:"endData"`
			Data struct {
				NodeName         string          `json:"nodeName"`
				Reason           string          `json:"reason"`
				ChangedClass     string          `json:"changedClass"`
				ChangedAttribute string          `json:"changedAttribute"`
				ChangedID        string          `json:"changedId"`
				ChangedPseudo    string          `json:"changedPseudo"`
				InvalidationList json.RawMessage `json:"invalidationList"`
				ExtraData        string          `json:"extraData"`
				Message          string          `json:"message"`
			} `json:"data"`
		}
		if len(e.Args) > 0 {
			json.Unmarshal(e.Args, &a)
		}
		if e.Name == "TimeStamp" && a.Data.Message == editStamp {
			t.edits = append(t.edits, editCost{})
		}
		if e.Ph == "X" && len(t.edits) > 0 {
			// The window of the last edit stamped before the event ended.
			c := &t.edits[len(t.edits)-1]
			switch {
			case e.Name == "RunTask":
				c.taskCPU += e.TDur
			case scriptEvents[e.Name]:
				c.scripts = append(c.scripts, e)
			case e.Name == "UpdateLayoutTree":
				c.styleCPU += e.TDur
				c.styles++
				c.styleElems += a.ElementCount
			case e.Name == "Layout":
				c.layoutCPU += e.TDur
				c.layouts++
			case e.Name == "Paint":
				c.paintCPU += e.TDur
				c.paints++
			}
		}
		if e.Ph == "X" {
			t.byName[e.Name] += e.Dur
			t.cpuByName[e.Name] += e.TDur
			t.countByName[e.Name]++
		}
		switch {
		case e.Ph == "X" && e.Name == "RunTask":
			t.task += e.Dur
			t.taskCPU += e.TDur
			t.tasks++
		case e.Ph == "X" && scriptEvents[e.Name]:
			spans = append(spans, [2]float64{e.Ts, e.Ts + e.Dur})
		case e.Ph == "X" && e.Name == "UpdateLayoutTree":
			t.style += e.Dur
			t.styles++
			t.styleElems += a.ElementCount
		case e.Ph == "X" && e.Name == "Layout":
			t.layout += e.Dur
			t.layouts++
			t.layoutDirty += a.BeginData.DirtyObjects
			t.layoutTotal += a.BeginData.TotalObjects
			for _, r := range a.EndData.LayoutRoots {
				t.layoutRoots[r.NodeName]++
			}
		case e.Name == "StyleRecalcInvalidationTracking":
			t.styleCauses["recalc "+a.Data.Reason+" "+a.Data.ExtraData+" @"+a.Data.NodeName]++
		case e.Name == "ScheduleStyleInvalidationTracking":
			change := a.Data.ChangedAttribute + a.Data.ChangedClass + a.Data.ChangedID + a.Data.ChangedPseudo
			t.styleCauses["scheduled by "+change+" @"+a.Data.NodeName]++
		case e.Name == "StyleInvalidatorInvalidationTracking":
			t.styleCauses["invalidator "+a.Data.Reason+" @"+a.Data.NodeName]++
		case e.Name == "LayoutInvalidationTracking":
			t.layoutCauses[a.Data.Reason+" @"+a.Data.NodeName]++
		}
	}
	// An edit's script CPU: its outermost script events' (the bench's own script
	// dispatches the edit's event, so the event's listeners run nested in it).
	for i := range t.edits {
		c := &t.edits[i]
		sort.SliceStable(c.scripts, func(a, b int) bool { return c.scripts[a].Ts < c.scripts[b].Ts })
		end := 0.0
		for _, e := range c.scripts {
			if e.Ts >= end {
				c.scriptCPU += e.TDur
				end = e.Ts + e.Dur
			}
		}
		c.scripts = nil
	}
	// Script events nest (an event dispatch runs a function call): count each instant once.
	sort.Slice(spans, func(i, j int) bool { return spans[i][0] < spans[j][0] })
	end := 0.0
	for _, s := range spans {
		if s[1] <= end {
			continue
		}
		t.script += s[1] - max(s[0], end)
		end = s[1]
	}
	return t
}

// topCounts is the k most frequent keys of m, with their count per edit.
func topCounts(m map[string]int, k, n int) string {
	keys := make([]string, 0, len(m))
	for key := range m {
		keys = append(keys, key)
	}
	slices.SortFunc(keys, func(a, b string) int {
		if m[a] != m[b] {
			return m[b] - m[a]
		}
		return strings.Compare(a, b)
	})
	var parts []string
	for i, key := range keys {
		if i == k {
			break
		}
		parts = append(parts, fmt.Sprintf("`%s` %.1f", strings.Join(strings.Fields(key), " "), float64(m[key])/float64(n)))
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

// fieldsOnly measures the input-to-paint latency of the chosen field types (as the
// report does: the years against the model's figures, the others by their first DOM
// change) and writes p50 and p95, with the DOM mutations per edit and the slowest
// edits: whether the tail is the first edits after the load, a collection or spread.
func fieldsOnly(ctx context.Context, s *harness.Server, which string, n int, cpu float64, w io.Writer, logf func(string, ...any)) error {
	list := strings.Split(which, ",")
	chosen := func(sel string) bool { return slices.Contains(list, "all") || slices.Contains(list, sel) }
	fmt.Fprintf(w, "| field | p50 ms | p95 ms | slowest edits (#index ms) | DOM mutations per edit (median) |\n|---|---:|---:|---|---|\n")
	row := func(field string, paint []float64, mutations string) {
		fmt.Fprintf(w, "| %s | %.1f | %.1f | %s | %s |\n", field, percentile(paint, 50), percentile(paint, 95), slowest(paint, 5), mutations)
	}
	if chosen("floor") {
		logf("input-to-paint latency of the measure's floor page, %d edits at %g× CPU…", n, cpu)
		paint, err := floorLatency(ctx, n, cpu)
		if err != nil {
			return err
		}
		row("floor (one text node per input)", paint, "")
	}
	if chosen("#years") {
		logf("input-to-paint latency, %d edits of #years at %g× CPU…", n, cpu)
		paint, _, _, err := editLatency(ctx, s, n, cpu)
		if err != nil {
			return err
		}
		row("#years", paint, "")
	}
	for _, f := range fieldKinds {
		if !chosen(f.Field) {
			continue
		}
		logf("input-to-paint latency, %d edits of %s at %g× CPU…", n, f.Field, cpu)
		paint, muts, err := fieldLatency(ctx, s, f, n, cpu)
		if err != nil {
			return err
		}
		row(f.Field, paint, medianMutations(muts))
	}
	return nil
}

// slowest lists the k slowest of the edits' latencies, slowest first, each with its
// index in the run (#0 is the first edit after the load), e.g. "#0 70.6, #67 51.1".
func slowest(ms []float64, k int) string {
	idx := make([]int, len(ms))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(ms[b], ms[a]) })
	var parts []string
	for _, i := range idx[:min(k, len(idx))] {
		parts = append(parts, fmt.Sprintf("#%d %.1f", i, ms[i]))
	}
	return strings.Join(parts, ", ")
}

// traceSink collects the events of a DevTools trace sent in ReportEvents mode: take it
// every event of the target while tracing, then events waits for the end of the trace.
type traceSink struct {
	mu   sync.Mutex
	raw  []byte // the events' JSON objects, each after a comma
	done chan struct{}
}

func newTraceSink() *traceSink { return &traceSink{done: make(chan struct{})} }

// take keeps ev if it is part of the trace and reports whether it was.
func (s *traceSink) take(ev any) bool {
	switch ev := ev.(type) {
	case *tracing.EventDataCollected:
		s.mu.Lock()
		defer s.mu.Unlock()
		for _, v := range ev.Value {
			s.raw = append(s.raw, ',')
			s.raw = append(s.raw, v...)
		}
	case *tracing.EventTracingComplete:
		close(s.done)
	default:
		return false
	}
	return true
}

// events waits for the trace to complete and decodes its events.
func (s *traceSink) events(ctx context.Context) ([]traceEvent, error) {
	select {
	case <-s.done:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var events []traceEvent
	if len(s.raw) > 0 {
		b := append([]byte{'['}, s.raw[1:]...)
		if err := json.Unmarshal(append(b, ']'), &events); err != nil {
			return nil, fmt.Errorf("read the trace: %w", err)
		}
	}
	return events, nil
}
