package e2e

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// Time limits for conditions. They are upper bounds: every wait returns as soon as its
// condition holds.
const (
	wasmTimeout   = 45 * time.Second // load, compile and start the WebAssembly app
	changeTimeout = 10 * time.Second // the app re-renders after an input changes
	pollEvery     = 50 * time.Millisecond
)

// Selectors of the DOM contract.
const (
	selEstimate     = `[data-testid=estimate]`
	selEstimateWasm = `[data-testid=estimate][data-source=wasm]`
	selNotice       = `[data-testid=notice]`
	selError        = `[data-testid=error]`
	selUpdate       = `[data-testid=update]`
)

// eval evaluates a JavaScript expression and stores its JSON value in out (may be nil).
// A promise is awaited.
func (tb *tab) eval(expr string, out any) error {
	return chromedp.Run(tb.ctx, chromedp.Evaluate(expr, out, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
		return p.WithAwaitPromise(true)
	}))
}

// mustEval is eval that fails the test on error.
func (tb *tab) mustEval(expr string, out any) {
	tb.t.Helper()
	if err := tb.eval(expr, out); err != nil {
		tb.t.Fatalf("evaluate %s: %v", shortJS(expr), err)
	}
}

// poll evaluates expr (a JavaScript expression, may be a promise) until it is truthy or
// timeout passes. Errors while the page navigates are retried, so poll can wait across a
// reload.
func (tb *tab) poll(expr string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	var last error
	for {
		var ok bool
		err := tb.eval(`(async () => !!(await (`+expr+`)))()`, &ok)
		if err == nil && ok {
			return nil
		}
		if err != nil {
			last = err
		}
		if tb.ctx.Err() != nil {
			return fmt.Errorf("test context ended: %w (last error: %v)", tb.ctx.Err(), last)
		}
		if time.Now().After(deadline) {
			if last != nil {
				return fmt.Errorf("timed out after %v (last error: %v)", timeout, last)
			}
			return fmt.Errorf("timed out after %v", timeout)
		}
		time.Sleep(pollEvery)
	}
}

// waitFor is poll that fails the test with what on timeout.
func (tb *tab) waitFor(what, expr string, timeout time.Duration) {
	tb.t.Helper()
	if err := tb.poll(expr, timeout); err != nil {
		tb.t.Fatalf("waiting for %s: %v", what, err)
	}
}

// navigate loads url and waits for its load event.
func (tb *tab) navigate(u string) {
	tb.t.Helper()
	tb.run("navigate to "+shortURL(u), chromedp.Navigate(u))
}

// waitWasm waits until the live app has rendered the estimate and mounted its slow
// panels, which follow the first frame one per task (app/ui/boot.go; TestFirstMountInSteps
// checks the page before that).
func (tb *tab) waitWasm() {
	tb.t.Helper()
	tb.waitFor("the wasm app to render the estimate ("+selEstimateWasm+")",
		`document.querySelector('`+selEstimateWasm+`')`, wasmTimeout)
	tb.waitFor("the wasm app to mount its slow panels (window.hitPanelsMounted)",
		`window.hitPanelsMounted !== undefined`, changeTimeout)
}

// shown is the estimate element's data attributes.
type shown struct {
	Low, Median, High int
	Source            string
}

func (s shown) String() string {
	return fmt.Sprintf("low=%d median=%d high=%d source=%s", s.Low, s.Median, s.High, s.Source)
}

// readEstimate reads the estimate element. The attributes must be whole numbers.
func (tb *tab) readEstimate() (shown, error) {
	var raw map[string]*string
	if err := tb.eval(`(() => {
		const e = document.querySelector('`+selEstimate+`');
		if (!e) return null;
		return {low: e.getAttribute('data-low'), median: e.getAttribute('data-median'),
			high: e.getAttribute('data-high'), source: e.getAttribute('data-source')};
	})()`, &raw); err != nil {
		return shown{}, err
	}
	if raw == nil {
		return shown{}, errors.New("no " + selEstimate + " element")
	}
	return parseShown(raw)
}

func parseShown(raw map[string]*string) (shown, error) {
	var s shown
	var errs []error
	num := func(name string) int {
		v := raw[name]
		if v == nil {
			errs = append(errs, fmt.Errorf("data-%s is missing", name))
			return 0
		}
		n, err := strconv.Atoi(*v)
		if err != nil {
			errs = append(errs, fmt.Errorf("data-%s=%q is not a whole number", name, *v))
		}
		return n
	}
	s.Low, s.Median, s.High = num("low"), num("median"), num("high")
	if v := raw["source"]; v != nil {
		s.Source = *v
	}
	return s, errors.Join(errs...)
}

// want is what the estimate element must show for in, from the model itself.
func want(t interface {
	Helper()
	Fatalf(string, ...any)
}, in estimate.Input) shown {
	t.Helper()
	r, err := estimate.Estimate(in)
	if err != nil {
		t.Fatalf("estimate.Estimate(%+v): %v", in, err)
	}
	return shown{Low: r.Low, Median: r.Estimate, High: r.High, Source: "wasm"}
}

// expectEstimate waits until the live app shows the model's numbers for in, and fails the
// test (not fatally) with what it shows instead.
func (tb *tab) expectEstimate(in estimate.Input, context string) bool {
	tb.t.Helper()
	w := want(tb.t, in)
	expr := fmt.Sprintf(`(() => { const e = document.querySelector('%s');
		return e && e.getAttribute('data-low') === '%d' && e.getAttribute('data-median') === '%d' &&
			e.getAttribute('data-high') === '%d' && e.getAttribute('data-source') === 'wasm'; })()`,
		selEstimate, w.Low, w.Median, w.High)
	if err := tb.poll(expr, changeTimeout); err != nil {
		got, rerr := tb.readEstimate()
		tb.t.Errorf("%s: estimate shown %v (read error: %v), want %v for input %+v (%v)", context, got, rerr, w, in, err)
		return false
	}
	return true
}

// setValue sets a form control's value as a person would (the value, then input and change
// events) and checks the control accepted it (a select has such an option).
func (tb *tab) setValue(sel, value string) {
	tb.t.Helper()
	var res string
	tb.mustEval(fmt.Sprintf(`(() => {
		const e = document.querySelector(%s);
		if (!e) return 'missing';
		e.focus();
		e.value = %s;
		if (e.value !== %s) return 'rejected: value is ' + JSON.stringify(e.value);
		e.dispatchEvent(new Event('input', {bubbles: true}));
		e.dispatchEvent(new Event('change', {bubbles: true}));
		return 'ok';
	})()`, jsString(sel), jsString(value), jsString(value)), &res)
	if res != "ok" {
		tb.t.Fatalf("set %s to %q: %s", sel, value, res)
	}
}

// typeInto replaces the text of an input by typing value on the keyboard.
func (tb *tab) typeInto(sel, value string) {
	tb.t.Helper()
	var ok bool
	tb.mustEval(fmt.Sprintf(`(() => { const e = document.querySelector(%s);
		if (!e) return false; e.focus(); e.value = ''; return document.activeElement === e; })()`, jsString(sel)), &ok)
	if !ok {
		tb.t.Fatalf("cannot focus %s", sel)
	}
	tb.run("type into "+sel, chromedp.KeyEvent(value))
}

// click clicks an element with a real mouse event at its centre.
func (tb *tab) click(sel string) {
	tb.t.Helper()
	tb.run("click "+sel, chromedp.Click(sel, chromedp.ByQuery, chromedp.NodeVisible))
}

// activate toggles a checkbox or radio the way a keyboard user does (focus, space).
func (tb *tab) activate(sel string) {
	tb.t.Helper()
	var ok bool
	tb.mustEval(fmt.Sprintf(`(() => { const e = document.querySelector(%s);
		if (!e) return false; e.focus(); return document.activeElement === e; })()`, jsString(sel)), &ok)
	if !ok {
		tb.t.Fatalf("cannot focus %s", sel)
	}
	tb.run("press space on "+sel, chromedp.KeyEvent(" "))
}

// query returns the page's URL query and path.
func (tb *tab) location() (path string, q url.Values) {
	tb.t.Helper()
	var loc struct{ Path, Search string }
	tb.mustEval(`({path: location.pathname, search: location.search})`, &loc)
	q, err := url.ParseQuery(strings.TrimPrefix(loc.Search, "?"))
	if err != nil {
		tb.t.Fatalf("page URL query %q: %v", loc.Search, err)
	}
	return loc.Path, q
}

// expectURL checks that the page's URL is the scenario's link: the site path and exactly
// the parameters of in.Query(), in any order.
func (tb *tab) expectURL(in estimate.Input, context string) {
	tb.t.Helper()
	wantQ := in.Query()
	var pairs []string
	for k, vs := range wantQ {
		for _, v := range vs {
			pairs = append(pairs, k+"="+v)
		}
	}
	sort.Strings(pairs)
	// Wait for replaceState; the comparison below decides.
	tb.poll(fmt.Sprintf(`[...new URLSearchParams(location.search)].map(p => p.join('=')).sort().join('&') === %s`,
		jsString(strings.Join(pairs, "&"))), changeTimeout)
	path, q := tb.location()
	if !reflect.DeepEqual(q, wantQ) {
		tb.t.Errorf("%s: page URL query is %q, want %q (input %+v)", context, q.Encode(), wantQ.Encode(), in)
	}
	if path != harness.Base {
		tb.t.Errorf("%s: page path is %q, want %s", context, path, harness.Base)
	}
}

// visible reports whether the element matching sel exists, is rendered and is not hidden.
func visibleJS(sel string) string {
	return fmt.Sprintf(`(() => { const e = document.querySelector(%s);
		if (!e) return false;
		const r = e.getBoundingClientRect(), s = getComputedStyle(e);
		return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && !e.closest('[hidden]');
	})()`, jsString(sel))
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func shortJS(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 120 {
		return s[:117] + "..."
	}
	return s
}

func shortURL(s string) string {
	if len(s) > 200 {
		return fmt.Sprintf("%s... (%d bytes)", s[:197], len(s))
	}
	return s
}
