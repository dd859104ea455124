package docpage

import (
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
)

// TestBuilder checks the embed builder page: a role and a state option for each of the
// model's, a lock checkbox for each scenario parameter, the layout and theme choices
// with their defaults checked, every label naming a control that exists, the scripts in
// order, and the starting code escaped in its textarea.
func TestBuilder(t *testing.T) {
	b, err := Builder("/hit-salary/", text.For(text.English), Options{})
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	for _, r := range estimate.Roles() {
		if !strings.Contains(page, `<option value="`+string(r.Slug)+`">`) {
			t.Errorf("no role option %s", r.Slug)
		}
	}
	for _, a := range estimate.Areas() {
		if !strings.Contains(page, `<option value="`+a.Code+`">`) {
			t.Errorf("no state option %s", a.Code)
		}
	}
	for _, p := range estimate.Params() {
		if !strings.Contains(page, `id="b-lock-`+p+`" name="lock" value="`+p+`"`) {
			t.Errorf("no lock checkbox for %s", p)
		}
	}
	for _, w := range []string{
		`<legend class="field__label">Layout</legend>`,
		`id="b-view-full" name="view" value="full" checked>`, `id="b-view-compact" name="view" value="compact">`,
		`id="b-theme-auto" name="theme" value="auto" checked>`, `id="b-theme-light" name="theme" value="light">`, `id="b-theme-dark" name="theme" value="dark">`,
	} {
		if !strings.Contains(page, w) {
			t.Errorf("the builder lacks %s", w)
		}
	}
	if strings.Count(page, " checked>") != 2 {
		t.Errorf("%d choices checked at first, want one layout and one theme", strings.Count(page, " checked>"))
	}
	ids := map[string]bool{}
	for _, m := range regexp.MustCompile(` id="([^"]+)"`).FindAllStringSubmatch(page, -1) {
		if ids[m[1]] {
			t.Errorf("id %q used twice", m[1])
		}
		ids[m[1]] = true
	}
	for _, m := range regexp.MustCompile(` for="([^"]+)"`).FindAllStringSubmatch(page, -1) {
		if !ids[m[1]] {
			t.Errorf("label for %q names no element", m[1])
		}
	}
	order := []string{"web/embedded.js", "web/embed.js", "web/builder.js"}
	last := -1
	for _, s := range order {
		i := strings.Index(page, `src="/hit-salary/`+s+`"`)
		if i < last {
			t.Errorf("script %s missing or out of order", s)
		}
		last = i
	}
	if !strings.Contains(page, `&lt;iframe data-hit-salary`) || strings.Contains(page, "<iframe data-hit-salary title=\"HIT Salary: healthcare IT salary estimator\" src=\"/hit-salary/?embed=1\" width") {
		t.Error("the starting code is not escaped inside the textarea")
	}
}

// TestBuilderLanguages renders the embed builder in English and in Spanish: the page's
// lang, the embed's language in the form's data-lang and in the starting code and
// preview (lang=es from the Spanish builder only), the switcher between the two, the way
// back to the app in the page's language, the states in the catalogue's names and
// alphabetical order, and no English string of the catalogue on the Spanish page.
func TestBuilderLanguages(t *testing.T) {
	versions := []Version{{text.English, "embed-builder/"}, {text.Spanish, "es/embed-builder/"}}
	for _, tt := range []struct {
		lang             text.Lang
		home             string
		want, wantAbsent []string
	}{
		{text.English, "", []string{`<html lang="en">`, `src="/hit-salary/?embed=1" height="900"`, `src=&#34;/hit-salary/?embed=1&#34;`,
			`<a href="/hit-salary/">← Back`, `href="/hit-salary/es/embed-builder/" hreflang="es"`},
			[]string{`data-lang=`, `lang=es`}},
		{text.Spanish, "es/", []string{`<html lang="es">`, `data-lang="es"`, `src="/hit-salary/?embed=1&amp;lang=es" height="900"`,
			`src=&#34;/hit-salary/?embed=1&amp;amp;lang=es&#34;`, `<a href="/hit-salary/es/">`,
			`href="/hit-salary/embed-builder/" hreflang="en"`, `hreflang="es" lang="es" aria-current="page"`,
			`<option value="NC">Carolina del Norte</option><option value="SC">Carolina del Sur</option><option value="CO">Colorado</option>`},
			nil},
	} {
		c := text.For(tt.lang)
		b, err := Builder("/hit-salary/", c, Options{Home: tt.home, Languages: versions})
		if err != nil {
			t.Fatal(err)
		}
		page := string(b)
		for _, w := range tt.want {
			if !strings.Contains(page, w) {
				t.Errorf("%s builder lacks %s", tt.lang, w)
			}
		}
		for _, w := range tt.wantAbsent {
			if strings.Contains(page, w) {
				t.Errorf("%s builder has %s", tt.lang, w)
			}
		}
		found := englishOnly(t, page)
		switch {
		case tt.lang == text.Spanish:
			for _, s := range found {
				t.Errorf("English text on the Spanish builder: %q", s)
			}
		case len(found) < 20: // the check can fail: the English page is full of it
			t.Errorf("englishOnly finds %d English strings on the English builder: %q", len(found), found)
		}
	}
}

// englishOnly returns the text of page (text nodes and the attributes people read or
// hear) that is an English string of the catalogue whose Spanish differs: a whole text
// or attribute, or, for a sentence (24 characters or more), part of one.
func englishOnly(t *testing.T, page string) []string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			texts = append(texts, strings.Join(strings.Fields(n.Data), " "))
		case html.ElementNode:
			for _, a := range n.Attr {
				if a.Key == "title" || a.Key == "aria-label" || a.Key == "content" || a.Key == "alt" || strings.HasPrefix(a.Key, "data-msg-") {
					texts = append(texts, a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	en, es := text.For(text.English), text.For(text.Spanish)
	var out []string
	for _, k := range text.Keys() {
		s := en.T(k)
		if s == es.T(k) || strings.Contains(s, "{") {
			continue
		}
		for _, x := range texts {
			if x == s || (len(s) >= 24 && strings.Contains(x, s)) {
				out = append(out, s)
				break
			}
		}
	}
	return out
}

// TestPrivacyPage renders the privacy document with its clear-data section and script.
func TestPrivacyPage(t *testing.T) {
	c := text.For(text.English)
	b, err := PageWith("# Privacy\n\nText.\n", "/", c, PrivacyOptions(c))
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	for _, want := range []string{`id="clear-data"`, `hidden>` + c.T("privacy.clear.button"), `role="status"`,
		`<script defer src="/web/privacy.js"></script>`, `content="` + c.T("privacy.description") + `"`} {
		if !strings.Contains(page, want) {
			t.Errorf("privacy page lacks %s", want)
		}
	}
}
