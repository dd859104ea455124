package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hit-salary/hit-salary/app/ui"
	"github.com/hit-salary/hit-salary/build/sw"
)

func TestRunFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		wantOut string
		wantErr string
	}{
		{name: "help", args: []string{"-h"}, wantOut: "Usage: go run ./build"},
		{name: "unknown flag", args: []string{"-nope"}, wantErr: "flag provided but not defined"},
		{name: "missing wasm", args: []string{"-version", "v1"}, wantErr: "missing -wasm"},
		{name: "missing version", args: []string{"-wasm", "x.wasm"}, wantErr: "missing -version"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			err := run(context.Background(), tt.args, &out)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("run(%q): err = %v, want %q", tt.args, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("run(%q): %v", tt.args, err)
			}
			if !strings.Contains(out.String(), tt.wantOut) {
				t.Errorf("run(%q) printed %q, want it to contain %q", tt.args, out.String(), tt.wantOut)
			}
		})
	}
}

// TestRunRealUI builds the real UI's pages with the repository's web/
// assets and a fake app.wasm: the pages ui.Pages() lists must render and
// pass verify.Verify (references, unique ids, no third-party loads, …),
// which run's sitegen.Build runs on the output before it returns.
//
// The whole site (some 760 pages, most of them role × state pages) is built
// once, for the project site's base. The build for the root "/" leaves out
// the directory pages (the role and role × state pages): they only link to
// one another, so the rest is a complete site on its own, and the role pages
// make their links with the same sitePath as the home page, the Spanish page
// and the documents built here; sitegen's tests build directory pages for
// both bases, and `make e2e BASE=/` runs the browser tests on a whole root
// site. This halves the test's time (it was two whole builds).
func TestRunRealUI(t *testing.T) {
	dir := t.TempDir()
	wasm := filepath.Join(dir, "app.wasm")
	if err := os.WriteFile(wasm, []byte("\x00asm\x01\x00\x00\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { uiPages = ui.Pages })
	for _, tt := range []struct {
		base string
		dirs bool // with the directory pages
	}{{"/hit-salary/", true}, {"/", false}} {
		base := tt.base
		t.Run(base, func(t *testing.T) {
			pages := ui.Pages()
			if !tt.dirs {
				// The Spanish home page, a directory page too, stays: the others link to it.
				pages = slices.DeleteFunc(pages, func(p string) bool {
					return p != "/" && strings.HasSuffix(p, "/") && !slices.Contains(ui.Shells(), p)
				})
			}
			uiPages = func() []string { return pages }
			out := filepath.Join(dir, "out"+strings.ReplaceAll(base, "/", "_"))
			var stdout bytes.Buffer
			args := []string{"-out", out, "-base", base, "-version", "test-1", "-wasm", wasm, "-web", filepath.Join("..", "web")}
			if tt.dirs {
				args = append(args, "-domain", "example.org") // canonical links, sitemap.xml
			}
			if err := run(context.Background(), args, &stdout); err != nil {
				t.Fatalf("run(%q): %v", args, err)
			}
			if !strings.Contains(stdout.String(), "built "+out+" for "+base) {
				t.Errorf("report lacks the summary line:\n%s", stdout.String())
			}
			for _, p := range pages {
				name := "index.html"
				switch {
				case strings.HasSuffix(p, "/") && p != "/": // a role page: <path>index.html
					name = strings.TrimPrefix(p, "/") + "index.html"
				case p != "/":
					name = strings.TrimPrefix(p, "/") + ".html"
				}
				data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
				if err != nil {
					t.Fatalf("page %s: %v", p, err)
				}
				if !bytes.Contains(data, []byte(`data-source=prerender`)) {
					t.Errorf("page %s lacks the pre-rendered estimate (data-source=prerender)", p)
				}
			}
			// Each document the app links to is a static page of the site, and the
			// service worker precaches it for offline use.
			worker, err := os.ReadFile(filepath.Join(out, "app-worker.js"))
			if err != nil {
				t.Fatal(err)
			}
			precache, err := sw.Precache(worker)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range ui.Docs() {
				doc, page := d.File, d.Path
				name := strings.TrimPrefix(page, "/") + "index.html"
				data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
				if err != nil {
					t.Errorf("%s is not published at %s: %v", doc, page, err)
					continue
				}
				if !bytes.Contains(data, []byte("<h1")) || !bytes.Contains(data, []byte("web/app.css")) {
					t.Errorf("%s: no heading or no stylesheet in the page", name)
				}
				if !slices.Contains(precache, base+strings.TrimPrefix(page, "/")) {
					t.Errorf("the service worker does not precache %s (list: %v)", base+strings.TrimPrefix(page, "/"), precache)
				}
			}
			if tt.dirs {
				checkLanguages(t, out, base, "example.org") // lang_test.go
			}
			// The embed builder (issue 8) is a static page too, built from the model's
			// lists, in each language.
			for _, b := range ui.EmbedBuilders() {
				builder := strings.TrimPrefix(b.Path, "/")
				if !slices.Contains(precache, base+builder) {
					t.Errorf("the service worker does not precache %s", base+builder)
				}
			}
		})
	}
}
