package ui

import (
	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// ConfidencePanel says how firmly the data supports the estimate, and why.
type ConfidencePanel struct {
	app.Compo

	Lang    text.Lang           // language of every string
	Level   estimate.Confidence // high, medium or low
	Reasons []estimate.Message  // the model's reasons
}

// Render draws the panel.
func (c *ConfidencePanel) Render() app.UI {
	t := text.For(c.Lang)
	return safeRender(t, func() app.UI {
		items := make([]app.UI, 0, len(c.Reasons))
		for _, r := range c.Reasons {
			items = append(items, txt("li", "", t.Message(r)))
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
