package docpage

import (
	"html"
	"strings"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
)

// ClearData is the privacy page's section with the button that clears what the site
// keeps on the device. web/privacy.js does the clearing and shows the button (hidden
// without JavaScript, where the page's text says how to clear it in the browser).
func ClearData(t *text.Catalog) string {
	esc := html.EscapeString
	return `<section class="clear-data" aria-labelledby="clear-title" data-testid="clear-data"` +
		` data-msg-done="` + esc(t.T("privacy.clear.done")) + `" data-msg-failed="` + esc(t.T("privacy.clear.failed")) + `">
<h2 id="clear-title">` + esc(t.T("privacy.clear.title")) + `</h2>
<p>` + esc(t.T("privacy.clear.intro")) + `</p>
<p><button type="button" id="clear-data" class="button" hidden>` + esc(t.T("privacy.clear.button")) + `</button></p>
<p id="clear-status" class="clear-data__status" role="status"></p>
</section>
`
}

// BuilderScripts are the embed builder's scripts: embedded.js (the accent and origin
// rules the embedded app applies), embed.js (so the preview fits its content, as on a
// portal) and builder.js (the form, the code and the copy button).
var BuilderScripts = []string{"web/embedded.js", "web/embed.js", "web/builder.js"}

// Builder renders the embed builder in the language of t: a form of the choices a portal
// has (role, state, fixed fields, layout, theme, accent, its origin, size, sandbox), the code to
// paste and a live preview. The form is rendered here, in the catalogue's words and from
// the model's own lists; web/builder.js turns the choices into the code and the
// preview's address. base is the site's base path, such as "/hit-salary/"; o gives the
// way back (Home) and the language versions (Languages), as for a document.
//
// The form's data-lang is the embed's lang= (embedLang): builder.js reads it from there,
// so a Spanish builder writes a Spanish embed.
func Builder(base string, t *text.Catalog, o Options) ([]byte, error) {
	esc := html.EscapeString
	var b strings.Builder
	w := func(s ...string) {
		for _, x := range s {
			b.WriteString(x)
		}
	}
	msg := func(name, key string) string { return ` data-msg-` + name + `="` + esc(t.T(key)) + `"` }
	w(`<h1>`, esc(t.T("builder.title")), `</h1>
<p>`, esc(t.T("builder.lead")), `</p>
<form id="builder" class="builder" novalidate data-app="`, esc(base), `"`, embedLangAttr(t),
		msg("copied", "builder.copied"), msg("copy-failed", "builder.copy.failed"),
		msg("accent-ok", "builder.accent.ok"), msg("accent-adjusted", "builder.accent.adjusted"),
		msg("accent-bad", "builder.accent.bad"), msg("host-bad", "builder.host.bad"),
		msg("frame", "builder.frame"), `>
<h2>`, esc(t.T("builder.choices")), `</h2>
`)
	// Role and state: the reader chooses, or the page presets them.
	w(`<div class="field"><label class="field__label" for="b-role">`, esc(t.T("field.role")), `</label>
<select id="b-role" name="role"><option value="">`, esc(t.T("builder.any")), `</option>`)
	for _, ri := range estimate.Roles() {
		name := ri.Name
		if s, ok := t.Lookup("role." + string(ri.Slug) + ".name"); ok {
			name = s
		}
		w(`<option value="`, esc(string(ri.Slug)), `">`, esc(name), `</option>`)
	}
	w(`</select></div>
<div class="field"><label class="field__label" for="b-state">`, esc(t.T("field.state")), `</label>
<select id="b-state" name="state"><option value="">`, esc(t.T("builder.any")), `</option>`)
	for _, a := range t.AreasByName() { // in the reader's alphabetical order, as the app's select
		name := t.AreaName(a.Code, a.Name)
		if a.Code == "US" {
			name = t.T("area.us")
		}
		w(`<option value="`, esc(a.Code), `">`, esc(name), `</option>`)
	}
	w(`</select></div>
<fieldset class="field field--group"><legend class="field__label">`, esc(t.T("builder.lock")), `</legend><ul class="choices">`)
	for _, p := range estimate.Params() {
		id := "b-lock-" + p
		w(`<li class="choice"><input type="checkbox" id="`, id, `" name="lock" value="`, esc(p), `"><div class="choice__text"><label class="choice__label" for="`, id, `">`,
			esc(t.T("field."+p)), `</label></div></li>`)
	}
	w(`</ul></fieldset>
`)
	// The layout (view=, app/ui embed.go) and the theme: radio groups named by their
	// parameter; the first choice is the default, which the code leaves out.
	type choice struct{ value, key string }
	radios := func(name, legend string, choices ...choice) {
		w(`<fieldset class="field field--group"><legend class="field__label">`, esc(t.T(legend)), `</legend><ul class="choices">`)
		for i, c := range choices {
			id := "b-" + name + "-" + c.value
			checked := ""
			if i == 0 {
				checked = " checked"
			}
			w(`<li class="choice"><input type="radio" id="`, id, `" name="`, name, `" value="`, c.value, `"`, checked, `><div class="choice__text"><label class="choice__label" for="`, id, `">`,
				esc(t.T(c.key)), `</label></div></li>`)
		}
		w(`</ul></fieldset>
`)
	}
	radios("view", "builder.view", choice{"full", "builder.view.full"}, choice{"compact", "builder.view.compact"})
	radios("theme", "builder.theme", choice{"auto", "builder.theme.auto"}, choice{"light", "builder.theme.light"}, choice{"dark", "builder.theme.dark"})
	w(`<div class="field"><label class="field__label" for="b-accent">`, esc(t.T("builder.accent")), `</label>
<input type="text" id="b-accent" name="accent" maxlength="7" autocomplete="off" spellcheck="false" aria-describedby="b-accent-help b-accent-status">
<p id="b-accent-help" class="help">`, esc(t.T("builder.accent.help")), `</p>
<p id="b-accent-status" class="help" aria-live="polite"></p></div>
<div class="field"><label class="field__label" for="b-host">`, esc(t.T("builder.host")), `</label>
<input type="url" id="b-host" name="host" maxlength="200" autocomplete="url" spellcheck="false" aria-describedby="b-host-help b-host-status">
<p id="b-host-help" class="help">`, esc(t.T("builder.host.help")), `</p>
<p id="b-host-status" class="help" aria-live="polite"></p></div>
<div class="field"><label class="field__label" for="b-height">`, esc(t.T("builder.height")), `</label>
<input type="number" id="b-height" name="height" min="400" max="3000" step="10" value="900" inputmode="numeric" aria-describedby="b-height-help">
<p id="b-height-help" class="help">`, esc(t.T("builder.height.help")), `</p></div>
<ul class="choices"><li class="choice"><input type="checkbox" id="b-sandbox" name="sandbox" aria-describedby="b-sandbox-help"><div class="choice__text"><label class="choice__label" for="b-sandbox">`,
		esc(t.T("builder.sandbox")), `</label><p id="b-sandbox-help" class="help">`, esc(t.T("builder.sandbox.help")), `</p></div></li></ul>
</form>
<section class="builder__out" aria-labelledby="b-code-title">
<h2 id="b-code-title">`, esc(t.T("builder.code")), `</h2>
<textarea id="b-code" class="builder__code" rows="9" readonly spellcheck="false" aria-labelledby="b-code-title" data-testid="embed-code">`,
		esc(snippet(base, t)), `</textarea>
<p><button type="button" id="b-copy" class="button" hidden>`, esc(t.T("builder.copy")), `</button></p>
<p id="b-copy-status" role="status"></p>
<noscript><p>`, esc(t.T("builder.nojs")), `</p></noscript>
</section>
<section class="builder__preview" aria-labelledby="b-preview-title">
<h2 id="b-preview-title">`, esc(t.T("builder.preview")), `</h2>
<iframe id="b-preview" class="builder__frame" data-hit-salary data-testid="embed-preview" title="`, esc(t.T("builder.frame")), `" src="`, esc(base+"?"+embedQuery(t)), `" height="900"></iframe>
</section>
`)
	o.DescriptionKey, o.Scripts = "builder.description", BuilderScripts
	return shell(t.T("builder.title"), b.String(), base, t, o)
}

// embedLang is the lang= of the embed a builder in the language of t writes: none for
// English, so an English embed is in its reader's language as the app chooses it
// (app/ui chooseLang: the choice saved in the frame, the browser's preference, else
// English; a portal page in English then still speaks Spanish to a Spanish reader);
// the language itself for any other, so a portal that builds its embed in Spanish gets
// it in Spanish for every reader.
func embedLang(t *text.Catalog) string {
	if t.Lang() == text.English {
		return ""
	}
	return string(t.Lang())
}

// embedLangAttr is the builder form's data-lang attribute, "" without an embedLang.
func embedLangAttr(t *text.Catalog) string {
	if l := embedLang(t); l != "" {
		return ` data-lang="` + html.EscapeString(l) + `"`
	}
	return ""
}

// embedQuery is the embed address's query for the default choices, in the order
// builder.js writes it: embed=1, then lang= if any.
func embedQuery(t *text.Catalog) string {
	if l := embedLang(t); l != "" {
		return "embed=1&lang=" + l
	}
	return "embed=1"
}

// snippet is the code for the default choices, shown until web/builder.js writes it
// with the site's full address (it knows the origin the page is served from).
func snippet(base string, t *text.Catalog) string {
	return `<iframe data-hit-salary title="` + t.T("builder.frame") + `" src="` + base + "?" + strings.ReplaceAll(embedQuery(t), "&", "&amp;") + `" width="100%" height="900"></iframe>
<script src="` + base + `web/embed.js" defer></script>`
}

// PrivacyOptions are the privacy page's additions: its description, the clear-data
// section and its script.
func PrivacyOptions(t *text.Catalog) Options {
	return Options{DescriptionKey: "privacy.description", After: ClearData(t), Scripts: []string{"web/privacy.js"}}
}

// AccessibilityOptions are the accessibility statement's: its description.
func AccessibilityOptions() Options { return Options{DescriptionKey: "a11y.description"} }
