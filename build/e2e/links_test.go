package e2e

import (
	"fmt"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// readQuery reads every key=value pair of a raw query the way a link is meant, without
// url.ParseQuery's limit on the number of parameters; a pair that does not unescape is
// kept as written.
func readQuery(raw string) url.Values {
	q := url.Values{}
	for _, pair := range strings.Split(raw, "&") {
		if pair == "" {
			continue
		}
		k, v, _ := strings.Cut(pair, "=")
		if uk, err := url.QueryUnescape(k); err == nil {
			k = uk
		}
		if uv, err := url.QueryUnescape(v); err == nil {
			v = uv
		}
		q[k] = append(q[k], v)
	}
	return q
}

// controls is what the form shows.
type controls struct {
	Role, State, Years, Edu, Employer, Bg string
	Certs                                 []string
}

// readControls reads the form's values.
func (tb *tab) readControls() controls {
	tb.t.Helper()
	var c controls
	tb.mustEval(`(() => {
		const v = s => { const e = document.querySelector(s); return e ? e.value : '<missing>'; };
		const bg = document.querySelector('input[name=bg]:checked');
		return {role: v('#role'), state: v('#state'), years: v('#years'), edu: v('#edu'),
			employer: v('#employer'), bg: bg ? bg.value : '',
			certs: [...document.querySelectorAll('input[name=certs]:checked')].map(e => e.value)};
	})()`, &c)
	return c
}

// controlsFor is what the form must show for in.
func controlsFor(in estimate.Input) controls {
	c := controls{Role: string(in.Role), State: in.State, Years: fmt.Sprint(in.Years),
		Edu: string(in.Education), Employer: string(in.Employer), Bg: string(in.Background), Certs: []string{}}
	for _, x := range in.Certs {
		c.Certs = append(c.Certs, string(x))
	}
	return c
}

// TestDeepLink opens a link to a scenario: the form and the estimate must show it.
func TestDeepLink(t *testing.T) {
	const query = "role=security-analyst&state=CA&years=10&edu=master&employer=vendor&certs=cissp,security-plus&bg=it"
	q, _ := url.ParseQuery(query)
	in, errs := estimate.FromQuery(q)
	if len(errs) != 0 {
		t.Fatalf("test link %q is not valid: %v", query, errs)
	}
	if want(t, in) == want(t, estimate.Default()) {
		t.Fatalf("test link gives the default estimate; it could not tell a link that is ignored")
	}

	s := site(t, harness.Options{})
	tb := newTab(t, time.Minute)
	tb.navigate(s.URL() + "?" + query)
	tb.waitWasm()
	tb.expectEstimate(in, "deep link")
	if got, w := tb.readControls(), controlsFor(in); !reflect.DeepEqual(got, w) {
		t.Errorf("form after deep link = %+v, want %+v", got, w)
	}
	var notice bool
	tb.mustEval(`document.querySelector('`+selNotice+`') !== null && `+visibleJS(selNotice), &notice)
	if notice {
		t.Errorf("a valid link shows the notice about bad parameters")
	}
}

// TestHostileLinks opens links with bad and malicious parameters. Each must show the
// notice (one item per problem), fall back to the defaults exactly as the model's
// FromQuery does, open no dialog, run no injected script and insert no injected element.
func TestHostileLinks(t *testing.T) {
	const canary = `window.__pwned=1`
	tests := []struct {
		name  string
		query string // raw query, already escaped
	}{
		{"unknown slugs", "role=astronaut&state=ZZ&edu=phd&employer=nasa&certs=cissp,jedi&bg=alien"},
		{"years NaN", "years=NaN"},
		{"years 1e308", "years=1e308"},
		{"years negative", "years=-5&role=informatics"},
		{"script in role", "role=" + url.QueryEscape(`<script>`+canary+`;alert(1)</script>`)},
		{"img onerror in state", "state=" + url.QueryEscape(`"><img src=x onerror="`+canary+`;alert(1)">`)},
		{"svg onload in certs", "certs=" + url.QueryEscape(`security-plus,<svg/onload=`+canary+`;alert(1)>`)},
		{"javascript URL in bg", "bg=" + url.QueryEscape(`javascript:`+canary+`;alert(1)`)},
		{"template and style injection", "employer=" + url.QueryEscape(`{{.}}<style>*{display:none}</style>`)},
		{"100 KB role", "role=" + strings.Repeat("a", 100<<10)},
		{"100 KB of other parameters", strings.Repeat("pad=xxxxxxx&", 8500) + "years=7"},
		// More than Go's url.ParseQuery accepts (10,000, GODEBUG urlmaxqueryparams): the
		// link still says years=7.
		{"25,600 parameters", strings.Repeat("x=1&", 25<<10) + "years=7"},
	}

	s := site(t, harness.Options{})
	tb := newTab(t, 3*time.Minute)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb.t = t
			defer func() { tb.t = t }()
			in, errs := estimate.FromQuery(readQuery(tt.query))
			if len(errs) == 0 && !strings.Contains(tt.name, "parameters") {
				t.Fatalf("test table: FromQuery finds nothing wrong with %q", shortURL(tt.query))
			}

			tb.navigate(s.URL() + "?" + tt.query)
			tb.waitWasm()
			tb.expectEstimate(in, "hostile link")

			if len(errs) > 0 {
				tb.waitFor("the notice", visibleJS(selNotice), changeTimeout)
				var items int
				tb.mustEval(`document.querySelectorAll('`+selNotice+` li').length`, &items)
				if items != len(errs) {
					var text string
					tb.eval(`document.querySelector('`+selNotice+`').innerText`, &text)
					t.Errorf("notice has %d items, want %d (one per problem: %v); it says %q", items, len(errs), errs, text)
				}
				var role string
				tb.mustEval(`document.querySelector('`+selNotice+`').getAttribute('role')`, &role)
				if role != "status" {
					t.Errorf("notice role = %q, want status", role)
				}
			}

			var injected []string
			tb.mustEval(`(() => {
				const found = [];
				if (typeof window.__pwned !== 'undefined') found.push('window.__pwned is set');
				for (const e of document.querySelectorAll('[onerror],[onload],[onclick]')) found.push('event attribute on ' + e.tagName);
				for (const e of document.querySelectorAll('body img, body svg svg, body style')) {
					if ((e.outerHTML || '').includes('pwned') || e.getAttribute('src') === 'x') found.push('injected ' + e.outerHTML.slice(0, 80));
				}
				for (const e of document.querySelectorAll('script')) {
					if ((e.textContent || '').includes('pwned')) found.push('injected script');
				}
				for (const e of document.querySelectorAll('a[href^="javascript:" i]')) found.push('javascript: link ' + e.outerHTML.slice(0, 80));
				return found;
			})()`, &injected)
			for _, f := range injected {
				t.Errorf("%s", f)
			}
			// Give a pending dialog a chance to be reported by checking the page still
			// answers: a dialog blocks evaluation.
			var alive bool
			tb.mustEval(`true`, &alive)
			tb.mu.Lock()
			dialogs := tb.dialogs
			tb.dialogs = nil
			tb.mu.Unlock()
			for _, d := range dialogs {
				t.Errorf("a JavaScript dialog opened: %s", d)
			}
		})
	}
}

// TestMisspeltParamLink opens a link whose parameters are near misses of the contract's
// ("Role=", "cert="): they are not read, and the notice says, for each, the setting the
// link should have used; a parameter links carry for other reasons (utm_source) is not
// mentioned.
func TestMisspeltParamLink(t *testing.T) {
	s := site(t, harness.Options{})
	tb := newTab(t, time.Minute)
	tb.navigate(s.URL() + "?Role=it-manager&cert=cissp&years=12&utm_source=portal")
	tb.waitWasm()
	in := estimate.Default()
	in.Years = 12
	tb.expectEstimate(in, "misspelt link")
	tb.waitFor("the notice", visibleJS(selNotice), changeTimeout)
	var items []string
	tb.mustEval(`[...document.querySelectorAll('`+selNotice+` li')].map(e => e.textContent)`, &items)
	if len(items) != 2 || !strings.Contains(items[0], "“Role=”") || !strings.Contains(items[0], "“role=”") ||
		!strings.Contains(items[1], "“cert=”") || !strings.Contains(items[1], "“certs=”") {
		t.Errorf("notice items %q, want one for Role= (role=) and one for cert= (certs=)", items)
	}
	for _, it := range items {
		if strings.Contains(it, "utm_source") {
			t.Errorf("the notice mentions utm_source: %q", it)
		}
	}
}
