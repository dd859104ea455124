//go:build js

package text

// In the browser build the Spanish strings are loaded on demand (es_native.go); the
// package's tests, run under Node, check them as the native build has them.
func init() { catalogs[Spanish].strings = es }
