package wasmbuild

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// GoAppModule is the module path of go-app.
const GoAppModule = "github.com/maxence-charriere/go-app/v10"

// NoServerTag is the build tag the patched go-app understands: with it,
// package app leaves out its server (Handler, static site generation, the
// http.FileServer behind LocalDir) and so does not import net/http. It is
// written as the tag could be proposed upstream: opt-in, so that a program
// that builds the same main for the server and the browser keeps compiling.
const NoServerTag = "goapp_noserver"

// edit is one exact-match change to a file of go-app. If Old is empty, the
// file must not exist and is created with New. Otherwise Old must occur
// exactly once in the file and is replaced with New.
type edit struct {
	File, Old, New string
}

// NoCryptoTag is the second build tag the patched go-app understands: with it,
// package app leaves out the AES-GCM encryption of states persisted with
// State.PersistWithEncryption (Context.Encrypt and Decrypt then return an
// error) and makes its device and broadcast IDs with math/rand/v2 (a random
// version 4 UUID) instead of github.com/google/uuid. It drops crypto/aes,
// crypto/cipher, crypto/rand and, through uuid, crypto/md5 and crypto/sha1
// (about 55 KB of xz for this app). Opt-in, as NoServerTag, for a program that
// never persists an encrypted state: HIT Salary keeps no go-app state at all.
const NoCryptoTag = "goapp_nocrypto"

// EagerFrameTag is the third build tag of the patched go-app: with it, the
// engine draws the first update after a pause at once, in the task that
// dispatched it (an input event's), instead of on its frame ticker's next
// tick. go-app's loop (engineX.Start) waits a whole frame period (1/120 s at
// its default rate) after the first dispatch before it renders, and the timer
// task that then renders often lands after the browser's next frame: an
// input showed one frame late, and 4-8 ms later at 4× CPU (make bench). Later
// dispatches within a frame period still wait for the ticker, so the frame
// rate stays capped. Opt-in, as the other tags, for a program that relies on
// a dispatch never rendering before the task that made it returns.
const EagerFrameTag = "goapp_eagerframe"

// serverOnly is the build constraint of go-app's server-only files.
const serverOnly = "//go:build !" + NoServerTag + "\n\n"

// goAppEdits is the patch, written against go-app v10.1.11. Each edit fails
// the build loudly if go-app's code differs, so an upgrade is reviewed
// instead of silently shipping a different browser build.
//
// What it changes, nothing of it in the browser's behaviour:
//   - http.go (Handler, the HTTP server) is built without NoServerTag only,
//     and so are the server's tests;
//   - static.go (GenerateStaticWebsite, natively) and its panicking wasm stub
//     in wasm.go, which needs Handler, likewise;
//   - resource.go: LocalDir's resolver embeds an http.FileServer, which only
//     the server uses; with NoServerTag it is the same resolver without it;
//   - route.go: the router keeps regexp routes behind an interface, so that
//     package regexp (and the Unicode tables of regexp/syntax) is linked only
//     by a program that calls RouteWithRegexp;
//   - with NoCryptoTag, crypto.go (encrypt, decrypt) and the google/uuid calls
//     are replaced by files that need no crypto package (see NoCryptoTag):
//     this changes what a program persisting encrypted states gets, which
//     is why it is a tag of its own.
//   - with EagerFrameTag, engine.go's loop renders the first update after a
//     pause at once (see EagerFrameTag): a change of timing, not of what is
//     drawn, and a tag of its own as well.
//   - node.go allocates less on each update, with the same result: a
//     component's fields are checked for the embedded Compo by type, not by
//     copying each field into an interface (field.Interface().(Compo)), and
//     a node's context takes the engine's component-event function once, not
//     a new method value per node visited. Together these were a quarter of
//     the allocations of an edit (app/ui's BenchmarkEdit: years 1,977 → 1,553
//     per edit, state 2,969 → 2,126). No tag: nothing else changes.
//
// One edit is a bug fix, which does change the browser's behaviour (issue 8):
//   - storage.go: the engine's start walks local storage for expired states
//     (CleanupExpiredPersistedStates → jsStorage.ForEach), and reading
//     window.localStorage throws in an iframe sandboxed without
//     allow-same-origin; the exception unwound the Go runtime (syscall/js's
//     Value.Get does not catch it) and ended the program before its first
//     frame. Storage that cannot be read now has no keys.
var goAppEdits = []edit{
	// NoCryptoTag: encryption and IDs without crypto packages.
	{File: "pkg/app/crypto.go", Old: "package app\n\nimport (\n\t\"crypto/aes\"",
		New: "//go:build !" + NoCryptoTag + "\n\npackage app\n\nimport (\n\t\"crypto/aes\""},
	{File: "pkg/app/crypto_test.go", Old: "package app\n\nimport (\n\t\"strings\"",
		New: "//go:build !" + NoCryptoTag + "\n\npackage app\n\nimport (\n\t\"strings\""},
	{File: "pkg/app/crypto_nocrypto.go", New: "//go:build " + NoCryptoTag + "\n\npackage app\n\n" +
		"import \"github.com/maxence-charriere/go-app/v10/pkg/errors\"\n\n" +
		"// Built with " + NoCryptoTag + ": states cannot be persisted encrypted.\n" +
		"var errNoCrypto = errors.New(\"go-app built with " + NoCryptoTag + ": encryption is left out\")\n\n" +
		"func encrypt(key string, v []byte) ([]byte, error) { return nil, errNoCrypto }\n\n" +
		"func decrypt(key string, v []byte) ([]byte, error) { return nil, errNoCrypto }\n"},
	{File: "pkg/app/context.go", Old: "\t\"github.com/google/uuid\"\n", New: ""},
	{File: "pkg/app/context.go", Old: "\tid = uuid.NewString()\n", New: "\tid = newID()\n"},
	{File: "pkg/app/state.go", Old: "\t\"github.com/google/uuid\"\n", New: ""},
	{File: "pkg/app/state.go", Old: "\t\tm.broadcastStoreID = uuid.NewString()\n", New: "\t\tm.broadcastStoreID = newID()\n"},
	{File: "pkg/app/id.go", New: "//go:build !" + NoCryptoTag + "\n\npackage app\n\n" +
		"import \"github.com/google/uuid\"\n\n" +
		"// newID returns a random UUID.\nfunc newID() string { return uuid.NewString() }\n"},
	{File: "pkg/app/id_nocrypto.go", New: "//go:build " + NoCryptoTag + "\n\npackage app\n\n" +
		"import (\n\t\"fmt\"\n\t\"math/rand/v2\"\n)\n\n" +
		"// newID returns a random version 4 UUID from math/rand/v2 (ChaCha8, seeded\n" +
		"// by the runtime from the system's randomness), without crypto/rand.\n" +
		"func newID() string {\n\ta, b := rand.Uint64(), rand.Uint64()\n" +
		"\ta = a&^(0xf<<12) | 4<<12   // version 4\n" +
		"\tb = b&^(0x3<<62) | 0x2<<62 // variant 10\n" +
		"\treturn fmt.Sprintf(\"%08x-%04x-%04x-%04x-%012x\", a>>32, a>>16&0xffff, a&0xffff, b>>48, b&0xffffffffffff)\n}\n"},

	// EagerFrameTag: the first update after a pause is drawn at once.
	{File: "pkg/app/engine.go",
		Old: "\tframes := time.NewTicker(currentFrameDuration)\n\tdefer frames.Stop()\n",
		New: "\tframes := time.NewTicker(currentFrameDuration)\n\tdefer frames.Stop()\n" +
			"\tvar lastFrame time.Time // when a frame was last processed\n"},
	{File: "pkg/app/engine.go",
		Old: "\t\tcase dispatch := <-e.dispatches:\n\t\t\tif currentFrameDuration != activeFrameDuration {\n",
		New: "\t\tcase dispatch := <-e.dispatches:\n" +
			"\t\t\tif eagerFrames && time.Since(lastFrame) >= activeFrameDuration {\n" +
			"\t\t\t\t// The first update after a pause: drawn now, with what is queued\n" +
			"\t\t\t\t// already, in the task that dispatched it (eagerframe.go).\n" +
			"\t\t\t\tdispatch()\n\t\t\t\te.runQueuedDispatches()\n" +
			"\t\t\t\te.processFrameAt(&lastFrame)\n\t\t\t\tcontinue\n\t\t\t}\n" +
			"\t\t\tif currentFrameDuration != activeFrameDuration {\n"},
	{File: "pkg/app/engine.go",
		Old: "\t\tcase <-frames.C:\n\t\t\te.processFrame()\n",
		New: "\t\tcase <-frames.C:\n\t\t\te.processFrameAt(&lastFrame)\n"},
	{File: "pkg/app/eagerframe.go", New: "package app\n\nimport \"time\"\n\n" +
		"// runQueuedDispatches runs the dispatches queued when it is called, and not\n" +
		"// those they queue in turn, so that it always returns.\n" +
		"func (e *engineX) runQueuedDispatches() {\n\tfor n := len(e.dispatches); n > 0; n-- {\n\t\t(<-e.dispatches)()\n\t}\n}\n\n" +
		"// processFrameAt processes a frame and, if it updated a component, sets *last to\n" +
		"// now. A frame that drew nothing (every dispatch since the last one prevented its\n" +
		"// update, such as a timer that finds nothing to do) does not count against the\n" +
		"// frame rate: the next input after it is still drawn at once.\n" +
		"func (e *engineX) processFrameAt(last *time.Time) {\n\tdrawn := e.updates.queued()\n\te.processFrame()\n" +
		"\tif drawn {\n\t\t*last = time.Now()\n\t}\n}\n\n" +
		"// queued reports whether a component is queued for an update.\n" +
		"func (m *updateManager) queued() bool {\n\tfor _, updates := range m.pending {\n\t\tfor _, n := range updates {\n" +
		"\t\t\tif n > 0 {\n\t\t\t\treturn true\n\t\t\t}\n\t\t}\n\t}\n\treturn false\n}\n"},
	{File: "pkg/app/eagerframe_on.go", New: "//go:build " + EagerFrameTag + "\n\npackage app\n\n" +
		"// eagerFrames: the engine draws the first update after a pause at once,\n" +
		"// in the task that dispatched it, rather than on the next tick of its\n" +
		"// frame ticker (one frame period later).\n" +
		"const eagerFrames = true\n"},
	{File: "pkg/app/eagerframe_off.go", New: "//go:build !" + EagerFrameTag + "\n\npackage app\n\n" +
		"// eagerFrames: every update waits for the next tick of the engine's frame\n" +
		"// ticker (go-app's behaviour); build with -tags " + EagerFrameTag + " to draw\n" +
		"// the first update after a pause at once.\n" +
		"const eagerFrames = false\n"},

	{File: "pkg/app/eagerframe_test.go", New: "//go:build " + EagerFrameTag + "\n\npackage app\n\n" +
		"import (\n\t\"context\"\n\t\"testing\"\n\t\"time\"\n)\n\n" +
		"type eagerCounter struct {\n\tCompo\n\tn        int\n\trendered chan int\n}\n\n" +
		"func (c *eagerCounter) Render() UI {\n\tselect {\n\tcase c.rendered <- c.n:\n\tdefault:\n\t}\n\treturn Text(c.n)\n}\n\n" +
		"// TestEagerFrame: at one frame a second, the first update after a pause is\n" +
		"// drawn at once, the next one within that second waits for the ticker, and a\n" +
		"// dispatch that updates nothing does not count as a frame.\n" +
		"func TestEagerFrame(t *testing.T) {\n" +
		"\tctx, cancel := context.WithCancel(context.Background())\n\tdefer cancel()\n" +
		"\te := newTestEngine()\n\te.ctx = ctx\n" +
		"\tc := &eagerCounter{rendered: make(chan int, 8)}\n" +
		"\tif err := e.Load(c); err != nil {\n\t\tt.Fatal(err)\n\t}\n" +
		"\t<-c.rendered\n" +
		"\tgo e.Start(1)\n" +
		"\ttime.Sleep(1100 * time.Millisecond) // the start's own frame is a period old\n" +
		"\tupdate := func(n int) { e.dispatch(func() { c.n = n; e.updates.Add(c, 1) }) }\n" +
		"\twait := func(n int, within time.Duration) bool {\n\t\tdeadline := time.After(within)\n\t\tfor {\n" +
		"\t\t\tselect {\n\t\t\tcase got := <-c.rendered:\n\t\t\t\tif got == n {\n\t\t\t\t\treturn true\n\t\t\t\t}\n" +
		"\t\t\tcase <-deadline:\n\t\t\t\treturn false\n\t\t\t}\n\t\t}\n\t}\n" +
		"\tupdate(1)\n\tif !wait(1, 500*time.Millisecond) {\n\t\tt.Fatal(\"the first update after a pause was not drawn at once\")\n\t}\n" +
		"\tupdate(2)\n\tif wait(2, 300*time.Millisecond) {\n\t\tt.Fatal(\"an update within a frame period was drawn before the ticker's frame\")\n\t}\n" +
		"\tif !wait(2, 3*time.Second) {\n\t\tt.Fatal(\"an update within a frame period was never drawn\")\n\t}\n" +
		"\t// A dispatch that updates nothing (a timer finding nothing to do) draws no frame:\n" +
		"\t// an update right after it is still the first after a pause.\n" +
		"\ttime.Sleep(1100 * time.Millisecond)\n\te.dispatch(func() {})\n\ttime.Sleep(50 * time.Millisecond)\n\tupdate(3)\n" +
		"\tif !wait(3, 500*time.Millisecond) {\n\t\tt.Fatal(\"a dispatch that updated nothing delayed the next update by a frame period\")\n\t}\n}\n"},

	// Fewer allocations per update (see goAppEdits): nothing else changes.
	{File: "pkg/app/node.go",
		Old: "\t\tif _, compoStruct := field.Interface().(Compo); compoStruct {\n",
		New: "\t\tif isCompoField(field) { // HIT Salary (build/wasmbuild): without boxing every field\n"},
	{File: "pkg/app/node.go",
		Old: "\tctx.sourceElement = v\n\tctx.notifyComponentEvent = m.NotifyComponentEvent\n",
		New: "\tctx.sourceElement = v\n\tif ctx.notifyComponentEvent == nil { // HIT Salary (build/wasmbuild): set once, not per node\n" +
			"\t\tctx.notifyComponentEvent = m.NotifyComponentEvent\n\t}\n"},
	{File: "pkg/app/node_alloc.go", New: "package app\n\nimport \"reflect\"\n\n" +
		"var compoType = reflect.TypeOf(Compo{})\n\n" +
		"// isCompoField reports whether a component's field is its embedded Compo, as\n" +
		"// field.Interface().(Compo) did, without copying the field into an interface\n" +
		"// (an allocation for each field of each component compared on every update).\n" +
		"func isCompoField(field reflect.Value) bool {\n\tswitch field.Kind() {\n" +
		"\tcase reflect.Struct:\n\t\treturn field.Type() == compoType\n" +
		"\tcase reflect.Interface: // its content is boxed already: no allocation\n" +
		"\t\t_, ok := field.Interface().(Compo)\n\t\treturn ok\n\t}\n\treturn false\n}\n"},
	{File: "pkg/app/node_alloc_test.go", New: "package app\n\n" +
		"import (\n\t\"reflect\"\n\t\"testing\"\n)\n\n" +
		"// TestIsCompoField: the embedded Compo is skipped, as field.Interface().(Compo) did,\n" +
		"// also in an interface field; no other field is, and the check allocates nothing.\n" +
		"func TestIsCompoField(t *testing.T) {\n" +
		"\tv := reflect.ValueOf(struct {\n\t\tCompo\n\t\tA    any\n\t\tB    string\n\t\tC    *Compo\n\t\tD    struct{ Compo }\n\t}{A: Compo{}, B: \"b\"})\n" +
		"\tfor i, want := range []bool{true, true, false, false, false} {\n" +
		"\t\tf := v.Field(i)\n\t\t_, old := f.Interface().(Compo)\n" +
		"\t\tif got := isCompoField(f); got != want || got != old {\n" +
		"\t\t\tt.Errorf(\"field %d: isCompoField %v, field.Interface().(Compo) %v, want %v\", i, got, old, want)\n\t\t}\n\t}\n" +
		"\tif n := testing.AllocsPerRun(100, func() { isCompoField(v.Field(2)) }); n != 0 {\n" +
		"\t\tt.Errorf(\"isCompoField allocates %v times per call\", n)\n\t}\n}\n"},

	{File: "pkg/app/storage.go",
		Old: "func (s *jsStorage) ForEach(f func(key string)) {\n\ts.mutex.Lock()\n",
		New: "func (s *jsStorage) ForEach(f func(key string)) {\n\t// HIT Salary (build/wasmbuild): storage the browser refuses has no keys.\n" +
			"\tif !s.readable() {\n\t\treturn\n\t}\n\ts.mutex.Lock()\n"},
	{File: "pkg/app/storage_readable.go", New: "package app\n\n" +
		"// readable reports whether the browser lets the page read the storage: in an\n" +
		"// iframe sandboxed without allow-same-origin, reading it throws.\n" +
		"func (s *jsStorage) readable() (ok bool) {\n\tdefer func() {\n\t\tif recover() != nil {\n\t\t\tok = false\n\t\t}\n\t}()\n" +
		"\t// Reflect.get through Call: Value.Get lets the exception unwind the Go runtime.\n" +
		"\tWindow().Get(\"Reflect\").Call(\"get\", Window(), s.name).Get(\"length\")\n\treturn true\n}\n"},
	{File: "pkg/app/http.go", Old: "package app\n\nimport (\n\t\"bytes\"", New: serverOnly + "package app\n\nimport (\n\t\"bytes\""},
	{File: "pkg/app/static.go", Old: "//go:build !wasm\n// +build !wasm\n", New: "//go:build !wasm && !" + NoServerTag + "\n"},
	// The tests of the server, likewise.
	{File: "pkg/app/http_test.go", Old: "//go:build !wasm\n// +build !wasm\n", New: "//go:build !wasm && !" + NoServerTag + "\n"},
	{File: "pkg/app/static_test.go", Old: "//go:build !wasm\n// +build !wasm\n", New: "//go:build !wasm && !" + NoServerTag + "\n"},
	{File: "pkg/app/resource_test.go", Old: "//go:build !wasm\n// +build !wasm\n", New: "//go:build !wasm && !" + NoServerTag + "\n"},
	{File: "pkg/app/wasm.go",
		Old: "import (\n\t\"runtime\"\n\n\t\"github.com/maxence-charriere/go-app/v10/pkg/errors\"\n)\n\n" +
			"func GenerateStaticWebsite(dir string, h *Handler, pages ...string) error {\n" +
			"\tpanic(errors.New(\"unsupported instruction\").\n\t\tWithTag(\"architecture\", runtime.GOARCH))\n}\n",
		New: ""},
	{File: "pkg/app/static_wasm.go", New: "//go:build wasm && !" + NoServerTag + "\n\npackage app\n\n" +
		"import (\n\t\"runtime\"\n\n\t\"github.com/maxence-charriere/go-app/v10/pkg/errors\"\n)\n\n" +
		"func GenerateStaticWebsite(dir string, h *Handler, pages ...string) error {\n" +
		"\tpanic(errors.New(\"unsupported instruction\").\n\t\tWithTag(\"architecture\", runtime.GOARCH))\n}\n"},
	{File: "pkg/app/resource.go",
		Old: "import (\n\t\"net/http\"\n\t\"strings\"\n)\n",
		New: "import (\n\t\"strings\"\n)\n"},
	{File: "pkg/app/resource.go",
		Old: "func LocalDir(directory string) ResourceResolver {\n\tdirectory = strings.TrimRight(directory, \"/\")\n" +
			"\treturn localResourceResolver{\n\t\tHandler:   http.FileServer(http.Dir(directory)),\n\t\tdirectory: directory,\n\t}\n}\n\n" +
			"type localResourceResolver struct {\n\thttp.Handler\n\tdirectory string\n}\n",
		New: "func LocalDir(directory string) ResourceResolver {\n\treturn newLocalResourceResolver(strings.TrimRight(directory, \"/\"))\n}\n"},
	{File: "pkg/app/resource_server.go", New: serverOnly + "package app\n\nimport \"net/http\"\n\n" +
		"type localResourceResolver struct {\n\thttp.Handler\n\tdirectory string\n}\n\n" +
		"func newLocalResourceResolver(directory string) localResourceResolver {\n" +
		"\treturn localResourceResolver{\n\t\tHandler:   http.FileServer(http.Dir(directory)),\n\t\tdirectory: directory,\n\t}\n}\n"},
	{File: "pkg/app/resource_noserver.go", New: "//go:build " + NoServerTag + "\n\npackage app\n\n" +
		"// localResourceResolver without NoServerTag also serves the directory\n// (http.FileServer), which only the server needs.\n" +
		"type localResourceResolver struct {\n\tdirectory string\n}\n\n" +
		"func newLocalResourceResolver(directory string) localResourceResolver {\n" +
		"\treturn localResourceResolver{directory: directory}\n}\n"},
	{File: "pkg/app/route.go",
		Old: "type regexpRoute struct {\n\tregexp       *regexp.Regexp\n",
		New: "type regexpRoute struct {\n\t// An interface, not *regexp.Regexp: the linker then keeps package\n" +
			"\t// regexp only in programs that call RouteWithRegexp.\n\tregexp       interface{ MatchString(string) bool }\n"},
}

// PatchGoApp copies go-app's module from src (its folder in the module
// cache) to dst, replacing dst, and applies the patch. It copies go.mod,
// go.sum, LICENSE and pkg/ (the module's packages).
func PatchGoApp(src, dst string) error {
	if err := os.RemoveAll(dst); err != nil {
		return err
	}
	for _, name := range []string{"go.mod", "go.sum", "LICENSE", "pkg"} {
		if err := copyTree(filepath.Join(src, name), filepath.Join(dst, name)); err != nil {
			return fmt.Errorf("copying go-app: %w", err)
		}
	}
	for _, e := range goAppEdits {
		if err := e.apply(dst); err != nil {
			return fmt.Errorf("patching go-app (has it changed? review build/wasmbuild/goapp.go): %w", err)
		}
	}
	return nil
}

func (e edit) apply(dir string) error {
	p := filepath.Join(dir, filepath.FromSlash(e.File))
	if e.Old == "" {
		if _, err := os.Stat(p); err == nil {
			return fmt.Errorf("%s: exists, the patch would create it", e.File)
		}
		return os.WriteFile(p, []byte(e.New), 0o644)
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	if n := bytes.Count(data, []byte(e.Old)); n != 1 {
		return fmt.Errorf("%s: the text to replace occurs %d times, want 1: %.60q", e.File, n, e.Old)
	}
	return os.WriteFile(p, bytes.Replace(data, []byte(e.Old), []byte(e.New), 1), 0o644)
}

// copyTree copies the file or directory src to dst, making files writable
// (the module cache is read-only).
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// ModFile returns a copy of the go.mod text mod that replaces go-app with the
// folder dir (absolute), for `go build -modfile`. It fails if mod already
// replaces go-app.
func ModFile(mod []byte, dir string) ([]byte, error) {
	if !filepath.IsAbs(dir) {
		return nil, errors.New("ModFile: the replacement folder must be absolute")
	}
	for _, line := range strings.Split(string(mod), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && (f[0] == "replace" && f[1] == GoAppModule || f[0] == GoAppModule && strings.Contains(line, "=>")) {
			return nil, errors.New("go.mod already replaces go-app")
		}
	}
	out := append(bytes.TrimRight(mod, "\n"), '\n', '\n')
	out = append(out, fmt.Sprintf("// Written by build/wasmbuild for the browser build only: go-app without its server (-tags %s).\nreplace %s => %s\n", NoServerTag, GoAppModule, dir)...)
	return out, nil
}
