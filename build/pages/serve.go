// Package pages serves a built HIT Salary site under its base path the way
// GitHub Pages serves a project site, for `make serve` (build/serve), the
// end-to-end tests and the benchmark (build/e2e/harness). It also holds what
// those share with the generator, build/sitegen: the default base path and
// its normalization. It uses the standard library only, so that serving
// files does not link go-app or the minifier.
package pages

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
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

// contentTypes are the media types the handlers send, by extension. They are set
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

// compressible are the extensions served gzip-encoded when the client
// accepts it, like GitHub Pages (Fastly) does. Images that are already
// compressed are sent as they are.
var compressible = map[string]bool{
	".html": true, ".css": true, ".js": true, ".mjs": true, ".json": true, ".webmanifest": true,
	".wasm": true, ".svg": true, ".txt": true, ".xml": true, ".ico": true,
}

// ServeOptions configures NewHandler. The zero value is what Serve uses.
type ServeOptions struct {
	// CacheControl is the Cache-Control header of every file response.
	// Empty means "no-cache": the browser revalidates each time (cheaply,
	// with the ETag), so a rebuild shows up on reload. GitHub Pages sends
	// "max-age=600".
	CacheControl string
	// NoGzip sends every file as it is, whatever the request accepts.
	NoGzip bool
}

// Serve returns a handler that serves the built site in dir under base the
// way GitHub Pages serves a project site, with caching suited to local
// development: NewHandler(dir, base, ServeOptions{}).
func Serve(dir, base string) (http.Handler, error) {
	return NewHandler(dir, base, ServeOptions{})
}

// NewHandler returns a handler that serves the built site in dir under base
// the way GitHub Pages serves a project site:
//   - "/" and the base without its trailing slash redirect to base;
//   - base/ serves index.html, base/x serves x or x.html, a directory
//     serves its index.html (without the slash: a redirect to it);
//   - other paths get 404 (404.html if the build has one);
//   - text and wasm responses are gzip-encoded (gzip -9, as Gzip) when the
//     client accepts it, unless o.NoGzip, with the media types of
//     contentTypes;
//   - every file response carries o.CacheControl, Last-Modified and an ETag
//     of the content (weak when gzip-encoded), so that a revalidation, such
//     as the service worker's precache with cache: "no-cache", gets 304 for
//     an unchanged file and notices a changed one even when its
//     modification time is the same.
//
// Each request opens dir anew as an os.Root: no request can reach outside
// dir, and a rebuild, which replaces dir, is served at once.
func NewHandler(dir, base string, o ServeOptions) (http.Handler, error) {
	b, err := NormalizeBase(base)
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if fi, err := os.Stat(abs); err != nil {
		return nil, err
	} else if !fi.IsDir() {
		return nil, fmt.Errorf("%s is not a directory", dir)
	}
	if o.CacheControl == "" {
		o.CacheControl = "no-cache"
	}
	return &server{dir: abs, base: b, opts: o}, nil
}

type server struct {
	dir  string // absolute
	base string
	opts ServeOptions
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
	vary := !s.opts.NoGzip && compressible[ext]
	gz := vary && acceptsGzip(r)
	body, etag, err := s.content(root, name, fi, gz)
	if err != nil {
		http.Error(w, "reading file failed", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	if ct, ok := contentTypes[ext]; ok {
		h.Set("Content-Type", ct)
	} else {
		h.Set("Content-Type", "application/octet-stream")
	}
	h.Set("Cache-Control", s.opts.CacheControl)
	h.Set("X-Content-Type-Options", "nosniff")
	// As GitHub Pages does: any origin may read the files. A page in an iframe sandboxed
	// without allow-same-origin has an opaque origin, and its fetches of app.wasm and
	// the catalogue are then cross-origin (issue 8).
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("ETag", etag)
	if vary {
		h.Set("Vary", "Accept-Encoding")
	}
	if gz {
		h.Set("Content-Encoding", "gzip")
	}
	if status != http.StatusOK {
		h.Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(status)
		if r.Method != http.MethodHead {
			w.Write(body)
		}
		return
	}
	http.ServeContent(w, r, name, fi.ModTime(), bytes.NewReader(body))
}

// fileVersion is what the handlers remember of one version (modification
// time and size) of a file.
type fileVersion struct {
	mod  time.Time
	size int64
	etag string // strong, of the content
	gz   []byte // the content gzip-encoded; nil until a request asks for it
}

// versions holds the version last served of each file, by absolute path. It is
// shared by all handlers of the process, so that app.wasm is compressed once
// even when several servers serve the same directory. A version is known by
// modification time and size: a file rewritten in place with both unchanged
// would keep its old ETag and gzip body, which builds, writing new files into
// a new directory, never do.
var versions = struct {
	sync.Mutex
	m map[string]fileVersion
}{m: map[string]fileVersion{}}

// content returns the body of the file name in root, which fi describes,
// gzip-encoded if gz, and its ETag.
func (s *server) content(root *os.Root, name string, fi fs.FileInfo, gz bool) ([]byte, string, error) {
	key := filepath.Join(s.dir, filepath.FromSlash(name))
	versions.Lock()
	v, ok := versions.m[key]
	versions.Unlock()
	if !ok || !v.mod.Equal(fi.ModTime()) || v.size != fi.Size() {
		v = fileVersion{mod: fi.ModTime(), size: fi.Size()}
	} else if gz && v.gz != nil {
		return v.gz, "W/" + v.etag, nil
	}
	data, err := root.ReadFile(name)
	if err != nil {
		return nil, "", err
	}
	changed := v.etag == ""
	if changed {
		sum := sha256.Sum256(data)
		v.etag = `"` + hex.EncodeToString(sum[:12]) + `"`
	}
	etag := v.etag
	if gz {
		data = Gzip(data)
		v.gz, changed = data, true
		etag = "W/" + etag
	}
	if changed {
		versions.Lock()
		versions.m[key] = v
		versions.Unlock()
	}
	return data, etag, nil
}

// Gzip returns b compressed with gzip at the best compression level: the
// encoding the handlers send, and the size sitegen.Build reports for
// app.wasm.
func Gzip(b []byte) []byte {
	var buf bytes.Buffer
	// Writes to a bytes.Buffer cannot fail, and the level is valid.
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
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

// DefaultBase is the base path of the GitHub Pages project site: the one
// default of the Makefile's BASE, the build tool, build/serve and the tests
// (which take HIT_BASE).
const DefaultBase = "/hit-salary/"

// NormalizeBase returns base as a path with a leading and a trailing slash
// ("hit-salary" → "/hit-salary/"), or an error if it is not a plain path.
func NormalizeBase(base string) (string, error) {
	if base == "" {
		return "", errors.New("base path is empty: use \"/\" for the site root")
	}
	b := "/" + strings.Trim(base, "/") + "/"
	if b == "//" {
		b = "/"
	}
	for _, r := range b {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./~", r)) {
			return "", fmt.Errorf("base path %q: use letters, digits, '-', '_', '.', '~' and '/' only", base)
		}
	}
	if strings.Contains(b, "//") {
		return "", fmt.Errorf("base path %q: empty segment", base)
	}
	for _, seg := range strings.Split(strings.Trim(b, "/"), "/") {
		if seg == "." || seg == ".." {
			return "", fmt.Errorf("base path %q: no . or .. segments", base)
		}
	}
	return b, nil
}
