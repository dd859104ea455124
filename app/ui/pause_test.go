package ui

import (
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// TestPause: one timer per pause, however many edits come; it fires again for what is
// left of the delay while edits keep coming, and is done once they have paused for it.
func TestPause(t *testing.T) {
	const d = 250 * time.Millisecond
	t0 := time.Unix(1e9, 0)
	at := func(ms int) time.Time { return t0.Add(time.Duration(ms) * time.Millisecond) }
	var q pause
	if !q.edit(at(0)) {
		t.Fatal("the first edit started no timer")
	}
	for _, ms := range []int{40, 90, 200} {
		if q.edit(at(ms)) {
			t.Fatalf("an edit at %d ms started a second timer", ms)
		}
	}
	if got := q.due(at(250), d); got != 200*time.Millisecond {
		t.Fatalf("timer at 250 ms, last edit at 200 ms: wait %v more, want 200ms", got)
	}
	if got := q.due(at(450), d); got != 0 {
		t.Fatalf("timer at 450 ms, edits paused for 250 ms: wait %v more, want 0", got)
	}
	if !q.edit(at(500)) {
		t.Fatal("the first edit after a pause started no timer")
	}
	if got := q.due(at(749), d); got != time.Millisecond {
		t.Fatalf("timer 1 ms early: wait %v more, want 1ms", got)
	}
}

// TestPrintCatchesUp: the print buttons print the slow panels as of the last edit (they
// catch up first), and a catch-up with nothing behind draws nothing.
func TestPrintCatchesUp(t *testing.T) {
	p := newTestPage(&memStore{})
	p.start(nil, "", sourceWasm)
	p.persistDelay = time.Hour // the pause never comes in this test
	ctx := testContext(t)
	if p.catchUp() {
		t.Fatal("catch-up with no edit: the panels were not behind")
	}
	p.onChange(ctx, Change{Field: "role", Value: "it-manager"})
	if !p.lag.behind || p.lag.shown.Input.Role == "it-manager" {
		t.Fatalf("after an edit within the pause: behind %v, panels show %s", p.lag.behind, p.lag.shown.Input.Role)
	}
	p.onPrintSheet(ctx, app.Event{})
	if p.lag.behind || p.lag.shown.Input.Role != "it-manager" {
		t.Errorf("printing: behind %v, panels show %s, want the edited role", p.lag.behind, p.lag.shown.Input.Role)
	}
	if p.catchUp() {
		t.Error("a second catch-up found the panels behind again")
	}
}
