package ui

import (
	"strconv"
	"strings"
	"testing"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
)

// TestOthersPanel renders the other sources in both languages: one row per publisher
// in the model's order, each figure the model's, a date (or said to be undated), the
// quoting guide and a sentence on why it differs; the estimate is named apart from them.
func TestOthersPanel(t *testing.T) {
	for _, l := range []text.Lang{text.English, text.Spanish} {
		tr := text.For(l)
		root, _ := render(t, &OthersPanel{Lang: l, Estimate: 95292})
		one(t, root, "panel", byAttr("data-testid", "other-sources"))
		if !strings.Contains(textOf(one(t, root, "intro", byAttr("class", "others__intro"))), tr.Money(95292)) {
			t.Errorf("%s: the intro does not name the estimate", l)
		}
		rows := find(root, func(n *node) bool { return n.Attrs["data-other"] != "" })
		figs := estimate.OtherFigures()
		if len(rows) != len(figs) {
			t.Fatalf("%s: %d rows, want %d", l, len(rows), len(figs))
		}
		for i, f := range figs {
			row := rows[i]
			if row.Attrs["data-other"] != f.ID {
				t.Errorf("%s: row %d is %s, want %s", l, i, row.Attrs["data-other"], f.ID)
			}
			values := find(row, func(n *node) bool { _, ok := n.Attrs["data-value"]; return ok })
			if len(values) != len(f.Points) {
				t.Fatalf("%s %s: %d figures, want %d", l, f.ID, len(values), len(f.Points))
			}
			for j, p := range f.Points {
				if values[j].Attrs["data-value"] != strconv.Itoa(p.Value) || textOf(values[j]) != tr.Money(p.Value) {
					t.Errorf("%s %s: figure %q (%s), want %d", l, f.ID, textOf(values[j]), values[j].Attrs["data-value"], p.Value)
				}
			}
			s := textOf(row)
			if f.High > 0 && (!strings.Contains(s, tr.Money(f.Low)) || !strings.Contains(s, tr.Money(f.High))) {
				t.Errorf("%s %s: range missing in %q", l, f.ID, s)
			}
			if f.Date == "" && !strings.Contains(s, tr.T("others.date.none")) {
				t.Errorf("%s %s: an undated figure not said to be undated: %q", l, f.ID, s)
			}
			if !strings.Contains(s, otherPublisher(tr, f)) || !strings.Contains(s, tr.T("others."+f.ID+".why")) {
				t.Errorf("%s %s: no publisher or reason in %q", l, f.ID, s)
			}
			if !strings.Contains(s, otherVia(tr, f)) || (l == text.English && (otherVia(tr, f) != f.Via || otherPublisher(tr, f) != f.Publisher)) {
				t.Errorf("%s %s: the guide quoting it %q and its publisher %q, want the model's %q and %q in English", l, f.ID, otherVia(tr, f), otherPublisher(tr, f), f.Via, f.Publisher)
			}
			if row.Attrs["data-reasons"] == "" {
				t.Errorf("%s %s: no reasons", l, f.ID)
			}
		}
	}
}
