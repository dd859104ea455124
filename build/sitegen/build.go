package sitegen

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hit-salary/hit-salary/build/icon"
	"github.com/hit-salary/hit-salary/build/layout"
	"github.com/hit-salary/hit-salary/build/pages"
	"github.com/hit-salary/hit-salary/build/sw"
	"github.com/hit-salary/hit-salary/build/verify"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// File is one file of a built site.
type File struct {
	// Path is slash-separated, relative to the output directory.
	Path string
	// Size is the file's size in bytes.
	Size int64
}

// Report describes a finished build.
type Report struct {
	// Out is the output directory.
	Out string
	// Base is the normalized base path.
	Base string
	// Files are the files written, sorted by path.
	Files []File
	// WasmSize and WasmGzip are app.wasm's size raw and gzip -9 compressed
	// (roughly what GitHub Pages transfers); WasmXZ is app.wasm.xz's size,
	// 0 without one.
	WasmSize, WasmGzip, WasmXZ int64
	// Digest identifies the content of the build; it is part of the service
	// worker's cache name.
	Digest string
}

// Total returns the summed size of the files.
func (r *Report) Total() int64 {
	var n int64
	for _, f := range r.Files {
		n += f.Size
	}
	return n
}

// normalize checks c and fills defaults.
func (c Config) normalize() (Config, error) {
	var err error
	if c.Base, err = pages.NormalizeBase(c.Base); err != nil {
		return c, err
	}
	if strings.TrimSpace(c.Version) == "" {
		return c, errors.New("missing -version: pass e.g. -version \"$(git describe --always --dirty)\" (go-app's default, a time hash, changes every build)")
	}
	if strings.ContainsAny(c.Version, "\"\\<>\n\r") {
		return c, fmt.Errorf("version %q: no quotes, backslashes, angle brackets or newlines", c.Version)
	}
	if c.Wasm == "" {
		return c, errors.New("missing -wasm: build it with GOOS=js GOARCH=wasm go build -o app.wasm ./wasm and pass its path")
	}
	if (c.WasmXZ == "") != (c.XZDecoder == "") {
		return c, errors.New("-wasm-xz and -xz-decoder go together: the page cannot load app.wasm.xz without the decoder")
	}
	if c.Out == "" {
		return c, errors.New("missing -out directory")
	}
	if strings.ContainsAny(c.Domain, "/:?#@ ") {
		return c, fmt.Errorf("domain %q: want a host name such as example.org (no scheme, port or path)", c.Domain)
	}
	if c.ThemeColor == "" {
		c.ThemeColor = DefaultThemeColor
	}
	if c.BackgroundColor == "" {
		c.BackgroundColor = DefaultBackgroundColor
	}
	for _, col := range []string{c.ThemeColor, c.BackgroundColor} {
		if _, err := icon.ParseHex(col); err != nil {
			return c, err
		}
	}
	if c.Pages, err = normalizePages(c.Pages); err != nil {
		return c, err
	}
	for _, s := range c.Shells {
		if !isDirPage(s) || !slices.Contains(c.Pages, s) {
			return c, fmt.Errorf("shell %q: want a directory page of the pages to pre-render", s)
		}
	}
	if c.Extra != nil {
		if c.extra, err = c.Extra(c.Base); err != nil {
			return c, fmt.Errorf("extra pages: %w", err)
		}
	}
	for p := range c.extra {
		if !strings.HasSuffix(p, "/") || strings.HasPrefix(p, "/") || strings.HasPrefix(p, "web/") ||
			path.Clean("/"+p)+"/" != "/"+p || strings.ContainsAny(p, "?#\\") {
			return c, fmt.Errorf("extra page %q: want a clean path relative to the base, ending in a slash (\"methodology/\"), outside web/", p)
		}
	}
	for _, r := range append(slices.Clone(c.Styles), c.Scripts...) {
		if !strings.HasPrefix(r, "/web/") {
			return c, fmt.Errorf("style or script %q: want a path under /web/ (no third-party resources)", r)
		}
	}
	return c, nil
}

// Build builds the site described by c into c.Out. The caller must have
// registered the app's routes with go-app (ui.Register) first: go-app keeps
// routes in a global table. Build is not safe for concurrent use.
func Build(ctx context.Context, c Config) (*Report, error) {
	c, err := c.normalize()
	if err != nil {
		return nil, err
	}
	out, err := filepath.Abs(c.Out)
	if err != nil {
		return nil, fmt.Errorf("output directory: %w", err)
	}
	if err := checkReplaceable(out); err != nil {
		return nil, err
	}
	wasm, err := os.ReadFile(c.Wasm)
	if err != nil {
		return nil, fmt.Errorf("reading -wasm: %w", err)
	}
	if !bytes.HasPrefix(wasm, layout.WasmMagic) {
		return nil, fmt.Errorf("-wasm %s is not a WebAssembly module (no \\0asm header)", c.Wasm)
	}
	var wasmXZ, decoder []byte
	if c.WasmXZ != "" {
		if wasmXZ, err = os.ReadFile(c.WasmXZ); err != nil {
			return nil, fmt.Errorf("reading -wasm-xz: %w", err)
		}
		if !bytes.HasPrefix(wasmXZ, layout.XZMagic) {
			return nil, fmt.Errorf("-wasm-xz %s is not an xz file", c.WasmXZ)
		}
		if decoder, err = os.ReadFile(c.XZDecoder); err != nil {
			return nil, fmt.Errorf("reading -xz-decoder (run npm ci): %w", err)
		}
	}
	webFiles, err := layout.Files(c.Web)
	if err != nil {
		return nil, fmt.Errorf("reading -web: %w", err)
	}
	for _, f := range []string{layout.WasmFetch, layout.WasmLoad} {
		if wasmXZ != nil && !slices.Contains(webFiles, strings.TrimPrefix(f, "web/")) {
			return nil, fmt.Errorf("-wasm-xz needs %s in -web %s (it loads app.wasm.xz)", f, c.Web)
		}
	}

	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return nil, fmt.Errorf("creating output parent: %w", err)
	}
	stage, err := os.MkdirTemp(filepath.Dir(out), "."+filepath.Base(out)+".tmp-")
	if err != nil {
		return nil, fmt.Errorf("creating staging directory: %w", err)
	}
	defer os.RemoveAll(stage)
	if err := os.Chmod(stage, 0o755); err != nil {
		return nil, err
	}

	tmpl, err := sw.Template(app.DefaultAppWorkerJS)
	if err != nil {
		return nil, err
	}
	// The directory pages are neither go-app's to generate nor the worker's to precache.
	goPages, dirPages := splitPages(c.Pages)
	hc := c
	hc.Pages = goPages
	h := newHandler(hc, webFiles, int64(len(wasm)), tmpl, wasmXZ != nil)
	if err := app.GenerateStaticWebsite(stage, h, goPages...); err != nil {
		return nil, fmt.Errorf("generating pages with go-app: %w", err)
	}
	if err := renderDirPages(ctx, stage, h, dirPages); err != nil {
		return nil, fmt.Errorf("generating directory pages: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for _, p := range c.Pages {
		if err := checkPage(stage, p); err != nil {
			return nil, err
		}
	}
	if err := writeIcons(stage, c.ThemeColor); err != nil {
		return nil, err
	}
	for _, f := range webFiles {
		if err := copyWeb(stage, c.Web, f); err != nil {
			return nil, err
		}
	}
	if err := writeFile(stage, "web/app.wasm", wasm); err != nil {
		return nil, err
	}
	if wasmXZ != nil {
		if err := writeFile(stage, layout.WasmXZ, wasmXZ); err != nil {
			return nil, err
		}
		if err := writeFile(stage, layout.XZDecoder, decoder); err != nil {
			return nil, err
		}
	}
	if err := writeFile(stage, layout.TrustedTypes, trustedTypesJS); err != nil {
		return nil, err
	}
	if err := writeFile(stage, ".nojekyll", nil); err != nil {
		return nil, err
	}
	for _, p := range extraPaths(c.extra) {
		if err := writeFile(stage, p+"index.html", c.extra[p]); err != nil {
			return nil, err
		}
	}
	if err := postProcess(stage, c, wasmXZ != nil); err != nil {
		return nil, err
	}
	if c.Domain != "" {
		data, err := sitemap(c.Domain, c.Base, c.Pages, extraPaths(c.extra), c.Alternates)
		if err != nil {
			return nil, err
		}
		if err := writeFile(stage, "sitemap.xml", data); err != nil {
			return nil, err
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if c.Minify {
		if err := minifyTree(stage); err != nil {
			return nil, err
		}
	}
	digest, err := setDigest(stage)
	if err != nil {
		return nil, err
	}
	var static []string
	for _, p := range extraPaths(c.extra) {
		static = append(static, p+"index.html")
	}
	if err := verify.Verify(stage, verify.Options{Base: c.Base, Domain: c.Domain, Version: c.Version, Minified: c.Minify, Static: static, WasmXZ: wasmXZ != nil, Untranslated: c.Untranslated}); err != nil {
		return nil, fmt.Errorf("checking the built site: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := os.RemoveAll(out); err != nil {
		return nil, fmt.Errorf("removing previous build: %w", err)
	}
	if err := os.Rename(stage, out); err != nil {
		return nil, fmt.Errorf("moving build into place: %w", err)
	}

	r := &Report{Out: out, Base: c.Base, Digest: digest, WasmSize: int64(len(wasm))}
	r.WasmGzip = int64(len(pages.Gzip(wasm)))
	r.WasmXZ = int64(len(wasmXZ))
	files, err := layout.Files(out)
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		fi, err := os.Stat(filepath.Join(out, filepath.FromSlash(f)))
		if err != nil {
			return nil, err
		}
		r.Files = append(r.Files, File{Path: f, Size: fi.Size()})
	}
	return r, nil
}

// checkReplaceable refuses to replace a directory that is not a previous
// build, so a mistyped -out cannot delete sources.
func checkReplaceable(out string) error {
	entries, err := os.ReadDir(out)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && len(entries) == 0) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("output directory: %w", err)
	}
	for _, marker := range []string{".nojekyll", "app-worker.js"} {
		if _, err := os.Stat(filepath.Join(out, marker)); err != nil {
			return fmt.Errorf("refusing to replace %s: it is not empty and not a previous build (no %s); remove it or choose another -out", out, marker)
		}
	}
	return nil
}

// checkPage fails if go-app did not render page p: GenerateStaticWebsite
// writes whatever the handler answers, including "404 page not found" for
// a path no route matches.
func checkPage(dir, p string) error {
	name := pageFile(p)
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		return fmt.Errorf("page %s: %w", p, err)
	}
	if !bytes.HasPrefix(bytes.ToLower(bytes.TrimSpace(data)), []byte("<!doctype html>")) {
		return fmt.Errorf("page %s: go-app did not render it (is it routed by ui.Register?): %.80q", p, data)
	}
	return nil
}

// writeIcons draws the PNG and SVG icons into web/.
func writeIcons(dir, theme string) error {
	bg, err := icon.ParseHex(theme)
	if err != nil {
		return err
	}
	for _, ic := range []struct {
		name  string
		size  int
		shape icon.Shape
	}{
		{layout.IconDefault, 192, icon.Rounded},
		{layout.IconLarge, 512, icon.Rounded},
		{layout.IconMaskable, 512, icon.Maskable},
	} {
		data, err := icon.PNG(ic.size, ic.shape, bg)
		if err != nil {
			return err
		}
		if err := writeFile(dir, ic.name, data); err != nil {
			return err
		}
	}
	return writeFile(dir, layout.IconSVG, icon.SVG(bg))
}

// copyWeb copies web/<rel> from src into dir, refusing to overwrite a file
// the build generated (an icon, for example).
func copyWeb(dir, src, rel string) error {
	dst := "web/" + rel
	if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(dst))); err == nil {
		return fmt.Errorf("web/%s: the build generates this file; remove or rename it in %s", rel, src)
	}
	data, err := os.ReadFile(filepath.Join(src, filepath.FromSlash(rel)))
	if err != nil {
		return fmt.Errorf("copying web asset: %w", err)
	}
	return writeFile(dir, dst, data)
}

// writeFile writes data to dir/<rel>, creating parent directories.
func writeFile(dir, rel string, data []byte) error {
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("writing %s: %w", rel, err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", rel, err)
	}
	return nil
}

// rewrite applies f to the file dir/<rel>.
func rewrite(dir, rel string, f func([]byte) ([]byte, error)) error {
	p := filepath.Join(dir, filepath.FromSlash(rel))
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	if data, err = f(data); err != nil {
		return fmt.Errorf("%s: %w", rel, err)
	}
	return os.WriteFile(p, data, 0o644)
}

// postProcess fixes go-app's manifest, worker, app.js and pages for the
// base path, and, if xz, has the pages and the worker load app.wasm.xz.
func postProcess(dir string, c Config, xz bool) error {
	if err := rewrite(dir, "manifest.webmanifest", func(b []byte) ([]byte, error) {
		return fixManifest(b, c.Base)
	}); err != nil {
		return err
	}
	if err := rewrite(dir, "app-worker.js", func(b []byte) ([]byte, error) {
		b, err := sw.FixPrecache(b, c.Base)
		if err != nil {
			return nil, err
		}
		decoder := ""
		if xz {
			decoder = layout.XZDecoder
		}
		return sw.SetWasmDecoder(b, decoder)
	}); err != nil {
		return err
	}
	if err := rewrite(dir, "app.js", sw.FixAppJS); err != nil {
		return err
	}
	files, err := layout.Files(dir)
	if err != nil {
		return err
	}
	for _, f := range files {
		if path.Ext(f) != ".html" || strings.HasPrefix(f, "web/") {
			continue
		}
		if err := rewrite(dir, f, func(b []byte) ([]byte, error) {
			b, err := fixPage(b, c.Base, c.Domain, xz, strings.HasSuffix(f, "/index.html"))
			if err != nil || len(c.Alternates[filePage(f)]) == 0 {
				return b, err
			}
			return insertAlternates(b, c.Alternates[filePage(f)], c.Base, c.Domain)
		}); err != nil {
			return err
		}
	}
	return nil
}

// minifyTree minifies every text file under dir in place.
func minifyTree(dir string) error {
	m := newMinifier()
	files, err := layout.Files(dir)
	if err != nil {
		return err
	}
	for _, f := range files {
		// The decoder ships as its authors minified it, license comment
		// included.
		if _, ok := layout.TextType(f); !ok || f == layout.XZDecoder {
			continue
		}
		if err := rewrite(dir, f, func(b []byte) ([]byte, error) {
			return minifyFile(m, f, b)
		}); err != nil {
			return err
		}
	}
	return nil
}

// setDigest hashes every file but the worker (paths and contents) and
// writes the first 12 hex digits into the worker's cache name.
func setDigest(dir string) (string, error) {
	files, err := layout.Files(dir)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	for _, f := range files {
		if f == "app-worker.js" {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f)))
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", f, len(data))
		h.Write(data)
	}
	digest := hex.EncodeToString(h.Sum(nil))[:12]
	return digest, rewrite(dir, "app-worker.js", func(b []byte) ([]byte, error) {
		return sw.SetDigest(b, digest)
	})
}

// extraPaths returns the paths of Config.Extra, sorted.
func extraPaths(extra map[string][]byte) []string {
	out := make([]string, 0, len(extra))
	for p := range extra {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}
