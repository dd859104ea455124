// Command bench measures the built HIT Salary site and prints a Markdown report on
// standard output (progress goes to standard error):
//
//   - size: app.wasm raw, gzip -9, xz (the file the page loads) and brotli (when a brotli
//     command is installed), next to a minimal go-app hello world (build/bench/hello)
//     built with the same flags (build/wasmbuild.Flags), once as go-app gives it and once
//     with the app's levers (go-app without its server, data segments merged, xz);
//   - cold load of the app and of the hello world's site (go-app's defaults, plain wasm)
//     under Lighthouse's Slow 4G profile (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up),
//     by DevTools emulation and by a link shaped at the server, and 4× CPU slowdown:
//     bytes, first and largest contentful paint, time until the wasm app has rendered
//     (time to interactive), and the app's time over the hello world's;
//   - warm start from the service worker;
//   - input-to-paint latency over 100 edits of each field type at 4× CPU slowdown.
//
// Usage:
//
//	go run ./build/bench [-dist dist] [-runs 3] [-edits 100]
//	go run ./build/bench -profile all|#years,#state,… [-dist dist] [-edits 100]
//	go run ./build/bench -trace all|#years,#state,… [-dist dist] [-edits 20]
//	go run ./build/bench -fields all|#years,#state,… [-dist dist] [-edits 100]
//
// -profile skips the report and profiles edits instead (profile.go): where an edit's
// main-thread time goes, by function and part, and the DOM mutations it makes.
// -profile start profiles a cold start on loopback instead (until ready, then until
// every slow panel is mounted); -profile start-slow4g the same under DevTools' Slow 4G,
// with the part after the wasm's last byte on its own; -profile start-trace traces it
// there instead and gives each part's wall and thread CPU time (tracestart.go). -trace
// records a DevTools trace of the edits instead (trace.go): script, style recalculation,
// layout, paint and commit per edit, and what invalidated style and layout. -fields
// measures only the input latency of the chosen field types.
//
// -dist defaults to $HIT_DIST. The numbers are measurements, not pass/fail tests; the
// report marks each against its target.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"time"
)

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Minute)
	defer cancel()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// config is the command line.
type config struct {
	dist  string
	runs  int
	edits int
	hello bool
	// profile, if set, skips the report: the field types whose edits are profiled
	// ("all" or a comma-separated list of field selectors, e.g. "#years,#state").
	profile string
	// trace, if set, skips the report: the field types whose edits are traced (trace.go).
	trace string
	// fields, if set, skips the report: the field types whose input latency is measured.
	fields string
}

func parseArgs(args []string, stderr io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.dist, "dist", os.Getenv("HIT_DIST"), "built site to measure (default $HIT_DIST)")
	fs.IntVar(&c.runs, "runs", 3, "cold loads to measure; the report gives the median")
	fs.IntVar(&c.edits, "edits", 100, "edits of the years field for the input-to-paint latency")
	fs.BoolVar(&c.hello, "hello", true, "build the go-app hello world to compare app.wasm's size")
	fs.StringVar(&c.profile, "profile", "", "only profile edits of these fields (\"all\" or selectors, comma-separated); "+
		"build the site without -s to see function names")
	fs.StringVar(&c.trace, "trace", "", "only trace edits of these fields (\"all\" or selectors, comma-separated): "+
		"script, style, layout, paint per edit and what invalidated style and layout")
	fs.StringVar(&c.fields, "fields", "", "only measure the input latency of these fields (\"all\" or selectors, comma-separated; \"floor\": the measure on a page that changes one text node per input)")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if c.runs < 1 || c.edits < 10 {
		return c, fmt.Errorf("-runs must be ≥ 1 and -edits ≥ 10")
	}
	return c, nil
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c, err := parseArgs(args, stderr)
	if err != nil {
		return err
	}
	r := &report{}
	logf := func(format string, a ...any) { fmt.Fprintf(stderr, format+"\n", a...) }

	if c.profile != "" || c.trace != "" || c.fields != "" {
		return profileSite(ctx, c, stdout, logf)
	}
	logf("machine…")
	r.machine = describeMachine()
	work, err := os.MkdirTemp("", "hit-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	logf("sizes…")
	if r.size, err = measureSize(ctx, c, work, logf); err != nil {
		return err
	}
	logf("browser…")
	if err := measureBrowser(ctx, c, r, logf); err != nil {
		return err
	}
	r.write(stdout)
	return nil
}
