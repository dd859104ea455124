package site

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// contentTypes are the media types Serve sends, by extension. They are set
// explicitly because the system's MIME table may lack .webmanifest or map
// .js differently, and browsers refuse to stream-compile WebAssembly served
// as anything but application/wasm.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".json":        "application/json",
	".webmanifest": "application/manifest+json",
	".wasm":        "application/wasm",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".ico":         "image/x-icon",
	".txt":         "text/plain; charset=utf-8",
	".xml":         "application/xml",
	".woff2":       "font/woff2",
}

// compressible are the extensions Serve gzips, like GitHub Pages does.
var compressible = map[string]bool{".html": true, ".css": true, ".js": true, ".mjs": true, ".json": true, ".webmanifest": true, ".wasm": true, ".svg": true, ".txt": true, ".xml": true}

// Serve returns a handler that serves the built site in dir under base the
// way GitHub Pages serves a project site:
//   - "/" and the base without its trailing slash redirect to base;
//   - base/ serves index.html, base/x serves x or x.html, a directory
//     serves its index.html (without the slash: a redirect to it);
//   - other paths get 404 (404.html if the build has one);
//   - text and wasm responses are gzip-compressed when the client accepts
//     it, with the media types of contentTypes.
//
// Responses carry Cache-Control: no-cache, so a rebuild shows up on reload
// (the service worker still caches what it precaches). Each request opens
// dir anew as an os.Root: no request can reach outside dir, and a rebuild,
// which replaces dir, is served at once.
func Serve(dir, base string) (http.Handler, error) {
	b, err := NormalizeBase(base)
	if err != nil {
		return nil, err
	}
	if fi, err := os.Stat(dir); err != nil {
		return nil, err
	} else if !fi.IsDir() {
		return nil, fmt.Errorf("%s is not a directory", dir)
	}
	return &server{dir: dir, base: b, gz: map[string]gzEntry{}}, nil
}

type server struct {
	dir  string
	base string

	mu sync.Mutex
	gz map[string]gzEntry // gzip bodies by file, valid for modTime and size
}

type gzEntry struct {
	mod  time.Time
	size int64
	body []byte
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	root, err := os.OpenRoot(s.dir)
	if err != nil {
		http.Error(w, "site directory unavailable (rebuilding?)", http.StatusServiceUnavailable)
		return
	}
	defer root.Close()
	s.serve(w, r, root)
}

func (s *server) serve(w http.ResponseWriter, r *http.Request, root *os.Root) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	short := strings.TrimSuffix(s.base, "/")
	if s.base != "/" && (p == "/" || p == short) {
		s.redirect(w, r, s.base)
		return
	}
	if !strings.HasPrefix(p, s.base) {
		s.notFound(w, r, root)
		return
	}
	rel := strings.TrimPrefix(p, s.base)
	if rel != "" && path.Clean("/" + rel)[1:] != strings.TrimSuffix(rel, "/") {
		// Dot segments or repeated slashes: not a URL the site links to.
		s.notFound(w, r, root)
		return
	}
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	} else if fi, err := root.Stat(rel); err == nil && fi.IsDir() {
		s.redirect(w, r, p+"/")
		return
	}
	name, fi := findFile(root, rel)
	if name == "" {
		s.notFound(w, r, root)
		return
	}
	s.serveFile(w, r, root, name, fi, http.StatusOK)
}

// findFile finds the file for rel: rel itself, else rel.html for a path
// without extension.
func findFile(root *os.Root, rel string) (string, fs.FileInfo) {
	for _, name := range []string{rel, rel + ".html"} {
		if name != rel && path.Ext(rel) != "" {
			break
		}
		fi, err := root.Stat(name)
		if err == nil && fi.Mode().IsRegular() {
			return name, fi
		}
	}
	return "", nil
}

func (s *server) redirect(w http.ResponseWriter, r *http.Request, to string) {
	if r.URL.RawQuery != "" {
		to += "?" + r.URL.RawQuery
	}
	// 302, not 301 like GitHub Pages: browsers cache permanent redirects,
	// which would outlive a local server started with another base.
	http.Redirect(w, r, to, http.StatusFound)
}

func (s *server) notFound(w http.ResponseWriter, r *http.Request, root *os.Root) {
	if name, fi := findFile(root, "404.html"); name != "" {
		s.serveFile(w, r, root, name, fi, http.StatusNotFound)
		return
	}
	http.NotFound(w, r)
}

func (s *server) serveFile(w http.ResponseWriter, r *http.Request, root *os.Root, name string, fi fs.FileInfo, status int) {
	ext := path.Ext(name)
	h := w.Header()
	if ct, ok := contentTypes[ext]; ok {
		h.Set("Content-Type", ct)
	} else {
		h.Set("Content-Type", "application/octet-stream")
	}
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Content-Type-Options", "nosniff")
	body, gz, err := s.body(root, name, fi, compressible[ext] && acceptsGzip(r))
	if err != nil {
		http.Error(w, "reading file failed", http.StatusInternalServerError)
		return
	}
	if compressible[ext] {
		h.Set("Vary", "Accept-Encoding")
	}
	if gz {
		h.Set("Content-Encoding", "gzip")
	}
	if status != http.StatusOK {
		w.WriteHeader(status)
		if r.Method != http.MethodHead {
			w.Write(body)
		}
		return
	}
	http.ServeContent(w, r, name, fi.ModTime(), bytes.NewReader(body))
}

// body returns the file's content, gzipped if gz (cached per file version).
func (s *server) body(root *os.Root, name string, fi fs.FileInfo, gz bool) ([]byte, bool, error) {
	if gz {
		s.mu.Lock()
		e, ok := s.gz[name]
		s.mu.Unlock()
		if ok && e.mod.Equal(fi.ModTime()) && e.size == fi.Size() {
			return e.body, true, nil
		}
	}
	data, err := root.ReadFile(name)
	if err != nil || !gz {
		return data, false, err
	}
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write(data); err != nil {
		return nil, false, err
	}
	if err := zw.Close(); err != nil {
		return nil, false, err
	}
	s.mu.Lock()
	s.gz[name] = gzEntry{mod: fi.ModTime(), size: fi.Size(), body: b.Bytes()}
	s.mu.Unlock()
	return b.Bytes(), true, nil
}

// acceptsGzip reports whether the request accepts gzip content coding.
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(coding), "gzip") {
			continue
		}
		q, ok := strings.CutPrefix(strings.ReplaceAll(params, " ", ""), "q=")
		if !ok {
			return true
		}
		f, err := strconv.ParseFloat(q, 64)
		return err == nil && f > 0
	}
	return false
}

// ErrNoSite is returned by CheckServable when dir holds no built site.
var ErrNoSite = errors.New("no built site (index.html missing): run make build first")

// CheckServable reports whether dir holds a built site.
func CheckServable(dir string) error {
	if _, err := os.Stat(filepath.Join(dir, "index.html")); err != nil {
		return ErrNoSite
	}
	return nil
}
