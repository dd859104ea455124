// Package layout names what every build of the HIT Salary site contains and
// declares: its files, the policies every page carries and which files are
// minified. The generator (build/sitegen) writes the site by these names, the
// verifier (build/verify) checks it by them and the browser tests read them,
// so each is written down once. It uses the standard library only, so the
// verifier and the tests link neither go-app nor the minifier.
//
// The base path (pages.DefaultBase) and the wasm build flags
// (wasmbuild.Flags) have their own homes; the site's title and description
// are the catalogue's (app/text: app.title, app.description).
package layout

import (
	"errors"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// Files every build writes, relative to the output directory.
const (
	// Wasm is the app, copied from the build tool's -wasm.
	Wasm = "web/app.wasm"
	// WasmXZ is app.wasm compressed with xz, what the page downloads when
	// the build has it; WasmFetch (from web/) starts that download early,
	// XZDecoder decodes it and WasmLoad (from web/) calls both for go-app's
	// loader.
	WasmXZ    = "web/app.wasm.xz"
	WasmFetch = "web/wasmfetch.js"
	XZDecoder = "web/xz-decompress.js"
	WasmLoad  = "web/wasmload.js"
	// TrustedTypes is the default Trusted Types policy, the first script of
	// every page (right after the policy metas).
	TrustedTypes = "web/tt.js"
	// The icons, drawn by the build.
	IconDefault  = "web/icon-192.png"
	IconLarge    = "web/icon-512.png"
	IconMaskable = "web/icon-maskable-512.png"
	IconSVG      = "web/icon.svg"
)

// WasmMagic starts every WebAssembly binary module, XZMagic every xz file.
var (
	WasmMagic = []byte("\x00asm")
	XZMagic   = []byte("\xfd7zXZ\x00")
)

// ContentSecurityPolicy is the policy every page declares in a <meta> tag
// (GitHub Pages sets no headers). It enforces in the browser what the
// verifier checks in the files: nothing is loaded from another origin, and
// nothing inline runs or styles the page (issue 8). WebAssembly needs
// 'wasm-unsafe-eval'. style-src has no 'unsafe-inline': neither go-app's
// app.js nor the app sets a style attribute (web/embedded.js sets an embed's
// accent colour by CSSOM, which the policy allows). Trusted Types are
// required for scripts: TrustedTypes, the first script of every page, is the
// default policy that lets go-app register its service worker (a same-origin
// script URL) and refuses everything else; trusted-types allows that one
// policy only. form-action 'none': the form is never submitted.
// frame-ancestors is ignored in a <meta>, so embedding in school portals
// keeps working.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; " +
	"manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; " +
	"require-trusted-types-for 'script'; trusted-types default"

// ReferrerPolicy keeps the scenario in the URL (role, state, pay inputs)
// from reaching the sites of cited publishers.
const ReferrerPolicy = "no-referrer"

// textTypes maps the extensions the build minifies to their media types.
// Anything else (PNG, app.wasm, …) is copied byte for byte.
var textTypes = map[string]string{
	".html":        "text/html",
	".css":         "text/css",
	".js":          "application/javascript",
	".mjs":         "application/javascript",
	".json":        "application/json",
	".webmanifest": "application/json",
	".svg":         "image/svg+xml",
	".xml":         "text/xml",
}

// TextType returns the media type the build minifies the file name as, and
// false for a file it copies unchanged.
func TextType(name string) (string, bool) {
	t, ok := textTypes[path.Ext(name)]
	return t, ok
}

// Files returns the regular files under dir, slash-separated and sorted,
// skipping dot files and directories (.git, .DS_Store; .nojekyll is kept)
// and *.wasm other than Wasm (app.wasm comes from -wasm only). A missing dir
// has no files.
func Files(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir && errors.Is(err, fs.ErrNotExist) {
				return filepath.SkipAll
			}
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		name := d.Name()
		if rel != "." && strings.HasPrefix(name, ".") && name != ".nojekyll" {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() && (path.Ext(name) != ".wasm" || rel == Wasm) {
			files = append(files, rel)
		}
		return nil
	})
	slices.Sort(files)
	return files, err
}
