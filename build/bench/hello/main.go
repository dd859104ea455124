// Command hello is the smallest go-app application: one route that renders a heading.
// make bench builds it with the same flags as the real app, once as go-app gives it and
// once with the app's size levers, to compare app.wasm's size with what go-app itself
// costs, and serves its static site to compare start-up times.
//
// In the browser it runs the app. Natively, `go run ./build/bench/hello -out dir -base
// /hit-salary/` writes its static site with go-app's defaults (service worker, app.js,
// pre-rendered page) into dir; copy app.wasm into dir/web/ yourself.
package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// hello renders a greeting. Its data-source attribute is "prerender" in the static page
// and "wasm" once the app runs in the browser, which the benchmark waits for.
type hello struct {
	app.Compo
}

// Render returns the page.
func (h *hello) Render() app.UI {
	source := "prerender"
	if app.IsClient {
		source = "wasm"
	}
	return app.H1().DataSet("source", source).Text("Hello, world!")
}

func main() {
	app.Route("/", func() app.Composer { return &hello{} })
	app.RunWhenOnBrowser()
	if !app.IsClient {
		generateMain()
	}
}
