// Package sitegen generates the HIT Salary static website.
//
// Build generates the pre-rendered pages and go-app's files with
// app.GenerateStaticWebsite, adds the icons, the hand-written assets of web/,
// the prebuilt app.wasm (and app.wasm.xz with its decoder), fixes what go-app
// gets wrong under a GitHub Pages sub-path (service worker, manifest scope,
// og: tags), minifies every text file, checks the result with build/verify
// and only then replaces the output directory. Config.Extra adds static pages (the
// methodology).
//
// The package generates only. Checking a built site is build/verify's job and
// serving one build/pages'; both use the standard library (and x/net/html)
// only, so build/serve, the end-to-end tests and the benchmark link neither
// go-app nor the minifier. The names all three share (files, policies) are
// build/layout's.
//
// The package does not import the UI: the caller (build/main.go) registers
// the routes with go-app and passes the pages, styles and scripts in Config.
package sitegen
