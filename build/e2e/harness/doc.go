// Package harness is the plumbing shared by the end-to-end tests (build/e2e) and the
// benchmark (build/bench): it finds the repository root and the built site, serves the
// site under its base path like GitHub Pages does (with build/pages' handler, the one
// `make serve` uses; the base is $HIT_BASE, default /hit-salary/), and launches headless
// Chromium with the flags this machine needs.
//
// It holds no test logic. The server can be stopped for real (to test offline use), can
// switch the directory it serves (to deploy a new version), can hold back app.wasm (to act
// before the WebAssembly starts) and counts what it sent (for the benchmark).
package harness
