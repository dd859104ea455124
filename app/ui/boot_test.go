package ui

import (
	"slices"
	"strings"
	"testing"
)

// laterWrappers renders the page and returns its slow panels' wrappers (.later).
func laterWrappers(t *testing.T, p *Page) []*node {
	t.Helper()
	root, _ := render(t, p)
	return find(root, func(n *node) bool { return slices.Contains(strings.Fields(n.Attrs["class"]), "later") })
}

// TestStagedMountPlaceholders checks the first mount's steps (boot.go) as the page
// renders them: the slow panels past the mounted ones are empty wrappers, in the same
// places and as many as the whole page has, marked busy only when what the browser keeps
// in them is not the page's scenario; the zero boot (natively, in tests) draws them all.
func TestStagedMountPlaceholders(t *testing.T) {
	p := newTestPage(&memStore{})
	p.start(nil, "", sourceWasm)
	whole := laterWrappers(t, p)
	if len(whole) < 5 {
		t.Fatalf("%d slow panels, want several", len(whole))
	}
	for i, w := range whole {
		if len(w.Children) == 0 {
			t.Fatalf("zero boot: slow panel %d not drawn", i)
		}
	}
	for _, tc := range []struct {
		name    string
		mounted int
		stale   bool
		changed bool
		busy    bool
	}{
		{"first frame", 0, false, false, false},
		{"first frame over another scenario's page", 0, true, false, true},
		{"three panels in", 3, false, false, false},
		{"an edit while mounting", 3, false, true, true},
		{"all in", len(whole), false, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := newTestPage(&memStore{})
			p.start(nil, "", sourceWasm)
			p.boot = boot{stepping: true, mounted: tc.mounted, stale: tc.stale}
			p.changed = tc.changed
			got := laterWrappers(t, p)
			if len(got) != len(whole) {
				t.Fatalf("%d slow panel wrappers, want %d", len(got), len(whole))
			}
			for i, w := range got {
				drawn := len(w.Children) > 0
				if want := i < tc.mounted; drawn != want {
					t.Errorf("slow panel %d drawn %v, want %v", i, drawn, want)
				}
				_, busy := w.Attrs["aria-busy"] // go-app writes aria-busy="true" bare
				if !drawn && busy != tc.busy {
					t.Errorf("placeholder %d busy %v, want %v", i, busy, tc.busy)
				}
			}
			if p.boot.drawn != len(whole) {
				t.Errorf("the render counted %d slow panels, want %d", p.boot.drawn, len(whole))
			}
		})
	}
}
