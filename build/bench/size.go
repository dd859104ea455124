package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// wasmFlags are the build flags of the app's wasm (see the Makefile), used for the hello
// world too so that the comparison is fair.
var wasmFlags = []string{"build", "-trimpath", "-ldflags=-s -w"}

// sizes are the sizes of one wasm file in bytes; a negative size was not measured.
type sizes struct {
	Raw, Gzip, Brotli int64
}

// sizeReport compares app.wasm with the hello world.
type sizeReport struct {
	App, Hello sizes
	HelloErr   string // why the hello world was not measured
	BrotliNote string // why brotli sizes are missing
}

func measureSize(ctx context.Context, c config, logf func(string, ...any)) (sizeReport, error) {
	var r sizeReport
	dist, err := harness.Dist(c.dist)
	if err != nil {
		return r, err
	}
	brotli, berr := exec.LookPath("brotli")
	if berr != nil {
		r.BrotliNote = "no brotli command on this machine (apt-get install brotli); not measured"
	}
	if r.App, err = fileSizes(ctx, filepath.Join(dist, "web", "app.wasm"), brotli); err != nil {
		return r, err
	}
	if !c.hello {
		r.HelloErr = "skipped (-hello=false)"
		return r, nil
	}
	root, err := harness.Root()
	if err != nil {
		return r, err
	}
	tmp, err := os.MkdirTemp("", "hit-bench-")
	if err != nil {
		return r, err
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "hello.wasm")
	args := append(append([]string{}, wasmFlags...), "-o", out, "./build/bench/hello")
	logf("  GOOS=js GOARCH=wasm go %s", strings.Join(args, " "))
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if b, err := cmd.CombinedOutput(); err != nil {
		r.HelloErr = fmt.Sprintf("build failed: %v: %s", err, b)
		return r, nil
	}
	r.Hello, err = fileSizes(ctx, out, brotli)
	return r, err
}

// fileSizes measures a file raw, gzip -9 and, if brotli is a path, brotli -q 11.
func fileSizes(ctx context.Context, name, brotli string) (sizes, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return sizes{}, err
	}
	s := sizes{Raw: int64(len(b)), Gzip: int64(len(harness.Gzip(b))), Brotli: -1}
	if brotli != "" {
		out, err := exec.CommandContext(ctx, brotli, "-c", "-q", "11", name).Output()
		if err != nil {
			return s, fmt.Errorf("brotli %s: %w", name, err)
		}
		s.Brotli = int64(len(out))
	}
	return s, nil
}
