// Package estimate turns a person's profile into a Healthcare IT salary estimate that can
// be defended line by line: the occupation's published wage distribution in the state is
// the base, the profile places the person within it, and every step is reported in dollars
// with its sources.
//
// The package is pure: standard library only, no I/O, no go-app. Its one entry point is
// Estimate; Result carries everything a user interface shows. FromQuery and Input.Query
// are the URL contract of deep links. METHODOLOGY.md at the repository root explains the
// model in plain words.
//
// The tables in tables_gen.go are generated from data/*.csv; data/ is curated from the
// official extracts by curate.go.
package estimate

//go:generate go run gen.go
