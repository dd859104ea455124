package ui

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestUIRepeatsNoModelRule guards "the model decides, the UI renders": the UI's source
// (tests excluded) must not test a model condition itself. It fails on
//   - a comparison (==, !=, a switch case) with one of the model's enum constants that
//     decide an estimate: education, employer, background, certification, factor kind,
//     confidence (which level applies, which certificate counts, when the clinical
//     premium applies, education rank...);
//   - reading the role catalogue's rule fields (Clinical, Tech, Proxy, Later), which the
//     model turns into factors, reasons and notes;
//   - the model's experience constants (PlateauYears, ReferenceYears), which belong in
//     the model's sentences;
//   - an order comparison (<, >, <=, >=) of two fields, such as o.GrowthPercent >
//     o.AverageGrowth: a rule over two of the model's figures, whose outcome the model
//     gives as a key (Outlook.Compare, PathStep.DiffKey).
//
// Rendering what the model says (its Result, Message keys, RoleInfo.CountsFor asked of
// the model) is what the UI is for, and passes.
func TestUIRepeatsNoModelRule(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		checked++
		for _, p := range modelRuleProblems(fset, f) {
			t.Error(p)
		}
	}
	if checked < 10 {
		t.Fatalf("checked only %d files: is the source scan broken?", checked)
	}
}

// TestModelRuleCheckCatches feeds the check rules the UI once broke, and code that
// only renders, so the check itself is known to work.
func TestModelRuleCheckCatches(t *testing.T) {
	tests := []struct {
		name, body string
		fails      bool
	}{
		{"two figures compared", `if o.GrowthPercent > o.AverageGrowth { k = "above" }`, true},
		{"two figures, the other way", `ok := r.Estimate <= c.res.Current`, true},
		{"an enum compared", `if in.Education == estimate.EduMaster {}`, true},
		{"a role rule read", `_ = ri.Clinical`, true},
		{"a model key rendered", `k := "outlook.compare." + o.Compare`, false},
		{"a length checked", `if len(rows) > 0 {}`, false},
		{"a loop index", `for i := 0; i < n; i++ {}`, false},
		{"a field against a number", `if fp.Median > 0 {}`, false},
		{"a package constant", `if x.Years > estimate.MaxYears {}`, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := "package ui\n\nimport \"github.com/hit-salary/hit-salary/app/estimate\"\n\nvar _ = estimate.Default\n\nfunc f() {\n" + tc.body + "\n}\n"
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, "snippet.go", src, 0)
			if err != nil {
				t.Fatal(err)
			}
			if got := modelRuleProblems(fset, f); (len(got) > 0) != tc.fails {
				t.Errorf("%s: problems %q, want failing %v", tc.body, got, tc.fails)
			}
		})
	}
}

// modelRuleProblems lists where one file of the UI repeats a model rule (see
// TestUIRepeatsNoModelRule).
func modelRuleProblems(fset *token.FileSet, f *ast.File) []string {
	var out []string
	errorf := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	decisive := []string{"Edu", "Employer", "Background", "Cert", "Factor", "Confidence"}
	isDecisive := func(e ast.Expr) (string, bool) {
		sel, ok := e.(*ast.SelectorExpr)
		if !ok {
			return "", false
		}
		if x, ok := sel.X.(*ast.Ident); !ok || x.Name != "estimate" {
			return "", false
		}
		for _, p := range decisive {
			if strings.HasPrefix(sel.Sel.Name, p) && sel.Sel.Name != p && !strings.HasSuffix(sel.Sel.Name, "s") {
				return sel.Sel.Name, true
			}
		}
		return "", false
	}
	// Names of the file's imports: a selector on one is a package's name, not a field.
	pkgs := map[string]bool{}
	for _, im := range f.Imports {
		p, _ := strconv.Unquote(im.Path.Value)
		name := path.Base(p) // the UI imports no package whose name differs from its path's end
		if im.Name != nil {
			name = im.Name.Name
		}
		pkgs[name] = true
	}
	isField := func(e ast.Expr) bool {
		sel, ok := e.(*ast.SelectorExpr)
		if !ok {
			return false
		}
		x, ok := sel.X.(*ast.Ident)
		return !ok || !pkgs[x.Name]
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BinaryExpr:
			switch n.Op {
			case token.LSS, token.GTR, token.LEQ, token.GEQ:
				if isField(n.X) && isField(n.Y) {
					errorf("%s: the UI orders two figures (%s): a model rule; let the model give its outcome as a key", fset.Position(n.Pos()), n.Op)
				}
			}
			if n.Op == token.EQL || n.Op == token.NEQ {
				for _, side := range []ast.Expr{n.X, n.Y} {
					if c, ok := isDecisive(side); ok {
						errorf("%s: the UI compares with estimate.%s: a model condition; let the Result say it", fset.Position(n.Pos()), c)
					}
				}
			}
		case *ast.CaseClause:
			for _, e := range n.List {
				if c, ok := isDecisive(e); ok {
					errorf("%s: the UI switches on estimate.%s: a model condition; let the Result say it", fset.Position(e.Pos()), c)
				}
			}
		case *ast.SelectorExpr:
			switch n.Sel.Name {
			case "Clinical", "Tech", "Proxy", "Later":
				errorf("%s: the UI reads the role rule %s: let the Result say what it decides", fset.Position(n.Pos()), n.Sel.Name)
			case "PlateauYears", "ReferenceYears":
				if x, ok := n.X.(*ast.Ident); ok && x.Name == "estimate" {
					errorf("%s: the UI uses estimate.%s: the model's sentences carry it", fset.Position(n.Pos()), n.Sel.Name)
				}
			}
		}
		return true
	})
	return out
}
