package estimate

import (
	"errors"
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Limits of the years input.
const (
	MinYears = 0
	MaxYears = 45
)

// maxParam is the longest URL parameter value read; longer ones are refused whole.
const maxParam = 200

// URL parameter names: the public contract of deep links.
const (
	ParamRole       = "role"
	ParamState      = "state"
	ParamMetro      = "metro"
	ParamYears      = "years"
	ParamEducation  = "edu"
	ParamEmployer   = "employer"
	ParamCerts      = "certs"
	ParamBackground = "bg"
	ParamPrior      = "prior"
	ParamFrom       = "from"
)

// Params lists the URL parameters of the contract, in form order.
func Params() []string {
	return []string{ParamRole, ParamState, ParamMetro, ParamYears, ParamEducation, ParamEmployer,
		ParamCerts, ParamBackground, ParamPrior, ParamFrom}
}

// paramAliases are names a person may write for a parameter of the contract: the
// field's name in full (NearParam).
var paramAliases = map[string]string{
	"education": ParamEducation, "degree": ParamEducation,
	"background":    ParamBackground,
	"certification": ParamCerts, "certifications": ParamCerts,
	"experience": ParamYears,
}

// NearParam reports which parameter of the contract a URL parameter that is not one of
// them was most likely meant to be: the same name in other letter case ("Role"), a
// plural or singular ("cert", "year"), one letter added, dropped, changed or two
// swapped in a name of four letters or more ("yaers", "form"), or the field's name in
// full ("education"). A link whose "cert=cissp" was silently dropped showed another
// scenario than the one sent, with no word of why. Any other name (utm_source, the
// page's own parameters) is no near miss: links carry such parameters, and the
// contract's readers ignore them.
func NearParam(name string) (string, bool) {
	n := strings.ToLower(strings.TrimSpace(name))
	if n == "" || len(n) > maxParam {
		return "", false
	}
	params := Params()
	for _, p := range params {
		switch {
		case name == p:
			return "", false // the contract's own name
		case n == p:
			return p, true // the same name in other case (or with spaces)
		}
	}
	if p, ok := paramAliases[n]; ok {
		return p, true
	}
	for _, p := range params {
		if n+"s" == p || n == p+"s" {
			return p, true
		}
	}
	for _, p := range params {
		if len(p) >= 4 && len(n) >= 4 && oneEditApart(n, p) {
			return p, true
		}
	}
	return "", false
}

// oneEditApart reports whether a and b differ by exactly one letter added, dropped or
// changed, or two neighbours swapped (ASCII names: bytes are letters).
func oneEditApart(a, b string) bool {
	if a == b {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	switch len(b) - len(a) {
	case 0:
		i := 0
		for i < len(a) && a[i] == b[i] {
			i++
		}
		if a[i+1:] == b[i+1:] {
			return true // one changed
		}
		return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:] // two swapped
	case 1:
		i := 0
		for i < len(a) && a[i] == b[i] {
			i++
		}
		return a[i:] == b[i+1:] // one added
	}
	return false
}

// Default returns the scenario shown when nothing else is asked for: an EHR analyst in the
// nation as a whole with three years' experience and a bachelor's degree.
func Default() Input {
	return Input{Role: "ehr-analyst", State: "US", Years: 3, Education: EduBachelor,
		Employer: EmployerAny, Background: BackgroundNew}
}

// ErrorCode classifies an InputError.
type ErrorCode string

// Error codes.
const (
	CodeUnknown    ErrorCode = "unknown" // not one of the accepted values
	CodeRange      ErrorCode = "range"   // a number outside its range
	CodeFormat     ErrorCode = "format"  // not a whole number
	CodeTooLong    ErrorCode = "too-long"
	CodeNotInState ErrorCode = "not-in-state" // a metro area that does not span the chosen state
	// CodeNotParam: a URL parameter that is not the contract's but looks meant to be one
	// (NearParam); Field is the parameter it looks like, Value the name as written. It is
	// not read.
	CodeNotParam ErrorCode = "not-param"
)

// ErrorCodes lists every ErrorCode an InputError can carry (the UI has a message for
// each).
func ErrorCodes() []ErrorCode {
	return []ErrorCode{CodeUnknown, CodeRange, CodeFormat, CodeTooLong, CodeNotInState, CodeNotParam}
}

// InputError says which field was wrong and what a person should do. The UI translates it
// by Field and Code; Error gives the English message.
type InputError struct {
	Field string    // URL parameter name, for example "years"
	Code  ErrorCode // what was wrong
	Value string    // the offending value, shortened to at most 40 characters
	Used  string    // the value used instead
}

func (e *InputError) Error() string {
	switch e.Code {
	case CodeRange:
		return fmt.Sprintf("%s: %q is out of range: enter %d to %d; using %s", e.Field, e.Value, MinYears, MaxYears, e.Used)
	case CodeFormat:
		return fmt.Sprintf("%s: %q is not a whole number of years: enter %d to %d; using %s", e.Field, e.Value, MinYears, MaxYears, e.Used)
	case CodeTooLong:
		return fmt.Sprintf("%s: the value is too long to be valid; using %s", e.Field, e.Used)
	case CodeNotInState:
		return fmt.Sprintf("%s: metro area %q is not in the chosen state: pick one of the state's metro areas; using %s", e.Field, e.Value, e.Used)
	case CodeNotParam:
		return fmt.Sprintf("%s: the link's parameter %q is not read: the parameter is %q; using %s", e.Field, e.Value, e.Field, e.Used)
	default:
		return fmt.Sprintf("%s: %q is not a known value: pick one from the list; using %s", e.Field, e.Value, e.Used)
	}
}

// shorten trims a value for safe display in a message: at most 40 runes, valid UTF-8.
func shorten(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if utf8.RuneCountInString(s) <= 40 {
		return s
	}
	r := []rune(s)
	return string(r[:39]) + "…"
}

// Validate checks every field of in and returns all problems joined (nil if none). Each
// is an *InputError; errors.As finds the first. It accepts exactly what FromQuery reads.
func Validate(in Input) error {
	var errs []error
	d := Default()
	if _, ok := LookupRole(in.Role); !ok {
		errs = append(errs, &InputError{ParamRole, CodeUnknown, shorten(string(in.Role)), string(d.Role)})
	}
	if _, ok := LookupArea(in.State); !ok {
		errs = append(errs, &InputError{ParamState, CodeUnknown, shorten(in.State), d.State})
	}
	if m, ok := LookupMetro(in.Metro); in.Metro != "" && !ok {
		errs = append(errs, &InputError{ParamMetro, CodeUnknown, shorten(in.Metro), wholeState})
	} else if in.Metro != "" && !m.InState(in.State) {
		errs = append(errs, &InputError{ParamMetro, CodeNotInState, in.Metro, wholeState})
	}
	if in.Years < MinYears || in.Years > MaxYears {
		errs = append(errs, &InputError{ParamYears, CodeRange, strconv.Itoa(in.Years), strconv.Itoa(clampYears(in.Years))})
	}
	if !contains(educations, in.Education) {
		errs = append(errs, &InputError{ParamEducation, CodeUnknown, shorten(string(in.Education)), string(d.Education)})
	}
	if !contains(employers, in.Employer) {
		errs = append(errs, &InputError{ParamEmployer, CodeUnknown, shorten(string(in.Employer)), string(d.Employer)})
	}
	for _, c := range in.Certs {
		if !contains(certs, c) {
			errs = append(errs, &InputError{ParamCerts, CodeUnknown, shorten(string(c)), "none"})
		}
	}
	if !contains(backgrounds, in.Background) {
		errs = append(errs, &InputError{ParamBackground, CodeUnknown, shorten(string(in.Background)), string(d.Background)})
	}
	if in.Prior < MinYears || in.Prior > MaxYears {
		errs = append(errs, &InputError{ParamPrior, CodeRange, strconv.Itoa(in.Prior), strconv.Itoa(clampYears(in.Prior))})
	}
	if _, ok := LookupOrigin(in.From); !ok && in.From != "" {
		errs = append(errs, &InputError{ParamFrom, CodeUnknown, shorten(string(in.From)), "none"})
	}
	return errors.Join(errs...)
}

func contains[T comparable](xs []T, x T) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func clampYears(y int) int { return min(max(y, MinYears), MaxYears) }

// normalCerts sorts certifications in catalogue order and drops duplicates.
func normalCerts(cs []Cert) []Cert {
	var out []Cert
	for _, c := range certs {
		if contains(cs, c) {
			out = append(out, c)
		}
	}
	return out
}

// FromQuery reads a scenario from URL parameters over the default scenario: it is
// FromQueryOver(Default(), q).
func FromQuery(q url.Values) (Input, []*InputError) { return FromQueryOver(Default(), q) }

// FromQueryOver reads a scenario from URL parameters over a base scenario (a page's
// preset, or the scenario on screen). It never fails: each missing parameter keeps the
// base's value, and each bad one keeps it too and adds an *InputError saying what was
// wrong and what was used. Years out of range are clamped instead. Slugs are matched
// case-insensitively; parameters other than the contract's are ignored. The result
// passes Validate whenever base does; a base that does not is first replaced field by
// field with the defaults.
//
// It is the one reader of the contract: deep links, saved scenarios and form edits all
// go through it.
func FromQueryOver(base Input, q url.Values) (Input, []*InputError) {
	in := repair(base)
	var errs []*InputError
	get := func(name, used string) (string, bool) {
		vs, ok := q[name]
		if !ok || len(vs) == 0 {
			return "", false
		}
		v := strings.TrimSpace(vs[len(vs)-1])
		if len(v) > maxParam {
			errs = append(errs, &InputError{Field: name, Code: CodeTooLong, Used: used})
			return "", false
		}
		return v, v != ""
	}
	unknown := func(name, v, used string) {
		errs = append(errs, &InputError{name, CodeUnknown, shorten(v), used})
	}
	if v, ok := get(ParamRole, string(in.Role)); ok {
		if _, found := LookupRole(Role(strings.ToLower(v))); found {
			in.Role = Role(strings.ToLower(v))
		} else {
			unknown(ParamRole, v, string(in.Role))
		}
	}
	if v, ok := get(ParamState, in.State); ok {
		if _, found := LookupArea(strings.ToUpper(v)); found {
			in.State = strings.ToUpper(v)
		} else {
			unknown(ParamState, v, in.State)
		}
	}
	in.Metro, errs = readMetro(q, in, errs)
	if v, ok := get(ParamYears, strconv.Itoa(in.Years)); ok {
		var e *InputError
		in.Years, e = readYears(ParamYears, v, in.Years)
		if e != nil {
			errs = append(errs, e)
		}
	}
	if v, ok := get(ParamEducation, string(in.Education)); ok {
		if e := Education(strings.ToLower(v)); contains(educations, e) {
			in.Education = e
		} else {
			unknown(ParamEducation, v, string(in.Education))
		}
	}
	if v, ok := get(ParamEmployer, string(in.Employer)); ok {
		if e := Employer(strings.ToLower(v)); contains(employers, e) {
			in.Employer = e
		} else {
			unknown(ParamEmployer, v, string(in.Employer))
		}
	}
	if vs, ok := q[ParamCerts]; ok && len(vs) > 0 && strings.TrimSpace(vs[len(vs)-1]) == "" {
		in.Certs = nil // an empty certs= is an empty list
	}
	if v, ok := get(ParamCerts, "none"); ok {
		var cs []Cert
		for _, part := range strings.Split(v, ",") {
			c := Cert(strings.ToLower(strings.TrimSpace(part)))
			switch {
			case c == "":
			case contains(certs, c):
				cs = append(cs, c)
			default:
				unknown(ParamCerts, part, "the others")
			}
		}
		in.Certs = normalCerts(cs)
	}
	if v, ok := get(ParamBackground, string(in.Background)); ok {
		if b := Background(strings.ToLower(v)); contains(backgrounds, b) {
			in.Background = b
		} else {
			unknown(ParamBackground, v, string(in.Background))
		}
	}
	if v, ok := get(ParamPrior, strconv.Itoa(in.Prior)); ok {
		var e *InputError
		in.Prior, e = readYears(ParamPrior, v, in.Prior)
		if e != nil {
			errs = append(errs, e)
		}
	}
	if vs, ok := q[ParamFrom]; ok && len(vs) > 0 && strings.TrimSpace(vs[len(vs)-1]) == "" {
		in.From = "" // an empty from= clears the comparison
	}
	if v, ok := get(ParamFrom, originName(in.From)); ok {
		if o := Origin(strings.ToLower(v)); o == "none" {
			in.From = ""
		} else if _, found := LookupOrigin(o); found {
			in.From = o
		} else {
			unknown(ParamFrom, v, originName(in.From))
		}
	}
	return in, errs
}

// metroNone is the metro value that asks for the whole state, like an empty one (a form
// option's value cannot be empty: go-app drops an empty value attribute).
const metroNone = "none"

// wholeState is how an InputError names the metro used when none is: the whole state.
const wholeState = "the whole state"

// metroName is how an InputError names the metro used: its code, or wholeState.
func metroName(code string) string {
	if code == "" {
		return wholeState
	}
	return code
}

// readMetro reads the metro parameter over in (whose state is already read): a CBSA code
// of a metro area spanning the state, or empty (or "none") for the whole state. A bad one (unknown,
// or not in the state) keeps in's metro, or the whole state if that is not in the state
// either; so does a state changed to one the metro does not span, which is also reported,
// so that a person who picks another state is told why the metro was dropped.
func readMetro(q url.Values, in Input, errs []*InputError) (string, []*InputError) {
	vs, asked := q[ParamMetro]
	used := in.Metro
	if m, ok := LookupMetro(used); used != "" && (!ok || !m.InState(in.State)) {
		used = ""
		if !asked { // the state moved away from the metro: say why it is gone
			return "", append(errs, &InputError{ParamMetro, CodeNotInState, in.Metro, wholeState})
		}
	}
	if len(vs) == 0 {
		return used, errs
	}
	v := strings.TrimSpace(vs[len(vs)-1])
	code := CodeUnknown
	switch m, known := LookupMetro(v); {
	case v == "" || strings.EqualFold(v, metroNone):
		return "", errs
	case known && m.InState(in.State):
		return v, errs
	case len(v) > maxParam:
		code, v = CodeTooLong, ""
	case known:
		code = CodeNotInState
	default:
		v = shorten(v)
	}
	return used, append(errs, &InputError{ParamMetro, code, v, metroName(used)})
}

// originName is how an InputError names the origin used: its slug, or "none".
func originName(o Origin) string {
	if o == "" {
		return "none"
	}
	return string(o)
}

// repair replaces each invalid field of in with the default's, so a damaged base (old
// saved data, a page preset) never leaks into a result.
func repair(in Input) Input {
	d := Default()
	if _, ok := LookupRole(in.Role); !ok {
		in.Role = d.Role
	}
	if _, ok := LookupArea(in.State); !ok {
		in.State = d.State
	}
	if m, ok := LookupMetro(in.Metro); !ok || !m.InState(in.State) {
		in.Metro = ""
	}
	in.Years = clampYears(in.Years)
	if !contains(educations, in.Education) {
		in.Education = d.Education
	}
	if !contains(employers, in.Employer) {
		in.Employer = d.Employer
	}
	in.Certs = normalCerts(in.Certs)
	if !contains(backgrounds, in.Background) {
		in.Background = d.Background
	}
	in.Prior = clampYears(in.Prior)
	if _, ok := LookupOrigin(in.From); !ok {
		in.From = ""
	}
	return in
}

// ParseYears reads a years field as a person typed it (experience or prior years), for
// the form. It returns the years to use and, if the entry was not a whole number from
// MinYears to MaxYears, an *InputError with CodeFormat (empty or not a whole number:
// current is kept, people are often half-way through typing) or CodeRange (clamped).
func ParseYears(field, raw string, current int) (int, *InputError) {
	raw = strings.TrimSpace(raw)
	if len(raw) > maxParam {
		return current, &InputError{Field: field, Code: CodeTooLong, Used: strconv.Itoa(current)}
	}
	if raw == "" {
		return current, &InputError{field, CodeFormat, "", strconv.Itoa(current)}
	}
	return readYears(field, raw, current)
}

// readYears parses a non-empty years value: a whole number in range, a number out of
// range or not whole (clamped where it is whole, else current), or text (current).
func readYears(field, v string, current int) (int, *InputError) {
	n, err := strconv.Atoi(v)
	switch {
	case err != nil && isNumber(v) && !inRange(v):
		return current, &InputError{field, CodeRange, shorten(v), strconv.Itoa(current)}
	case err != nil:
		return current, &InputError{field, CodeFormat, shorten(v), strconv.Itoa(current)}
	case n < MinYears || n > MaxYears:
		return clampYears(n), &InputError{field, CodeRange, shorten(v), strconv.Itoa(clampYears(n))}
	}
	return n, nil
}

// inRange reports whether s is a number from MinYears to MaxYears (a whole one or not).
func inRange(s string) bool {
	f, err := strconv.ParseFloat(s, 64)
	return err == nil && f >= MinYears && f <= MaxYears
}

// isNumber reports whether s parses as a number that is not a whole number in int range
// (for example 7.5, 1e308 or -Inf), as opposed to text.
func isNumber(s string) bool {
	f, err := strconv.ParseFloat(s, 64)
	return (err == nil && !math.IsNaN(f)) || errors.Is(err, strconv.ErrRange)
}

// Query encodes in as URL parameters, in the contract's names and slugs. Every field but
// metro, prior and from is written, so a link keeps its meaning if the defaults change.
func (in Input) Query() url.Values {
	q := url.Values{}
	q.Set(ParamRole, string(in.Role))
	q.Set(ParamState, in.State)
	if in.Metro != "" { // written only when set: absent means the whole state
		q.Set(ParamMetro, in.Metro)
	}
	q.Set(ParamYears, strconv.Itoa(in.Years))
	q.Set(ParamEducation, string(in.Education))
	q.Set(ParamEmployer, string(in.Employer))
	if cs := normalCerts(in.Certs); len(cs) > 0 {
		parts := make([]string, len(cs))
		for i, c := range cs {
			parts[i] = string(c)
		}
		q.Set(ParamCerts, strings.Join(parts, ","))
	}
	q.Set(ParamBackground, string(in.Background))
	// prior and from are written only when set: absent means none, so older links and
	// the links of people who are not changing careers stay short and keep their meaning.
	if in.Prior != 0 {
		q.Set(ParamPrior, strconv.Itoa(in.Prior))
	}
	if in.From != "" {
		q.Set(ParamFrom, string(in.From))
	}
	return q
}
