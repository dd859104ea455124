package docpage

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// outline is the structure of a converted document: every heading with its level, every
// paragraph, every list with its number of items, every table with its columns and rows,
// in document order. A faithful translation has its original's outline; a section,
// paragraph, list item or table row added to one and not the other changes it.
func outline(t *testing.T, md string) []string {
	t.Helper()
	body, _ := HTML(md)
	doc, err := html.Parse(strings.NewReader("<main>" + body + "</main>"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	count := func(n *html.Node, tag string) int {
		k := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.Data == tag {
				k++
			}
		}
		return k
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "h1", "h2", "h3", "h4", "h5", "h6", "p":
				out = append(out, n.Data)
			case "ol", "ul":
				out = append(out, fmt.Sprintf("%s of %d", n.Data, count(n, "li")))
			case "tr":
				out = append(out, fmt.Sprintf("row of %d", count(n, "th")+count(n, "td")))
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

// TestTranslations compares every translated document of the repository (X.es.md) with
// its original (X.md): the same outline, block by block, so the English document cannot
// gain a section, a step, a list item or a table row that the translation lacks (and the
// other way round). The translation must also convert cleanly.
func TestTranslations(t *testing.T) {
	root := filepath.Join("..", "..")
	files, err := filepath.Glob(filepath.Join(root, "*.es.md"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 3 {
		t.Fatalf("translations %v: want METHODOLOGY, PRIVACY and ACCESSIBILITY in Spanish", files)
	}
	for _, es := range files {
		en := strings.TrimSuffix(es, ".es.md") + ".md"
		t.Run(filepath.Base(es), func(t *testing.T) {
			a, err := os.ReadFile(en)
			if err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(es)
			if err != nil {
				t.Fatal(err)
			}
			want, got := outline(t, string(a)), outline(t, string(b))
			for i := 0; i < max(len(want), len(got)); i++ {
				w, g := "(nothing)", "(nothing)"
				if i < len(want) {
					w = want[i]
				}
				if i < len(got) {
					g = got[i]
				}
				if w != g {
					t.Fatalf("block %d: %s has %s where %s has %s: update the translation with the original (outlines %d and %d blocks)",
						i+1, filepath.Base(en), w, filepath.Base(es), g, len(want), len(got))
				}
			}
			if _, title := HTML(string(b)); title == "" {
				t.Error("no title")
			}
			for _, bad := range []string{"**", "](", "\n# ", "\n- "} {
				body, _ := HTML(string(b))
				if strings.Contains(html.UnescapeString(body), bad) {
					t.Errorf("the converted translation keeps Markdown syntax %q", bad)
				}
			}
		})
	}
}

// TestOutlineNotices checks that the outline comparison notices what it must: a section
// added to the original, a list item, a table row.
func TestOutlineNotices(t *testing.T) {
	base := "# T\n\nText.\n\n## A\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
	for name, changed := range map[string]string{
		"section":   base + "\n## B\n\nMore.\n",
		"list item": strings.Replace(base, "- two\n", "- two\n- three\n", 1),
		"table row": base + "| 3 | 4 |\n",
	} {
		if fmt.Sprint(outline(t, base)) == fmt.Sprint(outline(t, changed)) {
			t.Errorf("a %s added: same outline %v", name, outline(t, base))
		}
	}
}
