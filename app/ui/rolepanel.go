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
			certs = append(certs, el("li").Text(t.T("cert."+string(cert))))
		}
		wages := t.F("role.wages", "soc", c.SOC, "title", c.SOCTitle)
		if ri.Proxy {
			wages += " " + t.T("role.wages.proxy")
		}
		paths := []app.UI{}
		for _, b := range estimate.Backgrounds() {
			if s, ok := t.Lookup(key + ".path." + string(b)); ok {
				paths = append(paths,
					el("dt").Text(t.T("role.path."+string(b))),
					el("dd").Text(s),
				)
			}
		}
		return el("section").ID("role-info").Class("card", "role").Aria("labelledby", "role-title").Body(
			el("h2").ID("role-title").Text(t.F("role.title", "role", roleName(t, c.Role))),
			el("p").Class("role__does").Text(t.T(key+".does")),
			el("dl").Class("role__facts").Body(
				el("div").Body(
					el("dt").Text(t.T("role.typical")),
					el("dd").Body(
						app.Text(t.T("edu."+string(ri.Typical))),
						el("small").Class("role__from").Text(" "+t.F("role.typical.from", "from", ri.TypicalFrom)),
					),
				),
				el("div").Body(
					el("dt").Text(t.T("role.wages.label")),
					el("dd").Text(wages),
				),
			),
			el("h3").Text(t.T("role.certs")),
			app.If(len(certs) > 0, func() app.UI { return el("ul").Class("inline-list").Body(certs...) }),
			app.If(len(certs) == 0, func() app.UI { return el("p").Text(t.T("role.certs.none")) }),
			el("p").Class("help").Text(t.T("role.certs.thin")),
			el("h3").Text(t.T("role.paths")),
			el("dl").Class("role__paths").Body(paths...),
		)
	})
}
