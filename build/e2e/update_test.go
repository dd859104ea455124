package e2e

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// nextVersion is the version of the second build deployed by TestUpdate.
const nextVersion = "e2e-next"

// buildNext builds the site again with the build tool's CLI, from the same app.wasm but
// with version nextVersion, into a new directory.
func buildNext(ctx context.Context, dist, out string) error {
	root, err := harness.Root()
	if err != nil {
		return err
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		return fmt.Errorf("the go command is needed to build a second version: %w", err)
	}
	cmd := exec.CommandContext(ctx, goTool, "run", "./build", "-out", out, "-base", harness.Base,
		"-version", nextVersion, "-wasm", filepath.Join(dist, "web", "app.wasm"))
	cmd.Dir = root
	cmd.Env = os.Environ()
	b, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s: %v\n%s", cmd, err, b)
	}
	return nil
}

// TestUpdate deploys a new version while a visitor has the site open: when the page gets
// focus it must find the new version and show the update prompt, and its button must load
// the new version, keeping the visitor's scenario.
func TestUpdate(t *testing.T) {
	dist := needSite(t)
	s := site(t, harness.Options{})
	tb := newTab(t, 3*time.Minute)

	// HIT_DIST_NEXT may name a second build made beforehand with version e2e-next.
	next := os.Getenv("HIT_DIST_NEXT")
	built := make(chan error, 1)
	if next != "" {
		var err error
		if next, err = harness.Dist(next); err != nil {
			t.Fatalf("HIT_DIST_NEXT: %v", err)
		}
		built <- nil
	} else {
		next = filepath.Join(t.TempDir(), "next")
		go func() { built <- buildNext(tb.ctx, dist, next) }()
	}

	tb.navigate(s.URL())
	tb.waitWasm()
	waitOfflineReady(tb)
	var first string
	tb.mustEval(`goappGetenv('GOAPP_VERSION')`, &first)
	if first == nextVersion {
		t.Fatalf("HIT_DIST was built with version %q, the version this test deploys next", nextVersion)
	}
	tb.setValue("#years", "9")
	in := estimate.Default()
	in.Years = 9
	tb.expectEstimate(in, "before the update")
	tb.expectURL(in, "before the update")

	if err := <-built; err != nil {
		t.Fatalf("build the next version: %v", err)
	}
	if err := s.SetDir(next); err != nil {
		t.Fatalf("deploy the next version: %v", err)
	}

	var prompt bool
	tb.mustEval(visibleJS(selUpdate), &prompt)
	if prompt {
		t.Fatalf("the update prompt shows before a new version was deployed")
	}
	// What a person does: come back to the tab. The page checks for updates on focus.
	tb.mustEval(`window.dispatchEvent(new Event('focus')), true`, nil)
	tb.waitFor("the update prompt "+selUpdate, visibleJS(selUpdate), 30*time.Second)
	var still string
	tb.mustEval(`goappGetenv('GOAPP_VERSION')`, &still)
	if still != first {
		t.Errorf("the page changed version (%q → %q) before the reload", first, still)
	}

	tb.click(selUpdate + ` button`)
	tb.waitFor("the new version "+nextVersion+" to load",
		fmt.Sprintf(`typeof goappGetenv === 'function' && goappGetenv('GOAPP_VERSION') === %s && document.querySelector('%s')`,
			jsString(nextVersion), selEstimateWasm), wasmTimeout)
	tb.expectEstimate(in, "after the update")
	tb.expectURL(in, "after the update")
	var again bool
	tb.mustEval(visibleJS(selUpdate), &again)
	if again {
		t.Errorf("the update prompt still shows after loading the new version")
	}
}
