package sitegen

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// renderDirPages renders the directory pages (Config.Pages ending in a slash) with the
// go-app handler, in parallel, into <dir>/<page>index.html. go-app's own generator
// renders one page at a time over HTTP and cannot write a path ending in a slash; the
// handler renders each request with its own engine, so requests can run at once.
func renderDirPages(ctx context.Context, dir string, h *app.Handler, pages []string) error {
	if len(pages) == 0 {
		return nil
	}
	work := make(chan string)
	errs := make([]error, len(pages))
	index := make(map[string]int, len(pages))
	for i, p := range pages {
		index[p] = i
	}
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(pages)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range work {
				errs[index[p]] = renderDirPage(dir, h, p)
			}
		}()
	}
	var err error
feed:
	for _, p := range pages {
		select {
		case work <- p:
		case <-ctx.Done():
			err = ctx.Err()
			break feed
		}
	}
	close(work)
	wg.Wait()
	if err != nil {
		return err
	}
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

// renderDirPage renders one directory page.
func renderDirPage(dir string, h *app.Handler, p string) error {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "http://127.0.0.1"+p, nil))
	if rec.Code != http.StatusOK {
		return fmt.Errorf("page %s: go-app answered %d (is it routed by ui.Register?): %.80q", p, rec.Code, rec.Body.Bytes())
	}
	return writeFile(dir, pageFile(p), rec.Body.Bytes())
}

// sitemap is sitemap.xml (sitemaps.org protocol 0.9): the address of every page, which
// must be absolute, so the build writes it only for a known domain. A page with language
// versions (alternates, keyed by page path) lists each as an xhtml:link, as search
// engines read them (the page itself included).
func sitemap(domain, base string, pages, static []string, alternates map[string][]Alternate) ([]byte, error) {
	type link struct {
		Rel      string `xml:"rel,attr"`
		HrefLang string `xml:"hreflang,attr"`
		Href     string `xml:"href,attr"`
	}
	type loc struct {
		Loc   string `xml:"loc"`
		Links []link `xml:"xhtml:link"`
	}
	var set struct {
		XMLName xml.Name `xml:"urlset"`
		NS      string   `xml:"xmlns,attr"`
		XHTML   string   `xml:"xmlns:xhtml,attr,omitempty"`
		URLs    []loc    `xml:"url"`
	}
	set.NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
	if len(alternates) > 0 {
		set.XHTML = "http://www.w3.org/1999/xhtml"
	}
	site := "https://" + domain + base
	for _, p := range append(append([]string(nil), pages...), static...) {
		u := loc{Loc: site + strings.TrimPrefix(p, "/")}
		for _, a := range alternates["/"+strings.TrimPrefix(p, "/")] {
			u.Links = append(u.Links, link{"alternate", a.Lang, site + strings.TrimPrefix(a.Path, "/")})
		}
		set.URLs = append(set.URLs, u)
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", " ")
	if err := enc.Encode(set); err != nil {
		return nil, fmt.Errorf("sitemap: %w", err)
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}
