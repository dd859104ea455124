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
// /guide/c/ is in Spanish (TestBuildAlternates' Spanish version of /guide/a/).
type guideStandIn struct{ app.Compo }

func (g *guideStandIn) OnPreRender(ctx app.Context) {
	ctx.Page().SetCanonicalLink("%s", ctx.Page().URL().Path)
	ctx.Page().SetTitle("Guide %s", ctx.Page().URL().Path)
	if ctx.Page().URL().Path == "/guide/c/" {
		ctx.Page().SetLang("es")
	}
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

// TestBuildAlternates: pages with language versions (Config.Alternates) name each in
// their head, absolute with a domain and under the base without one, and pass Verify
// (which checks that each version exists); sitemap.xml lists each version as an
// xhtml:link of the page's entry; a page without versions has none.
func TestBuildAlternates(t *testing.T) {
	app.RouteWithRegexp(`^/guide/[a-z]/(?:[a-z]/)?$`, func() app.Composer { return &guideStandIn{} })
	alts := []Alternate{{"en", "/guide/a/"}, {"es", "/guide/c/"}, {"x-default", "/guide/a/"}}
	for _, domain := range []string{"example.org", ""} {
		c := fixture(t)
		c.Domain = domain
		c.Pages = append(slices.Clone(standInPages), guidePages...)
		c.Alternates = map[string][]Alternate{"/guide/a/": alts, "/guide/c/": alts}
		mustBuild(t, c)
		site := c.Base
		if domain != "" {
			site = "https://" + domain + c.Base
		}
		for _, p := range []string{"guide/a/", "guide/c/"} {
			data := string(read(t, c.Out, p+"index.html"))
			for _, a := range alts {
				link := "<link href=" + site + strings.TrimPrefix(a.Path, "/") + " hreflang=" + a.Lang + " rel=alternate>"
				if !strings.Contains(data, link) {
					t.Errorf("%s (domain %q) lacks %s:\n%.900s", p, domain, link, data)
				}
			}
		}
		if data := string(read(t, c.Out, "guide/a/b/index.html")); strings.Contains(data, "hreflang") {
			t.Errorf("a page without versions names some")
		}
		if err := verify.Verify(c.Out, verify.Options{Base: c.Base, Domain: domain, Version: c.Version, Minified: true}); err != nil {
			t.Errorf("Verify (domain %q): %v", domain, err)
		}
		// Verify refuses a version on another site or one that is not a page of this one.
		page := filepath.Join(c.Out, "guide", "a", "index.html")
		good := read(t, c.Out, "guide/a/index.html")
		for _, bad := range []string{"https://elsewhere.example/hit-salary/guide/c/", site + "guide/x/"} {
			if err := os.WriteFile(page, []byte(strings.Replace(string(good), site+"guide/c/ hreflang=es", bad+" hreflang=es", 1)), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := verify.Verify(c.Out, verify.Options{Base: c.Base, Domain: domain, Version: c.Version, Minified: true}); err == nil {
				t.Errorf("Verify (domain %q) passes an alternate %s", domain, bad)
			}
		}
		if err := os.WriteFile(page, good, 0o644); err != nil {
			t.Fatal(err)
		}
		if domain == "" {
			continue
		}
		var set struct {
			URLs []struct {
				Loc   string `xml:"loc"`
				Links []struct {
					Rel      string `xml:"rel,attr"`
					HrefLang string `xml:"hreflang,attr"`
					Href     string `xml:"href,attr"`
				} `xml:"http://www.w3.org/1999/xhtml link"`
			} `xml:"url"`
		}
		sm := read(t, c.Out, "sitemap.xml")
		if err := xml.Unmarshal(sm, &set); err != nil {
			t.Fatalf("sitemap.xml: %v\n%s", err, sm)
		}
		for _, u := range set.URLs {
			var got []string
			for _, l := range u.Links {
				got = append(got, l.Rel+" "+l.HrefLang+" "+l.Href)
			}
			var want []string
			if strings.HasSuffix(u.Loc, "/guide/a/") || strings.HasSuffix(u.Loc, "/guide/c/") {
				for _, a := range alts {
					want = append(want, "alternate "+a.Lang+" "+site+strings.TrimPrefix(a.Path, "/"))
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("sitemap entry %s: links %q, want %q\n%s", u.Loc, got, want, sm)
			}
		}
	}
}
