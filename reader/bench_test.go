package reader

import (
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/config"
	"github.com/repcard/repcard/internal/synth"
)

var benchRows = flag.Int("bench.rows", 100_000, "activity rows in the workload of the read benchmarks")

var (
	benchMu    sync.Mutex
	benchDirs  = map[string]string{}
	benchClean []string
)

// benchInbox generates the workload (internal/synth) once per process and
// format, in a temporary folder removed by TestMain's caller at exit.
func benchInbox(b *testing.B, format synth.Format) string {
	b.Helper()
	benchMu.Lock()
	defer benchMu.Unlock()
	key := fmt.Sprint(format, *benchRows)
	if dir, ok := benchDirs[key]; ok {
		return dir
	}
	dir, err := os.MkdirTemp("", "repcard-bench-")
	if err != nil {
		b.Fatal(err)
	}
	if err := synth.Write(dir, synth.Options{Rows: *benchRows, Seed: 1, Format: format}); err != nil {
		b.Fatal(err)
	}
	benchDirs[key] = dir
	b.Cleanup(func() {}) // the folder outlives one benchmark; see removeBenchInboxes
	benchClean = append(benchClean, dir)
	return dir
}

func removeBenchInboxes() {
	for _, d := range benchClean {
		os.RemoveAll(d)
	}
}

func TestMain(m *testing.M) {
	code := m.Run()
	removeBenchInboxes()
	os.Exit(code)
}

func benchReadInbox(b *testing.B, format synth.Format) {
	dir := benchInbox(b, format)
	cfg := config.Default()
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		if _, err := ReadInbox(context.Background(), dir, cfg, func(*repcard.Record) { n++ }); err != nil {
			b.Fatal(err)
		}
		if n < *benchRows {
			b.Fatalf("%d records", n)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(*benchRows), "ns/row")
}

// BenchmarkReadInboxCSV reads the CSV workload into records: discovery,
// classification, decoding, parsing every value and dedupe.
func BenchmarkReadInboxCSV(b *testing.B) { benchReadInbox(b, synth.CSV) }

// BenchmarkReadInboxXLSX is the same with the activities in an xlsx with a
// shared string table. Compare with BenchmarkBareExcelizeRows.
func BenchmarkReadInboxXLSX(b *testing.B) { benchReadInbox(b, synth.XLSX) }

// BenchmarkBareExcelizeRows is the floor of BenchmarkReadInboxXLSX: excelize's
// Rows iterator over the same sheet, with the same options, doing nothing
// with the cells.
func BenchmarkBareExcelizeRows(b *testing.B) {
	path := filepath.Join(benchInbox(b, synth.XLSX), "activities.xlsx")
	lim := limitsOf(config.Default().Limits)
	b.ReportAllocs()
	for b.Loop() {
		f, err := excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: lim.unzipBytes, UnzipXMLSizeLimit: lim.xmlMemoryBytes, RawCellValue: true})
		if err != nil {
			b.Fatal(err)
		}
		rows, err := f.Rows(f.GetSheetList()[0])
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for rows.Next() {
			if _, err := rows.Columns(); err != nil {
				b.Fatal(err)
			}
			n++
		}
		rows.Close()
		f.Close()
		if n < *benchRows {
			b.Fatalf("%d rows", n)
		}
	}
}

// BenchmarkBareCSV is the floor of BenchmarkReadInboxCSV: encoding/csv over
// the three files, doing nothing with the fields.
func BenchmarkBareCSV(b *testing.B) {
	dir := benchInbox(b, synth.CSV)
	b.ReportAllocs()
	for b.Loop() {
		for _, name := range []string{"activities.csv", "deals.csv", "roster.csv"} {
			f, err := os.Open(filepath.Join(dir, name))
			if err != nil {
				b.Fatal(err)
			}
			r := csv.NewReader(f)
			r.ReuseRecord = true
			for {
				if _, err := r.Read(); err == io.EOF {
					break
				} else if err != nil {
					b.Fatal(err)
				}
			}
			f.Close()
		}
	}
}
