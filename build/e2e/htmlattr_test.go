package e2e

import (
	"html"
	"strings"
	"testing"
)

// startTags returns the attributes of every start tag in an HTML document, in order. It
// understands what the minifier writes (unquoted, single- and double-quoted values,
// attributes without a value) and skips comments, scripts and styles. It is enough to find
// an element by attribute in the pre-rendered page without an HTML parser module.
func startTags(doc string) []map[string]string {
	var tags []map[string]string
	for i := 0; i < len(doc); {
		lt := strings.IndexByte(doc[i:], '<')
		if lt < 0 {
			break
		}
		i += lt
		if strings.HasPrefix(doc[i:], "<!--") {
			end := strings.Index(doc[i:], "-->")
			if end < 0 {
				break
			}
			i += end + 3
			continue
		}
		i++
		if i >= len(doc) || !isNameStart(doc[i]) {
			continue
		}
		start := i
		for i < len(doc) && !isSpace(doc[i]) && doc[i] != '>' && doc[i] != '/' {
			i++
		}
		name := strings.ToLower(doc[start:i])
		attrs := map[string]string{"": name}
		for i < len(doc) && doc[i] != '>' {
			if isSpace(doc[i]) || doc[i] == '/' {
				i++
				continue
			}
			ks := i
			for i < len(doc) && !isSpace(doc[i]) && doc[i] != '=' && doc[i] != '>' && doc[i] != '/' {
				i++
			}
			key := strings.ToLower(doc[ks:i])
			val := ""
			if i < len(doc) && doc[i] == '=' {
				i++
				if i < len(doc) && (doc[i] == '"' || doc[i] == '\'') {
					q := doc[i]
					i++
					vs := i
					for i < len(doc) && doc[i] != q {
						i++
					}
					val = doc[vs:i]
					i++
				} else {
					vs := i
					for i < len(doc) && !isSpace(doc[i]) && doc[i] != '>' {
						i++
					}
					val = doc[vs:i]
				}
			}
			attrs[key] = html.UnescapeString(val)
		}
		tags = append(tags, attrs)
		if name == "script" || name == "style" {
			end := strings.Index(strings.ToLower(doc[i:]), "</"+name)
			if end < 0 {
				break
			}
			i += end
		}
	}
	return tags
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

func isNameStart(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func TestStartTags(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []map[string]string
	}{
		{"double quotes", `<div data-testid="estimate" data-low="1">`,
			[]map[string]string{{"": "div", "data-testid": "estimate", "data-low": "1"}}},
		{"minified", `<p data-testid=estimate data-median=92000 hidden>x</p>`,
			[]map[string]string{{"": "p", "data-testid": "estimate", "data-median": "92000", "hidden": ""}}},
		{"single quotes and entities", `<a title='a &amp; b' href=/x/>`,
			[]map[string]string{{"": "a", "title": "a & b", "href": "/x/"}}},
		{"comment and script skipped", `<!-- <b x=1> --><script>if (a<b) {}</script><i id=z>`,
			[]map[string]string{{"": "script"}, {"": "i", "id": "z"}}},
		{"text with less-than", `1 < 2 <em>`, []map[string]string{{"": "em"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := startTags(tt.doc)
			if len(got) != len(tt.want) {
				t.Fatalf("startTags(%q) = %v, want %v", tt.doc, got, tt.want)
			}
			for i := range got {
				if len(got[i]) != len(tt.want[i]) {
					t.Fatalf("tag %d of %q = %v, want %v", i, tt.doc, got[i], tt.want[i])
				}
				for k, v := range tt.want[i] {
					if got[i][k] != v {
						t.Errorf("tag %d of %q: %s = %q, want %q", i, tt.doc, k, got[i][k], v)
					}
				}
			}
		})
	}
}
