package ui

import (
	"strconv"
	"strings"
	"testing"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
)

// TestPathwaysPanel renders the pathways of two people in both languages: three paths
// in the model's order, the person's flagged, each step's figures the model's (as data
// attributes and as text), the differences worded by the model's key, every
// specialization with its difference, and the advice marked as advice.
func TestPathwaysPanel(t *testing.T) {
	for _, q := range []string{
		"role=ehr-analyst&state=OH&years=3&edu=bachelor&employer=hospital-system&bg=clinical&prior=8",
		"role=security-analyst&state=MA&metro=14460&years=12&edu=master&employer=vendor&certs=ccna&bg=new&from=network-support",
	} {
		want, err := estimate.Pathways(mustInput(t, q))
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range []text.Lang{text.English, text.Spanish} {
			tr := text.For(l)
			root, _ := render(t, &pathwaysBody{Lang: l, Query: q})
			panel := one(t, root, "panel", byAttr("data-testid", "pathways"))
			if !strings.Contains(textOf(panel), tr.Message(want.MineNote)) {
				t.Errorf("%s %s: the mine note %q is not shown", l, q, tr.Message(want.MineNote))
			}
			paths := find(panel, byAttr("data-testid", "pathway"))
			if len(paths) != len(want.Paths) {
				t.Fatalf("%s: %d paths, want %d", l, len(paths), len(want.Paths))
			}
			for i, p := range want.Paths {
				n := paths[i]
				if n.Attrs["data-path"] != string(p.Path) {
					t.Errorf("%s: path %d is %q, want %s", l, i, n.Attrs["data-path"], p.Path)
				}
				if (n.Attrs["data-mine"] == "true") != p.Mine {
					t.Errorf("%s %s: data-mine %q, model says %v", l, p.Path, n.Attrs["data-mine"], p.Mine)
				}
				if p.Mine != strings.Contains(textOf(n), tr.T("pathways.mine")) {
					t.Errorf("%s %s: the path's flag in words does not follow the model (%v)", l, p.Path, p.Mine)
				}
				steps := find(n, byAttr("data-testid", "pathway-step"))
				if len(steps) != len(p.Steps) {
					t.Fatalf("%s %s: %d steps, want %d", l, p.Path, len(steps), len(p.Steps))
				}
				for j, s := range p.Steps {
					sn, body := steps[j], textOf(steps[j])
					if sn.Attrs["data-role"] != string(s.Role) || sn.Attrs["data-estimate"] != strconv.Itoa(s.Estimate) ||
						sn.Attrs["data-difference"] != strconv.Itoa(s.Difference) || sn.Attrs["data-diff"] != s.DiffKey {
						t.Errorf("%s %s step %d: %v, want %s %d %d %s", l, p.Path, j, sn.Attrs, s.Role, s.Estimate, s.Difference, s.DiffKey)
					}
					for _, part := range []string{tr.Money(s.Estimate), tr.Money(s.Low), tr.Money(s.High),
						diffText(tr, s.DiffKey, s.Difference), tr.Message(s.Advice), roleName(tr, s.Role),
						tr.SignedPercent(s.Outlook.GrowthPercent, 1), tr.T("evidence.advice")} {
						if part = strings.ReplaceAll(part, "\u00a0", " "); !strings.Contains(body, part) {
							t.Errorf("%s %s step %d: %q missing from %q", l, p.Path, j, part, body)
						}
					}
				}
			}
			specs := find(panel, byAttr("data-testid", "specialization"))
			if len(specs) != len(want.Specializations) {
				t.Fatalf("%s: %d specializations, want %d", l, len(specs), len(want.Specializations))
			}
			for i, s := range want.Specializations {
				n := specs[i]
				if n.Attrs["data-specialization"] != s.ID || n.Attrs["data-role"] != string(s.Role) ||
					n.Attrs["data-difference"] != strconv.Itoa(s.Difference) || n.Attrs["data-estimate"] != strconv.Itoa(s.Estimate) {
					t.Errorf("%s: specialization %d %v, want %s %s %d", l, i, n.Attrs, s.ID, s.Role, s.Difference)
				}
				if !strings.Contains(textOf(n), diffText(tr, s.DiffKey, s.Difference)) || !strings.Contains(textOf(n), tr.Message(s.Why)) {
					t.Errorf("%s %s: text %q lacks its difference or its reason", l, s.ID, textOf(n))
				}
			}
			for _, s := range want.Sources {
				if len(find(panel, byAttr("data-source", s.ID))) != 1 {
					t.Errorf("%s: source %s not listed once", l, s.ID)
				}
			}
			if s := textOf(panel); strings.Contains(s, "[") {
				t.Errorf("%s: a missing key shows in %q", l, s)
			}
		}
	}
}

// TestPathwaysPanelBadScenario: a scenario the model refuses says so instead of paths.
func TestPathwaysPanelBadScenario(t *testing.T) {
	c := &pathwaysBody{Lang: text.English, Query: "role=ehr-analyst"}
	c.res, c.err, c.query, c.done = estimate.PathwaysResult{}, errTest, c.Query, true
	root, _ := render(t, c)
	if !strings.Contains(textOf(root), text.For(text.English).T("pathways.none")) {
		t.Errorf("no failure message in %q", textOf(root))
	}
}

type testError string

func (e testError) Error() string { return string(e) }

const errTest = testError("refused")

// TestOutlookNeighbours: the outlook panel says how the role compares by the model's
// key and lists the model's neighbours, national, with growth and openings.
func TestOutlookNeighbours(t *testing.T) {
	tr := text.For(text.English)
	for _, role := range []estimate.Role{"ehr-analyst", "data-analyst", "it-support"} {
		r := mustEstimate(t, estimate.Input{Role: role, State: "OH", Years: 3, Education: estimate.EduBachelor,
			Employer: estimate.EmployerAny, Background: estimate.BackgroundNew})
		root, _ := render(t, &OutlookPanel{Lang: text.English, Role: role, Outlook: r.Outlook})
		want := tr.F("outlook.compare."+r.Outlook.Compare, "growth", tr.SignedPercent(r.Outlook.GrowthPercent, 1),
			"average", tr.SignedPercent(r.Outlook.AverageGrowth, 1))
		if !strings.Contains(textOf(root), want) {
			t.Errorf("%s: %q not in %q", role, want, textOf(root))
		}
		box := one(t, root, "neighbours", byAttr("data-testid", "outlook-neighbours"))
		ns := estimate.Neighbours(role)
		items := find(box, func(n *node) bool { return n.Attrs["data-kind"] != "" })
		if len(items) != len(ns) {
			t.Fatalf("%s: %d neighbours shown, model gives %d", role, len(items), len(ns))
		}
		if len(ns) == 0 && !strings.Contains(textOf(box), tr.T("outlook.neighbours.none")) {
			t.Errorf("%s: no neighbours, and not said", role)
		}
		for i, n := range ns {
			it := items[i]
			if it.Attrs["data-role"] != string(n.Role) || it.Attrs["data-openings"] != strconv.Itoa(n.Outlook.OpeningsPerYear) {
				t.Errorf("%s: neighbour %d %v, want %s", role, i, it.Attrs, n.Role)
			}
			for _, part := range []string{roleName(tr, n.Role), tr.SignedPercent(n.Outlook.GrowthPercent, 1),
				tr.Int(n.Outlook.OpeningsPerYear), tr.T("outlook.neighbours.national")} {
				if !strings.Contains(textOf(it), part) {
					t.Errorf("%s: neighbour %s lacks %q: %q", role, n.Role, part, textOf(it))
				}
			}
		}
	}
}
