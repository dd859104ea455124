package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// pathwaysQuery is a nurse looking at EHR work in the Boston metro: a metro, a current
// job (whose field, clinical, flags the path) and a background left at new.
const pathwaysQuery = "role=ehr-analyst&state=MA&metro=14460&years=4&edu=bachelor&employer=hospital-system&bg=new&from=registered-nurse"

// pathwaysShown is what the pathways panel and the outlook's neighbours show, read from
// their data attributes in the model's terms.
type pathwaysShown struct {
	Mine       string   `json:"mine"`
	Paths      []string `json:"paths"`      // "path:mine" for each path, in order
	Steps      []string `json:"steps"`      // "path role estimate low high difference diffkey" for each step
	Specs      []string `json:"specs"`      // "id role estimate difference diffkey"
	Neighbours []string `json:"neighbours"` // "role kind openings"
}

const readPathwaysJS = `(() => {
	const p = document.querySelector('[data-testid=pathways]');
	if (!p) return null;
	const d = e => e.dataset;
	return {
		mine: (p.querySelector('.pathways__mine-note') || {dataset: {}}).dataset.mine || '',
		paths: [...p.querySelectorAll('[data-testid=pathway]')].map(e => d(e).path + ':' + (d(e).mine === 'true')),
		steps: [...p.querySelectorAll('[data-testid=pathway]')].flatMap(e => [...e.querySelectorAll('[data-testid=pathway-step]')]
			.map(s => [d(e).path, d(s).role, d(s).estimate, d(s).low, d(s).high, d(s).difference, d(s).diff].join(' '))),
		specs: [...p.querySelectorAll('[data-testid=specialization]')].map(s => [d(s).specialization, d(s).role, d(s).estimate, d(s).difference, d(s).diff].join(' ')),
		neighbours: [...document.querySelectorAll('[data-testid=outlook-neighbours] [data-kind]')].map(n => [d(n).role, d(n).kind, d(n).openings].join(' ')),
	};
})()`

// wantPathways is what the model says the panels must show for in.
func wantPathways(t testing.TB, in estimate.Input) pathwaysShown {
	t.Helper()
	r, err := estimate.Pathways(in)
	if err != nil {
		t.Fatal(err)
	}
	w := pathwaysShown{Mine: string(r.Mine), Paths: []string{}, Steps: []string{}, Specs: []string{}, Neighbours: []string{}}
	for _, p := range r.Paths {
		w.Paths = append(w.Paths, fmt.Sprintf("%s:%v", p.Path, p.Mine))
		for _, s := range p.Steps {
			w.Steps = append(w.Steps, fmt.Sprintf("%s %s %d %d %d %d %s", p.Path, s.Role, s.Estimate, s.Low, s.High, s.Difference, s.DiffKey))
		}
	}
	for _, s := range r.Specializations {
		w.Specs = append(w.Specs, fmt.Sprintf("%s %s %d %d %s", s.ID, s.Role, s.Estimate, s.Difference, s.DiffKey))
	}
	for _, n := range estimate.Neighbours(in.Role) {
		w.Neighbours = append(w.Neighbours, fmt.Sprintf("%s %s %d", n.Role, n.Kind, n.Outlook.OpeningsPerYear))
	}
	return w
}

// expectPathways waits until the panels show what the model gives for in.
func (tb *tab) expectPathways(in estimate.Input, context string) {
	tb.t.Helper()
	w := wantPathways(tb.t, in)
	b, err := json.Marshal(w)
	if err != nil {
		tb.t.Fatal(err)
	}
	expr := `JSON.stringify(` + readPathwaysJS + `) === ` + jsString(string(b))
	if err := tb.poll(expr, changeTimeout); err != nil {
		var got pathwaysShown
		tb.eval(readPathwaysJS, &got)
		tb.t.Errorf("%s: pathways shown\n%+v\nmodel says\n%+v\n(%v)", context, got, w, err)
	}
}

// TestPathways checks the pathways panel and the outlook's neighbours on the built site
// against the model for a deep-linked scenario and after an edit (once edits pause);
// axe-core on the page in light and dark, with screenshots at 320 and 1280 px (into
// $HIT_SCREENSHOTS, else a temporary directory) and nothing wider than the page; then
// the same figures in Spanish (lang=es, so the test does not depend on the /es route).
func TestPathways(t *testing.T) {
	in, errs := estimate.FromQuery(readQuery(pathwaysQuery))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	s := site(t, harness.Options{})

	t.Run("deep link, then an edit", func(t *testing.T) {
		tb := newTab(t, time.Minute)
		tb.navigate(s.URL() + "?" + pathwaysQuery)
		tb.waitWasm()
		tb.expectPathways(in, "deep link")
		var mine string
		tb.mustEval(`document.querySelector('[data-testid=pathway][data-mine=true]').dataset.path`, &mine)
		if mine != string(estimate.BackgroundClinical) {
			t.Errorf("flagged path %q, want clinical (a registered nurse)", mine)
		}
		// Years change the person's own estimate, so every difference; the steps assume
		// their own years, so their estimates stay.
		tb.setValue("#years", "12")
		edited := in
		edited.Years = 12
		tb.expectPathways(edited, "years=12")
	})

	src := axeSource(t)
	dir := os.Getenv("HIT_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, width := range []int64{1280, 320} {
		for _, scheme := range []string{"light", "dark"} {
			t.Run(fmt.Sprint(width, " ", scheme), func(t *testing.T) {
				tb := newTab(t, time.Minute)
				tb.run("viewport", emulation.SetDeviceMetricsOverride(width, 900, 1, width < 600))
				tb.run("scheme", emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}))
				tb.navigate(s.URL() + "?" + pathwaysQuery)
				tb.waitWasm()
				tb.expectPathways(in, "before axe")
				// Draw every card, so that axe checks them all (content-visibility skips off-screen ones).
				tb.mustEval(`document.querySelectorAll('.card').forEach(c => c.scrollIntoView()); true`, nil)
				violations, _ := tb.runAxe(src)
				for _, v := range violations {
					t.Error(axeReport("", v))
				}
				// Paint every card whole: content-visibility skips what is off screen, which
				// would leave most of a tall element's screenshot blank.
				tb.mustEval(`document.querySelectorAll('.card').forEach(c => { c.style.contentVisibility = 'visible'; }); true`, nil)
				for _, id := range []string{"pathways", "outlook"} {
					var right float64
					tb.mustEval(`(() => { const e = document.getElementById('`+id+`'); e.scrollIntoView();
						return Math.max(...[e, ...e.querySelectorAll('*')].map(x => x.getBoundingClientRect().right)); })()`, &right)
					if right > float64(width)+0.5 {
						t.Errorf("#%s reaches %.0f px, past the %d px page", id, right, width)
					}
					var png []byte
					tb.run("screenshot #"+id, chromedp.Screenshot("#"+id, &png, chromedp.ByID))
					if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("pathways-%s-%d-%s.png", id, width, scheme)), png, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			})
		}
	}

	t.Run("Spanish", func(t *testing.T) {
		tb := newTab(t, time.Minute)
		tb.navigate(s.URL() + "?lang=es&" + pathwaysQuery)
		tb.waitWasm()
		tb.expectPathways(in, "the Spanish page")
		es := text.For(text.Spanish)
		var got struct{ Title, Path, Neighbours string }
		tb.mustEval(`({title: document.querySelector('#pathways-title').textContent,
			path: document.querySelector('#pathway-clinical-title').textContent,
			neighbours: document.querySelector('#outlook-neighbours-title').textContent})`, &got)
		if got.Title != es.T("pathways.title") || !strings.HasPrefix(got.Path, es.T("pathways.path.clinical")) ||
			!strings.Contains(got.Path, es.T("pathways.mine")) || got.Neighbours != es.T("outlook.neighbours.title") {
			t.Errorf("Spanish page shows %+v", got)
		}
		// lang= is saved on the device: put English back for the tests after this one.
		tb.navigate(s.URL() + "?lang=en")
		tb.waitWasm()
	})
}
