package pages

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestServersLinkNoGenerator: serving and checking files must not link go-app
// or the minifier (the generator's dependencies). build/serve, the e2e
// harness and its tests, the benchmark and the verifier import this package,
// build/layout and build/verify, never build/sitegen. (The benchmark builds
// go-app's hello world as a separate program; it does not link it.)
func TestServersLinkNoGenerator(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"./build/pages", "./build/serve", "./build/e2e/harness", "./build/bench", "./build/verify", "./build/layout"},
		// The browser tests themselves, with their test files.
		{"-test", "./build/e2e"},
	} {
		cmd := exec.Command("go", append([]string{"list", "-deps", "-f", "{{.ImportPath}}"}, args...)...)
		cmd.Dir = root
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go list %v: %v\n%s", args, err, out)
		}
		for _, pkg := range strings.Fields(string(out)) {
			for _, banned := range []string{"github.com/maxence-charriere/go-app", "github.com/tdewolff/minify", "github.com/hit-salary/hit-salary/build/sitegen"} {
				if strings.HasPrefix(pkg, banned) {
					t.Errorf("%v links %s", args, pkg)
				}
			}
		}
	}
}
