package ui

import (
	"strings"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// route is one page of the site. Register and Pages both read routes(), so a page per
// role, or per role and state, is one more entry here and nothing else.
type route struct {
	Path   string         // go-app path, relative to the site's base path
	Preset estimate.Input // the scenario shown before the URL is read
	Embed  bool           // compact layout for iframes of school portals; no storage restore
	Locked []string       // URL parameter names whose value the page fixes to Preset
	Lang   text.Lang      // the page's own language; "" lets the reader choose (lang.go)
	// Guide marks a role page (roles.go): its path names the scenario, so a scenario kept
	// on this device is not restored over it, and it shows the role's guide panel.
	Guide bool
}

// routes lists the pages, the first being the home page.
func routes() []route {
	return []route{
		{Path: "/", Preset: estimate.Default()},
		// The Spanish home page, pre-rendered in Spanish (<base>es/, es/index.html: a
		// directory, since the Spanish pages live under it; GitHub Pages sends <base>es there).
		{Path: spanishPrefix + "/", Preset: estimate.Default(), Lang: text.Spanish},
	}
}

// Register registers every page with go-app. wasm/main.go calls it before
// app.RunWhenOnBrowser and the build tool before generating the static site.
func Register() {
	for _, r := range routes() {
		if app.IsServer && r.Path != "/" && strings.HasSuffix(r.Path, "/") {
			// A directory page (/es/): the build renders it itself, as it does the role
			// pages; go-app's generator would also write every exact route (es.html).
			// Its path is letters and slashes: nothing to quote (and no regexp in app.wasm).
			app.RouteWithRegexp("^"+r.Path+"$", func() app.Composer { return newPathPage() })
			continue
		}
		app.Route(r.Path, func() app.Composer { return newPage(r) })
	}
	// <base>es, the Spanish home page's address before it was a directory: the server
	// redirects it to <base>es/, but offline the service worker answers it with the shell,
	// and the app must still open it in Spanish.
	if !app.IsServer {
		app.Route(spanishPrefix, func() app.Composer { return newPage(routes()[1]) })
	}
	// The role pages (roles.go): exact routes in the browser; for the build, one pattern,
	// each page finding its route from its path. app.IsServer is a constant, so the
	// pattern (and Go's regexp) stays out of app.wasm.
	if app.IsServer {
		app.RouteWithRegexp(rolesPattern(), func() app.Composer { return newPathPage() })
	} else {
		for _, r := range roleRoutes() {
			app.Route(r.Path, func() app.Composer { return newPage(r) })
		}
	}
}

// Pages returns the paths to pre-render, in a stable order: "/", the Spanish "/es/", then
// the role pages (roles.go), whose paths end in a slash: the build writes each as
// <path>index.html.
func Pages() []string {
	rs := routes()
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Path
	}
	return append(out, rolePages()...)
}

// Styles returns the stylesheets the app.Handler must list (Handler.Styles), as paths
// under /web/ that the build tool copies from the repository's web/ folder.
func Styles() []string { return []string{"/web/app.css"} }

// Scripts returns the scripts the app.Handler must list (Handler.Scripts). lang.js comes
// first: it sends a Spanish reader from the English home page to the Spanish one before
// anything is drawn (lang.go decides the same way once the app runs). carry.js
// applies the URL's scenario to the pre-rendered form and keeps what people change in it
// before the wasm app starts; it runs before the body is parsed (no defer), so a deep
// link never shows the pre-rendered figures first. peek.js hides the sticky estimate bar
// while the summary is on screen.
//
// embedded.js (issue 8) comes right after carry.js, also before the body: in an embedded
// page (?embed=1) it applies the theme and accent before the first paint, posts the
// page's height to the host page the link names, and opens links in new tabs.
//
// When the build ships app.wasm.xz it puts the scripts that load it first in the head,
// right after the Trusted Types policy (build/sitegen's insertWasmLoader: wasmfetch.js
// starts the download).
func Scripts() []string {
	return []string{"/web/lang.js", "/web/carry.js", "/web/embedded.js", "/web/peek.js defer"}
}

// Shells are the pages the service worker precaches although they end in a slash (the
// build does not precache such pages otherwise): the Spanish home page, which answers
// offline for every Spanish page under it (build/sw), so they open in Spanish.
func Shells() []string { return []string{langPath(text.Spanish, "/")} }
