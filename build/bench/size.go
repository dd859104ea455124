package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/hit-salary/hit-salary/build/e2e/harness"
	"github.com/hit-salary/hit-salary/build/wasmbuild"
)

// sizes are the sizes of one wasm file in bytes; a negative size was not measured.
type sizes struct {
	Raw, Gzip, XZ, Brotli int64
}

// sizeReport compares app.wasm with the hello world.
type sizeReport struct {
	// App is the app.wasm the built site ships (with its app.wasm.xz).
	App sizes
	// Hello is the hello world as go-app gives it (wasmbuild.Flags, no lever);
	// HelloLevers the same program built like the app (go-app without its server,
	// data segments merged, xz).
	Hello, HelloLevers sizes
	HelloErr           string // why the hello world was not measured
	BrotliNote         string // why brotli sizes are missing
	// helloSite is the hello world's static site (go-app's defaults, plain wasm), for
	// the start-up comparison; "" if it was not built.
	helloSite string
}

// measureSize measures the app's wasm and builds the hello world twice in work: as
// go-app gives it and with the app's levers, plus its static site with the plain wasm.
func measureSize(ctx context.Context, c config, work string, logf func(string, ...any)) (sizeReport, error) {
	var r sizeReport
	dist, err := harness.Dist(c.dist)
	if err != nil {
		return r, err
	}
	brotli, berr := exec.LookPath("brotli")
	if berr != nil {
		r.BrotliNote = "no brotli command on this machine (apt-get install brotli); not measured"
	}
	app := filepath.Join(dist, "web", "app.wasm")
	if r.App, err = fileSizes(ctx, app, app+".xz", brotli); err != nil {
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
	for _, b := range []struct {
		plain bool
		dst   *sizes
		name  string
	}{{true, &r.Hello, "hello-plain"}, {false, &r.HelloLevers, "hello-levers"}} {
		out := filepath.Join(work, b.name, "app.wasm")
		logf("  hello world (%s)…", b.name)
		_, err := wasmbuild.Build(ctx, wasmbuild.Options{Root: root, Pkg: "./build/bench/hello", Out: out,
			Work: filepath.Join(work, b.name), Plain: b.plain, XZ: true, Log: func(f string, a ...any) { logf("    "+f, a...) }})
		if err != nil {
			r.HelloErr = fmt.Sprintf("build failed: %v", err)
			return r, nil
		}
		if *b.dst, err = fileSizes(ctx, out, out+".xz", brotli); err != nil {
			return r, err
		}
	}
	// The hello world's site, served like the app's, with the plain wasm: what go-app
	// gives anyone.
	site := filepath.Join(work, "hello-site")
	logf("  hello world site (go run ./build/bench/hello -out …)")
	cmd := exec.CommandContext(ctx, "go", "run", "./build/bench/hello", "-out", site, "-base", harness.Base)
	cmd.Dir = root
	if b, err := cmd.CombinedOutput(); err != nil {
		r.HelloErr = fmt.Sprintf("hello world site: %v: %s", err, b)
		return r, nil
	}
	wasm, err := os.ReadFile(filepath.Join(work, "hello-plain", "app.wasm"))
	if err != nil {
		return r, err
	}
	if err := os.WriteFile(filepath.Join(site, "web", "app.wasm"), wasm, 0o644); err != nil {
		return r, err
	}
	r.helloSite = site
	return r, nil
}

// fileSizes measures a file raw, gzip -9 (as the server sends it), its xz copy xzName
// if it exists, and, if brotli is a path, brotli -q 11.
func fileSizes(ctx context.Context, name, xzName, brotli string) (sizes, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return sizes{}, err
	}
	s := sizes{Raw: int64(len(b)), Gzip: int64(len(harness.Gzip(b))), XZ: -1, Brotli: -1}
	if fi, err := os.Stat(xzName); err == nil {
		s.XZ = fi.Size()
	}
	if brotli != "" {
		out, err := exec.CommandContext(ctx, brotli, "-c", "-q", "11", name).Output()
		if err != nil {
			return s, fmt.Errorf("brotli %s: %w", name, err)
		}
		s.Brotli = int64(len(out))
	}
	return s, nil
}
