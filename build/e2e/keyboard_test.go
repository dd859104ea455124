package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

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
