package site

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
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
		h, err := Serve(c.Out, base)
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

func TestAcceptsGzip(t *testing.T) {
	tests := []struct {
		header string
		want   bool
	}{
		{"", false},
		{"gzip", true},
		{"br, gzip;q=0.5", true},
		{"gzip;q=0", false},
		{"deflate", false},
		{"GZIP", true},
	}
	for _, tt := range tests {
		t.Run(tt.header, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/", nil)
			r.Header.Set("Accept-Encoding", tt.header)
			if got := acceptsGzip(r); got != tt.want {
				t.Errorf("acceptsGzip(%q) = %v, want %v", tt.header, got, tt.want)
			}
		})
	}
}

func TestServeBadDir(t *testing.T) {
	if _, err := Serve(t.TempDir()+"/missing", "/x/"); err == nil {
		t.Errorf("Serve on a missing directory: no error")
	}
	if _, err := Serve(t.TempDir(), "/a b/"); err == nil {
		t.Errorf("Serve with a bad base: no error")
	}
	var _ http.Handler = (*server)(nil)
}

// TestServeAfterRebuild rebuilds the site while a handler serves it: Build
// replaces the directory, and the handler must serve the new files (the
// update flow and `make build` next to `make serve` rely on it).
func TestServeAfterRebuild(t *testing.T) {
	c := fixture(t)
	c.Version = "v1"
	mustBuild(t, c)
	h, err := Serve(c.Out, c.Base)
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
