package ui

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/hit-salary/hit-salary/app/estimate"
)

// carryHarness runs web/carry.js in Node against a small fake DOM, once per case, and
// prints what happened as JSON. The fake holds only what carry.js touches; a case sets
// the form's values, whether go-app's loader is still there, and dispatches one event.
const carryHarness = `
const fs = require("fs"), vm = require("vm");
const src = fs.readFileSync(process.argv[2], "utf8");
const cases = JSON.parse(fs.readFileSync(0, "utf8"));
const out = [];
for (const c of cases) {
  const listeners = {};
  const form = { id: "scenario", tag: "form" };
  const mk = (id, value, extra) => Object.assign({ id, value, closest: (s) => (s === "#scenario" ? form : null) }, extra || {});
  const els = {
    scenario: form,
    role: mk("role", c.form.role), state: mk("state", c.form.state), edu: mk("edu", c.form.edu),
    employer: mk("employer", c.form.employer), years: mk("years", c.form.years),
    "stale-hint": { id: "stale-hint", hidden: true },
  };
  if (c.loader) els["app-wasm-loader"] = { id: "app-wasm-loader" };
  const certs = (c.form.allCerts || []).map((v) => mk("cert-" + v, v, { checked: (c.form.certs || []).includes(v) }));
  const bgs = ["new", "clinical", "it"].map((v) => mk("bg-" + v, v, { checked: c.form.bg === v }));
  form.closest = () => form;
  form.querySelectorAll = (sel) => (sel === "input[name=certs]" ? certs : []);
  form.querySelector = (sel) => (sel === "input[name=bg]:checked" ? bgs.find((b) => b.checked) || null : null);
  const result = { classes: [], attrs: {} };
  result.classList = { add: (x) => result.classes.push(x) };
  result.setAttribute = (k, v) => { result.attrs[k] = v; };
  const outside = { closest: () => null };
  const location = { pathname: "/hit-salary/", search: c.search, hash: c.hash || "" };
  let replaced = null;
  const rootAttrs = {};
  const sandbox = {
    URLSearchParams,
    console: { warn: () => {} },
    document: {
      documentElement: { setAttribute: (k, v) => { rootAttrs[k] = v; } },
      getElementById: (id) => els[id] || null,
      querySelector: (sel) => (sel === "[data-testid=estimate]" ? result : null),
      addEventListener: (type, fn, capture) => { (listeners[type] = listeners[type] || []).push({ fn, capture }); },
    },
  };
  sandbox.window = { location, history: { state: null, replaceState: (s, t, u) => { replaced = u; } }, console: sandbox.console };
  vm.runInNewContext(src, sandbox);
  const target = c.target === "outside" ? outside : c.target === "form" ? form : els[c.target] || certs.find((x) => x.id === c.target) || bgs.find((x) => x.id === c.target);
  let prevented = false;
  for (const l of listeners[c.event] || []) {
    l.fn({ target, preventDefault: () => { prevented = true; } });
  }
  out.push({
    replaced, prevented, focus: rootAttrs["data-carry-focus"] || "",
    capture: Object.values(listeners).every((ls) => ls.every((l) => l.capture === true)),
    stale: result.classes.includes("is-stale") && result.attrs["aria-busy"] === "true" && els["stale-hint"].hidden === false,
  });
}
process.stdout.write(JSON.stringify(out));
`

type carryForm struct {
	Role     string   `json:"role"`
	State    string   `json:"state"`
	Edu      string   `json:"edu"`
	Employer string   `json:"employer"`
	Years    string   `json:"years"`
	AllCerts []string `json:"allCerts"`
	Certs    []string `json:"certs"`
	Bg       string   `json:"bg"`
}

type carryCase struct {
	Name   string    `json:"name"`
	Form   carryForm `json:"form"`
	Loader bool      `json:"loader"`
	Search string    `json:"search"`
	Hash   string    `json:"hash"`
	Event  string    `json:"event"`
	Target string    `json:"target"`
}

type carryResult struct {
	Replaced  *string `json:"replaced"`
	Prevented bool    `json:"prevented"`
	Capture   bool    `json:"capture"`
	Stale     bool    `json:"stale"`
	Focus     string  `json:"focus"`
}

// TestCarryJS checks web/carry.js writes the pre-rendered form's state into the URL in
// the deep-link contract, which estimate.FromQuery (and so the app at start) reads back
// exactly, and stays out of the way once the app runs.
func TestCarryJS(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed: web/carry.js not tested")
	}
	all := make([]string, 0)
	for _, c := range estimate.Certs() {
		all = append(all, string(c))
	}
	base := carryForm{Role: "ehr-analyst", State: "US", Edu: "bachelor", Employer: "any", Years: "3", AllCerts: all, Bg: "new"}
	with := func(f func(*carryForm)) carryForm { c := base; f(&c); return c }
	type want struct {
		in        *estimate.Input // nil: no URL write expected
		rawQuery  string          // if set, the exact query written
		prevented bool
		stale     bool
		focus     string // id recorded for the app to focus
	}
	d := estimate.Default()
	input := func(f func(*estimate.Input)) *estimate.Input { in := d; f(&in); return &in }
	tests := []struct {
		c carryCase
		w want
	}{
		{carryCase{Name: "role picked", Loader: true, Event: "change", Target: "role",
			Form: with(func(f *carryForm) { f.Role = "security-analyst" })},
			want{in: input(func(in *estimate.Input) { in.Role = "security-analyst" }), stale: true}},
		{carryCase{Name: "every field", Loader: true, Event: "input", Target: "years",
			Form: with(func(f *carryForm) {
				f.Role, f.State, f.Edu, f.Employer, f.Years = "it-manager", "TX", "master", "vendor", "17"
				f.Certs, f.Bg = []string{"pmp", "cissp"}, "it"
			})},
			want{in: input(func(in *estimate.Input) {
				in.Role, in.State, in.Education, in.Employer, in.Years = "it-manager", "TX", estimate.EduMaster, estimate.EmployerVendor, 17
				in.Certs, in.Background = []estimate.Cert{estimate.CertCISSP, estimate.CertPMP}, estimate.BackgroundIT
			}), stale: true}},
		{carryCase{Name: "certs readable", Loader: true, Event: "change", Target: "cert-epic",
			Form: with(func(f *carryForm) { f.Certs = []string{"epic", "cphims"} })},
			want{rawQuery: "bg=new&certs=epic,cphims&edu=bachelor&employer=any&role=ehr-analyst&state=US&years=3", stale: true}},
		{carryCase{Name: "unticking the last cert drops the parameter", Loader: true, Event: "change", Target: "cert-epic",
			Search: "?certs=epic", Form: base},
			want{in: input(func(*estimate.Input) {}), stale: true}},
		{carryCase{Name: "half-typed years keep the URL's", Loader: true, Event: "input", Target: "years",
			Search: "?years=12", Form: with(func(f *carryForm) { f.Years = "" })},
			want{in: input(func(in *estimate.Input) { in.Years = 12 }), stale: true}},
		{carryCase{Name: "other parameters kept", Loader: true, Event: "change", Target: "bg-clinical",
			Search: "?utm_source=portal&role=nope", Hash: "#sources", Form: with(func(f *carryForm) { f.Bg = "clinical" })},
			want{rawQuery: "utm_source=portal&role=ehr-analyst&state=US&edu=bachelor&employer=any&years=3&bg=clinical", stale: true}},
		{carryCase{Name: "app running: hands off", Loader: false, Event: "change", Target: "role",
			Form: with(func(f *carryForm) { f.Role = "security-analyst" })},
			want{}},
		{carryCase{Name: "event outside the form", Loader: true, Event: "input", Target: "outside", Form: base},
			want{}},
		{carryCase{Name: "focus recorded", Loader: true, Event: "focusin", Target: "years", Form: base},
			want{focus: "years"}},
		{carryCase{Name: "focus not recorded once the app runs", Loader: false, Event: "focusin", Target: "years", Form: base},
			want{}},
		{carryCase{Name: "focus outside the form not recorded", Loader: true, Event: "focusin", Target: "outside", Form: base},
			want{}},
		{carryCase{Name: "submit prevented", Loader: true, Event: "submit", Target: "form", Form: base},
			want{prevented: true}},
		{carryCase{Name: "submit prevented after start too", Loader: false, Event: "submit", Target: "form", Form: base},
			want{prevented: true}},
	}
	var cases []carryCase
	for _, tt := range tests {
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
	for i, tt := range tests {
		t.Run(tt.c.Name, func(t *testing.T) {
			r := results[i]
			if !r.Capture {
				t.Error("listeners are not in the capture phase")
			}
			if r.Prevented != tt.w.prevented {
				t.Errorf("preventDefault called = %v, want %v", r.Prevented, tt.w.prevented)
			}
			if r.Focus != tt.w.focus {
				t.Errorf("recorded focus %q, want %q", r.Focus, tt.w.focus)
			}
			if r.Stale != tt.w.stale {
				t.Errorf("estimate marked stale = %v, want %v", r.Stale, tt.w.stale)
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
