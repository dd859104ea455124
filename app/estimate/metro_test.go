package estimate

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestMain installs the metro table from web/metros.csv where it is not compiled in (the
// js/wasm test run): the browser's path, the file it fetches and the parser it uses.
func TestMain(m *testing.M) {
	if !MetrosLoaded() {
		data, err := os.ReadFile(filepath.Join("..", "..", "web", "metros.csv"))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		t, err := ParseMetroTable(data)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		UseMetroTable(t)
	}
	os.Exit(m.Run())
}

// reference is the profile that sits exactly at the median: ReferenceYears, the role's
// usual education, any employer, no certifications, a new background.
func reference(r RoleInfo, state, metro string) Input {
	return Input{Role: r.Slug, State: state, Metro: metro, Years: ReferenceYears, Education: r.Typical,
		Employer: EmployerAny, Background: BackgroundNew}
}

// TestMetroMedianReproduced: in every metro and state where BLS published a role's
// wages, the reference profile's estimate is that metro's OEWS median, and the breakdown
// goes from the state's median (base) to the metro's (location) exactly.
func TestMetroMedianReproduced(t *testing.T) {
	checked := 0
	for _, m := range Metros() {
		for _, st := range m.States {
			for _, r := range roles {
				row, ok := metroWage(m.Code, r.SOC)
				if !ok || row.Pct.P10 == 0 {
					continue
				}
				res, err := Estimate(reference(r, st, m.Code))
				if err != nil {
					t.Fatal(err)
				}
				checked++
				if res.Estimate != row.Pct.P50 || res.MetroBasis != MetroPublished || res.Spread != row.Pct {
					t.Errorf("%s in %s (%s): estimate %d basis %q, want the metro median %d, published", r.Slug, m.Name, st, res.Estimate, res.MetroBasis, row.Pct.P50)
				}
				base, loc := res.Factors[0], res.Factors[1]
				stateMedian := lookupStateMedian(t, r, st)
				if base.Kind != FactorBase || base.Dollars != stateMedian || loc.Kind != FactorLocation ||
					loc.Dollars != row.Pct.P50-stateMedian || loc.Evidence != EvidenceOfficial || loc.Note.Key != "note.location.metro" {
					t.Errorf("%s in %s (%s): base %+v, location %+v; want %d then %+d", r.Slug, m.Name, st, base, loc, stateMedian, row.Pct.P50-stateMedian)
				}
			}
		}
	}
	if checked < 3000 {
		t.Errorf("only %d metro, state and role cases checked", checked)
	}
}

func lookupStateMedian(t *testing.T, r RoleInfo, st string) int {
	t.Helper()
	a, _ := LookupArea(st)
	b, err := lookupBase(r, a)
	if err != nil {
		t.Fatal(err)
	}
	return b.pct.P50
}

// TestMetroFallbacks names each way a metro's wages can be known.
func TestMetroFallbacks(t *testing.T) {
	tests := []struct {
		name       string
		role       Role
		state      string
		metro      string
		basis      MetroBasis
		key        string // the location factor's note
		reason     string // a confidence reason that must be given
		confidence Confidence
	}{
		{"published: network administrators in Boston", "network-admin", "MA", "14460", MetroPublished, "note.location.metro", "reason.official.metro", ConfidenceHigh},
		{"published in the other state of a two-state metro", "network-admin", "NH", "14460", MetroPublished, "note.location.metro", "reason.official.metro", ConfidenceHigh},
		{"published: medical records in one of the 22 large metros", "medical-records", "MA", "14460", MetroPublished, "note.location.metro", "reason.official.metro", ConfidenceHigh},
		{"scaled: database administrators not published in El Centro", "database-admin", "CA", "20940", MetroScaled, "note.location.scaled", "reason.metro.scaled", ConfidenceMedium},
		{"scaled: health information outside the 22 large metros", "health-info-tech", "CA", "20940", MetroScaled, "note.location.scaled", "reason.metro.scaled", ConfidenceMedium},
		{"state itself: one related occupation in Eagle Pass", "ehr-analyst", "TX", "20580", MetroState, "note.location.state", "reason.metro.state", ConfidenceMedium},
		{"scaled over a state fallback: health information in Birmingham", "health-info-tech", "AL", "13820", MetroScaled, "note.location.scaled", "reason.fallback", ConfidenceLow},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := Default()
			in.Role, in.State, in.Metro = tc.role, tc.state, tc.metro
			r, err := Estimate(in)
			if err != nil {
				t.Fatal(err)
			}
			loc := factor(r, FactorLocation)
			if r.MetroBasis != tc.basis || loc.Note.Key != tc.key || r.Confidence != tc.confidence {
				t.Errorf("basis %q, note %q, confidence %q; want %q, %q, %q", r.MetroBasis, loc.Note.Key, r.Confidence, tc.basis, tc.key, tc.confidence)
			}
			found := false
			for _, m := range r.Reasons {
				found = found || m.Key == tc.reason
			}
			if !found {
				t.Errorf("reasons %v lack %s", r.Reasons, tc.reason)
			}
			checkResult(t, in, r)
			ri, _ := LookupRole(tc.role)
			stMedian := lookupStateMedian(t, ri, tc.state)
			switch tc.basis {
			case MetroState:
				if loc.Applies || loc.Dollars != 0 || r.Spread != mustBase(t, ri, tc.state).pct {
					t.Errorf("the state itself: location %+v, spread %+v", loc, r.Spread)
				}
			case MetroScaled:
				// The metro's median is the state's times the level of the related
				// occupations, exactly as the note says.
				m, _ := LookupMetro(tc.metro)
				level, n := metroLevel(m.Code, tc.state, ri.SOC)
				if n < minRelated || r.Spread.P50 != USD(float64(stMedian)*level) || loc.Evidence != EvidenceDerived {
					t.Errorf("scaled by %v over %d occupations: spread %+v from state median %d", level, n, r.Spread, stMedian)
				}
			}
		})
	}
}

func mustBase(t *testing.T, r RoleInfo, st string) base {
	t.Helper()
	a, _ := LookupArea(st)
	b, err := lookupBase(r, a)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestMetroPurchasingPower: the metro's own BEA price parity is used, and cited.
func TestMetroPurchasingPower(t *testing.T) {
	in := Default()
	in.State, in.Metro = "MA", "14460"
	r, err := Estimate(in)
	if err != nil {
		t.Fatal(err)
	}
	m, _ := LookupMetro("14460")
	if m.RPP == 0 || r.RPP != m.RPP || r.RPPPlace.Text != m.Name || r.PurchasingPower != USD(float64(r.Estimate)*100/m.RPP) {
		t.Errorf("RPP %v (%+v), power %d; want the metro's %v", r.RPP, r.RPPPlace, r.PurchasingPower, m.RPP)
	}
	cited := map[string]bool{}
	for _, s := range r.Sources {
		cited[s.ID] = true
	}
	if !cited[srcRPPMetro] || cited[srcRPP] || !cited[srcWagesMetro] || !cited[srcWagesState] {
		t.Errorf("sources %v: want the metro RPP and wages and the state wages", cited)
	}
	in.Metro = ""
	s, _ := Estimate(in)
	if a, _ := LookupArea("MA"); s.RPP != a.RPP || s.RPPPlace.Key != "area.MA" || len(s.Factors) != 7 || s.MetroBasis != MetroNone {
		t.Errorf("whole state: RPP %v (%+v), %d factors, basis %q", s.RPP, s.RPPPlace, len(s.Factors), s.MetroBasis)
	}
}

func TestMetrosOf(t *testing.T) {
	ma, nh := MetrosOf("MA"), MetrosOf("NH")
	has := func(ms []Metro, code string) bool {
		for _, m := range ms {
			if m.Code == code {
				return true
			}
		}
		return false
	}
	if !has(ma, "14460") || !has(nh, "14460") {
		t.Error("Boston-Cambridge-Newton, MA-NH is not listed under both states")
	}
	for i := 1; i < len(ma); i++ {
		if ma[i-1].Name > ma[i].Name {
			t.Errorf("MetrosOf(MA) not by name: %q before %q", ma[i-1].Name, ma[i].Name)
		}
	}
	if len(MetrosOf("US")) != 0 || len(MetrosOf("ZZ")) != 0 {
		t.Error("the nation or an unknown state has metros")
	}
	all := Metros()
	for i := 1; i < len(all); i++ {
		if all[i-1].Name > all[i].Name {
			t.Errorf("Metros() not by name: %q before %q", all[i-1].Name, all[i].Name)
		}
	}
	if n := len(all); n != 387 {
		t.Errorf("%d metros, want the 393 OEWS MSAs less Puerto Rico's 6", n)
	}
	for _, m := range Metros() {
		if m.RPP < 75 || m.RPP > 130 {
			t.Errorf("%s: RPP %v", m.Name, m.RPP)
		}
	}
	if _, ok := LookupMetro("14460"); !ok {
		t.Error("no Boston")
	}
	if _, ok := LookupMetro("41980"); ok {
		t.Error("San Juan (Puerto Rico) is listed")
	}
}

func TestFromQueryMetro(t *testing.T) {
	boston := Default()
	boston.State, boston.Metro = "MA", "14460"
	tests := []struct {
		name   string
		base   Input
		query  string
		state  string
		metro  string
		errors []string
	}{
		{"a metro of the state", Default(), "state=MA&metro=14460", "MA", "14460", nil},
		{"a two-state metro under its other state", Default(), "state=NH&metro=14460", "NH", "14460", nil},
		{"trimmed", Default(), "state=MA&metro=%2014460%20", "MA", "14460", nil},
		{"not in the state", Default(), "state=CA&metro=14460", "CA", "", []string{"metro:not-in-state"}},
		{"the nation has no metros", Default(), "metro=14460", "US", "", []string{"metro:not-in-state"}},
		{"unknown code", Default(), "state=MA&metro=99999", "MA", "", []string{"metro:unknown"}},
		{"Puerto Rico is not offered", Default(), "state=MA&metro=41980", "MA", "", []string{"metro:unknown"}},
		{"text", Default(), "state=MA&metro=boston", "MA", "", []string{"metro:unknown"}},
		{"script", Default(), "state=MA&metro=%3Cscript%3E", "MA", "", []string{"metro:unknown"}},
		{"too long", Default(), "state=MA&metro=" + strings.Repeat("1", 300), "MA", "", []string{"metro:too-long"}},
		{"empty is the whole state", boston, "metro=", "MA", "", nil},
		{"none is the whole state", boston, "metro=None", "MA", "", nil},
		{"a bad metro keeps the base's", boston, "metro=00000", "MA", "14460", []string{"metro:unknown"}},
		{"a state change keeps a metro that spans it", boston, "state=NH", "NH", "14460", nil},
		{"a state change drops a metro that does not span it, and says so", boston, "state=CA", "CA", "", []string{"metro:not-in-state"}},
		{"a state change with a new metro", boston, "state=CA&metro=31080", "CA", "31080", nil},
		{"other parameters keep the metro", boston, "role=it-support&years=4", "MA", "14460", nil},
		{"a bad state keeps state and metro", boston, "state=ZZ", "MA", "14460", []string{"state:unknown"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q, err := url.ParseQuery(tc.query)
			if err != nil {
				t.Fatal(err)
			}
			in, errs := FromQueryOver(tc.base, q)
			var got []string
			for _, e := range errs {
				got = append(got, e.Field+":"+string(e.Code))
				if e.Error() == "" || strings.Contains(e.Error(), "<script>") && e.Code != CodeUnknown {
					t.Errorf("message %q", e.Error())
				}
			}
			if in.State != tc.state || in.Metro != tc.metro || !reflect.DeepEqual(got, tc.errors) {
				t.Errorf("got state %q metro %q errors %v; want %q %q %v", in.State, in.Metro, got, tc.state, tc.metro, tc.errors)
			}
			if err := Validate(in); err != nil {
				t.Errorf("result invalid: %v", err)
			}
			back, errs := FromQuery(in.Query())
			if len(errs) > 0 || !reflect.DeepEqual(back, in) {
				t.Errorf("round trip %+v -> %+v %v", in, back, errs)
			}
		})
	}
	// The query writes metro only when one is set.
	if _, ok := Default().Query()[ParamMetro]; ok {
		t.Error("the whole state writes metro=")
	}
	if got := boston.Query().Get(ParamMetro); got != "14460" {
		t.Errorf("metro=%q", got)
	}
}

func TestValidateMetro(t *testing.T) {
	for _, tc := range []struct {
		state, metro string
		code         ErrorCode
	}{
		{"MA", "14460", ""},
		{"CA", "14460", CodeNotInState},
		{"US", "14460", CodeNotInState},
		{"MA", "1446", CodeUnknown},
		{"MA", "", ""},
	} {
		in := Default()
		in.State, in.Metro = tc.state, tc.metro
		err := Validate(in)
		var ie *InputError
		switch {
		case tc.code == "" && err != nil:
			t.Errorf("%s/%s: %v", tc.state, tc.metro, err)
		case tc.code != "" && (!errors.As(err, &ie) || ie.Field != ParamMetro || ie.Code != tc.code):
			t.Errorf("%s/%s: %v, want metro:%s", tc.state, tc.metro, err, tc.code)
		}
		if _, err := Estimate(in); (err != nil) != (tc.code != "") {
			t.Errorf("%s/%s: Estimate error %v", tc.state, tc.metro, err)
		}
	}
	// A damaged base never leaks a metro outside its state.
	in := Default()
	in.State, in.Metro = "CA", "14460"
	if r := repair(in); r.Metro != "" {
		t.Errorf("repair kept %q", r.Metro)
	}
}

// TestNoMetroTable: before the browser has fetched the table, no metro is known, and a
// link naming one is reported rather than guessed at.
func TestNoMetroTable(t *testing.T) {
	saved := metroTable.Load()
	defer UseMetroTable(saved)
	UseMetroTable(nil)
	if MetrosLoaded() || len(MetrosOf("MA")) != 0 || len(Metros()) != 0 {
		t.Fatal("metros without a table")
	}
	in, errs := FromQuery(url.Values{ParamState: {"MA"}, ParamMetro: {"14460"}})
	if in.Metro != "" || len(errs) != 1 || errs[0].Code != CodeUnknown {
		t.Errorf("got %+v %v", in, errs)
	}
	if _, err := Estimate(in); err != nil {
		t.Error(err)
	}
}

func TestParseMetroTable(t *testing.T) {
	head := "#! wages: " + wagePeriod + "\n#! rpp: " + rppPeriod + "\n"
	good := head + "14460|Boston, MA-NH|MA NH|107.5\n15-1211|1|2|3|4|5|60\n15-1232||||||70\n"
	tbl, err := ParseMetroTable([]byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if w := tbl.wages[areaSOC{"14460", "15-1211"}]; w.Pct != (Percentiles{1, 2, 3, 4, 5}) || w.Employment != 60 {
		t.Errorf("wages %+v", w)
	}
	if w := tbl.wages[areaSOC{"14460", "15-1232"}]; w.Pct.P50 != 0 || w.Employment != 70 {
		t.Errorf("suppressed row %+v", w)
	}
	for name, data := range map[string]string{
		"another edition":    "#! wages: May 2024\n#! rpp: 2024\n14460|B|MA|100\n",
		"no metadata":        "14460|B|MA|100\n",
		"empty":              head,
		"an HTML error page": "<!doctype html><title>404</title>",
		"unknown state":      head + "14460|B|PR|100\n",
		"bad code":           head + "1446|B|MA|100\n",
		"wages first":        head + "15-1211|1|2|3|4|5|6\n",
		"unordered":          head + "14460|B|MA|100\n15-1211|5|4|3|2|1|6\n",
		"bad number":         head + "14460|B|MA|100\n15-1211|1|2|x|4|5|6\n",
		"bad parity":         head + "14460|B|MA|1e9\n",
		"duplicate":          head + "14460|B|MA|100\n14460|C|MA|100\n",
	} {
		if _, err := ParseMetroTable([]byte(data)); err == nil {
			t.Errorf("%s: parsed", name)
		}
	}
}

// TestMetroPayback: the education payback of a metro profile starts from the metro
// estimate the page shows.
func TestMetroPayback(t *testing.T) {
	in := Default()
	in.Role, in.State, in.Metro, in.Education = "it-support", "TX", "12420", EduAssociate
	r, err := Estimate(in)
	if err != nil {
		t.Fatal(err)
	}
	p, err := PaybackFor(PaybackInput{Profile: in, From: EduAssociate, To: EduBachelor, Years: 2})
	if err != nil {
		t.Fatal(err)
	}
	if p.Now != r.Estimate {
		t.Errorf("payback starts from %d, the metro estimate is %d", p.Now, r.Estimate)
	}
}
