package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// How to write an element, the one way used in app/ui:
//
//   - an element with constant attributes is a spec string for hs (the element, to chain
//     methods), h (with a body) or ht (with text only): the tag, then "|name=value" for
//     each attribute, e.g. h("td|role=cell|class=num", body...). Names hold no "|" or "=";
//     a value holds no "|" but may hold "=" (the first "=" splits); an empty value sets
//     nothing, as go-app drops empty attributes;
//   - values that change (text, a varying id, ARIA states, events) are methods of the
//     element hs returns: hs("button|type=button").ID(id).Aria("pressed", on).OnClick(f);
//   - elc, txt and box are the tag-and-class shorthands, void the self-closing elements
//     (input), fact one term and value of a description list;
//   - an element that comes and goes among stable siblings goes in a slot;
//   - never app.Div, app.Span and the other typed elements (see el).
//
// TestElementSpec (elem_test.go) is the parser's table of cases.

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

// hs is an element built from a spec: the tag, then constant attributes, each
// "|name=value", for example "td|role=cell|class=num". It is el(tag).Attr(name, value)
// for each, in one call with one constant argument: typed setters such as Class, Role,
// Aria and DataSet store the same string attribute. Dynamic values still go through
// the methods of the element hs returns.
//
//go:noinline
func hs(spec string) app.HTMLElem {
	tag, rest, _ := strings.Cut(spec, "|")
	e := el(tag)
	for rest != "" {
		var attr string
		attr, rest, _ = strings.Cut(rest, "|")
		k, v, _ := strings.Cut(attr, "=")
		e = e.Attr(k, v)
	}
	return e
}

// h is hs(spec) holding body.
//
//go:noinline
func h(spec string, body ...app.UI) app.UI { return hs(spec).Body(body...) }

// ht is hs(spec) holding only the text s.
//
//go:noinline
func ht(spec, s string) app.UI { return hs(spec).Text(s) }

// slot holds an element that comes and goes (ui nil: none) in a wrapper without a box
// (class slot, display: contents). go-app matches an element's children by position, so
// one appearing or leaving among them made it replace every later sibling: the first
// edit of the starting example, which drops the example note, replaced the summary's
// range bar (42 elements), facts and live region (a new live region is not reliably
// read out). In a slot, the siblings keep their places.
//
//go:noinline
func slot(ui app.UI) app.UI { return box("div", "slot", ui) }

// fact is one term and its value in a "facts" description list.
//
//go:noinline
func fact(term, value string) app.UI {
	return box("div", "fact", txt("dt", "", term), txt("dd", "", value))
}
