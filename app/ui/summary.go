package ui

import (
	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Summary shows the estimate in large type with its likely range, the range bar, the
// hourly equivalent, where it sits in the occupation and what it buys in the state.
//
// Its [data-testid=estimate] element is the result contract: integer attributes
// data-low, data-median and data-high (Result.Low, Estimate, High), data-scenario (the
// canonical query of the scenario they are for) and data-source, "prerender" in
// generated HTML, "pending" while web/carry.js knows they are for another scenario than
// the URL's, and "wasm" once the browser app computed it.
type Summary struct {
	app.Compo

	Lang    text.Lang       // language of every string
	Result  estimate.Result // what to show
	Source  string          // sourcePrerender or sourceWasm
	Example bool            // the untouched starting example, not the person's details
	// Settled is the estimate and range as of the last pause in edits (the page's
	// lag.shown, later.go), which the live region reads out; zero means Result's.
	Settled figures
}

// figures are an estimate and its likely range, whole dollars a year.
type figures struct{ Estimate, Low, High int }

// Render draws the summary.
func (s *Summary) Render() app.UI {
	t := text.For(s.Lang)
	return safeRender(t, func() app.UI {
		r := s.Result
		area, _ := estimate.LookupArea(r.Input.State)
		where := placeName(t, area)
		if r.Metro.Code != "" {
			where = r.Metro.Name // the metro area the figures are for
		}
		return h("section|id=summary|class=card summary|aria-labelledby=summary-title",
			ht("h2|id=summary-title|class=summary__title|tabindex=-1",
				t.F("summary.title", "role", roleName(t, r.Input.Role), "area", where)),
			slot(app.If(s.Example, func() app.UI {
				// On a phone the example is the first figure people see: say it is not theirs.
				return box("p", "example-note",
					txt("strong", "example-note__label", t.T("summary.example")+" "),
					app.Text(t.T("summary.example.body")+" "),
					focusLink("example-note__link", formTitleID, t.T("summary.example.change")),
				)
			})),
			// The profile in words: shown in print, where the form is left out.
			txt("p", "summary__profile print-only", t.F("summary.profile",
				"years", t.Plural("count.years", r.Input.Years), "edu", t.T("edu."+string(r.Input.Education)),
				"employer", t.T("employer."+string(r.Input.Employer)),
				"certs", usedValue(t, estimate.ParamCerts, r.Input),
				"bg", t.T("bg."+string(r.Input.Background)))),
			hs("p|class=estimate|data-testid=estimate").
				DataSet("low", r.Low).DataSet("median", r.Estimate).DataSet("high", r.High).
				DataSet("scenario", queryString(r.Input)).DataSet("source", s.Source).Body(
				txt("span", "estimate__amount", t.Money(r.Estimate)),
				app.Text(" "),
				txt("span", "estimate__unit", t.T("summary.peryear")),
			),
			app.If(s.Source == sourcePrerender, func() app.UI {
				// Revealed by web/carry.js when the figures above are for another scenario
				// than the URL's (a deep link, an early edit): the CSS then hides them.
				return ht("p|id=pending-hint|class=pending-hint|hidden=true|aria-live=polite", t.T("summary.pending"))
			}),
			txt("p", "summary__range",
				t.F("summary.range", "low", t.Money(r.Low), "high", t.Money(r.High))),
			&RangeBar{Lang: s.Lang, Low: r.Low, Estimate: r.Estimate, High: r.High, Spread: r.Spread, Area: where},
			slot(app.If(r.FromPay != nil, func() app.UI { return fromPayLine(t, r.FromPay) })),
			box("dl", "facts",
				fact(t.T("summary.hourly"), t.F("summary.hourly.value", "hourly", t.Hourly(r.Hourly))),
				fact(t.T("summary.percentile"), t.F("summary.percentile.value",
					"pct", t.Decimal(r.Percentile, 0), "area", where)),
				fact(t.T("summary.power"), purchasingPower(t, r, area)),
			),
			slot(app.If(r.Fallback, func() app.UI {
				return txt("p", "summary__caveat", t.F("summary.fallback", "area", where))
			})),
			// Read out by screen readers once edits pause: it follows Settled, so typing
			// "12" in the years field announces the estimate for 12 years, not also the
			// one for 1 (WCAG 4.1.3 without the chatter). The visible figures above are
			// not a live region, to keep announcements short.
			s.announcement(t),
		)
	})
}

// announcement is the polite live region that reads out the settled estimate.
func (s *Summary) announcement(t *text.Catalog) app.UI {
	r := s.Settled
	if r == (figures{}) {
		r = figures{s.Result.Estimate, s.Result.Low, s.Result.High}
	}
	return ht("p|class=visually-hidden|aria-live=polite",
		t.F("summary.announce", "estimate", t.Money(r.Estimate), "low", t.Money(r.Low), "high", t.Money(r.High)))
}

// fromPayLine puts the estimate beside the pay of the person's current occupation:
// "Your field pays about $82,510 here; this role: $3,987 more", with the model's note on
// where the median comes from. [data-testid=from-pay] carries data-median and
// data-difference (whole dollars a year).
func fromPayLine(t *text.Catalog, fp *estimate.FromPay) app.UI {
	diff := t.T("from.diff.same")
	switch {
	case fp.Difference > 0:
		diff = t.F("from.diff.more", "diff", t.Money(fp.Difference))
	case fp.Difference < 0:
		diff = t.F("from.diff.less", "diff", t.Money(-fp.Difference))
	}
	return hs("div|class=from-pay|data-testid=from-pay").
		DataSet("median", fp.Median).DataSet("difference", fp.Difference).Body(
		txt("p", "from-pay__line", t.F("from.pay", "median", t.Money(fp.Median))+"; "+diff+"."),
		txt("p", "help from-pay__note", t.Message(fp.Note)),
	)
}

// purchasingPower says what the estimate buys in the state against the national
// average prices (BEA Regional Price Parities).
func purchasingPower(t *text.Catalog, r estimate.Result, a estimate.Area) string {
	if a.Code == "US" || r.RPP == 0 {
		return t.T("summary.power.us")
	}
	key := "summary.power.cheaper"
	if r.RPP > 100 {
		key = "summary.power.dearer"
	}
	return t.F(key, "area", t.Arg(r.RPPPlace), "rpp", t.Decimal(r.RPP, 1),
		"estimate", t.Money(r.Estimate), "power", t.Money(r.PurchasingPower))
}

// placeName is how a sentence names an area: "the United States" or the state.
func placeName(t *text.Catalog, a estimate.Area) string {
	if a.Code == "US" || a.Code == "" {
		return t.T("area.us.inline")
	}
	return t.AreaName(a.Code, a.Name)
}
