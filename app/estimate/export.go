package estimate

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// Export is one scenario with its breakdown, as the CSV and JSON files people download
// and keep. ParseExport reads either back; a later format gets a higher Version and a
// migration in ParseExport.
type Export struct {
	Format   string         `json:"format"`  // ExportFormat
	Version  int            `json:"version"` // ExportVersion
	Query    string         `json:"query"`   // the scenario in the URL contract
	Edition  string         `json:"edition"` // DataEdition of the figures
	Estimate int            `json:"estimate"`
	Low      int            `json:"low"`
	High     int            `json:"high"`
	Factors  []ExportFactor `json:"factors"` // in breakdown order; the dollars add up to Estimate
}

// ExportFactor is one row of the breakdown.
type ExportFactor struct {
	Kind     FactorKind `json:"kind"`
	Dollars  int        `json:"dollars"`
	Percent  float64    `json:"percent"`
	Evidence Evidence   `json:"evidence"`
}

// The export format's name and version.
const (
	ExportFormat  = "hit-salary-scenario"
	ExportVersion = 1
)

// NewExport is the export of a result.
func NewExport(r Result) Export {
	e := Export{Format: ExportFormat, Version: ExportVersion, Query: r.Input.Query().Encode(), Edition: r.Edition,
		Estimate: r.Estimate, Low: r.Low, High: r.High}
	for _, f := range r.Factors {
		e.Factors = append(e.Factors, ExportFactor{Kind: f.Kind, Dollars: f.Dollars, Percent: f.Percent, Evidence: f.Evidence})
	}
	return e
}

// JSON writes the export as indented JSON.
func (e Export) JSON() []byte {
	b, _ := json.MarshalIndent(e, "", "  ") // only plain fields: cannot fail
	return append(b, '\n')
}

// CSV writes the export as CSV: one record per field ("estimate,95292"), then a header
// and one record per factor ("factor,base,95000,0,official").
func (e Export) CSV() []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	for _, r := range [][]string{
		{"format", e.Format}, {"version", strconv.Itoa(e.Version)}, {"query", e.Query}, {"edition", e.Edition},
		{"estimate", strconv.Itoa(e.Estimate)}, {"low", strconv.Itoa(e.Low)}, {"high", strconv.Itoa(e.High)},
		{"factor", "kind", "dollars", "percent", "evidence"},
	} {
		w.Write(r)
	}
	for _, f := range e.Factors {
		w.Write([]string{"factor", string(f.Kind), strconv.Itoa(f.Dollars), strconv.FormatFloat(f.Percent, 'f', -1, 64), string(f.Evidence)})
	}
	w.Flush()
	return b.Bytes()
}

// ParseExport reads an export written by JSON or CSV and checks it: the format and a
// known version, a scenario the model reads without a problem, a range around the
// estimate and factors whose dollars add up to it.
func ParseExport(data []byte) (Export, error) {
	if len(data) > 1<<16 {
		return Export{}, errors.New("export: too large to be a scenario export")
	}
	var e Export
	var err error
	if t := bytes.TrimSpace(data); len(t) > 0 && t[0] == '{' {
		err = json.Unmarshal(t, &e)
	} else {
		e, err = parseExportCSV(data)
	}
	if err != nil {
		return Export{}, fmt.Errorf("export: %w", err)
	}
	if e.Format != ExportFormat {
		return Export{}, fmt.Errorf("export: format %q, want %q", e.Format, ExportFormat)
	}
	if e.Version != ExportVersion {
		return Export{}, fmt.Errorf("export: version %d is not one this version reads (%d)", e.Version, ExportVersion)
	}
	q, err := url.ParseQuery(e.Query)
	if err != nil {
		return Export{}, fmt.Errorf("export: query: %w", err)
	}
	if _, errs := FromQuery(q); len(errs) > 0 {
		return Export{}, fmt.Errorf("export: query: %w", errs[0])
	}
	sum := 0
	for _, f := range e.Factors {
		sum += f.Dollars
	}
	if len(e.Factors) == 0 || sum != e.Estimate || e.Low > e.Estimate || e.High < e.Estimate {
		return Export{}, fmt.Errorf("export: the figures do not fit (factors add up to %d, estimate %d, range %d–%d)", sum, e.Estimate, e.Low, e.High)
	}
	return e, nil
}

func parseExportCSV(data []byte) (Export, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		return Export{}, err
	}
	var e Export
	num := func(s string) int {
		n, perr := strconv.Atoi(strings.TrimSpace(s))
		if perr != nil && err == nil {
			err = fmt.Errorf("%q is not a whole number", s)
		}
		return n
	}
	for _, rec := range recs {
		switch {
		case len(rec) == 2 && rec[0] == "format":
			e.Format = rec[1]
		case len(rec) == 2 && rec[0] == "version":
			e.Version = num(rec[1])
		case len(rec) == 2 && rec[0] == "query":
			e.Query = rec[1]
		case len(rec) == 2 && rec[0] == "edition":
			e.Edition = rec[1]
		case len(rec) == 2 && rec[0] == "estimate":
			e.Estimate = num(rec[1])
		case len(rec) == 2 && rec[0] == "low":
			e.Low = num(rec[1])
		case len(rec) == 2 && rec[0] == "high":
			e.High = num(rec[1])
		case len(rec) == 5 && rec[0] == "factor" && rec[1] == "kind":
			// the header of the factor records
		case len(rec) == 5 && rec[0] == "factor":
			p, perr := strconv.ParseFloat(rec[3], 64)
			if perr != nil && err == nil {
				err = fmt.Errorf("percent %q: %w", rec[3], perr)
			}
			e.Factors = append(e.Factors, ExportFactor{Kind: FactorKind(rec[1]), Dollars: num(rec[2]), Percent: p, Evidence: Evidence(rec[4])})
		default:
			return Export{}, fmt.Errorf("unexpected record %q", rec)
		}
	}
	return e, err
}
