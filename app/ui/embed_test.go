package ui

import (
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hit-salary/hit-salary/app/estimate"
	"github.com/hit-salary/hit-salary/app/text"
)

func TestParseEmbed(t *testing.T) {
	tests := []struct {
		raw      string
		want     embedOptions
		problems []string // fields with a problem, in order
	}{
		{raw: "", want: embedOptions{}},
		{raw: "theme=dark&lock=role", want: embedOptions{}}, // without embed=1 nothing applies
		{raw: "embed=1", want: embedOptions{On: true}},
		{raw: "embed=TRUE&theme=Dark", want: embedOptions{On: true, Theme: "dark"}},
		{raw: "embed=1&theme=auto", want: embedOptions{On: true}},
		{raw: "embed=1&theme=purple", want: embedOptions{On: true}, problems: []string{"theme"}},
		{raw: "embed=1&accent=%230A58A6", want: embedOptions{On: true, Accent: "#0a58a6"}},
		{raw: "embed=1&accent=0af", want: embedOptions{On: true, Accent: "#00aaff"}},
		{raw: "embed=1&accent=red", want: embedOptions{On: true}, problems: []string{"accent"}},
		{raw: "embed=1&accent=url(x)", want: embedOptions{On: true}, problems: []string{"accent"}},
		{raw: "embed=1&lock=state,ROLE,role,,certs", want: embedOptions{On: true, Lock: []string{"role", "state", "certs"}}},
		{raw: "embed=1&lock=role,salary", want: embedOptions{On: true, Lock: []string{"role"}}, problems: []string{"lock"}},
		{raw: "embed=1&lock=" + strings.Repeat("role,", 50), want: embedOptions{On: true}, problems: []string{"lock"}},
		{raw: "embed=1&host=https://Portal.Example", want: embedOptions{On: true, Host: "https://portal.example"}},
		{raw: "embed=1&host=https://portal.example:443/", want: embedOptions{On: true, Host: "https://portal.example"}},
		{raw: "embed=1&host=http://127.0.0.1:8081", want: embedOptions{On: true, Host: "http://127.0.0.1:8081"}},
		{raw: "embed=1&host=*", want: embedOptions{On: true}, problems: []string{"host"}},
		{raw: "embed=1&host=javascript:alert(1)", want: embedOptions{On: true}, problems: []string{"host"}},
		{raw: "embed=1&host=https://portal.example/path", want: embedOptions{On: true}, problems: []string{"host"}},
		{raw: "embed=1&host=https://user@portal.example", want: embedOptions{On: true}, problems: []string{"host"}},
		{raw: "embed=1&host=ftp://portal.example", want: embedOptions{On: true}, problems: []string{"host"}},
		{raw: "embed=1&lang=ES", want: embedOptions{On: true, Lang: "es"}},
		{raw: "embed=1&view=compact", want: embedOptions{On: true, Compact: true}},
		{raw: "embed=1&view=COMPACT", want: embedOptions{On: true, Compact: true}},
		{raw: "embed=1&view=full", want: embedOptions{On: true}},
		{raw: "embed=1&view=tiny", want: embedOptions{On: true}, problems: []string{"view"}},
		{raw: "embed=1&view=compact" + strings.Repeat("%20", maxEmbedValue), want: embedOptions{On: true}, problems: []string{"view"}},
		{raw: "view=compact", want: embedOptions{}}, // the full site has no compact layout
	}
	for _, tt := range tests {
		got := parseEmbed(tt.raw)
		var fields []string
		for _, p := range got.problems {
			fields = append(fields, p.Field)
		}
		got.problems = nil
		if !reflect.DeepEqual(got, tt.want) || !reflect.DeepEqual(fields, tt.problems) {
			t.Errorf("parseEmbed(%q) = %+v, problems %v; want %+v, %v", tt.raw, got, fields, tt.want, tt.problems)
		}
	}
}

// TestEmbedQueryRoundTrip checks the embed parameters the page keeps in its address read
// back as the same options.
func TestEmbedQueryRoundTrip(t *testing.T) {
	o := parseEmbed("embed=1&view=compact&theme=light&accent=123456&lock=state,role&host=https://portal.example:8443&lang=es")
	if len(o.problems) != 0 {
		t.Fatalf("problems: %v", o.problems)
	}
	back := parseEmbed(o.query())
	back.problems = nil
	if !reflect.DeepEqual(back, o) {
		t.Errorf("round trip %q: %+v, want %+v", o.query(), back, o)
	}
}

// TestEmbedPage renders an embedded page: no masthead, colophon or sticky bar; the embed
// footer with links that open new tabs; locked fields as text; edits of locked fields
// refused; nothing saved; the embed parameters kept in the address.
func TestEmbedPage(t *testing.T) {
	st := &memStore{}
	p := newTestPage(st)
	raw := "embed=1&role=security-analyst&state=CA&lock=role,state&theme=dark&accent=zz"
	p.embed = parseEmbed(raw)
	q, _ := url.ParseQuery(raw)
	p.start(parseQuery(raw), "role=it-manager", sourceWasm)
	if p.in.Role != "security-analyst" || p.in.State != "CA" {
		t.Fatalf("scenario %+v, want the link's role and state", p.in)
	}
	_ = q
	if len(p.notices) != 1 || p.notices[0].Field != accentParam {
		t.Errorf("notices %v, want one about the accent", p.notices)
	}
	root, _ := render(t, p)
	for _, cls := range []string{"masthead", "colophon", "peek"} {
		if n := find(root, func(n *node) bool { return strings.Contains(" "+n.Attrs["class"]+" ", " "+cls+" ") }); len(n) > 0 {
			t.Errorf("embedded page has .%s", cls)
		}
	}
	if h1 := find(root, byTag("h1")); len(h1) != 1 || textOf(h1[0]) != testCatalog().T("app.heading") {
		t.Errorf("the embedded page needs one h1, the app's heading")
	}
	footer := one(t, root, "embed footer", byAttr("data-testid", "embed-footer"))
	links := find(footer, byTag("a"))
	if len(links) != 3 {
		t.Fatalf("embed footer has %d links, want 3", len(links))
	}
	for _, a := range links {
		if a.Attrs["target"] != "_blank" || a.Attrs["rel"] != "noopener" {
			t.Errorf("link %q: target %q rel %q, want a new tab without opener", a.Attrs["href"], a.Attrs["target"], a.Attrs["rel"])
		}
	}
	if role := one(t, root, "#role", byAttr("id", "role")); role.Tag != "p" {
		t.Errorf("locked #role is <%s>, want text", role.Tag)
	}
	if n := find(root, byAttr("id", "metro")); len(n) != 1 || n[0].Tag != "p" {
		t.Errorf("the metro of a locked state should be text too")
	}
	if yr := one(t, root, "#years", byAttr("id", "years")); yr.Tag != "input" {
		t.Errorf("#years is <%s>, want an input", yr.Tag)
	}
	p.apply(Change{Field: estimate.ParamRole, Value: "it-manager"})
	p.apply(Change{Field: estimate.ParamMetro, Value: "31080"})
	if p.in.Role != "security-analyst" || p.in.Metro != "" {
		t.Errorf("a locked field changed: %+v", p.in)
	}
	p.apply(Change{Field: estimate.ParamEducation, Value: "master"})
	if p.in.Education != "master" {
		t.Errorf("an open field did not change: %+v", p.in)
	}
	p.persist(testContext(t))
	if st.q != "" {
		t.Errorf("the embedded page saved %q", st.q)
	}
	if got := p.urlQuery(); !strings.HasSuffix(got, "&embed=1&theme=dark&lock=role,state") {
		t.Errorf("address query %q does not keep the embed parameters", got)
	}
}

// TestCompactEmbed renders an embedded page with view=compact, in each language: the
// summary with its range, the breakdown (every factor), the short outlook, the sources
// and a link to the full app with the scenario, in a new tab; none of the guide panels;
// the embed footer; no English left in Spanish; a bad view= is named in the notice, in
// the page's language.
func TestCompactEmbed(t *testing.T) {
	guides := []string{"waterfall", "others", "compare", "share", "saved", "role-info", "trajectory", "payback", "ranking", "pathways"}
	for _, lang := range []text.Lang{text.English, text.Spanish} {
		t.Run(string(lang), func(t *testing.T) {
			c := text.For(lang)
			p := newTestPage(&memStore{})
			raw := "embed=1&view=compact&role=security-analyst&state=CA&years=7&lock=role"
			p.embed, p.lang = parseEmbed(raw), lang
			p.start(parseQuery(raw), "", sourceWasm)
			root, _ := render(t, p)
			for _, id := range guides {
				if n := find(root, byAttr("id", id)); len(n) > 0 {
					t.Errorf("the compact embed has the guide panel #%s", id)
				}
			}
			if n := find(root, byClass("outlook__neighbours")); len(n) > 0 {
				t.Error("the compact embed's outlook lists the faster-growing neighbours")
			}
			for _, id := range []string{"scenario", "summary", "confidence", "breakdown", "outlook", "sources"} {
				one(t, root, "#"+id, byAttr("id", id))
			}
			if role := one(t, root, "#role", byAttr("id", "role")); role.Tag != "p" {
				t.Errorf("locked #role is <%s>, want text", role.Tag)
			}
			// Unlocked, the role's help does not send the reader down the page to a
			// description the compact embed leaves out.
			free := newTestPage(&memStore{})
			free.embed, free.lang = parseEmbed("embed=1&view=compact"), lang
			free.start(nil, "", sourceWasm)
			freeRoot, _ := render(t, free)
			if got := textOf(one(t, freeRoot, "#role-help", byAttr("id", "role-help"))); got != c.T("help.role.compact") {
				t.Errorf("the compact embed's role help says %q, want %q", got, c.T("help.role.compact"))
			}
			est := one(t, root, "estimate", byAttr("data-testid", "estimate"))
			if est.Attrs["data-median"] != strconv.Itoa(p.res.Estimate) || est.Attrs["data-low"] != strconv.Itoa(p.res.Low) {
				t.Errorf("estimate %v, want the model's %d (%d–%d)", est.Attrs, p.res.Estimate, p.res.Low, p.res.High)
			}
			rows := find(one(t, root, "#breakdown", byAttr("id", "breakdown")), func(n *node) bool { _, ok := n.Attrs["data-factor"]; return ok && n.Tag == "tr" })
			if len(rows) != len(p.res.Factors) {
				t.Errorf("the breakdown has %d rows, want one per factor (%d)", len(rows), len(p.res.Factors))
			}
			// The sources, briefly: each with its publisher, period and use; their caveats
			// and links are the full app's.
			items := find(one(t, root, "#sources", byAttr("id", "sources")), byClass("source"))
			if len(items) != len(p.res.Sources) {
				t.Errorf("%d sources listed, want the result's %d", len(items), len(p.res.Sources))
			}
			for i := 0; i < len(items) && i < len(p.res.Sources); i++ {
				if period := sourcePeriod(c, p.res.Sources[i]); !strings.Contains(textOf(items[i]), period) {
					t.Errorf("source %s: %q lacks its period %q", p.res.Sources[i].ID, textOf(items[i]), period)
				}
				if n := len(find(items[i], byTag("a"))) + len(find(items[i], byClass("source__note"))); n > 0 {
					t.Errorf("source %s has %d links and notes in the compact embed", p.res.Sources[i].ID, n)
				}
			}
			open := one(t, root, "the link to the full app", byAttr("data-testid", "open-full"))
			links := find(open, byTag("a"))
			if len(links) != 1 || textOf(links[0]) != c.T("embed.open") || links[0].Attrs["target"] != "_blank" ||
				links[0].Attrs["rel"] != "noopener" || !strings.Contains(links[0].Attrs["href"], "role=security-analyst") ||
				strings.Contains(links[0].Attrs["href"], "embed=") {
				t.Errorf("link to the full app: %+v", links)
			}
			one(t, root, "embed footer", byAttr("data-testid", "embed-footer"))
			// Said once: the card, not the footer too.
			if n := len(find(root, func(n *node) bool { return n.Tag == "a" && textOf(n) == c.T("embed.open") })); n != 1 {
				t.Errorf("the compact embed links to the full app %d times, want once", n)
			}
			if left := englishLeftIn(root, nil); lang == text.Spanish && len(left) > 0 {
				t.Errorf("English strings on the Spanish compact embed: %q", left)
			}
			if got := p.urlQuery(); !strings.Contains(got, "&embed=1&view=compact&lock=role") {
				t.Errorf("address query %q does not keep view=compact", got)
			}

			bad := newTestPage(&memStore{})
			bad.embed, bad.lang = parseEmbed("embed=1&view=tiny"), lang
			bad.start(nil, "", sourceWasm)
			root, _ = render(t, bad)
			notice := textOf(one(t, root, "notice", byAttr("data-testid", "notice")))
			if want := text.Fill(c.T("notice.embed.view"), "value", "tiny"); !strings.Contains(notice, want) {
				t.Errorf("notice %q lacks %q", notice, want)
			}
			if n := find(root, byAttr("id", "pathways")); len(n) != 1 {
				t.Error("with a bad view= the embed is not the full layout")
			}
			if n := find(one(t, root, "#sources", byAttr("id", "sources")), byClass("source__link")); len(n) == 0 {
				t.Error("the full layout's sources have no links")
			}
		})
	}
}

// TestEmbedFooterLanguage: the embedded page's links out lead to the pages in its
// language: a Spanish embed's to the Spanish privacy and accessibility pages and to the
// Spanish app, with the scenario.
func TestEmbedFooterLanguage(t *testing.T) {
	for _, tt := range []struct {
		lang text.Lang
		want []string
	}{
		{text.English, []string{PrivacyPath, AccessibilityPath, "/?"}},
		{text.Spanish, []string{"/es" + PrivacyPath, "/es" + AccessibilityPath, "/es/?"}},
	} {
		p := newTestPage(&memStore{})
		p.embed = parseEmbed("embed=1&lang=" + string(tt.lang))
		p.lang = tt.lang
		p.start(parseQuery("role=security-analyst"), "", sourceWasm)
		root, _ := render(t, p)
		links := find(one(t, root, "embed footer", byAttr("data-testid", "embed-footer")), byTag("a"))
		if len(links) != len(tt.want) {
			t.Fatalf("%s: embed footer has %d links, want %d", tt.lang, len(links), len(tt.want))
		}
		for i, a := range links {
			if href := a.Attrs["href"]; !strings.HasPrefix(href, tt.want[i]) {
				t.Errorf("%s: link %d leads to %q, want %s…", tt.lang, i, href, tt.want[i])
			}
		}
		if href := links[2].Attrs["href"]; !strings.Contains(href, "role=security-analyst") {
			t.Errorf("%s: the full app's link %q lacks the scenario", tt.lang, href)
		}
	}
}

// TestSaveNote: a page whose storage refuses writes says saving is off.
func TestSaveNote(t *testing.T) {
	for _, saving := range []bool{true, false} {
		p := newTestPage(&memStore{})
		p.noStorage = !saving
		p.start(nil, "", sourceWasm)
		root, _ := render(t, p)
		notes := find(root, func(n *node) bool { return strings.Contains(n.Attrs["class"], "save-note") })
		if (len(notes) > 0) == saving {
			t.Errorf("saving=%v: %d save notes", saving, len(notes))
		}
	}
}

// FuzzEmbedParams feeds random queries to the embed reader: no panic, every value it
// keeps is one of the allowed forms, and the address it writes stays short.
func FuzzEmbedParams(f *testing.F) {
	for _, s := range []string{"embed=1&theme=dark&accent=fff&lock=role,state&host=https://a.b",
		"embed=1&host=http://[::1]:8080", "embed=true&accent=%23%23", "embed=1&lock=%ff,role", "embed=1&host=https://a.b%2F@c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		o := parseEmbed(raw)
		if o.Theme != "" && o.Theme != "light" && o.Theme != "dark" {
			t.Fatalf("theme %q", o.Theme)
		}
		if o.Accent != "" {
			if c, ok := parseHexColour(o.Accent); !ok || c != o.Accent || len(c) != 7 {
				t.Fatalf("accent %q", o.Accent)
			}
		}
		for _, l := range o.Lock {
			if !strings.Contains(strings.Join(params, " "), l) {
				t.Fatalf("lock %q", l)
			}
		}
		if o.Host != "" {
			if h, ok := parseOrigin(o.Host); !ok || h != o.Host {
				t.Fatalf("host %q reads back as %q, %v", o.Host, h, ok)
			}
		}
		for _, p := range o.problems {
			if !utf8.ValidString(p.Value) || utf8.RuneCountInString(p.Value) > 40 {
				t.Fatalf("problem value %q", p.Value)
			}
		}
		if len(o.query()) > 1200 {
			t.Fatalf("address query %d bytes", len(o.query()))
		}
	})
}
