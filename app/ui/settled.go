package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// settled is the scenario a slow panel shows: in the browser it follows the page's
// scenario once edits pause, so typing redraws the estimate, not 51 states. Natively
// (pre-rendering, tests) it follows at once. The page's own way for the same (later.go,
// p.later) also marks the panel as updating; prefer it for a panel of the page.
type settled struct {
	shown string // the scenario shown, as queryString writes it
	seq   int    // counts catch-ups asked for; only the last one runs
}

// now returns the scenario to show, q itself the first time and natively.
func (s *settled) now(q string) string {
	if s.shown == "" || !app.IsClient {
		s.shown = q
	}
	return s.shown
}

// later shows q once no newer scenario arrives for settleDelay. The catch-up redraws
// the panel (go-app also visits its parents, whose children are unchanged).
func (s *settled) later(ctx app.Context, q string) {
	s.seq++ // a catch-up asked for earlier is now out of date, even if q is what is shown
	if !app.IsClient || q == s.shown {
		return
	}
	seq := s.seq
	ctx.After(settleDelay, func(ctx app.Context) {
		defer recoverTo(ctx, nil)
		if seq != s.seq {
			ctx.PreventUpdate()
			return
		}
		s.shown = q
	})
}
