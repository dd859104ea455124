package ui

import (
	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// ConfidencePanel says how firmly the data supports the estimate, and why.
type ConfidencePanel struct {
	app.Compo

	Lang       text.Lang           // language of every string
	Level      estimate.Confidence // high, medium or low
	Reasons    []string            // the model's reasons, in English
	ReasonKeys []string            // stable keys of the same reasons, for translation
}

// Render draws the panel.
func (c *ConfidencePanel) Render() app.UI {
	t := text.For(c.Lang)
	return safeRender(t, func() app.UI {
		var items []app.UI
		for i, k := range c.ReasonKeys {
			s, ok := t.Lookup("reason." + k)
			if !ok && i < len(c.Reasons) {
				s = c.Reasons[i]
			}
			items = append(items, txt("li", "", s))
		}
		if len(c.ReasonKeys) == 0 {
			for _, r := range c.Reasons {
				items = append(items, txt("li", "", r))
			}
		}
		level, ok := t.Lookup("confidence." + string(c.Level))
		if !ok {
			level = string(c.Level)
		}
		return hs("section|id=confidence").Class("card", "confidence", "confidence--"+string(c.Level)).
			Aria("labelledby", "confidence-title").Body(
			h("h2|id=confidence-title",
				app.Text(t.T("confidence.title")+" "),
				el("span").Class("tag", "tag--level", "tag--"+string(c.Level)).Text(level),
			),
			box("ul", "reasons", items...),
		)
	})
}
