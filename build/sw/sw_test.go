package sw

import (
	"bytes"
	"io"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/js"
)

func TestDerive(t *testing.T) {
	tests := []struct {
		name     string
		upstream string
		wantErr  string
	}{
		{name: "go-app v10.1.11 template", upstream: app.DefaultAppWorkerJS},
		{name: "changed upstream PWA section", upstream: strings.Replace(app.DefaultAppWorkerJS, "await cache.addAll(resourcesToCache);", "await cache.addAll(resourcesToCache.slice());", 1), wantErr: "template changed"},
		{name: "empty upstream", upstream: "", wantErr: "template changed"},
		{name: "section twice", upstream: app.DefaultAppWorkerJS + upstreamPWA, wantErr: "found 2 times"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Template(tt.upstream)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("derive: err = %v, want it to contain %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("derive: %v", err)
			}
			for _, want := range []string{
				`request.mode === "navigate"`,
				"ignoreSearch: true",
				"event.waitUntil(installWorker())",
				"event.waitUntil(activateWorker())",
				"key.startsWith(cachePrefix)",
				"self.registration.scope",
				// go-app's push notification code is kept.
				`self.addEventListener("notificationclick"`,
			} {
				if !strings.Contains(got, want) {
					t.Errorf("derived template lacks %q", want)
				}
			}
			if strings.Contains(got, "key !== cacheName) {") {
				t.Errorf("derived template still deletes every other cache on the origin")
			}
		})
	}
}

func TestFixPrecache(t *testing.T) {
	tests := []struct {
		name    string
		base    string
		list    string
		want    []string
		wantErr string
	}{
		{
			name: "sub-path start URL gets its slash",
			base: "/hit-salary/",
			list: `["/hit-salary/web/app.wasm","/hit-salary/app.js","/hit-salary"]`,
			want: []string{"/hit-salary/", "/hit-salary/app.js", "/hit-salary/web/app.wasm"},
		},
		{
			name: "root base",
			base: "/",
			list: `["/web/app.wasm","/app.js","/"]`,
			want: []string{"/", "/app.js", "/web/app.wasm"},
		},
		{
			name: "scope added even if go-app omits the start page",
			base: "/a/b/",
			list: `["/a/b/app.js"]`,
			want: []string{"/a/b/", "/a/b/app.js"},
		},
		{name: "not a list", base: "/x/", list: `{}`, wantErr: "parsing precache list"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			worker := "const a = 1;\n" + listPrefix + tt.list + ";\nconst b = 2;\n"
			got, err := FixPrecache([]byte(worker), tt.base)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("FixPrecache: err = %v, want it to contain %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("FixPrecache: %v", err)
			}
			list, err := Precache(got)
			if err != nil {
				t.Fatalf("Precache(%q): %v", got, err)
			}
			if !slices.Equal(list, tt.want) {
				t.Errorf("precache list = %q, want %q", list, tt.want)
			}
			if !strings.HasPrefix(string(got), "const a = 1;\n") || !strings.HasSuffix(string(got), ";\nconst b = 2;\n") {
				t.Errorf("FixPrecache changed the code around the list:\n%s", got)
			}
		})
	}
	if _, err := FixPrecache([]byte("no list here"), "/"); err == nil {
		t.Errorf("FixPrecache without a list: no error")
	}
}

func TestSetDigest(t *testing.T) {
	tests := []struct {
		name, worker, want, wantErr string
	}{
		{name: "one token", worker: `x="v1+` + DigestToken + `"`, want: `x="v1+abc123"`},
		{name: "no token", worker: `x="v1"`, wantErr: "found the digest placeholder 0 times"},
		{name: "two tokens", worker: DigestToken + DigestToken, wantErr: "2 times"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := SetDigest([]byte(tt.worker), "abc123")
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("SetDigest: err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || string(got) != tt.want {
				t.Fatalf("SetDigest = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

// generateWorker returns the worker go-app serves for a handler using
// Template, after FixPrecache and SetDigest, like build/sitegen does.
func generateWorker(t *testing.T, decoder string) []byte {
	t.Helper()
	tmpl, err := Template(app.DefaultAppWorkerJS)
	if err != nil {
		t.Fatal(err)
	}
	h := &app.Handler{
		Name:                  "Test",
		Version:               "v-test",
		Resources:             app.GitHubPages("hit-salary"),
		Icon:                  app.Icon{Default: "/web/icon-192.png", Large: "/web/icon-512.png", Maskable: "/web/icon-maskable-512.png", SVG: "/web/icon.svg"},
		Styles:                []string{"/web/app.css"},
		CacheableResources:    []string{"/web/icon.svg", "/es/"},
		ServiceWorkerTemplate: tmpl,
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/app-worker.js", nil))
	body, _ := io.ReadAll(rec.Result().Body)
	if rec.Code != 200 {
		t.Fatalf("GET /app-worker.js: %d %s", rec.Code, body)
	}
	body, err = FixPrecache(body, "/hit-salary/")
	if err != nil {
		t.Fatal(err)
	}
	body, err = SetWasmDecoder(body, decoder)
	if err != nil {
		t.Fatal(err)
	}
	body, err = SetDigest(body, "0123456789ab")
	if err != nil {
		t.Fatal(err)
	}
	return body
}

// TestWorkerInNode runs the generated worker, as written and minified, in
// Node against a fake service worker scope (testdata/harness.cjs). The "xz:"
// scenarios run a worker that keeps app.wasm decoded from app.wasm.xz, with
// the real decoder from node_modules (npm ci) and a real xz file.
func TestWorkerInNode(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("node is required when CI is set: %v", err)
		}
		t.Skipf("node not found: %v", err)
	}
	dir := t.TempDir()
	decoder, err := filepath.Abs(filepath.Join("..", "..", "node_modules", "xz-decompress", "dist", "package", "xz-decompress.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	xzFile := filepath.Join(dir, "app.wasm.xz")
	cmd := exec.Command("xz", "-9e", "--check=crc32", "-c")
	cmd.Stdin = strings.NewReader("wasm")
	xz, xzErr := cmd.Output()
	if xzErr == nil {
		xzErr = os.WriteFile(xzFile, xz, 0o644)
	}
	variants := map[string][]byte{}
	for _, flavour := range []struct{ name, decoder string }{{"plain", ""}, {"xz", "web/xz-decompress.js"}} {
		raw := generateWorker(t, flavour.decoder)
		var mini bytes.Buffer
		if err := (&js.Minifier{}).Minify(minify.New(), &mini, bytes.NewReader(raw), nil); err != nil {
			t.Fatalf("minifying worker: %v", err)
		}
		variants[flavour.name+"/as generated"] = raw
		variants[flavour.name+"/minified"] = mini.Bytes()
	}
	for _, scenario := range []string{
		"install precaches the scope URL and every resource",
		"install fails when a resource cannot be fetched",
		"activate deletes only its own previous caches",
		"offline navigation with a query string gets the cached shell",
		"offline navigation to an uncached page falls back to the shell",
		"offline navigation to an uncached page in Spanish falls back to the Spanish shell",
		"online navigation to an uncached page uses the network",
		"offline asset comes from the cache",
		"another app's cache is never consulted",
		"non-GET requests are left to the browser",
		"xz: install keeps app.wasm decoded from app.wasm.xz",
		"xz: a corrupt app.wasm.xz falls back to app.wasm",
	} {
		flavour := "plain"
		if strings.HasPrefix(scenario, "xz:") {
			flavour = "xz"
		}
		for _, variant := range []string{"as generated", "minified"} {
			t.Run(variant+"/"+scenario, func(t *testing.T) {
				env := os.Environ()
				if flavour == "xz" {
					if _, err := os.Stat(decoder); err != nil || xzErr != nil {
						if os.Getenv("CI") != "" {
							t.Fatalf("the xz scenarios need xz and npm ci: %v %v", err, xzErr)
						}
						t.Skipf("no decoder or xz: %v %v", err, xzErr)
					}
					env = append(env, "XZ_FILE="+xzFile, "XZ_DECODER="+decoder, "XZ_WANT=wasm")
				}
				file := filepath.Join(dir, flavour+"-"+strings.ReplaceAll(variant, " ", "-")+".js")
				if err := os.WriteFile(file, variants[flavour+"/"+variant], 0o644); err != nil {
					t.Fatal(err)
				}
				cmd := exec.Command(node, "testdata/harness.cjs", file, scenario)
				cmd.Env = env
				out, err := cmd.CombinedOutput()
				if err != nil || strings.TrimSpace(string(out)) != "ok" {
					t.Fatalf("node harness: %v\n%s", err, out)
				}
			})
		}
	}
}

func TestFixAppJS(t *testing.T) {
	h := &app.Handler{Name: "Test", Version: "v", Resources: app.GitHubPages("hit-salary")}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/app.js", nil))
	appJS, _ := io.ReadAll(rec.Result().Body)
	tests := []struct {
		name    string
		in      string
		wantErr string
	}{
		{name: "go-app v10.1.11 app.js", in: string(appJS)},
		{name: "changed update check", in: strings.Replace(string(appJS), "if (!navigator.serviceWorker.controller) {", "if (!navigator.serviceWorker) {", 1), wantErr: "update check found 0 times"},
		{name: "changed start-up", in: strings.Replace(string(appJS), "goappInitServiceWorker();\ngoappWatchForUpdate();", "goappWatchForUpdate();\ngoappInitServiceWorker();", 1), wantErr: "start-up found 0 times"},
		{name: "changed wasm fetch", in: strings.Replace(string(appJS), "const response = await fetch(url);", "const response = await fetch(url, {});", 1), wantErr: "wasm fetch found 0 times"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := FixAppJS([]byte(tt.in))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("FixAppJS: err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(got), "const isUpdate = !!navigator.serviceWorker.controller;") ||
				!strings.Contains(string(got), "if (!isUpdate || !navigator.serviceWorker.controller) {") {
				t.Errorf("patched app.js lacks the first-install check")
			}
			if len(got) <= len(tt.in) || strings.Count(string(got), "goappOnUpdate();") != 1 {
				t.Errorf("patched app.js is not the original plus the check")
			}
			// The worker is registered once the wasm has started, not first.
			if strings.Contains(string(got), "\ngoappInitServiceWorker();\n") ||
				!strings.Contains(string(got), "\ngoappInitWebAssembly().finally(goappInitServiceWorker);\n") {
				t.Errorf("patched app.js still registers the worker before the wasm starts")
			}
			// The wasm is loaded through web/wasmload.js when the page has it.
			for _, want := range []string{
				"(globalThis.hitInstantiateWasm ||",
				`instantiateStreaming, fetchWithProgress, "/hit-salary/web/app.wasm", showProgress, go.importObject);`,
				"async function fetchWithProgress(url, progess, fetchWasm = fetch) {\n  const response = await fetchWasm(url);",
			} {
				if !strings.Contains(string(got), want) {
					t.Errorf("patched app.js lacks %q", want)
				}
			}
		})
	}
}
