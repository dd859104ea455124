package sitegen

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// needNode returns the path of node, skipping the test without it unless CI
// is set (CI must run every check).
func needNode(t *testing.T) string {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("node is required when CI is set: %v", err)
		}
		t.Skipf("node not found: %v", err)
	}
	return node
}

// TestMinifiedJSParses checks every minified script of a build with
// node --check: minification must not produce invalid JavaScript.
func TestMinifiedJSParses(t *testing.T) {
	node := needNode(t)
	c := fixture(t)
	r := mustBuild(t, c)
	n := 0
	for _, f := range r.Files {
		if filepath.Ext(f.Path) != ".js" {
			continue
		}
		n++
		t.Run(f.Path, func(t *testing.T) {
			out, err := exec.Command(node, "--check", filepath.Join(c.Out, filepath.FromSlash(f.Path))).CombinedOutput()
			if err != nil {
				t.Errorf("node --check %s: %v\n%s", f.Path, err, out)
			}
		})
	}
	if n < 4 {
		t.Errorf("checked %d scripts, want at least app.js, app-worker.js, wasm_exec.js and web/app.js", n)
	}
}

// TestMinifiedWasmExecRunsGo runs a small Go program compiled to js/wasm
// with the minified wasm_exec.js of a build: minifying go-app's copy of the
// Go runtime glue must not break it.
func TestMinifiedWasmExecRunsGo(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles a wasm program")
	}
	node := needNode(t)
	c := fixture(t)
	mustBuild(t, c)

	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module hello\n\ngo 1.26\n",
		"main.go": `package main

import (
	"fmt"
	"syscall/js"
)

func main() {
	max := js.Global().Get("Math").Call("max", 40, 42).Int()
	done := make(chan string)
	js.Global().Call("setTimeout", js.FuncOf(func(js.Value, []js.Value) any {
		done <- "callback"
		return nil
	}), 1)
	fmt.Println("hello from wasm", max, <-done)
}
`,
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	build := exec.Command("go", "build", "-o", "hello.wasm", ".")
	build.Dir = dir
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "GOFLAGS=-mod=mod", "GOWORK=off")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building hello.wasm: %v\n%s", err, out)
	}
	for _, variant := range []string{"minified", "as generated"} {
		t.Run(variant, func(t *testing.T) {
			wasmExec := filepath.Join(c.Out, "wasm_exec.js")
			if variant == "as generated" {
				c2 := c
				c2.Minify = false
				c2.Out = filepath.Join(t.TempDir(), "plain")
				mustBuild(t, c2)
				wasmExec = filepath.Join(c2.Out, "wasm_exec.js")
			}
			out, err := exec.Command(node, "testdata/run_wasm.cjs", wasmExec, filepath.Join(dir, "hello.wasm")).CombinedOutput()
			if err != nil || strings.TrimSpace(string(out)) != "hello from wasm 42 callback" {
				t.Fatalf("running hello.wasm with %s wasm_exec.js: %v\n%s", variant, err, out)
			}
		})
	}
}
