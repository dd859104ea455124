package harness

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// contentTypes overrides the system MIME table for the types the site serves, so that
// the answer does not depend on /etc/mime.types.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".json":        "application/json",
	".webmanifest": "application/manifest+json",
	".wasm":        "application/wasm",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".ico":         "image/x-icon",
	".txt":         "text/plain; charset=utf-8",
	".xml":         "application/xml",
}

// compressible lists the extensions GitHub Pages (Fastly) sends gzip-encoded when the
// browser accepts it. Images that are already compressed are sent as they are.
var compressible = map[string]bool{
	".html": true, ".js": true, ".css": true, ".json": true, ".webmanifest": true,
	".wasm": true, ".svg": true, ".txt": true, ".xml": true, ".ico": true,
}

// Options configures a Server.
type Options struct {
	// Gzip sends compressible files gzip-encoded (level 9, computed once per file) when
	// the request accepts gzip, as GitHub Pages does. Off, files are sent as they are.
	Gzip bool
	// CacheControl is the Cache-Control header of every response. Empty means
	// "max-age=600", what GitHub Pages sends.
	CacheControl string
	// Link, when set, makes the server behave like the far end of a slow link that all
	// connections share: see Link.
	Link *Link
}

// Link emulates a network link at the server, so that it applies to every request the
// browser makes, including a service worker's (DevTools network emulation applies to the
// page only). Each new connection waits one RTT before its first byte is read (the TCP
// handshake), each response one RTT before its headers (request and first byte), and all
// response bodies share one token bucket of Down bits per second.
type Link struct {
	RTT  time.Duration
	Down float64 // bits per second

	mu   sync.Mutex
	next time.Time // when the bucket can send again
}

// wait blocks until n bytes may be sent.
func (l *Link) wait(n int) {
	d := time.Duration(float64(n) * 8 / l.Down * float64(time.Second))
	l.mu.Lock()
	now := time.Now()
	if l.next.Before(now) {
		l.next = now
	}
	l.next = l.next.Add(d)
	until := l.next
	l.mu.Unlock()
	time.Sleep(time.Until(until))
}

// linkConn delays the first read of a connection by one RTT.
type linkConn struct {
	net.Conn
	rtt  time.Duration
	once sync.Once
}

func (c *linkConn) Read(b []byte) (int, error) {
	c.once.Do(func() { time.Sleep(c.rtt) })
	return c.Conn.Read(b)
}

type linkListener struct {
	net.Listener
	rtt time.Duration
}

func (l linkListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &linkConn{Conn: c, rtt: l.rtt}, nil
}

// linkWriter sends a response body through the link's bucket in small chunks.
type linkWriter struct {
	http.ResponseWriter
	link   *Link
	header bool
}

func (w *linkWriter) WriteHeader(code int) {
	if !w.header {
		w.header = true
		time.Sleep(w.link.RTT)
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *linkWriter) Write(b []byte) (int, error) {
	if !w.header {
		w.WriteHeader(http.StatusOK)
	}
	const chunk = 8 << 10
	n := 0
	for len(b) > 0 {
		k := min(len(b), chunk)
		w.link.wait(k)
		m, err := w.ResponseWriter.Write(b[:k])
		n += m
		if err != nil {
			return n, err
		}
		if f, ok := w.ResponseWriter.(http.Flusher); ok {
			f.Flush()
		}
		b = b[k:]
	}
	return n, nil
}

// Request is one request the server answered.
type Request struct {
	Path     string // URL path, without the query
	Query    string // raw query
	Status   int    // HTTP status sent
	Bytes    int64  // body bytes written (compressed size when gzip-encoded)
	Encoding string // Content-Encoding sent, "" if none
	Time     time.Time
}

// Server serves a built site under Base on 127.0.0.1 like GitHub Pages serves a project
// site: the directory is the root of the sub-path, "/hit-salary" redirects to
// "/hit-salary/", a directory answers with its index.html, a missing file with the
// site's 404.html and status 404, and every answer carries Cache-Control max-age=600, a
// content ETag and Last-Modified, so that revalidation works as it does there.
//
// A Server can be stopped for real (listener and connections closed) and started again
// on the same address, switch the directory it serves, and hold back .wasm answers.
type Server struct {
	opts Options

	mu   sync.Mutex
	dir  string
	gate chan struct{} // non-nil while .wasm answers are held back
	srv  *http.Server
	addr string // the address of the last Start, kept to restart on the same port
	log  []Request
}

// fileCache holds each file version's ETag and gzip -9 body, by path, modification time
// and size, shared by all servers of the process so that compressing app.wasm happens
// once.
var fileCache = struct {
	sync.Mutex
	etag map[string]string
	gz   map[string][]byte
}{etag: map[string]string{}, gz: map[string][]byte{}}

func cacheKey(file string, fi os.FileInfo) string {
	return fmt.Sprintf("%s\x00%d\x00%d", file, fi.ModTime().UnixNano(), fi.Size())
}

// etag returns a strong ETag of the file's content, as GitHub Pages sends one: a
// revalidation must notice a changed file even when its modification time is the same.
func etag(file string, fi os.FileInfo, body []byte) string {
	key := cacheKey(file, fi)
	fileCache.Lock()
	defer fileCache.Unlock()
	if e, ok := fileCache.etag[key]; ok {
		return e
	}
	sum := sha256.Sum256(body)
	e := `"` + hex.EncodeToString(sum[:12]) + `"`
	fileCache.etag[key] = e
	return e
}

// NewServer returns a server for the site in dir. It does not listen until Start.
func NewServer(dir string, opts Options) *Server {
	if opts.CacheControl == "" {
		opts.CacheControl = "max-age=600"
	}
	return &Server{opts: opts, dir: dir}
}

// Start listens on addr ("127.0.0.1:0" picks a free port) and serves until Stop. After a
// Stop, Start("") listens again on the same address.
func (s *Server) Start(addr string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.srv != nil {
		return errors.New("server already started")
	}
	if addr == "" {
		addr = s.addr
	}
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen %s: %w", addr, err)
	}
	s.addr = ln.Addr().String()
	if s.opts.Link != nil {
		ln = linkListener{Listener: ln, rtt: s.opts.Link.RTT}
	}
	s.srv = &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go s.srv.Serve(ln)
	return nil
}

// Stop closes the listener and every open connection: afterwards nothing answers on the
// address. It is safe to call on a stopped server.
func (s *Server) Stop() error {
	s.mu.Lock()
	srv := s.srv
	s.srv = nil
	s.mu.Unlock()
	if srv == nil {
		return nil
	}
	return srv.Close()
}

// Addr returns host:port of the last Start.
func (s *Server) Addr() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addr
}

// Origin returns "http://host:port".
func (s *Server) Origin() string { return "http://" + s.Addr() }

// URL returns the site's address: the origin followed by Base.
func (s *Server) URL() string { return s.Origin() + Base }

// SetDir switches the directory served, for example to deploy a new version.
func (s *Server) SetDir(dir string) {
	s.mu.Lock()
	s.dir = dir
	s.mu.Unlock()
}

// HoldWasm makes every request for a .wasm file wait until release is called (or the
// request is cancelled). release may be called more than once.
func (s *Server) HoldWasm() (release func()) {
	gate := make(chan struct{})
	s.mu.Lock()
	s.gate = gate
	s.mu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			s.mu.Lock()
			if s.gate == gate {
				s.gate = nil
			}
			s.mu.Unlock()
			close(gate)
		})
	}
}

// Log returns the requests answered since the last ResetLog, oldest first.
func (s *Server) Log() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.log...)
}

// ResetLog forgets the requests answered so far.
func (s *Server) ResetLog() {
	s.mu.Lock()
	s.log = nil
	s.mu.Unlock()
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	cw := &countingWriter{ResponseWriter: w, status: http.StatusOK}
	var out http.ResponseWriter = cw
	if s.opts.Link != nil {
		out = &linkWriter{ResponseWriter: cw, link: s.opts.Link}
	}
	s.serve(out, r)
	s.mu.Lock()
	s.log = append(s.log, Request{Path: r.URL.Path, Query: r.URL.RawQuery, Status: cw.status,
		Bytes: cw.n, Encoding: cw.Header().Get("Content-Encoding"), Time: time.Now()})
	s.mu.Unlock()
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	dir, gate := s.dir, s.gate
	s.mu.Unlock()

	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if r.URL.Path == strings.TrimSuffix(Base, "/") {
		target := Base
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusMovedPermanently)
		return
	}
	rel, ok := strings.CutPrefix(r.URL.Path, Base)
	if !ok {
		http.NotFound(w, r)
		return
	}
	name := path.Clean("/" + rel)
	if strings.HasSuffix(rel, "/") || rel == "" {
		name = path.Join(name, "index.html")
	}
	file := filepath.Join(dir, filepath.FromSlash(name))
	if fi, err := os.Stat(file); err == nil && fi.IsDir() {
		file = filepath.Join(file, "index.html")
		name = path.Join(name, "index.html")
	}
	status := http.StatusOK
	fi, err := os.Stat(file)
	if err != nil {
		file, name = filepath.Join(dir, "404.html"), "/404.html"
		if fi, err = os.Stat(file); err != nil {
			http.NotFound(w, r)
			return
		}
		status = http.StatusNotFound
	}

	if gate != nil && strings.HasSuffix(name, ".wasm") {
		select {
		case <-gate:
		case <-r.Context().Done():
			return
		}
	}

	body, err := os.ReadFile(file)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	ext := path.Ext(name)
	h := w.Header()
	if ct, ok := contentTypes[ext]; ok {
		h.Set("Content-Type", ct)
	} else if ct := mime.TypeByExtension(ext); ct != "" {
		h.Set("Content-Type", ct)
	}
	h.Set("Cache-Control", s.opts.CacheControl)
	tag := etag(file, fi, body)
	if s.opts.Gzip && compressible[ext] {
		h.Add("Vary", "Accept-Encoding")
		if acceptsGzip(r) {
			body = gzipped(file, fi, body)
			h.Set("Content-Encoding", "gzip")
			tag = `W/` + tag
		}
	}
	h.Set("ETag", tag)
	if status != http.StatusOK {
		h.Set("Content-Length", fmt.Sprint(len(body)))
		w.WriteHeader(status)
		if r.Method != http.MethodHead {
			w.Write(body)
		}
		return
	}
	http.ServeContent(w, r, name, fi.ModTime(), bytes.NewReader(body))
}

// gzipped returns body compressed with gzip -9, computed once per file version.
func gzipped(file string, fi os.FileInfo, body []byte) []byte {
	key := cacheKey(file, fi)
	fileCache.Lock()
	gz, ok := fileCache.gz[key]
	fileCache.Unlock()
	if ok {
		return gz
	}
	gz = Gzip(body)
	fileCache.Lock()
	fileCache.gz[key] = gz
	fileCache.Unlock()
	return gz
}

// Gzip returns b compressed with gzip at the best compression level.
func Gzip(b []byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		if strings.TrimSpace(strings.SplitN(part, ";", 2)[0]) == "gzip" {
			return true
		}
	}
	return false
}

// countingWriter records the status and the number of body bytes written.
type countingWriter struct {
	http.ResponseWriter
	status int
	n      int64
}

func (c *countingWriter) WriteHeader(code int) {
	c.status = code
	c.ResponseWriter.WriteHeader(code)
}

func (c *countingWriter) Write(b []byte) (int, error) {
	n, err := c.ResponseWriter.Write(b)
	c.n += int64(n)
	return n, err
}

// ReadFrom keeps io.Copy from bypassing the count.
func (c *countingWriter) ReadFrom(r io.Reader) (int64, error) {
	return io.Copy(struct{ io.Writer }{c}, r)
}

// Flush sends buffered data to the client.
func (c *countingWriter) Flush() {
	if f, ok := c.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}
