package sitegen

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/hit-salary/hit-salary/build/layout"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// goappManifest mirrors the manifest go-app v10.1.11 writes. Decoding
// rejects unknown fields, so a go-app upgrade that adds one fails the build
// instead of silently losing it.
type goappManifest struct {
	ShortName       string         `json:"short_name"`
	Name            string         `json:"name"`
	Description     string         `json:"description"`
	Scope           string         `json:"scope"`
	StartURL        string         `json:"start_url"`
	BackgroundColor string         `json:"background_color"`
	ThemeColor      string         `json:"theme_color"`
	Display         string         `json:"display"`
	Icons           []manifestIcon `json:"icons"`
}

type manifestIcon struct {
	Src     string `json:"src"`
	Type    string `json:"type"`
	Purpose string `json:"purpose,omitempty"`
	Sizes   string `json:"sizes"`
}

// manifest is the web app manifest HIT Salary ships.
type manifest struct {
	ID              string         `json:"id"`
	Name            string         `json:"name"`
	ShortName       string         `json:"short_name"`
	Description     string         `json:"description"`
	Lang            string         `json:"lang"`
	Dir             string         `json:"dir"`
	Scope           string         `json:"scope"`
	StartURL        string         `json:"start_url"`
	Display         string         `json:"display"`
	BackgroundColor string         `json:"background_color"`
	ThemeColor      string         `json:"theme_color"`
	Icons           []manifestIcon `json:"icons"`
}

// fixManifest rewrites go-app's manifest for the base path: go-app writes
// scope "/" (wider than the worker's scope, so browsers ignore it or scope
// the app to the whole origin) and start_url "/repo" (outside the scope
// "/repo/"). id, scope and start_url all become base.
func fixManifest(data []byte, base string) ([]byte, error) {
	var in goappManifest
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		return nil, fmt.Errorf("manifest: decoding go-app's manifest (has go-app changed it?): %w", err)
	}
	out := manifest{
		ID:              base,
		Name:            in.Name,
		ShortName:       in.ShortName,
		Description:     in.Description,
		Lang:            Lang,
		Dir:             "ltr",
		Scope:           base,
		StartURL:        base,
		Display:         in.Display,
		BackgroundColor: in.BackgroundColor,
		ThemeColor:      in.ThemeColor,
		Icons:           in.Icons,
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return nil, fmt.Errorf("manifest: encoding: %w", err)
	}
	return b.Bytes(), nil
}

// fixHTML post-processes a page go-app rendered:
//   - og:url, og:image, twitter:image and the canonical link need an absolute
//     URL; without a domain go-app writes "https:///repo" and "https://", so
//     they are removed; with one, the start page's og:url gets the trailing
//     slash of the URL people actually visit;
//   - <meta> tags without content (go-app writes <meta name="author"> when
//     unset) are removed;
//   - links to the base path without its trailing slash ("/repo", which
//     GitHub Pages answers with a redirect) get the slash;
//   - the Content-Security-Policy and referrer policy metas go right after
//     <meta charset>, before anything they govern;
//   - if xz, the scripts that load app.wasm.xz come right after the policy
//     (insertWasmLoader);
//   - attributes are sorted: go-app writes them in random order, which would
//     make every build differ.
func fixHTML(data []byte, base, domain string, xz bool) ([]byte, error) {
	return fixPage(data, base, domain, xz, false)
}

// fixPage is fixHTML for a page that is served at a path ending in a slash if dir
// (a directory page, <path>index.html): its og:url and canonical link get that slash,
// which go-app's resolver trims, so they name the address GitHub Pages serves.
func fixPage(data []byte, base, domain string, xz, dir bool) ([]byte, error) {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("parsing html: %w", err)
	}
	tt, err := insertPolicies(doc, base)
	if err != nil {
		return nil, err
	}
	if xz {
		insertWasmLoader(doc, tt, base)
	}
	short := strings.TrimSuffix(base, "/")
	site := "https://" + domain + short
	var remove []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "meta":
				key := attr(n, "property") + attr(n, "name")
				content, hasContent := lookup(n, "content")
				switch {
				case key != "" && (!hasContent || strings.TrimSpace(content) == ""):
					remove = append(remove, n)
				case key == "og:url" || key == "og:image" || key == "twitter:image":
					if domain == "" || content == "https://" || strings.HasPrefix(content, "https:///") {
						remove = append(remove, n)
					} else if key == "og:url" && (content == site || (dir && !strings.HasSuffix(content, "/"))) {
						setAttr(n, "content", content+"/")
					}
				}
			case "link":
				if href := attr(n, "href"); attr(n, "rel") == "canonical" && (domain == "" || strings.HasPrefix(href, "https:///")) {
					remove = append(remove, n)
				} else if attr(n, "rel") == "canonical" && dir && !strings.HasSuffix(href, "/") {
					setAttr(n, "href", href+"/")
				}
			}
			for i, a := range n.Attr {
				if a.Namespace == "" && (a.Key == "href" || a.Key == "src" || a.Key == "action") && short != "" {
					if a.Val == short || strings.HasPrefix(a.Val, short+"?") || strings.HasPrefix(a.Val, short+"#") {
						n.Attr[i].Val = base + strings.TrimPrefix(a.Val, short)
					}
				}
				// An in-page link ("#x", which go-app writes as the base path plus the
				// fragment) stays in its page: from any page but the start page the base
				// path is another page (a role page's skip link, with JavaScript off).
				if a.Namespace == "" && a.Key == "href" && strings.HasPrefix(n.Attr[i].Val, base+"#") {
					n.Attr[i].Val = strings.TrimPrefix(n.Attr[i].Val, base)
				}
			}
			slices.SortStableFunc(n.Attr, func(a, b html.Attribute) int {
				return strings.Compare(a.Namespace+":"+a.Key, b.Namespace+":"+b.Key)
			})
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, n := range remove {
		n.Parent.RemoveChild(n)
	}
	var b bytes.Buffer
	if err := html.Render(&b, doc); err != nil {
		return nil, fmt.Errorf("rendering html: %w", err)
	}
	return b.Bytes(), nil
}

// trustedTypesJS is layout.TrustedTypes, the default Trusted Types policy
// (tt.js in this package), written into every site the build makes.
//
//go:embed tt.js
var trustedTypesJS []byte

// insertPolicies inserts the CSP and referrer metas after <meta charset>, and
// the Trusted Types policy script (not deferred: it must run before any other
// script reaches a sink) right after them; it returns the policy script.
func insertPolicies(doc *html.Node, base string) (*html.Node, error) {
	charset := findNode(doc, func(n *html.Node) bool {
		return n.Type == html.ElementNode && n.Data == "meta" && attr(n, "charset") != "" && n.Parent != nil && n.Parent.Data == "head"
	})
	if charset == nil {
		return nil, fmt.Errorf("no <meta charset> in <head> (has go-app's page changed?)")
	}
	meta := func(attrs ...html.Attribute) *html.Node {
		return &html.Node{Type: html.ElementNode, Data: "meta", DataAtom: atom.Meta, Attr: attrs}
	}
	csp := meta(html.Attribute{Key: "http-equiv", Val: "Content-Security-Policy"}, html.Attribute{Key: "content", Val: layout.ContentSecurityPolicy})
	ref := meta(html.Attribute{Key: "name", Val: "referrer"}, html.Attribute{Key: "content", Val: layout.ReferrerPolicy})
	charset.Parent.InsertBefore(csp, charset.NextSibling)
	charset.Parent.InsertBefore(ref, csp.NextSibling)
	tt := &html.Node{Type: html.ElementNode, Data: "script", DataAtom: atom.Script,
		Attr: []html.Attribute{{Key: "src", Val: base + layout.TrustedTypes}}}
	charset.Parent.InsertBefore(tt, ref.NextSibling)
	return tt, nil
}

// insertWasmLoader inserts the scripts that load app.wasm.xz right after tt (the
// Trusted Types policy), in pages that have go-app's wasm_exec.js (go-app pages,
// not static ones):
//   - web/wasmfetch.js, async, starts the download. A <meta http-equiv=
//     Content-Security-Policy> turns off Chromium's preload scanner for the rest
//     of the page (measured: without the meta every resource of the head was
//     asked for within 65 ms of the first, with it each only when the parser
//     reached it), so the parser's own order decides when each request goes
//     out, and each synchronous script holds back the ones after it by a round
//     trip (a synchronous script after a style sheet also waits for it to load:
//     wasmfetch.js, synchronous after lang.js, asked for the wasm once lang.js
//     and both style sheets were in). The first script after the policy, and not
//     blocking the parser, it is asked for at once and starts the download when
//     it arrives.
//   - the xz decoder and web/wasmload.js, deferred: deferred scripts run after
//     parsing in document order, so before go-app's, whose loader then finds
//     hitInstantiateWasm.
func insertWasmLoader(doc, tt *html.Node, base string) {
	goApp := findNode(doc, func(n *html.Node) bool {
		return n.Type == html.ElementNode && n.Data == "script" && attr(n, "src") == base+"wasm_exec.js"
	})
	if goApp == nil {
		return
	}
	at := tt
	for _, s := range []struct{ src, how string }{{layout.WasmFetch, "async"}, {layout.XZDecoder, "defer"}, {layout.WasmLoad, "defer"}} {
		n := &html.Node{Type: html.ElementNode, Data: "script", DataAtom: atom.Script,
			Attr: []html.Attribute{{Key: s.how}, {Key: "src", Val: base + s.src}}}
		at.Parent.InsertBefore(n, at.NextSibling)
		at = n
	}
}

// findNode returns the first node of the tree at n, in document order, that match
// accepts, or nil.
func findNode(n *html.Node, match func(*html.Node) bool) *html.Node {
	if match(n) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findNode(c, match); f != nil {
			return f
		}
	}
	return nil
}

// lookup returns the value of attribute key of n and whether it is set.
func lookup(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// attr returns the value of attribute key of n, or "".
func attr(n *html.Node, key string) string {
	v, _ := lookup(n, key)
	return v
}

// setAttr sets attribute key of n to val.
func setAttr(n *html.Node, key, val string) {
	for i, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			n.Attr[i].Val = val
			return
		}
	}
	n.Attr = append(n.Attr, html.Attribute{Key: key, Val: val})
}

// filePage is the page path of a built HTML file, as in Config.Pages: "index.html" is
// "/", "es.html" "/es", "roles/x/index.html" "/roles/x/".
func filePage(f string) string {
	switch {
	case f == "index.html":
		return "/"
	case strings.HasSuffix(f, "/index.html"):
		return "/" + strings.TrimSuffix(f, "index.html")
	}
	return "/" + strings.TrimSuffix(f, ".html")
}

// insertAlternates adds to a page's head a <link rel=alternate hreflang> per language
// version (Config.Alternates): absolute on the domain if there is one, else paths under
// the base.
func insertAlternates(data []byte, alts []Alternate, base, domain string) ([]byte, error) {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("parsing html: %w", err)
	}
	head := findNode(doc, func(n *html.Node) bool { return n.Type == html.ElementNode && n.Data == "head" })
	if head == nil {
		return nil, fmt.Errorf("no <head> for the language alternates")
	}
	site := base
	if domain != "" {
		site = "https://" + domain + base
	}
	for _, a := range alts {
		head.AppendChild(&html.Node{Type: html.ElementNode, Data: "link", DataAtom: atom.Link, Attr: []html.Attribute{
			{Key: "href", Val: site + strings.TrimPrefix(a.Path, "/")}, {Key: "hreflang", Val: a.Lang}, {Key: "rel", Val: "alternate"}}})
	}
	var b bytes.Buffer
	if err := html.Render(&b, doc); err != nil {
		return nil, fmt.Errorf("rendering html: %w", err)
	}
	return b.Bytes(), nil
}
