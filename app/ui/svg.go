package ui

import (
	"math"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// svgNS is the SVG namespace. go-app creates an element in a namespace only if that
// element says so, so every SVG element carries it (svgEl).
const svgNS = "http://www.w3.org/2000/svg"

// svgEl is an SVG element. Charts use geometry attributes only and take their colours
// from classes in web/app.css, so they need no style attribute (strict CSP).
func svgEl(tag string) app.HTMLElem { return app.Elem(tag).XMLNS(svgNS) }

// num writes a coordinate with at most two decimals, deterministically.
func num(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "0"
	}
	s := strconv.FormatFloat(f, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" || s == "" {
		return "0"
	}
	return s
}

// scale maps a data domain onto a drawing range, linearly.
type scale struct{ r0, r1, d0, d1 float64 }

// newScale maps domain[0]..domain[1] onto r0..r1.
func newScale(r0, r1 float64, domain ...float64) scale {
	s := scale{r0: r0, r1: r1, d0: 0, d1: 1}
	if len(domain) == 2 && domain[1] > domain[0] {
		s.d0, s.d1 = domain[0], domain[1]
	}
	return s
}

// at is the drawing position of v, clamped to the range.
func (s scale) at(v float64) float64 {
	f := (v - s.d0) / (s.d1 - s.d0)
	f = math.Max(0, math.Min(1, f))
	return s.r0 + f*(s.r1-s.r0)
}

// niceTicks returns about n round values covering lo..hi (steps of 1, 2 or 5 times a
// power of ten), lowest first; the first is at or below lo and the last at or above hi.
func niceTicks(lo, hi float64, n int) []float64 {
	if !(hi > lo) || n < 1 {
		return []float64{lo}
	}
	raw := (hi - lo) / float64(n)
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	step := p
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= raw {
			step = m * p
			break
		}
	}
	var out []float64
	for v := math.Floor(lo/step) * step; len(out) < 4*n+2; v += step {
		out = append(out, v)
		if v >= hi {
			break
		}
	}
	return out
}
