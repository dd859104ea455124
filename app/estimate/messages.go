package estimate

import (
	"math"
	"slices"
	"strconv"
	"strings"
)

// messageText holds the English of every sentence the model says (Message.Key), with
// named placeholders such as {years}. It is the reference for translations: app/text
// takes these keys into its English catalogue and every other language translates them.
var messageText = map[string]string{
	// The base: the occupation's median where the person works.
	"note.base":          "The median wage of BLS occupation {soc} in {area}, {period}: half of the people in it earn more.",
	"note.base.fallback": "BLS published no wages for occupation {soc} in {area}; national wages are scaled by the local pay level of related jobs.",

	// Location: the metro area against the state.
	"note.location.metro":  "The median wage of occupation {soc} in the {metro} metro area (BLS, {period}), against the median in {area} above.",
	"note.location.scaled": "BLS published no wages for occupation {soc} in the {metro} metro area. The {area} wages are scaled by the metro’s pay level for {n} related occupations: {level} of the state’s.",
	"note.location.state":  "BLS published wages for too few related occupations in the {metro} metro area to estimate its pay level, so the {area} wages for occupation {soc} are used.",

	// Experience. The median worker of the model has ReferenceYears of experience.
	"note.experience.below.one": "1 year of experience. The median worker in the occupation has about {ref} years, so fewer years place you lower; pay rises fastest in the first years.",
	"note.experience.below":     "{years} years of experience. The median worker in the occupation has about {ref} years, so fewer years place you lower; pay rises fastest in the first years.",
	"note.experience.at":        "{years} years of experience: about as much as the median worker in the occupation.",
	"note.experience.above":     "{years} years of experience, more than the median worker’s {ref} or so. Pay levels off after about {plateau} years.",

	// Transferable experience from a previous field.
	"note.transfer.none":    "No years in a previous field entered.",
	"note.transfer.counted": "Half of your {prior} years in {field} work count toward this role (an assumption): {credited} years more experience.",
	"note.transfer.nofit":   "Your {prior} years in {field} work are not counted: this role does not draw on that work directly.",
	"note.transfer.nofield": "Years in a previous field count only with a clinical or IT background; choose your background to count them.",
	"note.transfer.full":    "Your {prior} years in {field} work would count, but your experience already reaches the point where pay levels off.",

	// Education against the role's usual entry education.
	"note.education.same": "The usual education for this role ({typical}), so no change.",
	"note.education.more": "More than the usual {typical} for this role. Only {share} of the pay gap between these education levels across all jobs is applied: much of that gap comes from people moving into better-paid occupations, and here the occupation is given.",
	"note.education.less": "Less than the usual {typical} for this role. Only {share} of the pay gap between these education levels across all jobs is applied: much of that gap comes from people moving into better-paid occupations, and here the occupation is given.",

	// Employer type.
	"note.employer.any":      "No employer type chosen: the figures for all employers stand.",
	"note.employer.industry": "In {industry}, this occupation’s average pay is {ratio} of its average in all industries (BLS, {period}); that ratio is applied.",
	"note.employer.broader":  "BLS publishes this occupation’s pay only for the wider {industry}, where its average is {ratio} of its average in all industries (BLS, {period}); half of that gap is applied.",
	"note.employer.survey":   "BLS publishes no wages for this occupation in the industry of this employer type, so half of the gap found in salary surveys of health IT staff is applied.",

	// Certifications.
	"note.cert.none":       "No certifications.",
	"note.cert.notcounted": "None of your certifications counts for this role.",
	"note.cert.one":        "One certification that matters for this role. Evidence for certification premiums is thin, so the effect is kept small ({each}).",
	"note.cert.other":      "{n} certifications that matter for this role. Evidence for certification premiums is thin, so the effect is kept small ({each} each) and capped at {cap}.",

	// Background.
	"note.bg.none":             "No previous field chosen, so background does not change the estimate.",
	"note.bg.it":               "An IT background counts through the years it brings (transferable experience), not as a premium of its own.",
	"note.bg.clinical":         "Clinical knowledge is part of this role, so a small premium is assumed ({premium}).",
	"note.bg.clinical.nocount": "This role does not use clinical knowledge directly, so a clinical background does not change the estimate.",

	// Confidence reasons.
	"reason.fallback":       "BLS did not publish wages for this occupation in this state; they are estimated from national wages.",
	"reason.proxy":          "BLS has no separate wage figures for this role; those of its broader occupation group are used.",
	"reason.small":          "Fewer than 1,000 people hold this occupation in this state, so the published wages are less precise.",
	"reason.small.metro":    "Fewer than 1,000 people hold this occupation in this metro area, so the published wages are less precise.",
	"reason.metro.scaled":   "BLS did not publish wages for this occupation in this metro area; they are estimated from the state’s wages and the metro’s pay level for related occupations.",
	"reason.metro.state":    "BLS published too little for this metro area to estimate its pay level; the state’s wages are used for it.",
	"reason.official.metro": "Official BLS wages for this occupation and metro area, and no thinly evidenced factor applies.",
	"reason.edge":           "This profile sits at the edge of the published wage range, where the figures are extrapolated.",
	"reason.employer":       "BLS publishes no industry wages for this occupation and employer type; a salary-survey gap is used instead.",
	"reason.certs":          "Certification premiums rest on thin, self-reported survey evidence.",
	"reason.transfer":       "How much of the years in a previous field count is an assumption; no study measuring it was found.",
	"reason.official":       "Official BLS wages for this occupation and state, and no thinly evidenced factor applies.",

	// The comparison with the person's current occupation.
	"note.from":          "{from} in {area}: median pay {median} a year (BLS, {period}).",
	"note.from.fallback": "BLS published no median for {from} in {area}; the national median, {median} a year, is shown instead (BLS, {period}).",

	// Facts about a role.
	"note.role.shared": "{role} and {other} use the same BLS wage series ({soc}), so their figures are the same: the difference is in the work, not in published pay.",
	"note.role.proxy":  "BLS has no separate figures for this role, so a broader occupation group stands in.",
	"note.role.later":  "Few people start in this role: it is usually reached after several years in IT or in the field, so estimates for the first years are less typical.",

	// Education payback (payback.go).
	"payback.tuition.twoyear":  "Starting figure {tuition} a year: the average published tuition and fees of a public two-year college, in-district ({source}). Enter your program’s.",
	"payback.tuition.fouryear": "Starting figure {tuition} a year: the average published tuition and fees of a public four-year college, in-state ({source}). Enter your program’s.",
	"payback.tuition.graduate": "Only an example: {tuition} a year is the undergraduate public four-year average ({source}); graduate programs often cost more. Enter your program’s.",
	"payback.verdict.year":     "Pays back in year {year}, counting from the start of study.",
	"payback.verdict.never":    "Does not pay back within {horizon} years in this role.",
	"payback.verdict.nogain":   "In this role the estimate is the same with {from} as with {to}, so the step does not pay back here (it may still open other roles).",
	"payback.assumptions":      "Both pay streams are this model’s estimates, year by year, for this role and state, in today’s dollars; the gain within one occupation is smaller than the gap between education levels across all jobs. Future amounts are discounted at {rate} a year after inflation (an assumption); full-time study adds no experience and earns nothing; taxes, aid, loans and interest are left out. The payback year is looked for within {horizon} years.",
}

// msg makes a Message of a key of messageText, rendering its English.
func msg(key string, args ...Arg) Message {
	return Message{Key: key, Args: args, Text: render(messageText[key], args)}
}

// MessageText returns the English template of a model message key, for the UI's
// catalogue. The second result is false for a key the model never uses.
func MessageText(key string) (string, bool) {
	s, ok := messageText[key]
	return s, ok
}

// MessageKeys lists every message key the model can use.
func MessageKeys() []string {
	out := make([]string, 0, len(messageText))
	for k := range messageText {
		out = append(out, k)
	}
	return out
}

func argText(name, s string) Arg        { return Arg{Name: name, Kind: ArgText, Text: s} }
func argInt(name string, n int) Arg     { return Arg{Name: name, Kind: ArgInt, Num: float64(n)} }
func argMoney(name string, n int) Arg   { return Arg{Name: name, Kind: ArgMoney, Num: float64(n)} }
func argDec(name string, x float64) Arg { return Arg{Name: name, Kind: ArgDecimal, Num: x} }
func argPct(name string, x float64) Arg { return Arg{Name: name, Kind: ArgPercent, Num: x} }
func argKey(name, key, en string) Arg   { return Arg{Name: name, Kind: ArgKey, Key: key, Text: en} }
func areaArg(a Area) Arg                { return argKey("area", "area."+a.Code, a.Name) }
func periodArg(name, period string) Arg { return argText(name, period) }
func eduArg(name string, e Education) Arg {
	return argKey(name, "edu."+string(e)+".phrase", eduPhrase[e])
}

// eduPhrase is the English of each education level inside a sentence.
var eduPhrase = map[Education]string{
	EduHS:          "a high school diploma",
	EduSomeCollege: "some college or a certificate",
	EduAssociate:   "an associate degree",
	EduBachelor:    "a bachelor’s degree",
	EduMaster:      "a master’s degree",
	EduDoctorate:   "a doctoral or professional degree",
}

// render fills the placeholders of an English template with args in English.
func render(tmpl string, args []Arg) string {
	if len(args) == 0 {
		return tmpl
	}
	return Fill(tmpl, func(name string) (string, bool) {
		i := slices.IndexFunc(args, func(a Arg) bool { return a.Name == name })
		if i < 0 {
			return "", false
		}
		return EnglishArg(args[i]), true
	})
}

// Fill replaces each placeholder {name} of a message template (messageText's syntax,
// which every translation in app/text follows) with value(name); a brace whose name has
// no value is kept as it is. It scans s once and builds no replacer: every Result
// carries a few dozen messages, and a strings.Replacer built per message cost more than
// the rest of the sentence (BenchmarkEdit in app/ui).
func Fill(s string, value func(name string) (string, bool)) string {
	if strings.IndexByte(s, '{') < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for {
		open := strings.IndexByte(s, '{')
		if open < 0 {
			break
		}
		end := strings.IndexByte(s[open+1:], '}')
		if end < 0 {
			break
		}
		v, ok := value(s[open+1 : open+1+end])
		if !ok {
			b.WriteString(s[:open+1])
			s = s[open+1:]
			continue
		}
		b.WriteString(s[:open])
		b.WriteString(v)
		s = s[open+2+end:]
	}
	b.WriteString(s)
	return b.String()
}

// EnglishArg writes an argument in English: digits grouped with commas, money as $1,250,
// negative numbers with a minus sign.
func EnglishArg(a Arg) string {
	switch a.Kind {
	case ArgInt:
		return groupInt(int(math.Round(a.Num)))
	case ArgMoney:
		n := int(math.Round(a.Num))
		if n < 0 {
			return "\u2212$" + groupInt(-n)
		}
		return "$" + groupInt(n)
	case ArgDecimal:
		return strconv.FormatFloat(a.Num, 'f', -1, 64)
	case ArgPercent:
		return strconv.FormatFloat(math.Round(a.Num*10)/10, 'f', -1, 64) + "%"
	}
	return a.Text
}

func groupInt(n int) string {
	if n < 0 {
		return "\u2212" + groupInt(-n)
	}
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
