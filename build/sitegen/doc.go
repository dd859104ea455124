// Package sitegen builds and serves the HIT Salary static website.
//
// Build generates the pre-rendered pages and go-app's files with
// app.GenerateStaticWebsite, adds the icons, the hand-written assets of web/
// and the prebuilt app.wasm, fixes what go-app gets wrong under a GitHub Pages
// sub-path (service worker, manifest scope, og: tags), minifies every text
// file, checks the result with Verify and only then replaces the output
// directory. NewHandler answers HTTP requests for a built site under its
// base path the way GitHub Pages does, for local use (Serve, with caching
// suited to development) and for the end-to-end tests and the benchmark
// (build/e2e/harness, with Pages' caching and test controls around it).
//
// The package does not import the UI: the caller (build/main.go) registers
// the routes with go-app and passes the pages, styles and scripts in Config.
package sitegen
