package docpage

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestHTML(t *testing.T) {
	tests := []struct {
		name, md, want string
	}{
		{"heading with id", "# How it works\n", `<h1 id="how-it-works">How it works</h1>` + "\n"},
		{"repeated heading ids differ", "## Notes\n## Notes\n", `<h2 id="notes">Notes</h2>` + "\n" + `<h2 id="notes-2">Notes</h2>` + "\n"},
		{"paragraph joins its lines", "one\ntwo\n\nthree\n", "<p>one\ntwo</p>\n<p>three</p>\n"},
		{"inline", "**bold**, *it*, `a*b*`, 2 × 3 * 4", "<p><strong>bold</strong>, <em>it</em>, <code>a*b*</code>, 2 × 3 * 4</p>\n"},
		{"escaped", `<script>alert("x")</script> & co`, "<p>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; co</p>\n"},
		{"web link", "[BLS](https://www.bls.gov/oes/)", `<p><a href="https://www.bls.gov/oes/" rel="noopener noreferrer">BLS</a></p>` + "\n"},
		{"javascript link stays text", "[x](javascript:void)", "<p>x</p>\n"},
		{"repository path stays text", "[code](app/estimate)", "<p>code</p>\n"},
		{"autolink", "<https://example.org/a>", `<p><a href="https://example.org/a" rel="noopener noreferrer">https://example.org/a</a></p>` + "\n"},
		{"ordered list with continuation", "1. **Base.** The median\n   of the state.\n2. Experience.\n",
			"<ol>\n<li><strong>Base.</strong> The median\nof the state.</li>\n<li>Experience.</li>\n</ol>\n"},
		{"nested list", "4. Employer:\n   - *Hospital* (+3%): tables\n     of BLS.\n   - Clinic.\n5. Certs.\n",
			"<ol start=\"4\">\n<li>Employer:\n<ul>\n<li><em>Hospital</em> (+3%): tables\nof BLS.</li>\n<li>Clinic.</li>\n</ul>\n</li>\n<li>Certs.</li>\n</ol>\n"},
		{"a wrapped number does not start a list", "percentiles 10, 75 and\n90. That spread.\n",
			"<p>percentiles 10, 75 and\n90. That spread.</p>\n"},
		{"a wrapped number stays in its item", "6. **Certs.** Robert Half\n   2015) and a gap.\n7. Next.\n",
			"<ol start=\"6\">\n<li><strong>Certs.</strong> Robert Half\n2015) and a gap.</li>\n<li>Next.</li>\n</ol>\n"},
		{"list then paragraph", "- a\n- b\n\nAfter.\n", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<p>After.</p>\n"},
		{"table", "| Role | SOC |\n|---|--:|\n| IT `x` | 15-1232 |\n| a \\| b |\n",
			"<div class=\"table-scroll\"><table class=\"table\">\n<thead><tr><th scope=\"col\">Role</th><th scope=\"col\" class=\"align-right\">SOC</th></tr></thead>\n<tbody>\n" +
				"<tr><td>IT <code>x</code></td><td class=\"align-right\">15-1232</td></tr>\n<tr><td>a | b</td><td class=\"align-right\"></td></tr>\n</tbody>\n</table></div>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := HTML(tt.md)
			if got != tt.want {
				t.Errorf("HTML(%q) =\n%s\nwant\n%s", tt.md, got, tt.want)
			}
		})
	}
}

// TestMethodology converts the real METHODOLOGY.md: it must have a title, parse as
// HTML, and leave no Markdown syntax behind in its text (a construct the converter
// does not know would show as raw ** or | or # characters).
func TestMethodology(t *testing.T) {
	md, err := os.ReadFile(filepath.Join("..", "..", "METHODOLOGY.md"))
	if err != nil {
		t.Fatal(err)
	}
	body, title := HTML(string(md))
	if title == "" {
		t.Fatal("no title (level-1 heading) found")
	}
	doc, err := html.Parse(strings.NewReader("<main>" + body + "</main>"))
	if err != nil {
		t.Fatal(err)
	}
	var walk func(*html.Node, bool)
	counts := map[string]int{}
	walk = func(n *html.Node, inCode bool) {
		if n.Type == html.ElementNode {
			counts[n.Data]++
			inCode = inCode || n.Data == "code"
		}
		if n.Type == html.TextNode && !inCode {
			for _, bad := range []string{"**", "](", "|", "\n#", "\n- ", "\n1. "} {
				if strings.Contains("\n"+n.Data, bad) {
					t.Errorf("text %q keeps Markdown syntax %q", n.Data, bad)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inCode)
		}
	}
	walk(doc, false)
	for _, tag := range []string{"h1", "h2", "p", "ol", "ul", "li", "table", "strong", "code"} {
		if counts[tag] == 0 {
			t.Errorf("no <%s> in the converted methodology: is its Markdown still the subset this package reads?", tag)
		}
	}
}
