// Package verify checks a built HIT Salary site before it replaces the
// deployed one: the files every build has, every page a well-formed go-app or
// static page under the site's policies (build/layout), every local
// reference resolvable under the base path, nothing loaded from another
// origin, the manifest and the service worker set for the base path, text
// files minified. build/sitegen runs it on every build; the build tests run
// it on the real site.
//
// It links neither go-app nor the minifier: it reads files only.
package verify

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"image/png"
	"maps"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/hit-salary/hit-salary/build/layout"
	"github.com/hit-salary/hit-salary/build/sw"
	"golang.org/x/net/html"
)

// Options says what a built site must look like.
type Options struct {
	// Base is the normalized base path, e.g. "/hit-salary/".
	Base string
	// Domain is the deployed host name, or "" if og:url must be absent.
	Domain string
	// Version must appear in the service worker.
	Version string
	// Minified requires minified text files.
	Minified bool
	// WasmXZ requires web/app.wasm.xz, its decoder and loader, loaded by
	// every go-app page before go-app's scripts, and the worker set to keep
	// app.wasm decoded.
	WasmXZ bool
	// Static are HTML files that are static pages, not go-app pages
	// (sitegen.Config.Extra): they need no app.js, loader or manifest.
	Static []string
	// Untranslated are, by language ("es"), the English strings of the catalogue that
	// the language translates differently: a page in that language (<html lang>) must
	// show none of them as a whole text or as an attribute people read (title,
	// aria-label, alt, placeholder, content, data-msg-*), nor, on a static page, one of
	// 24 characters or more inside a longer text. Text marked with another lang, and
	// code, are skipped.
	Untranslated map[string][]string
}

// requiredFiles must exist in every build.
var requiredFiles = []string{
	".nojekyll",
	"index.html",
	"app.js",
	"app.css",
	"app-worker.js",
	"wasm_exec.js",
	"manifest.webmanifest",
	layout.Wasm,
	layout.IconDefault,
	layout.IconLarge,
	layout.IconMaskable,
	layout.IconSVG,
}

// Verify checks a built site in dir and returns every problem found, joined:
// required files; every HTML page parses as a go-app page (doctype, lang,
// title, manifest link, app.js, the wasm loader) without duplicate ids;
// every local reference (href, src, srcset, poster, CSS url() and @import,
// manifest icons, the worker's precache list) resolves to a file under the
// base path; nothing is loaded from another origin (only <a href> may point
// elsewhere; og: tags only to the domain); the manifest's id, scope and
// start_url are the base and its icons have the declared sizes; the worker
// precaches the scope URL and names the version; text files are minified.
func Verify(dir string, o Options) error {
	v := &verifier{dir: dir, o: o}
	v.run()
	return errors.Join(v.errs...)
}

type verifier struct {
	dir  string
	o    Options
	errs []error
	// heads are the language and hreflang alternates of every page, by file, for the
	// checks across pages (checkAlternates).
	heads map[string]pageHead
	// untranslated is Options.Untranslated as sets, by language.
	untranslated map[string]map[string]bool
}

// pageHead is what checkAlternates reads of a page: its <html lang> and its
// <link rel=alternate hreflang> versions, each as hreflang and the file it names.
type pageHead struct {
	lang       string
	alternates []string // "es es/embed-builder/index.html"
}

func (v *verifier) fail(format string, args ...any) {
	v.errs = append(v.errs, fmt.Errorf(format, args...))
}

func (v *verifier) read(rel string) []byte {
	data, err := os.ReadFile(filepath.Join(v.dir, filepath.FromSlash(rel)))
	if err != nil {
		v.fail("%s: %v", rel, err)
		return nil
	}
	return data
}

func (v *verifier) run() {
	for _, f := range requiredFiles {
		if !v.exists(f) {
			v.fail("missing required file %s", f)
		}
	}
	if wasm := v.read(layout.Wasm); wasm != nil && !bytes.HasPrefix(wasm, layout.WasmMagic) {
		v.fail("web/app.wasm is not a WebAssembly module")
	}
	if v.o.WasmXZ {
		if xz := v.read(layout.WasmXZ); xz != nil && !bytes.HasPrefix(xz, layout.XZMagic) {
			v.fail("%s is not an xz file", layout.WasmXZ)
		}
		for _, f := range []string{layout.WasmFetch, layout.XZDecoder, layout.WasmLoad} {
			if !v.exists(f) {
				v.fail("missing %s (it loads app.wasm.xz)", f)
			}
		}
	}
	files, err := layout.Files(v.dir)
	if err != nil {
		v.fail("listing %s: %v", v.dir, err)
		return
	}
	v.checkPageFolders(files)
	for _, f := range files {
		switch path.Ext(f) {
		case ".html":
			v.checkHTML(f)
		case ".css":
			if data := v.read(f); data != nil {
				v.checkCSS(f, v.urlOf(f), string(data))
			}
		}
		if v.o.Minified {
			v.checkMinified(f)
		}
	}
	v.checkAlternates()
	v.checkManifest()
	v.checkWorker()
}

// checkPageFolders fails a page file x.html beside a folder x/ (the files are the site's,
// slash-separated): GitHub Pages answers /x with a redirect to /x/ when the folder exists,
// so the page x.html is never served, and a link to /x leads to x/index.html or a 404
// (as /es once did, when the Spanish home page es.html had the Spanish pages' folder es/
// beside it).
func (v *verifier) checkPageFolders(files []string) {
	folders := map[string]bool{}
	for _, f := range files {
		for d := path.Dir(f); d != "."; d = path.Dir(d) {
			folders[d] = true
		}
	}
	for _, f := range files {
		if page, ok := strings.CutSuffix(f, ".html"); ok && path.Base(f) != "index.html" && folders[page] {
			v.fail("%s: a page beside the folder %s/: GitHub Pages redirects %s%s to %s%s/, so the page is never served; make it %s/index.html", f, page, v.o.Base, page, v.o.Base, page, page)
		}
	}
}

// checkAlternates checks the language versions pages name: each names itself in its own
// language, and each version it names has that language (<html lang>) and names the
// same versions, so search engines and readers find every version from every one.
func (v *verifier) checkAlternates() {
	for _, rel := range slices.Sorted(maps.Keys(v.heads)) {
		h := v.heads[rel]
		if len(h.alternates) == 0 {
			continue
		}
		if !slices.Contains(h.alternates, h.lang+" "+rel) {
			v.fail("%s: its hreflang alternates %q do not name the page itself in its language %q", rel, h.alternates, h.lang)
		}
		for _, a := range h.alternates {
			lang, file, _ := strings.Cut(a, " ")
			other, ok := v.heads[file]
			if lang == "x-default" || file == rel || !ok {
				continue // a missing file is reported by checkRef
			}
			if other.lang != lang {
				v.fail("%s: names %s as its %q version, but that page has <html lang=%q>", rel, file, lang, other.lang)
			}
			if !slices.Equal(other.alternates, h.alternates) {
				v.fail("%s: names %s as its %q version, which names other versions: %q, not %q", rel, file, lang, other.alternates, h.alternates)
			}
		}
	}
}

// untranslatedIn returns the strings of Options.Untranslated for lang as a set.
func (v *verifier) untranslatedIn(lang string) map[string]bool {
	if v.untranslated == nil {
		v.untranslated = map[string]map[string]bool{}
		for l, ss := range v.o.Untranslated {
			set := map[string]bool{}
			for _, s := range ss {
				set[s] = true
			}
			v.untranslated[l] = set
		}
	}
	return v.untranslated[lang]
}

// readAttrs are the attributes whose values people read or hear.
var readAttrs = map[string]bool{"title": true, "aria-label": true, "alt": true, "placeholder": true, "content": true}

// checkTranslated fails if the page rel in lang shows a string of Options.Untranslated:
// texts are its text nodes and read attributes, outside elements of another language.
func (v *verifier) checkTranslated(rel, lang string, static bool, texts []string) {
	set := v.untranslatedIn(lang)
	if len(set) == 0 {
		return
	}
	found := map[string]bool{}
	for _, x := range texts {
		if set[x] {
			found[x] = true
		}
		if !static || len(x) < 24 {
			continue
		}
		for s := range set {
			if len(s) >= 24 && !found[s] && strings.Contains(x, s) {
				found[s] = true
			}
		}
	}
	for _, s := range slices.Sorted(maps.Keys(found)) {
		v.fail("%s: the page is in %s but shows the English %q", rel, lang, s)
	}
}

func (v *verifier) exists(rel string) bool {
	fi, err := os.Stat(filepath.Join(v.dir, filepath.FromSlash(rel)))
	return err == nil && fi.Mode().IsRegular()
}

// urlOf returns the URL path a file is served at.
func (v *verifier) urlOf(rel string) string {
	if rel == "index.html" {
		return v.o.Base
	}
	if strings.HasSuffix(rel, "/index.html") {
		return v.o.Base + strings.TrimSuffix(rel, "index.html")
	}
	if strings.HasSuffix(rel, ".html") && !strings.HasPrefix(rel, "web/") {
		return v.o.Base + strings.TrimSuffix(rel, ".html")
	}
	return v.o.Base + rel
}

// fileOf maps a URL path under the base to the file GitHub Pages serves
// for it, or "" if there is none.
func (v *verifier) fileOf(p string) string {
	if !strings.HasPrefix(p, v.o.Base) {
		return ""
	}
	rel := strings.TrimPrefix(p, v.o.Base)
	switch {
	case rel == "" || strings.HasSuffix(rel, "/"):
		rel += "index.html"
	case !v.exists(rel) && path.Ext(rel) == "":
		rel += ".html"
	}
	if v.exists(rel) {
		return rel
	}
	return ""
}

// isRemote reports whether ref names another origin (or a scheme other
// than a same-document or data: reference).
func isRemote(ref string) bool {
	u, err := url.Parse(strings.TrimSpace(ref))
	if err != nil {
		return true
	}
	return u.Host != "" || (u.Scheme != "" && u.Scheme != "data")
}

// checkRef checks one local reference found in from (served at fromURL).
func (v *verifier) checkRef(from, fromURL, what, ref string) {
	ref = strings.TrimSpace(ref)
	if ref == "" || strings.HasPrefix(ref, "#") || strings.HasPrefix(ref, "data:") {
		return
	}
	if isRemote(ref) {
		v.fail("%s: %s loads a third-party or non-http resource %q", from, what, ref)
		return
	}
	base, _ := url.Parse(fromURL)
	u, err := url.Parse(ref)
	if err != nil {
		v.fail("%s: %s %q: %v", from, what, ref, err)
		return
	}
	p := base.ResolveReference(u).Path
	if !strings.HasPrefix(p, v.o.Base) && p+"/" != v.o.Base {
		v.fail("%s: %s %q is outside the base path %s", from, what, ref, v.o.Base)
		return
	}
	if p+"/" == v.o.Base {
		v.fail("%s: %s %q lacks the trailing slash of the base path (a redirect on GitHub Pages)", from, what, ref)
		return
	}
	if v.fileOf(p) == "" {
		v.fail("%s: %s %q: no such file in the build", from, what, ref)
	}
}

// loadAttrs are the attributes that make the browser fetch something.
var loadAttrs = map[string]bool{"src": true, "href": true, "srcset": true, "poster": true, "data": true, "action": true, "formaction": true, "xlink:href": true}

func (v *verifier) checkHTML(rel string) {
	data := v.read(rel)
	if data == nil {
		return
	}
	if !bytes.HasPrefix(bytes.ToLower(data), []byte("<!doctype html>")) {
		v.fail("%s: does not start with <!doctype html> (not a rendered page?)", rel)
		return
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		v.fail("%s: parsing: %v", rel, err)
		return
	}
	pageURL := v.urlOf(rel)
	static := slices.Contains(v.o.Static, rel)
	ids := map[string]int{}
	var lang, title, manifest, appJS, loader, csp, referrer bool
	var head pageHead
	var texts []string // what people read in the page's language (readable)
	// readable reports whether n's text is prose in the page's language: not in an
	// element of another language, nor code (a name in a program is not translated), nor
	// a script or style sheet.
	readable := func(n *html.Node) bool {
		for ; n != nil; n = n.Parent {
			if n.Type != html.ElementNode {
				continue
			}
			switch n.Data {
			case "code", "pre", "kbd", "samp", "script", "style":
				return false
			}
			if l := attr(n, "lang"); l != "" {
				return l == head.lang
			}
		}
		return true
	}
	var scripts []string // src of every script, in document order
	// afterCharset is the element after <meta charset>, where the CSP must
	// be to govern everything that follows.
	var afterCharset *html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode && readable(n) {
			if t := strings.Join(strings.Fields(n.Data), " "); t != "" {
				texts = append(texts, t)
			}
		}
		if n.Type == html.ElementNode {
			tag := n.Data
			if readable(n) {
				for _, a := range n.Attr {
					if a.Namespace == "" && (readAttrs[a.Key] || strings.HasPrefix(a.Key, "data-msg-")) && strings.TrimSpace(a.Val) != "" {
						texts = append(texts, strings.Join(strings.Fields(a.Val), " "))
					}
				}
			}
			if id := attr(n, "id"); id != "" {
				ids[id]++
				if id == "app-wasm-loader" {
					loader = true
				}
			}
			linkRel := attr(n, "rel")
			switch tag {
			case "html":
				head.lang = attr(n, "lang")
				lang = head.lang != ""
			case "title":
				title = n.FirstChild != nil && strings.TrimSpace(n.FirstChild.Data) != ""
			case "link":
				manifest = manifest || linkRel == "manifest"
			case "script":
				src := attr(n, "src")
				if len(scripts) == 0 && src != v.o.Base+layout.TrustedTypes {
					v.fail("%s: the first script is %q, want %s%s (the Trusted Types policy must run before any other script)", rel, src, v.o.Base, layout.TrustedTypes)
				}
				appJS = appJS || src == v.o.Base+"app.js"
				scripts = append(scripts, src)
			case "style":
				v.fail("%s: an inline <style> element: the CSP (style-src 'self') refuses it; put the rules in web/app.css", rel)
				if n.FirstChild != nil {
					v.checkCSS(rel, pageURL, n.FirstChild.Data)
				}
			case "meta":
				v.checkMeta(rel, n)
				if attr(n, "charset") != "" {
					afterCharset = n.NextSibling
					for afterCharset != nil && afterCharset.Type != html.ElementNode {
						afterCharset = afterCharset.NextSibling
					}
				}
				referrer = referrer || (attr(n, "name") == "referrer" && attr(n, "content") == layout.ReferrerPolicy)
				if strings.EqualFold(attr(n, "http-equiv"), "content-security-policy") {
					csp = n == afterCharset && attr(n, "content") == layout.ContentSecurityPolicy
				}
			case "base":
				v.fail("%s: <base> changes how every URL resolves; not allowed", rel)
			}
			for _, a := range n.Attr {
				key := a.Key
				if a.Namespace != "" {
					key = a.Namespace + ":" + a.Key
				}
				switch {
				case key == "style":
					v.fail("%s: <%s style=%q>: the CSP (style-src 'self') refuses inline styles; use a class", rel, tag, a.Val)
					v.checkCSS(rel, pageURL, a.Val)
				case !loadAttrs[key]:
				case tag == "a" && key == "href" && isRemote(a.Val):
					// Links to publishers' sites (citations) are fine: they
					// load nothing until followed.
					if u, err := url.Parse(a.Val); err != nil || (u.Scheme != "https" && u.Scheme != "http" && u.Scheme != "mailto") {
						v.fail("%s: <a href=%q>: only http(s) and mailto links", rel, a.Val)
					}
				case tag == "link" && linkRel == "canonical":
					if v.o.Domain == "" || !strings.HasPrefix(a.Val, "https://"+v.o.Domain+v.o.Base) {
						v.fail("%s: canonical link %q is not on https://%s%s", rel, a.Val, v.o.Domain, v.o.Base)
					}
				case tag == "link" && linkRel == "alternate" && isRemote(a.Val):
					// A language version (hreflang), absolute on the site's domain: the
					// page it names must exist like any local reference.
					if site := "https://" + v.o.Domain; v.o.Domain == "" || !strings.HasPrefix(a.Val, site+v.o.Base) {
						v.fail("%s: alternate link %q is not on https://%s%s", rel, a.Val, v.o.Domain, v.o.Base)
					} else {
						v.checkRef(rel, pageURL, "<link rel=alternate>", strings.TrimPrefix(a.Val, site))
						head.alternate(v, pageURL, attr(n, "hreflang"), strings.TrimPrefix(a.Val, site))
					}
				case tag == "link" && linkRel == "alternate" && key == "href" && attr(n, "hreflang") != "":
					v.checkRef(rel, pageURL, "<link rel=alternate>", a.Val)
					head.alternate(v, pageURL, attr(n, "hreflang"), a.Val)
				case key == "srcset":
					for _, c := range strings.Split(a.Val, ",") {
						if f := strings.Fields(c); len(f) > 0 {
							v.checkRef(rel, pageURL, "<"+tag+" srcset>", f[0])
						}
					}
				default:
					v.checkRef(rel, pageURL, "<"+tag+" "+key+">", a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if v.heads == nil {
		v.heads = map[string]pageHead{}
	}
	v.heads[rel] = head
	v.checkTranslated(rel, head.lang, static, texts)
	if v.o.WasmXZ && !static {
		// go-app's loader calls hitInstantiateWasm: the decoder and the
		// loader must come first (all are deferred: they run in order;
		// synchronous scripts may come between).
		want := []string{v.o.Base + layout.XZDecoder, v.o.Base + layout.WasmLoad, v.o.Base + "wasm_exec.js", v.o.Base + "app.js"}
		next := 0
		for _, src := range scripts {
			if next < len(want) && src == want[next] {
				next++
			}
		}
		if next < len(want) {
			v.fail("%s: scripts %q: want %q in this order", rel, scripts, want)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(ids)) {
		if n := ids[id]; n > 1 {
			v.fail("%s: id %q used %d times", rel, id, n)
		}
	}
	for _, req := range []struct {
		ok   bool
		what string
	}{
		{lang, "<html lang>"},
		{title, "a non-empty <title>"},
		{manifest || static, "<link rel=manifest>"},
		{appJS || static, "<script src=" + v.o.Base + "app.js>"},
		{loader || static, "go-app's #app-wasm-loader"},
		{csp, "Content-Security-Policy meta right after <meta charset>"},
		{referrer, "referrer policy " + layout.ReferrerPolicy},
	} {
		if !req.ok {
			v.fail("%s: no %s", rel, req.what)
		}
	}
}

// alternate adds the version at ref (a path, as found in the page served at pageURL) in
// language hreflang to the page's alternates, by the file it names.
func (h *pageHead) alternate(v *verifier, pageURL, hreflang, ref string) {
	base, _ := url.Parse(pageURL)
	u, err := url.Parse(strings.TrimSpace(ref))
	if err != nil {
		return // reported by checkRef
	}
	h.alternates = append(h.alternates, hreflang+" "+v.fileOf(base.ResolveReference(u).Path))
}

// checkMeta checks the social-network tags: absolute URLs on the domain, or
// absent without a domain.
func (v *verifier) checkMeta(rel string, n *html.Node) {
	key := attr(n, "property") + attr(n, "name")
	content := attr(n, "content")
	switch key {
	case "og:url", "og:image", "twitter:image":
		if v.o.Domain == "" {
			v.fail("%s: %s %q without a domain (cannot be absolute)", rel, key, content)
		} else if !strings.HasPrefix(content, "https://"+v.o.Domain+v.o.Base) {
			v.fail("%s: %s %q is not on https://%s%s", rel, key, content, v.o.Domain, v.o.Base)
		}
	case "og:title", "og:description", "description":
		if strings.TrimSpace(content) == "" {
			v.fail("%s: empty %s", rel, key)
		}
	}
}

var (
	cssURL    = regexp.MustCompile(`(?i)url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)`)
	cssImport = regexp.MustCompile(`(?i)@import\s+(?:"([^"]*)"|'([^']*)')`)
)

// checkCSS checks url() and @import references in CSS served at cssURL.
func (v *verifier) checkCSS(from, fromURL, css string) {
	for _, re := range []*regexp.Regexp{cssURL, cssImport} {
		for _, m := range re.FindAllStringSubmatch(css, -1) {
			ref := strings.Join(m[1:], "")
			v.checkRef(from, fromURL, "CSS "+strings.SplitN(m[0], "(", 2)[0], ref)
		}
	}
}

func (v *verifier) checkManifest() {
	data := v.read("manifest.webmanifest")
	if data == nil {
		return
	}
	var m manifest
	if err := json.Unmarshal(data, &m); err != nil {
		v.fail("manifest.webmanifest: %v", err)
		return
	}
	for _, f := range []struct{ name, got string }{{"id", m.ID}, {"scope", m.Scope}, {"start_url", m.StartURL}} {
		if f.got != v.o.Base {
			v.fail("manifest.webmanifest: %s = %q, want the base path %q", f.name, f.got, v.o.Base)
		}
	}
	if m.Name == "" || m.ShortName == "" || m.ThemeColor == "" || m.BackgroundColor == "" {
		v.fail("manifest.webmanifest: name, short_name, theme_color and background_color must be set")
	}
	var maskable, large, small bool
	for _, ic := range m.Icons {
		v.checkRef("manifest.webmanifest", v.urlOf("manifest.webmanifest"), "icon", ic.Src)
		f := v.fileOf(ic.Src)
		if f == "" || ic.Type != "image/png" {
			continue
		}
		img := v.read(f)
		cfg, err := png.DecodeConfig(bytes.NewReader(img))
		if err != nil {
			v.fail("manifest.webmanifest: icon %s: %v", ic.Src, err)
			continue
		}
		if got := fmt.Sprintf("%dx%d", cfg.Width, cfg.Height); got != ic.Sizes {
			v.fail("manifest.webmanifest: icon %s is %s, declared %s", ic.Src, got, ic.Sizes)
		}
		switch {
		case ic.Purpose == "maskable" && ic.Sizes == "512x512":
			maskable = true
		case ic.Purpose == "" && ic.Sizes == "512x512":
			large = true
		case ic.Purpose == "" && ic.Sizes == "192x192":
			small = true
		}
	}
	if !maskable || !large || !small {
		v.fail("manifest.webmanifest: want PNG icons 192x192, 512x512 and maskable 512x512 (have maskable %v, 512 %v, 192 %v)", maskable, large, small)
	}
}

func (v *verifier) checkWorker() {
	data := v.read("app-worker.js")
	if data == nil {
		return
	}
	list, err := sw.Precache(data)
	if err != nil {
		v.fail("app-worker.js: %v", err)
		return
	}
	have := map[string]bool{}
	for _, u := range list {
		have[u] = true
		v.checkRef("app-worker.js", v.urlOf("app-worker.js"), "precache entry", u)
	}
	for _, want := range []string{v.o.Base, v.o.Base + layout.Wasm, v.o.Base + "app.js", v.o.Base + "wasm_exec.js", v.o.Base + "manifest.webmanifest"} {
		if !have[want] {
			v.fail("app-worker.js: precache list lacks %s", want)
		}
	}
	if v.o.Version != "" && !bytes.Contains(data, []byte(v.o.Version)) {
		v.fail("app-worker.js: does not name version %q", v.o.Version)
	}
	if bytes.Contains(data, []byte(sw.DigestToken)) {
		v.fail("app-worker.js: digest placeholder not filled")
	}
	if bytes.Contains(data, []byte(sw.DecoderToken)) {
		v.fail("app-worker.js: decoder placeholder not filled")
	}
	if v.o.WasmXZ != bytes.Contains(data, []byte(`"`+layout.XZDecoder+`"`)) {
		v.fail("app-worker.js: loads the xz decoder %v, want %v", !v.o.WasmXZ, v.o.WasmXZ)
	}
	if have[v.o.Base+layout.WasmXZ] {
		v.fail("app-worker.js: precaches %s: the worker keeps app.wasm decoded instead", layout.WasmXZ)
	}
}

var indentRun = regexp.MustCompile(`\n[ \t]{2,}\S`)

// preformatted matches elements whose whitespace is content.
var preformatted = regexp.MustCompile(`(?is)<(pre|textarea)\b.*?</(pre|textarea)>`)

func (v *verifier) checkMinified(rel string) {
	if _, ok := layout.TextType(rel); !ok {
		return
	}
	data := v.read(rel)
	if path.Ext(rel) == ".html" {
		data = preformatted.ReplaceAll(data, nil)
	}
	if loc := indentRun.FindIndex(data); loc != nil {
		v.fail("%s: not minified (indented line at byte %d)", rel, loc[0])
	}
}

// attr returns the value of attribute key of n, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

// manifest is what Verify reads of the web app manifest.
type manifest struct {
	ID              string `json:"id"`
	Name            string `json:"name"`
	ShortName       string `json:"short_name"`
	Scope           string `json:"scope"`
	StartURL        string `json:"start_url"`
	BackgroundColor string `json:"background_color"`
	ThemeColor      string `json:"theme_color"`
	Icons           []struct {
		Src     string `json:"src"`
		Type    string `json:"type"`
		Purpose string `json:"purpose"`
		Sizes   string `json:"sizes"`
	} `json:"icons"`
}
