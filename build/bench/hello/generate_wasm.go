//go:build wasm

package main

// generateMain is native only: the browser build has no go-app server (the benchmark
// builds it against go-app without one, like the app).
func generateMain() {}
