//go:build !js

package estimate

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestTablesUpToDate regenerates tables_gen.go, metros_gen.go and web/metros.csv from
// data/ and requires them to be unchanged, so the committed tables are always what the
// curated CSVs say.
func TestTablesUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the generator")
	}
	dir := t.TempDir()
	out := map[string]string{
		"tables_gen.go": filepath.Join(dir, "tables_gen.go"),
		"metros_gen.go": filepath.Join(dir, "metros_gen.go"),
		filepath.Join("..", "..", "web", "metros.csv"): filepath.Join(dir, "metros.csv"),
	}
	cmd := exec.Command("go", "run", "gen.go", "-o", out["tables_gen.go"], "-metrosgo", out["metros_gen.go"],
		"-metros", out[filepath.Join("..", "..", "web", "metros.csv")])
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go run gen.go: %v\n%s", err, b)
	}
	for committed, fresh := range out {
		want, err := os.ReadFile(fresh)
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(committed)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run go generate ./app/estimate", committed)
		}
	}
}
