package ui

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// maxProblems is the most URL problems listed one by one; a hostile link can carry
// hundreds (one per bad certification), and the rest are counted in one line.
const maxProblems = 8

// Notice says which URL parameters could not be used and what is shown instead, one
// <li> per problem. The offending values appear only as text.
type Notice struct {
	app.Compo

	Lang      text.Lang              // language of every string
	Problems  []*estimate.InputError // from estimate.FromQuery
	Input     estimate.Input         // the scenario used instead
	OnDismiss func(app.Context)      // hides the notice
}

// Render draws the notice.
func (n *Notice) Render() app.UI {
	t := text.For(n.Lang)
	return safeRender(t, func() app.UI {
		var items []app.UI
		for i, e := range n.Problems {
			if i == maxProblems {
				items = append(items, txt("li", "", t.F("notice.more", "n", t.Int(len(n.Problems)-maxProblems))))
				break
			}
			items = append(items, txt("li", "", problemText(t, e, n.Input)))
		}
		return h("section|class=banner banner--notice|role=status|data-testid=notice|aria-labelledby=notice-title",
			ht("h2|id=notice-title|class=banner__title", t.T("notice.title")),
			box("ul", "banner__list", items...),
			hs("button|type=button|class=button button--quiet").OnClick(n.onDismiss).Text(t.T("notice.dismiss")),
		)
	})
}

func (n *Notice) onDismiss(ctx app.Context, e app.Event) {
	defer recoverTo(ctx, nil)
	if n.OnDismiss != nil {
		n.OnDismiss(ctx)
	}
}

// problemText says what was wrong with one parameter and what is used instead, from the
// problem's Field and Code. A field or code the catalogue does not know falls back on
// the model's English message.
func problemText(t *text.Catalog, e *estimate.InputError, in estimate.Input) string {
	if key, ok := embedNoticeKeys[e.Code]; ok { // an embed parameter (embed.go)
		return text.Fill(t.T(key), "value", printable(e.Value))
	}
	field, ok := t.Lookup("field." + e.Field)
	if !ok {
		return e.Error()
	}
	used := usedValue(t, e.Field, in)
	key := "notice." + string(e.Code)
	if e.Field == estimate.ParamCerts && e.Code == estimate.CodeUnknown {
		key = "notice.unknown.cert"
	}
	s, ok := t.Lookup(key)
	if !ok {
		return e.Error()
	}
	value := printable(e.Value)
	if e.Field == estimate.ParamMetro && e.Code == estimate.CodeNotInState {
		value = metroLabel(e.Value) // a known metro: its name says more than its code
	}
	return text.Fill(s, "field", field, "value", value, "used", used, "param", e.Field,
		"min", strconv.Itoa(estimate.MinYears), "max", strconv.Itoa(estimate.MaxYears))
}

// printable replaces control characters (a NUL, say) with U+FFFD, so a value from a link
// shows as plain visible text.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return '\uFFFD'
		}
		return r
	}, s)
}

// usedValue names, in words, the value a field has in the scenario: the selects as
// lockedSelectValue names them, the numbers and lists here.
func usedValue(t *text.Catalog, field string, in estimate.Input) string {
	switch field {
	case estimate.ParamRole:
		return lockedSelectValue(t, field, string(in.Role))
	case estimate.ParamState:
		return lockedSelectValue(t, field, in.State)
	case estimate.ParamMetro:
		return lockedSelectValue(t, field, in.Metro)
	case estimate.ParamEducation:
		return lockedSelectValue(t, field, string(in.Education))
	case estimate.ParamEmployer:
		return lockedSelectValue(t, field, string(in.Employer))
	case estimate.ParamFrom:
		return lockedSelectValue(t, field, string(in.From))
	case estimate.ParamYears:
		return t.Int(in.Years)
	case estimate.ParamPrior:
		return t.Int(in.Prior)
	case estimate.ParamBackground:
		return t.T("bg." + string(in.Background))
	case estimate.ParamCerts:
		if len(in.Certs) == 0 {
			return t.T("certs.none")
		}
		s := ""
		for i, c := range in.Certs {
			if i > 0 {
				s += ", "
			}
			s += t.T("cert." + string(c))
		}
		return s
	}
	return ""
}
