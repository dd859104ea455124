package e2e

import (
	"reflect"
	"testing"
	"time"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/build/e2e/harness"
)

// TestEarlyInputCarriedOver holds app.wasm back, changes the pre-rendered form (typing the
// years, picking a role, ticking a certification) and then lets the wasm start: the live
// app must show the changed scenario, not the pre-rendered default.
func TestEarlyInputCarriedOver(t *testing.T) {
	s := site(t, harness.Options{})
	release := s.HoldWasm()
	defer release()
	tb := newTab(t, 90*time.Second)
	tb.navigate(s.URL())
	got, err := tb.readEstimate()
	if err != nil || got.Source != "prerender" {
		t.Fatalf("before the wasm: estimate %v (%v), want the pre-rendered one", got, err)
	}

	tb.typeInto("#years", "17")
	tb.setValue("#role", "it-manager")
	tb.click("#cert-pmp")
	in := estimate.Default()
	in.Years, in.Role, in.Certs = 17, "it-manager", []estimate.Cert{"pmp"}

	// The pre-rendered figures are for the default, no longer the form's scenario:
	// web/carry.js marks them pending until the app has computed it.
	got, err = tb.readEstimate()
	if err != nil || got.Source != "pending" {
		t.Fatalf("after early edits, before the wasm: estimate %v (%v), want data-source=pending", got, err)
	}
	release()
	tb.waitWasm()
	tb.expectEstimate(in, "after the wasm started")
	if c, w := tb.readControls(), controlsFor(in); !reflect.DeepEqual(c, w) {
		t.Errorf("form after the wasm started = %+v, want %+v", c, w)
	}
	tb.expectURL(in, "after the wasm started")
}
