// Command build generates the HIT Salary static website for GitHub Pages.
//
//	go run ./build -out dist -base /hit-salary/ -version "$(git describe --always --dirty)" -wasm app.wasm
//
// It registers the UI's routes, pre-renders ui.Pages() with go-app, adds the
// icons, web/ and the prebuilt app.wasm, fixes the service worker and the
// manifest for the base path, minifies, checks the result and only then
// replaces the output directory. See package build/sitegen for the details and
// `go run ./build -h` for the flags.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/hit-salary/hit-salary/app/text"
	"github.com/hit-salary/hit-salary/app/ui"
	"github.com/hit-salary/hit-salary/build/docpage"
	"github.com/hit-salary/hit-salary/build/sitegen"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "build:", err)
		os.Exit(1)
	}
}

// uiPages lists the pages run pre-renders: ui.Pages(), every page of the site. Tests
// build a smaller site by changing it.
var uiPages = ui.Pages

// run builds the site as the command line args say and reports to stdout.
func run(ctx context.Context, args []string, stdout io.Writer) error {
	cfg, err := sitegen.ParseArgs(args, stdout)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	ui.Register()
	cfg.Pages = uiPages()
	cfg.Styles = ui.Styles()
	cfg.Scripts = ui.Scripts()
	// The shells of the pages built (a build of some pages only, as in tests, may leave
	// the Spanish home page out).
	cfg.Shells = slices.DeleteFunc(ui.Shells(), func(s string) bool { return !slices.Contains(cfg.Pages, s) })
	cfg.Alternates = map[string][]sitegen.Alternate{}
	for page, alts := range ui.Alternates() {
		for _, a := range alts {
			cfg.Alternates[page] = append(cfg.Alternates[page], sitegen.Alternate{Lang: a.Lang, Path: a.Path})
		}
	}
	cfg.Untranslated = untranslated()
	root := filepath.Dir(filepath.Clean(cfg.Web))
	cfg.Extra = func(base string) (map[string][]byte, error) { return docPages(root, base) }
	web, cleanup, err := webWithCatalogs(cfg.Web)
	if err != nil {
		return err
	}
	defer cleanup()
	cfg.Web = web
	r, err := sitegen.Build(ctx, cfg)
	if err != nil {
		return err
	}
	return report(stdout, cfg, r)
}

// docPages renders the repository documents the app links to (ui.Docs: METHODOLOGY.md and
// its translation METHODOLOGY.es.md, and so on) as static pages of the site, keyed by
// their path relative to the base, each in its language with a switcher to its other
// versions. The documents are read from root, the folder that holds -web (the
// repository).
func docPages(root, base string) (map[string][]byte, error) {
	out := map[string][]byte{}
	docs := ui.Docs()
	// The versions of a document share its name before the first dot (PRIVACY.es.md).
	stem := func(d ui.Doc) string { s, _, _ := strings.Cut(d.File, "."); return s }
	for _, d := range docs {
		var versions []docpage.Version
		english := d.Path
		for _, v := range docs {
			if stem(v) == stem(d) {
				versions = append(versions, docpage.Version{Lang: v.Lang, Path: strings.TrimPrefix(v.Path, "/")})
				if v.Lang == text.English {
					english = v.Path
				}
			}
		}
		md, err := os.ReadFile(filepath.Join(root, d.File))
		if err != nil {
			return nil, fmt.Errorf("document for %s: %w", d.Path, err)
		}
		t := text.For(d.Lang)
		o := docOptions(english, t)
		o.Languages = versions
		if d.Lang != text.English {
			o.Home = string(d.Lang) + "/" // the Spanish estimator, /es/
		}
		html, err := docpage.PageWith(string(md), base, t, o)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", d.File, err)
		}
		out[strings.TrimPrefix(d.Path, "/")] = html
	}
	// The embed builder (issue 8) is a page of the site built from the model's lists, in
	// each language, with a switcher between them.
	builders := ui.EmbedBuilders()
	var versions []docpage.Version
	for _, b := range builders {
		versions = append(versions, docpage.Version{Lang: b.Lang, Path: strings.TrimPrefix(b.Path, "/")})
	}
	for _, b := range builders {
		o := docpage.Options{Languages: versions}
		if b.Lang != text.English {
			o.Home = string(b.Lang) + "/"
		}
		html, err := docpage.Builder(base, text.For(b.Lang), o)
		if err != nil {
			return nil, fmt.Errorf("embed builder %s: %w", b.Path, err)
		}
		out[strings.TrimPrefix(b.Path, "/")] = html
	}
	return out, nil
}

// untranslated are, for each language but English, the English strings of the catalogue
// it translates differently, without placeholders (a filled one is not the string): the
// site's checks fail a page in that language that shows one.
func untranslated() map[string][]string {
	en := text.For(text.English)
	out := map[string][]string{}
	for _, l := range text.Langs() {
		if l == text.English {
			continue
		}
		t := text.For(l)
		for _, k := range text.Keys() {
			if s := en.T(k); s != t.T(k) && !strings.Contains(s, "{") {
				out[string(l)] = append(out[string(l)], s)
			}
		}
	}
	return out
}

// docOptions are what a published document's page adds to it, by the path of its
// English version: the privacy page its clear-data button and script, each page its own
// description, in the words of t.
func docOptions(english string, t *text.Catalog) docpage.Options {
	switch english {
	case ui.PrivacyPath:
		return docpage.PrivacyOptions(t)
	case ui.AccessibilityPath:
		return docpage.AccessibilityOptions()
	}
	return docpage.Options{}
}

// webWithCatalogs returns a copy of the web folder with the strings of every language
// the browser loads on demand added (text.File, for example web/text-es.json, made by
// text.JSON from app/text), so the site generator copies, minifies and precaches them
// like the hand-written assets. cleanup removes the copy.
func webWithCatalogs(web string) (dir string, cleanup func(), err error) {
	dir, err = os.MkdirTemp("", "hit-salary-web-")
	if err != nil {
		return "", nil, err
	}
	cleanup = func() { os.RemoveAll(dir) }
	defer func() {
		if err != nil {
			cleanup()
		}
	}()
	if err := os.CopyFS(dir, os.DirFS(web)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", nil, fmt.Errorf("copying -web: %w", err)
	}
	for _, l := range text.Langs() {
		if l == text.English {
			continue
		}
		name := strings.TrimPrefix(text.File(l), "web/")
		if _, err := os.Stat(filepath.Join(web, name)); err == nil {
			return "", nil, fmt.Errorf("-web holds %s, which the build generates from app/text: remove it", name)
		}
		data, err := text.JSON(l)
		if err != nil {
			return "", nil, err
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return "", nil, err
		}
	}
	return dir, cleanup, nil
}

// report prints what was built: every file with its size, and app.wasm's
// size raw and gzip-compressed.
func report(w io.Writer, cfg sitegen.Config, r *sitegen.Report) error {
	for _, f := range r.Files {
		if _, err := fmt.Fprintf(w, "%10d  %s\n", f.Size, f.Path); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintf(w, "built %s for %s: %d files, %s; app.wasm %s raw, %s gzip -9; version %s, digest %s\n",
		r.Out, r.Base, len(r.Files), size(r.Total()), size(r.WasmSize), size(r.WasmGzip), cfg.Version, r.Digest)
	return err
}

// size formats n bytes for people.
func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.2f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
