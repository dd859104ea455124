package e2e

import (
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"

	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// targetsJS measures every target a pointer can activate (links, buttons, form
// controls, summaries, elements with such a role) and returns those that fail WCAG 2.5.8 Target
// Size (Minimum): smaller than 24 × 24 CSS px, not a link inside a sentence (the
// "inline" exception), and too close to others for the spacing exception (a 24 px circle
// centred on it may not intersect another target or another undersized target's circle).
// A checkbox or radio button counts with its label, which also toggles it. The skip
// link is left out while it waits off screen for the keyboard (focused, it is 177 × 48).
const targetsJS = `(() => {
	const sel = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=link], [role=checkbox], [role=radio], [role=switch], [role=tab], [role=menuitem]';
	const own = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
		(typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '');
	const name = e => {
		let n = own(e), label = (e.getAttribute('aria-label') || e.textContent || e.value || '').trim().replace(/\s+/g, ' ').slice(0, 30);
		for (let p = e.parentElement; p && n.indexOf('.') < 0 && n.indexOf('#') < 0 && p !== document.body; p = p.parentElement) {
			if (p.id || (typeof p.className === 'string' && p.className)) { n += ' in ' + own(p); break; }
		}
		return n + (label ? ' "' + label + '"' : '');
	};
	const targets = [];
	for (const e of document.querySelectorAll(sel)) {
		if (e.closest('[hidden], .visually-hidden, [inert]')) continue;
		if (e.checkVisibility && !e.checkVisibility({visibilityProperty: true})) continue;
		if (e.matches('.skip-link') && document.activeElement !== e) continue;
		const q = e.getBoundingClientRect();
		if (!q.width || !q.height) continue;
		let r = {l: q.left, t: q.top, r: q.right, b: q.bottom};
		if ((e.type === 'checkbox' || e.type === 'radio') && e.labels) {
			for (const l of e.labels) {
				const b = l.getBoundingClientRect();
				if (b.width && b.height) r = {l: Math.min(r.l, b.left), t: Math.min(r.t, b.top), r: Math.max(r.r, b.right), b: Math.max(r.b, b.bottom)};
			}
		}
		// A link in a sentence: its parent has words of its own beside it.
		const inline = e.tagName === 'A' && getComputedStyle(e).display === 'inline' &&
			[...e.parentElement.childNodes].some(n => n !== e && n.nodeType === 3 && n.textContent.trim());
		const w = r.r - r.l, h = r.b - r.t;
		targets.push({e, r, inline, small: !inline && (w < 23.5 || h < 23.5), w, h});
	}
	const centre = t => [(t.r.l + t.r.r) / 2, (t.r.t + t.r.b) / 2];
	const toRect = ([x, y], r) => Math.hypot(Math.max(r.l - x, 0, x - r.r), Math.max(r.t - y, 0, y - r.b));
	const out = [];
	for (const u of targets) {
		if (!u.small) continue;
		const c = centre(u);
		const near = targets.find(t => t !== u && t.e !== u.e && !t.e.contains(u.e) && !u.e.contains(t.e) &&
			(t.small ? Math.hypot(c[0] - centre(t)[0], c[1] - centre(t)[1]) < 24 : toRect(c, t.r) < 12));
		if (near) out.push(name(u.e) + ' is ' + Math.round(u.w) + '×' + Math.round(u.h) + ' px, ' + Math.round(toRect(c, near.r)) + ' px from ' + name(near.e));
	}
	return {count: targets.length, offenders: out};
})()`

// TestTargetSize checks every pointer target on the estimator (desktop and 320 px), a
// role page, the embed and the documents meets WCAG 2.5.8 (AA): 24 × 24 CSS px, or a
// link in a sentence, or spaced so a 24 px circle around it touches nothing else.
func TestTargetSize(t *testing.T) {
	s := site(t, harness.Options{})
	for _, width := range []int64{1280, 320} {
		for _, pg := range a11yPages {
			t.Run(pg.name+"/"+map[int64]string{1280: "desktop", 320: "320px"}[width], func(t *testing.T) {
				tb := newTab(t, time.Minute)
				tb.run("viewport", emulation.SetDeviceMetricsOverride(width, 900, 1, false))
				tb.navigate(s.URL() + pg.path)
				if isAppPage(pg.path) {
					tb.waitWasm()
				}
				var got struct {
					Count     int
					Offenders []string
				}
				tb.mustEval(targetsJS, &got)
				if got.Count < 2 {
					t.Fatalf("only %d targets found: is the check broken?", got.Count)
				}
				for _, o := range got.Offenders {
					t.Errorf("target too small (WCAG 2.5.8): %s", o)
				}
			})
		}
	}
}
