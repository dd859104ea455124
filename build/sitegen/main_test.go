package sitegen

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// standIn is a tiny page standing in for the real UI (app/ui), so these
// tests do not depend on it: a heading, a link home, a local image, a
// citation link to a publisher and the estimate marker of the DOM contract.
type standIn struct{ app.Compo }

func (s *standIn) Render() app.UI {
	return app.Main().Body(
		app.H1().Text("HIT Salary"),
		app.A().Href("/").Text("Home"),
		app.A().Href("/role/nurse-informaticist").Text("Nurse informaticist"),
		app.Img().Src("/web/logo.svg").Alt(""),
		app.P().Body(
			app.Text("Source: "),
			app.A().Href("https://www.bls.gov/oes/").Text("BLS OEWS"),
		),
		app.Output().
			DataSet("testid", "estimate").
			DataSet("median", 98000).
			DataSet("source", "prerender").
			Text("$98,000"),
	)
}

// standInPages are the pages the stand-in UI pre-renders.
var standInPages = []string{"/", "/role/nurse-informaticist"}

func TestMain(m *testing.M) {
	app.Route("/", func() app.Composer { return &standIn{} })
	app.Route("/role/nurse-informaticist", func() app.Composer { return &standIn{} })
	os.Exit(m.Run())
}

// fakeWasm is a tiny file with the WebAssembly header; the real app.wasm is
// checked by the end-to-end tests.
var fakeWasm = []byte("\x00asm\x01\x00\x00\x00 fake module for build tests")

// webAssets are the hand-written assets of the fixture web/ directory.
var webAssets = map[string]string{
	"app.css": `/* Fixture stylesheet. */
body {
    margin: 0;
    font-family: system-ui, sans-serif;
}

.logo {
    background: url(logo.svg) no-repeat;
}
`,
	"app.js": `// Fixture script.
(function () {
    "use strict";
    document.documentElement.dataset.fixture = "yes";
})();
`,
	"logo.svg": `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">
    <circle cx="5" cy="5" r="4" fill="#0b5f66"/>
</svg>
`,
	"fonts/readme.txt": "Fixture file in a sub-directory.\n",
	".gitkeep":         "",
}

// fixture writes a web/ directory and a fake app.wasm into a temp dir and
// returns a Config building into dir/out.
func fixture(t *testing.T) Config {
	t.Helper()
	dir := t.TempDir()
	for name, body := range webAssets {
		p := filepath.Join(dir, "web", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	wasm := filepath.Join(dir, "app.wasm")
	if err := os.WriteFile(wasm, fakeWasm, 0o644); err != nil {
		t.Fatal(err)
	}
	return Config{
		Out:     filepath.Join(dir, "out"),
		Base:    "/hit-salary/",
		Version: "v1.2.3-test",
		Wasm:    wasm,
		Web:     filepath.Join(dir, "web"),
		Minify:  true,
		Pages:   standInPages,
		Styles:  []string{"/web/app.css"},
		Scripts: []string{"/web/app.js defer"},
	}
}

// mustBuild builds c and fails the test on error.
func mustBuild(t *testing.T, c Config) *Report {
	t.Helper()
	r, err := Build(context.Background(), c)
	if err != nil {
		t.Fatalf("Build(%+v): %v", c, err)
	}
	return r
}
