package ui

import (
	"testing"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// editPage is a page that keeps its context, so that an edit can be dispatched to it
// as the form's handlers do (go-app then renders the page again).
type editPage struct {
	*Page
	ctx app.Context
}

func (p *editPage) OnPreRender(ctx app.Context) { p.ctx = ctx; p.Page.OnPreRender(ctx) }

// BenchmarkEdit times go-app's part of an edit of each field type, natively: the page
// takes the change, computes and go-app renders and compares the components whose
// fields changed (no DOM: the test engine's). Its allocations per edit are exact, so
// they compare two versions of the components even on a busy machine, where the
// browser's timings (make bench) do not; the browser pays for each allocation too.
// With the browser build's go-app (build/wasmbuild's patched copy, after make build):
//
//	go test -modfile=.cache/wasm.mod -run '^$' -bench Edit -benchtime 300x ./app/ui
func BenchmarkEdit(b *testing.B) {
	areas := []string{"CA", "OH", "TX", "MA", "WY", "NY"}
	roles := []string{"ehr-analyst", "it-support", "informatics", "security-analyst", "data-analyst", "it-manager"}
	certs := estimate.Certs()
	for _, bb := range []struct {
		name string
		edit func(i int) Change
	}{
		{"years", func(i int) Change { return Change{Field: estimate.ParamYears, Value: []string{"3", "10"}[i%2]} }},
		{"role", func(i int) Change { return Change{Field: estimate.ParamRole, Value: roles[i%len(roles)]} }},
		{"state", func(i int) Change { return Change{Field: estimate.ParamState, Value: areas[i%len(areas)]} }},
		{"edu", func(i int) Change {
			return Change{Field: estimate.ParamEducation, Value: []string{"master", "associate"}[i%2]}
		}},
		{"cert", func(i int) Change {
			return Change{Field: estimate.ParamCerts, Value: string(certs[i/2%len(certs)]), On: i%2 == 0}
		}},
	} {
		b.Run(bb.name, func(b *testing.B) {
			e := app.NewTestEngine()
			p := &editPage{Page: newTestPage(&memStore{})}
			if err := e.Load(p); err != nil {
				b.Fatal(err)
			}
			e.ConsumeAll()
			// In the middle of a quick run of edits, as in the browser: the address and
			// the slow panels wait for a pause (OnMount sets the delay), and the timer
			// that waits for it is running already (it would fire after the last edit).
			p.persistDelay = yearsPersistDelay
			p.pause.armed = true
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				ch := bb.edit(i)
				p.ctx.Dispatch(func(ctx app.Context) { p.onChange(ctx, ch) })
				e.ConsumeAll()
			}
		})
	}
}
