package saved

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hit-salary/hit-salary/app/estimate"
)

// testName names a migrated scenario as the UI's default does, in a form tests can read.
func testName(in estimate.Input) string { return string(in.Role) + ", " + in.State }

func TestRoundTrip(t *testing.T) {
	items := []Item{
		{Name: "Hospital, Ohio", Query: "role=ehr-analyst&state=OH&years=8&edu=bachelor&employer=hospital-system&bg=new",
			Edition: estimate.DataEdition, Estimate: 80000, Low: 70000, High: 90000},
		{Name: "Consulting · 顧問 ✓", Query: "role=consultant&state=MA&years=10&certs=pmp,cissp"},
	}
	raw := Encode(items)
	l := Decode(raw)
	if l.State != Read || l.Dropped != 0 || !reflect.DeepEqual(l.Items, items) {
		t.Fatalf("Decode(Encode(%v)) = %+v", items, l)
	}
	if again := Encode(l.Items); again != raw {
		t.Errorf("encoding is not stable:\n%s\n%s", raw, again)
	}
	if !l.Writable() {
		t.Error("a document of this version is not writable")
	}
}

func TestDecode(t *testing.T) {
	good := `{"name":"A","query":"role=it-manager&state=CA"}`
	many := make([]string, MaxItems+3)
	for i := range many {
		many[i] = fmt.Sprintf(`{"name":"n%d","query":"years=%d"}`, i, i)
	}
	for _, tt := range []struct {
		name    string
		raw     string
		state   State
		items   int
		dropped int
	}{
		{"empty string", "", Corrupt, 0, 0},
		{"not JSON", "role=ehr-analyst", Corrupt, 0, 0},
		{"JSON array", `[1,2]`, Corrupt, 0, 0},
		{"no version", `{"items":[` + good + `]}`, Corrupt, 0, 0},
		{"version zero", `{"v":0,"items":[]}`, Corrupt, 0, 0},
		{"version as text", `{"v":"1","items":[]}`, Corrupt, 0, 0},
		{"newer version", `{"v":2,"items":[` + good + `],"folders":[]}`, Newer, 0, 0},
		{"far newer version", `{"v":99}`, Newer, 0, 0},
		{"no items", `{"v":1}`, Read, 0, 0},
		{"one good", `{"v":1,"items":[` + good + `]}`, Read, 1, 0},
		{"unknown fields ignored", `{"v":1,"x":1,"items":[{"name":"A","query":"years=3","script":"<b>"}]}`, Read, 1, 0},
		{"bad items cost only themselves", `{"v":1,"items":[` + good + `,7,{"name":1},{"name":"x","query":"nothing=1"},{"name":"y","query":"role=nurse"},{"name":"z","query":"%zz"},{"name":"w","query":"years=NaN"}]}`, Read, 1, 6},
		{"over the cap", `{"v":1,"items":[` + strings.Join(many, ",") + `]}`, Read, MaxItems, 3},
		{"too long", `{"v":1,"items":[],"pad":"` + strings.Repeat("x", MaxDoc) + `"}`, Corrupt, 0, 0},
		{"invalid UTF-8", "{\"v\":1,\"items\":[{\"name\":\"\xff\",\"query\":\"years=1\"}]}", Corrupt, 0, 0},
		{"query too long", `{"v":1,"items":[{"name":"a","query":"years=1&role=` + strings.Repeat("x", MaxQuery) + `"}]}`, Read, 0, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l := Decode(tt.raw)
			if l.State != tt.state || len(l.Items) != tt.items || l.Dropped != tt.dropped {
				t.Errorf("Decode(%.60q) = state %d, %d items, %d dropped; want %d, %d, %d",
					tt.raw, l.State, len(l.Items), l.Dropped, tt.state, tt.items, tt.dropped)
			}
			if (l.State == Newer) == l.Writable() {
				t.Errorf("state %d writable %v", l.State, l.Writable())
			}
		})
	}
}

func TestClean(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"  Hospital   in\tOhio\n", "Hospital in Ohio"},
		{"a\u202Eevil\u202C b\u200Bc", "aevil bc"},
		{"\x00\x07bell", "bell"},
		{strings.Repeat("é", 70), strings.Repeat("é", MaxName)},
		{"<script>alert(1)</script>", "<script>alert(1)</script>"}, // shown as text, never as markup
		{"\u00a0\u2028", ""},
	} {
		if got := CleanName(tt.in); got != tt.want {
			t.Errorf("CleanName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// A nameless item is named by its query; figures out of order are dropped, not kept.
	l := Decode(`{"v":1,"items":[{"name":" ","query":"years=4","estimate":5,"low":9,"high":10,"edition":"E\u0000"},{"name":"b","query":"years=5&utm=x","estimate":50,"low":40,"high":60}]}`)
	if len(l.Items) != 2 {
		t.Fatalf("items %+v", l.Items)
	}
	if a := l.Items[0]; a.Name != "years=4" || a.HasFigures() || a.Edition != "E" {
		t.Errorf("first item %+v", a)
	}
	if b := l.Items[1]; b.Query != "years=5" || b.Estimate != 50 || b.Low != 40 || b.High != 60 {
		t.Errorf("second item %+v: parameters outside the contract are dropped, figures in order kept", b)
	}
	in, errs := l.Items[1].Scenario()
	if len(errs) != 0 || in.Years != 5 || in.Role != estimate.Default().Role {
		t.Errorf("Scenario() = %+v, %v", in, errs)
	}
}

func TestMigrate(t *testing.T) {
	pins := `{"v":1,"pins":["role=ehr-analyst&state=OH&years=3","role=it-manager&state=MA","nothing=1"]}`
	for _, tt := range []struct {
		name            string
		found           bool
		raw, last, pins string
		state           State
		names           []string
	}{
		{"nothing anywhere", false, "", "", "", Empty, nil},
		{"the last scenario", false, "", "role=security-analyst&state=TX&years=7", "", Migrated, []string{"security-analyst, TX"}},
		{"pins, then the last scenario", false, "", "role=consultant&state=CA", pins, Migrated,
			[]string{"ehr-analyst, OH", "it-manager, MA", "consultant, CA"}},
		{"the last scenario already pinned", false, "", "state=OH&role=ehr-analyst&years=3&edu=bachelor", pins, Migrated,
			[]string{"ehr-analyst, OH", "it-manager, MA"}},
		{"bad legacy values", false, "", "years=NaN", `{"v":2,"pins":["years=1"]}`, Empty, nil},
		{"the saved list wins", true, `{"v":1,"items":[]}`, "role=consultant", pins, Read, nil},
		{"a saved list of a later version is not migrated over", true, `{"v":3}`, "role=consultant", pins, Newer, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l := Load(tt.raw, tt.found, tt.last, tt.pins, testName)
			var names []string
			for _, it := range l.Items {
				names = append(names, it.Name)
				if it.HasFigures() || it.Edition != "" {
					t.Errorf("migrated item %+v claims figures as saved", it)
				}
			}
			if l.State != tt.state || !reflect.DeepEqual(names, tt.names) {
				t.Errorf("Load = state %d, names %q; want %d, %q", l.State, names, tt.state, tt.names)
			}
			// What migration gives is a document of this version.
			if back := Decode(Encode(l.Items)); len(l.Items) > 0 && !reflect.DeepEqual(back.Items, l.Items) {
				t.Errorf("migrated items do not round-trip: %+v → %+v", l.Items, back.Items)
			}
		})
	}
}

// FuzzDecode feeds random documents to Decode: it never panics, keeps every item within
// the caps and readable by the model, and what it keeps encodes to a document that
// decodes to the same items.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		"", "{}", `{"v":1,"items":[{"name":"A","query":"role=it-manager&state=CA"}]}`,
		`{"v":2}`, `{"v":1,"items":[{"name":"\u202e","query":"years=1e308"}]}`,
		`{"v":1,"items":[{"name":"x","query":"years=3","estimate":1,"low":0,"high":2}]}`,
		`{"v":1,"items":[null,{},[],"a"]}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		l := Decode(raw)
		if len(l.Items) > MaxItems {
			t.Fatalf("%d items", len(l.Items))
		}
		for _, it := range l.Items {
			if utf8.RuneCountInString(it.Name) > MaxName || it.Name == "" || len(it.Query) > MaxQuery {
				t.Fatalf("item over the caps: %+v", it)
			}
			if _, errs := it.Scenario(); len(errs) > 0 {
				t.Fatalf("item %+v reads with problems %v", it, errs)
			}
		}
		if l.State == Read {
			back := Decode(Encode(l.Items))
			if back.State != Read || back.Dropped != 0 || !reflect.DeepEqual(back.Items, l.Items) {
				t.Fatalf("re-encoded %+v decodes as %+v", l.Items, back)
			}
		}
	})
}
