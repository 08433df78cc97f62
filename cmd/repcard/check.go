package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/pipeline"
	"github.com/repcard/repcard/reader"
)

// maxIssuesShown is how many data issues check prints before it counts the
// rest.
const maxIssuesShown = 50

func cmdCheck(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", "[-config FILE] [-in DIR] [-json]", "repcard check -in ~/Downloads/exports", stderr)
	var cf configFlags
	cf.register(fs)
	asJSON := fs.Bool("json", false, "print one JSON object a line (an input, issue, warning or file passed over), for scripts")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	cfg, ok := cf.load(fs, stderr)
	if !ok {
		return exitUsage
	}
	if code := inboxCode(fs.Name(), cfg.Inbox, false, stderr); code != 0 {
		return code
	}
	batch, err := pipeline.Check(ctx, cfg)
	if err != nil {
		fmt.Fprintf(stderr, "repcard check: %v\n", err)
		return exitNothing
	}
	if *asJSON {
		if err := printBatchJSON(stdout, batch); err != nil {
			fmt.Fprintf(stderr, "repcard check: %v\n", err)
			return exitNothing
		}
	} else {
		printBatch(stdout, cfg.Inbox, batch)
	}
	found := 0
	for _, in := range batch.Inputs {
		if in.Kind != repcard.KindNone {
			found++
		}
	}
	switch {
	case found == 0:
		fmt.Fprintf(stderr, "repcard check: no sheet in %s is a kind repcard reads (activities, deals, tallies, roster); see the reasons above\n", cfg.Inbox)
		return exitNothing
	case batch.LeftOut():
		return exitLeftOut
	}
	return exitOK
}

// printBatch writes what check found: a line per file and sheet, the files
// passed over, the warnings, then the issues.
func printBatch(w io.Writer, inbox string, b *reader.Batch) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(w, "Inbox %s\n\n", inbox)
	for _, in := range b.Inputs {
		name := in.File
		if in.Sheet != "" {
			name += " [" + in.Sheet + "]"
		}
		if in.Kind == repcard.KindNone {
			kind := string(in.Kind)
			if in.NotRead == repcard.NotReadSalesData {
				kind = "not read" // looks like sales data: left out
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\n", name, kind, oneLine(in.Reason))
			continue
		}
		how := in.Mapping
		if in.RepFrom != "" {
			how += ", rep from " + in.RepFrom
		}
		line := fmt.Sprintf("%s\t%s\t%s\theader row %d\trows %d: used %d, left out %d, duplicates %d, skipped %d",
			name, in.Kind, how, in.HeaderRow, in.Rows, in.Used, in.LeftOut, in.Duplicates, in.Skipped)
		if in.Reason != "" {
			line += " — stopped: " + oneLine(in.Reason)
		}
		fmt.Fprintln(tw, line)
	}
	tw.Flush()
	if len(b.Ignored) > 0 || b.OutFolder != "" {
		fmt.Fprintln(w, "\nPassed over:")
		if b.OutFolder != "" {
			fmt.Fprintf(w, "  %s/: the out folder, where repcard writes (never read as input)\n", b.OutFolder)
		}
		for _, ig := range b.Ignored {
			fmt.Fprintf(w, "  %s: %s\n", ig.File, ig.Reason)
		}
	}
	if len(b.Warnings) > 0 {
		fmt.Fprintln(w, "\nWarnings (rows kept):")
		for _, is := range b.Warnings {
			fmt.Fprintf(w, "  %s\n", is)
		}
	}
	printWords(w, b)
	printSuggestions(w, b)
	rows, used, left, dups := b.Totals()
	if len(b.Issues) > 0 {
		fmt.Fprintf(w, "\nLeft out (%s):\n", plural(len(b.Issues), "issue", "issues"))
		for i, is := range b.Issues {
			if i == maxIssuesShown {
				fmt.Fprintf(w, "  … and %d more (all of them are in data-issues.csv after 'repcard run')\n", len(b.Issues)-maxIssuesShown)
				break
			}
			fmt.Fprintf(w, "  %s\n", is)
		}
	}
	money := ""
	if b.Currency != "" {
		money = "; money in " + b.Currency
	}
	fmt.Fprintf(w, "\n%s, %s used, %s left out, %s dropped%s\n",
		plural(rows, "data row", "data rows"), plural(used, "row", "rows"), plural(left, "row", "rows"), plural(dups, "duplicate", "duplicates"), money)
}

// printWords lists the status words no config list places, and the owners
// written as e-mail addresses that no roster names.
func printWords(w io.Writer, b *reader.Batch) {
	if len(b.UnknownStatuses) > 0 {
		fmt.Fprintln(w, "\nStatus words not recognised:")
		for _, wc := range b.UnknownStatuses {
			fmt.Fprintf(w, "  %q: %s (add it to %s in config)\n", wc.Word, plural(wc.Count, "row", "rows"), wc.Key)
		}
	}
	if len(b.OpenStages) > 0 {
		fmt.Fprintln(w, "\nStage words read as open deals (the pipeline's own stages; if one means won or lost, add it to words.won or words.lost):")
		for _, wc := range b.OpenStages {
			fmt.Fprintf(w, "  %q: %s\n", wc.Word, plural(wc.Count, "row", "rows"))
		}
	}
	if n := len(b.EmailOwners); n > 0 {
		shown := strings.Join(b.EmailOwners[:min(n, 3)], ", ")
		if n > 3 {
			shown += ", …"
		}
		fmt.Fprintf(w, "\nOwners not on the roster: %s written as an e-mail address (%s); a roster with an Email column would name them\n",
			plural(n, "owner", "owners"), shown)
	}
}

// printSuggestions prints, for the sheets not read that have a rep or a
// date column, one config mapping block of the reader's guesses for them.
func printSuggestions(w io.Writer, b *reader.Batch) {
	first := true
	for _, in := range b.Inputs {
		entries, ok := strings.CutPrefix(in.Suggest, "mapping:\n")
		if !ok {
			continue
		}
		if first {
			fmt.Fprintln(w, "\nTo read the sheets not read, check these guesses and paste them into config.yaml:\n\n  mapping:")
			first = false
		}
		for line := range strings.Lines(entries) {
			fmt.Fprint(w, "  "+line)
		}
		if !strings.HasSuffix(entries, "\n") {
			fmt.Fprintln(w)
		}
	}
}
