package ui

import (
	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// RolePanel says what the chosen job is: what people in it do, the education it
// usually asks for (and where that comes from), the certifications the model counts for
// it, whose wages stand for it, and how people get in from a clinical background, from
// IT, or new to both.
type RolePanel struct {
	app.Compo

	Lang     text.Lang     // language of every string
	Role     estimate.Role // the role
	SOC      string        // BLS occupation code whose wages are used
	SOCTitle string        // BLS title of that occupation
}

// Render draws the panel.
func (c *RolePanel) Render() app.UI {
	t := text.For(c.Lang)
	return safeRender(t, func() app.UI {
		ri, _ := estimate.LookupRole(c.Role)
		key := "role." + string(c.Role)
		var certs []app.UI
		for _, cert := range ri.Certs {
			certs = append(certs, app.Li().Text(t.T("cert."+string(cert))))
		}
		wages := t.F("role.wages", "soc", c.SOC, "title", c.SOCTitle)
		if ri.Proxy {
			wages += " " + t.T("role.wages.proxy")
		}
		paths := []app.UI{}
		for _, b := range estimate.Backgrounds() {
			if s, ok := t.Lookup(key + ".path." + string(b)); ok {
				paths = append(paths,
					app.Dt().Text(t.T("role.path."+string(b))),
					app.Dd().Text(s),
				)
			}
		}
		return app.Section().ID("role-info").Class("card", "role").Aria("labelledby", "role-title").Body(
			app.H2().ID("role-title").Text(t.F("role.title", "role", roleName(t, c.Role))),
			app.P().Class("role__does").Text(t.T(key+".does")),
			app.Dl().Class("role__facts").Body(
				app.Div().Body(
					app.Dt().Text(t.T("role.typical")),
					app.Dd().Body(
						app.Text(t.T("edu."+string(ri.Typical))),
						app.Small().Class("role__from").Text(" "+t.F("role.typical.from", "from", ri.TypicalFrom)),
					),
				),
				app.Div().Body(
					app.Dt().Text(t.T("role.wages.label")),
					app.Dd().Text(wages),
				),
			),
			app.H3().Text(t.T("role.certs")),
			app.If(len(certs) > 0, func() app.UI { return app.Ul().Class("inline-list").Body(certs...) }),
			app.If(len(certs) == 0, func() app.UI { return app.P().Text(t.T("role.certs.none")) }),
			app.P().Class("help").Text(t.T("role.certs.thin")),
			app.H3().Text(t.T("role.paths")),
			app.Dl().Class("role__paths").Body(paths...),
		)
	})
}
