package report

import (
	"context"
	"flag"
	"os"
	"testing"

	"github.com/repcard/repcard/config"
	"github.com/repcard/repcard/internal/synth"
	"github.com/repcard/repcard/reader"
)

var readBenchRows = flag.Int("bench.rows", 100_000, "activity rows in BenchmarkReadAndAggregate's workload")

// BenchmarkReadAndAggregateCSV is the reading phase of a run on the CSV
// workload: every file read, every value parsed, every record folded into
// the Builder, and the report built for the default period.
func BenchmarkReadAndAggregateCSV(b *testing.B) {
	dir, err := os.MkdirTemp("", "repcard-bench-")
	if err != nil {
		b.Fatal(err)
	}
	defer os.RemoveAll(dir)
	if err := synth.Write(dir, synth.Options{Rows: *readBenchRows, Seed: 1, Format: synth.CSV}); err != nil {
		b.Fatal(err)
	}
	cfg := config.Default()
	b.ReportAllocs()
	for b.Loop() {
		bl := NewBuilder(cfg)
		add, wait := reader.Async(bl.Add) // as run does
		_, err := reader.ReadInbox(context.Background(), dir, cfg, add)
		wait()
		if err != nil {
			b.Fatal(err)
		}
		p, ok := bl.DefaultPeriod()
		if !ok {
			b.Fatal("no period")
		}
		if r := bl.Build(p); len(r.Reps) == 0 {
			b.Fatal("no reps")
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(*readBenchRows), "ns/row")
}
