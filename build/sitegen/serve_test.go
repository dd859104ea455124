package sitegen

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hit-salary/hit-salary/build/pages"
)

// serveCase is one request to Serve and what must come back.
type serveCase struct {
	name         string
	method, path string
	gzip         bool // send Accept-Encoding: gzip
	wantStatus   int
	wantType     string
	wantLocation string
	wantBody     []byte // nil: any
}

func TestServe(t *testing.T) {
	c := fixture(t)
	for _, base := range []string{"/hit-salary/", "/"} {
		c.Base = base
		mustBuild(t, c)
		h, err := pages.Serve(c.Out, base)
		if err != nil {
			t.Fatal(err)
		}
		index := read(t, c.Out, "index.html")
		role := read(t, c.Out, "role/nurse-informaticist.html")
		wasm := read(t, c.Out, "web/app.wasm")
		b := base
		tests := []serveCase{
			{name: "base serves the start page", path: b, wantStatus: 200, wantType: "text/html; charset=utf-8", wantBody: index},
			{name: "query string ignored", path: b + "?role=x&years=3", wantStatus: 200, wantType: "text/html; charset=utf-8", wantBody: index},
			{name: "index.html", path: b + "index.html", wantStatus: 200, wantBody: index},
			{name: "page without extension", path: b + "role/nurse-informaticist", wantStatus: 200, wantType: "text/html; charset=utf-8", wantBody: role},
			{name: "wasm media type", path: b + "web/app.wasm", wantStatus: 200, wantType: "application/wasm", wantBody: wasm},
			{name: "wasm gzip", path: b + "web/app.wasm", gzip: true, wantStatus: 200, wantType: "application/wasm", wantBody: wasm},
			{name: "manifest media type", path: b + "manifest.webmanifest", wantStatus: 200, wantType: "application/manifest+json"},
			{name: "worker media type", path: b + "app-worker.js", wantStatus: 200, wantType: "text/javascript; charset=utf-8"},
			{name: "png", path: b + "web/icon-192.png", wantStatus: 200, wantType: "image/png"},
			{name: "directory redirects to its slash", path: b + "web", wantStatus: 302, wantLocation: b + "web/"},
			{name: "directory without index", path: b + "web/", wantStatus: 404},
			{name: "missing file", path: b + "nope.js", wantStatus: 404},
			{name: "dot segments", path: b + "web/../index.html", wantStatus: 404},
			{name: "double slash", path: b + "web//app.css", wantStatus: 404},
			{name: "HEAD", method: "HEAD", path: b, wantStatus: 200, wantType: "text/html; charset=utf-8", wantBody: []byte{}},
			{name: "POST refused", method: "POST", path: b, wantStatus: 405},
		}
		if base != "/" {
			tests = append(tests,
				serveCase{name: "root redirects to base", path: "/", wantStatus: 302, wantLocation: base},
				serveCase{name: "base without slash redirects, keeping the query", path: "/hit-salary?role=x", wantStatus: 302, wantLocation: base + "?role=x"},
				serveCase{name: "outside the base", path: "/other/index.html", wantStatus: 404},
			)
		}
		for _, tt := range tests {
			t.Run(base+"/"+tt.name, func(t *testing.T) {
				method := tt.method
				if method == "" {
					method = "GET"
				}
				req := httptest.NewRequest(method, tt.path, nil)
				if tt.gzip {
					req.Header.Set("Accept-Encoding", "gzip, br")
				}
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				res := rec.Result()
				if res.StatusCode != tt.wantStatus {
					t.Fatalf("%s %s: status %d, want %d", method, tt.path, res.StatusCode, tt.wantStatus)
				}
				if tt.wantType != "" && res.Header.Get("Content-Type") != tt.wantType {
					t.Errorf("Content-Type = %q, want %q", res.Header.Get("Content-Type"), tt.wantType)
				}
				if tt.wantLocation != "" && res.Header.Get("Location") != tt.wantLocation {
					t.Errorf("Location = %q, want %q", res.Header.Get("Location"), tt.wantLocation)
				}
				var body io.Reader = res.Body
				if tt.gzip {
					if res.Header.Get("Content-Encoding") != "gzip" {
						t.Fatalf("Content-Encoding = %q, want gzip", res.Header.Get("Content-Encoding"))
					}
					zr, err := gzip.NewReader(res.Body)
					if err != nil {
						t.Fatal(err)
					}
					body = zr
				} else if res.Header.Get("Content-Encoding") != "" {
					t.Errorf("Content-Encoding %q without Accept-Encoding", res.Header.Get("Content-Encoding"))
				}
				got, err := io.ReadAll(body)
				if err != nil {
					t.Fatal(err)
				}
				if tt.wantBody != nil && !bytes.Equal(got, tt.wantBody) {
					t.Errorf("body: got %d bytes, want %d", len(got), len(tt.wantBody))
				}
			})
		}
	}
}

func TestServeBadDir(t *testing.T) {
	if _, err := pages.Serve(t.TempDir()+"/missing", "/x/"); err == nil {
		t.Errorf("Serve on a missing directory: no error")
	}
	if _, err := pages.Serve(t.TempDir(), "/a b/"); err == nil {
		t.Errorf("Serve with a bad base: no error")
	}
}

// TestServeAfterRebuild rebuilds the site while a handler serves it: Build
// replaces the directory, and the handler must serve the new files (the
// update flow and `make build` next to `make serve` rely on it).
func TestServeAfterRebuild(t *testing.T) {
	c := fixture(t)
	c.Version = "v1"
	mustBuild(t, c)
	h, err := pages.Serve(c.Out, c.Base)
	if err != nil {
		t.Fatal(err)
	}
	get := func() string {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/hit-salary/app-worker.js", nil))
		if rec.Code != 200 {
			t.Fatalf("GET app-worker.js: %d", rec.Code)
		}
		return rec.Body.String()
	}
	if w := get(); !strings.Contains(w, `"v1+`) {
		t.Fatalf("first build's worker lacks v1")
	}
	c.Version = "v2"
	mustBuild(t, c)
	if w := get(); !strings.Contains(w, `"v2+`) {
		t.Errorf("after the rebuild the worker lacks v2")
	}
}

// writeSite writes files, by slash path, into a new directory.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestServeHeaders checks the caching and encoding headers of NewHandler's
// answers, and revalidation with the ETag they carry.
func TestServeHeaders(t *testing.T) {
	const page, notFound = "<!doctype html><title>Start</title>", "<!doctype html><title>Not found</title>"
	dir := writeSite(t, map[string]string{"index.html": page, "404.html": notFound, "favicon.ico": "icon", "logo.png": "png"})
	tests := []struct {
		name        string
		opts        pages.ServeOptions
		path        string
		gzip        bool
		ifNoneMatch func(etag string) string // nil: no If-None-Match
		wantStatus  int
		wantCache   string
		wantVary    bool
		wantGzip    bool
		wantBody    string // "": no body
	}{
		{name: "default caching", path: "/s/", wantStatus: 200, wantCache: "no-cache", wantVary: true, wantBody: page},
		{name: "gzip", path: "/s/", gzip: true, wantStatus: 200, wantCache: "no-cache", wantVary: true, wantGzip: true, wantBody: page},
		{name: "Pages caching", opts: pages.ServeOptions{CacheControl: "max-age=600"}, path: "/s/", wantStatus: 200, wantCache: "max-age=600", wantVary: true, wantBody: page},
		{name: "NoGzip ignores Accept-Encoding", opts: pages.ServeOptions{NoGzip: true}, path: "/s/", gzip: true, wantStatus: 200, wantCache: "no-cache", wantBody: page},
		{name: "icon gzip-encoded like Pages", path: "/s/favicon.ico", gzip: true, wantStatus: 200, wantCache: "no-cache", wantVary: true, wantGzip: true, wantBody: "icon"},
		{name: "png as it is", path: "/s/logo.png", gzip: true, wantStatus: 200, wantCache: "no-cache", wantBody: "png"},
		{name: "revalidation, unchanged", path: "/s/", ifNoneMatch: func(e string) string { return e }, wantStatus: 304, wantCache: "no-cache", wantVary: true},
		{name: "revalidation, unchanged, gzip", path: "/s/", gzip: true, ifNoneMatch: func(e string) string { return e }, wantStatus: 304, wantCache: "no-cache", wantVary: true, wantGzip: true},
		{name: "revalidation, other ETag", path: "/s/", ifNoneMatch: func(string) string { return `"other"` }, wantStatus: 200, wantCache: "no-cache", wantVary: true, wantBody: page},
		{name: "404 page", path: "/s/missing.js", wantStatus: 404, wantCache: "no-cache", wantVary: true, wantBody: notFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := pages.NewHandler(dir, "/s/", tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			get := func(inm string) *http.Response {
				req := httptest.NewRequest("GET", tt.path, nil)
				if tt.gzip {
					req.Header.Set("Accept-Encoding", "gzip")
				}
				if inm != "" {
					req.Header.Set("If-None-Match", inm)
				}
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				return rec.Result()
			}
			res := get("")
			etag := res.Header.Get("ETag")
			if tt.ifNoneMatch != nil {
				res = get(tt.ifNoneMatch(etag))
			}
			if res.StatusCode != tt.wantStatus {
				t.Fatalf("GET %s: status %d, want %d", tt.path, res.StatusCode, tt.wantStatus)
			}
			if got := res.Header.Get("Cache-Control"); got != tt.wantCache {
				t.Errorf("Cache-Control = %q, want %q", got, tt.wantCache)
			}
			if got := res.Header.Get("Vary") == "Accept-Encoding"; got != tt.wantVary {
				t.Errorf("Vary = %q, want Accept-Encoding: %v", res.Header.Get("Vary"), tt.wantVary)
			}
			wantPrefix := `"`
			if tt.wantGzip {
				wantPrefix = `W/"`
			}
			if !strings.HasPrefix(etag, wantPrefix) || len(etag) < len(wantPrefix)+8 {
				t.Errorf("ETag = %q, want one starting with %s", etag, wantPrefix)
			}
			if res.StatusCode == 304 {
				if got := res.Header.Get("ETag"); got != etag {
					t.Errorf("304 ETag = %q, want %q", got, etag)
				}
			} else if got := res.Header.Get("Content-Encoding") == "gzip"; got != tt.wantGzip {
				t.Errorf("Content-Encoding = %q, want gzip: %v", res.Header.Get("Content-Encoding"), tt.wantGzip)
			}
			raw, err := io.ReadAll(res.Body)
			if err != nil {
				t.Fatal(err)
			}
			if cl := res.Header.Get("Content-Length"); cl != "" && cl != strconv.Itoa(len(raw)) {
				t.Errorf("Content-Length = %s, body has %d bytes", cl, len(raw))
			}
			body := raw
			if tt.wantGzip && len(raw) > 0 {
				zr, err := gzip.NewReader(bytes.NewReader(raw))
				if err != nil {
					t.Fatal(err)
				}
				if body, err = io.ReadAll(zr); err != nil {
					t.Fatal(err)
				}
			}
			if string(body) != tt.wantBody {
				t.Errorf("body = %q, want %q", body, tt.wantBody)
			}
		})
	}
}

// TestServeETagSameModTime serves two builds whose file has the same name,
// size and modification time but not the same content, one after the other
// (as the end-to-end harness does to deploy a new version): the ETag must
// differ, and a revalidation with the first one must get the second content.
// The service worker's precache (cache: "no-cache") relies on it.
func TestServeETagSameModTime(t *testing.T) {
	v1 := writeSite(t, map[string]string{"app.js": "version 1"})
	v2 := writeSite(t, map[string]string{"app.js": "version 2"})
	mod := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, dir := range []string{v1, v2} {
		if err := os.Chtimes(filepath.Join(dir, "app.js"), mod, mod); err != nil {
			t.Fatal(err)
		}
	}
	for _, gz := range []bool{false, true} {
		t.Run(fmt.Sprintf("gzip=%v", gz), func(t *testing.T) {
			get := func(dir, inm string) *httptest.ResponseRecorder {
				h, err := pages.NewHandler(dir, "/", pages.ServeOptions{})
				if err != nil {
					t.Fatal(err)
				}
				req := httptest.NewRequest("GET", "/app.js", nil)
				if gz {
					req.Header.Set("Accept-Encoding", "gzip")
				}
				if inm != "" {
					req.Header.Set("If-None-Match", inm)
				}
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				return rec
			}
			old := get(v1, "").Header().Get("ETag")
			if rec := get(v1, old); rec.Code != http.StatusNotModified {
				t.Errorf("revalidation of an unchanged file: status %d, want 304", rec.Code)
			}
			rec := get(v2, old)
			if rec.Code != http.StatusOK {
				t.Fatalf("revalidation with the first build's ETag %s: status %d, want 200", old, rec.Code)
			}
			if now := rec.Header().Get("ETag"); now == old {
				t.Errorf("ETag %s is the same for different content", now)
			}
		})
	}
}
