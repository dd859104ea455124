package ui

import (
	"net/url"
	"slices"
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
var params = estimate.Params()

// parseQuery reads a raw URL query string, keeping only the contract's parameters and
// the near misses of them (nearMisses reports those; the model's reader ignores them).
// It is tolerant where url.ParseQuery is not: a link with more than 10,000 parameters
// (url.ParseQuery then returns nothing) or with a malformed pair still yields the
// parameters it does hold, so their problems can be reported.
func parseQuery(raw string) url.Values {
	q := url.Values{}
	for raw != "" {
		var pair string
		pair, raw, _ = strings.Cut(raw, "&")
		k, v, _ := strings.Cut(pair, "=")
		key, err := url.QueryUnescape(k)
		keep := err == nil && slices.Contains(params, key)
		if !keep && err == nil {
			_, keep = nearParam(key)
		}
		if !keep {
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

// scenarioFrom reads a scenario from URL parameters over a page's preset, through the
// model's one reader (estimate.FromQueryOver): absent parameters keep the preset's value,
// and so do bad ones, which are reported, as are near misses of the contract's names
// (nearMisses). Locked parameters (a page that is about one role or state) are not read
// at all, nor reported.
func scenarioFrom(preset estimate.Input, q url.Values, locked []string) (estimate.Input, []*estimate.InputError) {
	if len(locked) > 0 {
		open := url.Values{}
		for k, vs := range q {
			if !slices.Contains(locked, k) {
				open[k] = vs
			}
		}
		q = open
	}
	in, errs := estimate.FromQueryOver(preset, q)
	for _, e := range nearMisses(q) {
		if !slices.Contains(locked, e.Field) { // a fixed field reads no parameter at all
			errs = append(errs, e)
		}
	}
	return in, errs
}

// pageParams are the URL parameters the app reads besides the scenario's (embed.go,
// lang.go, saved.go): none is taken for a misspelt scenario parameter.
var pageParams = []string{embedParam, viewParam, themeParam, accentParam, lockParam, hostParam, langParam, printParam}

// nearMisses reports the parameters of q that are not the contract's but look meant to
// be (estimate.NearParam: "cert", "Role", "yaers"), in name order: they are not read, and
// the notice says which name the link should have used.
func nearMisses(q url.Values) []*estimate.InputError {
	var errs []*estimate.InputError
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if p, ok := nearParam(k); ok {
			errs = append(errs, &estimate.InputError{Field: p, Code: estimate.CodeNotParam, Value: clip(k, 40)})
		}
	}
	return errs
}

// nearParam is the parameter of the contract a URL parameter name is a near miss of
// (estimate.NearParam), unless it is one of the page's own.
func nearParam(k string) (string, bool) {
	if slices.Contains(pageParams, strings.ToLower(strings.TrimSpace(k))) {
		return "", false
	}
	return estimate.NearParam(k)
}

// applyChange returns the scenario after one edit of a select, radio or checkbox, read
// through the model's reader over the scenario on screen, so the form accepts exactly
// what a deep link accepts. A value the form does not offer (a tampered page) leaves the
// scenario as it was. The problems it returns are with other fields the edit changed (a
// new state drops a metro area it does not have), for the notice.
func applyChange(in estimate.Input, ch Change) (estimate.Input, []*estimate.InputError, bool) {
	q := url.Values{}
	switch ch.Field {
	case estimate.ParamCerts:
		cs := slices.DeleteFunc(slices.Clone(in.Certs), func(c estimate.Cert) bool {
			return strings.EqualFold(string(c), ch.Value)
		})
		if ch.On {
			cs = append(cs, estimate.Cert(ch.Value))
		}
		q.Set(estimate.ParamCerts, joinCerts(cs))
	case estimate.ParamRole, estimate.ParamState, estimate.ParamMetro, estimate.ParamEducation,
		estimate.ParamEmployer, estimate.ParamBackground, estimate.ParamFrom:
		q.Set(ch.Field, ch.Value)
	default:
		return in, nil, false
	}
	out, errs := estimate.FromQueryOver(in, q)
	for _, e := range errs {
		if e.Field == ch.Field {
			return in, nil, false
		}
	}
	return out, errs, true
}

// parseYears reads a years field (experience or prior years) as typed, through the
// model's estimate.ParseYears. It returns the years to use and the text key of a problem
// to show beside the field, or "": an empty or non-whole entry keeps the current years
// (people are often half-way through typing); one out of range is clamped, and said so.
func parseYears(field, raw string, current int) (int, string) {
	n, err := estimate.ParseYears(field, raw, current)
	switch {
	case err == nil:
		return n, ""
	case err.Code == estimate.CodeRange:
		return n, "years.problem.range"
	case strings.TrimSpace(raw) == "":
		return n, "years.problem.empty"
	}
	return n, "years.problem.whole"
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
