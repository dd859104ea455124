//go:build !js

package text

// Natively (the build tool, pre-rendering, tests) the Spanish strings are compiled in.
// The browser build leaves them out: compiled into app.wasm they cost 12.5 KiB gzip
// (measured 2026-12-01: 1,521,821 against 1,508,992 bytes), which every English reader
// would download. There the page loads them with Load from the JSON file the build
// writes (File, JSON), and the service worker precaches it for offline use.
func init() { catalogs[Spanish].strings = es }
