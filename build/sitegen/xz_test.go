package sitegen

import (
	"bytes"
	"github.com/hit-salary/hit-salary/build/layout"
	"github.com/hit-salary/hit-salary/build/verify"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hit-salary/hit-salary/build/sw"
)

// fakeDecoder stands in for npm xz-decompress: minified, with a license
// comment the build must keep.
const fakeDecoder = "/*! decoder (c) authors. License: MIT */\nvar x=1;\n"

// xzFixture is fixture with app.wasm.xz, the decoder and web/wasmload.js.
func xzFixture(t *testing.T) Config {
	t.Helper()
	c := fixture(t)
	dir := filepath.Dir(c.Wasm)
	c.WasmXZ = filepath.Join(dir, "app.wasm.xz")
	c.XZDecoder = filepath.Join(dir, "xz-decompress.min.js")
	for name, body := range map[string]string{
		c.WasmXZ:                             string(layout.XZMagic) + "fake",
		c.XZDecoder:                          fakeDecoder,
		filepath.Join(c.Web, "wasmload.js"):  "globalThis.hitInstantiateWasm = null;\n",
		filepath.Join(c.Web, "wasmfetch.js"): "globalThis.hitWasmEarly = null;\n",
		filepath.Join(c.Web, "early.js"):     "globalThis.early = 1;\n",
	} {
		if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c.Scripts = append([]string{"/web/early.js"}, c.Scripts...) // a synchronous script of the page, as lang.js
	return c
}

// TestBuildWasmXZ checks a build that ships app.wasm.xz: the files, the
// script order in the pages, the worker set to decode, and Verify.
func TestBuildWasmXZ(t *testing.T) {
	for _, base := range []string{"/hit-salary/", "/"} {
		t.Run(base, func(t *testing.T) {
			c := xzFixture(t)
			c.Base = base
			r := mustBuild(t, c)
			if r.WasmXZ != int64(len(layout.XZMagic)+len("fake")) {
				t.Errorf("report: app.wasm.xz %d bytes", r.WasmXZ)
			}
			if got := read(t, c.Out, layout.XZDecoder); string(got) != fakeDecoder {
				t.Errorf("%s = %q, want the decoder byte for byte (license comment kept)", layout.XZDecoder, got)
			}
			// The policy and the loader (the early download async, the rest deferred)
			// come first, before the style sheets and go-app's deferred scripts.
			page := string(read(t, c.Out, "index.html"))
			order := []string{"src=" + base + layout.TrustedTypes + ">", "<script async src=" + base + layout.WasmFetch + ">",
				"<script defer src=" + base + layout.XZDecoder + ">", "<script defer src=" + base + layout.WasmLoad + ">",
				"rel=stylesheet", "<script defer src=" + base + "wasm_exec.js>", "<script defer src=" + base + "app.js>",
				"<script src=" + base + "web/early.js>"}
			last := -1
			for _, tag := range order {
				i := strings.Index(page, tag)
				if i < 0 || i < last {
					t.Errorf("index.html: want %q in this order:\n%s", order, page)
					break
				}
				last = i
			}
			worker := read(t, c.Out, "app-worker.js")
			if !bytes.Contains(worker, []byte(`"`+layout.XZDecoder+`"`)) {
				t.Errorf("app-worker.js does not load the decoder")
			}
			list, err := sw.Precache(worker)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Contains(list, base+layout.XZDecoder) || !slices.Contains(list, base+"web/app.wasm") || slices.Contains(list, base+layout.WasmXZ) {
				t.Errorf("precache %q: want the decoder and app.wasm (kept decoded), not app.wasm.xz", list)
			}
			if err := verify.Verify(c.Out, verify.Options{Base: base, Version: c.Version, Minified: true, WasmXZ: true}); err != nil {
				t.Errorf("Verify: %v", err)
			}
			// The same site checked as one without xz fails: the options matter.
			if err := verify.Verify(c.Out, verify.Options{Base: base, Version: c.Version, Minified: true}); err == nil {
				t.Errorf("Verify without WasmXZ accepts a worker that loads the decoder")
			}
			// A page whose loader runs after go-app's app.js fails.
			loader := "<script defer src=" + base + layout.WasmLoad + "></script>"
			moved := strings.Replace(strings.Replace(page, loader, "", 1), "</head>", loader+"</head>", 1)
			if err := os.WriteFile(filepath.Join(c.Out, "index.html"), []byte(moved), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := verify.Verify(c.Out, verify.Options{Base: base, Version: c.Version, Minified: true, WasmXZ: true}); err == nil || !strings.Contains(err.Error(), "in this order") {
				t.Errorf("Verify of a page loading wasmload.js last: %v, want the order named", err)
			}
		})
	}
}

func TestBuildWasmXZErrors(t *testing.T) {
	tests := []struct {
		name    string
		change  func(c *Config)
		wantErr string
	}{
		{"decoder without the xz file", func(c *Config) { c.WasmXZ = "" }, "go together"},
		{"not an xz file", func(c *Config) { os.WriteFile(c.WasmXZ, []byte("plain"), 0o644) }, "not an xz file"},
		{"no loader in web/", func(c *Config) { os.Remove(filepath.Join(c.Web, "wasmload.js")) }, "wasmload.js"},
		{"no early download in web/", func(c *Config) { os.Remove(filepath.Join(c.Web, "wasmfetch.js")) }, "wasmfetch.js"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := xzFixture(t)
			tt.change(&c)
			if _, err := Build(t.Context(), c); err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Build: err = %v, want %q", err, tt.wantErr)
			}
		})
	}
}
