package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
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
//     the model's sentences.
//
// Rendering what the model says (its Result, Message keys, RoleInfo.CountsFor asked of
// the model) is what the UI is for, and passes.
func TestUIRepeatsNoModelRule(t *testing.T) {
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
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BinaryExpr:
				if n.Op == token.EQL || n.Op == token.NEQ {
					for _, side := range []ast.Expr{n.X, n.Y} {
						if c, ok := isDecisive(side); ok {
							t.Errorf("%s: the UI compares with estimate.%s: a model condition; let the Result say it", fset.Position(n.Pos()), c)
						}
					}
				}
			case *ast.CaseClause:
				for _, e := range n.List {
					if c, ok := isDecisive(e); ok {
						t.Errorf("%s: the UI switches on estimate.%s: a model condition; let the Result say it", fset.Position(e.Pos()), c)
					}
				}
			case *ast.SelectorExpr:
				switch n.Sel.Name {
				case "Clinical", "Tech", "Proxy", "Later":
					t.Errorf("%s: the UI reads the role rule %s: let the Result say what it decides", fset.Position(n.Pos()), n.Sel.Name)
				case "PlateauYears", "ReferenceYears":
					if x, ok := n.X.(*ast.Ident); ok && x.Name == "estimate" {
						t.Errorf("%s: the UI uses estimate.%s: the model's sentences carry it", fset.Position(n.Pos()), n.Sel.Name)
					}
				}
			}
			return true
		})
	}
	if checked < 10 {
		t.Fatalf("checked only %d files: is the source scan broken?", checked)
	}
}
