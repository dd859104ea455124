package ui

import (
	"strings"
	"testing"

	"github.com/hit-salary/hit-salary/app/estimate"
)

// decodeSeeds are links and stored blobs worth starting the fuzzers from: valid ones,
// hostile ones and ones over the length caps.
var decodeSeeds = []string{
	"",
	"role=ehr-analyst&state=CA&years=5",
	"role=security-analyst&state=TX&years=10&edu=master&employer=vendor&certs=cissp,security-plus&bg=it",
	"years=NaN&years=1e308&state=%3Cscript%3E",
	"certs=,,pmp,PMP,xx&bg=&prior=-3&from=%3Cimg%3E",
	"role=%ff%fe&edu=%00&metro=99999",
	"state=MA&metro=14460&lang=es&embed=1&lock=role&theme=dark&accent=0a58a6&host=https://a.b",
	"role=" + strings.Repeat("x", 300),
	strings.Repeat("certs=pmp&", 2000),
	"%zz=1&role=it-manager&&&=&state",
}

// checkScenario fails the test unless the page holds a valid scenario that reads back as
// itself, and every notice can be put in words.
func checkScenario(t *testing.T, p *Page, what string) {
	t.Helper()
	if err := estimate.Validate(p.in); err != nil {
		t.Fatalf("%s: invalid scenario %+v: %v", what, p.in, err)
	}
	back, errs := estimate.FromQuery(p.in.Query())
	if len(errs) != 0 || queryString(back) != queryString(p.in) {
		t.Fatalf("%s: scenario %+v does not read back (%v)", what, p.in, errs)
	}
	for _, n := range p.notices {
		if s := problemText(testCatalog(), n, p.in); s == "" || strings.Contains(s, "{") {
			t.Fatalf("%s: notice %+v reads %q", what, n, s)
		}
	}
}

// FuzzStoredScenario feeds random blobs to the page as the scenario kept in local
// storage (what localStore.Load returns: at most 2,048 characters): the page never
// panics, always ends with a valid scenario, and uses a blob only when all of it is
// valid, so a stored blob never produces a notice.
func FuzzStoredScenario(f *testing.F) {
	for _, s := range decodeSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, blob string) {
		if len(blob) > 2048 {
			blob = blob[:2048] // localStore.Load returns nothing longer
		}
		p := newTestPage(&memStore{q: blob})
		p.start(nil, blob, sourceWasm)
		checkScenario(t, p, "stored "+blob)
		if len(p.notices) != 0 {
			t.Fatalf("stored %q produced notices %v", blob, p.notices)
		}
		if p.restored {
			if _, errs := estimate.FromQuery(parseQuery(blob)); len(errs) != 0 {
				t.Fatalf("stored %q was used despite %v", blob, errs)
			}
		}
	})
}

// FuzzPageQuery feeds random URL queries to the page as its address (the scenario and
// the embed parameters): no panic, always a valid scenario, a bounded notice, and an
// address to write back that reads as the same scenario.
func FuzzPageQuery(f *testing.F) {
	for _, s := range decodeSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		p := newTestPage(&memStore{})
		p.embed = parseEmbed(raw)
		p.start(parseQuery(raw), "", sourceWasm)
		checkScenario(t, p, "query "+raw)
		written := p.urlQuery()
		again := newTestPage(&memStore{})
		again.embed = parseEmbed(written)
		again.start(parseQuery(written), "", sourceWasm)
		if queryString(again.in) != queryString(p.in) || len(again.notices) != 0 {
			t.Fatalf("the address written for %q, %q, reads as %+v with %v", raw, written, again.in, again.notices)
		}
		if again.embed.query() != p.embed.query() {
			t.Fatalf("embed parameters %q read back as %q", p.embed.query(), again.embed.query())
		}
	})
}
