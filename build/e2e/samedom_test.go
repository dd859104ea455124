package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// domJS serialises the app's element (#app) canonically: each displayed element as its
// tag, its attributes sorted (without data-source, which says who rendered the estimate;
// URLs resolved; form state as properties), and its text, one node per line. The pre-rendered page comes from the native build with the
// real go-app, the live one from the wasm built against go-app without its server; both
// must render the same DOM.
const domJS = `(() => {
	const out = [];
	const walk = (n, depth) => {
		const pad = ' '.repeat(depth);
		if (n.nodeType === Node.TEXT_NODE) {
			const t = n.textContent.replace(/\s+/g, ' ').trim();
			if (t) out.push(pad + '"' + t + '"');
			return;
		}
		// Elements not displayed on screen are left out: the pre-rendered page keeps
		// hidden helpers for the time before the wasm runs (the pending hint), the live
		// one adds print-only ones.
		if (n.nodeType !== Node.ELEMENT_NODE || getComputedStyle(n).display === 'none') return;
		// Elements marked data-live="only" are made by the live app alone, on purpose (the
		// share panel's data: download links, which pre-rendering cannot write): the one
		// declared difference.
		if (n.dataset.live === 'only') return;
		// URLs as the browser resolves them: go-app pre-renders href="#x" as
		// href="/base/#x", the same link.
		// And "true" as "": go-app pre-renders an attribute whose value is "true" bare.
		const val = a => (a.name === 'href' || a.name === 'src') ? new URL(a.value, document.baseURI).href :
			a.value === 'true' ? '' : a.value;
		// Form state as properties: the pre-rendered page has it in attributes, go-app
		// sets the properties.
		const state = ['selected', 'checked', 'value'];
		const attrs = [...n.attributes].filter(a => a.name !== 'data-source' && !state.includes(a.name))
			.map(a => a.name + '=' + JSON.stringify(val(a)));
		if (n instanceof HTMLOptionElement) attrs.push('(selected)=' + n.selected);
		if (n instanceof HTMLInputElement || n instanceof HTMLSelectElement) attrs.push('(value)=' + JSON.stringify(n.value));
		if (n instanceof HTMLInputElement && (n.type === 'checkbox' || n.type === 'radio')) attrs.push('(checked)=' + n.checked);
		attrs.sort();
		out.push(pad + '<' + n.tagName.toLowerCase() + (attrs.length ? ' ' + attrs.join(' ') : '') + '>');
		for (const c of n.childNodes) walk(c, depth + 1);
	};
	walk(document.getElementById('app'), 0);
	return out.join('\n');
})()`

// TestPrerenderedEqualsLive compares the DOM of the pre-rendered start page, before the
// wasm runs, with the DOM the live app renders for the same URL.
func TestPrerenderedEqualsLive(t *testing.T) {
	s := site(t, harness.Options{})
	release := s.HoldWasm()
	defer release()
	tb := newTab(t, 90*time.Second)
	tb.navigate(s.URL())
	var pre, live string
	tb.mustEval(domJS, &pre)
	release()
	tb.waitWasm()
	// Let the app finish its first render (it renders the estimate first).
	time.Sleep(500 * time.Millisecond)
	tb.mustEval(domJS, &live)
	if pre == "" || !strings.Contains(pre, "data-testid=\"estimate\"") {
		t.Fatalf("no pre-rendered app element with the estimate:\n%.500s", pre)
	}
	if i, a, b, differ := firstLineDiff(pre, live); differ {
		t.Fatalf("pre-rendered and live DOM differ first at node %d:\n pre-rendered: %s\n live:         %s", i, a, b)
	}
}

// firstLineDiff returns the first line (0-based) at which x and y differ and each one's
// line there ("" past its end); differ is false when every line is the same.
func firstLineDiff(x, y string) (i int, a, b string, differ bool) {
	xs, ys := strings.Split(x, "\n"), strings.Split(y, "\n")
	for i = 0; i < len(xs) || i < len(ys); i++ {
		a, b = "", ""
		if i < len(xs) {
			a = xs[i]
		}
		if i < len(ys) {
			b = ys[i]
		}
		if a != b {
			return i, a, b, true
		}
	}
	return 0, "", "", false
}
