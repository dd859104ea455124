package estimate

import "sort"

// Area is a state, DC, or the nation ("US").
type Area struct {
	Code string  // USPS code, or "US"
	Name string  // for example "California"
	RPP  float64 // BEA Regional Price Parity, all items, 2024 (US = 100)
}

// Areas returns the nation first, then the states and DC by name.
func Areas() []Area {
	out := append([]Area(nil), areas...)
	sort.SliceStable(out, func(i, j int) bool {
		if (out[i].Code == "US") != (out[j].Code == "US") {
			return out[i].Code == "US"
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// LookupArea returns the area with a USPS code (or "US").
func LookupArea(code string) (Area, bool) {
	for _, a := range areas {
		if a.Code == code {
			return a, true
		}
	}
	return Area{}, false
}
