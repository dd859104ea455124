package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// focusLink is an in-page link to the element with id target, such as the skip link.
// web/carry.js handles its clicks, before and after the app starts: it moves focus to
// the target (which scrolls it into view) instead of following the address. The address
// alone would not do: go-app pre-renders "#x" as the base path plus the fragment, which
// reloads the page without its scenario, and go-app's own link handling in the browser
// scrolls without moving focus. The target needs tabindex=-1 unless it is focusable.
func focusLink(class, target, label string) app.UI {
	return elc("a", class).Attr("href", "#"+target).DataSet("focus", target).Text(label)
}

// pageLink is a link to a page of the site that is not part of the app, such as the
// methodology (path relative to the base path, with a leading slash). web/carry.js
// keeps go-app from routing it inside the app, so the browser loads the page.
func pageLink(class, path, label string) app.UI {
	return elc("a", class).Attr("href", sitePath(path)).DataSet("page", "site").Text(label)
}

// sitePath is the address of a path under the site's base path. When pre-rendering,
// go-app's resource resolver adds the base path to every href; in the browser it does so
// only for /web/ resources, so the page adds it from the same setting.
func sitePath(p string) string {
	if app.IsServer {
		return p
	}
	return strings.TrimSuffix(app.Getenv("GOAPP_STATIC_RESOURCES_URL"), "/web") + p
}

// MethodologyPath is where the build publishes METHODOLOGY.md as a page, relative to
// the site's base path; the page links to it.
const MethodologyPath = "/methodology/"

// formTitleID is the form's heading: the target of the skip link and of the example's
// "change your details", and where focus goes when a banner is dismissed.
const formTitleID = "form-title"

// docPages maps a repository document to the page of the site the build publishes it
// as (build/docpage renders it from the same file).
var docPages = map[string]string{"METHODOLOGY.md": MethodologyPath, "PRIVACY.md": PrivacyPath, "ACCESSIBILITY.md": AccessibilityPath}

// DocPages returns, for each repository document published as a page of the site, the
// page's path relative to the base path, for example "METHODOLOGY.md" → "/methodology/".
// The build tool renders each one.
func DocPages() map[string]string {
	out := make(map[string]string, len(docPages))
	for k, v := range docPages {
		out[k] = v
	}
	return out
}
