package harness

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// testSite writes a tiny site into a new directory: an index.html with text, a
// compressible app.wasm and a 404.html.
func testSite(t *testing.T, index string) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"index.html":   index,
		"404.html":     "<!doctype html><title>Not found</title>",
		"web/app.wasm": "\x00asm" + string(bytes.Repeat([]byte("wasm "), 2000)),
	}
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

// client does not decompress, so that tests see the bytes on the wire.
var client = &http.Client{Transport: &http.Transport{DisableCompression: true}}

func get(t *testing.T, url string, header map[string]string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, body
}

func start(t *testing.T, dir string, opts Options) *Server {
	t.Helper()
	s := NewServer(dir, opts)
	if err := s.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Stop() })
	return s
}

// TestServerLog checks what the log records of each request, bytes on the wire
// included, with and without gzip; the benchmark adds these bytes up.
func TestServerLog(t *testing.T) {
	dir := testSite(t, "<!doctype html><title>Start</title>")
	wasm, err := os.ReadFile(filepath.Join(dir, "web", "app.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name         string
		opts         Options
		path         string
		wantStatus   int
		wantEncoding string
		wantBytes    int64
	}{
		{name: "wasm as it is", path: "web/app.wasm", wantStatus: 200, wantBytes: int64(len(wasm))},
		{name: "wasm gzip", opts: Options{Gzip: true}, path: "web/app.wasm", wantStatus: 200, wantEncoding: "gzip", wantBytes: int64(len(Gzip(wasm)))},
		{name: "missing file", path: "nope.js", wantStatus: 404, wantBytes: int64(len("<!doctype html><title>Not found</title>"))},
		{name: "through a link", opts: Options{Gzip: true, Link: &Link{RTT: time.Millisecond, Down: 1e9}}, path: "web/app.wasm", wantStatus: 200, wantEncoding: "gzip", wantBytes: int64(len(Gzip(wasm)))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := start(t, dir, tt.opts)
			res, body := get(t, s.URL()+tt.path+"?q=1", map[string]string{"Accept-Encoding": "gzip"})
			if res.StatusCode != tt.wantStatus || int64(len(body)) != tt.wantBytes {
				t.Errorf("GET %s: status %d with %d bytes, want %d with %d", tt.path, res.StatusCode, len(body), tt.wantStatus, tt.wantBytes)
			}
			log := waitLog(s, 1)
			if len(log) != 1 {
				t.Fatalf("log has %d requests, want 1: %+v", len(log), log)
			}
			q := log[0]
			if q.Path != Base+tt.path || q.Query != "q=1" || q.Status != tt.wantStatus || q.Bytes != tt.wantBytes || q.Encoding != tt.wantEncoding {
				t.Errorf("logged %+v, want path %s, query q=1, status %d, %d bytes, encoding %q",
					q, Base+tt.path, tt.wantStatus, tt.wantBytes, tt.wantEncoding)
			}
			s.ResetLog()
			if n := len(s.Log()); n != 0 {
				t.Errorf("after ResetLog the log has %d requests", n)
			}
		})
	}
}

// waitLog returns the log once it has n requests, or after a second: a request is
// logged when its handler returns, which can be just after the client has read the
// whole answer.
func waitLog(s *Server, n int) []Request {
	deadline := time.Now().Add(time.Second)
	for {
		log := s.Log()
		if len(log) >= n || time.Now().After(deadline) {
			return log
		}
		time.Sleep(time.Millisecond)
	}
}

// TestServerCaching checks GitHub Pages' caching headers and revalidation with the ETag.
func TestServerCaching(t *testing.T) {
	s := start(t, testSite(t, "<!doctype html><title>Start</title>"), Options{})
	res, _ := get(t, s.URL(), nil)
	etag := res.Header.Get("ETag")
	if cc := res.Header.Get("Cache-Control"); cc != "max-age=600" || etag == "" {
		t.Fatalf("Cache-Control %q, ETag %q: want max-age=600 and an ETag", cc, etag)
	}
	if res, _ := get(t, s.URL(), map[string]string{"If-None-Match": etag}); res.StatusCode != http.StatusNotModified {
		t.Errorf("revalidation: status %d, want 304", res.StatusCode)
	}
}

// TestServerControls checks SetDir, HoldWasm and Stop then Start on the same address.
func TestServerControls(t *testing.T) {
	s := start(t, testSite(t, "first"), Options{})
	if _, body := get(t, s.URL(), nil); string(body) != "first" {
		t.Fatalf("start page %q, want first", body)
	}
	res, _ := get(t, s.URL(), nil)
	etag := res.Header.Get("ETag")
	if err := s.SetDir(testSite(t, "second")); err != nil {
		t.Fatal(err)
	}
	if res, body := get(t, s.URL(), map[string]string{"If-None-Match": etag}); res.StatusCode != 200 || string(body) != "second" {
		t.Errorf("after SetDir, revalidation got %d %q, want 200 second", res.StatusCode, body)
	}
	if err := s.SetDir(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Errorf("SetDir to a missing directory: no error")
	}

	release := s.HoldWasm()
	done := make(chan []byte, 1)
	go func() {
		// Not get: t.Fatal must not be called from another goroutine.
		var body []byte
		if res, err := client.Get(s.URL() + "web/app.wasm"); err == nil {
			body, _ = io.ReadAll(res.Body)
			res.Body.Close()
		}
		done <- body
	}()
	if _, body := get(t, s.URL(), nil); string(body) != "second" {
		t.Errorf("while wasm is held, start page %q, want second", body)
	}
	select {
	case <-done:
		t.Fatalf("app.wasm answered while held")
	case <-time.After(200 * time.Millisecond):
	}
	release()
	release()
	select {
	case body := <-done:
		if !bytes.HasPrefix(body, []byte("\x00asm")) {
			t.Errorf("released app.wasm: %d bytes without the wasm header", len(body))
		}
	case <-time.After(5 * time.Second):
		t.Fatalf("app.wasm still held after release")
	}

	addr := s.Addr()
	if err := s.Stop(); err != nil {
		t.Fatal(err)
	}
	if res, err := client.Get(s.URL()); err == nil {
		res.Body.Close()
		t.Fatalf("answered after Stop: %s", res.Status)
	}
	if err := s.Start(""); err != nil {
		t.Fatal(err)
	}
	if s.Addr() != addr {
		t.Errorf("restarted on %s, want %s", s.Addr(), addr)
	}
	if _, body := get(t, s.URL(), nil); string(body) != "second" {
		t.Errorf("after restart, start page %q, want second", body)
	}
}

// TestNewServerMissingDir checks that Start reports a directory that cannot be served.
func TestNewServerMissingDir(t *testing.T) {
	s := NewServer(filepath.Join(t.TempDir(), "missing"), Options{})
	if err := s.Start("127.0.0.1:0"); err == nil {
		s.Stop()
		t.Errorf("Start with a missing directory: no error")
	}
}

// TestGzipRoundTrip checks that Gzip output decompresses to its input.
func TestGzipRoundTrip(t *testing.T) {
	in := bytes.Repeat([]byte("HIT Salary "), 100)
	zr, err := gzip.NewReader(bytes.NewReader(Gzip(in)))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil || !bytes.Equal(out, in) {
		t.Errorf("Gzip does not round-trip: %v", err)
	}
}
