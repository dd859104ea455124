package ui

import (
	"strconv"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// PathwaysPanel is "Ways in": the three career paths of the source guides (from
// clinical work, from IT, new to both) as ladders of roles with the model's estimate at
// each step for the person's state and metro, and the specializations the salary guide
// singles out against the person's current estimate (estimate.Pathways). It renders
// what the model says and compares nothing itself. The page gives it the scenario once
// edits pause (later.go): 14 estimates are not worth redoing on every keystroke.
type PathwaysPanel struct {
	app.Compo

	Lang  text.Lang // language of every string
	Query string    // the scenario, as queryString writes it
}

// Render draws the panel; go-app leaves pathwaysBody alone until its two strings change.
func (c *PathwaysPanel) Render() app.UI { return &pathwaysBody{Lang: c.Lang, Query: c.Query} }

// pathwaysBody is the pathways of one scenario, computed only when Query changes.
type pathwaysBody struct {
	app.Compo

	Lang  text.Lang // language of every string
	Query string    // the scenario, as queryString writes it

	res   estimate.PathwaysResult // the model's pathways for query
	err   error                   // the model refused the scenario
	query string                  // the scenario res was computed for
	done  bool                    // res and err are set
}

func (c *pathwaysBody) pathways() (estimate.PathwaysResult, error) {
	if !c.done || c.query != c.Query {
		in, _ := estimate.FromQuery(parseQuery(c.Query))
		c.res, c.err = estimate.Pathways(in)
		c.query, c.done = c.Query, true
	}
	return c.res, c.err
}

// Render draws the panel.
func (c *pathwaysBody) Render() app.UI {
	t := text.For(c.Lang)
	return safeRender(t, func() app.UI {
		r, err := c.pathways()
		if err != nil {
			return h("section|id=pathways|class=card|data-testid=pathways",
				txt("h2", "", t.T("pathways.title")), txt("p", "", t.T("pathways.none")))
		}
		paths := make([]app.UI, 0, len(r.Paths))
		for _, p := range r.Paths {
			paths = append(paths, pathwayCard(t, p))
		}
		specs := make([]app.UI, 0, len(r.Specializations))
		for _, s := range r.Specializations {
			specs = append(specs, specializationItem(t, s))
		}
		assumptions := make([]app.UI, 0, len(r.Assumptions))
		for _, m := range r.Assumptions {
			assumptions = append(assumptions, txt("li", "", t.Message(m)))
		}
		srcs := make([]app.UI, 0, len(r.Sources))
		for _, s := range r.Sources {
			srcs = append(srcs, elc("li", "pathways__source").DataSet("source", s.ID).Body(
				box("p", "",
					txt("span", "source__title", sourceText(t, text.SourceTitleKey(s.ID), s.Title)),
					app.Text(" "),
					evidenceTag(t, s.Evidence),
				),
				txt("p", "source__meta", t.F("sources.meta", "publisher", sourceText(t, text.SourcePublisherKey(s.ID), s.Publisher),
					"period", sourcePeriod(t, s))),
				txt("p", "source__note", sourceNote(t, s)),
			))
		}
		return h("section|id=pathways|class=card pathways|aria-labelledby=pathways-title|data-testid=pathways",
			ht("h2|id=pathways-title", t.T("pathways.title")),
			txt("p", "", t.T("pathways.intro")),
			hs("p|class=pathways__mine-note").DataSet("mine", string(r.Mine)).Text(t.Message(r.MineNote)),
			box("div", "pathways__paths", paths...),
			ht("h3|id=pathways-spec-title", t.T("pathways.spec.title")),
			txt("p", "", t.F("pathways.spec.intro", "current", t.Money(r.Current))),
			box("ul", "specs", specs...),
			txt("h3", "", t.T("pathways.assumptions")),
			box("ul", "pathways__assumptions help", assumptions...),
			txt("h3", "", t.T("pathways.sources")),
			box("ul", "pathways__sources", srcs...),
		)
	})
}

// pathwayCard is one path: its name (and whether it is the person's), its steps and
// the guides' advice for it.
func pathwayCard(t *text.Catalog, p estimate.Pathway) app.UI {
	id := "pathway-" + string(p.Path) + "-title"
	steps := make([]app.UI, 0, len(p.Steps))
	for i, s := range p.Steps {
		steps = append(steps, pathStepItem(t, i+1, s))
	}
	advice := make([]app.UI, 0, len(p.Advice))
	for _, m := range p.Advice {
		advice = append(advice, txt("li", "", t.Message(m)))
	}
	card := hs("section|class=pathway|data-testid=pathway").DataSet("path", string(p.Path)).Aria("labelledby", id)
	var mine app.UI
	if p.Mine {
		card = card.Class("pathway--mine").DataSet("mine", "true")
		mine = box("span", "", app.Text(" "), txt("span", "tag tag--mine", t.T("pathways.mine")))
	}
	return card.Body(
		el("h3").ID(id).Class("pathway__title").Body(
			app.Text(t.T("pathways.path."+string(p.Path))),
			mine,
		),
		box("ol", "pathway__steps", steps...),
		box("div", "pathway__advice",
			box("p", "pathway__advice-title",
				txt("strong", "", t.T("pathways.advice")+" "),
				evidenceTag(t, estimate.EvidenceAdvice),
			),
			box("ul", "", advice...),
		),
	)
}

// pathStepItem is one step: role, education, certifications added, years assumed, the
// model's estimate and range, the difference against the person's estimate (worded by
// the model's key), the occupation's outlook and the guides' advice.
func pathStepItem(t *text.Catalog, n int, s estimate.PathStep) app.UI {
	edu := "pathways.step.education.kept"
	if s.Raised {
		edu = "pathways.step.education.raised"
	}
	certs := t.T("pathways.step.certs.none")
	for i, c := range s.Added {
		if i == 0 {
			certs = t.T("cert." + string(c))
			continue
		}
		certs += ", " + t.T("cert."+string(c))
	}
	o := s.Outlook
	outlook := t.T("outlook.none")
	if o.Period != "" {
		outlook = t.SignedPercent(o.GrowthPercent, 1) + ": " + wordingText(t, o)
	}
	return elc("li", "pathway__step").DataSet("testid", "pathway-step").DataSet("role", string(s.Role)).
		DataSet("estimate", s.Estimate).DataSet("low", s.Low).DataSet("high", s.High).
		DataSet("difference", s.Difference).DataSet("diff", s.DiffKey).Body(
		txt("h4", "pathway__step-title", t.F("pathways.step", "n", strconv.Itoa(n), "role", roleName(t, s.Role))),
		box("dl", "facts facts--compact",
			fact(t.T("pathways.step.estimate"), t.Money(s.Estimate)+" ("+t.F("pathways.range", "low", t.Money(s.Low), "high", t.Money(s.High))+")"),
			fact(t.T("pathways.step.diff"), diffText(t, s.DiffKey, s.Difference)),
			fact(t.T("pathways.step.education"), t.F(edu, "edu", t.T("edu."+string(s.Education)))),
			fact(t.T("pathways.step.certs"), certs),
			fact(t.T("pathways.step.years"), t.Int(s.Years)),
			fact(t.F("pathways.step.outlook", "period", o.Period), outlook),
		),
		box("p", "pathway__step-advice help",
			evidenceTag(t, estimate.EvidenceAdvice),
			app.Text(" "+t.Message(s.Advice)),
		),
	)
}

// specializationItem is one specialization for one of its roles, against the person's
// current estimate.
func specializationItem(t *text.Catalog, s estimate.Specialization) app.UI {
	return elc("li", "spec").DataSet("testid", "specialization").DataSet("specialization", s.ID).
		DataSet("role", string(s.Role)).DataSet("estimate", s.Estimate).DataSet("difference", s.Difference).
		DataSet("diff", s.DiffKey).Body(
		box("p", "spec__head",
			txt("strong", "spec__name", t.T("pathways.spec.name."+s.ID)),
			app.Text(" · "+roleName(t, s.Role)),
		),
		box("p", "spec__figures",
			txt("span", "spec__estimate", t.Money(s.Estimate)),
			app.Text(" "),
			txt("span", "spec__diff", diffText(t, s.DiffKey, s.Difference)),
		),
		box("p", "spec__why help",
			evidenceTag(t, estimate.EvidenceAdvice),
			app.Text(" "+t.Message(s.Why)),
		),
	)
}

// diffText words a difference by the model's key; the amount is written with its sign.
func diffText(t *text.Catalog, key string, d int) string {
	return t.F("pathways.diff."+key, "diff", t.SignedMoney(d))
}

// wordingText is an outlook's growth wording in the reader's language.
func wordingText(t *text.Catalog, o estimate.Outlook) string {
	if s, ok := t.Lookup("wording." + o.WordingKey); ok {
		return s
	}
	return o.Wording
}
