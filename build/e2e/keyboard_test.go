package e2e

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// activeJS describes the focused element: its id, or its tag and class.
const activeJS = `(() => { const e = document.activeElement;
	return !e || e === document.body ? 'body' : e.id ? '#' + e.id : e.tagName.toLowerCase() + '.' + String(e.className).split(' ').join('.'); })()`

func (tb *tab) active() string {
	tb.t.Helper()
	var s string
	tb.mustEval(activeJS, &s)
	return s
}

func (tb *tab) press(key string) {
	tb.t.Helper()
	tb.run("press "+key, chromedp.KeyEvent(key))
}

// TestSkipLinkAndFocusOrder tabs through the page from the start: the first stop is the
// skip link (visible once focused), which moves focus to the form; the form's fields come
// before anything in the results, as they do on screen. Before the app runs, the skip
// link must move focus the same way without reloading the page (and losing the link's
// scenario).
func TestSkipLinkAndFocusOrder(t *testing.T) {
	s := site(t, harness.Options{})
	for _, early := range []bool{false, true} {
		name := "app running"
		if early {
			name = "before the app"
		}
		t.Run(name, func(t *testing.T) {
			tb := newTab(t, time.Minute)
			const query = "?role=it-manager&state=NY"
			if early {
				release := s.HoldWasm()
				defer release()
				tb.navigate(s.URL() + query)
			} else {
				tb.navigate(s.URL() + query)
				tb.waitWasm()
			}
			tb.press(kb.Tab)
			if got := tb.active(); !strings.HasPrefix(got, "a.skip-link") {
				t.Fatalf("first Tab stop is %s, want the skip link", got)
			}
			var shown bool
			tb.mustEval(`(() => { const r = document.activeElement.getBoundingClientRect();
				return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.width > 0; })()`, &shown)
			if !shown {
				t.Error("the focused skip link is not on screen")
			}
			tb.press(kb.Enter)
			if err := tb.poll(`document.activeElement && document.activeElement.id === 'form-title'`, changeTimeout); err != nil {
				t.Errorf("after Enter on the skip link, focus is on %s, want #form-title", tb.active())
			}
			var search string
			tb.mustEval(`location.search`, &search)
			if search != query {
				t.Errorf("the skip link changed the address to %q", search)
			}
			tb.press(kb.Tab)
			if got := tb.active(); got != "#role" {
				t.Errorf("Tab after the skip link lands on %s, want the first field #role", got)
			}
			// Every Tab stop of the form comes before the first one of the results.
			var order struct{ LastForm, FirstResult int }
			tb.mustEval(`(() => {
				const all = [...document.querySelectorAll('a[href], button, input, select, summary, [tabindex="0"]')]
					.filter(e => !e.disabled && e.getClientRects().length > 0);
				let lastForm = -1, firstResult = -1;
				all.forEach((e, i) => {
					if (e.closest('#scenario')) lastForm = i;
					if (firstResult < 0 && e.closest('.layout__summary, .layout__results')) firstResult = i;
				});
				return {lastForm, firstResult};
			})()`, &order)
			if order.LastForm < 0 || order.FirstResult < 0 || order.LastForm > order.FirstResult {
				t.Errorf("focus order: last form stop at %d, first result stop at %d; want the whole form first", order.LastForm, order.FirstResult)
			}
		})
	}
}

// TestNoticeDismissFocus dismisses the notice about a bad link from the keyboard: focus
// must go to the form (where the fields can be put right), not fall to the page.
func TestNoticeDismissFocus(t *testing.T) {
	s := site(t, harness.Options{})
	tb := newTab(t, time.Minute)
	tb.navigate(s.URL() + "?role=astronaut")
	tb.waitWasm()
	tb.waitFor("the notice", visibleJS(selNotice), changeTimeout)
	tb.mustEval(`document.querySelector('`+selNotice+` button').focus(), true`, nil)
	tb.press(kb.Enter)
	tb.waitFor("the notice to go", `!document.querySelector('`+selNotice+`')`, changeTimeout)
	if err := tb.poll(`document.activeElement && document.activeElement.id === 'form-title'`, changeTimeout); err != nil {
		t.Errorf("after dismissing the notice, focus is on %s, want #form-title", tb.active())
	}
}

// focusVisibleJS reports whether the focused element shows a focus indicator: an outline
// of at least 2 px (web/app.css's :focus-visible ring) that is not transparent.
const focusVisibleJS = `(() => { const e = document.activeElement; if (!e || e === document.body) return false;
	const s = getComputedStyle(e);
	return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 && s.outlineColor !== 'rgba(0, 0, 0, 0)'; })()`

// TestKeyboardMainTask does the main task with the keyboard only (issue 8): from the top
// of the page, the skip link, then a new role with the arrow key, a state by typing its
// name, the years typed in, and the estimate the model gives for that scenario; every
// stop shows its focus ring, and Tab then leads on from the form into the results.
func TestKeyboardMainTask(t *testing.T) {
	s := site(t, harness.Options{})
	tb := newTab(t, time.Minute)
	tb.navigate(s.URL())
	tb.waitWasm()
	visible := func(where string) {
		t.Helper()
		var ok bool
		tb.mustEval(focusVisibleJS, &ok)
		if !ok {
			t.Errorf("%s: the focused %s shows no focus ring", where, tb.active())
		}
	}
	tb.press(kb.Tab)
	visible("skip link")
	tb.press(kb.Enter)
	tb.waitFor("focus on the form", `document.activeElement.id === 'form-title'`, changeTimeout)
	tb.press(kb.Tab)
	if got := tb.active(); got != "#role" {
		t.Fatalf("Tab after the skip link: focus on %s, want #role", got)
	}
	visible("role")
	tb.press(kb.ArrowDown)
	tb.waitFor("the next role", `document.querySelector('#role').value === 'informatics'`, changeTimeout)
	tb.press(kb.Tab)
	if got := tb.active(); got != "#state" {
		t.Fatalf("Tab after the role: focus on %s, want #state", got)
	}
	visible("state")
	tb.press("Tex")
	tb.waitFor("Texas chosen by typing", `document.querySelector('#state').value === 'TX'`, changeTimeout)
	for i := 0; i < 3 && tb.active() != "#years"; i++ {
		tb.press(kb.Tab)
		visible("after the state")
	}
	if got := tb.active(); got != "#years" {
		t.Fatalf("focus on %s, want #years within three Tabs of the state (the metro comes between)", got)
	}
	for i := 0; i < 3; i++ {
		tb.press(kb.Backspace)
	}
	tb.press("12")
	in := estimate.Default()
	in.Role, in.State, in.Years = "informatics", "TX", 12
	tb.expectEstimate(in, "after the keyboard-only edits")
	tb.expectURL(in, "after the keyboard-only edits")
	// On from the form, every stop with a ring, into the results.
	for i := 0; i < 80; i++ {
		tb.press(kb.Tab)
		var where string
		tb.mustEval(`(() => { const e = document.activeElement;
			return !e ? '' : e.closest('#scenario') ? 'form' : e.closest('.layout__summary, .layout__results') ? 'results' : 'other'; })()`, &where)
		visible("Tab " + strconv.Itoa(i))
		if where == "results" {
			return
		}
	}
	t.Errorf("80 Tabs after the years did not reach the results (focus on %s)", tb.active())
}
