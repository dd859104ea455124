package icon

import (
	"bytes"
	"encoding/xml"
	"image/color"
	"image/png"
	"io"
	"math"
	"testing"
)

var brand = color.NRGBA{0x0b, 0x5f, 0x66, 0xff}

func TestPNG(t *testing.T) {
	tests := []struct {
		name  string
		size  int
		shape Shape
		// wantCornerAlpha is the alpha of pixel (0, 0).
		wantCornerAlpha uint8
	}{
		{name: "192 px", size: 192, shape: Rounded, wantCornerAlpha: 0},
		{name: "512 px", size: 512, shape: Rounded, wantCornerAlpha: 0},
		{name: "maskable 512 px", size: 512, shape: Maskable, wantCornerAlpha: 255},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := PNG(tt.size, tt.shape, brand)
			if err != nil {
				t.Fatal(err)
			}
			again, _ := PNG(tt.size, tt.shape, brand)
			if !bytes.Equal(data, again) {
				t.Errorf("two encodings differ: output is not deterministic")
			}
			img, err := png.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("decoding: %v", err)
			}
			if b := img.Bounds(); b.Dx() != tt.size || b.Dy() != tt.size {
				t.Fatalf("size %v, want %dx%d", b, tt.size, tt.size)
			}
			if _, _, _, a := img.At(0, 0).RGBA(); uint8(a>>8) != tt.wantCornerAlpha {
				t.Errorf("corner alpha %d, want %d", a>>8, tt.wantCornerAlpha)
			}
			// The centre column has background and white mark pixels.
			var white, bg int
			for y := 0; y < tt.size; y++ {
				for x := 0; x < tt.size; x++ {
					c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
					switch {
					case c.A == 255 && c.R == 255 && c.G == 255 && c.B == 255:
						white++
						if tt.shape == Maskable {
							dx, dy := float64(x)+0.5-float64(tt.size)/2, float64(y)+0.5-float64(tt.size)/2
							if r := math.Hypot(dx, dy) / float64(tt.size); r > SafeZone {
								t.Fatalf("mark pixel (%d,%d) at %.3f of the size from the centre, outside the safe zone %.2f", x, y, r, SafeZone)
							}
						}
					case c == brand:
						bg++
					}
				}
			}
			area := tt.size * tt.size
			if white < area/50 || bg < area/2 {
				t.Errorf("%d white and %d background pixels of %d: mark or background missing", white, bg, area)
			}
		})
	}
}

func TestSVG(t *testing.T) {
	svg := SVG(brand)
	dec := xml.NewDecoder(bytes.NewReader(svg))
	var elements []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v\n%s", err, svg)
		}
		if se, ok := tok.(xml.StartElement); ok {
			elements = append(elements, se.Name.Local)
		}
	}
	if len(elements) != 3 || elements[0] != "svg" || elements[1] != "rect" || elements[2] != "path" {
		t.Errorf("elements %q, want svg, rect, path", elements)
	}
	if !bytes.Contains(svg, []byte(`fill="#0b5f66"`)) {
		t.Errorf("SVG lacks the background colour:\n%s", svg)
	}
}

func TestParseHex(t *testing.T) {
	tests := []struct {
		in      string
		want    color.NRGBA
		wantErr bool
	}{
		{in: "#0b5f66", want: brand},
		{in: "#FFFFFF", want: color.NRGBA{255, 255, 255, 255}},
		{in: "0b5f66", wantErr: true},
		{in: "#0b5f6", wantErr: true},
		{in: "#0b5g66", wantErr: true},
		{in: "teal", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseHex(tt.in)
			if (err != nil) != tt.wantErr || (!tt.wantErr && got != tt.want) {
				t.Fatalf("ParseHex(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
			}
			if !tt.wantErr && Hex(got) != "#"+string(bytes.ToLower([]byte(tt.in[1:]))) {
				t.Errorf("Hex(ParseHex(%q)) = %q", tt.in, Hex(got))
			}
		})
	}
}
