package docpage

import (
	"regexp"
	"strings"
	"testing"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
)

// TestBuilder checks the embed builder page: a role and a state option for each of the
// model's, a lock checkbox for each scenario parameter, every label naming a control
// that exists, the scripts in order, and the starting code escaped in its textarea.
func TestBuilder(t *testing.T) {
	b, err := Builder("/hit-salary/", text.For(text.English))
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
