package ui

import (
	"slices"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Form is every input of the estimator, each labelled, described and usable from the
// keyboard. It has no submit button: each edit is reported at once through OnChange.
// Its ids and names are the contract the end-to-end tests and web/carry.js rely on:
// #role, #state, #years, #edu, #employer, input[name=certs]#cert-<slug> and
// input[name=bg]#bg-<slug>, inside form#scenario.
type Form struct {
	app.Compo

	Lang      text.Lang      // language of every string
	Input     estimate.Input // the scenario to show
	YearsText string         // the years field as typed
	YearsNote string         // text key of a problem with YearsText, or ""
	Locked    []string       // URL parameter names shown but not editable (embed pages)

	OnChange func(app.Context, Change) // called for every edit
	OnReset  func(app.Context)         // called by the start-over button
	OnFault  func(app.Context, any)    // called with a recovered panic
}

// formID is the id of the form element; web/carry.js looks for it.
const formID = "scenario"

// Render draws the form.
func (f *Form) Render() app.UI {
	t := text.For(f.Lang)
	return safeRender(t, func() app.UI {
		ri, _ := estimate.LookupRole(f.Input.Role)
		return app.Form().ID(formID).Class("card", "form").Aria("labelledby", "form-title").
			Attr("novalidate", true).OnSubmit(f.onSubmit).Body(
			app.H2().ID("form-title").Text(t.T("form.title")),
			app.P().Class("form__intro").Text(t.T("form.intro")),
			f.selectField(t, estimate.ParamRole, "role", f.roleOptions(t)),
			f.selectField(t, estimate.ParamState, "state", f.stateOptions(t)),
			f.yearsField(t),
			f.selectField(t, estimate.ParamEducation, "edu", f.educationOptions(t)),
			f.selectField(t, estimate.ParamEmployer, "employer", f.employerOptions(t)),
			f.certField(t, ri),
			f.backgroundField(t),
			app.Div().Class("form__actions").Body(
				app.Button().Type("button").ID("reset").Class("button button--quiet").
					Aria("describedby", "reset-help").OnClick(f.onReset).Text(t.T("form.reset")),
				app.P().ID("reset-help").Class("help").Text(t.T("form.reset.help")),
			),
		)
	})
}

func (f *Form) locked(param string) bool { return slices.Contains(f.Locked, param) }

// selectField is a labelled select with its help text. id is the element id of the
// contract, param the URL parameter it edits.
func (f *Form) selectField(t *text.Catalog, param, id string, options []app.UI) app.UI {
	help := id + "-help"
	describedBy := help
	var lockNote app.UI
	if f.locked(param) {
		describedBy += " " + id + "-locked"
		lockNote = app.P().ID(id + "-locked").Class("help help--locked").Text(t.T("form.locked"))
	}
	sel := app.Select().ID(id).Name(param).Aria("describedby", describedBy).
		OnChange(f.onSelect(param)).Body(options...)
	if f.locked(param) {
		sel = sel.Disabled(true)
	}
	return app.Div().Class("field").Body(
		app.Label().For(id).Class("field__label").Text(t.T("field."+param)),
		sel,
		app.P().ID(help).Class("help").Text(t.T("help."+param)),
		lockNote,
	)
}

// option is an option element. Selected is only ever set to true in pre-rendered HTML:
// go-app writes selected="false", which HTML reads as selected. In the browser it is set
// both ways, so a change of scenario from code also moves the selection.
func option(value, label string, selected bool) app.UI {
	o := app.Option().Value(value).Text(label)
	if selected || app.IsClient {
		o = o.Selected(selected)
	}
	return o
}

// roleGroup is an optgroup of the role select.
type roleGroup struct {
	key   string // text key of the group label: "group.<key>"
	roles []estimate.Role
}

// roleGroups groups the roles for the select. A role of the catalogue that no group
// names lands in "other", so a role the model adds is never lost.
var roleGroups = []roleGroup{
	{"clinical", []estimate.Role{"ehr-analyst", "informatics", "data-analyst"}},
	{"records", []estimate.Role{"medical-records", "health-info-tech"}},
	{"tech", []estimate.Role{"it-support", "network-admin", "security-analyst", "database-admin", "software-developer"}},
	{"lead", []estimate.Role{"it-project-manager", "it-manager", "him-director", "consultant"}},
}

// groupedRoles returns the select's groups, each with the catalogue's roles in
// catalogue order, empty groups left out.
func groupedRoles() []roleGroup {
	all := estimate.Roles()
	var out []roleGroup
	placed := map[estimate.Role]bool{}
	for _, g := range roleGroups {
		ng := roleGroup{key: g.key}
		for _, ri := range all {
			if slices.Contains(g.roles, ri.Slug) && !placed[ri.Slug] {
				ng.roles = append(ng.roles, ri.Slug)
				placed[ri.Slug] = true
			}
		}
		if len(ng.roles) > 0 {
			out = append(out, ng)
		}
	}
	other := roleGroup{key: "other"}
	for _, ri := range all {
		if !placed[ri.Slug] {
			other.roles = append(other.roles, ri.Slug)
		}
	}
	if len(other.roles) > 0 {
		out = append(out, other)
	}
	return out
}

func (f *Form) roleOptions(t *text.Catalog) []app.UI {
	var out []app.UI
	for _, g := range groupedRoles() {
		var opts []app.UI
		for _, r := range g.roles {
			opts = append(opts, option(string(r), roleName(t, r), r == f.Input.Role))
		}
		out = append(out, app.OptGroup().Label(t.T("group."+g.key)).Body(opts...))
	}
	return out
}

func (f *Form) stateOptions(t *text.Catalog) []app.UI {
	var out []app.UI
	for _, a := range estimate.Areas() {
		out = append(out, option(a.Code, areaName(t, a), a.Code == f.Input.State))
	}
	return out
}

func (f *Form) educationOptions(t *text.Catalog) []app.UI {
	var out []app.UI
	for _, e := range estimate.Educations() {
		out = append(out, option(string(e), t.T("edu."+string(e)), e == f.Input.Education))
	}
	return out
}

func (f *Form) employerOptions(t *text.Catalog) []app.UI {
	var out []app.UI
	for _, e := range estimate.Employers() {
		out = append(out, option(string(e), t.T("employer."+string(e)), e == f.Input.Employer))
	}
	return out
}

// yearsField is the number input. Its value is the text as typed, so people can clear
// it and type again; a problem is shown beside it and the last good value stays in use.
func (f *Form) yearsField(t *text.Catalog) app.UI {
	const id = "years"
	describedBy := "years-help"
	var problem app.UI
	if f.YearsNote != "" {
		describedBy = "years-problem " + describedBy
		problem = app.P().ID("years-problem").Class("help help--problem").Text(
			t.F(f.YearsNote, "min", t.Int(estimate.MinYears), "max", t.Int(estimate.MaxYears),
				"used", t.Int(f.Input.Years)))
	}
	in := app.Input().Type("number").ID(id).Name(estimate.ParamYears).
		Min(estimate.MinYears).Max(estimate.MaxYears).Attr("step", "1").
		Attr("inputmode", "numeric").Attr("autocomplete", "off").
		Value(f.YearsText).Aria("describedby", describedBy).OnInput(f.onYears)
	if f.YearsNote != "" {
		in = in.Aria("invalid", "true")
	}
	if f.locked(estimate.ParamYears) {
		in = in.Disabled(true)
	}
	return app.Div().Class("field field--years").Body(
		app.Label().For(id).Class("field__label").Text(t.T("field.years")),
		in,
		problem,
		app.P().ID("years-help").Class("help").Text(
			t.F("help.years", "min", t.Int(estimate.MinYears), "max", t.Int(estimate.MaxYears))),
	)
}

// certField is the certification checkboxes. Every certification can be ticked; those
// the model does not count for the chosen role say so.
func (f *Form) certField(t *text.Catalog, ri estimate.RoleInfo) app.UI {
	var items []app.UI
	for _, c := range estimate.Certs() {
		id := "cert-" + string(c)
		about := id + "-about"
		describedBy := about
		var notCounted app.UI
		if !ri.CountsFor(c) {
			describedBy = id + "-nc " + about
			notCounted = app.Span().ID(id + "-nc").Class("tag tag--muted").Text(t.T("certs.notcounted"))
		}
		box := app.Input().Type("checkbox").ID(id).Name(estimate.ParamCerts).Value(string(c)).
			Aria("describedby", describedBy).OnChange(f.onCert(c))
		if held := slices.Contains(f.Input.Certs, c); held || app.IsClient {
			box = box.Checked(held)
		}
		if f.locked(estimate.ParamCerts) {
			box = box.Disabled(true)
		}
		items = append(items, app.Li().Class("choice").Body(
			box,
			app.Div().Class("choice__text").Body(
				app.Label().For(id).Class("choice__label").Text(t.T("cert."+string(c))),
				notCounted,
				app.P().ID(about).Class("help").Text(t.T("cert."+string(c)+".about")),
			),
		))
	}
	return app.FieldSet().Class("field field--group").Aria("describedby", "certs-help").Body(
		app.Legend().Class("field__label").Text(t.T("field.certs")),
		app.P().ID("certs-help").Class("help").Text(t.T("help.certs")),
		app.Ul().Class("choices").Body(items...),
	)
}

// backgroundField is the background radios.
func (f *Form) backgroundField(t *text.Catalog) app.UI {
	var items []app.UI
	for _, b := range estimate.Backgrounds() {
		id := "bg-" + string(b)
		radio := app.Input().Type("radio").ID(id).Name(estimate.ParamBackground).Value(string(b)).
			Aria("describedby", id+"-about").OnChange(f.onBackground(b))
		if on := b == f.Input.Background; on || app.IsClient {
			radio = radio.Checked(on)
		}
		if f.locked(estimate.ParamBackground) {
			radio = radio.Disabled(true)
		}
		items = append(items, app.Li().Class("choice").Body(
			radio,
			app.Div().Class("choice__text").Body(
				app.Label().For(id).Class("choice__label").Text(t.T("bg."+string(b))),
				app.P().ID(id+"-about").Class("help").Text(t.T("bg."+string(b)+".about")),
			),
		))
	}
	return app.FieldSet().Class("field field--group").Aria("describedby", "bg-help").Body(
		app.Legend().Class("field__label").Text(t.T("field.bg")),
		app.P().ID("bg-help").Class("help").Text(t.T("help.bg")),
		app.Ul().Class("choices").Body(items...),
	)
}

// Event handlers. Each recovers first: see recoverTo.

func (f *Form) emit(ctx app.Context, ch Change) {
	if f.OnChange != nil {
		f.OnChange(ctx, ch)
	}
}

func (f *Form) onSelect(param string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		defer recoverTo(ctx, f.OnFault)
		f.emit(ctx, Change{Field: param, Value: ctx.JSSrc().Get("value").String()})
	}
}

func (f *Form) onYears(ctx app.Context, e app.Event) {
	defer recoverTo(ctx, f.OnFault)
	f.emit(ctx, Change{Field: estimate.ParamYears, Value: ctx.JSSrc().Get("value").String()})
}

func (f *Form) onCert(c estimate.Cert) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		defer recoverTo(ctx, f.OnFault)
		f.emit(ctx, Change{Field: estimate.ParamCerts, Value: string(c), On: ctx.JSSrc().Get("checked").Bool()})
	}
}

func (f *Form) onBackground(b estimate.Background) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		defer recoverTo(ctx, f.OnFault)
		if ctx.JSSrc().Get("checked").Bool() {
			f.emit(ctx, Change{Field: estimate.ParamBackground, Value: string(b)})
		}
	}
}

func (f *Form) onReset(ctx app.Context, e app.Event) {
	defer recoverTo(ctx, f.OnFault)
	if f.OnReset != nil {
		f.OnReset(ctx)
	}
}

// onSubmit keeps Enter in the years field from submitting the form (web/carry.js does
// the same before the app runs, since go-app handlers run after the event).
func (f *Form) onSubmit(ctx app.Context, e app.Event) {
	defer recoverTo(ctx, f.OnFault)
	e.PreventDefault()
}

// roleName is the translated name of a role, or the model's English name for a role the
// catalogue does not know yet.
func roleName(t *text.Catalog, r estimate.Role) string {
	if s, ok := t.Lookup("role." + string(r) + ".name"); ok {
		return s
	}
	if ri, ok := estimate.LookupRole(r); ok {
		return ri.Name
	}
	return string(r)
}

// areaName is "United States (national)" for the nation, else the state's own name.
func areaName(t *text.Catalog, a estimate.Area) string {
	if a.Code == "US" {
		return t.T("area.us")
	}
	return a.Name
}
