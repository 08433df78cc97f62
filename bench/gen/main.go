// Command gen writes the benchmark workload (see internal/synth): a seeded,
// deterministic inbox that repcard and the Python peer both read.
//
//	go run ./bench/gen -out /tmp/bench/inbox-xlsx -rows 1000000 -reps 500 -format xlsx
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/repcard/repcard/internal/synth"
)

func main() {
	var o synth.Options
	out := flag.String("out", "", "folder to write the inbox into (required)")
	flag.IntVar(&o.Rows, "rows", 1_000_000, "activity rows")
	flag.IntVar(&o.Reps, "reps", 500, "reps")
	flag.IntVar(&o.Managers, "managers", 50, "managers")
	flag.IntVar(&o.Deals, "deals", 50_000, "deals")
	flag.Uint64Var(&o.Seed, "seed", 1, "random seed")
	format := flag.String("format", "xlsx", "activities as xlsx or csv")
	flag.Parse()
	o.Format = synth.Format(*format)
	if *out == "" || (o.Format != synth.XLSX && o.Format != synth.CSV) {
		flag.Usage()
		os.Exit(2)
	}
	if err := synth.Write(*out, o); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
