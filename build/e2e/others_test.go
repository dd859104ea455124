package e2e

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// TestOtherSources checks "What other sources report" on the built site: one row per
// publisher with the model's figures, in the pre-rendered page and in the live app, and
// the estimate named apart from them.
func TestOtherSources(t *testing.T) {
	s := site(t, harness.Options{})
	tb := newTab(t, time.Minute)
	tb.navigate(s.URL() + "?" + issue7Query)
	tb.waitWasm()
	var rows []struct {
		ID     string
		Values []string
	}
	tb.mustEval(`[...document.querySelectorAll('[data-testid=other-sources] tr[data-other]')].map(r =>
		({id: r.dataset.other, values: [...r.querySelectorAll('[data-value]')].map(v => v.dataset.value)}))`, &rows)
	figs := estimate.OtherFigures()
	if len(rows) != len(figs) {
		t.Fatalf("%d rows, want %d", len(rows), len(figs))
	}
	for i, f := range figs {
		if rows[i].ID != f.ID || len(rows[i].Values) != len(f.Points) {
			t.Errorf("row %d: %+v, want %s with %d figures", i, rows[i], f.ID, len(f.Points))
			continue
		}
		for j, p := range f.Points {
			if rows[i].Values[j] != strconv.Itoa(p.Value) {
				t.Errorf("%s: figure %s, want %d", f.ID, rows[i].Values[j], p.Value)
			}
		}
	}
	in := issue7Input(t)
	var intro string
	tb.mustEval(`document.querySelector('[data-testid=other-sources] .others__intro').textContent`, &intro)
	if w := want(t, in); !containsMoney(intro, w.Median) {
		t.Errorf("intro %q does not name the estimate %d", intro, w.Median)
	}
}

// containsMoney reports whether s shows n as US dollars ($95,292).
func containsMoney(s string, n int) bool {
	d := strconv.Itoa(n)
	var b []byte
	for i := range d {
		if i > 0 && (len(d)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, d[i])
	}
	return strings.Contains(s, "$"+string(b))
}
