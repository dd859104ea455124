package ui

import (
	"github.com/hit-salary/hit-salary/app/text"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// ErrorBanner says that something went wrong and was recovered: the page still works.
type ErrorBanner struct {
	app.Compo

	Lang      text.Lang         // language of every string
	Message   string            // what went wrong, for a bug report (shown as text)
	OnDismiss func(app.Context) // hides the banner
}

// Render draws the banner.
func (b *ErrorBanner) Render() app.UI {
	t := text.For(b.Lang)
	return h("section|class=banner banner--error|role=alert|data-testid=error",
		txt("h2", "banner__title", t.T("error.title")),
		txt("p", "", t.T("error.body")),
		box("p", "banner__detail",
			app.Text(t.T("error.detail")+" "),
			txt("code", "", b.Message),
		),
		hs("button|type=button|class=button button--quiet").OnClick(b.onDismiss).Text(t.T("error.dismiss")),
	)
}

func (b *ErrorBanner) onDismiss(ctx app.Context, e app.Event) {
	defer recoverTo(ctx, nil)
	if b.OnDismiss != nil {
		b.OnDismiss(ctx)
	}
}
