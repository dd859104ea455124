package estimate

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
)

// Metro is a metropolitan statistical area (MSA) as BLS publishes OEWS wages for it.
type Metro struct {
	Code   string   // CBSA code, for example "14460"
	Name   string   // the BLS area title, for example "Boston-Cambridge-Newton, MA-NH"
	States []string // USPS codes of the states it spans, in title order
	RPP    float64  // BEA Regional Price Parity, all items, 2024 (US = 100); 0 where BEA has none
}

// InState reports whether the metro spans the state (USPS code).
func (m Metro) InState(state string) bool { return slices.Contains(m.States, state) }

// MetroTable is the metro-area data: the MSAs, the OEWS wages of the catalogue's
// occupations in them and their price parities. It is too large to compile into the
// browser's app (about 150 KB of text), so the model takes it as data: natively it is
// compiled in (metros_gen.go); in the browser the UI fetches web/metros.csv, parses it
// with ParseMetroTable and installs it with UseMetroTable. Until then no metro is known.
type MetroTable struct {
	metros []Metro // by name
	byCode map[string]int
	wages  map[areaSOC]wageRow
}

// metroTable is the installed table, or nil.
var metroTable atomic.Pointer[MetroTable]

// UseMetroTable installs the metro table every function of the package reads from then
// on (nil removes it). The model does no I/O: whoever has the data hands it over once.
func UseMetroTable(t *MetroTable) { metroTable.Store(t) }

// MetrosLoaded reports whether a metro table is installed.
func MetrosLoaded() bool { return metroTable.Load() != nil }

// Metros returns every metro area of the installed table, by name (none if no table).
func Metros() []Metro {
	t := metroTable.Load()
	if t == nil {
		return nil
	}
	return slices.Clone(t.metros)
}

// MetrosOf returns the metro areas that span a state, by name. A metro spanning several
// states is listed under each. The nation ("US") and an unknown state have none.
func MetrosOf(state string) []Metro {
	var out []Metro
	if t := metroTable.Load(); t != nil {
		for _, m := range t.metros {
			if m.InState(state) {
				out = append(out, m)
			}
		}
	}
	return out
}

// LookupMetro returns the metro area with a CBSA code from the installed table.
func LookupMetro(code string) (Metro, bool) {
	t := metroTable.Load()
	if t == nil {
		return Metro{}, false
	}
	i, ok := t.byCode[code]
	if !ok {
		return Metro{}, false
	}
	return t.metros[i], true
}

// metroWage returns the OEWS row of an occupation in a metro, if the table has one.
func metroWage(code, soc string) (wageRow, bool) {
	t := metroTable.Load()
	if t == nil {
		return wageRow{}, false
	}
	r, ok := t.wages[areaSOC{code, soc}]
	return r, ok
}

// ParseMetroTable reads the metro table in the format gen.go writes to web/metros.csv:
// lines starting with # are comments, "#! key: value" lines are metadata (the wage and
// price periods must be this edition's); a metro line is code|name|states|rpp (states
// space-separated, rpp empty where BEA has none), followed by its wage lines,
// soc|p10|p25|p50|p75|p90|employment (empty wages: not published). Metros come in the
// order Metros lists them (by name; gen.go sorts them). It refuses a table of another
// data edition, so a stale cached copy is never mixed with this model's tables. It is
// written to be small in the browser's app (plain loops, one error path).
func ParseMetroTable(data []byte) (*MetroTable, error) {
	t := &MetroTable{byCode: map[string]int{}, wages: map[areaSOC]wageRow{}}
	edition := 0
	cur := ""
	line := 0
	for rest := string(data); rest != ""; {
		var s string
		s, rest, _ = strings.Cut(rest, "\n")
		line++
		if s == "#! wages: "+wagePeriod || s == "#! rpp: "+rppPeriod {
			edition++
		}
		if s == "" || s[0] == '#' {
			continue
		}
		f := strings.Split(s, "|")
		ok := false
		switch len(f) {
		case 4:
			m := Metro{Code: f[0], Name: f[1], States: strings.Fields(f[2])}
			_, dup := t.byCode[m.Code]
			ok = len(m.Code) == 5 && digits(m.Code) && m.Name != "" && len(m.States) > 0 && !dup
			for _, st := range m.States {
				a, known := LookupArea(st)
				ok = ok && known && a.Code != "US"
			}
			if f[3] != "" {
				v, err := strconv.ParseFloat(f[3], 64)
				ok = ok && err == nil && v >= 50 && v <= 200
				m.RPP = v
			}
			t.byCode[m.Code] = len(t.metros)
			t.metros = append(t.metros, m)
			cur = m.Code
		case 7:
			var v [6]int
			ok = cur != ""
			for i := range v {
				if f[1+i] != "" {
					x, err := strconv.Atoi(f[1+i])
					ok = ok && err == nil && x >= 0
					v[i] = x
				}
			}
			p := Percentiles{v[0], v[1], v[2], v[3], v[4]}
			if p.P10 == 0 || p.P25 == 0 || p.P50 == 0 || p.P75 == 0 || p.P90 == 0 {
				p = Percentiles{} // a partly published row is not a distribution
			}
			ok = ok && p.P10 <= p.P25 && p.P25 <= p.P50 && p.P50 <= p.P75 && p.P75 <= p.P90
			t.wages[areaSOC{cur, f[0]}] = wageRow{Pct: p, Employment: v[5], Source: srcWagesMetro}
		}
		if !ok {
			return nil, errors.New("estimate: metro table line " + strconv.Itoa(line) + " is not valid: " + shorten(s))
		}
	}
	if edition != 2 || len(t.metros) == 0 {
		return nil, errors.New("estimate: the metro table is empty or not for wages " + wagePeriod + " and prices " + rppPeriod)
	}
	return t, nil
}

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// MetroBasis says how an estimate's metro wages are known.
type MetroBasis string

// Metro bases, from firmest to weakest.
const (
	MetroPublished MetroBasis = "published" // BLS published the occupation's wages in the metro
	MetroScaled    MetroBasis = "scaled"    // the state's wages scaled by the metro's level for related occupations
	MetroState     MetroBasis = "state"     // too little published in the metro: the state's wages stand
	MetroNone      MetroBasis = ""          // no metro chosen
)

// minRelated is the fewest related occupations whose metro and state medians must both
// be published for the metro's pay level to be estimated (an assumption): one
// occupation's ratio is too noisy to stand for a whole metro.
const minRelated = 2

// metroBase returns the distribution of a role in a metro, and how it is known: the
// metro's own where BLS published it; else the state's (st) scaled by the metro's pay
// level for the catalogue's other occupations; else, with fewer than minRelated of them,
// the state's as it is.
func metroBase(st base, m Metro) (base, MetroBasis, float64, int) {
	b := base{role: st.role, area: st.area}
	row, ok := metroWage(m.Code, st.role.SOC)
	if ok && row.Pct.P10 > 0 {
		b.pct, b.emp, b.source = row.Pct, row.Employment, srcWagesMetro
		b.dist = newDistribution(b.pct)
		b.sigma = b.dist.sigma()
		return b, MetroPublished, 1, 0
	}
	level, n := metroLevel(m.Code, st.area.Code, st.role.SOC)
	if n < minRelated {
		return st, MetroState, 1, n
	}
	p := st.pct
	b.pct = Percentiles{USD(float64(p.P10) * level), USD(float64(p.P25) * level), USD(float64(p.P50) * level),
		USD(float64(p.P75) * level), USD(float64(p.P90) * level)}
	b.emp = row.Employment
	b.fallback = st.fallback
	b.source = srcWagesMetro
	b.dist = newDistribution(b.pct)
	b.sigma = b.dist.sigma()
	return b, MetroScaled, level, n
}

// metroLevel is the geometric mean, over the catalogue's other occupations with published
// medians in both the metro and the state, of the metro's median divided by the state's,
// and how many occupations it rests on.
func metroLevel(metro, state, skip string) (float64, int) {
	var sum float64
	var n int
	seen := map[string]bool{skip: true}
	for _, r := range roles {
		if seen[r.SOC] {
			continue
		}
		seen[r.SOC] = true
		mw, ok1 := metroWage(metro, r.SOC)
		sw, ok2 := oewsWages[areaSOC{state, r.SOC}]
		if ok1 && ok2 && mw.Pct.P50 > 0 && sw.Pct.P50 > 0 {
			sum += math.Log(float64(mw.Pct.P50) / float64(sw.Pct.P50))
			n++
		}
	}
	if n == 0 {
		return 1, 0
	}
	return math.Exp(sum / float64(n)), n
}
