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
			// What the loader needs of the order, and no more (go-app orders its own
			// tags as it likes): the policy first; the early download before the style
			// sheets and every other script (the parser reaches it first); the decoder,
			// then wasmload.js, before go-app's app.js (deferred scripts run in order).
			page := string(read(t, c.Out, "index.html"))
			tt, fetch := "src="+base+layout.TrustedTypes+">", "<script async src="+base+layout.WasmFetch+">"
			decoder, load := "<script defer src="+base+layout.XZDecoder+">", "<script defer src="+base+layout.WasmLoad+">"
			appJS := "<script defer src=" + base + "app.js>"
			for _, pair := range [][2]string{
				{tt, fetch}, {fetch, "rel=stylesheet"}, {fetch, "<script defer src=" + base + "wasm_exec.js>"},
				{fetch, "<script src=" + base + "web/early.js>"}, {decoder, load}, {load, appJS},
			} {
				i, j := strings.Index(page, pair[0]), strings.Index(page, pair[1])
				if i < 0 || j < 0 || i > j {
					t.Errorf("index.html: want %q before %q:\n%s", pair[0], pair[1], page)
				}
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
