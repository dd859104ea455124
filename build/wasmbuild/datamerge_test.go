package wasmbuild

import (
	"bytes"
	"crypto/sha256"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// testModule returns a wasm module whose only section is a data section
// holding segs.
func testModule(segs ...segment) []byte {
	m := &module{sections: []section{{ID: 1, Content: []byte{0}}, {ID: sectionData, Content: encodeData(segs)}}}
	return m.encode()
}

func memoryHash(t *testing.T, b []byte) ([32]byte, int) {
	t.Helper()
	mem, n, err := InitialMemory(b)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(mem), n
}

func TestMergeData(t *testing.T) {
	seg := func(off uint32, s string) segment { return segment{Offset: off, Data: []byte(s)} }
	tests := []struct {
		name      string
		segs      []segment
		maxGap    int
		wantSegs  int
		wantZeros int
	}{
		{"adjacent", []segment{seg(16, "ab"), seg(18, "cd")}, 0, 1, 0},
		{"gap within the limit", []segment{seg(16, "ab"), seg(28, "cd"), seg(40, "ef")}, 10, 1, 20},
		{"gap over the limit", []segment{seg(16, "ab"), seg(29, "cd")}, 10, 2, 0},
		{"unordered: not joined", []segment{seg(40, "ab"), seg(16, "cd")}, 100, 2, 0},
		{"overlapping: not joined", []segment{seg(16, "abcd"), seg(18, "xy")}, 100, 2, 0},
		{"large offsets (4-byte LEB128)", []segment{seg(1<<21, "ab"), seg(1<<21+3, "cd")}, 1, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := testModule(tt.segs...)
			out, st, err := MergeData(in, tt.maxGap)
			if err != nil {
				t.Fatal(err)
			}
			before, n := memoryHash(t, in)
			after, m := memoryHash(t, out)
			if before != after {
				t.Errorf("initial memory changed")
			}
			if n != len(tt.segs) || m != tt.wantSegs || st.After != tt.wantSegs || st.ZeroBytes != tt.wantZeros {
				t.Errorf("segments %d → %d (stats %+v), want %d → %d with %d zero bytes", n, m, st, len(tt.segs), tt.wantSegs, tt.wantZeros)
			}
		})
	}
}

// TestMergeDataRefusesToChangeMemory: joining the last two segments would
// zero bytes that the first one wrote; MergeData must notice.
func TestMergeDataRefusesToChangeMemory(t *testing.T) {
	in := testModule(segment{Offset: 10, Data: []byte("keep")}, segment{Offset: 0, Data: []byte("ab")}, segment{Offset: 20, Data: []byte("cd")})
	if _, _, err := MergeData(in, 100); err == nil || !strings.Contains(err.Error(), "initial memory") {
		t.Fatalf("MergeData over a segment written earlier: err = %v, want the initial-memory check to fail", err)
	}
}

func TestLEB128(t *testing.T) {
	for _, v := range []int32{0, 1, 63, 64, -1, -64, -65, 127, 128, 1 << 20, 1<<31 - 1, -1 << 31} {
		r := reader{b: appendS32(nil, v)}
		if got, err := r.s32(); err != nil || got != v || r.i != len(r.b) {
			t.Errorf("s32 %d: got %d, %v", v, got, err)
		}
	}
	for _, v := range []uint32{0, 1, 127, 128, 1<<32 - 1} {
		r := reader{b: appendU32(nil, v)}
		if got, err := r.u32(); err != nil || got != v || r.i != len(r.b) {
			t.Errorf("u32 %d: got %d, %v", v, got, err)
		}
	}
}

// buildGoWasm builds the one-file Go program src for js/wasm with Flags in a
// temporary module and returns the linked module.
func buildGoWasm(t *testing.T, src string) []byte {
	t.Helper()
	dir := t.TempDir()
	for name, body := range map[string]string{"go.mod": "module example.com/m\n\ngo 1.26\n", "main.go": src} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	linked := filepath.Join(dir, "linked.wasm")
	cmd := exec.Command("go", append(append([]string{"build"}, Flags...), "-o", linked, ".")...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "GOFLAGS=")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	b, err := os.ReadFile(linked)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// runWasm runs the Go js/wasm module b with Node (Go's wasm_exec_node.js) and returns
// what it printed. Without Node the test is skipped, except in CI, where it fails.
func runWasm(t *testing.T, b []byte) string {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("node is needed to run the module")
		}
		t.Skip("node not installed: module not run")
	}
	p := filepath.Join(t.TempDir(), "run.wasm")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(node, filepath.Join(runtime.GOROOT(), "lib", "wasm", "wasm_exec_node.js"), p).CombinedOutput()
	if err != nil {
		t.Fatalf("running the module: %v\n%s", err, out)
	}
	return string(out)
}

// TestMergeDataGoProgram merges a real Go wasm binary, checks its initial
// memory by hash and runs it with Node.
func TestMergeDataGoProgram(t *testing.T) {
	src := "package main\n\nimport \"fmt\"\n\nvar table = map[string]int{\"a\": 1, \"b\": 2}\n\nfunc main() { fmt.Println(\"merged\", table[\"b\"]) }\n"
	in := buildGoWasm(t, src)
	out, st, err := MergeData(in, MaxGap)
	if err != nil {
		t.Fatal(err)
	}
	before, n := memoryHash(t, in)
	after, m := memoryHash(t, out)
	t.Logf("%d → %d data segments, %d → %d bytes", n, m, len(in), len(out))
	if before != after {
		t.Fatalf("initial memory changed")
	}
	if n < 1000 || m > n/100 || st.Before != n || st.After != m {
		t.Errorf("%d → %d segments (stats %+v): the Go linker's thousands of segments should join into a few", n, m, st)
	}
	if bytes.Equal(in, out) {
		t.Fatalf("module unchanged")
	}
	if got := strings.TrimSpace(runWasm(t, out)); got != "merged 2" {
		t.Errorf("running the merged module: output %q, want \"merged 2\"", got)
	}
}
