package docpage

import (
	"errors"
	"html"
	"strings"

	"github.com/hit-salary/hit-salary/app/text"
)

// Page renders md as a complete page of the site served under base (for example
// "/hit-salary/"): styled by web/app.css, with a skip link and links back to the app.
// The build's post-processing adds the Content-Security-Policy and referrer policy, as
// for every page. It fails if the document has no level-1 heading to title the page.
func Page(md, base string, t *text.Catalog) ([]byte, error) {
	return PageWith(md, base, t, Options{})
}

// Options are what a page adds to its document: its own description (a catalogue key;
// the methodology's by default), trusted HTML after the document (built by this
// package, never from the document), and scripts of the site's web/ folder, deferred.
type Options struct {
	DescriptionKey string   // catalogue key of the meta description; "" is doc.description
	After          string   // HTML appended inside <main>, after the document
	Scripts        []string // paths relative to the base, such as "web/privacy.js"
	// Home is the app's page in the document's language, relative to the base: "" for
	// the English estimator, "es/" for the Spanish one. The way back leads there.
	Home string
	// Languages are the document's versions, for the language switcher in the masthead
	// (none: no switcher): one per language, the page's own included.
	Languages []Version
}

// Version is one language's version of a page: its language and its path relative to
// the base, such as "es/methodology/".
type Version struct {
	Lang text.Lang
	Path string
}

// PageWith is Page with Options.
func PageWith(md, base string, t *text.Catalog, o Options) ([]byte, error) {
	body, title := HTML(md)
	if title == "" {
		return nil, errors.New("docpage: the document has no level-1 heading (# Title) to name the page")
	}
	return shell(title, body+o.After, base, t, o)
}

// shell is the page around a body of trusted HTML titled title.
func shell(title, body, base string, t *text.Catalog, o Options) ([]byte, error) {
	esc := html.EscapeString
	description := t.T("doc.description")
	if o.DescriptionKey != "" {
		description = t.T(o.DescriptionKey)
	}
	var scripts strings.Builder
	for _, s := range o.Scripts {
		scripts.WriteString(`<script defer src="` + esc(base+s) + `"></script>` + "\n")
	}
	back := `<a href="` + esc(base+o.Home) + `">` + esc(t.T("doc.back")) + `</a>`
	var b strings.Builder
	b.WriteString(`<!doctype html>
<html lang="` + esc(string(t.Lang())) + `">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>` + esc(t.F("doc.title", "title", title)) + `</title>
<meta name="description" content="` + esc(description) + `">
<link rel="icon" href="` + esc(base) + `web/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="` + esc(base) + `web/app.css">
` + scripts.String() + `</head>
<body>
<div class="app doc">
<a class="skip-link" href="#doc">` + esc(t.T("doc.skip")) + `</a>
<header class="masthead">` + langSwitch(base, t, o.Languages) + `<p class="masthead__name">` + esc(t.T("app.name")) + `</p><p class="doc__back">` + back + `</p></header>
<main id="doc" class="card doc__body" tabindex="-1">
`)
	b.WriteString(body)
	b.WriteString(`</main>
<footer class="colophon"><p>` + back + `</p><p>` + esc(t.T("footer.privacy")) + `</p></footer>
</div>
</body>
</html>
`)
	return []byte(b.String()), nil
}

// langSwitch is the masthead's language switcher, as the app draws it (app/ui
// langSwitch, the same classes): a link per version, each named in its own language,
// the page's own marked aria-current=page. No versions, no switcher.
func langSwitch(base string, t *text.Catalog, vs []Version) string {
	if len(vs) == 0 {
		return ""
	}
	esc := html.EscapeString
	var b strings.Builder
	b.WriteString(`<nav class="lang-switch" data-testid="lang-switch" aria-label="` + esc(t.T("lang.switch")) + `"><ul class="lang-switch__list">`)
	for _, v := range vs {
		current := ""
		if v.Lang == t.Lang() {
			current = ` aria-current="page"`
		}
		l := esc(string(v.Lang))
		b.WriteString(`<li class="lang-switch__item"><a class="lang-switch__link" href="` + esc(base+v.Path) + `" hreflang="` + l + `" lang="` + l + `"` + current + `>` +
			esc(t.T("lang.name."+string(v.Lang))) + `</a></li>`)
	}
	b.WriteString(`</ul></nav>`)
	return b.String()
}
