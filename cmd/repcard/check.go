package main

import (
	"context"
	"fmt"
	"io"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/internal/checkprint"
	"github.com/repcard/repcard/pipeline"
)

func cmdCheck(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", "[-config FILE] [-in DIR] [-json]", "repcard check -in ~/Downloads/exports", stdout, stderr)
	var cf configFlags
	cf.register(fs)
	asJSON := fs.Bool("json", false, "print one JSON object a line (an input, issue, warning or file passed over),\nfor scripts")
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
		if err := checkprint.JSON(stdout, batch); err != nil {
			fmt.Fprintf(stderr, "repcard check: %v\n", err)
			return exitNothing
		}
	} else {
		checkprint.Text(stdout, cfg.Inbox, batch)
	}
	found := 0
	for _, in := range batch.Inputs {
		if in.Kind != repcard.KindNone {
			found++
		}
	}
	switch {
	case len(batch.Inputs) == 0:
		fmt.Fprintf(stderr, "repcard check: no spreadsheet in %s (.xlsx, .xlsm, .csv, .tsv); copy your sales exports into it, then run again\n", cfg.Inbox)
		return exitNothing
	case found == 0:
		fmt.Fprintf(stderr, "repcard check: no sheet in %s is a kind repcard reads (activities, deals, tallies, roster); see the reasons above\n", cfg.Inbox)
		return exitNothing
	case batch.LeftOut():
		return exitLeftOut
	}
	return exitOK
}
