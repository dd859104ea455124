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

	Lang     text.Lang          // language of every string
	Role     estimate.Role      // the role
	SOC      string             // BLS occupation code whose wages are used
	SOCTitle string             // BLS title of that occupation
	Notes    []estimate.Message // the model's facts about the role (a stand-in series, a shared one...)
}

// Render draws the panel.
func (c *RolePanel) Render() app.UI {
	t := text.For(c.Lang)
	return safeRender(t, func() app.UI {
		ri, _ := estimate.LookupRole(c.Role)
		key := "role." + string(c.Role)
		var certs []app.UI
		for _, cert := range ri.Certs {
			certs = append(certs, txt("li", "", t.T("cert."+string(cert))))
		}
		wages := t.F("role.wages", "soc", c.SOC, "title", c.SOCTitle)
		notes := make([]app.UI, 0, len(c.Notes))
		for _, m := range c.Notes {
			notes = append(notes, el("p").Class("role__note").DataSet("note", m.Key).Text(t.Message(m)))
		}
		paths := []app.UI{}
		for _, b := range estimate.Backgrounds() {
			if s, ok := t.Lookup(key + ".path." + string(b)); ok {
				paths = append(paths,
					txt("dt", "", t.T("role.path."+string(b))),
					txt("dd", "", s),
				)
			}
		}
		return h("section|id=role-info|class=card role|aria-labelledby=role-title",
			ht("h2|id=role-title", t.F("role.title", "role", roleName(t, c.Role))),
			txt("p", "role__does", t.T(key+".does")),
			box("dl", "role__facts",
				box("div", "",
					txt("dt", "", t.T("role.typical")),
					box("dd", "",
						app.Text(t.T("edu."+string(ri.Typical))),
						txt("small", "role__from", " "+t.F("role.typical.from", "from", ri.TypicalFrom)),
						txt("small", "role__from role__editions", " "+t.T("role.typical.editions")),
					),
				),
				box("div", "",
					txt("dt", "", t.T("role.wages.label")),
					box("dd", "", append([]app.UI{app.Text(wages)}, notes...)...),
				),
			),
			txt("h3", "", t.T("role.certs")),
			app.If(len(certs) > 0, func() app.UI { return box("ul", "inline-list", certs...) }),
			app.If(len(certs) == 0, func() app.UI { return txt("p", "", t.T("role.certs.none")) }),
			txt("p", "help", t.T("role.certs.thin")),
			txt("h3", "", t.T("role.paths")),
			box("dl", "role__paths", paths...),
		)
	})
}
