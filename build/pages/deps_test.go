package pages

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestServersLinkNoGenerator: serving files must not link go-app or the minifier (the
// generator's dependencies): build/serve, the e2e harness and the benchmark import this
// package, not build/sitegen.
func TestServersLinkNoGenerator(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}", "./build/pages", "./build/serve", "./build/e2e/harness", "./build/bench")
	cmd.Dir = root
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, pkg := range strings.Fields(string(out)) {
		for _, banned := range []string{"github.com/maxence-charriere/go-app", "github.com/tdewolff/minify", "github.com/hit-salary/hit-salary/build/sitegen"} {
			if strings.HasPrefix(pkg, banned) {
				t.Errorf("a server or the benchmark links %s", pkg)
			}
		}
	}
}
