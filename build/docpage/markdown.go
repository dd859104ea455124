package docpage

import (
	"html"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// HTML converts Markdown to an HTML fragment, with an id on every heading (from its
// text: "The likely range" → "the-likely-range", made unique), and returns the text of
// the first level-1 heading as the title.
func HTML(md string) (body, title string) {
	c := &converter{ids: map[string]int{}}
	c.blocks(strings.Split(strings.ReplaceAll(md, "\r\n", "\n"), "\n"))
	return c.out.String(), c.title
}

type converter struct {
	out   strings.Builder
	ids   map[string]int
	title string
}

var (
	headingRe = regexp.MustCompile(`^(#{1,6})\s+(.*?)\s*#*\s*$`)
	itemRe    = regexp.MustCompile(`^( *)([-*+]|\d{1,9}[.)])\s+(.*)$`)
	delimRe   = regexp.MustCompile(`^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$`)
)

// blocks converts a run of lines: headings, tables, lists and paragraphs.
func (c *converter) blocks(lines []string) {
	for i := 0; i < len(lines); {
		line := lines[i]
		switch {
		case strings.TrimSpace(line) == "":
			i++
		case headingRe.MatchString(line):
			m := headingRe.FindStringSubmatch(line)
			c.heading(len(m[1]), m[2])
			i++
		case isTableStart(lines, i):
			i = c.table(lines, i)
		case itemRe.MatchString(line):
			i = c.list(lines, i)
		default:
			j := i
			for j < len(lines) && strings.TrimSpace(lines[j]) != "" && !headingRe.MatchString(lines[j]) &&
				!interrupts(lines[j], j == i) && !isTableStart(lines, j) {
				j++
			}
			c.out.WriteString("<p>" + inline(joinLines(lines[i:j])) + "</p>\n")
			i = j
		}
	}
}

func (c *converter) heading(level int, text string) {
	if level == 1 && c.title == "" {
		c.title = plain(text)
	}
	id := slug(plain(text))
	if n := c.ids[id]; n > 0 {
		c.ids[id]++
		id += "-" + strconv.Itoa(n+1)
	} else {
		c.ids[id] = 1
	}
	n := strconv.Itoa(level)
	c.out.WriteString("<h" + n + ` id="` + id + `">` + inline(text) + "</h" + n + ">\n")
}

func isTableStart(lines []string, i int) bool {
	return i+1 < len(lines) && strings.Contains(lines[i], "|") && strings.Contains(lines[i+1], "-") &&
		delimRe.MatchString(lines[i+1])
}

// table converts a pipe table from line i and returns the line after it.
func (c *converter) table(lines []string, i int) int {
	head := cells(lines[i])
	aligns := make([]string, len(head))
	for k, d := range cells(lines[i+1]) {
		if k >= len(aligns) {
			break
		}
		switch l, r := strings.HasPrefix(d, ":"), strings.HasSuffix(d, ":"); {
		case l && r:
			aligns[k] = "center"
		case r:
			aligns[k] = "right"
		}
	}
	cell := func(tag string, k int, s string) string {
		attr := ""
		if tag == "th" {
			attr = ` scope="col"`
		}
		if k < len(aligns) && aligns[k] != "" {
			attr += ` class="align-` + aligns[k] + `"`
		}
		return "<" + tag + attr + ">" + inline(s) + "</" + tag + ">"
	}
	c.out.WriteString("<div class=\"table-scroll\"><table class=\"table\">\n<thead><tr>")
	for k, h := range head {
		c.out.WriteString(cell("th", k, h))
	}
	c.out.WriteString("</tr></thead>\n<tbody>\n")
	j := i + 2
	for ; j < len(lines) && strings.Contains(lines[j], "|") && strings.TrimSpace(lines[j]) != ""; j++ {
		c.out.WriteString("<tr>")
		row := cells(lines[j])
		for k := range head {
			s := ""
			if k < len(row) {
				s = row[k]
			}
			c.out.WriteString(cell("td", k, s))
		}
		c.out.WriteString("</tr>\n")
	}
	c.out.WriteString("</tbody>\n</table></div>\n")
	return j
}

// cells splits a table row on unescaped pipes, without the outer ones.
func cells(row string) []string {
	row = strings.TrimSpace(row)
	row = strings.TrimPrefix(row, "|")
	if strings.HasSuffix(row, "|") && !strings.HasSuffix(row, `\|`) {
		row = row[:len(row)-1]
	}
	var out []string
	var cur strings.Builder
	for k := 0; k < len(row); k++ {
		switch {
		case row[k] == '\\' && k+1 < len(row) && row[k+1] == '|':
			cur.WriteByte('|')
			k++
		case row[k] == '|':
			out = append(out, strings.TrimSpace(cur.String()))
			cur.Reset()
		default:
			cur.WriteByte(row[k])
		}
	}
	return append(out, strings.TrimSpace(cur.String()))
}

// list converts a list starting at line i (and the lists nested in it) and returns the
// line after it. An item's continuation lines are the non-blank lines that follow it
// and are not themselves items at its indentation or less; a line indented deeper than
// the item's marker that starts an item begins a nested list.
func (c *converter) list(lines []string, i int) int {
	m := itemRe.FindStringSubmatch(lines[i])
	indent := len(m[1])
	ordered := unicode.IsDigit(rune(m[2][0]))
	tag := "ul"
	if ordered {
		tag = "ol"
	}
	c.out.WriteString("<" + tag)
	if ordered {
		if n, _ := strconv.Atoi(strings.TrimRight(m[2], ".)")); n != 1 {
			c.out.WriteString(` start="` + strconv.Itoa(n) + `"`)
		}
	}
	c.out.WriteString(">\n")
	for i < len(lines) {
		m := itemRe.FindStringSubmatch(lines[i])
		if m == nil || len(m[1]) != indent || unicode.IsDigit(rune(m[2][0])) != ordered {
			break
		}
		text := []string{m[3]}
		i++
		for i < len(lines) && strings.TrimSpace(lines[i]) != "" && !headingRe.MatchString(lines[i]) {
			// A deeper line that would start a list numbered other than 1 ("2015) and")
			// continues the text, as in CommonMark: such a list cannot interrupt it.
			if n := itemRe.FindStringSubmatch(lines[i]); n != nil && !(len(n[1]) > indent && !startsAtOne(n[2])) {
				break
			}
			text = append(text, lines[i])
			i++
		}
		c.out.WriteString("<li>" + inline(joinLines(text)))
		// A nested list: the next line is an item indented deeper than this one.
		if i < len(lines) {
			if n := itemRe.FindStringSubmatch(lines[i]); n != nil && len(n[1]) > indent {
				c.out.WriteString("\n")
				i = c.list(lines, i)
			}
		}
		c.out.WriteString("</li>\n")
		// A blank line between items of the same list keeps the list going.
		if i+1 < len(lines) && strings.TrimSpace(lines[i]) == "" {
			if n := itemRe.FindStringSubmatch(lines[i+1]); n != nil && len(n[1]) == indent {
				i++
			}
		}
	}
	c.out.WriteString("</" + tag + ">\n")
	return i
}

// startsAtOne reports whether a list marker is a bullet or the number 1.
func startsAtOne(marker string) bool {
	n, err := strconv.Atoi(strings.TrimRight(marker, ".)"))
	return err != nil || n == 1
}

// interrupts reports whether line starts a list that ends the paragraph before it (or,
// first, starts one instead of a paragraph): a bullet or a list numbered from 1, as in
// CommonMark, so a wrapped line that begins "90. That spread" stays in its paragraph.
func interrupts(line string, first bool) bool {
	m := itemRe.FindStringSubmatch(line)
	return m != nil && (first || startsAtOne(m[2]))
}

func joinLines(ls []string) string {
	parts := make([]string, len(ls))
	for k, l := range ls {
		parts[k] = strings.TrimSpace(l)
	}
	return strings.Join(parts, "\n")
}

var (
	codeRe     = regexp.MustCompile("`([^`]+)`")
	boldRe     = regexp.MustCompile(`\*\*([^*]+?)\*\*`)
	italicRe   = regexp.MustCompile(`(^|[^\w*])\*([^*\s][^*]*?)\*`)
	linkRe     = regexp.MustCompile(`\[([^\]]+)\]\(([^)\s]+)\)`)
	autolinkRe = regexp.MustCompile(`&lt;(https?://[^\s&]+)&gt;`)
)

// inline converts the inline syntax of escaped text. Code spans are set aside first, so
// nothing inside them is read as emphasis or links.
func inline(s string) string {
	var codes []string
	s = codeRe.ReplaceAllStringFunc(s, func(m string) string {
		codes = append(codes, "<code>"+html.EscapeString(m[1:len(m)-1])+"</code>")
		return "\x00" + strconv.Itoa(len(codes)-1) + "\x00"
	})
	s = html.EscapeString(s)
	s = linkRe.ReplaceAllStringFunc(s, func(m string) string {
		p := linkRe.FindStringSubmatch(m)
		return link(p[2], p[1])
	})
	s = autolinkRe.ReplaceAllStringFunc(s, func(m string) string {
		u := autolinkRe.FindStringSubmatch(m)[1]
		return link(u, u)
	})
	s = boldRe.ReplaceAllString(s, "<strong>$1</strong>")
	s = italicRe.ReplaceAllString(s, "$1<em>$2</em>")
	for k, code := range codes {
		s = strings.Replace(s, "\x00"+strconv.Itoa(k)+"\x00", code, 1)
	}
	return s
}

// link is an anchor; addresses are already escaped. Only web, mail and in-page
// addresses become links: a javascript: or relative repository path stays text.
func link(href, text string) string {
	u := html.UnescapeString(href)
	if !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") &&
		!strings.HasPrefix(u, "mailto:") && !strings.HasPrefix(u, "#") {
		return text
	}
	attrs := ""
	if !strings.HasPrefix(u, "#") {
		attrs = ` rel="noopener noreferrer"`
	}
	return `<a href="` + href + `"` + attrs + ">" + text + "</a>"
}

// plain is the text of inline Markdown, without its markup.
func plain(s string) string {
	s = linkRe.ReplaceAllString(s, "$1")
	return strings.NewReplacer("**", "", "`", "", "*", "").Replace(s)
}

// slug makes an id from heading text: lower case letters and digits joined by hyphens.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	if b.Len() == 0 {
		return "section"
	}
	return b.String()
}
