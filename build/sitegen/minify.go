package sitegen

import (
	"bytes"
	"fmt"
	"regexp"

	"github.com/hit-salary/hit-salary/build/layout"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

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

// minifyFile minifies data of the file name with m.
func minifyFile(m *minify.M, name string, data []byte) ([]byte, error) {
	t, ok := layout.TextType(name)
	if !ok {
		return data, nil
	}
	var b bytes.Buffer
	if err := m.Minify(t, &b, bytes.NewReader(data)); err != nil {
		return nil, fmt.Errorf("minifying %s: %w", name, err)
	}
	return b.Bytes(), nil
}
