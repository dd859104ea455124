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
// #role, #state, #metro, #years, #edu, #employer, input[name=certs]#cert-<slug>,
// input[name=bg]#bg-<slug>, #prior and #from, inside form#scenario.
type Form struct {
	app.Compo

	Lang      text.Lang      // language of every string
	Input     estimate.Input // the scenario to show
	YearsText string         // the years field as typed
	YearsNote string         // text key of a problem with YearsText, or ""
	PriorText string         // the prior-years field as typed
	PriorNote string         // text key of a problem with PriorText, or ""
	Locked    []string       // URL parameter names shown but not editable (embed pages)
	Compact   bool           // a compact embed (view=compact): the role's description is not on the page

	OnChange func(app.Context, Change) // called for every edit
	OnReset  func(app.Context)         // called by the start-over button
	OnFault  func(app.Context, any)    // called with a recovered panic
}

// formID is the id of the form element; web/carry.js looks for it.
const formID = "scenario"

// Render draws the form. Each field is its own component whose fields are small
// values (the field's current value, the role for the certifications): go-app renders a
// child again only when one of its fields changed, so typing in the years field does
// not rebuild the fifty-odd options of the state select.
func (f *Form) Render() app.UI {
	t := text.For(f.Lang)
	return safeRender(t, func() app.UI {
		in := f.Input
		return el("form").ID(formID).Class("card", "form").Aria("labelledby", "form-title").
			Attr("novalidate", true).OnSubmit(f.onSubmit).Body(
			ht("h2|id=form-title|tabindex=-1", t.T("form.title")), // target of the skip link
			txt("p", "form__intro", t.T("form.intro")),
			&selectInput{Lang: f.Lang, Param: estimate.ParamRole, Value: string(in.Role), Locked: f.locked(estimate.ParamRole), Compact: f.Compact, Form: f},
			&selectInput{Lang: f.Lang, Param: estimate.ParamState, Value: in.State, Locked: f.locked(estimate.ParamState), Form: f},
			&selectInput{Lang: f.Lang, Param: estimate.ParamMetro, State: in.State, Value: in.Metro, Locked: f.locked(estimate.ParamMetro) || f.locked(estimate.ParamState), Form: f},
			&yearsInput{Lang: f.Lang, Param: estimate.ParamYears, Text: f.YearsText, Note: f.YearsNote, Used: in.Years, Locked: f.locked(estimate.ParamYears), Form: f},
			&selectInput{Lang: f.Lang, Param: estimate.ParamEducation, Value: string(in.Education), Locked: f.locked(estimate.ParamEducation), Form: f},
			&selectInput{Lang: f.Lang, Param: estimate.ParamEmployer, Value: string(in.Employer), Locked: f.locked(estimate.ParamEmployer), Form: f},
			&certInputs{Lang: f.Lang, Role: in.Role, Certs: in.Certs, Locked: f.locked(estimate.ParamCerts), Form: f},
			&bgInputs{Lang: f.Lang, Value: in.Background, Locked: f.locked(estimate.ParamBackground), Form: f},
			&yearsInput{Lang: f.Lang, Param: estimate.ParamPrior, Text: f.PriorText, Note: f.PriorNote, Used: in.Prior, Locked: f.locked(estimate.ParamPrior), Form: f},
			&selectInput{Lang: f.Lang, Param: estimate.ParamFrom, Value: string(in.From), Locked: f.locked(estimate.ParamFrom), Form: f},
			box("div", "form__actions",
				hs("button|type=button|id=reset|class=button button--quiet|aria-describedby=reset-help").OnClick(f.onReset).Text(t.T("form.reset")),
				ht("p|id=reset-help|class=help", t.T("form.reset.help")),
			),
		)
	})
}

func (f *Form) locked(param string) bool { return slices.Contains(f.Locked, param) }

// selectIDs maps the URL parameter of each select to its element id (the contract).
var selectIDs = map[string]string{
	estimate.ParamRole:      "role",
	estimate.ParamState:     "state",
	estimate.ParamMetro:     "metro",
	estimate.ParamEducation: "edu",
	estimate.ParamEmployer:  "employer",
	estimate.ParamFrom:      "from",
}

// selectInput is a labelled select with its help text, for one URL parameter. Its
// options depend on the parameter and the language only, so it renders again only when
// its value changes.
type selectInput struct {
	app.Compo

	Lang    text.Lang // language of every string
	Param   string    // the URL parameter it edits
	Value   string    // the selected value
	State   string    // for the metro select: the state whose metro areas are offered
	Locked  bool      // shown but not editable (embed pages)
	Compact bool      // the role select of a compact embed, whose help points to the full app
	Form    *Form     // the form the edits go to (the same pointer every render)

	metrosFailed bool // the metro select: the metro table could not be had (metro.go)
}

// Render draws the field.
func (c *selectInput) Render() app.UI {
	t := text.For(c.Lang)
	return safeRender(t, func() app.UI {
		id := selectIDs[c.Param]
		if c.Locked { // shown as text, not a control (embed.go)
			return lockedField(t, id, t.T("field."+c.Param), lockedSelectValue(t, c.Param, c.Value))
		}
		help := id + "-help"
		describedBy := help
		helpKey, disabled := "help."+c.Param, c.Locked
		if c.Compact {
			helpKey = "help.role.compact" // only the role select is Compact
		}
		if c.Param == estimate.ParamMetro {
			helpKey, disabled = c.metroHelp(), c.Locked || len(estimate.MetrosOf(c.State)) == 0
		}
		var lockNote app.UI
		if c.Locked {
			describedBy += " " + id + "-locked"
			lockNote = el("p").ID(id + "-locked").Class("help help--locked").Text(t.T("form.locked"))
		}
		sel := el("select").ID(id).Attr("name", c.Param).Aria("describedby", describedBy).
			OnChange(c.onChange).Body(c.options(t)...)
		if disabled {
			sel = sel.Attr("disabled", true)
		}
		helpText := el("p").ID(help).Class("help").Text(t.T(helpKey))
		if c.Param == estimate.ParamMetro {
			helpText = helpText.Aria("live", "polite") // it says when the metros are loading or failed
		}
		return box("div", "field",
			el("label").Attr("for", id).Class("field__label").Text(t.T("field."+c.Param)),
			sel,
			helpText,
			lockNote,
		)
	})
}

// options lists the select's choices with the current one selected.
func (c *selectInput) options(t *text.Catalog) []app.UI {
	var out []app.UI
	switch c.Param {
	case estimate.ParamRole:
		for _, g := range groupedRoles() {
			opts := make([]app.UI, 0, len(g.roles))
			for _, r := range g.roles {
				opts = append(opts, option(string(r), roleName(t, r), string(r) == c.Value))
			}
			out = append(out, el("optgroup").Attr("label", t.T("group."+g.key)).Body(opts...))
		}
	case estimate.ParamState:
		for _, a := range areasByName(t) {
			out = append(out, option(a.Code, areaName(t, a), a.Code == c.Value))
		}
	case estimate.ParamEducation:
		for _, e := range estimate.Educations() {
			out = append(out, option(string(e), t.T("edu."+string(e)), string(e) == c.Value))
		}
	case estimate.ParamEmployer:
		for _, e := range estimate.Employers() {
			out = append(out, option(string(e), t.T("employer."+string(e)), string(e) == c.Value))
		}
	case estimate.ParamMetro:
		out = c.metroOptions(t)
	case estimate.ParamFrom:
		// "none", not "": go-app drops an empty value attribute, and the option's
		// value would then be its label, which the model does not know.
		out = append(out, option("none", t.T("from.none"), c.Value == ""))
		groups := map[string][]app.UI{}
		for _, o := range estimate.Origins() {
			groups[o.Group] = append(groups[o.Group], option(string(o.Slug), originName(t, o), string(o.Slug) == c.Value))
		}
		for _, g := range []string{"clinical", "it", "roles"} {
			out = append(out, el("optgroup").Attr("label", t.T("from.group."+g)).Body(groups[g]...))
		}
	}
	return out
}

// originName is the translated name of a current occupation: a catalogue role's name, or
// the origin's own, or the model's English name for one the catalogue does not know.
func originName(t *text.Catalog, o estimate.OriginInfo) string {
	if _, isRole := estimate.LookupRole(estimate.Role(o.Slug)); isRole {
		return roleName(t, estimate.Role(o.Slug))
	}
	if s, ok := t.Lookup("origin." + string(o.Slug)); ok {
		return s
	}
	return o.Name
}

func (c *selectInput) onChange(ctx app.Context, e app.Event) {
	defer recoverTo(ctx, c.Form.fault)
	c.Form.emit(ctx, Change{Field: c.Param, Value: ctx.JSSrc().Get("value").String()})
}

// option is a select's option.
func option(value, label string, selected bool) app.UI {
	return &optionItem{Value: value, Label: label, Selected: selected}
}

// optionItem is an option element. It is a component so that a new choice redraws two
// options (the one left and the one chosen), not every option of the select: go-app
// compares the three fields of each and renders only those that changed.
type optionItem struct {
	app.Compo

	Value    string // the value the model reads
	Label    string // what the reader sees
	Selected bool   // the current choice
}

// Render draws the option. Selected is only ever set to true in pre-rendered HTML:
// go-app writes selected="false", which HTML reads as selected. In the browser it is set
// both ways, so a change of scenario from code also moves the selection.
func (c *optionItem) Render() app.UI {
	o := el("option").Attr("value", c.Value).Text(c.Label)
	if c.Selected || app.IsClient {
		o = o.Attr("selected", c.Selected)
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

// yearsInput is a number input of years (experience, or years in a previous field). Its
// value is the text as typed, so people can clear it and type again; a problem is shown
// beside it and the last good value stays in use.
type yearsInput struct {
	app.Compo

	Lang   text.Lang // language of every string
	Param  string    // estimate.ParamYears or estimate.ParamPrior: the id, name and text keys
	Text   string    // the field as typed
	Note   string    // text key of a problem with Text, or ""
	Used   int       // the years the estimate uses
	Locked bool      // shown but not editable (embed pages)
	Form   *Form     // the form the edits go to
}

// Render draws the field.
func (c *yearsInput) Render() app.UI {
	t := text.For(c.Lang)
	return safeRender(t, func() app.UI {
		id := c.Param
		if c.Locked {
			return lockedField(t, id, t.T("field."+c.Param), t.Int(c.Used))
		}
		describedBy := id + "-help"
		var problem app.UI
		if c.Note != "" {
			describedBy = id + "-problem " + describedBy
			problem = el("p").ID(id + "-problem").Class("help help--problem").Text(
				t.F(c.Note, "min", t.Int(estimate.MinYears), "max", t.Int(estimate.MaxYears),
					"used", t.Int(c.Used)))
		}
		in := void("input").Attr("type", "number").ID(id).Attr("name", c.Param).
			Attr("min", estimate.MinYears).Attr("max", estimate.MaxYears).Attr("step", "1").
			Attr("inputmode", "numeric").Attr("autocomplete", "off").
			Attr("value", c.Text).Aria("describedby", describedBy).OnInput(c.onInput)
		if c.Note != "" {
			in = in.Aria("invalid", "true")
		}
		if c.Locked {
			in = in.Attr("disabled", true)
		}
		return box("div", "field field--years",
			el("label").Attr("for", id).Class("field__label").Text(t.T("field."+c.Param)),
			in,
			problem,
			el("p").ID(id+"-help").Class("help").Text(
				t.F("help."+c.Param, "min", t.Int(estimate.MinYears), "max", t.Int(estimate.MaxYears))),
		)
	})
}

func (c *yearsInput) onInput(ctx app.Context, e app.Event) {
	defer recoverTo(ctx, c.Form.fault)
	c.Form.emit(ctx, Change{Field: c.Param, Value: ctx.JSSrc().Get("value").String()})
}

// certInputs is the certification checkboxes. Every certification can be ticked; those
// the model does not count for the chosen role say so.
type certInputs struct {
	app.Compo

	Lang   text.Lang       // language of every string
	Role   estimate.Role   // the role, which decides which certifications count
	Certs  []estimate.Cert // the certifications held
	Locked bool            // shown but not editable (embed pages)
	Form   *Form           // the form the edits go to
}

// Render draws the checkboxes.
func (c *certInputs) Render() app.UI {
	t := text.For(c.Lang)
	return safeRender(t, func() app.UI {
		if c.Locked {
			return lockedField(t, estimate.ParamCerts, t.T("field.certs"), usedValue(t, estimate.ParamCerts, estimate.Input{Certs: c.Certs}))
		}
		ri, _ := estimate.LookupRole(c.Role)
		all := estimate.Certs()
		items := make([]app.UI, 0, len(all))
		for _, cert := range all {
			items = append(items, &certItem{Lang: c.Lang, Cert: cert, Held: slices.Contains(c.Certs, cert),
				Counted: ri.CountsFor(cert), Form: c.Form})
		}
		return choiceGroup(t, "certs", items)
	})
}

// certItem is one certification's checkbox. It is a component so that ticking a box, or
// a role that counts other certifications, redraws the items that changed, not the
// whole list with its help texts.
type certItem struct {
	app.Compo

	Lang    text.Lang     // language of every string
	Cert    estimate.Cert // the certification
	Held    bool          // ticked
	Counted bool          // the model counts it for the chosen role
	Form    *Form         // the form the edits go to
}

// Render draws the item.
func (c *certItem) Render() app.UI {
	t := text.For(c.Lang)
	return safeRender(t, func() app.UI {
		id := "cert-" + string(c.Cert)
		about := id + "-about"
		describedBy := about
		var notCounted app.UI
		if !c.Counted {
			describedBy = id + "-nc " + about
			notCounted = el("span").ID(id + "-nc").Class("tag tag--muted").Text(t.T("certs.notcounted"))
		}
		in := choiceInput("checkbox", id, estimate.ParamCerts, string(c.Cert), describedBy, c.Held, false).OnChange(c.onChange)
		// The tag comes and goes with the role: in a slot, the help after it keeps its place.
		return choiceItem(in, id, t.T("cert."+string(c.Cert)), slot(notCounted), about, t.T("cert."+string(c.Cert)+".about"))
	})
}

func (c *certItem) onChange(ctx app.Context, e app.Event) {
	defer recoverTo(ctx, c.Form.fault)
	c.Form.emit(ctx, Change{Field: estimate.ParamCerts, Value: string(c.Cert), On: ctx.JSSrc().Get("checked").Bool()})
}

// choiceGroup is the fieldset of a group of checkboxes or radios: its legend, its help
// (id name+"-help", described by the fieldset) and the list of choiceItem items. name is
// the field's URL parameter, which also keys its strings: field.<name>, help.<name>.
func choiceGroup(t *text.Catalog, name string, items []app.UI) app.UI {
	return el("fieldset").Class("field field--group").Aria("describedby", name+"-help").Body(
		txt("legend", "field__label", t.T("field."+name)),
		el("p").ID(name+"-help").Class("help").Text(t.T("help."+name)),
		box("ul", "choices", items...),
	)
}

// choiceInput is one checkbox or radio of a choice group. checked is written only when
// true on the server (go-app pre-renders checked="false" as checked) and always in the
// browser, where it sets the property.
func choiceInput(typ, id, name, value, describedBy string, checked, locked bool) app.HTMLElemSelfClosing {
	in := void("input").Attr("type", typ).ID(id).Attr("name", name).Attr("value", value).
		Aria("describedby", describedBy)
	if checked || app.IsClient {
		in = in.Attr("checked", checked)
	}
	if locked {
		in = in.Attr("disabled", true)
	}
	return in
}

// choiceItem is a choice group's list item: the input, its label, an optional tag
// after the label (nil for none) and the help paragraph with id about.
func choiceItem(in app.UI, id, label string, tag app.UI, about, help string) app.UI {
	return box("li", "choice",
		in,
		box("div", "choice__text",
			el("label").Attr("for", id).Class("choice__label").Text(label),
			tag,
			el("p").ID(about).Class("help").Text(help),
		),
	)
}

// bgInputs is the background radios.
type bgInputs struct {
	app.Compo

	Lang   text.Lang           // language of every string
	Value  estimate.Background // the chosen background
	Locked bool                // shown but not editable (embed pages)
	Form   *Form               // the form the edits go to
}

// Render draws the radios.
func (c *bgInputs) Render() app.UI {
	t := text.For(c.Lang)
	return safeRender(t, func() app.UI {
		if c.Locked {
			return lockedField(t, estimate.ParamBackground, t.T("field.bg"), t.T("bg."+string(c.Value)))
		}
		all := estimate.Backgrounds()
		items := make([]app.UI, 0, len(all))
		for _, b := range all {
			id := "bg-" + string(b)
			radio := choiceInput("radio", id, estimate.ParamBackground, string(b), id+"-about",
				b == c.Value, c.Locked).OnChange(c.onChange(b))
			items = append(items, choiceItem(radio, id, t.T("bg."+string(b)), nil,
				id+"-about", t.T("bg."+string(b)+".about")))
		}
		return choiceGroup(t, "bg", items)
	})
}

func (c *bgInputs) onChange(b estimate.Background) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		defer recoverTo(ctx, c.Form.fault)
		if ctx.JSSrc().Get("checked").Bool() {
			c.Form.emit(ctx, Change{Field: estimate.ParamBackground, Value: string(b)})
		}
	}
}

// Event handlers. Each recovers first: see recoverTo.

func (f *Form) emit(ctx app.Context, ch Change) {
	if f.OnChange != nil {
		f.OnChange(ctx, ch)
	}
}

// fault reports a recovered panic of a field's handler.
func (f *Form) fault(ctx app.Context, r any) {
	if f.OnFault != nil {
		f.OnFault(ctx, r)
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
	return t.AreaName(a.Code, a.Name)
}
