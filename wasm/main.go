// Command wasm is the HIT Salary app as it runs in the browser: it registers the
// routes and hands over to go-app. Build it with GOOS=js GOARCH=wasm.
package main

import (
	"github.com/hit-salary/hit-salary/app/ui"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func main() {
	ui.Register()
	app.RunWhenOnBrowser()
}
