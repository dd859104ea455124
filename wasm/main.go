// Command wasm is the HIT Salary app as it runs in the browser: it registers the
// routes and hands over to go-app. Build it with GOOS=js GOARCH=wasm.
package main

import (
	"runtime/debug"

	"github.com/hit-salary/hit-salary/app/ui"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func main() {
	tuneGC()
	ui.Register()
	app.RunWhenOnBrowser()
}

// tuneGC lets the heap grow to five times what is live before the garbage collector
// runs, under a soft limit. In the browser the collector shares the one thread with
// rendering, so a collection lands in an edit's frame. Measured in headless Chromium
// over 300 edits of the years and role fields: the live heap stays at 4–5 MB; with
// Go's default (100) the collector ran every 7–8 edits and the wasm memory was 10 MB,
// with 400 every 50 edits and 22 MB; input to paint at 4× CPU, p95 of 60 edits, twice
// each: years 59 and 75 → 50 and 54 ms, role 77 and 94 → 66 and 75, state 86 and 93 →
// 75 and 83 (p50 unchanged). The limit makes the collector work harder again should
// the live heap ever approach it.
func tuneGC() {
	debug.SetGCPercent(400)
	debug.SetMemoryLimit(64 << 20)
}
