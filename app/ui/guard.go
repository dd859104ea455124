package ui

import (
	"fmt"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// recoverTo is deferred first thing in every event handler: it turns a panic into a
// call of report, so a bug shows a message instead of stopping the Go runtime (a panic
// in a go-app handler ends the whole wasm program). A nil report only swallows it.
func recoverTo(ctx app.Context, report func(app.Context, any)) {
	r := recover()
	if r == nil {
		return
	}
	app.Logf("hit-salary: recovered: %v", r)
	if report == nil {
		return
	}
	defer func() {
		if r2 := recover(); r2 != nil {
			app.Logf("hit-salary: recovered while reporting: %v", r2)
		}
	}()
	report(ctx, r)
}

// compute runs the model and turns a panic into an error, so a bug in the model or in
// its tables cannot take the page down.
func compute(in estimate.Input) (res estimate.Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = estimate.Result{}, fmt.Errorf("estimate: %v", r)
		}
	}()
	return estimateFn(in)
}

// estimateFn is the model's entry point; tests replace it to check that a failing model
// cannot take the page down.
var estimateFn = estimate.Estimate

// safeRender renders a part of the page and, if that panics, a short message in its
// place: go-app calls Render outside any handler, where a panic would also stop the app.
func safeRender(t *text.Catalog, f func() app.UI) (ui app.UI) {
	defer func() {
		if r := recover(); r != nil {
			app.Logf("hit-salary: render recovered: %v", r)
			ui = ht("p|class=part-error|role=alert|data-testid=part-error", t.T("error.part"))
		}
	}()
	return f()
}
