package verify_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hit-salary/hit-salary/build/sitegen"
	"github.com/hit-salary/hit-salary/build/verify"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// standIn is a tiny page standing in for the real UI (app/ui), so these
// tests do not depend on it: a link home, a link to a second page, a local
// image and a citation link to a publisher. build/main_test.go verifies the
// real site.
type standIn struct{ app.Compo }

func (s *standIn) Render() app.UI {
	return app.Main().Body(
		app.H1().Text("HIT Salary"),
		app.A().Href("/").Text("Home"),
		app.A().Href("/role/nurse-informaticist").Text("Nurse informaticist"),
		app.Img().Src("/web/logo.svg").Alt(""),
		app.A().Href("https://www.bls.gov/oes/").Text("BLS OEWS"),
	)
}

func TestMain(m *testing.M) {
	app.Route("/", func() app.Composer { return &standIn{} })
	app.Route("/role/nurse-informaticist", func() app.Composer { return &standIn{} })
	os.Exit(m.Run())
}

// goodBuild builds the stand-in site with sitegen for the base /hit-salary/
// and returns its directory and version.
func goodBuild(t *testing.T) (dir, version string) {
	t.Helper()
	src := t.TempDir()
	for name, body := range map[string]string{
		"web/app.css":  "/* Fixture stylesheet. */\nbody {\n    margin: 0;\n}\n\n.logo {\n    background: url(logo.svg) no-repeat;\n}\n",
		"web/logo.svg": `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>`,
		"app.wasm":     "\x00asm\x01\x00\x00\x00 fake module for build tests",
	} {
		p := filepath.Join(src, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c := sitegen.Config{
		Out:     filepath.Join(src, "out"),
		Base:    "/hit-salary/",
		Version: "v1.2.3-test",
		Wasm:    filepath.Join(src, "app.wasm"),
		Web:     filepath.Join(src, "web"),
		Minify:  true,
		Pages:   []string{"/", "/role/nurse-informaticist"},
		Styles:  []string{"/web/app.css"},
	}
	if _, err := sitegen.Build(context.Background(), c); err != nil {
		t.Fatalf("sitegen.Build: %v", err)
	}
	return c.Out, c.Version
}

// readTree returns every file under dir by its slash-separated path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// cspMeta matches the minified Content-Security-Policy meta tag.
var cspMeta = regexp.MustCompile(`<meta [^>]*http-equiv=Content-Security-Policy[^>]*>`)

// TestVerifyRejects breaks a good build in one way per case and wants
// Verify to name the problem: the checks Build relies on can fail.
func TestVerifyRejects(t *testing.T) {
	out, version := goodBuild(t)
	good := readTree(t, out)
	opts := verify.Options{Base: "/hit-salary/", Version: version, Minified: true}

	// edit replaces old with new in file name (old must occur).
	edit := func(name, old, new string) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) {
			p := filepath.Join(dir, filepath.FromSlash(name))
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(data), old) {
				t.Fatalf("%s lacks %q:\n%s", name, old, data)
			}
			os.WriteFile(p, []byte(strings.Replace(string(data), old, new, 1)), 0o644)
		}
	}
	remove := func(name string) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) {
			if err := os.Remove(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
				t.Fatal(err)
			}
		}
	}
	tests := []struct {
		name    string
		break_  func(t *testing.T, dir string)
		opts    func(o *verify.Options)
		wantErr string
	}{
		{name: "missing .nojekyll", break_: remove(".nojekyll"), wantErr: "missing required file .nojekyll"},
		{name: "missing stylesheet", break_: remove("web/app.css"), wantErr: `<link href> "/hit-salary/web/app.css": no such file`},
		{name: "missing image in CSS", break_: remove("web/logo.svg"), wantErr: `web/app.css: CSS url "logo.svg": no such file`},
		{name: "third-party script", break_: edit("index.html", "</head>", `<script src=https://cdn.example.com/x.js></script></head>`), wantErr: "third-party"},
		{name: "protocol-relative image", break_: edit("index.html", "</main>", `<img src=//cdn.example.com/x.png alt=""></main>`), wantErr: "third-party"},
		{name: "third-party preconnect", break_: edit("index.html", "</head>", `<link rel=preconnect href=https://fonts.example.com></head>`), wantErr: "third-party"},
		{name: "third-party srcset", break_: edit("index.html", "</main>", `<img srcset="/hit-salary/web/icon-192.png 1x, https://cdn.example.com/x.png 2x" alt=""></main>`), wantErr: "third-party"},
		{name: "third-party font in CSS", break_: edit("web/app.css", "body{", `@font-face{font-family:x;src:url(https://fonts.example.com/f.woff2)}body{`), wantErr: "third-party"},
		{name: "third-party background in inline style", break_: edit("index.html", "<main>", `<main style="background:url('https://cdn.example.com/bg.png')">`), wantErr: "third-party"},
		{name: "inline style attribute", break_: edit("index.html", "<main>", `<main style="color:red">`), wantErr: "refuses inline styles"},
		{name: "inline style element", break_: edit("index.html", "</head>", `<style>p{color:red}</style></head>`), wantErr: "inline <style>"},
		{name: "a script before the Trusted Types policy", break_: edit("index.html", `<script src=/hit-salary/web/tt.js>`, `<script src=/hit-salary/web/app.js></script><script src=/hit-salary/web/tt.js>`), wantErr: "the first script is"},
		{name: "javascript link", break_: edit("index.html", "</main>", `<a href="javascript:alert(1)">x</a></main>`), wantErr: "only http(s) and mailto links"},
		{name: "link outside the base path", break_: edit("index.html", "</main>", `<a href=/other-app/>x</a></main>`), wantErr: "outside the base path"},
		{name: "link to the base without slash", break_: edit("index.html", "</main>", `<a href=/hit-salary>x</a></main>`), wantErr: "lacks the trailing slash"},
		{name: "link to a missing page", break_: edit("index.html", "</main>", `<a href=/hit-salary/role/nobody>x</a></main>`), wantErr: "no such file"},
		{name: "page is a 404 body", break_: func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, "role", "nurse-informaticist.html"), []byte("404 page not found\n"), 0o644)
		}, wantErr: "does not start with <!doctype html>"},
		{name: "duplicate id", break_: edit("index.html", "</main>", `<p id=app-wasm-loader>x</p></main>`), wantErr: `id "app-wasm-loader" used 2 times`},
		{name: "no title", break_: func(t *testing.T, dir string) {
			p := filepath.Join(dir, "index.html")
			data, _ := os.ReadFile(p)
			s := string(data)
			i, j := strings.Index(s, "<title>"), strings.Index(s, "</title>")
			os.WriteFile(p, []byte(s[:i]+s[j+len("</title>"):]), 0o644)
		}, wantErr: "no a non-empty <title>"},
		{name: "no app.js", break_: edit("index.html", "/hit-salary/app.js", "/hit-salary/web/app.js"), wantErr: "no <script src=/hit-salary/app.js>"},
		{name: "no Content-Security-Policy", break_: func(t *testing.T, dir string) {
			p := filepath.Join(dir, "index.html")
			data, _ := os.ReadFile(p)
			out := cspMeta.ReplaceAll(data, nil)
			if len(out) == len(data) {
				t.Fatalf("no CSP meta in index.html:\n%s", data)
			}
			os.WriteFile(p, out, 0o644)
		}, wantErr: "no Content-Security-Policy"},
		{name: "Content-Security-Policy after the stylesheets", break_: func(t *testing.T, dir string) {
			p := filepath.Join(dir, "index.html")
			data, _ := os.ReadFile(p)
			meta := cspMeta.Find(data)
			out := strings.Replace(string(cspMeta.ReplaceAll(data, nil)), "</head>", string(meta)+"</head>", 1)
			os.WriteFile(p, []byte(out), 0o644)
		}, wantErr: "no Content-Security-Policy"},
		{name: "no referrer policy", break_: edit("index.html", "name=referrer", "name=x-referrer"), wantErr: "no referrer policy no-referrer"},
		{name: "og:url without a domain", break_: edit("index.html", "</head>", `<meta property=og:url content="https:///hit-salary"></head>`), wantErr: "og:url"},
		{name: "manifest scope is the origin", break_: edit("manifest.webmanifest", `"scope":"/hit-salary/"`, `"scope":"/"`), wantErr: `scope = "/"`},
		{name: "manifest start_url without slash", break_: edit("manifest.webmanifest", `"start_url":"/hit-salary/"`, `"start_url":"/hit-salary"`), wantErr: "start_url"},
		{name: "manifest icon remote", break_: edit("manifest.webmanifest", `"/hit-salary/web/icon-192.png"`, `"https://example.com/icon.png"`), wantErr: "third-party"},
		{name: "manifest icon wrong size", break_: func(t *testing.T, dir string) {
			big, _ := os.ReadFile(filepath.Join(dir, "web", "icon-512.png"))
			os.WriteFile(filepath.Join(dir, "web", "icon-192.png"), big, 0o644)
		}, wantErr: "is 512x512, declared 192x192"},
		{name: "worker precaches a remote URL", break_: edit("app-worker.js", `resourcesToCache=["/hit-salary/",`, `resourcesToCache=["https://cdn.example.com/x.js","/hit-salary/",`), wantErr: "third-party"},
		{name: "worker lacks the scope URL", break_: edit("app-worker.js", `resourcesToCache=["/hit-salary/",`, `resourcesToCache=["/hit-salary",`), wantErr: "precache list lacks /hit-salary/"},
		{name: "worker precaches a missing file", break_: edit("app-worker.js", `resourcesToCache=["/hit-salary/",`, `resourcesToCache=["/hit-salary/","/hit-salary/web/gone.js",`), wantErr: "no such file"},
		{name: "worker from another version", opts: func(o *verify.Options) { o.Version = "v9.9.9" }, wantErr: `does not name version "v9.9.9"`},
		{name: "unminified HTML", break_: edit("index.html", "<main>", "<main>\n    <p>indented</p>"), wantErr: "index.html: not minified"},
		{name: "unminified CSS", break_: edit("web/app.css", "body{", "body {\n    color: red;\n}\nbody{"), wantErr: "web/app.css: not minified"},
		{name: "alternate of another language", break_: edit("index.html", "</head>",
			`<link rel=alternate hreflang=en href=/hit-salary/><link rel=alternate hreflang=es href=/hit-salary/role/nurse-informaticist></head>`),
			wantErr: `index.html: names role/nurse-informaticist.html as its "es" version, but that page has <html lang="en">`},
		{name: "alternate that does not name back", break_: edit("index.html", "</head>",
			`<link rel=alternate hreflang=en href=/hit-salary/><link rel=alternate hreflang=en-GB href=/hit-salary/role/nurse-informaticist></head>`),
			wantErr: `which names other versions: [], not ["en index.html" "en-GB role/nurse-informaticist.html"]`},
		{name: "alternates without the page itself", break_: edit("index.html", "</head>",
			`<link rel=alternate hreflang=x-default href=/hit-salary/role/nurse-informaticist></head>`),
			wantErr: `index.html: its hreflang alternates ["x-default role/nurse-informaticist.html"] do not name the page itself in its language "en"`},
		{name: "alternate to a missing page", break_: edit("index.html", "</head>",
			`<link rel=alternate hreflang=en href=/hit-salary/><link rel=alternate hreflang=es href=/hit-salary/es/></head>`),
			wantErr: `<link rel=alternate> "/hit-salary/es/": no such file`},
		{name: "untranslated text", opts: func(o *verify.Options) { o.Untranslated = map[string][]string{"en": {"Nurse informaticist"}} },
			wantErr: `index.html: the page is in en but shows the English "Nurse informaticist"`},
		{name: "untranslated attribute", break_: edit("index.html", "<main>", `<main aria-label="The estimate">`),
			opts:    func(o *verify.Options) { o.Untranslated = map[string][]string{"en": {"The estimate"}} },
			wantErr: `shows the English "The estimate"`},
		{name: "a page beside a folder of the same name", break_: func(t *testing.T, dir string) {
			// The /es trap: es.html and the folder es/ of the Spanish pages.
			page, _ := os.ReadFile(filepath.Join(dir, "role", "nurse-informaticist.html"))
			os.MkdirAll(filepath.Join(dir, "role", "nurse-informaticist"), 0o755)
			os.WriteFile(filepath.Join(dir, "role", "nurse-informaticist", "index.html"), page, 0o644)
		}, wantErr: "role/nurse-informaticist.html: a page beside the folder role/nurse-informaticist/"},
		{name: "wasm replaced by HTML", break_: func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, "web", "app.wasm"), []byte("<!doctype html>"), 0o644)
		}, wantErr: "not a WebAssembly module"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, data := range good {
				p := filepath.Join(dir, filepath.FromSlash(name))
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			o := opts
			if tt.break_ != nil {
				tt.break_(t, dir)
			}
			if tt.opts != nil {
				tt.opts(&o)
			}
			err := verify.Verify(dir, o)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("Verify: err = %v\nwant it to contain %q", err, tt.wantErr)
			}
		})
	}
	// The unbroken copy passes, so each case fails for its own reason; text in another
	// language than the page's is not taken as untranslated.
	if err := verify.Verify(out, opts); err != nil {
		t.Fatalf("Verify(good build): %v", err)
	}
	o := opts
	o.Untranslated = map[string][]string{"es": {"Nurse informaticist"}}
	if err := verify.Verify(out, o); err != nil {
		t.Fatalf("Verify(good build, strings untranslated in Spanish): %v", err)
	}
}
