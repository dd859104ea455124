package docpage

import (
	"strings"
	"testing"

	"github.com/hit-salary/hit-salary/app/text"
)

func TestPage(t *testing.T) {
	page, err := Page("# How it works\n\nText.\n", "/hit-salary/", text.For(text.English))
	if err != nil {
		t.Fatal(err)
	}
	s := string(page)
	for _, want := range []string{
		"<!doctype html>", `<html lang="en">`, "<title>How it works · HIT Salary</title>",
		`href="/hit-salary/web/app.css"`, `<a href="/hit-salary/">`, `<h1 id="how-it-works">`, `class="skip-link" href="#doc"`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("page lacks %q:\n%s", want, s)
		}
	}
	if _, err := Page("no heading\n", "/", text.For(text.English)); err == nil {
		t.Error("a document without a level-1 heading: no error")
	}
}
