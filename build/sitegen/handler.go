package sitegen

import (
	"strconv"
	"strings"

	"github.com/hit-salary/hit-salary/build/layout"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// resolver maps go-app's root-relative paths to the base path. For "/",
// app.GitHubPages("") would resolve "/" to "" (an empty href), so the site
// root uses app.LocalDir("") which leaves paths unchanged.
func resolver(base string) app.ResourceResolver {
	if base == "/" {
		return app.LocalDir("")
	}
	return app.GitHubPages(strings.Trim(base, "/"))
}

// newHandler configures go-app for a normalized Config. webFiles are the
// slash-separated paths of the files copied from Config.Web (relative to
// web/); they are precached for offline use. wasmSize is app.wasm's size in
// bytes: GitHub Pages serves it gzip-compressed, so its Content-Length is not
// the number of bytes the loader counts.
func newHandler(c Config, webFiles []string, wasmSize int64, workerTemplate string, xz bool) *app.Handler {
	cacheable := []string{"/" + layout.IconSVG, "/" + layout.TrustedTypes}
	if xz {
		// The page loads the decoder; the worker keeps app.wasm decoded, so
		// app.wasm.xz itself is not precached.
		cacheable = append(cacheable, "/"+layout.XZDecoder)
	}
	for _, f := range webFiles {
		cacheable = append(cacheable, "/web/"+f)
	}
	for _, p := range extraPaths(c.extra) {
		cacheable = append(cacheable, "/"+p)
	}
	// Every pre-rendered page, such as the Spanish home page /es, so the service
	// worker answers a navigation to it offline with that page ("/" is go-app's).
	for _, p := range c.Pages {
		if p != "/" {
			cacheable = append(cacheable, p)
		}
	}
	cacheable = append(cacheable, c.Shells...)
	return &app.Handler{
		Name:            Name,
		ShortName:       ShortName,
		Title:           Title,
		Description:     Description,
		Author:          Author,
		Lang:            Lang,
		Domain:          c.Domain,
		Image:           "/" + layout.IconLarge,
		ThemeColor:      c.ThemeColor,
		BackgroundColor: c.BackgroundColor,
		Icon: app.Icon{
			Default:  "/" + layout.IconDefault,
			Large:    "/" + layout.IconLarge,
			Maskable: "/" + layout.IconMaskable,
			SVG:      "/" + layout.IconSVG,
		},
		Styles:                append([]string(nil), c.Styles...),
		Scripts:               append([]string(nil), c.Scripts...),
		CacheableResources:    cacheable,
		Resources:             resolver(c.Base),
		Version:               c.Version,
		WasmContentLength:     strconv.FormatInt(wasmSize, 10),
		ServiceWorkerTemplate: workerTemplate,
	}
}
