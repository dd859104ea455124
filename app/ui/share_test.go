package ui

import (
	"net/url"
	"strings"
	"testing"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
)

// TestSharePanelExports renders the panel and reads its two download links back with
// estimate.ParseExport: each holds the scenario on screen and the model's figures.
func TestSharePanelExports(t *testing.T) {
	const q = "role=security-analyst&state=CA&years=10&edu=master&employer=vendor&certs=cissp&bg=it"
	in := mustQuery(t, q)
	r, err := estimate.Estimate(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range []text.Lang{text.English, text.Spanish} {
		panel, _ := render(t, &SharePanel{Lang: l, Query: queryString(in)})
		one(t, panel, "share button", byAttr("data-testid", "share-button"))
		if len(find(panel, byAttr("data-testid", "share-csv"))) != 0 {
			t.Error("download links in the pre-rendered page (go-app would prefix them with the base path)")
		}
		// The links as the browser renders them.
		root, _ := render(t, downloads(text.For(l), filesOf(r)))
		for _, id := range []string{"share-csv", "share-json"} {
			a := one(t, root, id, byAttr("data-testid", id))
			href := a.Attrs["href"]
			_, body, ok := strings.Cut(href, ",")
			if !ok || !strings.HasPrefix(href, "data:") || !strings.HasPrefix(a.Attrs["download"], "hit-salary-security-analyst-ca.") {
				t.Fatalf("%s: href %.60q download %q", id, href, a.Attrs["download"])
			}
			data, err := url.PathUnescape(body)
			if err != nil {
				t.Fatal(err)
			}
			e, err := estimate.ParseExport([]byte(data))
			if err != nil {
				t.Fatalf("%s: %v\n%s", id, err, data)
			}
			if e.Estimate != r.Estimate || e.Low != r.Low || e.High != r.High || e.Query != r.Input.Query().Encode() {
				t.Errorf("%s: %+v, want the model's %d (%d–%d) for %s", id, e, r.Estimate, r.Low, r.High, q)
			}
		}
	}
}

// TestSharePanelFilesFollowLater checks that the files hold the scenario the slow
// panels show (Files) while the button shares the one on screen (Query).
func TestSharePanelFilesFollowLater(t *testing.T) {
	shown := mustQuery(t, "role=security-analyst&state=CA&years=10")
	onScreen := shown
	onScreen.Years = 12
	c := &SharePanel{Lang: text.English, Query: queryString(onScreen), Files: queryString(shown), Behind: true}
	exp, ok := c.export()
	if !ok || exp.query != shown.Query().Encode() {
		t.Fatalf("files hold %q (ok %v), want the shown scenario %q", exp.query, ok, shown.Query().Encode())
	}
	c.Files, c.Behind = "", false
	if exp, _ := c.export(); exp.query != onScreen.Query().Encode() {
		t.Errorf("with no Files, the files hold %q, want the scenario on screen %q", exp.query, onScreen.Query().Encode())
	}
}
