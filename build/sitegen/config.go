package sitegen

import (
	"flag"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/hit-salary/hit-salary/app/text"
	"github.com/hit-salary/hit-salary/build/pages"
)

// App identity, shown in the page head, the manifest and install prompts.
// Name, Title and Description are the English catalogue's (app.name,
// app.title, app.description), so the pre-rendered head, the manifest and the
// page the app renders say the same.
var (
	Name        = text.For(text.English).T("app.name")
	ShortName   = Name
	Title       = text.For(text.English).T("app.title")
	Description = text.For(text.English).T("app.description")
)

// Author is the manifest's and the page head's author; Lang the language of
// go-app's pages before the app sets the reader's.
const (
	Author = "HIT Salary contributors"
	Lang   = "en"
)

// Default colours, from web/app.css: ThemeColor is the accent (--accent,
// white on it 6.9:1), used for the icons and the browser UI;
// BackgroundColor is the page background (--bg), shown on the splash screen.
const (
	DefaultThemeColor      = "#0a58a6"
	DefaultBackgroundColor = "#f5f7fa"
)

// Config describes one build of the site.
type Config struct {
	// Out is the output directory, the root of the Pages site. It is replaced
	// as a whole once the new build has passed Verify.
	Out string
	// Base is the URL path the site is served under: "/hit-salary/" for a
	// GitHub Pages project site, "/" for a custom domain.
	Base string
	// Version is the app version (e.g. `git describe --always --dirty`). It
	// is required: go-app's default is a time hash that changes every build.
	Version string
	// Wasm is the path of the prebuilt app.wasm, copied as-is.
	Wasm string
	// WasmXZ is the path of app.wasm compressed with xz, shipped as
	// web/app.wasm.xz and loaded by web/wasmload.js; empty ships app.wasm
	// only. XZDecoder is the decoder script (npm xz-decompress's
	// dist/package/xz-decompress.min.js), shipped as web/xz-decompress.js;
	// both or neither must be set.
	WasmXZ, XZDecoder string
	// Web is the directory of hand-written assets copied into web/.
	Web string
	// Domain is the host name of the deployed site (e.g. "example.org"),
	// used for absolute og:url and og:image. Empty omits them.
	Domain string
	// Minify minifies HTML, CSS, JS, JSON, SVG and the manifest. Only tests
	// and debugging turn it off.
	Minify bool
	// Pages are the paths to pre-render ("/" and more), from ui.Pages(). A path that
	// ends in a slash ("/roles/ehr-analyst/") is a directory page: written as
	// <path>index.html, rendered by Build itself in parallel (the app routes it by a
	// pattern, not one by one), listed in sitemap.xml but not precached by the service
	// worker, which answers it offline with the app shell.
	Pages []string
	// Styles and Scripts are the web/ paths the page loads, from ui.Styles()
	// and ui.Scripts().
	Styles, Scripts []string
	// ThemeColor and BackgroundColor are #rrggbb colours; empty means the
	// defaults.
	ThemeColor, BackgroundColor string
	// Extra, if set, returns static pages that are not part of the app, such
	// as the methodology rendered from METHODOLOGY.md (build/docpage), for
	// the normalized base path: URL path relative to the base, ending in "/"
	// ("methodology/"), to the page's HTML. Each is written as
	// <path>index.html before post-processing (so it gets the same policies,
	// minification and checks) and precached by the service worker, so it
	// works offline.
	Extra func(base string) (map[string][]byte, error)
	extra map[string][]byte // what Extra returned
	// Alternates are the language versions of pages, from ui.Alternates: for a page's
	// path ("/", "/es", "/roles/x/", "/methodology/"), every version of it, its own
	// included. Such a page gets a <link rel=alternate hreflang> per version in its head,
	// and its sitemap.xml entry an xhtml:link per version. With a Domain the addresses
	// are absolute, as search engines require; without one they are paths under the
	// base, which browsers and the build's own checks still follow.
	Alternates map[string][]Alternate
	// Untranslated are, by language ("es"), the English strings that language translates
	// differently (from app/text): build/verify fails a page in that language that shows
	// one (verify.Options.Untranslated).
	Untranslated map[string][]string
	// Shells are directory pages of Pages the service worker precaches all the same, from
	// ui.Shells: the Spanish home page /es/, which answers offline for the Spanish pages
	// under it.
	Shells []string
}

// Alternate is one language version of a page: Lang is an hreflang value ("en", "es",
// "x-default") and Path the version's page path, as in Pages ("/es/roles/x/").
type Alternate struct {
	Lang, Path string
}

// ParseArgs parses the build tool's command line into a Config (without
// Pages, Styles and Scripts, which come from the UI). Usage goes to out on
// -h; the error is flag.ErrHelp then.
func ParseArgs(args []string, out io.Writer) (Config, error) {
	var c Config
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(out)
	fs.StringVar(&c.Out, "out", "dist", "output `directory` (the root of the Pages site; replaced)")
	fs.StringVar(&c.Base, "base", pages.DefaultBase, "base `path` the site is served under (\"/\" for a custom domain)")
	fs.StringVar(&c.Version, "version", "", "app `version`, e.g. $(git describe --always --dirty) (required)")
	fs.StringVar(&c.Wasm, "wasm", "", "`path` of the prebuilt app.wasm to ship (required)")
	fs.StringVar(&c.WasmXZ, "wasm-xz", "", "`path` of app.wasm compressed with xz -9e, loaded by web/wasmload.js (empty: ship app.wasm only)")
	fs.StringVar(&c.XZDecoder, "xz-decoder", "", "`path` of the xz decoder script (node_modules/xz-decompress/dist/package/xz-decompress.min.js)")
	fs.StringVar(&c.Web, "web", "web", "`directory` of hand-written assets copied to web/")
	fs.StringVar(&c.Domain, "domain", "", "`host` name of the deployed site for og:url/og:image (empty: omit them)")
	fs.BoolVar(&c.Minify, "minify", true, "minify HTML, CSS, JS, JSON and SVG")
	fs.StringVar(&c.ThemeColor, "theme-color", DefaultThemeColor, "theme `colour` (#rrggbb)")
	fs.StringVar(&c.BackgroundColor, "background-color", DefaultBackgroundColor, "splash background `colour` (#rrggbb)")
	fs.Usage = func() {
		fmt.Fprintf(out, "Usage: go run ./build -wasm app.wasm -version v [flags]\n\nGenerates the static HIT Salary site.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected arguments %q: all options are flags", fs.Args())
	}
	return c, nil
}

// normalizePages checks and de-duplicates the pages to pre-render.
func normalizePages(pages []string) ([]string, error) {
	seen := map[string]bool{}
	var out []string
	for _, p := range append([]string{"/"}, pages...) {
		if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "?#\\") || (path.Clean(p) != p && path.Clean(p)+"/" != p) ||
			strings.HasPrefix(p, "/web/") {
			return nil, fmt.Errorf("page %q: want a clean absolute path such as \"/\", \"/role/x\" or the directory page \"/roles/x/\" (no query, outside /web/)", p)
		}
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out, nil
}

// pageFile returns the file go-app writes for a page path.
func pageFile(p string) string {
	if p == "/" {
		return "index.html"
	}
	if isDirPage(p) {
		return strings.TrimPrefix(p, "/") + "index.html"
	}
	return strings.TrimPrefix(p, "/") + ".html"
}

// isDirPage reports whether page p is a directory page (Config.Pages).
func isDirPage(p string) bool { return p != "/" && strings.HasSuffix(p, "/") }

// splitPages separates go-app's pages (rendered by app.GenerateStaticWebsite) from the
// directory pages, keeping their order.
func splitPages(pages []string) (goapp, dirs []string) {
	for _, p := range pages {
		if isDirPage(p) {
			dirs = append(dirs, p)
		} else {
			goapp = append(goapp, p)
		}
	}
	return goapp, dirs
}
