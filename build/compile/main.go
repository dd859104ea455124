// Command compile builds the browser's app.wasm (and app.wasm.xz) the way the
// site ships it: see package build/wasmbuild.
//
//	go run ./build/compile -pkg ./wasm -o .cache/app.wasm -work .cache
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/hit-salary/hit-salary/build/wasmbuild"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "compile:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string) error {
	o := wasmbuild.Options{Root: "."}
	fs := flag.NewFlagSet("compile", flag.ContinueOnError)
	fs.StringVar(&o.Pkg, "pkg", "./wasm", "`package` to build")
	fs.StringVar(&o.Out, "o", ".cache/app.wasm", "app.wasm to `write`")
	fs.StringVar(&o.Work, "work", ".cache", "work `folder` (patched go-app, -modfile)")
	fs.BoolVar(&o.Plain, "plain", false, "build with go-app as it is and no data-segment merge")
	fs.BoolVar(&o.XZ, "xz", true, "also write the xz -9e copy (-o with .xz appended)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	o.Log = func(format string, a ...any) { fmt.Fprintf(os.Stderr, format+"\n", a...) }
	r, err := wasmbuild.Build(ctx, o)
	if err != nil {
		return err
	}
	fmt.Printf("%s: %d bytes (linked %d), xz %d\n", o.Out, r.Size, r.Linked, r.XZ)
	return nil
}
