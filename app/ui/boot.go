package ui

import (
	"sync/atomic"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The first mount in the browser, in steps.
//
// go-app does not take over the pre-rendered page: it builds the whole live DOM,
// element by element through syscall/js, and puts it in the pre-rendered one's place.
// At 4× CPU that mount was the largest part of the time between the wasm's arrival and
// the app answering (make bench -profile start), and the slow panels (later.go) are
// about two thirds of the page's elements. So the first live frame draws the form, the
// summary and the panels that follow every edit, and leaves each slow panel's wrapper
// empty (marked busy if the pre-rendered page was for another scenario); the wrapper
// takes in the pre-rendered panel's own nodes, so the page looks as it did and nothing
// moves. settleDelay after that frame, and once no edit is waiting for the slow panels,
// they mount (panelsPerStep at a time, in page order, each step in a task of its own
// after a painted frame), and each one's pre-rendered nodes leave in the frame it comes
// in.
//
// Only the first page of the program does this, and not when it prints on arrival
// (print=1): a page go-app navigates to later has no pre-rendered nodes to keep.

// slowWrappers selects the slow panels' wrappers (later.go), in page order: the
// children of the results column only, so that no other element's class can shift them.
const slowWrappers = "#app .layout__results > .later"

// booted is set once the first page has started: later pages mount whole.
var booted atomic.Bool

// boot is a page's staged first mount.
type boot struct {
	// stepping: the first mount is under way, and only the first mounted slow panels,
	// in page order, are drawn for real; the others are empty wrappers. The zero boot
	// draws every panel (natively, in tests, after the first mount).
	stepping bool
	mounted  int
	// stale: the pre-rendered page was for another scenario (web/carry.js marked its
	// estimate pending), so the panels kept from it are marked busy until they mount.
	stale bool
	// drawn counts the slow panels of the render in progress (later).
	drawn int
	// kept holds the pre-rendered page's slow-panel wrappers, in page order, taken
	// before go-app replaced that page; undefined if there are none to keep.
	kept app.Value
}

// panelsPerStep is how many slow panels mount in each step. Each step is an update of
// the whole page (go-app re-renders the form, whose callbacks always differ): make bench
// -profile start-trace measured about as much main-thread time per step as all the slow
// panels' own mount, so they mount in one step, after the first frame is painted.
const panelsPerStep = 1 << 10

// mountedGlobal is the window property set to performance.now() once every slow panel
// is mounted, for the benchmark and the browser tests (no attribute: the settled DOM
// stays the pre-rendered one).
const mountedGlobal = "hitPanelsMounted"

// stageMount decides, before the first render, whether this page mounts in steps, and
// keeps the pre-rendered slow panels if so.
func (p *Page) stageMount() {
	if !app.IsClient || !booted.CompareAndSwap(false, true) {
		return
	}
	if queryValue(rawQuery(), printParam) == "1" {
		app.Window().Set(mountedGlobal, app.Window().Get("performance").Call("now"))
		return // the sheet is printed from the first frame: it must be whole
	}
	doc := app.Window().Get("document")
	p.boot.stepping, p.boot.mounted = true, 0
	p.boot.kept = doc.Call("querySelectorAll", slowWrappers)
	est := doc.Call("querySelector", "[data-testid=estimate]")
	p.boot.stale = !est.Truthy() || est.Call("getAttribute", "data-source").String() != sourcePrerender
}

// placeholder returns the slow panel drawn next, or, if it is not mounted yet, its empty
// wrapper: marked busy if what it keeps from the pre-rendered page is not the page's
// current scenario (that page was for another one, or an edit came since).
func (p *Page) placeholder(wrapper app.HTMLElem) app.UI {
	i := p.boot.drawn
	p.boot.drawn++
	if !p.boot.stepping || i < p.boot.mounted {
		return nil
	}
	if p.boot.stale || p.changed || p.lag.behind {
		return wrapper.Aria("busy", "true")
	}
	return wrapper
}

// adoptPrerendered moves the pre-rendered slow panels' nodes into the live page's empty
// wrappers, in the task that mounted the page (OnMount), before the browser paints. It
// does nothing unless both pages have the same slow panels.
func (p *Page) adoptPrerendered() {
	kept := p.boot.kept
	p.boot.kept = nil
	if !p.boot.stepping || kept == nil || !kept.Truthy() {
		return
	}
	live := app.Window().Get("document").Call("querySelectorAll", slowWrappers)
	if n := live.Length(); n == 0 || n != kept.Length() {
		return
	}
	for i := 0; i < live.Length(); i++ {
		from, to := kept.Index(i), live.Index(i)
		for c := from.Get("firstChild"); c.Truthy(); c = from.Get("firstChild") {
			to.Call("appendChild", c)
		}
		// The wrappers are the live page's, and empty: go-app appends the panel after
		// what they hold. Marking what is kept lets the step that mounts a panel drop it.
		to.Set("hitKept", true)
	}
}

// mountNext schedules the next slow panel's mount in a task of its own, or says that
// every panel is in.
func (p *Page) mountNext(ctx app.Context) {
	if !p.boot.stepping {
		return
	}
	if left := p.boot.drawn - p.boot.mounted; left <= 0 {
		p.boot.stepping = false
		app.Window().Set(mountedGlobal, app.Window().Get("performance").Call("now"))
		return
	}
	// The mount is one long task: it waits settleDelay, and while edits come (the slow
	// panels are behind) it waits until they pause, so that an edit made just after
	// ready, or typing, is answered first.
	ctx.After(settleDelay, func(ctx app.Context) {
		ctx.PreventUpdate()
		if p.lag.behind {
			p.mountNext(ctx)
			return
		}
		p.mountStep(ctx)
	})
}

// mountStep mounts the next panelsPerStep slow panels once the browser has painted.
func (p *Page) mountStep(ctx app.Context) {
	// A browser callback, not ctx.After: go-app's frames are Go timers, and while Go is
	// busy past a due timer it runs the next frame without returning to the browser,
	// which then could neither paint nor take an input between two panels.
	afterPaint(func() {
		ctx.Dispatch(func(ctx app.Context) {
			defer recoverTo(ctx, p.fail)
			if p.lag.behind {
				ctx.PreventUpdate()
				p.mountNext(ctx) // an edit came meanwhile
				return
			}
			from := p.boot.mounted
			p.boot.mounted = min(from+panelsPerStep, p.boot.drawn)
			to := p.boot.mounted
			// Defer runs after the frame that mounts these panels, in the same task:
			// their pre-rendered nodes go before the browser paints that frame.
			ctx.Defer(func(ctx app.Context) {
				defer recoverTo(ctx, p.fail)
				for i := from; i < to; i++ {
					dropKept(i)
				}
				p.mountNext(ctx)
			})
		})
	})
}

// afterPaint calls f in a task of its own once the browser has painted a frame and is
// idle (requestIdleCallback, at most a second later; requestAnimationFrame then
// setTimeout without it): back-to-back tasks could hold off the paint of an edit made
// meanwhile, and a pending timer or input goes first (make bench's edit 100 ms after
// ready). A hidden page paints no frame: its panels mount once it is shown, the kept
// ones showing until then.
func afterPaint(f func()) {
	var frame, task app.Func
	task = app.FuncOf(func(app.Value, []app.Value) any {
		task.Release()
		f()
		return nil
	})
	win := app.Window()
	frame = app.FuncOf(func(app.Value, []app.Value) any {
		frame.Release()
		if ric := win.Get("requestIdleCallback"); ric.Truthy() {
			win.Call("requestIdleCallback", task, map[string]any{"timeout": 1000})
		} else {
			win.Call("setTimeout", task, 0)
		}
		return nil
	})
	win.Call("requestAnimationFrame", frame)
}

// dropKept removes the pre-rendered nodes kept in the i-th slow panel's wrapper: those
// before the live panel's, which go-app appended after them.
func dropKept(i int) {
	w := app.Window().Get("document").Call("querySelectorAll", slowWrappers).Index(i)
	if !w.Truthy() || !w.Get("hitKept").Truthy() {
		return
	}
	w.Set("hitKept", false)
	for n := w.Get("childNodes").Length() - 1; n > 0; n-- {
		w.Call("removeChild", w.Get("firstChild"))
	}
}
