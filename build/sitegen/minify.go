package sitegen

import (
	"bytes"
	"fmt"
	"path"
	"regexp"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// mediaTypes maps the extensions Build minifies to the minifier's media
// types. Anything else (PNG, app.wasm, …) is copied byte for byte.
var mediaTypes = map[string]string{
	".html":        "text/html",
	".css":         "text/css",
	".js":          "application/javascript",
	".mjs":         "application/javascript",
	".json":        "application/json",
	".webmanifest": "application/json",
	".svg":         "image/svg+xml",
	".xml":         "text/xml",
}

// newMinifier returns the minifier for the site. The HTML minifier keeps
// document and end tags and default attribute values: the pre-rendered
// markup stays a complete, conventional document, and selectors such as
// input[type=text] in CSS and tests keep matching.
func newMinifier() *minify.M {
	m := minify.New()
	m.Add("text/html", &html.Minifier{
		KeepDocumentTags:    true,
		KeepEndTags:         true,
		KeepDefaultAttrVals: true,
	})
	m.AddFunc("text/css", css.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`^(application|text)/(x-)?(java|ecma)script$`), js.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]json$`), json.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]xml$`), xml.Minify)
	return m
}

// minifiable reports whether Build minifies the file name.
func minifiable(name string) (string, bool) {
	t, ok := mediaTypes[path.Ext(name)]
	return t, ok
}

// minifyFile minifies data of the file name with m.
func minifyFile(m *minify.M, name string, data []byte) ([]byte, error) {
	t, ok := minifiable(name)
	if !ok {
		return data, nil
	}
	var b bytes.Buffer
	if err := m.Minify(t, &b, bytes.NewReader(data)); err != nil {
		return nil, fmt.Errorf("minifying %s: %w", name, err)
	}
	return b.Bytes(), nil
}
