// Package saved is the format of the scenarios people save in the browser ("Save this
// scenario"): one versioned JSON document under one local-storage key, read by
// allow-list (only known fields, each checked, clamped and length-capped), and its
// migration from what earlier versions of the app kept (the last scenario and the
// compare pins). It has no browser code, so all of it is tested natively; app/ui reads
// and writes the key.
//
// Each item keeps its scenario as the URL query contract (estimate.Input.Query), so it
// survives updates of the model and the app: it is read back through
// estimate.FromQueryOver, like a link.
package saved

import (
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hit-salary/hit-salary/app/estimate"
)

// Local-storage keys: the saved list, the copy of a document this version could not
// read (kept before the list is written again), and the keys earlier versions wrote.
const (
	Key         = "hit-salary.saved"
	BackupKey   = "hit-salary.saved.unreadable"
	ScenarioKey = "hit-salary.scenario.v1" // the last scenario, a URL query (app/ui/browser.go)
	PinsKey     = "hit-salary.compare.v1"  // the compare pins, {"v":1,"pins":[queries]} (app/ui/compare.go)
)

// Version is the version of the document this package writes. A later format gets a
// higher number; this version never writes over it (State Newer).
const Version = 1

// Limits of the document.
const (
	MaxItems = 20    // saved scenarios kept
	MaxName  = 60    // characters (runes) of a name
	MaxQuery = 2048  // bytes of an item's query, as a link's
	MaxDoc   = 64000 // bytes of the document read: 20 items at the caps fit with room
	maxMoney = 10_000_000
	maxEd    = 120 // characters of an edition name
)

// Item is one saved scenario.
type Item struct {
	Name    string `json:"name"`              // as the person named it, cleaned by CleanName
	Query   string `json:"query"`             // the scenario in the URL contract
	Edition string `json:"edition,omitempty"` // estimate.DataEdition when saved; "" if not known (migrated)
	// The figures when it was saved, so a later data edition can show both; all three
	// are 0 when not known (an item migrated from the pins or the last scenario).
	Estimate int `json:"estimate,omitempty"`
	Low      int `json:"low,omitempty"`
	High     int `json:"high,omitempty"`
}

// Scenario reads the item's scenario through the model's one reader. Problems (a value
// a later model no longer offers) come back as errors; the scenario is always valid.
func (it Item) Scenario() (estimate.Input, []*estimate.InputError) {
	q, _ := url.ParseQuery(it.Query) // CleanQuery made it parse
	return estimate.FromQueryOver(estimate.Default(), q)
}

// HasFigures reports whether the figures as saved are known.
func (it Item) HasFigures() bool { return it.Estimate > 0 }

// State says what was found under Key.
type State int

// The states of a loaded list.
const (
	Empty    State = iota // nothing was stored, and nothing to migrate
	Read                  // a document of this version (bad items may have been left out: Loaded.Dropped)
	Migrated              // nothing under Key: the items come from the earlier keys
	Corrupt               // not a document of this format: the list starts empty; keep the text under BackupKey before writing
	Newer                 // a later version: left untouched, and never written by this version
)

// Loaded is what Load found.
type Loaded struct {
	Items   []Item
	State   State
	Dropped int // stored items left out: unreadable, or over MaxItems
}

// Writable reports whether the list may be written under Key.
func (l Loaded) Writable() bool { return l.State != Newer }

// document is the stored format.
type document struct {
	V     int    `json:"v"`
	Items []Item `json:"items"`
}

// Encode writes items as the stored document (at most MaxItems, each cleaned).
func Encode(items []Item) string {
	out := make([]Item, 0, min(len(items), MaxItems))
	for _, it := range items {
		if c, ok := clean(it); ok && len(out) < MaxItems {
			out = append(out, c)
		}
	}
	b, _ := json.Marshal(document{V: Version, Items: out}) // strings and ints only: cannot fail
	return string(b)
}

// Load reads the saved list: the document under Key if found is true, else what the
// earlier versions kept (scenario: the value under ScenarioKey; pins: under PinsKey),
// named by name.
func Load(raw string, found bool, scenario, pins string, name func(estimate.Input) string) Loaded {
	if found {
		return Decode(raw)
	}
	items := Migrate(scenario, pins, name)
	if len(items) == 0 {
		return Loaded{State: Empty}
	}
	return Loaded{Items: items, State: Migrated}
}

// Decode reads a stored document. Anything but a JSON object with a version is Corrupt;
// a later version is Newer (no items: it is not read); in this version each item is
// read on its own, so one bad item costs only itself.
func Decode(raw string) Loaded {
	if len(raw) > MaxDoc || !utf8.ValidString(raw) {
		return Loaded{State: Corrupt}
	}
	var head struct {
		V     json.RawMessage   `json:"v"`
		Items []json.RawMessage `json:"items"`
	}
	if json.Unmarshal([]byte(raw), &head) != nil || head.V == nil {
		return Loaded{State: Corrupt}
	}
	var v int
	if json.Unmarshal(head.V, &v) != nil || v < 1 {
		return Loaded{State: Corrupt}
	}
	if v > Version {
		return Loaded{State: Newer}
	}
	l := Loaded{State: Read}
	for _, m := range head.Items {
		var it Item
		if json.Unmarshal(m, &it) != nil {
			l.Dropped++
			continue
		}
		c, ok := clean(it)
		if !ok || len(l.Items) == MaxItems {
			l.Dropped++
			continue
		}
		l.Items = append(l.Items, c)
	}
	return l
}

// clean checks and clamps one item: a readable query, a name (the query's is used when
// it has none), figures in order or none.
func clean(it Item) (Item, bool) {
	q, ok := CleanQuery(it.Query)
	if !ok {
		return Item{}, false
	}
	out := Item{Name: CleanName(it.Name), Query: q, Edition: clipRunes(printable(it.Edition), maxEd)}
	if out.Name == "" {
		out.Name = clipRunes(q, MaxName)
	}
	if it.Low > 0 && it.Low <= it.Estimate && it.Estimate <= it.High && it.High <= maxMoney {
		out.Estimate, out.Low, out.High = it.Estimate, it.Low, it.High
	}
	return out, true
}

// CleanQuery checks a stored scenario: a URL query of at most MaxQuery bytes that parses,
// holds at least one parameter of the contract, and whose every value the model reads
// (estimate.FromQueryOver) without a problem. Parameters outside the contract are
// dropped. A metro area is kept unread when the metro table is not loaded yet (the
// browser fetches it on demand; the UI reads the item again once it is in).
func CleanQuery(raw string) (string, bool) {
	if len(raw) > MaxQuery {
		return "", false
	}
	q, err := url.ParseQuery(raw)
	if err != nil {
		return "", false
	}
	contract := estimate.Params()
	kept := url.Values{}
	for k, vs := range q {
		if slices.Contains(contract, k) {
			kept[k] = vs
		}
	}
	if len(kept) == 0 {
		return "", false
	}
	read := kept
	if !estimate.MetrosLoaded() && kept.Get(estimate.ParamMetro) != "" {
		read = url.Values{}
		for k, vs := range kept {
			if k != estimate.ParamMetro {
				read[k] = vs
			}
		}
	}
	if _, errs := estimate.FromQueryOver(estimate.Default(), read); len(errs) > 0 {
		return "", false
	}
	if len(kept) == len(q) {
		return raw, true
	}
	return strings.ReplaceAll(kept.Encode(), "%2C", ","), true
}

// CleanName makes text typed as a name safe to keep and show: valid UTF-8, no control,
// format (bidirectional overrides, zero-width), private-use or line-breaking characters,
// runs of spaces as one, trimmed, at most MaxName characters.
func CleanName(s string) string {
	s = strings.ToValidUTF8(s, "")
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || unicode.IsControl(r):
			space = b.Len() > 0
			continue
		case unicode.Is(unicode.Cf, r) || r == utf8.RuneError || unicode.Is(unicode.Co, r):
			// Format characters (bidirectional overrides, zero-width) and private use.
			// Not unicode.IsPrint or IsGraphic: they would link every category table
			// into app.wasm (about 40 KiB of gzip) for characters a text node shows
			// harmlessly anyway.
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return clipRunes(b.String(), MaxName)
}

// Migrate turns what earlier versions kept into saved items: the compare pins, then the
// last scenario unless it is one of them, each named by name. Unreadable values are
// skipped; the earlier keys are left as they are (the compare panel and the start-up
// restore still read them).
func Migrate(scenario, pins string, name func(estimate.Input) string) []Item {
	var items []Item
	seen := map[string]bool{}
	add := func(raw string) {
		q, ok := CleanQuery(raw)
		if !ok || len(items) == MaxItems {
			return
		}
		it := Item{Query: q}
		in, _ := it.Scenario()
		key := in.Query().Encode()
		if seen[key] {
			return
		}
		seen[key] = true
		it.Name = CleanName(name(in))
		if it.Name == "" {
			it.Name = clipRunes(q, MaxName)
		}
		items = append(items, it)
	}
	var f struct {
		V    int      `json:"v"`
		Pins []string `json:"pins"`
	}
	if len(pins) <= 8192 && json.Unmarshal([]byte(pins), &f) == nil && f.V == 1 {
		for _, p := range f.Pins {
			add(p)
		}
	}
	if scenario != "" {
		add(scenario)
	}
	return items
}

// printable replaces control characters and drops invalid UTF-8.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, ""))
}

// clipRunes shortens s to at most n runes.
func clipRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}
