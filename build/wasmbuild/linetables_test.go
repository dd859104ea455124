package wasmbuild

import (
	"strings"
	"testing"
)

// lineProgram exercises what the runtime reads from the function table: stack
// traces (names kept, file:line gone), stack growth through deep recursion (frame
// sizes), the GC scanning live pointers on deep stacks (stack maps), a recovered
// panic and an inlined caller.
const lineProgram = `package main

import (
	"fmt"
	"runtime"
	"strings"
)

type node struct{ next *node; v int }

//go:noinline
func deep(n int, l *node) int {
	if n == 0 {
		runtime.GC()
		s := 0
		for ; l != nil; l = l.next { s += l.v }
		return s
	}
	return deep(n-1, &node{l, n})
}

func caller() (string, string, int) {
	pc := make([]uintptr, 8)
	n := runtime.Callers(1, pc)
	fs := runtime.CallersFrames(pc[:n])
	f, _ := fs.Next()
	return f.Function, f.File, f.Line
}

func main() {
	fmt.Println("sum", deep(5000, nil))
	name, file, line := caller()
	fmt.Println("func", name)
	fmt.Println("file", strings.HasSuffix(file, "main.go"), line > 0)
	func() {
		defer func() { fmt.Println("recovered", recover()) }()
		var m map[string]int
		m["x"] = 1
	}()
	var b strings.Builder
	for i := range 50000 { fmt.Fprintf(&b, "%d,", i) }
	fmt.Println("built", b.Len())
}
`

// TestDropLineTablesGoProgram builds lineProgram for js/wasm, drops its line
// tables and runs both modules with Node: the same output but for file and line.
func TestDropLineTablesGoProgram(t *testing.T) {
	merged, _, err := MergeData(buildGoWasm(t, lineProgram), MaxGap)
	if err != nil {
		t.Fatal(err)
	}
	out, st, err := DropLineTables(merged)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v; %d bytes", st, len(out))
	if st.Funcs < 500 || st.Tables < st.Funcs/2 || st.Zeroed < 10000 || len(out) != len(merged) {
		t.Errorf("stats %+v, size %d → %d: want hundreds of functions' tables dropped in place", st, len(merged), len(out))
	}
	// The function table is found once: dropping again finds no line table left.
	if _, st2, err := DropLineTables(out); err != nil || st2.Tables != 0 || st2.Zeroed != 0 {
		t.Errorf("second drop: %+v, %v; want nothing left to drop", st2, err)
	}
	want := "sum 12502500\nfunc main.caller\nfile %s\nrecovered assignment to entry in nil map\nbuilt 288890\n"
	if got := runWasm(t, merged); got != strings.Replace(want, "%s", "true true", 1) {
		t.Errorf("before: output\n%s\nwant\n%s", got, want)
	}
	if got := runWasm(t, out); got != strings.Replace(want, "%s", "false false", 1) {
		t.Errorf("after dropping the line tables: output\n%s\nwant the same, without file and line", got)
	}
}

// TestDropLineTablesRefusesUnknownLayout: a module without Go's function table
// (or with a layout this file does not know) fails instead of being guessed at.
func TestDropLineTablesRefusesUnknownLayout(t *testing.T) {
	in := module{sections: []section{{ID: sectionData, Content: encodeData([]segment{{Offset: 8, Data: []byte("no function table here")}})}}}
	if _, _, err := DropLineTables(in.encode()); err == nil || !strings.Contains(err.Error(), "found 0 Go function tables") {
		t.Fatalf("err = %v, want the pcHeader search to fail", err)
	}
}
