package pages

import (
	"net/http/httptest"
	"strings"
	"testing"
)

func TestAcceptsGzip(t *testing.T) {
	tests := []struct {
		header string
		want   bool
	}{
		{"", false},
		{"gzip", true},
		{"br, gzip;q=0.5", true},
		{"gzip;q=0", false},
		{"deflate", false},
		{"GZIP", true},
	}
	for _, tt := range tests {
		t.Run(tt.header, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/", nil)
			r.Header.Set("Accept-Encoding", tt.header)
			if got := acceptsGzip(r); got != tt.want {
				t.Errorf("acceptsGzip(%q) = %v, want %v", tt.header, got, tt.want)
			}
		})
	}
}

func TestNormalizeBase(t *testing.T) {
	tests := []struct{ in, want, wantErr string }{
		{in: "/hit-salary/", want: "/hit-salary/"},
		{in: "hit-salary", want: "/hit-salary/"},
		{in: "/hit-salary", want: "/hit-salary/"},
		{in: "/", want: "/"},
		{in: "a/b", want: "/a/b/"},
		{in: "", wantErr: "empty"},
		{in: "/a//b/", wantErr: "empty segment"},
		{in: "/a?b/", wantErr: "letters"},
		{in: "/../", wantErr: "no . or .."},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := NormalizeBase(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("NormalizeBase(%q) = %q, %v; want error %q", tt.in, got, err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("NormalizeBase(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}
