package layout

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestFiles checks what the generator copies and the verifier reads: regular files,
// sorted and slash-separated, without dot files and folders (.nojekyll kept) or wasm
// other than web/app.wasm; a missing folder has none.
func TestFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{".nojekyll", ".DS_Store", ".git/HEAD", "b.txt", "a/c.css", "old.wasm", "web/app.wasm", "web/x.wasm"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := Files(dir)
	if want := []string{".nojekyll", "a/c.css", "b.txt", "web/app.wasm"}; err != nil || !slices.Equal(got, want) {
		t.Errorf("Files = %q, %v; want %q", got, err, want)
	}
	if got, err := Files(filepath.Join(dir, "missing")); err != nil || len(got) != 0 {
		t.Errorf("Files(missing) = %q, %v; want none", got, err)
	}
}

func TestTextType(t *testing.T) {
	for name, want := range map[string]string{
		"index.html": "text/html", "web/app.css": "text/css", "app.js": "application/javascript",
		"manifest.webmanifest": "application/json", "web/icon.svg": "image/svg+xml", "sitemap.xml": "text/xml",
		"web/app.wasm": "", "web/icon-192.png": "", "web/app.wasm.xz": "", ".nojekyll": "",
	} {
		got, ok := TextType(name)
		if got != want || ok != (want != "") {
			t.Errorf("TextType(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
}
