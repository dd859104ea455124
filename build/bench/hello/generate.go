//go:build !wasm

package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// generateMain writes the static site as the command line says.
func generateMain() {
	out := flag.String("out", "", "write the static site into this `directory`")
	base := flag.String("base", "/", "base `path` the site is served under")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "hello: -out is required natively")
		os.Exit(2)
	}
	if err := generate(*out, *base); err != nil {
		fmt.Fprintln(os.Stderr, "hello:", err)
		os.Exit(1)
	}
}

// generate writes the static site for base into dir, with a local icon (go-app's default
// icon is on another origin).
func generate(dir, base string) error {
	resources := app.LocalDir("")
	if b := strings.Trim(base, "/"); b != "" {
		resources = app.GitHubPages(b)
	}
	h := &app.Handler{
		Name:      "Hello",
		Title:     "Hello",
		Version:   "hello",
		Icon:      app.Icon{Default: "/web/icon.svg", SVG: "/web/icon.svg"},
		Resources: resources,
	}
	if err := app.GenerateStaticWebsite(dir, h); err != nil {
		return err
	}
	icon := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>`
	return os.WriteFile(filepath.Join(dir, "web", "icon.svg"), []byte(icon), 0o644)
}
