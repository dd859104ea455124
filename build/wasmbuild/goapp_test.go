package wasmbuild

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// repoRoot is the main module's folder, two levels up.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// deps lists the packages go-app's package app imports, directly or not,
// for GOOS=js GOARCH=wasm with the given -modfile and tags.
func deps(t *testing.T, root, modfile, tags string) []string {
	t.Helper()
	args := []string{"list", "-deps"}
	if modfile != "" {
		args = append(args, "-modfile="+modfile)
	}
	if tags != "" {
		args = append(args, "-tags="+tags)
	}
	cmd := exec.Command("go", append(args, GoAppModule+"/pkg/app")...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.Fields(string(out))
}

// TestPatchGoApp patches the pinned go-app and checks what the browser
// build of package app imports with and without the tag, and that the
// patched copy still builds natively both ways.
func TestPatchGoApp(t *testing.T) {
	root := repoRoot(t)
	work := t.TempDir()
	modfile, err := prepareModFile(context.Background(), root, work)
	if err != nil {
		t.Fatal(err)
	}
	upstream := deps(t, root, "", "")
	patched := deps(t, root, modfile, NoServerTag)
	untagged := deps(t, root, modfile, "")
	for _, pkg := range []string{"net/http", "crypto/tls", "crypto/x509", "mime"} {
		if !slices.Contains(upstream, pkg) {
			t.Errorf("go-app as it is no longer imports %s for the browser: is the patch still needed?", pkg)
		}
		if slices.Contains(patched, pkg) {
			t.Errorf("patched go-app with -tags %s still imports %s", NoServerTag, pkg)
		}
		if slices.Contains(upstream, pkg) && !slices.Contains(untagged, pkg) {
			t.Errorf("patched go-app without the tag lost %s: the patch must not change the default build", pkg)
		}
	}
	// NoCryptoTag, on top: no crypto package, no uuid; without it, go-app's own.
	both := deps(t, root, modfile, NoServerTag+","+NoCryptoTag)
	for _, pkg := range []string{"crypto/aes", "crypto/cipher", "crypto/rand", "crypto/md5", "crypto/sha1", "github.com/google/uuid"} {
		if !slices.Contains(upstream, pkg) {
			t.Errorf("go-app as it is no longer imports %s for the browser: is the %s patch still needed?", pkg, NoCryptoTag)
		}
		if slices.Contains(both, pkg) {
			t.Errorf("patched go-app with -tags %s,%s still imports %s", NoServerTag, NoCryptoTag, pkg)
		}
		if !slices.Contains(patched, pkg) {
			t.Errorf("patched go-app with -tags %s alone lost %s: only %s may drop it", NoServerTag, pkg, NoCryptoTag)
		}
	}
	for _, tags := range []string{"", NoServerTag, NoServerTag + "," + NoCryptoTag, NoServerTag + "," + NoCryptoTag + "," + EagerFrameTag} {
		cmd := exec.Command("go", "vet", "-modfile="+modfile, "-tags="+tags, GoAppModule+"/pkg/app")
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("patched go-app, native, tags %q: go vet: %v\n%s", tags, err, out)
		}
	}
}

// TestPatchedGoAppTests runs go-app's own tests in the patched copy (natively: they
// need go-app's go.sum), with the patch's tests among them: TestEagerFrame (the first
// update after a pause is drawn at once, the next on the ticker's frame) and
// TestIsCompoField (the allocation-free Compo check agrees with the old one); go-app's
// tests of mounting, updating and contexts check that the update edits change nothing
// else. NoCryptoTag is left out: go-app's encryption tests expect the encryption it
// removes (TestPatchGoApp checks what that tag leaves out).
func TestPatchedGoAppTests(t *testing.T) {
	if testing.Short() {
		t.Skip("downloads go-app's test dependencies and takes seconds")
	}
	work := t.TempDir()
	if _, err := prepareModFile(context.Background(), repoRoot(t), work); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "test", "-count=1", "-tags="+NoServerTag+","+EagerFrameTag, "./pkg/app")
	cmd.Dir = filepath.Join(work, "go-app-noserver")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go test in the patched go-app: %v\n%s", err, out)
	}
}

// TestPatchGoAppFailsLoudly checks that a go-app whose code differs from
// what the patch expects fails the patch, naming the file.
func TestPatchGoAppFailsLoudly(t *testing.T) {
	src, err := moduleDir(context.Background(), repoRoot(t), GoAppModule)
	if err != nil {
		t.Fatal(err)
	}
	changed := filepath.Join(t.TempDir(), "go-app")
	if err := copyTree(src, changed); err != nil {
		t.Fatal(err)
	}
	route := filepath.Join(changed, "pkg", "app", "route.go")
	b, err := os.ReadFile(route)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(route, []byte(strings.Replace(string(b), "regexp       *regexp.Regexp", "re *regexp.Regexp", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	err = PatchGoApp(changed, filepath.Join(t.TempDir(), "out"))
	if err == nil || !strings.Contains(err.Error(), "pkg/app/route.go") || !strings.Contains(err.Error(), "occurs 0 times") {
		t.Fatalf("patching a changed go-app: err = %v, want a failure naming pkg/app/route.go", err)
	}
}

func TestModFile(t *testing.T) {
	mod := []byte("module example.com/m\n\ngo 1.26\n\nrequire " + GoAppModule + " v10.1.11\n")
	out, err := ModFile(mod, "/tmp/go-app")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(out), string(mod)) || !strings.Contains(string(out), "\nreplace "+GoAppModule+" => /tmp/go-app\n") {
		t.Errorf("ModFile:\n%s", out)
	}
	if _, err := ModFile(out, "/tmp/other"); err == nil {
		t.Errorf("ModFile of a go.mod that already replaces go-app: no error")
	}
	if _, err := ModFile(mod, "relative"); err == nil {
		t.Errorf("ModFile with a relative folder: no error")
	}
}
