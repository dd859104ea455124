package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// What waits for edits to pause (the address, storage and title; the slow panels'
// catch-up, later.go) runs on one timer per pause, not on a timer per edit and per
// purpose. Each go-app timer that fires is a dispatch, a browser task and a trip into
// the wasm (0.2–2 ms at 4× CPU in make bench -trace), and with two timers per edit one
// fired during almost every later edit of a quick run of them.

// pause tells when edits have paused: for settleDelay no edit has come.
type pause struct {
	last  time.Time // when the last edit came
	armed bool      // a timer is waiting for the pause
}

// edit notes an edit at now and reports whether a timer must be started: false while
// one is waiting already.
func (q *pause) edit(now time.Time) (start bool) {
	q.last = now
	if q.armed {
		return false
	}
	q.armed = true
	return true
}

// due is asked when the timer fires at now: how much longer to wait for edits to have
// paused for d, or zero if they have (the timer is then done).
func (q *pause) due(now time.Time, d time.Duration) time.Duration {
	if left := d - now.Sub(q.last); left > 0 {
		return left
	}
	q.armed = false
	return 0
}

// afterPause runs p.settle once no edit has come for persistDelay.
func (p *Page) afterPause(ctx app.Context) {
	if p.pause.edit(time.Now()) {
		p.waitPause(ctx, p.persistDelay)
	}
}

func (p *Page) waitPause(ctx app.Context, d time.Duration) {
	ctx.After(d, func(ctx app.Context) {
		defer recoverTo(ctx, p.fail)
		if left := p.pause.due(time.Now(), p.persistDelay); left > 0 {
			ctx.PreventUpdate()
			p.waitPause(ctx, left)
			return
		}
		p.settle(ctx)
	})
}

// settle runs once edits have paused: it writes the scenario and the title if an edit
// has not been written yet, and lets the slow panels catch up, all panels in one frame.
// With nothing to catch up it draws nothing.
func (p *Page) settle(ctx app.Context) {
	if p.unsaved {
		p.setTitle(ctx)
		p.persist(ctx)
	}
	if !p.catchUp() {
		ctx.PreventUpdate()
	}
}

// catchUp lets the slow panels show the page's result in the next update, and reports
// whether they were behind it (else there is nothing to draw for them).
func (p *Page) catchUp() bool {
	if !p.lag.behind || p.resErr != nil {
		return false
	}
	p.lag.show(p.res)
	return true
}
