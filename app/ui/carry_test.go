package ui

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/hit-salary/hit-salary/app/estimate"
)

// carryHarness runs web/carry.js in Node against a small fake DOM, once per case, and
// prints what happened as JSON. The fake holds only what carry.js touches: the
// pre-rendered form (selects with their options, the years input with min and max,
// checkboxes, radios), the estimate element and the pending hint. A case loads the
// script (which applies the URL at once), then changes the form as a person would,
// says whether go-app's loader is still there, and dispatches one event.
const carryHarness = `
const fs = require("fs"), vm = require("vm");
const src = fs.readFileSync(process.argv[2], "utf8");
const cases = JSON.parse(fs.readFileSync(0, "utf8"));
const out = [];
for (const c of cases) {
  const listeners = {};
  const form = { id: "scenario", tagName: "FORM" };
  const inForm = (s) => (s === "#scenario" ? form : null);
  const ctl = (tagName, type, name, id, value, extra) =>
    Object.assign({ tagName, type, name, id, value, checked: false, disabled: false, closest: inForm }, extra || {});
  const select = (name, values, value) => ctl("SELECT", "select-one", name, name, value, { options: values.map((v) => ({ value: v })) });
  const p = c.page; // the pre-rendered form
  const selects = [select("role", p.roles, p.role), select("state", p.states, p.state), select("edu", p.edus, p.edu), select("employer", p.employers, p.employer)];
  const years = ctl("INPUT", "number", "years", "years", p.years, { min: "0", max: "45" });
  const certs = p.allCerts.map((v) => ctl("INPUT", "checkbox", "certs", "cert-" + v, v, { checked: (p.certs || []).includes(v) }));
  const bgs = p.bgs.map((v) => ctl("INPUT", "radio", "bg", "bg-" + v, v, { checked: p.bg === v }));
  const all = [selects[0], selects[1], years, selects[2], selects[3], ...certs, ...bgs];
  const els = { scenario: form, years, "pending-hint": { id: "pending-hint", hidden: true } };
  for (const e of all) els[e.id] = e;
  if (c.loader) els["app-wasm-loader"] = { id: "app-wasm-loader" };
  form.closest = () => form;
  form.querySelectorAll = (sel) => (sel === "select[name], input[name]" ? all : []);
  const attrs = { "data-source": "prerender" };
  const layoutAttrs = {};
  const layout = {
    setAttribute: (k, v) => { layoutAttrs[k] = String(v); },
    removeAttribute: (k) => { delete layoutAttrs[k]; },
  };
  const result = {
    getAttribute: (k) => (k in attrs ? attrs[k] : null),
    setAttribute: (k, v) => { attrs[k] = String(v); },
    removeAttribute: (k) => { delete attrs[k]; },
    closest: (sel) => (sel === ".layout" ? layout : null),
  };
  const outside = { closest: () => null };
  const location = { pathname: "/hit-salary/", search: c.search, hash: c.hash || "" };
  let replaced = null;
  const rootAttrs = {};
  const sandbox = {
    URLSearchParams,
    console: { warn: () => {} },
    document: {
      readyState: "interactive",
      documentElement: { setAttribute: (k, v) => { rootAttrs[k] = v; }, removeAttribute: (k) => { delete rootAttrs[k]; } },
      getElementById: (id) => els[id] || null,
      querySelector: (sel) => (sel === "[data-testid=estimate]" ? result : null),
      addEventListener: (type, fn, capture) => { (listeners[type] = listeners[type] || []).push({ fn, capture }); },
    },
  };
  sandbox.window = { location, history: { state: null, replaceState: (s, t, u) => { replaced = u; } }, console: sandbox.console };
  vm.runInNewContext(src, sandbox);
  const state = () => ({ source: attrs["data-source"], busy: attrs["aria-busy"] === "true", hint: !els["pending-hint"].hidden,
    layoutPending: "data-pending" in layoutAttrs });
  const afterStart = state();
  // Then what the person does in the form, and the event it fires.
  const f = c.form;
  if (f) {
    if (f.role !== undefined) selects[0].value = f.role;
    if (f.state !== undefined) selects[1].value = f.state;
    if (f.edu !== undefined) selects[2].value = f.edu;
    if (f.employer !== undefined) selects[3].value = f.employer;
    if (f.years !== undefined) years.value = f.years;
    if (f.certs !== undefined) certs.forEach((b) => { b.checked = f.certs.includes(b.value); });
    if (f.bg !== undefined) bgs.forEach((b) => { b.checked = b.value === f.bg; });
  }
  const target = c.target === "outside" ? outside : c.target === "form" ? form : els[c.target];
  let prevented = false;
  for (const l of listeners[c.event] || []) {
    l.fn({ target, preventDefault: () => { prevented = true; }, stopPropagation: () => {} });
  }
  out.push({
    replaced, prevented, focus: rootAttrs["data-carry-focus"] || "",
    capture: Object.values(listeners).every((ls) => ls.every((l) => l.capture === true)),
    checkLeft: "data-carry-check" in rootAttrs,
    start: afterStart,
    ...state(),
    controls: { role: selects[0].value, state: selects[1].value, years: years.value, edu: selects[2].value, employer: selects[3].value,
      certs: certs.filter((b) => b.checked).map((b) => b.value), bg: (bgs.find((b) => b.checked) || {}).value || "" },
  });
}
process.stdout.write(JSON.stringify(out));
`

// carryPage is the pre-rendered form: each select's options and every value.
type carryPage struct {
	Roles     []string `json:"roles"`
	States    []string `json:"states"`
	Edus      []string `json:"edus"`
	Employers []string `json:"employers"`
	AllCerts  []string `json:"allCerts"`
	Bgs       []string `json:"bgs"`
	Role      string   `json:"role"`
	State     string   `json:"state"`
	Edu       string   `json:"edu"`
	Employer  string   `json:"employer"`
	Years     string   `json:"years"`
	Certs     []string `json:"certs"`
	Bg        string   `json:"bg"`
}

// carryForm is what a person does in the form after the page loaded: only the fields
// set change.
type carryForm struct {
	Role     string    `json:"role,omitempty"`
	State    string    `json:"state,omitempty"`
	Edu      string    `json:"edu,omitempty"`
	Employer string    `json:"employer,omitempty"`
	Years    *string   `json:"years,omitempty"`
	Certs    *[]string `json:"certs,omitempty"`
	Bg       string    `json:"bg,omitempty"`
}

type carryCase struct {
	Name   string     `json:"name"`
	Page   carryPage  `json:"page"`
	Form   *carryForm `json:"form"`
	Loader bool       `json:"loader"`
	Search string     `json:"search"`
	Hash   string     `json:"hash"`
	Event  string     `json:"event"`
	Target string     `json:"target"`
}

type carryState struct {
	Source string `json:"source"`
	Busy   bool   `json:"busy"`
	Hint   bool   `json:"hint"`
	// LayoutPending: the layout has data-pending, which hides the figures (web/app.css).
	LayoutPending bool `json:"layoutPending"`
}

type carryResult struct {
	Replaced  *string    `json:"replaced"`
	Prevented bool       `json:"prevented"`
	Capture   bool       `json:"capture"`
	CheckLeft bool       `json:"checkLeft"`
	Focus     string     `json:"focus"`
	Start     carryState `json:"start"`
	carryState
	Controls controls `json:"controls"`
}

// controls is what the form shows.
type controls struct {
	Role     string   `json:"role"`
	State    string   `json:"state"`
	Years    string   `json:"years"`
	Edu      string   `json:"edu"`
	Employer string   `json:"employer"`
	Certs    []string `json:"certs"`
	Bg       string   `json:"bg"`
}

// prerendered is the state of the pre-rendered form for in, with the model's options.
func prerendered(in estimate.Input) carryPage {
	p := carryPage{Role: string(in.Role), State: in.State, Edu: string(in.Education), Employer: string(in.Employer),
		Years: strconv.Itoa(in.Years), Bg: string(in.Background), Certs: []string{}}
	for _, r := range estimate.Roles() {
		p.Roles = append(p.Roles, string(r.Slug))
	}
	for _, a := range estimate.Areas() {
		p.States = append(p.States, a.Code)
	}
	for _, e := range estimate.Educations() {
		p.Edus = append(p.Edus, string(e))
	}
	for _, e := range estimate.Employers() {
		p.Employers = append(p.Employers, string(e))
	}
	for _, c := range estimate.Certs() {
		p.AllCerts = append(p.AllCerts, string(c))
	}
	for _, b := range estimate.Backgrounds() {
		p.Bgs = append(p.Bgs, string(b))
	}
	for _, c := range in.Certs {
		p.Certs = append(p.Certs, string(c))
	}
	return p
}

// TestCarryJS runs web/carry.js against a fake DOM of the pre-rendered form. At load it
// must apply the URL's scenario to the form by the form's own rules and mark the
// estimate pending exactly when that scenario is not the pre-rendered one (or a value
// cannot be applied); each early edit must be written into the URL in the deep-link
// contract, which the app reads back exactly; and it must stay out of the way once the
// app runs.
func TestCarryJS(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed: web/carry.js not tested")
	}
	d := estimate.Default()
	page := prerendered(d)
	str := func(s string) *string { return &s }
	list := func(s ...string) *[]string { l := append([]string{}, s...); return &l }
	type want struct {
		startPending bool            // pending right after load
		pending      bool            // pending after the event
		controls     *controls       // the form after load and the edit (nil: not checked)
		in           *estimate.Input // the URL written reads back as this (nil: no write expected)
		rawQuery     string          // if set, the exact query written
		prevented    bool
		focus        string // id recorded for the app to focus
	}
	input := func(f func(*estimate.Input)) *estimate.Input { in := d; f(&in); return &in }
	form := func(f func(*controls)) *controls {
		c := controls{Role: string(d.Role), State: d.State, Years: strconv.Itoa(d.Years), Edu: string(d.Education),
			Employer: string(d.Employer), Certs: []string{}, Bg: string(d.Background)}
		f(&c)
		return &c
	}
	tests := []struct {
		c carryCase
		w want
	}{
		// At load.
		{carryCase{Name: "no scenario in the URL: the figures are the answer", Loader: true},
			want{controls: form(func(*controls) {})}},
		{carryCase{Name: "deep link to another scenario: pending, form applied", Loader: true,
			Search: "?role=IT-Manager&state=ny&years=12&certs=PMP,epic&bg=it&edu=master"},
			want{startPending: true, pending: true, controls: form(func(c *controls) {
				c.Role, c.State, c.Years, c.Certs, c.Bg, c.Edu = "it-manager", "NY", "12", []string{"pmp", "epic"}, "it", "master"
			})}},
		{carryCase{Name: "deep link to the pre-rendered scenario, other case: not pending", Loader: true,
			Search: "?role=EHR-ANALYST&state=us&years=03&utm_source=x"},
			want{controls: form(func(*controls) {})}},
		{carryCase{Name: "unknown role: pending, role kept", Loader: true, Search: "?role=astronaut"},
			want{startPending: true, pending: true, controls: form(func(*controls) {})}},
		{carryCase{Name: "years out of range: pending, years kept", Loader: true, Search: "?years=99"},
			want{startPending: true, pending: true, controls: form(func(*controls) {})}},
		{carryCase{Name: "years not a number: pending", Loader: true, Search: "?years=1e308"},
			want{startPending: true, pending: true, controls: form(func(*controls) {})}},
		{carryCase{Name: "unknown certification: pending, known ones ticked", Loader: true, Search: "?certs=cissp,jedi"},
			want{startPending: true, pending: true, controls: form(func(c *controls) { c.Certs = []string{"cissp"} })}},
		{carryCase{Name: "empty parameter counts as absent", Loader: true, Search: "?role="},
			want{controls: form(func(*controls) {})}},
		{carryCase{Name: "over-long value: pending", Loader: true, Search: "?state=" + strings.Repeat("a", 201)},
			want{startPending: true, pending: true, controls: form(func(*controls) {})}},
		// Early edits.
		{carryCase{Name: "role picked", Loader: true, Event: "change", Target: "role",
			Form: &carryForm{Role: "security-analyst"}},
			want{in: input(func(in *estimate.Input) { in.Role = "security-analyst" }), pending: true}},
		{carryCase{Name: "every field", Loader: true, Event: "input", Target: "years",
			Form: &carryForm{Role: "it-manager", State: "TX", Edu: "master", Employer: "vendor", Years: str("17"),
				Certs: list("pmp", "cissp"), Bg: "it"}},
			want{in: input(func(in *estimate.Input) {
				in.Role, in.State, in.Education, in.Employer, in.Years = "it-manager", "TX", estimate.EduMaster, estimate.EmployerVendor, 17
				in.Certs, in.Background = []estimate.Cert{estimate.CertCISSP, estimate.CertPMP}, estimate.BackgroundIT
			}), pending: true}},
		{carryCase{Name: "certs readable", Loader: true, Event: "change", Target: "cert-epic",
			Form: &carryForm{Certs: list("epic", "cphims")}},
			want{rawQuery: "role=ehr-analyst&state=US&years=3&edu=bachelor&employer=any&certs=epic,cphims&bg=new", pending: true}},
		{carryCase{Name: "edit back to the pre-rendered scenario: not pending", Loader: true, Event: "change", Target: "cert-epic",
			Search: "?certs=epic", Form: &carryForm{Certs: list()}},
			want{startPending: true, in: input(func(*estimate.Input) {})}},
		{carryCase{Name: "half-typed years keep the URL's", Loader: true, Event: "input", Target: "years",
			Search: "?years=12", Form: &carryForm{Years: str("")}},
			want{startPending: true, in: input(func(in *estimate.Input) { in.Years = 12 }), pending: true}},
		{carryCase{Name: "other parameters kept", Loader: true, Event: "change", Target: "bg-clinical",
			Search: "?utm_source=portal&role=nope", Hash: "#sources", Form: &carryForm{Bg: "clinical"}},
			want{startPending: true, rawQuery: "utm_source=portal&role=ehr-analyst&state=US&edu=bachelor&employer=any&years=3&bg=clinical", pending: true}},
		{carryCase{Name: "app running: hands off", Loader: false, Event: "change", Target: "role",
			Search: "?role=it-manager", Form: &carryForm{Role: "security-analyst"}},
			want{}},
		{carryCase{Name: "event outside the form", Loader: true, Event: "input", Target: "outside"},
			want{}},
		{carryCase{Name: "focus recorded", Loader: true, Event: "focusin", Target: "years"},
			want{focus: "years"}},
		{carryCase{Name: "focus not recorded once the app runs", Loader: false, Event: "focusin", Target: "years"},
			want{}},
		{carryCase{Name: "focus outside the form not recorded", Loader: true, Event: "focusin", Target: "outside"},
			want{}},
		{carryCase{Name: "submit prevented", Loader: true, Event: "submit", Target: "form"},
			want{prevented: true}},
		{carryCase{Name: "submit prevented after start too", Loader: false, Event: "submit", Target: "form"},
			want{prevented: true}},
	}
	var cases []carryCase
	for _, tt := range tests {
		tt.c.Page = page
		cases = append(cases, tt.c)
	}
	stdin, _ := json.Marshal(cases)
	script := filepath.Join(t.TempDir(), "harness.js")
	if err := os.WriteFile(script, []byte(carryHarness), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, script, filepath.Join("..", "..", "web", "carry.js"))
	cmd.Stdin = bytesReader(stdin)
	outb, err := cmd.Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			t.Fatalf("node: %v\n%s", err, ee.Stderr)
		}
		t.Fatalf("node: %v", err)
	}
	var results []carryResult
	if err := json.Unmarshal(outb, &results); err != nil {
		t.Fatalf("harness output %q: %v", outb, err)
	}
	pendingOf := func(s carryState) bool {
		p := s.Source == "pending"
		if p != s.Busy || p != s.Hint || p != s.LayoutPending {
			t.Errorf("inconsistent pending state %+v: data-source, aria-busy, the hint and the layout's data-pending must go together", s)
		}
		return p
	}
	for i, tt := range tests {
		t.Run(tt.c.Name, func(t *testing.T) {
			r := results[i]
			if !r.Capture {
				t.Error("listeners are not in the capture phase")
			}
			if r.CheckLeft {
				t.Error("data-carry-check left on <html> after load: the figures would stay hidden")
			}
			if got := pendingOf(r.Start); tt.c.Loader && got != tt.w.startPending {
				t.Errorf("pending after load = %v, want %v", got, tt.w.startPending)
			}
			if got := pendingOf(r.carryState); tt.c.Loader && got != tt.w.pending && tt.c.Event != "" && tt.c.Event != "focusin" && tt.c.Event != "submit" {
				t.Errorf("pending after the edit = %v, want %v", got, tt.w.pending)
			}
			if tt.w.controls != nil && !reflect.DeepEqual(r.Controls, *tt.w.controls) {
				t.Errorf("form = %+v, want %+v", r.Controls, *tt.w.controls)
			}
			if tt.w.controls != nil && tt.c.Search != "" {
				// The model reads the same link as the form now shows it, wherever the
				// form could apply it.
				in, _ := estimate.FromQuery(parseQuery(strings.TrimPrefix(tt.c.Search, "?")))
				if got := (controls{Role: string(in.Role), State: in.State, Years: strconv.Itoa(in.Years), Edu: string(in.Education),
					Employer: string(in.Employer), Certs: certStrings(in.Certs), Bg: string(in.Background)}); !tt.w.startPending && !reflect.DeepEqual(got, r.Controls) {
					t.Errorf("not pending, but the model reads the link as %+v and the form shows %+v", got, r.Controls)
				}
			}
			if r.Prevented != tt.w.prevented {
				t.Errorf("preventDefault called = %v, want %v", r.Prevented, tt.w.prevented)
			}
			if r.Focus != tt.w.focus {
				t.Errorf("recorded focus %q, want %q", r.Focus, tt.w.focus)
			}
			if tt.w.in == nil && tt.w.rawQuery == "" {
				if r.Replaced != nil {
					t.Errorf("URL replaced with %q, want untouched", *r.Replaced)
				}
				return
			}
			if r.Replaced == nil {
				t.Fatal("URL not replaced")
			}
			u := *r.Replaced
			path, query, hash := splitURL(u)
			if path != "/hit-salary/" || hash != tt.c.Hash {
				t.Errorf("URL %q: path and fragment not kept", u)
			}
			if tt.w.rawQuery != "" && !sameParams(query, tt.w.rawQuery) {
				t.Errorf("query %q, want %q", query, tt.w.rawQuery)
			}
			q := parseQuery(query)
			got, errs := estimate.FromQuery(q)
			if len(errs) > 0 {
				t.Errorf("FromQuery(%q): %v", query, errs)
			}
			if tt.w.in != nil && !reflect.DeepEqual(got, *tt.w.in) {
				t.Errorf("URL %q reads back as %+v, want %+v", u, got, *tt.w.in)
			}
			// What the app does with it at start: the same scenario.
			p := newTestPage(&memStore{})
			p.start(q, "", sourceWasm)
			if tt.w.in != nil && !reflect.DeepEqual(p.in, *tt.w.in) {
				t.Errorf("the app starts with %+v, want %+v", p.in, *tt.w.in)
			}
		})
	}
}

func certStrings(cs []estimate.Cert) []string {
	out := []string{}
	for _, c := range cs {
		out = append(out, string(c))
	}
	return out
}

func bytesReader(b []byte) *strings.Reader { return strings.NewReader(string(b)) }

// splitURL splits a path?query#fragment URL.
func splitURL(u string) (path, query, hash string) {
	if i := strings.IndexByte(u, '#'); i >= 0 {
		u, hash = u[:i], u[i:]
	}
	path, query, _ = strings.Cut(u, "?")
	return path, query, hash
}

// sameParams compares two raw queries as sets of raw pairs.
func sameParams(a, b string) bool {
	as, bs := strings.Split(a, "&"), strings.Split(b, "&")
	slices.Sort(as)
	slices.Sort(bs)
	return slices.Equal(as, bs)
}
