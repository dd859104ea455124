package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"

	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// axNode is what the tests read of a node of Chromium's accessibility tree: the tree a
// screen reader is given.
type axNode struct {
	Role, Name string
	Live       string // the live property ("polite", "assertive"), if any
	Ignored    bool
}

// axValue is a value of the accessibility tree as CDP sends it.
type axValue struct {
	Value any `json:"value"`
}

func (v *axValue) text() string {
	if v == nil || v.Value == nil {
		return ""
	}
	return strings.TrimSpace(fmt.Sprint(v.Value))
}

// axTree returns the page's full accessibility tree (Accessibility.getFullAXTree). It
// decodes the reply itself: cdproto's typed enums reject names that newer Chromium
// sends (the ignored reason "uninteresting").
func (tb *tab) axTree() []axNode {
	tb.t.Helper()
	var res struct {
		Nodes []struct {
			Ignored    bool     `json:"ignored"`
			Role       *axValue `json:"role"`
			Name       *axValue `json:"name"`
			Properties []struct {
				Name  string   `json:"name"`
				Value *axValue `json:"value"`
			} `json:"properties"`
		} `json:"nodes"`
	}
	tb.run("read the accessibility tree", chromedp.ActionFunc(func(ctx context.Context) error {
		if err := cdp.Execute(ctx, "Accessibility.enable", nil, nil); err != nil {
			return err
		}
		return cdp.Execute(ctx, "Accessibility.getFullAXTree", nil, &res)
	}))
	out := make([]axNode, 0, len(res.Nodes))
	for _, n := range res.Nodes {
		a := axNode{Role: n.Role.text(), Name: n.Name.text(), Ignored: n.Ignored}
		for _, p := range n.Properties {
			if p.Name == "live" {
				a.Live = p.Value.text()
			}
		}
		out = append(out, a)
	}
	return out
}

// controlRoles are the roles of what a person operates: each must have a name.
var controlRoles = map[string]bool{
	"button": true, "checkbox": true, "combobox": true, "link": true, "listbox": true, "radio": true,
	"searchbox": true, "slider": true, "spinbutton": true, "switch": true, "tab": true, "textbox": true,
	"menuitem": true, "option": false,
}

// TestAccessibilityTree reads the accessibility tree Chromium gives screen readers, as
// far as a test can stand in for a screen-reader pass (ACCESSIBILITY.md says what it
// cannot): every control of the estimator (the form, the panels' buttons and links) has
// a role and a name; every heading of the page is in the tree, the cards far below the
// first screen too; the estimate is in the tree as text and in a polite live region; and
// each chart (the range bar, the trajectory, the factor chart, the state map) is an
// image with a name, its text equivalent, besides its table. The same for the role page,
// the embed and the Spanish page.
func TestAccessibilityTree(t *testing.T) {
	s := site(t, harness.Options{})
	for _, pg := range []struct{ name, path string }{
		{"home", "?role=informatics&state=TX&years=6&edu=master&employer=hospital-system&certs=epic,cphims&bg=clinical"},
		{"spanish home", "es?role=security-analyst&state=FL"},
		{"role and state page", "roles/security-analyst/oh/"},
		{"embed", "?embed=1&role=security-analyst&state=CA"},
	} {
		t.Run(pg.name, func(t *testing.T) {
			tb := newTab(t, time.Minute)
			tb.navigate(s.URL() + pg.path)
			tb.waitWasm()
			// Open the state ranking's map and table (drawn when asked for), so its chart
			// is in the tree too, and let the later panels catch up.
			tb.mustEval(`(() => { const b = document.querySelector('#ranking button[aria-expanded=false]'); if (b) b.click(); })()`, nil)
			tb.waitFor("the panels to settle", `!document.querySelector('[aria-busy=true]')`, changeTimeout)
			var dom struct {
				Amount   string
				Charts   []string // accessible names the DOM gives each chart ([role=img])
				Headings int      // headings shown
			}
			tb.mustEval(`({
				amount: document.querySelector('.estimate__amount').textContent.trim(),
				headings: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role=heading]')].filter(e => e.checkVisibility()).length,
				charts: [...document.querySelectorAll('[role=img]')].filter(e => e.checkVisibility()).map(e =>
					e.getAttribute('aria-label') || (e.getAttribute('aria-labelledby') || '').split(' ').map(id => (document.getElementById(id) || {}).textContent || '').join(' ').trim()),
			})`, &dom)
			tree := tb.axTree()
			controls, headings, images := 0, 0, map[string]bool{}
			var amount bool
			var live []string
			for _, n := range tree {
				if n.Ignored {
					continue
				}
				if controlRoles[n.Role] {
					controls++
					if n.Name == "" {
						t.Errorf("a %s has no accessible name", n.Role)
					}
				}
				if n.Role == "heading" {
					headings++
				}
				if n.Role == "image" && n.Name != "" {
					images[n.Name] = true
				}
				if n.Role == "StaticText" && strings.Contains(n.Name, dom.Amount) {
					amount = true
				}
				if n.Live != "" && n.Role != "StaticText" && n.Role != "InlineTextBox" {
					live = append(live, n.Live+" "+n.Role)
				}
			}
			// Every heading is in the tree, also those of cards far below the first screen:
			// a screen reader lists headings to move through the page.
			if headings != dom.Headings {
				t.Errorf("%d headings in the accessibility tree, %d on the page", headings, dom.Headings)
			}
			if controls < 10 {
				t.Errorf("only %d controls in the accessibility tree: is the walk broken?", controls)
			}
			if !amount {
				t.Errorf("the estimate %q is not text in the accessibility tree", dom.Amount)
			}
			var polite int
			for _, l := range live {
				if strings.HasPrefix(l, "polite") {
					polite++
				}
			}
			if polite == 0 {
				t.Errorf("no polite live region in the tree (live regions: %q)", live)
			}
			if len(dom.Charts) < 2 {
				t.Errorf("only %d charts ([role=img]) on the page", len(dom.Charts))
			}
			for _, c := range dom.Charts {
				if len(c) < 10 {
					t.Errorf("a chart's text equivalent is %q: too short to say what it shows", c)
					continue
				}
				if !images[strings.Join(strings.Fields(c), " ")] {
					t.Errorf("the chart %q is not an image with that name in the accessibility tree", shortJS(c))
				}
			}
		})
	}
}

// TestLiveRegionSettles: the estimate is read out politely once an edit settles, not on
// every keystroke. Typing "12" in the years field (two keystrokes, two estimates) changes
// the polite live region of the summary once, to the estimate for 12 years; one more
// edit, once more.
func TestLiveRegionSettles(t *testing.T) {
	s := site(t, harness.Options{})
	tb := newTab(t, time.Minute)
	tb.navigate(s.URL() + "?role=data-analyst&state=WA&years=3")
	tb.waitWasm()
	const region = `.summary [aria-live=polite]:not(#pending-hint)`
	var n int
	tb.mustEval(`document.querySelectorAll('`+region+`').length`, &n)
	if n != 1 {
		t.Fatalf("%d polite live regions in the summary, want 1", n)
	}
	tb.mustEval(`(() => {
		const r = document.querySelector('`+region+`');
		window.liveTexts = [];
		let last = r.textContent;
		new MutationObserver(() => {
			const now = document.querySelector('`+region+`');
			if (now && now.textContent !== last) { last = now.textContent; window.liveTexts.push(last); }
		}).observe(r.closest('.summary') || document.body, {subtree: true, childList: true, characterData: true});
	})()`, nil)
	// Two keystrokes as a fast typist makes them: both input events in one task, so no
	// pause (settleDelay, 250 ms) can fall between them however loaded the machine is.
	// Typed key by key through the DevTools protocol, a loaded machine made pauses
	// between them, and each pause rightly gets its own announcement.
	tb.mustEval(`(() => { const e = document.querySelector('#years'); e.focus();
		for (const v of ['1', '12']) { e.value = v; e.dispatchEvent(new InputEvent('input', {bubbles: true, data: v.slice(-1), inputType: 'insertText'})); } })()`, nil)
	tb.waitFor("the estimate for 12 years", `document.querySelector('`+selEstimate+`').dataset.scenario.includes('years=12')`, changeTimeout)
	time.Sleep(1500 * time.Millisecond) // well past the settle delay (250 ms)
	var texts []string
	tb.mustEval(`window.liveTexts`, &texts)
	var amount string
	tb.mustEval(`document.querySelector('.estimate__amount').textContent.trim()`, &amount)
	if len(texts) != 1 {
		t.Errorf("the live region changed %d times for one typed value (two keystrokes), want once: %q", len(texts), texts)
	}
	if len(texts) > 0 && !strings.Contains(texts[len(texts)-1], amount) {
		t.Errorf("the live region says %q, not the estimate shown (%s)", texts[len(texts)-1], amount)
	}
	tb.setValue("#edu", "master")
	tb.waitFor("the estimate for a master's", `document.querySelector('`+selEstimate+`').dataset.scenario.includes('edu=master')`, changeTimeout)
	time.Sleep(1500 * time.Millisecond)
	tb.mustEval(`window.liveTexts`, &texts)
	if len(texts) != 2 {
		t.Errorf("after one more edit the live region changed %d times in all, want 2: %q", len(texts), texts)
	}
}
