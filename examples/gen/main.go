// Command gen writes repcard's example inbox: the spreadsheets a sales team
// of ten reps and two managers might drop into it — a roster, two
// overlapping Salesforce opportunity exports, a HubSpot activity export, a
// Pipedrive deal export from a European account, a personal tally book, a
// manager's reps × months tracker of deals won and a one-sheet-per-rep
// daily activity tracker — covering the 13 months from
// 2025-10-01 to 2026-10-31.
//
// The people and companies are made up; the numbers are drawn around each
// rep's habits, and a few reps carry a story the reports should tell (see
// examples/README.md). The same -seed gives byte-identical files.
//
// From the repository root:
//
//	go run ./examples/gen                 # writes examples/inbox/
//	go run ./examples/gen -out /tmp/inbox -seed 7
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// run parses the flags, generates the data and writes the files, printing
// one line per file to stdout.
func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "examples/inbox", "folder to write the example inbox into")
	seed := fs.Uint64("seed", 1, "random seed; the same seed gives the same bytes")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	paths, err := writeAll(*out, generate(*seed))
	if err != nil {
		return err
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s\t%d bytes\n", p, st.Size())
	}
	return nil
}
