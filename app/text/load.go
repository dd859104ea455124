package text

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// Loaded reports whether the catalogue has its strings. English always has; in the
// browser, Spanish has only after Load.
func (c *Catalog) Loaded() bool { return c.strings != nil }

// File is where the site serves a language's strings for Load, relative to its base
// path, for example "web/text-es.json".
func File(l Lang) string { return "web/text-" + string(l) + ".json" }

// JSON returns the strings of language l as one JSON object, key to string, sorted by
// key: the file the build tool writes at File(l). It fails for a language whose strings
// are not compiled in (in the browser).
func JSON(l Lang) ([]byte, error) {
	c, ok := catalogs[l]
	if !ok || c.strings == nil {
		return nil, fmt.Errorf("text: no strings compiled in for %q", l)
	}
	return json.Marshal(c.strings) // encoding/json sorts map keys
}

// maxFile caps what Load reads: the Spanish file is about 40 KB.
const maxFile = 1 << 20

// Load sets the strings of language l from data, a JSON object made by JSON. Only keys
// of the English catalogue whose placeholders match the English are taken, so a stale
// or tampered file can neither add keys nor break a sentence: a key it lacks falls back
// to English. It must run on the goroutine that renders (the catalogues are not
// locked), before the language is used.
func Load(l Lang, data []byte) error {
	c, ok := catalogs[l]
	if !ok || l == English {
		return fmt.Errorf("text: cannot load %q", l)
	}
	if len(data) > maxFile {
		return fmt.Errorf("text: %s strings: %d bytes, over the %d limit", l, len(data), maxFile)
	}
	var in map[string]string
	if err := json.Unmarshal(data, &in); err != nil {
		return fmt.Errorf("text: %s strings: %w", l, err)
	}
	out := make(map[string]string, len(in))
	var bad []string
	for k, s := range in {
		e, known := en[k]
		if !known || strings.TrimSpace(s) == "" || placeholders(s) != placeholders(e) {
			bad = append(bad, k)
			continue
		}
		out[k] = s
	}
	if len(out) == 0 {
		return fmt.Errorf("text: %s strings: no usable string", l)
	}
	c.strings = out
	if len(bad) > 0 {
		sort.Strings(bad)
		return &PartialError{Lang: l, Skipped: bad}
	}
	return nil
}

// PartialError says Load took the file but skipped some of its strings.
type PartialError struct {
	Lang    Lang
	Skipped []string // keys left out, sorted
}

func (e *PartialError) Error() string {
	return fmt.Sprintf("text: %s strings: skipped %d unknown or malformed keys (%s…)", e.Lang, len(e.Skipped), e.Skipped[0])
}

// placeholders lists the {names} of s, sorted and joined.
func placeholders(s string) string {
	var out []string
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			break
		}
		out = append(out, s[i:i+j+1])
		s = s[i+j+1:]
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return strings.Join(out, "")
}
