package harness

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/hit-salary/hit-salary/build/pages"
)

// Options configures a Server.
type Options struct {
	// Gzip sends compressible files gzip-encoded (gzip -9, computed once per file
	// version) when the request accepts gzip, as GitHub Pages does. Off, files are sent
	// as they are.
	Gzip bool
	// CacheControl is the Cache-Control header of every file response. Empty means
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
// site, with pages.NewHandler: the directory is the root of the base path, "/hit-salary"
// redirects to "/hit-salary/" (for the default Base), a directory answers with its index.html, a missing file
// with the site's 404.html and status 404, and every answer carries Cache-Control
// max-age=600, a content ETag and Last-Modified, so that revalidation works as it does
// there.
//
// Around that handler a Server adds what tests need: it can be stopped for real
// (listener and connections closed) and started again on the same address, switch the
// directory it serves, hold back .wasm answers, log the requests with the bytes sent,
// and emulate a slow link.
type Server struct {
	opts Options

	mu   sync.Mutex
	site http.Handler  // serves the current directory
	err  error         // why the directory given to NewServer cannot be served
	gate chan struct{} // non-nil while .wasm answers are held back
	// tamper maps a URL path to what the server sends instead of the file.
	tamper map[string][]byte
	srv    *http.Server
	addr   string // the address of the last Start, kept to restart on the same port
	log    []Request
}

// NewServer returns a server for the site in dir. It does not listen until Start, which
// reports a dir that cannot be served.
func NewServer(dir string, opts Options) *Server {
	if opts.CacheControl == "" {
		opts.CacheControl = "max-age=600"
	}
	s := &Server{opts: opts}
	s.site, s.err = s.handler(dir)
	return s
}

// handler returns the site handler for dir.
func (s *Server) handler(dir string) (http.Handler, error) {
	return pages.NewHandler(dir, Base, pages.ServeOptions{CacheControl: s.opts.CacheControl, NoGzip: !s.opts.Gzip})
}

// Start listens on addr ("127.0.0.1:0" picks a free port) and serves until Stop. After a
// Stop, Start("") listens again on the same address.
func (s *Server) Start(addr string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return s.err
	}
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

// SetDir switches the directory served, for example to deploy a new version. Requests
// already being answered finish with the old directory.
func (s *Server) SetDir(dir string) error {
	h, err := s.handler(dir)
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.site, s.err = h, nil
	s.mu.Unlock()
	return nil
}

// HoldWasm makes every request for a .wasm (or .wasm.xz) file wait until release is called (or the
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

// Tamper makes the server answer GET path (a URL path, e.g. Base+"web/app.wasm.xz") with
// status 200 and body instead of the file, with no caching, until the server is stopped
// for good; a nil body serves the file again. For testing what the page does with a
// corrupt download.
func (s *Server) Tamper(path string, body []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if body == nil {
		delete(s.tamper, path)
		return
	}
	if s.tamper == nil {
		s.tamper = map[string][]byte{}
	}
	s.tamper[path] = body
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
	h, gate, err := s.site, s.gate, s.err
	body, tampered := s.tamper[r.URL.Path]
	s.mu.Unlock()
	if h == nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	if gate != nil && (strings.HasSuffix(r.URL.Path, ".wasm") || strings.HasSuffix(r.URL.Path, ".wasm.xz")) {
		select {
		case <-gate:
		case <-r.Context().Done():
			return
		}
	}
	if tampered {
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("Content-Length", fmt.Sprint(len(body)))
		w.Write(body)
		return
	}
	h.ServeHTTP(w, r)
}

// Gzip returns b compressed as the server sends it when gzip is on (pages.Gzip).
func Gzip(b []byte) []byte { return pages.Gzip(b) }

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
