package ui

import (
	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Breakdown is the factor-by-factor table: each factor's effect in dollars and percent,
// how strong its evidence is, and a note on what drove it. The rows are the model's
// Result.Factors as they are, so they add up to the estimate in the footer.
type Breakdown struct {
	app.Compo

	Lang   text.Lang       // language of every string
	Result estimate.Result // what to show
}

// Render draws the table.
func (b *Breakdown) Render() app.UI {
	t := text.For(b.Lang)
	return safeRender(t, func() app.UI {
		r := b.Result
		rows := make([]app.UI, 0, len(r.Factors))
		for i, f := range r.Factors {
			rows = append(rows, &factorRow{Lang: b.Lang, Factor: f, Base: i == 0})
		}
		// Explicit roles: on narrow screens web/app.css lays the rows out as blocks, and
		// some browsers drop a table's semantics when its display changes.
		return h("section|id=breakdown|class=card|aria-labelledby=breakdown-title",
			ht("h2|id=breakdown-title|tabindex=-1", t.T("breakdown.title")), // target of the sticky bar's link
			txt("p", "", t.T("breakdown.intro")),
			// A scroll container on mid-size screens: focusable and named, so keyboard
			// users can scroll it too.
			h("div|class=table-scroll|tabindex=0|role=region|aria-labelledby=breakdown-caption",
				h("table|role=table|class=table table--breakdown",
					ht("caption|id=breakdown-caption|class=visually-hidden", t.T("breakdown.caption")),
					&breakdownHead{Lang: b.Lang},
					h("tbody|role=rowgroup", rows...),
					h("tfoot|role=rowgroup", h("tr|role=row",
						ht("th|scope=row|role=rowheader", t.T("breakdown.total")),
						ht("td|role=cell|class=num total", t.Money(r.Estimate)),
						hs("td|role=cell"), hs("td|role=cell"), hs("td|role=cell"),
					)),
				),
			),
			&evidenceLegend{Lang: b.Lang},
		)
	})
}

// factorRow is one factor's row. It is a component of its own so that an edit redraws
// the rows whose factor changed (a years edit: that row, the total and whatever the
// years moved), not every row of the table.
type factorRow struct {
	app.Compo

	Lang   text.Lang       // language of every string
	Factor estimate.Factor // what the row shows
	Base   bool            // the first row: the occupation's pay the others adjust
}

// Render draws the row.
func (c *factorRow) Render() app.UI {
	t := text.For(c.Lang)
	return safeRender(t, func() app.UI {
		f := c.Factor
		effect, pct := t.SignedMoney(f.Dollars), t.SignedPercent(f.Percent, 1)
		switch {
		case c.Base:
			effect, pct = t.Money(f.Dollars), ""
		case !f.Applies:
			pct = "" // $0 by rule: no share to speak of
		}
		return hs("tr|role=row").DataSet("factor", string(f.Kind)).DataSet("dollars", f.Dollars).Body(
			ht("th|scope=row|role=rowheader", factorName(t, f.Kind)),
			ht("td|role=cell|class=num", effect),
			ht("td|role=cell|class=num", pct),
			h("td|role=cell", evidenceTag(t, f.Evidence)),
			ht("td|role=cell|class=note", factorNote(t, f)),
		)
	})
}

// breakdownHead is the table's header row; it depends on the language only.
type breakdownHead struct {
	app.Compo

	Lang text.Lang // language of every string
}

// Render draws the header.
func (c *breakdownHead) Render() app.UI {
	t := text.For(c.Lang)
	col := func(key, class string) app.UI {
		th := hs("th|scope=col|role=columnheader")
		if class != "" {
			th = th.Class(class)
		}
		return th.Text(t.T(key))
	}
	return h("thead|role=rowgroup", h("tr|role=row",
		col("breakdown.col.factor", ""),
		col("breakdown.col.effect", "num"),
		col("breakdown.col.percent", "num"),
		col("breakdown.col.evidence", ""),
		col("breakdown.col.note", ""),
	))
}

// evidenceLegend says what each kind of evidence means; it depends on the language only.
type evidenceLegend struct {
	app.Compo

	Lang text.Lang // language of every string
}

// Render draws the legend.
func (c *evidenceLegend) Render() app.UI {
	t := text.For(c.Lang)
	return box("dl", "evidence-key",
		evidenceKey(t, estimate.EvidenceOfficial),
		evidenceKey(t, estimate.EvidenceDerived),
		evidenceKey(t, estimate.EvidenceSurvey),
		evidenceKey(t, estimate.EvidenceAssumption),
	)
}

func evidenceKey(t *text.Catalog, e estimate.Evidence) app.UI {
	return box("div", "",
		box("dt", "", evidenceTag(t, e)),
		txt("dd", "", t.T("evidence."+string(e)+".about")),
	)
}

// evidenceTag is the label of an evidence kind, styled by kind; nothing for a factor
// that does not apply (the model grades only what moves the estimate).
func evidenceTag(t *text.Catalog, e estimate.Evidence) app.UI {
	if e == estimate.EvidenceNone {
		return app.Text("")
	}
	label, ok := t.Lookup("evidence." + string(e))
	if !ok {
		label = string(e)
	}
	return el("span").Class("tag", "tag--"+string(e)).Text(label)
}

// factorName is the translated name of a factor kind, or the kind itself for a factor
// the catalogue does not know yet.
func factorName(t *text.Catalog, k estimate.FactorKind) string {
	if s, ok := t.Lookup("factor." + string(k)); ok {
		return s
	}
	return string(k)
}

// factorNote says in the reader's language what drove a factor: the model's note, by key.
func factorNote(t *text.Catalog, f estimate.Factor) string { return t.Message(f.Note) }
