package estimate

import (
	"strings"
	"testing"
)

func TestRender(t *testing.T) {
	args := []Arg{argMoney("median", 104250), argText("area", "Ohio"), argInt("years", 3)}
	tests := []struct {
		name, tmpl string
		args       []Arg
		want       string
	}{
		{"no args", "Pay {median}.", nil, "Pay {median}."},
		{"no placeholder", "Official wages.", args, "Official wages."},
		{"filled", "{area}: median {median} after {years} years.", args, "Ohio: median $104,250 after 3 years."},
		{"repeated", "{area} and {area}", args, "Ohio and Ohio"},
		{"adjacent", "{years}{area}", args, "3Ohio"},
		{"unknown name kept", "{nope} in {area}", args, "{nope} in Ohio"},
		{"unclosed brace kept", "in {area} {median", args, "in Ohio {median"},
		{"braces around a placeholder", "{{area}}", args, "{Ohio}"},
		{"negative money", "{d}", []Arg{argMoney("d", -1250)}, "\u2212$1,250"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(tt.tmpl, tt.args); got != tt.want {
				t.Errorf("render(%q) = %q, want %q", tt.tmpl, got, tt.want)
			}
		})
	}
}

// Every template of the model, filled with an argument for each placeholder it names,
// leaves no brace behind.
func TestRenderEveryMessage(t *testing.T) {
	for key, tmpl := range messageText {
		var args []Arg
		for s := tmpl; ; {
			open := strings.IndexByte(s, '{')
			if open < 0 {
				break
			}
			end := strings.IndexByte(s[open:], '}')
			if end < 0 {
				t.Fatalf("%s: unclosed brace in %q", key, tmpl)
			}
			args = append(args, argText(s[open+1:open+end], "x"))
			s = s[open+end+1:]
		}
		if got := render(tmpl, args); strings.ContainsAny(got, "{}") {
			t.Errorf("%s renders as %q", key, got)
		}
	}
}
