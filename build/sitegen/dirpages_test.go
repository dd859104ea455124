package sitegen

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hit-salary/hit-salary/build/sw"
	"github.com/hit-salary/hit-salary/build/verify"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// guideStandIn is a directory page of the stand-in UI: it names its path, sets its
// canonical link and links to another directory page, as the role pages of app/ui do.
type guideStandIn struct{ app.Compo }

func (g *guideStandIn) OnPreRender(ctx app.Context) {
	ctx.Page().SetCanonicalLink("%s", ctx.Page().URL().Path)
	ctx.Page().SetTitle("Guide %s", ctx.Page().URL().Path)
}

func (g *guideStandIn) Render() app.UI {
	return app.Main().Body(app.H1().Text("Guide"), app.A().Href("/guide/a/b/").Text("B"),
		app.Output().DataSet("testid", "estimate").Text("$1"))
}

var guidePages = []string{"/guide/a/", "/guide/a/b/", "/guide/c/"}

// TestBuildDirPages builds directory pages for a project site and for the root of a
// domain: each is written as <path>index.html and passes Verify (its link to another
// directory page under the base), its canonical link and og:url keep the trailing slash,
// the service worker does not precache them, and sitemap.xml lists every page (with a
// domain only).
func TestBuildDirPages(t *testing.T) {
	app.RouteWithRegexp(`^/guide/[a-z]/(?:[a-z]/)?$`, func() app.Composer { return &guideStandIn{} })
	for _, tc := range []struct{ base, domain string }{{"/hit-salary/", "example.org"}, {"/hit-salary/", ""}, {"/", "example.org"}} {
		base, domain := tc.base, tc.domain
		site := "https://example.org" + base
		c := fixture(t)
		c.Base, c.Domain = base, domain
		c.Pages = append(slices.Clone(standInPages), guidePages...)
		mustBuild(t, c)
		for _, p := range guidePages {
			data := string(read(t, c.Out, strings.TrimPrefix(p, "/")+"index.html"))
			if !strings.Contains(data, "data-testid=estimate") || !strings.Contains(data, "<title>Guide "+p+"</title>") {
				t.Errorf("%s: not the rendered page:\n%.300s", p, data)
			}
			if !strings.Contains(data, "href="+base+"guide/a/b/>") {
				t.Errorf("%s (base %s): the link to /guide/a/b/ is not under the base:\n%.600s", p, base, data)
			}
			canonical := site + strings.TrimPrefix(p, "/")
			if has := strings.Contains(data, "href="+canonical+" rel=canonical"); has != (domain != "") {
				t.Errorf("%s (domain %q): canonical %s present %v:\n%.600s", p, domain, canonical, has, data)
			}
			if has := strings.Contains(data, `content=`+canonical+` property=og:url`) || strings.Contains(data, `content="`+canonical+`" property="og:url"`); has != (domain != "") {
				t.Errorf("%s (domain %q): og:url %s present %v", p, domain, canonical, has)
			}
		}
		static := []string{}
		if err := verify.Verify(c.Out, verify.Options{Base: base, Domain: domain, Version: c.Version, Minified: true, Static: static}); err != nil {
			t.Errorf("Verify: %v", err)
		}
		precache, err := sw.Precache(read(t, c.Out, "app-worker.js"))
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range precache {
			if strings.Contains(u, "/guide/") {
				t.Errorf("the worker precaches directory page %s", u)
			}
		}
		sm, err := os.ReadFile(filepath.Join(c.Out, "sitemap.xml"))
		if domain == "" {
			if err == nil {
				t.Error("sitemap.xml without a domain (its addresses must be absolute)")
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		var set struct {
			URLs []struct {
				Loc string `xml:"loc"`
			} `xml:"url"`
		}
		if err := xml.Unmarshal(sm, &set); err != nil {
			t.Fatalf("sitemap.xml: %v\n%s", err, sm)
		}
		var locs []string
		for _, u := range set.URLs {
			locs = append(locs, u.Loc)
		}
		want := []string{site, site + "role/nurse-informaticist", site + "guide/a/", site + "guide/a/b/", site + "guide/c/"}
		if !slices.Equal(locs, want) {
			t.Errorf("sitemap lists %q, want %q", locs, want)
		}
	}
}

func TestNormalizeDirPages(t *testing.T) {
	got, err := normalizePages([]string{"/guide/a/", "/x"})
	if err != nil || !slices.Equal(got, []string{"/", "/guide/a/", "/x"}) {
		t.Errorf("normalizePages = %q, %v", got, err)
	}
	for _, p := range []string{"/guide//", "/guide/a//", "/web/x/", "/guide/./", "guide/a/"} {
		if _, err := normalizePages([]string{p}); err == nil {
			t.Errorf("normalizePages accepts %q", p)
		}
	}
	if f := pageFile("/guide/a/"); f != "guide/a/index.html" {
		t.Errorf("pageFile = %q", f)
	}
}
