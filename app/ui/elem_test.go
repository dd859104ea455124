package ui

import (
	"regexp"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// betweenTags is the indentation go-app writes between tags.
var betweenTags = regexp.MustCompile(`>\s+<`)

// TestElementSpec checks the parser of the spec strings of hs, h and ht: the tag, then
// each "|name=value" as an attribute, the first "=" splitting name from value.
func TestElementSpec(t *testing.T) {
	tests := []struct {
		name string
		ui   app.UI
		want string
	}{
		{"tag only", hs("td").Text("x"), `<td>x</td>`},
		{"one attribute", ht("span|class=num", "x"), `<span class="num">x</span>`},
		{"several attributes, sorted in the output", ht("td|role=cell|class=num", "x"), `<td class="num" role="cell">x</td>`},
		{"value holding =", ht("a|href=?role=x&years=3", "x"), `<a href="?role=x&years=3">x</a>`},
		{"empty value: no attribute (go-app drops empty ones)", ht("option|value=", "x"), `<option>x</option>`},
		{"data and aria names", ht("div|data-testid=notice|aria-live=polite", "x"), `<div aria-live="polite" data-testid="notice">x</div>`},
		{"body", h("tr|class=row", ht("td|class=num", "1")), `<tr class="row"><td class="num">1</td></tr>`},
		{"methods after the spec", hs("p|class=a").ID("dyn").Text("x"), `<p class="a" id="dyn">x</p>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := betweenTags.ReplaceAllString(canonicalHTML(t, app.HTMLString(tt.ui)), "><")
			if got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}
