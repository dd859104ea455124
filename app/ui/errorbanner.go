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
	return el("section").Class("banner banner--error").Role("alert").DataSet("testid", "error").Body(
		el("h2").Class("banner__title").Text(t.T("error.title")),
		el("p").Text(t.T("error.body")),
		el("p").Class("banner__detail").Body(
			app.Text(t.T("error.detail")+" "),
			el("code").Text(b.Message),
		),
		el("button").Attr("type", "button").Class("button button--quiet").OnClick(b.onDismiss).Text(t.T("error.dismiss")),
	)
}

func (b *ErrorBanner) onDismiss(ctx app.Context, e app.Event) {
	defer recoverTo(ctx, nil)
	if b.OnDismiss != nil {
		b.OnDismiss(ctx)
	}
}
