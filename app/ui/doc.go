// Package ui is the go-app user interface of HIT Salary: one page that reads a scenario
// (an estimate.Input) from the URL, shows a form for it and renders the model's Result:
// the estimate, its range and spread, the factor-by-factor breakdown, the role, the job
// outlook, the confidence, the trajectory and the sources.
//
// The model (app/estimate) does every calculation; this package only renders its Result
// and never recomputes. Every string people read comes from app/text by key.
//
// The page state is one scenario value shared by the URL (history.replaceState on every
// change), local storage (restored when the URL has no scenario) and the components,
// which get it as fields and report changes through callbacks. Every event handler and
// the compute path recover from panics and show a message instead of freezing the page.
//
// Register, Pages, Styles and Scripts are the contract with wasm/main.go and the build
// tool: the routes, the paths to pre-render, and the web/ assets the app.Handler lists.
package ui
