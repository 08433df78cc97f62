package teamxlsx

import (
	"fmt"
	"io"
	"testing"

	"github.com/repcard/repcard/report"
)

// BenchmarkWrite writes the lists of a large team: 500 reps with 430
// follow-ups and 300 stale deals each, about the benchmark workload's
// million rows (215,665 and 152,770). Run with -bench Write -benchmem.
func BenchmarkWrite(b *testing.B) {
	rpt := fixture()
	base, stale := rpt.Reps[1], rpt.Reps[0].StaleMaybes[0]
	rpt.Reps = nil
	for r := range 500 {
		rep := report.Rep{Rep: fmt.Sprintf("Rep Number %03d", r), Manager: "Maria López", Office: "Berlin"}
		rep.Metrics = base.Metrics
		for i := range 430 {
			f := base.FollowUpsDue[0]
			f.Prospect = fmt.Sprintf("Initech Energy %d", i)
			rep.FollowUpsDue = append(rep.FollowUpsDue, f)
		}
		for i := range 300 {
			s := stale
			s.Prospect = fmt.Sprintf("Oscorp Retail %d", i)
			rep.StaleMaybes = append(rep.StaleMaybes, s)
		}
		rep.Wins, rep.Losses = base.Wins, base.Losses
		rpt.Reps = append(rpt.Reps, rep)
	}
	var n countWriter
	b.ReportAllocs()
	for b.Loop() {
		n = 0
		if err := Write(&n, rpt, fixtureIssues); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)/1e6, "MB/file")
}

type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }

var _ io.Writer = (*countWriter)(nil)
