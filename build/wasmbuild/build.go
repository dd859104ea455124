// Package wasmbuild compiles a go-app program to the app.wasm the site
// ships, with the size levers the browser build uses, and is the one
// place that says how the wasm is built (Flags):
//
//   - go-app without its server: PatchGoApp copies the pinned go-app from the
//     module cache, applies exact-match edits that add the NoServerTag build
//     tag (failing loudly if go-app changed), and the build uses a generated
//     -modfile that replaces go-app with that copy. Only the browser build
//     sees the copy; the native build tool and pre-rendering use the real
//     go-app.
//   - go-app without crypto (NoCryptoTag): no AES for encrypted states, IDs
//     without google/uuid; the same patched copy, a second tag.
//   - go-app drawing the first update after a pause at once (EagerFrameTag),
//     not a frame period later: a third tag, for input latency, not size.
//   - MergeData joins the data segments the Go linker splits (initial memory
//     byte-identical).
//   - DropLineTables removes the file:line tables of Go's function table
//     (linetables.go): a panic's trace still names each function, without
//     file and line, as -s -w already drops DWARF.
//   - An xz -9e copy, app.wasm.xz, which the page decodes (web/wasmload.js).
//
// The package links neither go-app nor anything outside the standard
// library: it runs the go and xz commands.
package wasmbuild

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Flags are the go build flags of every browser build (the app and the
// benchmark's hello world), after "go build" and before -o.
var Flags = []string{"-trimpath", "-ldflags=-s -w"}

// Options says what to build.
type Options struct {
	// Root is the main module's folder (go.mod).
	Root string
	// Pkg is the package to build, e.g. "./wasm".
	Pkg string
	// Out is the app.wasm to write; Out+".xz" is written too if XZ.
	Out string
	// Work is a folder for the patched go-app, the -modfile and the linked
	// wasm (e.g. the Makefile's CACHE).
	Work string
	// Plain builds with go-app as it is and no merge: what go-app gives
	// anyone (the benchmark's reference).
	Plain bool
	// XZ writes Out+".xz" with xz -9e.
	XZ bool
	// Log receives one line per step; nil discards.
	Log func(format string, args ...any)
}

// Result describes a build.
type Result struct {
	Linked, Size, XZ int64 // bytes: as linked, as written, xz (0 if not written)
	Merge            MergeStats
	Lines            LineStats
}

// Build builds o.Pkg for js/wasm into o.Out.
func Build(ctx context.Context, o Options) (Result, error) {
	var r Result
	logf := o.Log
	if logf == nil {
		logf = func(string, ...any) {}
	}
	if err := os.MkdirAll(o.Work, 0o755); err != nil {
		return r, err
	}
	work, err := filepath.Abs(o.Work)
	if err != nil {
		return r, err
	}
	args := []string{"build"}
	var tags []string
	if !o.Plain {
		modfile, err := prepareModFile(ctx, o.Root, work)
		if err != nil {
			return r, err
		}
		args = append(args, "-modfile="+modfile)
		tags = append(tags, NoServerTag, NoCryptoTag, EagerFrameTag)
	}
	if len(tags) > 0 {
		args = append(args, "-tags="+strings.Join(tags, ","))
	}
	linked := filepath.Join(work, filepath.Base(o.Out)+".linked")
	args = append(append(args, Flags...), "-o", linked, o.Pkg)
	logf("GOOS=js GOARCH=wasm go %s", strings.Join(args, " "))
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = o.Root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		return r, fmt.Errorf("go build: %v\n%s", err, out)
	}
	b, err := os.ReadFile(linked)
	if err != nil {
		return r, err
	}
	r.Linked = int64(len(b))
	if !o.Plain {
		if b, r.Merge, err = MergeData(b, MaxGap); err != nil {
			return r, fmt.Errorf("%s: %w", linked, err)
		}
		logf("merged data segments: %d → %d (%d zero bytes in gaps)", r.Merge.Before, r.Merge.After, r.Merge.ZeroBytes)
		if b, r.Lines, err = DropLineTables(b); err != nil {
			return r, fmt.Errorf("%s: %w", linked, err)
		}
		logf("dropped the file:line tables of %d functions (%d tables, %d bytes zeroed)", r.Lines.Funcs, r.Lines.Tables, r.Lines.Zeroed)
	}
	r.Size = int64(len(b))
	// xz -9e takes seconds: skip it when app.wasm did not change.
	old, _ := os.ReadFile(o.Out)
	unchanged := bytes.Equal(old, b)
	if !unchanged {
		if err := writeAtomic(o.Out, b); err != nil {
			return r, err
		}
	}
	if !o.XZ {
		return r, nil
	}
	xzPath := o.Out + ".xz"
	if fi, err := os.Stat(xzPath); unchanged && err == nil {
		r.XZ = fi.Size()
		return r, nil
	}
	logf("xz -9e %s", o.Out)
	x, err := XZ(ctx, b)
	if err != nil {
		return r, err
	}
	r.XZ = int64(len(x))
	return r, writeAtomic(xzPath, x)
}

// XZ compresses b with the xz command (xz-utils) at -9e, single-threaded so
// that the output is the same on every machine with the same xz version, and
// with a CRC32 check, which the browser's decoder (xz-embedded) supports.
func XZ(ctx context.Context, b []byte) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "xz", "-9e", "-T1", "--check=crc32", "-c")
	cmd.Stdin = bytes.NewReader(b)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("xz (install xz-utils): %v: %s", err, stderr.Bytes())
	}
	return out, nil
}

// prepareModFile writes the patched go-app and the -modfile that uses it
// into work and returns the -modfile's path.
func prepareModFile(ctx context.Context, root, work string) (string, error) {
	src, err := moduleDir(ctx, root, GoAppModule)
	if err != nil {
		return "", err
	}
	dst := filepath.Join(work, "go-app-noserver")
	if err := PatchGoApp(src, dst); err != nil {
		return "", err
	}
	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return "", err
	}
	patched, err := ModFile(mod, dst)
	if err != nil {
		return "", err
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		return "", err
	}
	modfile := filepath.Join(work, "wasm.mod")
	if err := os.WriteFile(modfile, patched, 0o644); err != nil {
		return "", err
	}
	// go uses the .sum next to the -modfile.
	return modfile, os.WriteFile(filepath.Join(work, "wasm.sum"), sum, 0o644)
}

// moduleDir returns the module cache folder of module at the version the
// main module in root requires, downloading it if needed.
func moduleDir(ctx context.Context, root, module string) (string, error) {
	cmd := exec.CommandContext(ctx, "go", "mod", "download", "-json", module)
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go mod download %s: %v: %s", module, err, stderr.Bytes())
	}
	var m struct{ Dir, Version, Error string }
	if err := json.Unmarshal(out, &m); err != nil {
		return "", fmt.Errorf("go mod download %s: %w", module, err)
	}
	if m.Error != "" || m.Dir == "" {
		return "", fmt.Errorf("go mod download %s: %s", module, cmp(m.Error, "no folder"))
	}
	return m.Dir, nil
}

func cmp(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// writeAtomic writes b to name through a temporary file.
func writeAtomic(name string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	tmp := name + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp, name); err != nil {
		return errors.Join(err, os.Remove(tmp))
	}
	return nil
}
