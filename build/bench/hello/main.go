// Command hello is the smallest go-app application: one route that renders a heading.
// make bench builds it with the same flags as the real app, so that the size of app.wasm
// can be compared with what go-app itself costs.
package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// hello renders a greeting.
type hello struct {
	app.Compo
}

// Render returns the page.
func (h *hello) Render() app.UI {
	return app.H1().Text("Hello, world!")
}

func main() {
	app.Route("/", func() app.Composer { return &hello{} })
	app.RunWhenOnBrowser()
}
