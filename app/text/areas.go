package text

import (
	"sort"
	"strings"
	"unicode"

	"github.com/hit-salary/hit-salary/app/estimate"
)

// AreasByName returns the nation, then the states and DC in the alphabetical order of
// their names in the catalogue's language, so a list of states reads in order in Spanish
// too (Carolina del Norte under C, not under N as North Carolina). The app's state
// select and the embed builder's both use it.
func (c *Catalog) AreasByName() []estimate.Area {
	as := estimate.Areas()
	key := make(map[string]string, len(as))
	for _, a := range as {
		key[a.Code] = SortKey(c.AreaName(a.Code, a.Name))
	}
	sort.SliceStable(as, func(i, j int) bool {
		if (as[i].Code == "US") != (as[j].Code == "US") {
			return as[i].Code == "US"
		}
		return key[as[i].Code] < key[as[j].Code]
	})
	return as
}

// SortKey folds a name for alphabetical order: lower case, accents off (Míchigan sorts
// with Michigan before Minnesota), as Spanish dictionaries order words.
func SortKey(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case 'á', 'Á':
			return 'a'
		case 'é', 'É':
			return 'e'
		case 'í', 'Í':
			return 'i'
		case 'ó', 'Ó':
			return 'o'
		case 'ú', 'Ú', 'ü', 'Ü':
			return 'u'
		}
		return unicode.ToLower(r)
	}, s)
}
