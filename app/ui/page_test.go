package ui

import (
	"errors"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// probe is a component whose only job is to hand a test a real go-app Context: one from
// a test engine, whose Page is the engine's request page (ReplaceURL and URL work).
type probe struct {
	app.Compo
	ctx app.Context
}

func (p *probe) OnPreRender(ctx app.Context) { p.ctx = ctx }
func (p *probe) Render() app.UI              { return app.Div() }

func testContext(t *testing.T) app.Context {
	t.Helper()
	e := app.NewTestEngine()
	p := &probe{}
	if err := e.Load(p); err != nil {
		t.Fatalf("loading probe: %v", err)
	}
	e.ConsumeAll()
	if p.ctx.Context == nil {
		t.Fatal("probe got no context")
	}
	return p.ctx
}

// memStore is an in-memory store.
type memStore struct{ q string }

func (m *memStore) Load() string  { return m.q }
func (m *memStore) Save(q string) { m.q = q }
func newTestPage(s store) *Page   { p := newPage(routes()[0]); p.store = s; return p }
func mustEstimate(t *testing.T, in estimate.Input) estimate.Result {
	t.Helper()
	r, err := estimate.Estimate(in)
	if err != nil {
		t.Fatalf("estimate.Estimate(%+v): %v", in, err)
	}
	return r
}

// resultAttrs reads the result contract from rendered HTML.
func resultAttrs(t *testing.T, root *node) (low, median, high int, source string) {
	t.Helper()
	el := one(t, root, "[data-testid=estimate]", byAttr("data-testid", "estimate"))
	atoi := func(name string) int {
		n, err := strconv.Atoi(el.Attrs[name])
		if err != nil {
			t.Fatalf("%s=%q is not an integer", name, el.Attrs[name])
		}
		return n
	}
	return atoi("data-low"), atoi("data-median"), atoi("data-high"), el.Attrs["data-source"]
}

func TestPrerenderDefault(t *testing.T) {
	e := app.NewTestEngine()
	p := newPage(routes()[0])
	if err := e.Load(p); err != nil {
		t.Fatalf("Load: %v", err)
	}
	e.ConsumeAll()
	root, _ := render(t, p)

	want := mustEstimate(t, estimate.Default())
	low, median, high, source := resultAttrs(t, root)
	if source != "prerender" {
		t.Errorf("data-source = %q, want prerender", source)
	}
	if median != want.Estimate || low != want.Low || high != want.High {
		t.Errorf("data-low/median/high = %d/%d/%d, want %d/%d/%d (estimate.Estimate(Default()))",
			low, median, high, want.Low, want.Estimate, want.High)
	}
	if n := find(root, byAttr("data-testid", "notice")); len(n) != 0 {
		t.Errorf("default page shows a notice: %q", textOf(n[0]))
	}
	assertNoBareAria(t, root)
	if n := find(root, byAttr("data-testid", "error")); len(n) != 0 {
		t.Errorf("default page shows an error: %q", textOf(n[0]))
	}
	// The hint web/carry.js reveals is pre-rendered hidden.
	hint := one(t, root, "#pending-hint", byAttr("id", "pending-hint"))
	if _, ok := hint.Attrs["hidden"]; !ok {
		t.Error("#stale-hint is not hidden")
	}
	// The pre-rendered form shows the default scenario.
	for id, want := range map[string]string{"role": "ehr-analyst", "state": "US", "edu": "bachelor", "employer": "any"} {
		sel := one(t, root, "#"+id, byAttr("id", id))
		got := find(sel, func(n *node) bool { return n.Tag == "option" && n.Attrs["selected"] == "true" })
		if len(got) != 1 || got[0].Attrs["value"] != want {
			t.Errorf("#%s: selected options %v, want exactly %q", id, values(got), want)
		}
		if got := find(sel, func(n *node) bool { _, ok := n.Attrs["selected"]; return ok && n.Attrs["selected"] != "true" }); len(got) > 0 {
			t.Errorf("#%s: %d options carry selected=%q, which HTML reads as selected", id, len(got), got[0].Attrs["selected"])
		}
	}
	if v := one(t, root, "#years", byAttr("id", "years")).Attrs["value"]; v != "3" {
		t.Errorf("#years value = %q, want 3", v)
	}
	if got := find(root, func(n *node) bool { _, ok := n.Attrs["checked"]; return ok }); len(got) != 1 || got[0].Attrs["id"] != "bg-new" {
		t.Errorf("checked inputs = %v, want only #bg-new", ids(got))
	}
}

// assertNoBareAria fails on an aria-* attribute whose value is "true": go-app
// pre-renders it as a bare attribute, and aria-hidden="" (for example) means false.
func assertNoBareAria(t *testing.T, root *node) {
	t.Helper()
	for _, n := range find(root, func(*node) bool { return true }) {
		for k, v := range n.Attrs {
			if strings.HasPrefix(k, "aria-") && (v == "true" || v == "") {
				t.Errorf("<%s %s> would pre-render as a bare attribute", n.Tag, k)
			}
		}
	}
}

func values(ns []*node) []string {
	var out []string
	for _, n := range ns {
		out = append(out, n.Attrs["value"])
	}
	return out
}

func ids(ns []*node) []string {
	var out []string
	for _, n := range ns {
		out = append(out, n.Attrs["id"])
	}
	return out
}

func TestRoutes(t *testing.T) {
	if got, want := Pages()[:2], []string{"/", "/es/"}; !reflect.DeepEqual(got, want) { // then the role pages (roles_test.go)
		t.Errorf("Pages() = %v, want %v", got, want)
	}
	seen := map[string]bool{}
	for _, r := range routes() {
		if !strings.HasPrefix(r.Path, "/") || seen[r.Path] {
			t.Errorf("route path %q is not absolute or not unique", r.Path)
		}
		seen[r.Path] = true
		if err := estimate.Validate(r.Preset); err != nil {
			t.Errorf("route %s: preset invalid: %v", r.Path, err)
		}
	}
	Register() // must not panic, and may run twice (build tool and tests)
	Register()
	for _, p := range append(Styles(), Scripts()...) {
		if !strings.HasPrefix(p, "/web/") {
			t.Errorf("asset %q is not under /web/", p)
		}
	}
}

// TestHostileQuery reads bad and hostile URLs: each problem is listed, the rest of the
// scenario falls back to defaults, and user text never reaches an attribute or markup.
func TestHostileQuery(t *testing.T) {
	d := estimate.Default()
	huge := strings.Repeat("A", 100<<10)
	tests := []struct {
		name     string
		query    string
		want     estimate.Input
		problems []string // substrings of each <li>, in order
	}{
		{"unknown role", "role=brain-surgeon", d, []string{"Job role: “brain-surgeon” is not one of the choices, so EHR / clinical systems analyst is shown"}},
		{"unknown state", "state=ZZ", d, []string{"Where you work: “ZZ” is not one of the choices, so United States (national)"}},
		{"years NaN", "years=NaN", d, []string{"Years of experience: “NaN” is not a whole number, so 3 is used"}},
		{"years 1e308", "years=1e308", d, []string{"Years of experience: “1e308” is outside 0 to 45, so 3 is used"}},
		{"years too many", "years=99", func() estimate.Input { in := d; in.Years = 45; return in }(),
			[]string{"“99” is outside 0 to 45, so 45 is used"}},
		{"script in role", "role=%3Cscript%3Ealert(1)%3C%2Fscript%3E", d, []string{"“<script>alert(1)</script>” is not one of the choices"}},
		{"script in certs", "certs=epic,%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", func() estimate.Input {
			in := d
			in.Certs = []estimate.Cert{estimate.CertEpic}
			return in
		}(), []string{"Certifications you hold: “<img src=x onerror=alert(1)>” is not a certification this tool knows"}},
		{"100 KB value", "bg=" + huge, d, []string{"Your background: the value is too long to be valid, so New to both is used"}},
		{"100 KB of parameters", strings.Repeat("x=1&", 25<<10) + "edu=phd", d, []string{"Highest education completed: “phd” is not one of the choices"}},
		{"several problems", "role=x&state=y&employer=z&years=-4&bg=%00", func() estimate.Input { in := d; in.Years = 0; return in }(),
			[]string{"Job role", "Where you work", "Years of experience: “-4”", "Type of employer", "Your background"}},
		{"good values are kept", "role=security-analyst&state=oh&edu=MASTER&years=12", func() estimate.Input {
			in := d
			in.Role, in.State, in.Education, in.Years = "security-analyst", "OH", estimate.EduMaster, 12
			return in
		}(), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := parseQuery(tt.query)
			p := newTestPage(&memStore{})
			p.start(q, "", sourceWasm)
			if !reflect.DeepEqual(p.in, tt.want) {
				t.Errorf("scenario = %+v, want %+v", p.in, tt.want)
			}
			root, raw := render(t, p)
			assertNoBareAria(t, root)
			_, median, _, _ := resultAttrs(t, root)
			if want := mustEstimate(t, tt.want).Estimate; median != want {
				t.Errorf("data-median = %d, want %d", median, want)
			}
			notices := find(root, byAttr("data-testid", "notice"))
			if len(tt.problems) == 0 {
				if len(notices) != 0 {
					t.Fatalf("unexpected notice: %s", textOf(notices[0]))
				}
				return
			}
			if len(notices) != 1 {
				t.Fatalf("want one [data-testid=notice], found %d", len(notices))
			}
			if role := notices[0].Attrs["role"]; role != "status" {
				t.Errorf("notice role = %q, want status", role)
			}
			items := find(notices[0], byTag("li"))
			if len(items) != len(tt.problems) {
				t.Fatalf("notice has %d items, want %d: %q", len(items), len(tt.problems), textOf(notices[0]))
			}
			for i, want := range tt.problems {
				if got := textOf(items[i]); !strings.Contains(got, want) {
					t.Errorf("item %d = %q, want it to contain %q", i, got, want)
				}
			}
			if strings.Contains(raw, "<script") || strings.Contains(raw, "<img") || strings.Contains(raw, "\x00") {
				t.Error("user text reached the HTML as markup")
			}
			for _, n := range find(root, func(*node) bool { return true }) {
				for k, v := range n.Attrs {
					if strings.Contains(v, "script") || strings.Contains(v, "onerror") || strings.Contains(v, "AAAA") {
						t.Errorf("<%s %s=%q> carries user text in an attribute", n.Tag, k, clip(v, 60))
					}
				}
			}
		})
	}
}

func TestNoticeListsAtMostMaxProblems(t *testing.T) {
	var bad []string
	for i := 0; i < 40; i++ {
		bad = append(bad, "x"+strconv.Itoa(i))
	}
	p := newTestPage(&memStore{})
	p.start(url.Values{"certs": {strings.Join(bad, ",")}}, "", sourceWasm)
	root, _ := render(t, p)
	n := one(t, root, "notice", byAttr("data-testid", "notice"))
	items := find(n, byTag("li"))
	if len(items) != maxProblems+1 {
		t.Fatalf("notice has %d items, want %d", len(items), maxProblems+1)
	}
	if got, want := textOf(items[maxProblems]), "and 32 more problems"; !strings.Contains(got, want) {
		t.Errorf("last item = %q, want %q", got, want)
	}
}

// TestChange applies each kind of form edit and checks the result is the model's for the
// edited scenario, on the page and in the URL.
func TestChange(t *testing.T) {
	d := estimate.Default()
	with := func(f func(*estimate.Input)) estimate.Input { in := d; in.Certs = nil; f(&in); return in }
	tests := []struct {
		name    string
		changes []Change
		want    estimate.Input
		note    string // years problem key expected
	}{
		{"role", []Change{{Field: "role", Value: "security-analyst"}}, with(func(in *estimate.Input) { in.Role = "security-analyst" }), ""},
		{"state", []Change{{Field: "state", Value: "CA"}}, with(func(in *estimate.Input) { in.State = "CA" }), ""},
		{"years", []Change{{Field: "years", Value: "12"}}, with(func(in *estimate.Input) { in.Years = 12 }), ""},
		{"years cleared keeps last", []Change{{Field: "years", Value: "12"}, {Field: "years", Value: ""}}, with(func(in *estimate.Input) { in.Years = 12 }), "years.problem.empty"},
		{"years too high is clamped", []Change{{Field: "years", Value: "60"}}, with(func(in *estimate.Input) { in.Years = 45 }), "years.problem.range"},
		{"years negative is clamped", []Change{{Field: "years", Value: "-2"}}, with(func(in *estimate.Input) { in.Years = 0 }), "years.problem.range"},
		{"years not whole", []Change{{Field: "years", Value: "2.5"}}, d, "years.problem.whole"},
		{"education", []Change{{Field: "edu", Value: "master"}}, with(func(in *estimate.Input) { in.Education = estimate.EduMaster }), ""},
		{"employer", []Change{{Field: "employer", Value: "vendor"}}, with(func(in *estimate.Input) { in.Employer = estimate.EmployerVendor }), ""},
		{"certs on", []Change{{Field: "certs", Value: "epic", On: true}, {Field: "certs", Value: "pmp", On: true}},
			with(func(in *estimate.Input) { in.Certs = []estimate.Cert{estimate.CertPMP, estimate.CertEpic} }), ""},
		{"certs off", []Change{{Field: "certs", Value: "epic", On: true}, {Field: "certs", Value: "epic", On: false}}, d, ""},
		{"background", []Change{{Field: "bg", Value: "clinical"}}, with(func(in *estimate.Input) { in.Background = estimate.BackgroundClinical }), ""},
		{"tampered value ignored", []Change{{Field: "role", Value: "<b>x</b>"}}, d, ""},
		{"unknown field ignored", []Change{{Field: "wasm", Value: "false"}}, d, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := testContext(t)
			st := &memStore{}
			p := newTestPage(st)
			p.start(nil, "", sourceWasm)
			for _, ch := range tt.changes {
				p.onChange(ctx, ch)
			}
			if p.fault != "" {
				t.Fatalf("fault: %s", p.fault)
			}
			if !reflect.DeepEqual(p.in, tt.want) {
				t.Fatalf("scenario = %+v, want %+v", p.in, tt.want)
			}
			if p.yearsNote != tt.note {
				t.Errorf("years note = %q, want %q", p.yearsNote, tt.note)
			}
			want := mustEstimate(t, tt.want)
			root, _ := render(t, p)
			low, median, high, source := resultAttrs(t, root)
			if low != want.Low || median != want.Estimate || high != want.High || source != "wasm" {
				t.Errorf("result = %d/%d/%d %s, want %d/%d/%d wasm", low, median, high, source, want.Low, want.Estimate, want.High)
			}
			if got, want := ctx.Page().URL().RawQuery, queryString(tt.want); got != want {
				t.Errorf("URL query = %q, want %q", got, want)
			}
			if back, errs := estimate.FromQuery(ctx.Page().URL().Query()); len(errs) > 0 || !reflect.DeepEqual(back, tt.want) {
				t.Errorf("URL reads back as %+v (%v), want %+v", back, errs, tt.want)
			}
			if ctx.Page().URL().Path != "/" {
				t.Errorf("URL path = %q, want it kept (/)", ctx.Page().URL().Path)
			}
			if st.q != queryString(tt.want) {
				t.Errorf("stored %q, want %q", st.q, queryString(tt.want))
			}
			if tt.note != "" {
				years := one(t, root, "#years", byAttr("id", "years"))
				if years.Attrs["aria-invalid"] != "true" || !strings.Contains(years.Attrs["aria-describedby"], "years-problem") {
					t.Errorf("#years attrs %v: want aria-invalid and a description of the problem", years.Attrs)
				}
				one(t, root, "#years-problem", byAttr("id", "years-problem"))
			}
		})
	}
}

func TestResetRestoresPreset(t *testing.T) {
	ctx := testContext(t)
	p := newTestPage(&memStore{})
	p.start(url.Values{"role": {"nope"}}, "", sourceWasm)
	p.onChange(ctx, Change{Field: "state", Value: "TX"})
	p.onReset(ctx)
	if !reflect.DeepEqual(p.in, estimate.Default()) || len(p.notices) != 0 {
		t.Errorf("after reset: scenario %+v, notices %d; want the default and no notice", p.in, len(p.notices))
	}
	if got := ctx.Page().URL().RawQuery; got != queryString(estimate.Default()) {
		t.Errorf("URL after reset = %q", got)
	}
}

// TestCarriedOver starts the page the way the browser app starts after web/carry.js
// wrote edits into the URL: the first frame shows them, computed by the app.
func TestCarriedOver(t *testing.T) {
	q, _ := url.ParseQuery("role=security-analyst&state=WA&years=7&edu=master&employer=hospital-system&certs=cissp,security-plus&bg=it")
	p := newTestPage(&memStore{q: "role=data-analyst"})
	p.start(q, p.store.Load(), sourceWasm)
	want := estimate.Input{Role: "security-analyst", State: "WA", Years: 7, Education: estimate.EduMaster,
		Employer: estimate.EmployerHospital, Certs: []estimate.Cert{estimate.CertCISSP, estimate.CertSecurityPlus},
		Background: estimate.BackgroundIT}
	if !reflect.DeepEqual(p.in, want) {
		t.Fatalf("scenario = %+v, want %+v", p.in, want)
	}
	if p.restored {
		t.Error("a URL with a scenario must win over storage")
	}
	root, _ := render(t, p)
	_, median, _, source := resultAttrs(t, root)
	if median != mustEstimate(t, want).Estimate || source != "wasm" {
		t.Errorf("median %d source %s, want %d wasm", median, source, mustEstimate(t, want).Estimate)
	}
	for _, id := range []string{"cert-cissp", "cert-security-plus", "bg-it"} {
		if el := one(t, root, "#"+id, byAttr("id", id)); el.Attrs["checked"] != "true" {
			t.Errorf("#%s not checked", id)
		}
	}
	if el := one(t, root, "#cert-epic", byAttr("id", "cert-epic")); el.Attrs["checked"] == "true" {
		t.Error("#cert-epic checked")
	}
	if one(t, root, "#years", byAttr("id", "years")).Attrs["value"] != "7" {
		t.Error("#years is not 7")
	}
	if len(find(root, byAttr("id", "pending-hint"))) != 0 {
		t.Error("the browser app renders the pre-render's pending hint")
	}
}

func TestStorageRestore(t *testing.T) {
	stored := "role=data-analyst&state=NY&years=5"
	tests := []struct {
		name     string
		query    string
		stored   string
		embed    bool
		wantRole estimate.Role
		restored bool
	}{
		{"bare URL restores", "", stored, false, "data-analyst", true},
		{"other parameters only restore", "utm=x", stored, false, "data-analyst", true},
		{"URL scenario wins", "role=it-manager", stored, false, "it-manager", false},
		{"embed never restores", "", stored, true, "ehr-analyst", false},
		{"corrupt storage ignored", "", "role=%3Cx%3E&years=1e9", false, "ehr-analyst", false},
		{"unparsable storage ignored", "", "%zz", false, "ehr-analyst", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, _ := url.ParseQuery(tt.query)
			p := newTestPage(&memStore{q: tt.stored})
			p.route.Embed = tt.embed
			p.start(q, p.store.Load(), sourceWasm)
			if p.in.Role != tt.wantRole || p.restored != tt.restored {
				t.Errorf("role %s restored %v, want %s %v", p.in.Role, p.restored, tt.wantRole, tt.restored)
			}
			if len(p.notices) != 0 {
				t.Errorf("storage produced notices: %v", p.notices)
			}
		})
	}
}

// panicStore panics on Save, standing for any bug inside a handler.
type panicStore struct{}

func (panicStore) Load() string { return "" }
func (panicStore) Save(string)  { panic("storage exploded") }

// TestPanicsAreRecovered makes handlers panic: each shows [data-testid=error] and the
// page keeps working.
func TestPanicsAreRecovered(t *testing.T) {
	t.Run("page handler", func(t *testing.T) {
		ctx := testContext(t)
		p := newTestPage(panicStore{})
		p.start(nil, "", sourceWasm)
		p.onChange(ctx, Change{Field: "role", Value: "it-support"})
		assertFault(t, p, "storage exploded")
		// Still working: the next edit computes (the store still panics, but the
		// scenario and result are already updated when it does).
		p.onDismissFault(ctx)
		p.store = &memStore{}
		p.onChange(ctx, Change{Field: "state", Value: "OH"})
		if p.fault != "" || p.in.State != "OH" || p.res.Input.State != "OH" {
			t.Errorf("after recovery: fault %q, state %s/%s", p.fault, p.in.State, p.res.Input.State)
		}
	})
	t.Run("form handler", func(t *testing.T) {
		ctx := testContext(t)
		p := newTestPage(&memStore{})
		p.start(nil, "", sourceWasm)
		f := &Form{OnChange: func(app.Context, Change) { panic("form bug") }, OnFault: p.fail}
		for name, h := range map[string]app.EventHandler{
			"select": (&selectInput{Param: "role", Form: f}).onChange,
			"years":  (&yearsInput{Form: f}).onInput,
			"cert":   (&certItem{Cert: "epic", Form: f}).onChange,
			"bg":     (&bgInputs{Form: f}).onChange("clinical"),
			"reset":  f.onReset, "submit": f.onSubmit,
		} {
			p.fault = ""
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Fatalf("%s handler let a panic through: %v", name, r)
					}
				}()
				h(ctx, app.Event{Value: app.Window()})
			}()
			if name == "select" || name == "years" || name == "cert" {
				assertFault(t, p, "form bug")
			}
		}
	})
	t.Run("model", func(t *testing.T) {
		defer func(f func(estimate.Input) (estimate.Result, error)) { estimateFn = f }(estimateFn)
		estimateFn = func(estimate.Input) (estimate.Result, error) { panic("model bug") }
		ctx := testContext(t)
		p := newTestPage(&memStore{})
		p.start(nil, "", sourceWasm)
		if p.resErr == nil || !strings.Contains(p.resErr.Error(), "model bug") {
			t.Fatalf("resErr = %v, want the model's panic", p.resErr)
		}
		root, _ := render(t, p)
		one(t, root, "compute error", byAttr("data-testid", "compute-error"))
		if len(find(root, byAttr("data-testid", "estimate"))) != 0 {
			t.Error("a result is shown although the model failed")
		}
		estimateFn = estimate.Estimate
		p.onChange(ctx, Change{Field: "years", Value: "4"})
		if p.resErr != nil || p.res.Estimate != mustEstimate(t, p.in).Estimate {
			t.Errorf("after the model recovers: %v, estimate %d", p.resErr, p.res.Estimate)
		}
	})
	t.Run("render", func(t *testing.T) {
		root, _ := render(t, safeRender(testCatalog(), func() app.UI { panic("render bug") }))
		el := one(t, root, "part error", byAttr("data-testid", "part-error"))
		if el.Attrs["role"] != "alert" || textOf(el) == "" {
			t.Errorf("part error %v %q", el.Attrs, textOf(el))
		}
	})
	t.Run("compute error is an error", func(t *testing.T) {
		_, err := compute(estimate.Input{Role: "nope"})
		var ie *estimate.InputError
		if !errors.As(err, &ie) {
			t.Errorf("compute(bad input) = %v, want an *InputError", err)
		}
	})
}

func assertFault(t *testing.T, p *Page, want string) {
	t.Helper()
	if !strings.Contains(p.fault, want) {
		t.Fatalf("fault = %q, want %q", p.fault, want)
	}
	root, _ := render(t, p)
	el := one(t, root, "[data-testid=error]", byAttr("data-testid", "error"))
	if el.Attrs["role"] != "alert" || !strings.Contains(textOf(el), want) {
		t.Errorf("error banner %v %q, want role=alert and the message", el.Attrs, textOf(el))
	}
	if len(find(el, byTag("button"))) != 1 {
		t.Error("error banner has no dismiss button")
	}
}

func TestUpdateOffered(t *testing.T) {
	ctx := testContext(t)
	p := newTestPage(&memStore{})
	p.start(nil, "", sourceWasm)
	root, _ := render(t, p)
	if len(find(root, byAttr("data-testid", "update"))) != 0 {
		t.Fatal("update banner without an update")
	}
	p.OnAppUpdate(ctx)
	root, _ = render(t, p)
	banner := one(t, root, "[data-testid=update]", byAttr("data-testid", "update"))
	if b := find(banner, byTag("button")); len(b) != 1 || textOf(b[0]) != "Reload" {
		t.Errorf("update banner buttons: %d", len(b))
	}
	p.onReload(ctx) // natively a no-op; must not panic
	if p.fault != "" {
		t.Errorf("reload: %s", p.fault)
	}
}

// TestAccessibleNames checks the page's ids and the references to them: every label
// points to a control, every control has a label, and aria references resolve.
func TestAccessibleNames(t *testing.T) {
	scenarios := map[string]string{
		"default":        "",
		"with problems":  "role=x&years=abc",
		"certs and bg":   "certs=epic,cissp&bg=clinical&role=security-analyst",
		"fallback state": "state=WY&role=informatics",
	}
	for name, query := range scenarios {
		t.Run(name, func(t *testing.T) {
			q, _ := url.ParseQuery(query)
			p := newTestPage(&memStore{})
			p.start(q, "", sourcePrerender)
			p.apply(Change{Field: "years", Value: ""}) // show the years problem too
			root, _ := render(t, p)

			byID := map[string]*node{}
			for _, n := range find(root, func(n *node) bool { _, ok := n.Attrs["id"]; return ok }) {
				if byID[n.Attrs["id"]] != nil {
					t.Errorf("id %q used twice", n.Attrs["id"])
				}
				byID[n.Attrs["id"]] = n
			}
			labelled := map[string]bool{}
			for _, l := range find(root, byTag("label")) {
				target := byID[l.Attrs["for"]]
				if target == nil {
					t.Errorf("label %q: for=%q matches no id", textOf(l), l.Attrs["for"])
					continue
				}
				if !slices.Contains([]string{"input", "select", "textarea"}, target.Tag) {
					t.Errorf("label for=%q points to a <%s>", l.Attrs["for"], target.Tag)
				}
				if textOf(l) == "" {
					t.Errorf("label for=%q is empty", l.Attrs["for"])
				}
				labelled[l.Attrs["for"]] = true
			}
			for _, c := range find(root, func(n *node) bool { return n.Tag == "input" || n.Tag == "select" }) {
				if !labelled[c.Attrs["id"]] {
					t.Errorf("<%s id=%q> has no label", c.Tag, c.Attrs["id"])
				}
			}
			for _, n := range find(root, func(*node) bool { return true }) {
				for _, attr := range []string{"aria-describedby", "aria-labelledby"} {
					for _, ref := range strings.Fields(n.Attrs[attr]) {
						if byID[ref] == nil {
							t.Errorf("<%s %s=%q>: no element has id %q", n.Tag, attr, n.Attrs[attr], ref)
						}
					}
				}
			}
			// The contract's controls.
			for _, id := range []string{"role", "state", "years", "edu", "employer"} {
				if byID[id] == nil {
					t.Errorf("#%s missing", id)
				}
			}
			for _, c := range estimate.Certs() {
				n := byID["cert-"+string(c)]
				if n == nil || n.Attrs["name"] != "certs" || n.Attrs["value"] != string(c) || n.Attrs["type"] != "checkbox" {
					t.Errorf("cert-%s: %v", c, n)
				}
			}
			for _, b := range estimate.Backgrounds() {
				n := byID["bg-"+string(b)]
				if n == nil || n.Attrs["name"] != "bg" || n.Attrs["value"] != string(b) || n.Attrs["type"] != "radio" {
					t.Errorf("bg-%s: %v", b, n)
				}
			}
			// Checkbox and radio groups sit in a fieldset with a legend.
			for _, name := range []string{"certs", "bg"} {
				box := find(root, byAttr("name", name))[0]
				fs := box.Parent
				for fs != nil && fs.Tag != "fieldset" {
					fs = fs.Parent
				}
				if fs == nil || len(fs.Children) == 0 || fs.Children[0].Tag != "legend" {
					t.Errorf("%s inputs are not in a fieldset that starts with a legend", name)
				}
			}
			// Every link that opens a new tab is isolated from the page.
			for _, a := range find(root, byTag("a")) {
				if a.Attrs["target"] == "_blank" && a.Attrs["rel"] != "noopener noreferrer" {
					t.Errorf("link %s: rel=%q", a.Attrs["href"], a.Attrs["rel"])
				}
			}
			// One h1, and headings do not skip a level.
			if n := len(find(root, byTag("h1"))); n != 1 {
				t.Errorf("%d h1", n)
			}
			if len(find(root, byTag("h4"))) > 0 && len(find(root, byTag("h3"))) == 0 {
				t.Error("h4 without h3")
			}
		})
	}
}

// TestCertsNotCountedMarked checks every certification is offered for every role, and
// those the model does not count are marked so.
func TestCertsNotCountedMarked(t *testing.T) {
	for _, ri := range estimate.Roles() {
		p := newTestPage(&memStore{})
		p.start(url.Values{"role": {string(ri.Slug)}}, "", sourcePrerender)
		root, _ := render(t, p)
		for _, c := range estimate.Certs() {
			id := "cert-" + string(c)
			box := one(t, root, "#"+id, byAttr("id", id))
			marked := len(find(root, byAttr("id", id+"-nc"))) == 1
			if marked == ri.CountsFor(c) {
				t.Errorf("role %s, cert %s: marked not counted = %v, counts = %v", ri.Slug, c, marked, ri.CountsFor(c))
			}
			if marked && !strings.Contains(box.Attrs["aria-describedby"], id+"-nc") {
				t.Errorf("role %s, cert %s: the mark is not in aria-describedby", ri.Slug, c)
			}
			if _, disabled := box.Attrs["disabled"]; disabled {
				t.Errorf("role %s, cert %s is disabled", ri.Slug, c)
			}
		}
	}
}

// TestRoleSelectGroups checks every role of the catalogue is offered exactly once.
func TestRoleSelectGroups(t *testing.T) {
	p := newTestPage(&memStore{})
	p.start(nil, "", sourcePrerender)
	root, _ := render(t, p)
	sel := one(t, root, "#role", byAttr("id", "role"))
	var got []string
	for _, g := range find(sel, byTag("optgroup")) {
		if g.Attrs["label"] == "" {
			t.Error("optgroup without label")
		}
		got = append(got, values(find(g, byTag("option")))...)
	}
	var want []string
	for _, ri := range estimate.Roles() {
		want = append(want, string(ri.Slug))
	}
	slices.Sort(got)
	slices.Sort(want)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("role options %v, want %v", got, want)
	}
	state := one(t, root, "#state", byAttr("id", "state"))
	opts := find(state, byTag("option"))
	if len(opts) != len(estimate.Areas()) || opts[0].Attrs["value"] != "US" || textOf(opts[0]) != "United States (national)" {
		t.Errorf("state options: %d, first %v %q", len(opts), opts[0].Attrs, textOf(opts[0]))
	}
}

// TestBreakdownAddsUp checks the table's rows add up to the estimate for many profiles.
func TestBreakdownAddsUp(t *testing.T) {
	for _, ri := range estimate.Roles() {
		for _, in := range []estimate.Input{
			{Role: ri.Slug, State: "US", Years: 0, Education: estimate.EduHS, Employer: estimate.EmployerAny, Background: estimate.BackgroundNew},
			{Role: ri.Slug, State: "CA", Years: 20, Education: estimate.EduDoctorate, Employer: estimate.EmployerVendor,
				Certs: ri.Certs, Background: estimate.BackgroundClinical},
			{Role: ri.Slug, State: "WY", Years: 45, Education: estimate.EduMaster, Employer: estimate.EmployerClinic, Background: estimate.BackgroundIT},
		} {
			r := mustEstimate(t, in)
			root, _ := render(t, &Breakdown{Result: r})
			sum := 0
			rows := find(root, func(n *node) bool { _, ok := n.Attrs["data-dollars"]; return ok })
			if len(rows) != len(r.Factors) {
				t.Fatalf("%+v: %d rows, %d factors", in, len(rows), len(r.Factors))
			}
			for _, row := range rows {
				d, _ := strconv.Atoi(row.Attrs["data-dollars"])
				sum += d
				for _, td := range find(row, byTag("td")) {
					if strings.Contains(textOf(td), "[") {
						t.Errorf("%s: untranslated cell %q", row.Attrs["data-factor"], textOf(td))
					}
				}
			}
			if sum != r.Estimate {
				t.Errorf("%+v: rows add up to %d, estimate %d", in, sum, r.Estimate)
			}
			total := one(t, root, "total", func(n *node) bool { return strings.Contains(n.Attrs["class"], "total") })
			if textOf(total) != testCatalog().Money(r.Estimate) {
				t.Errorf("total %q, want %s", textOf(total), testCatalog().Money(r.Estimate))
			}
		}
	}
}

// TestEmbedLocks renders an embed route with locked fields.
func TestEmbedLocks(t *testing.T) {
	r := route{Path: "/embed", Preset: estimate.Default(), Embed: true, Locked: []string{"role", "certs"}}
	p := newPage(r)
	p.store = &memStore{}
	p.start(url.Values{"role": {"it-manager"}, "state": {"OH"}}, "", sourcePrerender)
	if p.in.Role != "ehr-analyst" || p.in.State != "OH" {
		t.Errorf("locked role changed by URL: %+v", p.in)
	}
	root, _ := render(t, p)
	if !strings.Contains(one(t, root, "#app", byAttr("id", "app")).Attrs["class"], "app--embed") {
		t.Error("no embed class")
	}
	// Locked fields are text, not controls (issue 8); the others stay controls.
	if role := one(t, root, "#role", byAttr("id", "role")); role.Tag != "p" || textOf(role) != roleName(testCatalog(), "ehr-analyst") {
		t.Errorf("#role is <%s> %q, want the role's name as text", role.Tag, textOf(role))
	}
	if st := one(t, root, "#state", byAttr("id", "state")); st.Tag != "select" {
		t.Errorf("#state is <%s>, want a select", st.Tag)
	}
	if find(root, byAttr("id", "cert-epic")) != nil {
		t.Error("locked certifications still have checkboxes")
	}
}

// TestDelayedYearsWriteIsFlushed checks that an edit whose URL and storage write is
// delayed is written at once when the page is hidden or left, and only once.
func TestDelayedYearsWriteIsFlushed(t *testing.T) {
	st := &memStore{}
	p := newTestPage(st)
	p.start(nil, "", sourceWasm)
	p.persistDelay = time.Hour // the delayed write never runs in this test
	ctx := testContext(t)
	p.onChange(ctx, Change{Field: "years", Value: "17"})
	if st.q != "" {
		t.Fatalf("storage written before the delay: %q", st.q)
	}
	p.flushPending()
	want := p.in.Query().Encode()
	if p.in.Years != 17 || st.q != want {
		t.Fatalf("after flush: years %d, storage %q, want 17 and %q", p.in.Years, st.q, want)
	}
	st.q = ""
	p.flushPending()
	if st.q != "" {
		t.Errorf("a second flush wrote again: %q", st.q)
	}
	p.onChange(ctx, Change{Field: "years", Value: "18"})
	p.onChange(ctx, Change{Field: "role", Value: "it-manager"}) // a select's write waits too; the last one is kept
	p.flushPending()
	if want := p.in.Query().Encode(); p.in.Years != 18 || p.in.Role != "it-manager" || st.q != want {
		t.Fatalf("after the second flush: storage %q, want %q", st.q, want)
	}
	p.persist(ctx) // an immediate write (reset, a restored scenario) clears the pending one
	st.q = ""
	p.flushPending()
	if st.q != "" {
		t.Errorf("flush after an immediate write wrote again: %q", st.q)
	}
}

// TestNoticeNamesWhatIsUsed: a notice about any parameter of the contract names, in the
// page's language, the value the page uses instead (a shared link with from=nurse once
// read "“nurse” is not one of the choices, so  is shown instead").
func TestNoticeNamesWhatIsUsed(t *testing.T) {
	for _, lang := range []text.Lang{text.English, text.Spanish} {
		tc := text.For(lang)
		for _, p := range estimate.Params() {
			if got := usedValue(tc, p, estimate.Default()); strings.TrimSpace(got) == "" {
				t.Errorf("%s: usedValue(%s) of the default scenario is empty", lang, p)
			}
		}
	}
	_, errs := estimate.FromQuery(url.Values{"from": {"nurse"}, "prior": {"99"}})
	if len(errs) != 2 {
		t.Fatalf("from=nurse&prior=99: %d problems, want 2 (%v)", len(errs), errs)
	}
	in := estimate.Default()
	in.Prior = estimate.MaxYears
	want := map[string]string{estimate.ParamFrom: "so None / not changing jobs is shown instead", estimate.ParamPrior: "45"}
	for _, e := range errs {
		if s := problemText(testCatalog(), e, in); !strings.Contains(s, want[e.Field]) {
			t.Errorf("%s: notice %q, want it to contain %q", e.Field, s, want[e.Field])
		}
	}
}

// TestNearMissParams: a link's misspelt scenario parameter ("cert=", "Role=", "yaers=")
// is not read, and the notice names the setting it should have been; the page's own
// parameters and others that links carry are not reported, and a near miss of a locked
// parameter is not read either.
func TestNearMissParams(t *testing.T) {
	q := parseQuery("cert=cissp&Role=it-manager&yaers=12&utm_source=portal&print=1&lang=es&theme=dark&role=informatics")
	in, errs := scenarioFrom(estimate.Default(), q, nil)
	if in.Role != "informatics" || len(in.Certs) != 0 || in.Years != estimate.Default().Years {
		t.Errorf("scenario %+v: only role=informatics is the contract's", in)
	}
	var got []string
	for _, e := range errs {
		got = append(got, e.Field+":"+string(e.Code)+":"+e.Value)
	}
	if want := []string{"role:not-param:Role", "certs:not-param:cert", "years:not-param:yaers"}; !slices.Equal(got, want) {
		t.Fatalf("problems %v, want %v (in name order: Role, cert, yaers)", got, want)
	}
	for lang, want := range map[text.Lang]string{
		text.English: "Certifications you hold: the link’s “cert=” is not a setting this page reads (the setting is “certs=”), so none is used.",
		text.Spanish: "«cert=» del enlace no es un ajuste que esta página lea (el ajuste es «certs=»)",
	} {
		if s := problemText(text.For(lang), errs[1], in); !strings.Contains(strings.ToLower(s), strings.ToLower(want)) {
			t.Errorf("%s: notice %q, want it to contain %q", lang, s, want)
		}
	}
	// A page that fixes the role reads no role parameter, misspelt or not, and says
	// nothing of either; a near miss of another field is still reported.
	if _, errs := scenarioFrom(estimate.Default(), parseQuery("Role=it-manager&role=x&cert=pmp"), []string{estimate.ParamRole}); len(errs) != 1 || errs[0].Field != estimate.ParamCerts {
		t.Errorf("locked role: problems %v, want only cert= reported", errs)
	}
}
