//go:build ignore

// Curate extracts, from the reference extracts (by default ../../../shared/reference; set
// -ref), only the figures the estimator uses, into this package's own tables under data/.
// It is run by hand when a new data edition arrives (go run curate.go -ref DIR); go
// generate then turns data/ into tables_gen.go. Hand-curated tables (sources, employer, certifications, education)
// are edited in data/ directly and are not touched here.
package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

var ref = flag.String("ref", filepath.Join("..", "..", "..", "shared", "reference"), "folder of the reference extracts (SOURCES.md)")

// socs are the occupations the role catalogue uses (catalog.go).
var socs = map[string]bool{
	"15-1232": true, "15-1244": true, "29-2072": true, "29-9021": true, "15-1211": true,
	"15-2051": true, "15-1212": true, "15-1252": true, "15-1242": true, "15-1299": true,
	"11-3021": true, "11-9111": true, "13-1111": true,
}

// originSOCs are the occupations people move from (origins.go), beyond the catalogue's.
var originSOCs = map[string]bool{
	"29-1141": true, "29-2061": true, "29-1171": true, "29-1071": true, "29-1051": true,
	"29-2052": true, "29-2034": true, "29-1126": true, "31-9092": true, "43-6013": true,
	"43-3021": true, "15-1231": true, "15-1241": true, "15-1243": true, "15-1253": true,
	"15-1254": true,
}

// industries are the OEWS industries that stand for the employer types (factors.go), and
// the cross-industry rows they are compared with.
var industries = map[string]bool{
	"000000": true, "622000": true, "621000": true, "513200": true, "513000": true,
	"541500": true, "541000": true,
}

// sortAreaRows sorts rows whose first two columns are an area and a SOC code: the nation
// first, then the states by code, each by SOC.
func sortAreaRows(rows [][]string) {
	sort.Slice(rows, func(i, j int) bool {
		if rows[i][0] != rows[j][0] {
			if rows[i][0] == "US" || rows[j][0] == "US" {
				return rows[i][0] == "US"
			}
			return rows[i][0] < rows[j][0]
		}
		return rows[i][1] < rows[j][1]
	})
}

func main() {
	flag.Parse()
	if err := run(); err != nil {
		log.Fatal(err)
	}
	if err := origins(); err != nil {
		log.Fatal(err)
	}
	if err := industry(); err != nil {
		log.Fatal(err)
	}
	if err := metros(); err != nil {
		log.Fatal(err)
	}
}

// metros writes the three metro-area tables: the metropolitan statistical areas with the
// states they span, the OEWS wages of the catalogue's occupations in them, and their BEA
// price parities. Only areas touching one of the model's states (not Puerto Rico) are kept,
// and each keeps only those states; BLS nonmetropolitan areas are left out (they are not
// CBSAs and BEA publishes no price parity for them).
func metros() error {
	recs, err := readCSV("oews_metro.csv")
	if err != nil {
		return err
	}
	states := map[string]bool{}
	st, err := readCSV("rpp_state.csv")
	if err != nil {
		return err
	}
	for _, r := range st {
		if r["state_abbr"] != "US" {
			states[r["state_abbr"]] = true
		}
	}
	var list, wages [][]string
	seen := map[string]bool{}
	kept := map[string]bool{}
	for _, r := range recs {
		if r["reference_period"] != "May 2025" || r["area_type"] != "MSA" {
			continue
		}
		code := r["area_code"]
		if !seen[code] {
			seen[code] = true
			var in []string
			for _, s := range strings.Split(r["states"], "|") {
				if states[s] {
					in = append(in, s)
				}
			}
			if len(in) > 0 {
				kept[code] = true
				list = append(list, []string{code, r["area_title"], strings.Join(in, " ")})
			}
		}
		if kept[code] && socs[r["soc_code"]] {
			wages = append(wages, []string{code, r["soc_code"], r["annual_p10"], r["annual_p25"], r["annual_median"],
				r["annual_p75"], r["annual_p90"], r["employment"], "oews-2025-metro"})
		}
	}
	byKey := func(rows [][]string) {
		sort.Slice(rows, func(i, j int) bool {
			if rows[i][0] != rows[j][0] {
				return rows[i][0] < rows[j][0]
			}
			return rows[i][1] < rows[j][1]
		})
	}
	byKey(list)
	byKey(wages)
	if err := write("metros_2025.csv", `# The metropolitan statistical areas (MSAs) of the BLS OEWS May 2025 metro file, as BLS
# titles them (OMB bulletin 23-01 delineations), with the states each spans in its title
# (USPS codes, title order). Puerto Rico's six MSAs and the BLS nonmetropolitan areas are
# left out. Derived copy (SOURCES.md: oews_metro.csv; area titles from techpay-atlas and
# miho333/d502, identical for all 393 MSAs). Curated by curate.go.
#! period: May 2025
`, append([][]string{{"cbsa", "name", "states"}}, list...)); err != nil {
		return err
	}
	if err := write("oews_metro_2025.csv", `# BLS OEWS May 2025 metropolitan-area estimates: annual wage percentiles (whole USD) and
# employment, all industries, of the catalogue's occupations in each MSA. Official (BLS),
# derived copies of MSA_M2025_dl.xlsx (oesm25ma.zip): the nine computer and IT-management
# occupations for every MSA (techpay-atlas), the four health-information and management
# occupations for 22 large MSAs only (StudentLoanROI); the two agree on all 950 shared
# cells (SOURCES.md: oews_metro.csv). Only rows in the BLS file are present: a missing
# area and occupation was not published there. Empty wage cells: BLS suppressed the
# wages; empty employment: suppressed or not kept by the copy. Curated by curate.go.
#! period: May 2025
`, append([][]string{{"cbsa", "soc", "p10", "p25", "p50", "p75", "p90", "employment", "source"}}, wages...)); err != nil {
		return err
	}
	rpp, err := readCSV("rpp_metro.csv")
	if err != nil {
		return err
	}
	var rows [][]string
	for _, r := range rpp {
		if r["year"] == "2024" && kept[r["cbsa_code"]] {
			rows = append(rows, []string{r["cbsa_code"], r["all_items"], "rpp-2024-metro"})
		}
	}
	byKey(rows)
	return write("rpp_metro_2024.csv", `# BEA Regional Price Parities by metropolitan statistical area (table MARPP), all items,
# 2024 (US = 100). Official (BEA): a verbatim BEA API response (SOURCES.md: rpp_metro.csv),
# release of February 19, 2026, the vintage of the state table. Curated by curate.go.
#! period: 2024
`, append([][]string{{"cbsa", "rpp", "source"}}, rows...))
}

// origins writes the state and national medians of the occupations people move from.
func origins() error {
	recs, err := readCSV("oews_state_origins.csv")
	if err != nil {
		return err
	}
	var rows [][]string
	for _, r := range recs {
		if r["reference_period"] == "May 2025" && originSOCs[r["soc_code"]] {
			src := "oews-2025-state"
			if r["state_abbr"] == "US" {
				src = "oews-2025-national"
			}
			rows = append(rows, []string{r["state_abbr"], r["soc_code"], r["annual_median"], r["employment"], src})
		}
	}
	sortAreaRows(rows)
	return write("oews_origins_2025.csv", `# BLS OEWS May 2025: annual median wage (whole USD) and employment, all industries, of the
# occupations people move from into healthcare IT (nurses, pharmacy and imaging staff, IT
# support...), by state and for the nation. Official (BLS), derived copy (SOURCES.md:
# oews_state_origins.csv, laborcompare from oesm25st.zip / oesm25nat.zip). Curated by
# curate.go. An empty median: BLS suppressed it; the model shows the national median.
#! period: May 2025
`, append([][]string{{"area", "soc", "median", "employment", "source"}}, rows...))
}

// industry writes the OEWS national industry means of the catalogue's occupations in the
// industries that stand for the employer types, with the cross-industry mean of the same
// reference period beside each, so a ratio never mixes years.
func industry() error {
	recs, err := readCSV("oews_industry.csv")
	if err != nil {
		return err
	}
	cross := map[string]string{}
	for _, r := range recs {
		if r["naics"] == "000000" {
			cross[r["reference_period"]+" "+r["soc_code"]] = r["annual_mean"]
		}
	}
	var rows [][]string
	for _, r := range recs {
		if r["naics"] == "000000" || !industries[r["naics"]] || !socs[r["soc_code"]] {
			continue
		}
		all := cross[r["reference_period"]+" "+r["soc_code"]]
		if r["annual_mean"] == "" || all == "" {
			continue // BLS published no wages there: the employer factor says so
		}
		src := "oews-industry-2024"
		if r["reference_period"] == "May 2025" {
			src = "oews-industry-2025"
		}
		rows = append(rows, []string{r["naics"], r["soc_code"], r["reference_period"], r["annual_mean"], all, src})
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i][0] != rows[j][0] {
			return rows[i][0] < rows[j][0]
		}
		return rows[i][1] < rows[j][1]
	})
	return write("oews_industry.csv", `# BLS OEWS national industry-specific estimates: annual mean wage (whole USD) of each
# catalogue occupation in the industries that stand for the employer types, beside the
# same occupation's cross-industry mean of the same reference period. Official (BLS).
# May 2024 rows: oesm24in4.zip (3-digit NAICS 622 Hospitals, 621 Ambulatory health care,
# 513 Publishing industries, 541 Professional, scientific and technical services; derived
# column subset of nat3d_M2024_dl.xlsx) against national_M2024_dl.xlsx. May 2025 rows:
# oesm25in4.zip (4-digit 5132 Software publishers, 5415 Computer systems design; derived
# copy) against the May 2025 national file. SOURCES.md: oews_industry.csv. Curated by
# curate.go. Cells BLS did not publish are left out.
`, append([][]string{{"naics", "soc", "period", "industry_mean", "all_industries_mean", "source"}}, rows...))
}

func readCSV(name string) ([]map[string]string, error) {
	f, err := os.Open(filepath.Join(*ref, name))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var out []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out, nil
}

func write(name, header string, rows [][]string) error {
	f, err := os.Create(filepath.Join("data", name))
	if err != nil {
		return err
	}
	defer f.Close()
	fmt.Fprint(f, header)
	w := csv.NewWriter(f)
	w.WriteAll(rows)
	return w.Error()
}

func run() error {
	nat, err := readCSV("oews_national.csv")
	if err != nil {
		return err
	}
	st, err := readCSV("oews_state.csv")
	if err != nil {
		return err
	}
	var rows [][]string
	wage := func(area string, r map[string]string, src string) {
		rows = append(rows, []string{area, r["soc_code"], r["annual_p10"], r["annual_p25"], r["annual_median"],
			r["annual_p75"], r["annual_p90"], r["employment"], src})
	}
	for _, r := range nat {
		if r["reference_period"] == "May 2025" && socs[r["soc_code"]] {
			wage("US", r, "oews-2025-national")
		}
	}
	seen := map[string]bool{}
	states := map[string]bool{}
	for _, r := range st {
		if r["reference_period"] != "May 2025" {
			continue
		}
		states[r["state_abbr"]] = true
		if socs[r["soc_code"]] {
			wage(r["state_abbr"], r, "oews-2025-state")
			seen[r["state_abbr"]+" "+r["soc_code"]] = true
		}
	}
	// Rows BLS did not publish at all are listed with empty wages, so the gap is explicit.
	for s := range states {
		for soc := range socs {
			if !seen[s+" "+soc] {
				rows = append(rows, []string{s, soc, "", "", "", "", "", "", "oews-2025-state"})
			}
		}
	}
	sortAreaRows(rows)
	if err := write("oews_2025.csv", `# BLS Occupational Employment and Wage Statistics (OEWS), May 2025: annual wage
# percentiles (whole USD) and employment, all industries, for the occupations the roles use.
# Official (BLS). Curated by curate.go from shared/reference (SOURCES.md: national and state
# files oesm25nat.zip / oesm25st.zip as processed by the laborcompare pipeline). Empty wage
# cells: BLS suppressed the estimate (or did not publish the row); the model falls back.
#! period: May 2025
`, append([][]string{{"area", "soc", "p10", "p25", "p50", "p75", "p90", "employment", "source"}}, rows...)); err != nil {
		return err
	}

	rpp, err := readCSV("rpp_state.csv")
	if err != nil {
		return err
	}
	rows = nil
	for _, r := range rpp {
		if r["year"] == "2024" {
			rows = append(rows, []string{r["state_abbr"], strings.TrimSpace(r["geo_name"]), r["all_items"], "rpp-2024"})
		}
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i][0] < rows[j][0] })
	if err := write("rpp_2024.csv", `# BEA Regional Price Parities by state (table SARPP), all items, 2024 (US = 100).
# Official (BEA), release of February 19, 2026. Curated by curate.go from shared/reference.
#! period: 2024
`, append([][]string{{"area", "name", "rpp", "source"}}, rows...)); err != nil {
		return err
	}

	proj, err := readCSV("projections.csv")
	if err != nil {
		return err
	}
	rows = nil
	for _, r := range proj {
		if r["projection_period"] == "2024-2034" && socs[r["soc_code"]] {
			rows = append(rows, []string{r["soc_code"], r["occupation_title"], r["employment_base_thousands"],
				r["employment_change_pct"], r["annual_openings_thousands"], "ep-2024-2034"})
		}
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i][0] < rows[j][0] })
	return write("projections_2024_2034.csv", `# BLS Employment Projections 2024–2034, occupation table: employment 2024 (thousands),
# percent change 2024–34 and annual openings (thousands). Official (BLS) table, machine-scraped
# copy (SOURCES.md: projections.csv). Curated by curate.go from shared/reference.
#! period: 2024–2034
`, append([][]string{{"soc", "title", "employment_2024_thousands", "change_pct", "openings_thousands", "source"}}, rows...))
}
