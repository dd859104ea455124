package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// el is an HTML element with the given tag. Build every element of the UI through el
// (or void), never app.Div, app.Span, ...: each go-app element type links its own copy
// of every method used, and one generic type instead of ~40 saved 87 KiB of gzipped
// wasm. Set element-specific attributes with Attr: Attr("for", id), Attr("type",
// "button"), Attr("checked", true) (go-app's typed setters do exactly that).
//
//go:noinline
func el(tag string) app.HTMLElem { return app.Elem(tag) }

// void is a self-closing (void) HTML element, such as input.
//
//go:noinline
func void(tag string) app.HTMLElemSelfClosing { return app.ElemSelfClosing(tag) }

// elc is el(tag).Class(class), in one call: a chain costs code at every call site.
//
//go:noinline
func elc(tag, class string) app.HTMLElem { return el(tag).Class(class) }

// txt is an element holding only text, with a class unless class is empty.
//
//go:noinline
func txt(tag, class, s string) app.UI {
	e := el(tag)
	if class != "" {
		e = e.Class(class)
	}
	return e.Text(s)
}

// box is an element holding body, with a class unless class is empty.
//
//go:noinline
func box(tag, class string, body ...app.UI) app.UI {
	e := el(tag)
	if class != "" {
		e = e.Class(class)
	}
	return e.Body(body...)
}
