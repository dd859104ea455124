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
// What an edit redraws (keep it so when adding a panel; make bench measures it):
//
//   - go-app re-renders a component only when one of its exported fields changed
//     (reflect.DeepEqual; a func field always differs). Give panels small, comparable
//     fields (the scenario as a query string, the slice of Result they draw), never
//     callbacks they do not need, and keep work out of Page.render itself. A table
//     whose rows change one at a time has a component per row (the breakdown's
//     factorRow), so an edit redraws the rows it changed.
//   - The summary, the confidence, the breakdown, the sticky bar and the panels whose
//     buttons act on the current scenario (compare, share, save) follow every edit;
//     the share panel's download files follow later, marked busy (SharePanel.Files).
//     Every other panel goes into renderResults as p.later(&Panel{... from p.lag.shown}):
//     it shows the result as it was when edits last paused, is marked busy (aria-busy,
//     in grey tones) while behind, and catches up settleDelay after the last edit (later.go).
//   - The address, storage and title are written once edits pause (Page.settle, on one
//     timer per pause, pause.go), and nothing reads layout after an edit (web/peek.js
//     uses an IntersectionObserver). A value read through syscall/js that cannot change
//     while the page is mounted is read once (siteBase, printLink).
//   - A panel computing something heavy caches it by its input (rankBody.ranking).
//
// Register, Pages, Styles and Scripts are the contract with wasm/main.go and the build
// tool: the routes, the paths to pre-render, and the web/ assets the app.Handler lists.
package ui
