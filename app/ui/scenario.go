package ui

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/hit-salary/hit-salary/app/estimate"
)

// Change is one edit of the form, as the form reports it to the page.
type Change struct {
	Field string // URL parameter name of the field, for example estimate.ParamRole
	Value string // the control's value as read from the page (a slug or the years typed)
	On    bool   // for a certification checkbox: whether it is now ticked
}

// params lists the URL parameters of the deep-link contract, in form order.
var params = []string{
	estimate.ParamRole, estimate.ParamState, estimate.ParamYears, estimate.ParamEducation,
	estimate.ParamEmployer, estimate.ParamCerts, estimate.ParamBackground,
}

// parseQuery reads a raw URL query string, keeping only the contract's parameters. It
// is tolerant where url.ParseQuery is not: a link with more than 10,000 parameters
// (url.ParseQuery then returns nothing) or with a malformed pair still yields the
// parameters it does hold, so their problems can be reported.
func parseQuery(raw string) url.Values {
	q := url.Values{}
	for raw != "" {
		var pair string
		pair, raw, _ = strings.Cut(raw, "&")
		k, v, _ := strings.Cut(pair, "=")
		key, err := url.QueryUnescape(k)
		if err != nil || !slices.Contains(params, key) {
			continue
		}
		val, err := url.QueryUnescape(v)
		if err != nil {
			val = v // keep it, so the problem is reported rather than silently dropped
		}
		q[key] = append(q[key], val)
	}
	return q
}

// hasScenario reports whether q holds any parameter of the contract.
func hasScenario(q url.Values) bool {
	for _, p := range params {
		if _, ok := q[p]; ok {
			return true
		}
	}
	return false
}

// scenarioFrom reads a scenario from URL parameters over a page's preset. Absent and
// locked parameters keep the preset's value. A bad parameter is reported and its field
// falls back as estimate.FromQuery decides (years out of range are clamped), except that
// a fall-back to the model's default takes the preset's value instead.
func scenarioFrom(preset estimate.Input, q url.Values, locked []string) (estimate.Input, []*estimate.InputError) {
	merged := preset.Query()
	for _, p := range params {
		if slices.Contains(locked, p) {
			continue
		}
		if vs, ok := q[p]; ok {
			merged[p] = vs
		}
	}
	in, errs := estimate.FromQuery(merged)
	d := estimate.Default()
	for _, e := range errs {
		switch e.Field {
		case estimate.ParamRole:
			if in.Role == d.Role {
				in.Role = preset.Role
			}
		case estimate.ParamState:
			if in.State == d.State {
				in.State = preset.State
			}
		case estimate.ParamYears:
			if in.Years == d.Years {
				in.Years = preset.Years
			}
		case estimate.ParamEducation:
			if in.Education == d.Education {
				in.Education = preset.Education
			}
		case estimate.ParamEmployer:
			if in.Employer == d.Employer {
				in.Employer = preset.Employer
			}
		case estimate.ParamBackground:
			if in.Background == d.Background {
				in.Background = preset.Background
			}
		}
	}
	return in, errs
}

// applyChange returns the scenario after one edit of a select, radio or checkbox, read
// through estimate.FromQuery so the form accepts exactly what a deep link accepts. A
// value the form does not offer (a tampered page) leaves the scenario as it was.
func applyChange(in estimate.Input, ch Change) (estimate.Input, bool) {
	q := in.Query()
	switch ch.Field {
	case estimate.ParamCerts:
		cs := slices.DeleteFunc(slices.Clone(in.Certs), func(c estimate.Cert) bool {
			return strings.EqualFold(string(c), ch.Value)
		})
		if ch.On {
			cs = append(cs, estimate.Cert(ch.Value))
		}
		q.Set(estimate.ParamCerts, joinCerts(cs))
	case estimate.ParamRole, estimate.ParamState, estimate.ParamEducation,
		estimate.ParamEmployer, estimate.ParamBackground:
		q.Set(ch.Field, ch.Value)
	default:
		return in, false
	}
	out, errs := estimate.FromQuery(q)
	if len(errs) > 0 {
		return in, false
	}
	return out, true
}

// parseYears reads the years field as typed. It returns the years to use and the text
// key of a problem to show beside the field, or "". An empty or non-whole entry keeps
// the current years (people are often half-way through typing); an entry out of range
// is clamped, and said so.
func parseYears(raw string, current int) (int, string) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return current, "years.problem.empty"
	}
	n, err := strconv.Atoi(raw)
	if err != nil {
		return current, "years.problem.whole"
	}
	switch {
	case n < estimate.MinYears:
		return estimate.MinYears, "years.problem.range"
	case n > estimate.MaxYears:
		return estimate.MaxYears, "years.problem.range"
	}
	return n, ""
}

// queryString encodes a scenario for the URL, with commas between certifications left
// readable.
func queryString(in estimate.Input) string {
	return strings.ReplaceAll(in.Query().Encode(), "%2C", ",")
}

func joinCerts(cs []estimate.Cert) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = string(c)
	}
	return strings.Join(parts, ",")
}
