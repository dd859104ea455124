// Package icon draws the HIT Salary app icon: a rounded square in the brand
// colour with a white pulse line that ends in a rising arrow (healthcare and
// pay going up). The same geometry produces the PNG icons and the SVG icon,
// so they always agree, and the output is deterministic: the same inputs give
// the same bytes, which keeps builds reproducible.
package icon

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"strings"
)

// Shape selects how the mark is laid out on the canvas.
type Shape int

const (
	// Rounded is the "any" purpose icon: a rounded square filling the canvas
	// (transparent corners) with the mark inside.
	Rounded Shape = iota
	// Maskable is the "maskable" purpose icon: the background fills the whole
	// canvas and the mark stays inside the safe zone, the centred circle of
	// radius SafeZone×size that every platform mask keeps.
	Maskable
)

// SafeZone is the radius, as a fraction of the icon size, of the centred
// circle that platform masks never crop (W3C Web App Manifest, "maskable"
// icons: 40 % of the icon size).
const SafeZone = 0.40

// cornerRadius is the corner radius of the Rounded shape as a fraction of
// the size.
const cornerRadius = 0.2

// strokeWidth is the width of the pulse line as a fraction of the size.
const strokeWidth = 0.075

// maskableScale shrinks the mark about the centre for the Maskable shape so
// that it fits the safe zone with a margin.
const maskableScale = 0.8

type point struct{ x, y float64 }

// line is the pulse: flat, a spike up, a deep dip, then a rise to the upper
// right. Coordinates are fractions of the icon size; y grows downwards.
var line = []point{
	{0.16, 0.60},
	{0.33, 0.60},
	{0.41, 0.35},
	{0.50, 0.76},
	{0.58, 0.52},
	{0.80, 0.31},
}

// arrowLength and arrowAngle shape the arrow head at the end of the line.
const (
	arrowLength = 0.13
	arrowAngle  = 40 * math.Pi / 180
)

// polylines returns the strokes of the mark for a shape, in fractions of the
// size: the pulse line and the two sides of the arrow head.
func polylines(s Shape) [][]point {
	end := line[len(line)-1]
	prev := line[len(line)-2]
	back := math.Atan2(prev.y-end.y, prev.x-end.x)
	head := func(sign float64) []point {
		a := back + sign*arrowAngle
		return []point{end, {end.x + arrowLength*math.Cos(a), end.y + arrowLength*math.Sin(a)}}
	}
	strokes := [][]point{append([]point(nil), line...), head(1), head(-1)}
	if s == Maskable {
		for _, st := range strokes {
			for i, p := range st {
				st[i] = point{0.5 + (p.x-0.5)*maskableScale, 0.5 + (p.y-0.5)*maskableScale}
			}
		}
	}
	return strokes
}

// strokeScale returns the stroke width factor for a shape.
func strokeScale(s Shape) float64 {
	if s == Maskable {
		return strokeWidth * maskableScale
	}
	return strokeWidth
}

// Draw renders the icon at size×size pixels with background colour bg.
// Edges are anti-aliased analytically from distance fields.
func Draw(size int, s Shape, bg color.NRGBA) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	n := float64(size)
	strokes := polylines(s)
	half := strokeScale(s) * n / 2
	radius := cornerRadius * n
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			px, py := float64(x)+0.5, float64(y)+0.5
			shape := 1.0
			if s == Rounded {
				shape = coverage(-roundedRectDist(px, py, n, radius))
			}
			if shape == 0 {
				continue
			}
			d := math.Inf(1)
			for _, st := range strokes {
				for i := 1; i < len(st); i++ {
					d = math.Min(d, segmentDist(px, py, st[i-1].x*n, st[i-1].y*n, st[i].x*n, st[i].y*n))
				}
			}
			ink := coverage(half - d)
			// White over the background, then the shape's own coverage
			// as alpha (the mark never reaches the transparent corners).
			mix := func(c uint8) uint8 { return uint8(math.Round(float64(c)*(1-ink) + 255*ink)) }
			img.SetNRGBA(x, y, color.NRGBA{mix(bg.R), mix(bg.G), mix(bg.B), uint8(math.Round(255 * shape))})
		}
	}
	return img
}

// coverage turns a signed distance in pixels (positive inside) into the
// fraction of a pixel covered.
func coverage(inside float64) float64 {
	return math.Max(0, math.Min(1, inside+0.5))
}

// roundedRectDist is the signed distance (negative inside) from (px, py) to
// the square [0,n]² with corner radius r.
func roundedRectDist(px, py, n, r float64) float64 {
	qx := math.Abs(px-n/2) - (n/2 - r)
	qy := math.Abs(py-n/2) - (n/2 - r)
	outside := math.Hypot(math.Max(qx, 0), math.Max(qy, 0))
	return outside + math.Min(math.Max(qx, qy), 0) - r
}

// segmentDist is the distance from (px, py) to the segment (ax, ay)-(bx, by).
func segmentDist(px, py, ax, ay, bx, by float64) float64 {
	dx, dy := bx-ax, by-ay
	t := ((px-ax)*dx + (py-ay)*dy) / (dx*dx + dy*dy)
	t = math.Max(0, math.Min(1, t))
	return math.Hypot(px-(ax+t*dx), py-(ay+t*dy))
}

// PNG draws the icon and encodes it as a PNG with the best compression.
func PNG(size int, s Shape, bg color.NRGBA) ([]byte, error) {
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&b, Draw(size, s, bg)); err != nil {
		return nil, fmt.Errorf("encoding %d px icon: %w", size, err)
	}
	return b.Bytes(), nil
}

// SVG returns the Rounded icon as an SVG document with background colour bg.
func SVG(bg color.NRGBA) []byte {
	const n = 512.0
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %g %g">`, n, n)
	fmt.Fprintf(&b, `<rect width="%g" height="%g" rx="%g" fill="%s"/>`, n, n, cornerRadius*n, Hex(bg))
	fmt.Fprintf(&b, `<path d="`)
	for i, st := range polylines(Rounded) {
		if i > 0 {
			b.WriteByte(' ')
		}
		for j, p := range st {
			cmd := "L"
			if j == 0 {
				cmd = "M"
			}
			fmt.Fprintf(&b, "%s%.1f %.1f", cmd, p.x*n, p.y*n)
		}
	}
	fmt.Fprintf(&b, `" fill="none" stroke="#fff" stroke-width="%g" stroke-linecap="round" stroke-linejoin="round"/>`, strokeWidth*n)
	b.WriteString("</svg>\n")
	return []byte(b.String())
}

// Hex formats c as a CSS hex colour, #rrggbb.
func Hex(c color.NRGBA) string {
	return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)
}

// ParseHex parses a CSS colour written #rrggbb.
func ParseHex(s string) (color.NRGBA, error) {
	var c color.NRGBA
	if len(s) != 7 || s[0] != '#' {
		return c, fmt.Errorf("colour %q: want #rrggbb", s)
	}
	if _, err := fmt.Sscanf(s[1:], "%02x%02x%02x", &c.R, &c.G, &c.B); err != nil {
		return c, fmt.Errorf("colour %q: want #rrggbb: %w", s, err)
	}
	c.A = 255
	return c, nil
}
