package ui

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGolden compares pre-rendered HTML, with attributes sorted, against
// testdata/*.golden. After an intended change, run
//
//	go test ./app/ui -run TestGolden -update
//
// and review the diff of the golden files.
func TestGolden(t *testing.T) {
	tests := []struct {
		name  string
		query string
	}{
		{"page-default", ""},
		{"page-profile", "role=health-info-tech&state=WY&years=12&edu=associate&employer=hospital-system&certs=rhit,pmp&bg=clinical"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// What OnPreRender does for a request with this query; the page is not
			// mounted, so HTMLString renders it and its children from scratch.
			p := newPage(routes()[0])
			p.start(parseQuery(tt.query), "", sourcePrerender)
			got := canonicalHTML(t, app.HTMLString(p)) + "\n"
			path := filepath.Join("testdata", tt.name+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from the pre-rendered HTML:\n%s\nrun: go test ./app/ui -run TestGolden -update, and review the diff",
					path, firstDiff(string(want), got))
			}
		})
	}
}

// firstDiff shows the first differing line with a little context.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return "line " + strconv.Itoa(i+1) + ":\n- " + a + "\n+ " + b
		}
	}
	return "(no line differs; check the trailing newline)"
}
