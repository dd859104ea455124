package ui

import (
	"fmt"
	"html"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// This file reads the HTML that go-app writes (app.HTMLString), which is regular enough
// for a small parser: attribute values are Go-quoted (strconv.Quote), an attribute whose
// value is "true" is written bare, text is HTML-escaped, and only self-closing elements
// (input, img, ...) lack an end tag. The standard library has no HTML parser and the
// project adds no module for one.

// node is an element or a text node.
type node struct {
	Tag      string // "" for text
	Attrs    map[string]string
	Text     string // text nodes only, unescaped
	Children []*node
	Parent   *node
}

var voidTags = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "param": true, "source": true, "track": true, "wbr": true,
}

// tok is a start tag, an end tag or text.
type tok struct {
	kind  byte // '<' start, '/' end, 't' text
	tag   string
	attrs [][2]string // in document order
	text  string
}

func tokenize(s string) ([]tok, error) {
	var out []tok
	for i := 0; i < len(s); {
		if s[i] != '<' {
			j := strings.IndexByte(s[i:], '<')
			if j < 0 {
				j = len(s) - i
			}
			out = append(out, tok{kind: 't', text: s[i : i+j]})
			i += j
			continue
		}
		if strings.HasPrefix(s[i:], "</") {
			j := strings.IndexByte(s[i:], '>')
			if j < 0 {
				return nil, fmt.Errorf("unterminated end tag at %d", i)
			}
			out = append(out, tok{kind: '/', tag: s[i+2 : i+j]})
			i += j + 1
			continue
		}
		i++
		start := i
		for i < len(s) && s[i] != ' ' && s[i] != '>' {
			i++
		}
		tk := tok{kind: '<', tag: s[start:i]}
		for {
			for i < len(s) && s[i] == ' ' {
				i++
			}
			if i >= len(s) {
				return nil, fmt.Errorf("unterminated start tag <%s", tk.tag)
			}
			if s[i] == '>' {
				i++
				break
			}
			ns := i
			for i < len(s) && s[i] != '=' && s[i] != ' ' && s[i] != '>' {
				i++
			}
			name := s[ns:i]
			value := "true"
			if i < len(s) && s[i] == '=' {
				i++
				q, err := strconv.QuotedPrefix(s[i:])
				if err != nil {
					return nil, fmt.Errorf("attribute %s of <%s: %v", name, tk.tag, err)
				}
				value, _ = strconv.Unquote(q)
				i += len(q)
			}
			tk.attrs = append(tk.attrs, [2]string{name, value})
		}
		out = append(out, tk)
	}
	return out, nil
}

// parseHTML builds the element tree of go-app's output.
func parseHTML(t testing.TB, s string) *node {
	t.Helper()
	toks, err := tokenize(s)
	if err != nil {
		t.Fatalf("parsing HTML: %v", err)
	}
	root := &node{Tag: "#root", Attrs: map[string]string{}}
	cur := root
	for _, tk := range toks {
		switch tk.kind {
		case 't':
			if strings.TrimSpace(tk.text) == "" {
				continue
			}
			cur.Children = append(cur.Children, &node{Text: html.UnescapeString(strings.TrimSpace(tk.text)), Parent: cur})
		case '<':
			n := &node{Tag: tk.tag, Attrs: map[string]string{}, Parent: cur}
			for _, a := range tk.attrs {
				if _, dup := n.Attrs[a[0]]; dup {
					t.Errorf("<%s> has attribute %s twice", tk.tag, a[0])
				}
				n.Attrs[a[0]] = a[1]
			}
			cur.Children = append(cur.Children, n)
			if !voidTags[tk.tag] {
				cur = n
			}
		case '/':
			if cur.Tag != tk.tag {
				t.Fatalf("end tag </%s> closes <%s>", tk.tag, cur.Tag)
			}
			cur = cur.Parent
		}
	}
	if cur != root {
		t.Fatalf("unclosed <%s>", cur.Tag)
	}
	return root
}

// canonicalHTML rewrites go-app's HTML with every start tag's attributes sorted by name,
// so it can be compared with a golden file (go-app writes them in map order).
func canonicalHTML(t testing.TB, s string) string {
	t.Helper()
	toks, err := tokenize(s)
	if err != nil {
		t.Fatalf("canonicalising HTML: %v", err)
	}
	var b strings.Builder
	for _, tk := range toks {
		switch tk.kind {
		case 't':
			b.WriteString(tk.text)
		case '/':
			b.WriteString("</" + tk.tag + ">")
		case '<':
			attrs := append([][2]string(nil), tk.attrs...)
			sort.Slice(attrs, func(i, j int) bool { return attrs[i][0] < attrs[j][0] })
			b.WriteString("<" + tk.tag)
			for _, a := range attrs {
				b.WriteString(" " + a[0])
				if a[1] != "true" {
					b.WriteString("=" + strconv.Quote(a[1]))
				}
			}
			b.WriteString(">")
		}
	}
	return b.String()
}

// find returns the elements under n (n included) for which match is true, in document
// order.
func find(n *node, match func(*node) bool) []*node {
	var out []*node
	var walk func(*node)
	walk = func(n *node) {
		if n.Tag != "" && match(n) {
			out = append(out, n)
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	walk(n)
	return out
}

// byAttr matches elements whose attribute has the value.
func byAttr(name, value string) func(*node) bool {
	return func(n *node) bool { v, ok := n.Attrs[name]; return ok && v == value }
}

// byTag matches elements by tag name.
func byTag(tag string) func(*node) bool {
	return func(n *node) bool { return n.Tag == tag }
}

// one returns the single element matching, or fails the test.
func one(t testing.TB, root *node, what string, match func(*node) bool) *node {
	t.Helper()
	got := find(root, match)
	if len(got) != 1 {
		t.Fatalf("want exactly one %s, found %d", what, len(got))
	}
	return got[0]
}

// textOf is the text of n and its descendants, words separated by single spaces.
func textOf(n *node) string {
	var parts []string
	var walk func(*node)
	walk = func(n *node) {
		if n.Tag == "" {
			parts = append(parts, n.Text)
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
}

// render writes a component's HTML as it stands, canonicalised. A component that is not
// mounted is rendered from scratch with its children.
func render(t testing.TB, c app.UI) (*node, string) {
	t.Helper()
	s := app.HTMLString(c)
	return parseHTML(t, s), s
}

func TestTokenizeRoundTrip(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"sorts attributes", `<p id="a" class="b">x</p>`, `<p class="b" id="a">x</p>`},
		{"bare boolean", `<input type="checkbox" checked id="c">`, `<input checked id="c" type="checkbox">`},
		{"quoted escapes", `<p title="say \"hi\" \\ there">t</p>`, `<p title="say \"hi\" \\ there">t</p>`},
		{"text kept escaped", `<p>&lt;script&gt;</p>`, `<p>&lt;script&gt;</p>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := canonicalHTML(t, tt.in); got != tt.want {
				t.Errorf("canonicalHTML(%s)\n got %s\nwant %s", tt.in, got, tt.want)
			}
		})
	}
}
