package ui

import (
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// cssDecls returns the custom properties declared in the first block of css that
// follows the selector (the text before "{"), or nil.
func cssDecls(t *testing.T, css, selector string) map[string]string {
	t.Helper()
	i := strings.Index(css, selector+" {")
	if i < 0 {
		t.Fatalf("web/app.css has no %q block", selector)
	}
	body := css[i+len(selector)+2:]
	body = body[:strings.Index(body, "}")]
	out := map[string]string{}
	for _, m := range regexp.MustCompile(`(--[a-z0-9-]+):\s*([^;]+);`).FindAllStringSubmatch(body, -1) {
		out[m[1]] = strings.TrimSpace(m[2])
	}
	return out
}

func readWeb(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "web", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestForcedThemesMatchPalettes checks the palettes an embedded page forces with
// theme=light|dark are exactly the page's own light and dark ones.
func TestForcedThemesMatchPalettes(t *testing.T) {
	css := readWeb(t, "app.css")
	light := cssDecls(t, css, ":root")
	darkMedia := css[strings.Index(css, "@media (prefers-color-scheme: dark) {"):]
	dark := cssDecls(t, darkMedia, "  :root")
	forcedDark := cssDecls(t, css, "html[data-theme=dark]")
	forcedLight := cssDecls(t, css, "  html[data-theme=light]")
	if len(dark) < 20 {
		t.Fatalf("found only %d dark custom properties: is the parse broken?", len(dark))
	}
	for k, v := range dark {
		if forcedDark[k] != v {
			t.Errorf("theme=dark sets %s: %q, the dark palette %q", k, forcedDark[k], v)
		}
		if forcedLight[k] != light[k] {
			t.Errorf("theme=light sets %s: %q, the light palette %q", k, forcedLight[k], light[k])
		}
	}
	if len(forcedDark) != len(dark) || len(forcedLight) != len(dark) {
		t.Errorf("forced palettes have %d and %d properties, the dark palette %d", len(forcedDark), len(forcedLight), len(dark))
	}
}

func hexRGB(t *testing.T, s string) [3]float64 {
	t.Helper()
	if len(s) != 7 || s[0] != '#' {
		t.Fatalf("colour %q is not #rrggbb", s)
	}
	n, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		t.Fatalf("colour %q: %v", s, err)
	}
	return [3]float64{float64(n >> 16 & 255), float64(n >> 8 & 255), float64(n & 255)}
}

// contrastRatio is WCAG 2.2's contrast ratio of two #rrggbb colours, written here
// independently of web/embedded.js to check it.
func contrastRatio(t *testing.T, a, b string) float64 {
	lum := func(s string) float64 {
		c := hexRGB(t, s)
		var l [3]float64
		for i, x := range c {
			x /= 255
			if x <= 0.04045 {
				l[i] = x / 12.92
			} else {
				l[i] = math.Pow((x+0.055)/1.055, 2.4)
			}
		}
		return 0.2126*l[0] + 0.7152*l[1] + 0.0722*l[2]
	}
	la, lb := lum(a), lum(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

// TestAccentKeepsContrast runs web/embedded.js's accent function under Node for many
// colours, from white to black, and checks with this file's own contrast formula that
// the accent it gives each theme reaches 4.5:1 on every background the CSS uses it on,
// that a readable colour is used as given, and that a bad value is refused.
func TestAccentKeepsContrast(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("node is required when CI is set")
		}
		t.Skip("node not found")
	}
	inputs := []string{"#ffffff", "#000000", "#0a58a6", "#ffff00", "#777777", "#ff0000", "#00ff00", "#1f1f1f", "#e7f0fa", "#fa8", "0A58A6", "red", "#12345", "url(x)"}
	for i := 0; i < 60; i++ { // a spread of hues and lightnesses
		inputs = append(inputs, "#"+strconv.FormatInt(int64((i*2654435761)&0xffffff)|0x1000000, 16)[1:])
	}
	js, _ := json.Marshal(inputs)
	script := `require(process.argv[1]); const f = globalThis.hitEmbed.accentColours;
		console.log(JSON.stringify(` + string(js) + `.map(v => f(v))));`
	out, err := exec.Command(node, "-e", script, filepath.Join("..", "..", "web", "embedded.js")).Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	type theme struct{ Accent, Strong, Soft, On string }
	var got []*struct {
		Input       string
		Adjusted    bool
		Light, Dark theme
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("node output %s: %v", out, err)
	}
	css := readWeb(t, "app.css")
	light := cssDecls(t, css, ":root")
	dark := cssDecls(t, css[strings.Index(css, "@media (prefers-color-scheme: dark) {"):], "  :root")
	for i, in := range inputs {
		g := got[i]
		_, valid := parseHexColour(in)
		if (g != nil) != valid {
			t.Errorf("accent %q: JavaScript result %+v, Go's parseHexColour valid=%v", in, g, valid)
			continue
		}
		if g == nil {
			continue
		}
		check := func(name, fg string, bgs ...string) {
			for _, bg := range bgs {
				if r := contrastRatio(t, fg, bg); r < 4.5 {
					t.Errorf("accent %q, %s: %s on %s is %.2f:1, want at least 4.5", in, name, fg, bg, r)
				}
			}
		}
		check("light", g.Light.Accent, light["--bg"], light["--surface"], light["--notice-bg"], g.Light.Soft, g.Light.On)
		check("dark", g.Dark.Accent, dark["--bg"], dark["--surface"], dark["--notice-bg"], g.Dark.Soft, g.Dark.On)
		if !g.Adjusted && (g.Light.Accent != g.Input || g.Dark.Accent != g.Input) {
			t.Errorf("accent %q: not marked adjusted but changed: %+v", in, g)
		}
	}
	if got[2].Light.Accent != "#0a58a6" {
		t.Errorf("the site's own accent #0a58a6 was changed for the light theme to %s", got[2].Light.Accent)
	}
}
