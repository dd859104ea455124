// Package e2e holds the end-to-end tests of HIT Salary: they serve the built site under
// its GitHub Pages sub-path on 127.0.0.1 and drive headless Chromium through the Chrome
// DevTools Protocol (github.com/chromedp/chromedp).
//
// Run them after building the site:
//
//	make build
//	HIT_DIST=$PWD/dist go test ./build/e2e/...
//
// Environment:
//
//	HIT_DIST        the built site (required; without it the tests skip, or fail when CI is set)
//	CHROME_PATH     the browser (default /usr/bin/chromium)
//	CI              when set, a missing site or browser fails the tests instead of skipping them
//	HIT_SCREENSHOTS a directory: TestScreenshots writes the page at 1280 and 320 px wide there
//	HIT_DIST_NEXT   optional: a second build of the site with -version e2e-next; without it
//	                TestUpdate makes one with go run ./build
//
// The update test runs the build tool (go run ./build) to make a second version of the
// site from HIT_DIST's app.wasm. The accessibility test needs node_modules/axe-core
// (npm ci at the repository root).
package e2e
