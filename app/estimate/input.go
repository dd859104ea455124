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
	ParamYears      = "years"
	ParamEducation  = "edu"
	ParamEmployer   = "employer"
	ParamCerts      = "certs"
	ParamBackground = "bg"
)

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
	CodeUnknown ErrorCode = "unknown" // not one of the accepted values
	CodeRange   ErrorCode = "range"   // a number outside its range
	CodeFormat  ErrorCode = "format"  // not a whole number
	CodeTooLong ErrorCode = "too-long"
)

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
// is an *InputError; errors.As finds the first.
func Validate(in Input) error {
	var errs []error
	d := Default()
	if _, ok := LookupRole(in.Role); !ok {
		errs = append(errs, &InputError{ParamRole, CodeUnknown, shorten(string(in.Role)), string(d.Role)})
	}
	if _, ok := LookupArea(in.State); !ok {
		errs = append(errs, &InputError{ParamState, CodeUnknown, shorten(in.State), d.State})
	}
	if in.Years < MinYears || in.Years > MaxYears {
		errs = append(errs, &InputError{ParamYears, CodeRange, strconv.Itoa(in.Years), strconv.Itoa(clampYears(in.Years))})
	}
	if _, ok := educationWeekly[in.Education]; !ok {
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

// FromQuery reads a scenario from URL parameters. It never fails: each missing parameter
// keeps its default, and each bad one keeps its default too and adds an *InputError saying
// what was wrong. Slugs are matched case-insensitively; parameters other than the contract's
// are ignored. The returned Input always passes Validate.
func FromQuery(q url.Values) (Input, []*InputError) {
	in := Default()
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
	if v, ok := get(ParamRole, string(in.Role)); ok {
		if _, found := LookupRole(Role(strings.ToLower(v))); found {
			in.Role = Role(strings.ToLower(v))
		} else {
			errs = append(errs, &InputError{ParamRole, CodeUnknown, shorten(v), string(in.Role)})
		}
	}
	if v, ok := get(ParamState, in.State); ok {
		if _, found := LookupArea(strings.ToUpper(v)); found {
			in.State = strings.ToUpper(v)
		} else {
			errs = append(errs, &InputError{ParamState, CodeUnknown, shorten(v), in.State})
		}
	}
	if v, ok := get(ParamYears, strconv.Itoa(in.Years)); ok {
		n, err := strconv.Atoi(v)
		switch {
		case err != nil && isNumber(v):
			errs = append(errs, &InputError{ParamYears, CodeRange, shorten(v), strconv.Itoa(in.Years)})
		case err != nil:
			errs = append(errs, &InputError{ParamYears, CodeFormat, shorten(v), strconv.Itoa(in.Years)})
		case n < MinYears || n > MaxYears:
			in.Years = clampYears(n)
			errs = append(errs, &InputError{ParamYears, CodeRange, shorten(v), strconv.Itoa(in.Years)})
		default:
			in.Years = n
		}
	}
	if v, ok := get(ParamEducation, string(in.Education)); ok {
		if e := Education(strings.ToLower(v)); contains(educations, e) {
			in.Education = e
		} else {
			errs = append(errs, &InputError{ParamEducation, CodeUnknown, shorten(v), string(in.Education)})
		}
	}
	if v, ok := get(ParamEmployer, string(in.Employer)); ok {
		if e := Employer(strings.ToLower(v)); contains(employers, e) {
			in.Employer = e
		} else {
			errs = append(errs, &InputError{ParamEmployer, CodeUnknown, shorten(v), string(in.Employer)})
		}
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
				errs = append(errs, &InputError{ParamCerts, CodeUnknown, shorten(part), "the others"})
			}
		}
		in.Certs = normalCerts(cs)
	}
	if v, ok := get(ParamBackground, string(in.Background)); ok {
		if b := Background(strings.ToLower(v)); contains(backgrounds, b) {
			in.Background = b
		} else {
			errs = append(errs, &InputError{ParamBackground, CodeUnknown, shorten(v), string(in.Background)})
		}
	}
	return in, errs
}

// isNumber reports whether s parses as a number that is not a whole number in int range
// (for example 7.5, 1e308 or -Inf), as opposed to text.
func isNumber(s string) bool {
	f, err := strconv.ParseFloat(s, 64)
	return (err == nil && !math.IsNaN(f)) || errors.Is(err, strconv.ErrRange)
}

// Query encodes in as URL parameters, in the contract's names and slugs. Every field is
// written, so a link keeps its meaning if the defaults change.
func (in Input) Query() url.Values {
	q := url.Values{}
	q.Set(ParamRole, string(in.Role))
	q.Set(ParamState, in.State)
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
	return q
}
