package sitegen

import (
	"bytes"
	"context"
	"encoding/json"
	"github.com/hit-salary/hit-salary/build/layout"
	"github.com/hit-salary/hit-salary/build/pages"
	"github.com/hit-salary/hit-salary/build/verify"
	"io"
	"maps"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hit-salary/hit-salary/build/sw"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"golang.org/x/net/html"
)

// generatedFiles are the files every build writes besides the pages and
// the copied web/ assets.
var generatedFiles = []string{
	".nojekyll", "app-worker.js", "app.css", "app.js", "manifest.webmanifest", "wasm_exec.js",
	"web/app.wasm", "web/icon-192.png", "web/icon-512.png", "web/icon-maskable-512.png", "web/icon.svg",
	"web/tt.js", // the Trusted Types default policy (issue 8)
}

func TestBuild(t *testing.T) {
	tests := []struct {
		name   string
		base   string
		domain string
		// wantOGURL is the start page's og:url; "" means none on any page.
		wantOGURL string
	}{
		{name: "GitHub Pages project site", base: "/hit-salary/"},
		{name: "project site with a domain", base: "/hit-salary/", domain: "example.github.io", wantOGURL: "https://example.github.io/hit-salary/"},
		{name: "custom domain at the site root", base: "/", domain: "salary.example.org", wantOGURL: "https://salary.example.org/"},
		{name: "site root without a domain", base: "/"},
		{name: "nested base path", base: "tools/hit-salary"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := fixture(t)
			c.Base, c.Domain = tt.base, tt.domain
			r := mustBuild(t, c)
			base, _ := pages.NormalizeBase(tt.base)
			out := c.Out

			// The file list: go-app's files, icons, pages, web/ assets
			// (without dot files), nothing else.
			want := slices.Clone(generatedFiles)
			for _, p := range standInPages {
				want = append(want, pageFile(p))
			}
			for name := range webAssets {
				if !strings.HasPrefix(name, ".") {
					want = append(want, "web/"+name)
				}
			}
			if tt.domain != "" {
				want = append(want, "sitemap.xml") // absolute addresses need the domain
			}
			slices.Sort(want)
			var got []string
			for _, f := range r.Files {
				got = append(got, f.Path)
			}
			if !slices.Equal(got, want) {
				t.Errorf("files:\n got %q\nwant %q", got, want)
			}

			if err := verify.Verify(out, verify.Options{Base: base, Domain: tt.domain, Version: c.Version, Minified: true}); err != nil {
				t.Errorf("Verify: %v", err)
			}

			if wasm := read(t, out, "web/app.wasm"); !bytes.Equal(wasm, fakeWasm) {
				t.Errorf("web/app.wasm changed: got %q, want %q", wasm, fakeWasm)
			}
			if r.WasmSize != int64(len(fakeWasm)) || r.WasmGzip <= 0 {
				t.Errorf("report wasm sizes = %d raw, %d gzip; want %d raw", r.WasmSize, r.WasmGzip, len(fakeWasm))
			}

			var m manifest
			if err := json.Unmarshal(read(t, out, "manifest.webmanifest"), &m); err != nil {
				t.Fatalf("manifest: %v", err)
			}
			if m.Scope != base || m.StartURL != base || m.ID != base {
				t.Errorf("manifest id, scope, start_url = %q, %q, %q; want %q", m.ID, m.Scope, m.StartURL, base)
			}

			worker := read(t, out, "app-worker.js")
			if !bytes.Contains(worker, []byte(c.Version+"+"+r.Digest)) {
				t.Errorf("app-worker.js lacks the cache name version %q", c.Version+"+"+r.Digest)
			}
			list, err := sw.Precache(worker)
			if err != nil || !slices.Contains(list, base) {
				t.Errorf("precache list %q (err %v) lacks the scope URL %q", list, err, base)
			}

			for _, p := range standInPages {
				doc := parseHTML(t, read(t, out, pageFile(p)))
				ogURL, wantOGURL := metaContent(doc, "og:url"), tt.wantOGURL
				if wantOGURL != "" {
					wantOGURL += strings.TrimPrefix(p, "/")
				}
				if ogURL != wantOGURL {
					t.Errorf("%s: og:url = %q, want %q", p, ogURL, wantOGURL)
				}
				if tt.domain == "" && metaContent(doc, "og:image") != "" {
					t.Errorf("%s: og:image without a domain: %q", p, metaContent(doc, "og:image"))
				}
				for _, ref := range localRefs(doc) {
					if !strings.HasPrefix(ref, base) {
						t.Errorf("%s: reference %q is not under %q", p, ref, base)
					}
				}
			}
		})
	}
}

// TestBuildReproducible builds twice and wants identical bytes: go-app
// writes attributes in random order, which Build must normalise, or every
// build would make browsers download a "new version".
func TestBuildReproducible(t *testing.T) {
	c := fixture(t)
	first := mustBuild(t, c)
	a := readTree(t, c.Out)
	second := mustBuild(t, c)
	b := readTree(t, c.Out)
	if first.Digest != second.Digest {
		t.Errorf("digest %s then %s", first.Digest, second.Digest)
	}
	for _, name := range slices.Sorted(maps.Keys(a)) {
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("%s differs between two builds:\n%s\n%s", name, a[name], b[name])
		}
	}
}

// TestBuildMinifies builds with and without minification: every text file
// must shrink, and the binary files must be identical.
func TestBuildMinifies(t *testing.T) {
	c := fixture(t)
	mustBuild(t, c)
	mini := readTree(t, c.Out)
	c.Minify = false
	mustBuild(t, c)
	plain := readTree(t, c.Out)
	for _, name := range slices.Sorted(maps.Keys(plain)) {
		_, text := layout.TextType(name)
		switch {
		case name == "app-worker.js":
			// Holds the digest of the other files: compare sizes only.
			fallthrough
		case text:
			if len(mini[name]) >= len(plain[name]) {
				t.Errorf("%s: minified %d bytes, not smaller than %d", name, len(mini[name]), len(plain[name]))
			}
		default:
			if !bytes.Equal(mini[name], plain[name]) {
				t.Errorf("%s: binary file changed by minification", name)
			}
		}
	}
}

// TestBuildKeepsPreviousOnFailure checks that a failed build leaves the
// previous one in place and no staging directory behind.
func TestBuildKeepsPreviousOnFailure(t *testing.T) {
	c := fixture(t)
	mustBuild(t, c)
	before := readTree(t, c.Out)
	bad := c
	bad.Pages = append(slices.Clone(c.Pages), "/not-routed")
	if _, err := Build(context.Background(), bad); err == nil || !strings.Contains(err.Error(), "did not render") {
		t.Fatalf("Build with an unrouted page: err = %v, want \"did not render\"", err)
	}
	after := readTree(t, c.Out)
	if !maps.EqualFunc(before, after, bytes.Equal) {
		t.Errorf("failed build changed the previous output")
	}
	entries, _ := os.ReadDir(filepath.Dir(c.Out))
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("staging directory %s left behind", e.Name())
		}
	}
}

func TestBuildErrors(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(t *testing.T, c *Config)
		wantErr string
	}{
		{"missing version", func(t *testing.T, c *Config) { c.Version = "" }, "missing -version"},
		{"quote in version", func(t *testing.T, c *Config) { c.Version = `v1"` }, "no quotes"},
		{"missing wasm flag", func(t *testing.T, c *Config) { c.Wasm = "" }, "missing -wasm"},
		{"wasm file absent", func(t *testing.T, c *Config) { c.Wasm += ".nope" }, "reading -wasm"},
		{"wasm not a module", func(t *testing.T, c *Config) {
			os.WriteFile(c.Wasm, []byte("<!doctype html>"), 0o644)
		}, "not a WebAssembly module"},
		{"base with a space", func(t *testing.T, c *Config) { c.Base = "/hit salary/" }, "base path"},
		{"base with dot-dot", func(t *testing.T, c *Config) { c.Base = "/a/../b/" }, "no . or .."},
		{"domain with a scheme", func(t *testing.T, c *Config) { c.Domain = "https://example.org" }, "domain"},
		{"bad theme colour", func(t *testing.T, c *Config) { c.ThemeColor = "teal" }, "want #rrggbb"},
		{"third-party stylesheet", func(t *testing.T, c *Config) {
			c.Styles = append(c.Styles, "https://cdn.example.com/x.css")
		}, "no third-party resources"},
		{"style missing from web/", func(t *testing.T, c *Config) {
			c.Styles = append(c.Styles, "/web/missing.css")
		}, "no such file"},
		{"page with a query", func(t *testing.T, c *Config) { c.Pages = []string{"/?role=x"} }, "want a clean absolute path"},
		{"page not routed", func(t *testing.T, c *Config) { c.Pages = []string{"/nowhere"} }, "did not render"},
		{"web/ overrides a generated icon", func(t *testing.T, c *Config) {
			os.WriteFile(filepath.Join(c.Web, "icon.svg"), []byte("<svg/>"), 0o644)
		}, "the build generates this file"},
		{"output directory is not a build", func(t *testing.T, c *Config) {
			os.MkdirAll(c.Out, 0o755)
			os.WriteFile(filepath.Join(c.Out, "go.mod"), []byte("module x\n"), 0o644)
		}, "refusing to replace"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := fixture(t)
			tt.edit(t, &c)
			_, err := Build(context.Background(), c)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Build: err = %v, want it to contain %q", err, tt.wantErr)
			}
		})
	}
}

// TestWasmExecMatchesGo checks that go-app ships the wasm_exec.js of the Go
// toolchain that compiles app.wasm: the two must match or the wasm fails to
// start with obscure import errors.
func TestWasmExecMatchesGo(t *testing.T) {
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatalf("go env GOROOT: %v", err)
	}
	want, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		t.Fatal(err)
	}
	h := &app.Handler{Version: "x"}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/wasm_exec.js", nil))
	got, _ := io.ReadAll(rec.Result().Body)
	if !bytes.Equal(got, want) {
		t.Errorf("go-app's wasm_exec.js (%d bytes) differs from $GOROOT/lib/wasm/wasm_exec.js (%d bytes): "+
			"copy the toolchain's file over dist/wasm_exec.js or upgrade go-app", len(got), len(want))
	}
}

func TestParseArgs(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    Config
		wantErr string
	}{
		{
			name: "defaults",
			args: []string{"-wasm", "x.wasm", "-version", "v1"},
			want: Config{Out: "dist", Base: "/hit-salary/", Version: "v1", Wasm: "x.wasm", Web: "web", Minify: true,
				ThemeColor: DefaultThemeColor, BackgroundColor: DefaultBackgroundColor},
		},
		{
			name: "all flags",
			args: []string{"-out", "o", "-base", "/", "-version", "v2", "-wasm", "a.wasm", "-web", "w", "-domain", "example.org", "-minify=false"},
			want: Config{Out: "o", Base: "/", Version: "v2", Wasm: "a.wasm", Web: "w", Domain: "example.org",
				ThemeColor: DefaultThemeColor, BackgroundColor: DefaultBackgroundColor},
		},
		{name: "unknown flag", args: []string{"-nope"}, wantErr: "flag provided but not defined"},
		{name: "positional argument", args: []string{"dist"}, wantErr: "unexpected arguments"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseArgs(tt.args, io.Discard)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("ParseArgs(%q): err = %v, want %q", tt.args, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseArgs(%q): %v", tt.args, err)
			}
			if !equalConfig(got, tt.want) {
				t.Errorf("ParseArgs(%q) =\n %+v\nwant\n %+v", tt.args, got, tt.want)
			}
		})
	}
}

func equalConfig(a, b Config) bool {
	return a.Out == b.Out && a.Base == b.Base && a.Version == b.Version && a.Wasm == b.Wasm && a.Web == b.Web &&
		a.Domain == b.Domain && a.Minify == b.Minify && a.ThemeColor == b.ThemeColor && a.BackgroundColor == b.BackgroundColor
}

func read(t *testing.T, dir, rel string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// readTree returns every file under dir by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files, err := layout.Files(dir)
	if err != nil {
		t.Fatal(err)
	}
	tree := map[string][]byte{}
	for _, f := range files {
		tree[f] = read(t, dir, f)
	}
	return tree
}

func parseHTML(t *testing.T, data []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("parsing html: %v", err)
	}
	return doc
}

// metaContent returns the content of the meta tag with that property or
// name, or "".
func metaContent(doc *html.Node, key string) string {
	var found string
	walkElements(doc, func(n *html.Node) {
		if n.Data == "meta" && (attr(n, "property") == key || attr(n, "name") == key) {
			found = attr(n, "content")
		}
	})
	return found
}

// localRefs returns the href and src values of a document that are not
// links to other sites.
func localRefs(doc *html.Node) []string {
	var refs []string
	walkElements(doc, func(n *html.Node) {
		for _, key := range []string{"href", "src"} {
			if v, ok := lookup(n, key); ok && !(n.Data == "a" && isRemote(v)) {
				refs = append(refs, v)
			}
		}
	})
	return refs
}

func walkElements(n *html.Node, f func(*html.Node)) {
	if n.Type == html.ElementNode {
		f(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walkElements(c, f)
	}
}

// isRemote reports whether ref names another origin or a scheme other than
// data: (the verifier's rule for what loads from elsewhere).
func isRemote(ref string) bool {
	u, err := url.Parse(strings.TrimSpace(ref))
	return err != nil || u.Host != "" || (u.Scheme != "" && u.Scheme != "data")
}
