package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// issue7Query is the deep-linked scenario of the ranking, payback and factor chart tests.
const issue7Query = "role=health-info-tech&state=OH&years=3&edu=associate&employer=hospital-system&bg=new"

func issue7Input(t *testing.T) estimate.Input {
	t.Helper()
	in, errs := estimate.FromQuery(readQuery(issue7Query))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return in
}

// selRankToggle is the button that shows the ranking's map and table.
const selRankToggle = `[data-testid=state-ranking] button[aria-controls=ranking-detail]`

// openRanking shows the ranking's map and table.
func (tb *tab) openRanking() {
	tb.t.Helper()
	tb.activate(selRankToggle)
	tb.waitFor("the ranking table", `document.querySelectorAll('[data-testid=state-ranking] tbody tr').length === 51`, changeTimeout)
}

func rankOfState(rows []estimate.StateRank, code string) estimate.StateRank {
	for _, r := range rows {
		if r.Area.Code == code {
			return r
		}
	}
	return estimate.StateRank{}
}

// rankOrder reads the ranking table's states, top to bottom.
func (tb *tab) rankOrder() []string {
	tb.t.Helper()
	var codes []string
	tb.mustEval(`[...document.querySelectorAll('[data-testid=state-ranking] tbody tr')].map(r => r.dataset.state)`, &codes)
	return codes
}

// TestWhereItPays checks the ranking on the built site: 51 rows in the model's order,
// the person's state highlighted in the table and on the map, and sorting by the
// adjusted figure and back with the keyboard (Enter and Space on the header buttons).
func TestWhereItPays(t *testing.T) {
	in := issue7Input(t)
	rows, err := estimate.Rank(in)
	if err != nil {
		t.Fatal(err)
	}
	order := func(adjusted bool) []string {
		rs := slices.Clone(rows)
		if adjusted {
			slices.SortStableFunc(rs, func(a, b estimate.StateRank) int { return a.AdjustedRank - b.AdjustedRank })
		}
		out := make([]string, len(rs))
		for i, r := range rs {
			out[i] = r.Area.Code
		}
		return out
	}
	s := site(t, harness.Options{})
	tb := newTab(t, time.Minute)
	tb.navigate(s.URL() + "?" + issue7Query)
	tb.waitWasm()
	tb.waitFor("the ranking's sentence", `(document.querySelector('[data-testid=state-ranking] .rank-you') || {}).textContent === `+
		jsString(fmt.Sprintf("Ohio ranks %d of 51 by the estimate and %d of 51 adjusted for prices.", rankOfState(rows, "OH").Rank, rankOfState(rows, "OH").AdjustedRank)), changeTimeout)
	// The map and the table are drawn once asked for, with the keyboard here.
	tb.activate(selRankToggle)
	tb.waitFor("the ranking", `document.querySelectorAll('[data-testid=state-ranking] tbody tr').length === 51`, changeTimeout)
	if got := tb.rankOrder(); !slices.Equal(got, order(false)) {
		t.Errorf("ranking by estimate:\n got %v\nwant %v", got, order(false))
	}
	var you struct {
		Rows  []string
		Tiles []string
	}
	tb.mustEval(`({rows: [...document.querySelectorAll('[data-testid=state-ranking] tr.is-current')].map(r => r.dataset.state),
		tiles: [...document.querySelectorAll('[data-testid=state-ranking] .tile--you')].map(g => g.textContent)})`, &you)
	if !slices.Equal(you.Rows, []string{"OH"}) || len(you.Tiles) != 1 || !strings.HasPrefix(you.Tiles[0], "OH") {
		t.Errorf("highlighted rows %v, tiles %v: want Ohio alone", you.Rows, you.Tiles)
	}

	sortedBy := `[...document.querySelectorAll('[data-testid=state-ranking] th[aria-sort=descending]')].map(th => th.textContent).join('|')`
	press := func(button int, key, wantSorted string) {
		t.Helper()
		var focused bool
		tb.mustEval(fmt.Sprintf(`(() => { const b = document.querySelectorAll('[data-testid=state-ranking] thead button')[%d];
			b.focus(); return document.activeElement === b; })()`, button), &focused)
		if !focused {
			t.Fatalf("cannot focus sort button %d", button)
		}
		tb.run("press "+strconv.Quote(key), chromedp.KeyEvent(key))
		tb.waitFor("sorted by "+wantSorted, sortedBy+` === `+jsString(wantSorted), changeTimeout)
		var still bool
		tb.mustEval(`document.activeElement && document.activeElement.classList.contains('sort')`, &still)
		if !still {
			t.Errorf("focus left the sort button after sorting by %s", wantSorted)
		}
	}
	press(1, "\r", "Adjusted for prices")
	if got := tb.rankOrder(); !slices.Equal(got, order(true)) {
		t.Errorf("ranking adjusted for prices:\n got %v\nwant %v", got, order(true))
	}
	press(0, " ", "Estimate")
	if got := tb.rankOrder(); !slices.Equal(got, order(false)) {
		t.Errorf("ranking by estimate again:\n got %v\nwant %v", got, order(false))
	}

	// Another state: the highlight follows.
	tb.setValue("#state", "CA")
	tb.waitFor("California highlighted", `(() => { const r = document.querySelector('[data-testid=state-ranking] tr.is-current');
		return r && r.dataset.state === 'CA'; })()`, changeTimeout)
}

// paybackShown reads the payback panel's figures.
func (tb *tab) paybackShown() map[string]string {
	tb.t.Helper()
	var got map[string]string
	tb.mustEval(`(() => { const e = document.querySelector('[data-testid=payback] [data-payback-years]');
		return e ? {...e.dataset} : null; })()`, &got)
	return got
}

// expectPayback waits until the panel shows the model's figures for pin.
func (tb *tab) expectPayback(pin estimate.PaybackInput, context string) {
	tb.t.Helper()
	p, err := estimate.PaybackFor(pin)
	if err != nil {
		tb.t.Fatal(err)
	}
	years := "never"
	if p.PaybackYear > 0 {
		years = strconv.Itoa(p.PaybackYear)
	}
	expr := fmt.Sprintf(`(() => { const e = document.querySelector('[data-testid=payback] [data-payback-years]');
		return e && e.dataset.paybackYears === %q && e.dataset.net10 === '%d' && e.dataset.net20 === '%d' && e.dataset.gain === '%d'; })()`,
		years, p.Net10, p.Net20, p.Gain)
	if err := tb.poll(expr, changeTimeout); err != nil {
		tb.t.Errorf("%s: payback shown %v, model says years %s, net10 %d, net20 %d, gain %d (%v)",
			context, tb.paybackShown(), years, p.Net10, p.Net20, p.Gain, err)
	}
}

// TestPaybackPanel checks the payback panel of a deep-linked scenario against the model,
// then with another step, part time and a tuition typed in, and that those entries
// survive an edit of the main form.
func TestPaybackPanel(t *testing.T) {
	in := issue7Input(t)
	s := site(t, harness.Options{})
	tb := newTab(t, time.Minute)
	tb.navigate(s.URL() + "?" + issue7Query)
	tb.waitWasm()
	steps := estimate.Steps()
	def := steps[estimate.DefaultStep(in.Education)]
	tb.expectPayback(estimate.PaybackInput{Profile: in, From: def.From, To: def.To, Years: def.Years, Tuition: def.Tuition},
		"deep link, default step")

	i := slices.IndexFunc(steps, func(s estimate.Step) bool { return s.From == estimate.EduBachelor })
	tb.setValue("#payback-step", strconv.Itoa(i))
	st := steps[i]
	tb.expectPayback(estimate.PaybackInput{Profile: in, From: st.From, To: st.To, Years: st.Years, Tuition: st.Tuition},
		"bachelor's to master's")
	tb.activate("#payback-part")
	tb.typeInto("#payback-tuition", "15000")
	pin := estimate.PaybackInput{Profile: in, From: st.From, To: st.To, Years: st.Years, Tuition: 15_000, PartTime: true}
	tb.expectPayback(pin, "part time, tuition typed")

	// An edit of the scenario keeps the panel's entries and recomputes.
	tb.setValue("#years", "9")
	pin.Profile.Years = 9
	tb.expectPayback(pin, "after years=9 in the form")
	var kept struct {
		Tuition, Step string
		Part          bool
	}
	tb.mustEval(`({tuition: document.querySelector('#payback-tuition').value, step: document.querySelector('#payback-step').value,
		part: document.querySelector('#payback-part').checked})`, &kept)
	if kept.Tuition != "15000" || kept.Step != strconv.Itoa(i) || !kept.Part {
		t.Errorf("after a form edit the panel shows %+v; want its entries kept", kept)
	}
}

// TestFactorChart checks the waterfall: one bar per factor after the base, labelled
// with the breakdown's dollars.
func TestFactorChart(t *testing.T) {
	in := issue7Input(t)
	r, err := estimate.Estimate(in)
	if err != nil {
		t.Fatal(err)
	}
	s := site(t, harness.Options{})
	tb := newTab(t, time.Minute)
	tb.navigate(s.URL() + "?" + issue7Query)
	tb.waitWasm()
	var labels []string
	tb.mustEval(`[...document.querySelectorAll('[data-testid=waterfall] .wf-label')].map(e => e.textContent)`, &labels)
	var bars int
	tb.mustEval(`document.querySelectorAll('[data-testid=waterfall] .wf-bar').length`, &bars)
	if bars != len(r.Factors)-1 || len(labels) != len(r.Factors)+1 {
		t.Fatalf("%d bars, %d labels for %d factors", bars, len(labels), len(r.Factors))
	}
	for i, f := range r.Factors[1:] {
		if d := strings.ReplaceAll(strings.ReplaceAll(labels[i+1], ",", ""), "\u2212", "-"); !strings.Contains(d, strconv.Itoa(abs(f.Dollars))) {
			t.Errorf("label %q does not carry %s's $%d", labels[i+1], f.Kind, f.Dollars)
		}
	}
}

func abs(n int) int { return max(n, -n) }

// TestIssue7Accessibility runs axe-core on the page with the new panels: the scenario,
// the ranking sorted by the adjusted figure, and 320 px wide, light and dark.
func TestIssue7Accessibility(t *testing.T) {
	src := axeSource(t)
	s := site(t, harness.Options{})
	for _, tt := range []struct {
		name  string
		width int64
		dark  bool
		setup func(tb *tab)
	}{
		{name: "scenario", width: 1280},
		{name: "sorted by adjusted, part time", width: 1280, setup: func(tb *tab) {
			// Scroll first and let the cards above be drawn (content-visibility), so the
			// mouse click lands where the button then is.
			tb.mustEval(`document.querySelector('#ranking').scrollIntoView(); true`, nil)
			tb.poll(`new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`, changeTimeout)
			tb.mustEval(`document.querySelector('#ranking').scrollIntoView(); true`, nil)
			tb.click(`[data-testid=state-ranking] thead th:nth-child(4) button`)
			tb.waitFor("adjusted sort", `document.querySelector('[data-testid=state-ranking] th[aria-sort]').textContent.startsWith('Adjusted')`, changeTimeout)
			tb.activate("#payback-part")
		}},
		{name: "320 px dark", width: 320, dark: true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tb := newTab(t, time.Minute)
			tb.run("viewport", emulation.SetDeviceMetricsOverride(tt.width, 800, 1, tt.width < 600))
			if tt.dark {
				tb.run("dark", emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}))
			}
			tb.navigate(s.URL() + "?" + issue7Query)
			tb.waitWasm()
			tb.openRanking()
			if tt.setup != nil {
				tt.setup(tb)
			}
			// Draw every card, so that axe checks them all (content-visibility skips off-screen ones).
			tb.mustEval(`document.querySelectorAll('.card').forEach(c => c.scrollIntoView()); true`, nil)
			violations, _ := tb.runAxe(src)
			for _, v := range violations {
				t.Error(axeReport("", v))
			}
		})
	}
}

// TestIssue7Screenshots takes the three panels at 1280 and 320 px, light and dark,
// into $HIT_SCREENSHOTS (else a temporary directory), and checks none is wider than
// the page at 320 px.
func TestIssue7Screenshots(t *testing.T) {
	dir := os.Getenv("HIT_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	s := site(t, harness.Options{})
	for _, width := range []int64{1280, 320} {
		for _, scheme := range []string{"light", "dark"} {
			t.Run(fmt.Sprint(width, scheme), func(t *testing.T) {
				tb := newTab(t, time.Minute)
				tb.run("viewport", emulation.SetDeviceMetricsOverride(width, 900, 1, width < 600))
				tb.run("scheme", emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}))
				tb.navigate(s.URL() + "?" + issue7Query)
				tb.waitWasm()
				tb.openRanking()
				for _, id := range []string{"waterfall", "payback", "ranking"} {
					var right float64
					tb.mustEval(`(() => { const e = document.getElementById('`+id+`'); e.scrollIntoView(); return e.getBoundingClientRect().right; })()`, &right)
					if right > float64(width)+0.5 {
						t.Errorf("#%s reaches %.0f px, past the %d px page", id, right, width)
					}
					var png []byte
					tb.run("screenshot #"+id, chromedp.Screenshot("#"+id, &png, chromedp.ByID))
					name := filepath.Join(dir, fmt.Sprintf("issue7-%s-%d-%s.png", id, width, scheme))
					if err := os.WriteFile(name, png, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			})
		}
	}
}
