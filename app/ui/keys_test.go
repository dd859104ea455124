package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"net/url"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
)

func testCatalog() *text.Catalog { return text.For(text.English) }

func queryValues(q string) (url.Values, error) { return url.ParseQuery(q) }

// observed runs the model over many profiles and collects the keys it emits that the UI
// translates: factor kinds, evidence kinds, and the catalogue keys named by the
// arguments of its messages (education phrases, industries, fields, roles, origins).
func observed(t *testing.T) (kinds, evidence, argKeys map[string]bool) {
	t.Helper()
	kinds, evidence, argKeys = map[string]bool{}, map[string]bool{}, map[string]bool{}
	note := func(m estimate.Message) {
		for _, a := range m.Args {
			if a.Kind == estimate.ArgKey {
				argKeys[a.Key] = true
			}
		}
	}
	origins := estimate.Origins()
	for i, ri := range estimate.Roles() {
		for _, a := range estimate.Areas() {
			for _, emp := range estimate.Employers() {
				for _, y := range []int{0, 45} {
					in := estimate.Input{Role: ri.Slug, State: a.Code, Years: y, Education: estimate.EduDoctorate,
						Employer: emp, Certs: estimate.Certs(), Background: estimate.BackgroundClinical, Prior: 10,
						From: origins[i%len(origins)].Slug}
					if y == 0 {
						in.Education, in.Certs, in.Background, in.From = estimate.EduHS, nil, estimate.BackgroundIT, origins[(i+len(origins)/2)%len(origins)].Slug
					}
					r := mustEstimate(t, in)
					for _, m := range append(r.Reasons, r.Notes...) {
						note(m)
					}
					if r.FromPay != nil {
						note(r.FromPay.Note)
					}
					for _, f := range r.Factors {
						kinds[string(f.Kind)] = true
						evidence[string(f.Evidence)] = true
						note(f.Note)
					}
					for _, s := range r.Sources {
						evidence[string(s.Evidence)] = true
					}
				}
			}
		}
	}
	// Metro areas: each way the model knows a metro's wages (published, scaled, the
	// state itself), in every metro of a few states.
	for _, st := range []string{"MA", "TX", "AL"} {
		for _, m := range estimate.MetrosOf(st) {
			for _, ri := range estimate.Roles() {
				r := mustEstimate(t, estimate.Input{Role: ri.Slug, State: st, Metro: m.Code, Years: 3,
					Education: estimate.EduBachelor, Employer: estimate.EmployerAny, Background: estimate.BackgroundNew})
				for _, m := range r.Reasons {
					note(m)
				}
				for _, f := range r.Factors {
					kinds[string(f.Kind)] = true
					evidence[string(f.Evidence)] = true
					note(f.Note)
				}
			}
		}
	}
	delete(evidence, string(estimate.EvidenceNone))
	return
}

// dynamicKeys lists every key the UI builds from the model's enums and from what the
// model emits. Nothing here is listed by hand as used: each key comes from the model's
// own lists (its message keys, wordings, enums) or from what it emitted above.
func dynamicKeys(t *testing.T) []string {
	kinds, evidence, argKeys := observed(t)
	var keys []string
	add := func(ks ...string) { keys = append(keys, ks...) }
	for _, ri := range estimate.Roles() {
		r := "role." + string(ri.Slug)
		add(r+".name", r+".does")
		for _, b := range estimate.Backgrounds() {
			add(r + ".path." + string(b))
		}
	}
	for _, e := range estimate.Educations() {
		add("edu."+string(e), "edu."+string(e)+".phrase")
	}
	for _, e := range estimate.Employers() {
		add("employer." + string(e))
	}
	for _, c := range estimate.Certs() {
		add("cert."+string(c), "cert."+string(c)+".about")
	}
	for _, b := range estimate.Backgrounds() {
		add("bg."+string(b), "bg."+string(b)+".about", "role.path."+string(b), "prior.field."+string(b))
	}
	for _, o := range estimate.Origins() {
		if _, isRole := estimate.LookupRole(estimate.Role(o.Slug)); !isRole {
			add("origin." + string(o.Slug))
		}
		add("from.group." + o.Group)
	}
	for _, p := range params {
		add("field." + p)
		if p != estimate.ParamCerts && p != estimate.ParamBackground {
			add("help." + p)
		}
	}
	add("help.certs", "help.bg")
	for _, f := range estimate.OtherFigures() { // others.go
		add("others."+f.ID+".why", "others."+f.ID+".via")
		if _, ok := text.For(text.English).Lookup("others." + f.ID + ".publisher"); ok {
			add("others." + f.ID + ".publisher")
		}
		if f.High > 0 {
			add("others." + f.ID + ".range")
		}
		for _, p := range f.Points {
			add("others.point." + p.Label)
		}
	}
	for _, code := range estimate.ErrorCodes() {
		add("notice." + string(code))
	}
	for _, l := range []estimate.Confidence{estimate.ConfidenceHigh, estimate.ConfidenceMedium, estimate.ConfidenceLow} {
		add("confidence." + string(l))
	}
	for _, b := range estimate.Backgrounds() { // pathways.go names each path by its background
		add("pathways.path." + string(b))
	}
	for _, id := range estimate.SpecializationIDs() {
		add("pathways.spec.name." + id)
	}
	for _, k := range estimate.DiffKeys() {
		add("pathways.diff." + k)
	}
	for _, k := range estimate.CompareKeys() { // outlook.go
		add("outlook.compare." + k)
	}
	for _, k := range estimate.NeighbourKinds() {
		add("outlook.neighbours.kind." + k)
	}
	for _, e := range []estimate.Evidence{estimate.EvidenceOfficial, estimate.EvidenceDerived, estimate.EvidenceSurvey, estimate.EvidenceAssumption, estimate.EvidenceAdvice} {
		add("evidence."+string(e), "evidence."+string(e)+".about")
	}
	for k := range evidence {
		add("evidence."+k, "evidence."+k+".about")
	}
	for k := range kinds {
		add("factor." + k)
	}
	for k := range argKeys {
		if !strings.HasPrefix(k, "area.") { // every area is added below
			add(k)
		}
	}
	// Every sentence the model can say: the UI renders them all through t.Message.
	add(estimate.MessageKeys()...)
	add("period.month") // text.Period writes "May 2025" by these keys
	for m := time.January; m <= time.December; m++ {
		add("month." + strings.ToLower(m.String()))
	}
	for _, a := range estimate.Areas() { // t.AreaName names each area by its key
		add("area." + a.Code)
	}
	for _, l := range text.Langs() { // the language switcher names each language
		add("lang.name." + string(l))
	}
	for _, s := range estimate.AllSources() { // the source list shows each caveat by key
		if s.Note != "" {
			add(text.SourceNoteKey(s.ID))
		}
		for _, k := range []string{text.SourcePeriodKey(s.ID), text.SourcePublisherKey(s.ID), text.SourceTitleKey(s.ID)} {
			if text.For(text.English).Has(k) {
				add(k)
			}
		}
	}
	for _, k := range estimate.WordingKeys() {
		add("wording." + k)
	}
	for _, g := range groupedRoles() {
		add("group." + g.key)
	}
	for _, g := range roleGroups {
		add("group." + g.key)
	}
	add("group.other") // groupedRoles' group for a role the model adds and no group names
	sort.Strings(keys)
	return keys
}

// TestCatalogueCoversEnums walks every enum of the model and everything it emits, and
// checks the English catalogue has a string for each key the UI builds from them.
func TestCatalogueCoversEnums(t *testing.T) {
	c := testCatalog()
	for _, k := range dynamicKeys(t) {
		if !c.Has(k) {
			t.Errorf("the catalogue has no %q", k)
		} else if strings.TrimSpace(c.T(k)) == "" {
			t.Errorf("%q is empty", k)
		}
	}
	for code, raw := range map[string]string{"years.problem.empty": "", "years.problem.whole": "x", "years.problem.range": "99"} {
		if _, note := parseYears(estimate.ParamYears, raw, 3); note != code || !c.Has(note) {
			t.Errorf("parseYears(%q) note %q: want %q in the catalogue", raw, note, code)
		}
	}
}

// literalKeys parses the package's Go files (tests excluded) and returns the string
// literals passed as first argument to T, F, Lookup or Plural (for Plural, the two forms
// key.one and key.other it chooses from), and every string literal.
func literalKeys(t *testing.T) (calls map[string]token.Position, all map[string]bool) {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	// The build renders the methodology page with the catalogue's doc.* strings.
	docFiles, err := filepath.Glob(filepath.Join("..", "..", "build", "docpage", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, docFiles...)
	calls, all = map[string]token.Position{}, map[string]bool{}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BasicLit:
				if n.Kind == token.STRING {
					if s, err := strconv.Unquote(n.Value); err == nil {
						all[s] = true
					}
				}
			case *ast.CallExpr:
				sel, ok := n.Fun.(*ast.SelectorExpr)
				if !ok || len(n.Args) == 0 {
					return true
				}
				switch sel.Sel.Name {
				case "T", "F", "Lookup", "Plural":
				default:
					return true
				}
				if lit, ok := n.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
					s, _ := strconv.Unquote(lit.Value)
					keys := []string{s}
					if sel.Sel.Name == "Plural" {
						keys = []string{s + ".one", s + ".other"}
					}
					for _, k := range keys {
						calls[k] = fset.Position(lit.Pos())
						all[k] = true
					}
				}
			}
			return true
		})
	}
	return calls, all
}

// TestCatalogueCoversLiterals checks every key written literally in the UI's source is
// in the catalogue, and every key of the catalogue is used somewhere.
func TestCatalogueCoversLiterals(t *testing.T) {
	c := testCatalog()
	calls, all := literalKeys(t)
	if len(calls) < 50 {
		t.Fatalf("found only %d literal keys: is the source scan broken?", len(calls))
	}
	for k, pos := range calls {
		if !c.Has(k) {
			t.Errorf("%s: key %q is not in the catalogue", pos, k)
		}
	}
	used := map[string]bool{}
	for _, k := range dynamicKeys(t) {
		used[k] = true
	}
	for k := range all {
		used[k] = true
	}
	for _, k := range text.Keys() {
		if !used[k] {
			t.Errorf("catalogue key %q is never used", k)
		}
	}
}

// TestPlaceholdersFilled checks every placeholder the UI fills exists in its string,
// on the rendered page for a range of scenarios: no "{name}" survives, and no missing
// key shows as "[key]".
func TestPlaceholdersFilled(t *testing.T) {
	queries := []string{
		"",
		"role=it-support&state=WY&years=1&edu=hs&employer=clinic&certs=ccna,epic&bg=clinical",
		"role=him-director&state=CA&years=45&edu=doctorate&employer=consulting&certs=rhia,pmp,cphims&bg=it",
		"role=x&state=y&years=1e9&edu=z&employer=w&certs=q&bg=" + strings.Repeat("b", 300),
	}
	for _, ri := range estimate.Roles() {
		queries = append(queries, "role="+string(ri.Slug)+"&state=DC&employer=hospital-system&certs=cissp")
	}
	for _, q := range queries {
		vals, _ := queryValues(q)
		p := newTestPage(&memStore{})
		p.start(vals, "", sourcePrerender)
		p.apply(Change{Field: "years", Value: "77"})
		root, raw := render(t, p)
		body := textOf(root)
		for _, bad := range []string{"{", "}", "[role.", "[field.", "[help.", "[edu.", "[note.", "[summary."} {
			if strings.Contains(body, bad) {
				i := strings.Index(body, bad)
				t.Errorf("query %q: page text has %q near %q", clip(q, 60), bad, body[max(0, i-40):min(len(body), i+40)])
			}
		}
		if strings.Contains(raw, "%!") {
			t.Errorf("query %q: a format verb leaked into the HTML", clip(q, 60))
		}
	}
}
