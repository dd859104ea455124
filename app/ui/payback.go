package ui

import (
	"strconv"
	"strings"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// PaybackPanel is "Education payback": pick an education step, its tuition and years of
// study, full or part time, and see what the model's estimates say it brings
// (estimate.PaybackFor). The page gives it the scenario once edits pause (later.go).
type PaybackPanel struct {
	app.Compo

	Lang  text.Lang // language of every string
	Query string    // the scenario, as queryString writes it
}

// Render draws the panel. go-app compares paybackBody's two strings and leaves it
// alone until the scenario changes.
func (c *PaybackPanel) Render() app.UI {
	return &paybackBody{Lang: c.Lang, Query: c.Query}
}

// paybackBody is the payback panel of one scenario. Its entries are its own state, not
// part of the scenario or the URL; they survive the page's re-renders because go-app
// keeps a component's unexported fields while its place in the page stays the same.
type paybackBody struct {
	app.Compo

	Lang  text.Lang // language of every string
	Query string    // the scenario, as queryString writes it

	step     int       // index into estimate.Steps(), when chosen
	chosen   bool      // a step was chosen; until then the default for the person's education
	typed    [2]string // the tuition and the years-of-study field as typed, once edited
	edited   [2]bool   // the tuition and the years field were edited since the step was set
	partTime bool      // studying part time while working
}

// Render draws the panel.
func (c *paybackBody) Render() app.UI {
	t := text.For(c.Lang)
	return safeRender(t, func() app.UI {
		in, _ := estimate.FromQuery(parseQuery(c.Query))
		steps := estimate.Steps()
		i := c.step
		if !c.chosen || i < 0 || i >= len(steps) {
			i = estimate.DefaultStep(in.Education)
		}
		st := steps[i]
		tuitionText, yearsText := c.typed[0], c.typed[1]
		if !c.edited[0] {
			tuitionText = strconv.Itoa(st.Tuition)
		}
		if !c.edited[1] {
			yearsText = strconv.Itoa(st.Years)
		}
		tuition, tuitionOK := readWhole(tuitionText, st.Tuition)
		years, yearsOK := readWhole(yearsText, st.Years)
		p, err := estimate.PaybackFor(estimate.PaybackInput{Profile: in, From: st.From, To: st.To,
			Years: years, Tuition: tuition, PartTime: c.partTime})
		if err != nil {
			return h("section|id=payback|class=card|data-testid=payback|data-payback-years=",
				txt("h2", "", t.T("payback.title")), txt("p", "", t.T("payback.none")))
		}

		opts := make([]app.UI, 0, len(steps))
		for j, s := range steps {
			opts = append(opts, option(strconv.Itoa(j), t.F("payback.step.option",
				"from", t.T("edu."+string(s.From)), "to", t.T("edu."+string(s.To))), j == i))
		}
		paysBack := "never"
		if p.PaybackYear > 0 {
			paysBack = strconv.Itoa(p.PaybackYear)
		}
		from, to := t.T("edu."+string(p.From)), t.T("edu."+string(p.To))
		return h("section|id=payback|class=card|aria-labelledby=payback-title|data-testid=payback",
			ht("h2|id=payback-title", t.T("payback.title")),
			txt("p", "", t.T("payback.intro")),
			box("div", "payback__inputs",
				box("div", "field",
					ht("label|for=payback-step|class=field__label", t.T("payback.field.step")),
					hs("select|id=payback-step").OnChange(c.onStep).Body(opts...),
				),
				numberField(t, "payback-tuition", "payback.field.tuition", tuitionText,
					tuitionOK && p.Tuition == tuition, t.F("payback.problem.tuition", "max", t.Money(estimate.MaxTuition),
						"used", t.Money(p.Tuition)), t.Message(st.TuitionNote), c.onField(0)),
				numberField(t, "payback-years", "payback.field.years", yearsText,
					yearsOK && p.Years == years, t.F("payback.problem.years", "max", t.Int(estimate.MaxStudyYears),
						"used", t.Int(p.Years)), t.T("payback.help.years"), c.onField(1)),
				box("div", "field payback__part",
					choiceInput("checkbox", "payback-part", "payback-part", "1", "payback-part-help", c.partTime, false).
						OnChange(c.onPartTime),
					ht("label|for=payback-part|class=choice__label", t.T("payback.field.part")),
					ht("p|id=payback-part-help|class=help", t.T("payback.help.part")),
				),
			),
			hs("div|class=payback__result").DataSet("payback-years", paysBack).
				DataSet("gain", p.Gain).DataSet("net10", p.Net10).DataSet("net20", p.Net20).Body(
				ht("p|class=payback__verdict|aria-live=polite", t.Message(p.Verdict)),
				box("dl", "facts",
					fact(t.F("payback.now", "edu", from), t.Money(p.Now)),
					fact(t.F("payback.after", "edu", to), t.Money(p.After)),
					fact(t.T("payback.gain"), t.SignedMoney(p.Gain)),
					fact(t.T("payback.forgone"), t.Money(p.Forgone)),
					fact(t.F("payback.tuition.total", "years", t.Plural("count.years", p.Years)), t.Money(p.TuitionTotal)),
					fact(t.T("payback.net10"), t.SignedMoney(p.Net10)),
					fact(t.T("payback.net20"), t.SignedMoney(p.Net20)),
				),
			),
			txt("p", "help", t.Message(p.Assumptions)),
		)
	})
}

// numberField is a whole-number input of the panel: its text as typed, a problem when
// the entry was not used as typed, and a help line.
func numberField(t *text.Catalog, id, label, value string, ok bool, problem, help string,
	onInput app.EventHandler) app.UI {
	describedBy := id + "-help"
	var note app.UI
	if !ok {
		describedBy = id + "-problem " + describedBy
		note = el("p").ID(id + "-problem").Class("help help--problem").Text(problem)
	}
	in := void("input").Attr("type", "number").ID(id).Attr("min", "0").Attr("step", "1").
		Attr("inputmode", "numeric").Attr("autocomplete", "off").Attr("value", value).
		Aria("describedby", describedBy).OnInput(onInput)
	if !ok {
		in = in.Aria("invalid", "true")
	}
	return box("div", "field",
		el("label").Attr("for", id).Class("field__label").Text(t.T(label)),
		in, note,
		el("p").ID(id+"-help").Class("help").Text(help),
	)
}

// readWhole reads a whole number as typed, "$" and digit commas allowed. The second
// result is false when the text is empty or not a whole number: def is used.
func readWhole(s string, def int) (int, bool) {
	n, err := strconv.Atoi(strings.NewReplacer("$", "", ",", "", " ", "").Replace(s))
	if err != nil {
		return def, false
	}
	return n, true
}

func (c *paybackBody) onStep(ctx app.Context, e app.Event) {
	defer recoverTo(ctx, nil)
	if n, err := strconv.Atoi(ctx.JSSrc().Get("value").String()); err == nil {
		// A new step starts from its own tuition and years.
		c.step, c.chosen, c.edited = n, true, [2]bool{}
	}
}

// onField keeps what is typed in the tuition (0) or years (1) field.
func (c *paybackBody) onField(i int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		defer recoverTo(ctx, nil)
		c.typed[i], c.edited[i] = clip(ctx.JSSrc().Get("value").String(), 12), true
	}
}

func (c *paybackBody) onPartTime(ctx app.Context, e app.Event) {
	defer recoverTo(ctx, nil)
	c.partTime = ctx.JSSrc().Get("checked").Bool()
}
