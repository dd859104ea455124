package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"

	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// axeTags are the rule sets axe-core checks: WCAG 2.0, 2.1 and 2.2 at levels A and AA,
// and axe's best practices (headings, landmarks, regions), which have given no noise here.
const axeTags = `['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']`

// axeSource reads axe-core from node_modules at the repository root.
func axeSource(t testing.TB) string {
	t.Helper()
	root, err := harness.Root()
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(root, "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		unavailable(t, "axe-core is not installed (run npm ci at the repository root): %v", err)
	}
	return string(b)
}

// axeViolation is one failed axe rule with the elements that fail it.
type axeViolation struct {
	ID, Impact, Help, HelpURL string
	Nodes                     []struct{ Target, Summary, HTML string }
}

// axeReport is one axe-core violation as a test failure: the rule, its impact and help
// (with its link), then each node's selector, markup and axe's summary of what to fix,
// after context (the page or state checked) when there is one.
func axeReport(context string, v axeViolation) string {
	var b strings.Builder
	if context != "" {
		b.WriteString(context + ": ")
	}
	fmt.Fprintf(&b, "axe %s (%s): %s — %s", v.ID, v.Impact, v.Help, v.HelpURL)
	for _, n := range v.Nodes {
		fmt.Fprintf(&b, "\n\t%s\n\t\t%s\n\t\t%s", n.Target, n.HTML, strings.ReplaceAll(n.Summary, "\n", "\n\t\t"))
	}
	return b.String()
}

// runAxe injects axe-core into the page and returns its violations and the number of
// rules it could not decide (needs review).
//
// It first lets the panels that follow edits late (app/ui/later.go) catch up: while one
// is behind the scenario it is marked aria-busy and shown in grey tones, for 250 ms after
// an edit (longer on a loaded machine), and axe checks the page as it settles
// (TestSlowPanelsFollowEdits checks that a busy panel keeps its opacity, so its contrast).
func (tb *tab) runAxe(src string) ([]axeViolation, int) {
	tb.t.Helper()
	tb.waitFor("the slow panels to catch up (no aria-busy)", `!document.querySelector('.later[aria-busy=true]')`, changeTimeout)
	// Runtime.evaluate is not subject to the page's Content-Security-Policy; eval() would be.
	var loaded bool
	tb.mustEval(`typeof axe === 'object'`, &loaded)
	if !loaded {
		tb.mustEval(src+"\n;typeof axe === 'object'", &loaded)
	}
	if !loaded {
		tb.t.Fatal("axe-core did not load in the page")
	}
	var res struct {
		Violations []axeViolation
		Incomplete []string
	}
	tb.mustEval(`axe.run(document, {runOnly: {type: 'tag', values: `+axeTags+`}, resultTypes: ['violations', 'incomplete']}).then(r => ({
		violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, helpURL: v.helpUrl,
			nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary, html: n.html.slice(0, 160)}))})),
		incomplete: r.incomplete.map(v => v.id + ' (' + v.nodes.length + ')'),
	}))`, &res)
	if len(res.Incomplete) > 0 {
		tb.t.Logf("axe needs review (not failures): %s", strings.Join(res.Incomplete, ", "))
	}
	return res.Violations, len(res.Incomplete)
}

// expectNoAxe fails the test on any axe-core violation in the page (runAxe: once the
// slow panels have caught up), in each colour scheme given ("light", "dark"; as the page
// is if none), which stays emulated after. context (and the scheme) name the check in
// the report.
func (tb *tab) expectNoAxe(src, context string, schemes ...string) {
	tb.t.Helper()
	check := func(context string) {
		violations, _ := tb.runAxe(src)
		for _, v := range violations {
			tb.t.Error(axeReport(context, v))
		}
	}
	if len(schemes) == 0 {
		check(context)
		return
	}
	for _, scheme := range schemes {
		tb.run(scheme, emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}))
		check(strings.TrimPrefix(context+", "+scheme, ", "))
	}
}

// TestAccessibility runs axe-core's WCAG 2.2 AA rules on every state of the page people
// see: the pre-rendered page before the wasm runs, the live start page, a scenario with
// certifications, the notice about a bad link, and the start page 320 px wide.
func TestAccessibility(t *testing.T) {
	src := axeSource(t)
	s := site(t, harness.Options{})
	tests := []struct {
		name  string
		query string
		setup func(tb *tab)
	}{
		{name: "pre-rendered page before the wasm", setup: func(tb *tab) {
			release := s.HoldWasm()
			tb.t.Cleanup(release)
			tb.navigate(s.URL())
		}},
		{name: "live start page"},
		{name: "scenario with results", query: "role=informatics&state=TX&years=6&edu=master&employer=hospital-system&certs=epic,cphims&bg=clinical"},
		{name: "notice about a bad link", setup: func(tb *tab) {
			tb.navigate(s.URL() + "?role=%3Cscript%3E&years=1e308&state=ZZ")
			tb.waitWasm()
			tb.waitFor("the notice", visibleJS(selNotice), changeTimeout)
		}},
		{name: "start page 320 px wide", setup: func(tb *tab) {
			tb.run("narrow viewport", emulation.SetDeviceMetricsOverride(320, 640, 1, true))
			tb.navigate(s.URL())
			tb.waitWasm()
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := newTab(t, time.Minute)
			if tt.setup != nil {
				tt.setup(tb)
			} else {
				u := s.URL()
				if tt.query != "" {
					u += "?" + tt.query
				}
				tb.navigate(u)
				tb.waitWasm()
			}
			violations, _ := tb.runAxe(src)
			for _, v := range violations {
				t.Error(axeReport("", v))
			}
		})
	}
}
