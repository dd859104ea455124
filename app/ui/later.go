package ui

import (
	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Panels that follow the scenario once edits pause.
//
// An edit redraws at once what answers it: the summary (estimate, range bar), the
// confidence, the breakdown, the sticky bar and the panels whose buttons act on the
// scenario (compare, share, save; the share panel's files are of the shown scenario, and
// marked busy with the slow panels). Every other panel shows p.shown, the result as it was
// when the edits last paused: its fields do not change while edits come, so go-app
// skips it, and it catches up settleDelay after the last edit, all panels in one frame.
// Until then it is marked busy (aria-busy, grey tones from web/app.css), so the page never
// shows an old figure as if it were current. make bench -profile, at 4× CPU: drawing the
// trajectory, the sources, the role, the outlook and the other sources took most of an
// edit's main-thread time, far below the estimate that the person is watching.
//
// A new panel that shows the result and has no button acting on the current scenario
// goes into renderResults as p.later(&NewPanel{... fields from p.shown ...}).

// settleDelay is how long the scenario must rest before the slow panels catch up: as
// long as the form waits to write the URL.
const settleDelay = yearsPersistDelay

// lag is the page's state for the slow panels.
type lag struct {
	shown   estimate.Result // what the slow panels show: the result, or an older one while edits come
	behind  bool            // shown is older than the result
	sources *SourceList     // the sources panel of shown, built once per shown result
}

// show makes r the result the slow panels show, at once.
func (l *lag) show(r estimate.Result) {
	l.shown, l.behind, l.sources = r, false, nil
}

// keepUp lets the slow panels follow a new result of the page: at once before the page
// is mounted in the browser (persistDelay zero: pre-rendering, most tests), else they
// are marked behind and catch up once edits pause (Page.settle, pause.go).
func (p *Page) keepUp() {
	switch {
	case p.resErr != nil:
		// The panels are not drawn; they keep the last result they showed.
	case p.persistDelay == 0:
		p.lag.show(p.res)
	default:
		p.lag.behind = true
	}
}

// later is a slow panel in its place: a wrapper without a box of its own (display:
// contents), marked busy while the panel is behind the scenario.
func (p *Page) later(panel app.UI) app.UI {
	if panel == nil {
		return nil
	}
	w := hs("div|class=later")
	if ph := p.placeholder(w); ph != nil {
		return ph // not mounted yet: the first mount is in steps (boot.go)
	}
	if p.lag.behind {
		w = w.Aria("busy", "true")
	}
	return w.Body(panel)
}

// shownSources is the sources panel of the shown result, built once per result:
// building it formats every source's use, which is not worth redoing on each render.
func (p *Page) shownSources() *SourceList {
	if p.lag.sources == nil {
		p.lag.sources = newSourceList(p.lang, p.lag.shown)
		p.lag.sources.Brief = p.compact() // a compact embed lists them briefly
	}
	return p.lag.sources
}
