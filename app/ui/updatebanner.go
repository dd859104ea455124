package ui

import (
	"github.com/hit-salary/hit-salary/app/text"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// UpdateBanner offers to reload when a new version of the app has been downloaded.
type UpdateBanner struct {
	app.Compo

	Lang     text.Lang         // language of every string
	OnReload func(app.Context) // reloads the page
}

// Render draws the banner.
func (b *UpdateBanner) Render() app.UI {
	t := text.For(b.Lang)
	return h("section|class=banner banner--update|role=status|data-testid=update",
		txt("p", "banner__title", t.T("update.body")),
		hs("button|type=button|class=button").OnClick(b.onReload).Text(t.T("update.reload")),
	)
}

func (b *UpdateBanner) onReload(ctx app.Context, e app.Event) {
	defer recoverTo(ctx, nil)
	if b.OnReload != nil {
		b.OnReload(ctx)
	}
}
