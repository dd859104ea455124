package ui

import (
	"net/url"
	"path"
	"strings"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// SourceList lists the publications behind the estimate: publisher, title, period,
// kind of evidence, caveat, the address (a link that opens apart from the app), and
// what each was used for; then the data edition.
//
// Its fields change only when the set of sources or their uses do, so editing the
// years or the state leaves it alone.
type SourceList struct {
	app.Compo

	Lang    text.Lang         // language of every string
	Sources []estimate.Source // the publications, in the model's order
	Uses    []string          // what each source was used for, in words ("" if not known)
	Edition string            // the data edition
	// Brief lists each source by its title, publisher, period and use only, without its
	// caveat and link: a compact embed (Page.compact), whose full app has them.
	Brief bool
}

// newSourceList is the list for a result.
func newSourceList(lang text.Lang, r estimate.Result) *SourceList {
	t := text.For(lang)
	uses := sourceUses(t, r)
	used := make([]string, len(r.Sources))
	for i, s := range r.Sources {
		if u := uses[s.ID]; len(u) > 0 {
			used[i] = t.F("sources.usedfor", "uses", strings.Join(u, ", "))
		}
	}
	return &SourceList{Lang: lang, Sources: r.Sources, Uses: used, Edition: r.Edition}
}

// Render draws the list.
func (c *SourceList) Render() app.UI {
	t := text.For(c.Lang)
	return safeRender(t, func() app.UI {
		items := make([]app.UI, 0, len(c.Sources))
		for i, s := range c.Sources {
			head := box("p", "source__head",
				txt("span", "source__title", sourceText(t, text.SourceTitleKey(s.ID), s.Title)),
				app.Text(" "),
				evidenceTag(t, s.Evidence),
			)
			meta := t.F("sources.meta", "publisher", sourceText(t, text.SourcePublisherKey(s.ID), s.Publisher), "period", sourcePeriod(t, s))
			use := ""
			if i < len(c.Uses) {
				use = c.Uses[i]
			}
			if c.Brief {
				line := []app.UI{app.Text(meta)}
				if use != "" {
					line = append(line, app.Text(" · "), txt("span", "source__uses", use))
				}
				items = append(items, elc("li", "source").DataSet("source", s.ID).Body(head, box("p", "source__meta", line...)))
				continue
			}
			var link app.UI
			switch {
			case isWebURL(s.URL):
				link = box("p", "source__link",
					txt("span", "source__opens", opensText(t, s.URL)+" "),
					elc("a", "source__url").Attr("href", s.URL).Attr("target", "_blank").Attr("rel", "noopener noreferrer").
						Text(s.URL))
			case "/"+s.URL == MethodologyPath:
				// A page of this site (the model's URLs are relative to the site's base).
				link = box("p", "source__link",
					txt("span", "source__opens", t.T("sources.opens.site")+" "),
					docLink("source__url", c.Lang, MethodologyPath, t.T("footer.methodology")))
			case s.URL != "":
				link = txt("span", "source__url", s.URL)
			}
			var used app.UI
			if use != "" {
				used = txt("p", "source__uses", use)
			}
			items = append(items, elc("li", "source").DataSet("source", s.ID).Body(
				head,
				txt("p", "source__meta", meta),
				app.If(s.Note != "", func() app.UI { return txt("p", "source__note", sourceNote(t, s)) }),
				used,
				link,
			))
		}
		intro := "sources.intro"
		if c.Brief {
			intro = "sources.intro.brief"
		}
		return h("section|id=sources|class=card sources|aria-labelledby=sources-title",
			ht("h2|id=sources-title", t.T("sources.title")),
			txt("p", "", t.T(intro)),
			box("ol", "source-list", items...),
			box("p", "edition",
				app.Text(t.T("sources.edition")+" "),
				txt("strong", "", t.Periods(c.Edition)),
			),
		)
	})
}

// opensText says what following a web address does: a download (the address names a
// file, such as a ZIP of tables) or a page of the publisher's site in a new tab.
func opensText(t *text.Catalog, raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return t.F("sources.opens.page", "host", raw)
	}
	file := path.Base(u.Path)
	switch ext := strings.ToLower(path.Ext(file)); ext {
	case "", ".htm", ".html", ".php", ".aspx":
		return t.F("sources.opens.page", "host", u.Host)
	case ".zip":
		return t.F("sources.opens.download", "file", file, "kind", t.T("sources.kind.zip"), "host", u.Host)
	default:
		return t.F("sources.opens.download", "file", file, "kind", t.T("sources.kind.file"), "host", u.Host)
	}
}

// isWebURL reports whether u is an absolute https or http address. Anything else (a
// file of the repository, say) is shown as text: go-app would prefix a relative href
// with the site's base path.
func isWebURL(u string) bool {
	return strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://")
}

// sourceUses lists, by source ID, what the source was used for, in breakdown order.
func sourceUses(t *text.Catalog, r estimate.Result) map[string][]string {
	out := map[string][]string{}
	add := func(id, use string) {
		for _, u := range out[id] {
			if u == use {
				return
			}
		}
		out[id] = append(out[id], use)
	}
	for _, f := range r.Factors {
		for _, id := range f.Sources {
			add(id, factorName(t, f.Kind))
		}
	}
	if r.Outlook.Source != "" {
		add(r.Outlook.Source, t.T("sources.use.outlook"))
		add("ooh-wording", t.T("sources.use.outlook"))
	}
	add("rpp-2024", t.T("sources.use.power"))
	return out
}

// sourceNote is a source's caveat in the reader's language, or the model's English for a
// source the catalogue does not know yet.
func sourceNote(t *text.Catalog, s estimate.Source) string {
	if n, ok := t.Lookup(text.SourceNoteKey(s.ID)); ok {
		return n
	}
	return s.Note
}

// sourcePeriod is a source's reference period in the reader's language.
func sourcePeriod(t *text.Catalog, s estimate.Source) string {
	if p, ok := t.Lookup(text.SourcePeriodKey(s.ID)); ok {
		return p
	}
	return t.Period(s.Period)
}

// sourceText is a source's field by its catalogue key, or the model's own text where the
// catalogue has none (the titles of official publications, which stay as published).
func sourceText(t *text.Catalog, key, own string) string {
	if s, ok := t.Lookup(key); ok {
		return s
	}
	return own
}
