package main

import (
	"bytes"
	"encoding/xml"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/hit-salary/hit-salary/app/text"
	"github.com/hit-salary/hit-salary/app/ui"
)

// head is what checkLanguages reads of a built page: <html lang>, the canonical link and
// the hreflang alternates ("es https://…").
type head struct {
	lang, canonical string
	alternates      []string
}

func readHead(t *testing.T, file string) head {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	var h head
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			a := map[string]string{}
			for _, x := range n.Attr {
				a[x.Key] = x.Val
			}
			switch {
			case n.Data == "html":
				h.lang = a["lang"]
			case n.Data == "link" && a["rel"] == "canonical":
				h.canonical = a["href"]
			case n.Data == "link" && a["rel"] == "alternate" && a["hreflang"] != "":
				h.alternates = append(h.alternates, a["hreflang"]+" "+a["href"])
			case n.Data == "body":
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return h
}

// pageFile is the file a page path is built into.
func pageFile(p string) string {
	switch {
	case p == "/":
		return "index.html"
	case strings.HasSuffix(p, "/"):
		return strings.TrimPrefix(p, "/") + "index.html"
	}
	return strings.TrimPrefix(p, "/") + ".html"
}

// checkLanguages checks a site built for base on domain: every page in Spanish exists
// (the home page, every role and role × state page, the documents, the embed builder) with <html lang=es>;
// it and its English page name each other and x-default (the English one) as hreflang
// alternates; a role page's canonical link is its own address; sitemap.xml lists every
// page, each with the same alternates.
func checkLanguages(t *testing.T, out, base, domain string) {
	t.Helper()
	site := "https://" + domain + base
	abs := func(p string) string { return site + strings.TrimPrefix(p, "/") }
	alts := ui.Alternates()
	var spanish []string
	for _, p := range ui.Pages() {
		if strings.HasPrefix(p, "/es/") {
			spanish = append(spanish, p)
		}
	}
	for _, d := range slices.Concat(ui.Docs(), ui.EmbedBuilders()) {
		if d.Lang == text.Spanish {
			spanish = append(spanish, d.Path)
		}
	}
	if want := 1 + 728 + 3 + 1; len(spanish) != want {
		t.Errorf("%d Spanish pages, want %d (home, 14 roles × 52 places, 3 documents, the embed builder)", len(spanish), want)
	}
	for _, es := range spanish {
		en := strings.TrimPrefix(es, "/es")
		want := []string{"en " + abs(en), "es " + abs(es), "x-default " + abs(en)}
		for _, p := range []string{es, en} {
			h := readHead(t, filepath.Join(out, filepath.FromSlash(pageFile(p))))
			if wantLang := map[bool]string{true: "es", false: "en"}[p == es]; h.lang != wantLang {
				t.Errorf("%s: <html lang=%q>, want %s", p, h.lang, wantLang)
			}
			if !slices.Equal(h.alternates, want) {
				t.Errorf("%s: alternates %q, want %q", p, h.alternates, want)
			}
			if strings.Contains(p, "/roles/") && h.canonical != abs(p) {
				t.Errorf("%s: canonical %q, want %s", p, h.canonical, abs(p))
			}
		}
	}
	var set struct {
		URLs []struct {
			Loc   string `xml:"loc"`
			Links []struct {
				HrefLang string `xml:"hreflang,attr"`
				Href     string `xml:"href,attr"`
			} `xml:"http://www.w3.org/1999/xhtml link"`
		} `xml:"url"`
	}
	sm, err := os.ReadFile(filepath.Join(out, "sitemap.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(sm, &set); err != nil {
		t.Fatalf("sitemap.xml: %v", err)
	}
	listed := map[string][]string{}
	for _, u := range set.URLs {
		var links []string
		for _, l := range u.Links {
			links = append(links, l.HrefLang+" "+l.Href)
		}
		listed[u.Loc] = links
	}
	for p, as := range alts {
		var want []string
		for _, a := range as {
			want = append(want, a.Lang+" "+abs(a.Path))
		}
		if got, ok := listed[abs(p)]; !ok || !slices.Equal(got, want) {
			t.Errorf("sitemap.xml: %s listed %v with %q, want %q", abs(p), ok, got, want)
		}
	}
}

// TestUntranslated: the strings the site's checks refuse on a Spanish page are the
// English ones Spanish translates differently (the builder's lead), not a name both
// languages share (the app's name), nor a sentence with a placeholder.
func TestUntranslated(t *testing.T) {
	en, es := text.For(text.English), text.For(text.Spanish)
	got := untranslated()
	if len(got) != len(text.Langs())-1 {
		t.Errorf("untranslated() has %d languages, want every one but English", len(got))
	}
	for _, k := range []string{"builder.lead", "builder.copy", "doc.back"} {
		if !slices.Contains(got["es"], en.T(k)) {
			t.Errorf("untranslated()[es] lacks %s %q", k, en.T(k))
		}
	}
	for _, s := range got["es"] {
		if strings.Contains(s, "{") || s == en.T("app.name") {
			t.Errorf("untranslated()[es] has %q", s)
		}
	}
	if en.T("app.name") != es.T("app.name") {
		t.Errorf("the app's name differs in Spanish: the test needs another shared string")
	}
}
