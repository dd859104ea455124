package ui

import (
	"slices"
	"strings"
	"sync"

	"github.com/hit-salary/hit-salary/app/text"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// focusLink is an in-page link to the element with id target, such as the skip link.
// web/carry.js handles its clicks, before and after the app starts: it moves focus to
// the target (which scrolls it into view) instead of following the address. The address
// alone would not do: go-app pre-renders "#x" as the base path plus the fragment, which
// reloads the page without its scenario, and go-app's own link handling in the browser
// scrolls without moving focus. The target needs tabindex=-1 unless it is focusable.
func focusLink(class, target, label string) app.UI {
	return elc("a", class).Attr("href", "#"+target).DataSet("focus", target).Text(label)
}

// pageLink is a link to a page of the site that is not part of the app, such as the
// methodology (path relative to the base path, with a leading slash). web/carry.js
// keeps go-app from routing it inside the app, so the browser loads the page.
func pageLink(class, path, label string) app.UI {
	return elc("a", class).Attr("href", sitePath(path)).DataSet("page", "site").Text(label)
}

// sitePath is the address of a path under the site's base path. When pre-rendering,
// go-app's resource resolver adds the base path to every href; in the browser it does so
// only for /web/ resources, so the page adds it from the same setting.
func sitePath(p string) string {
	if app.IsServer {
		return p
	}
	return siteBase() + p
}

// siteBase is the site's base path in the browser, without the trailing slash. go-app
// sets its environment before the program starts and never changes it, and reading it
// is a call into JavaScript: the language links alone read it twice per edit.
var siteBase = sync.OnceValue(func() string {
	return strings.TrimSuffix(app.Getenv("GOAPP_STATIC_RESOURCES_URL"), "/web")
})

// MethodologyPath is where the build publishes METHODOLOGY.md as a page, relative to
// the site's base path; the page links to it.
const MethodologyPath = "/methodology/"

// formTitleID is the form's heading: the target of the skip link and of the example's
// "change your details", and where focus goes when a banner is dismissed.
const formTitleID = "form-title"

// Doc is a repository document the build publishes as a page of the site (build/docpage
// renders it from the file).
type Doc struct {
	File string    // the Markdown file in the repository, such as "METHODOLOGY.es.md"
	Path string    // the page's path relative to the base path, such as "/es/methodology/"
	Lang text.Lang // the document's language
}

// docs are the published documents: each English one and its Spanish translation, whose
// page is the English page's path under /es (langPath).
var docs = func() []Doc {
	var out []Doc
	for _, d := range []struct{ name, path string }{
		{"METHODOLOGY", MethodologyPath}, {"PRIVACY", PrivacyPath}, {"ACCESSIBILITY", AccessibilityPath},
	} {
		out = append(out,
			Doc{File: d.name + ".md", Path: d.path, Lang: text.English},
			Doc{File: d.name + ".es.md", Path: langPath(text.Spanish, d.path), Lang: text.Spanish})
	}
	return out
}()

// Docs returns the repository documents published as pages of the site, English ones
// first, each followed by its translation. The build tool renders each one.
func Docs() []Doc { return slices.Clone(docs) }

// builders are the embed builder's pages, one per language (their File is empty: the
// build renders them from Go, docpage.Builder): the English one at EmbedBuilderPath and
// its Spanish one under /es (langPath), like the documents.
var builders = []Doc{
	{Path: EmbedBuilderPath, Lang: text.English},
	{Path: langPath(text.Spanish, EmbedBuilderPath), Lang: text.Spanish},
}

// EmbedBuilders returns the embed builder's pages, the English one first.
func EmbedBuilders() []Doc { return slices.Clone(builders) }

// docLink is a link to the document at path (an English path such as MethodologyPath) in
// language l, the English one if it has no translation.
func docLink(class string, l text.Lang, path, label string) app.UI {
	return pageLink(class, docPath(l, path), label)
}

// docPath is the path of the document at path in language l, if published, else path.
func docPath(l text.Lang, path string) string {
	if p := langPath(l, path); hasPage(p) {
		return p
	}
	return path
}

// Alternate is one language's version of a page: hreflang Lang ("en", "es", or
// "x-default" for the page shown when no language matches), at Path relative to the
// base path.
type Alternate struct {
	Lang string
	Path string
}

// Alternates returns, for every page that exists in more than one language (the home
// pages, the role pages, the documents, the embed builder), its versions: the English one, the others, then
// x-default, which is the English one. The build writes them as <link rel=alternate
// hreflang> in each page's head and as xhtml:link entries of sitemap.xml, so search
// engines show readers the page in their language.
func Alternates() map[string][]Alternate {
	var english []string
	for _, r := range routes() {
		if r.Lang == "" {
			english = append(english, r.Path)
		}
	}
	for _, r := range roleRoutes() {
		if r.Lang == "" {
			english = append(english, r.Path)
		}
	}
	for _, d := range slices.Concat(docs, builders) {
		if d.Lang == text.English {
			english = append(english, d.Path)
		}
	}
	out := map[string][]Alternate{}
	for _, p := range english {
		alts := []Alternate{{string(text.English), p}}
		for _, l := range text.Langs() {
			if lp := langPath(l, p); l != text.English && hasPage(lp) {
				alts = append(alts, Alternate{string(l), lp})
			}
		}
		if len(alts) == 1 {
			continue
		}
		alts = append(alts, Alternate{"x-default", p})
		for _, a := range alts[:len(alts)-1] {
			out[a.Path] = alts
		}
	}
	return out
}
