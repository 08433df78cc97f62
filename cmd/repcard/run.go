package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/repcard/repcard/internal/progress"
	"github.com/repcard/repcard/pipeline"
	"github.com/repcard/repcard/reader"
)

// stringList is a flag that may be given several times (-rep A -rep B).
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ", ") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

// batchFlags are the flags of the commands that write reports (run,
// watch): where to read and write, and which period.
type batchFlags struct {
	configFlags
	out    string
	period string
	noWait bool
}

func (b *batchFlags) register(fs *flag.FlagSet, periodHelp string) {
	b.configFlags.register(fs)
	fs.StringVar(&b.out, "out", "", "write into `DIR`/<period>/ (default: the config's out)")
	fs.StringVar(&b.period, "period", "", "the period `P` to "+periodHelp+"\n(default: the newest whole month in the data, or week with cadence: week)")
	fs.BoolVar(&b.noWait, "no-wait", false, "when another repcard is writing into the out folder, exit 2 rather than wait")
}

// setup parses the period, loads the config with -in and -out applied, and
// prepares the pipeline. It reports a failure on stderr; ok is false then
// and the command exits with exitUsage.
func (b *batchFlags) setup(fs *flag.FlagSet, stderr io.Writer) (p *pipeline.Pipeline, inbox string, opts pipeline.Options, ok bool) {
	period, code := parsePeriodFlag(b.period, stderr)
	if code != 0 {
		return nil, "", opts, false
	}
	cfg, ok := b.load(fs, stderr)
	if !ok {
		return nil, "", opts, false
	}
	if b.out != "" {
		cfg.Out = b.out
	}
	p, err := pipeline.New(cfg)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", fs.Name(), err)
		return nil, "", opts, false
	}
	return p, cfg.Inbox, pipeline.Options{Period: period, NoWait: b.noWait, Progress: limitOnRender{}, Waiting: func(e *pipeline.LockedError) {
		fmt.Fprintf(stderr, "%s: %v; waiting…\n", fs.Name(), e)
	}}, true
}

func cmdRun(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("run", "[-config FILE] [-in DIR] [-out DIR] [-period P] [-rep NAME]… [-self-review]\n                   [-workers N] [-quiet] [-no-wait]",
		"repcard run -in exports -period 2026-10 -rep \"Jane Doe\" -self-review", stdout, stderr)
	var bf batchFlags
	bf.register(fs, "report: 2026-10, 2026-Q4, 2026 or a week 2026-W43")
	var reps stringList
	fs.Var(&reps, "rep", "write only the report of the rep `NAME` (repeatable; a roster alias, any case or\naccents); team figures still use all data")
	selfReview := fs.Bool("self-review", false, "also write the self-review edition of each rep report")
	workers := fs.Int("workers", 0, "render `N` PDFs at once (default: one per CPU)")
	quiet := fs.Bool("quiet", false, "print only the summary line, no progress bar")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	p, inbox, opts, ok := bf.setup(fs, stderr)
	if !ok {
		return exitUsage
	}
	if code := inboxCode(fs.Name(), inbox, false, stderr); code != 0 {
		return code
	}
	opts.Reps, opts.SelfReview, opts.Workers = reps, *selfReview, *workers
	prog := progress.New(stderr, *quiet)
	opts.Progress = limitOnRender{prog}
	if progressHook != nil {
		opts.Progress = progressHook(prog)
	}
	res, err := p.Run(ctx, opts)
	prog.Done()
	var nothing *pipeline.NothingError
	switch {
	case err == nil && len(res.RepsNotFound) > 0:
		printRepsNotFound(res.RepsNotFound, stderr)
		fmt.Fprintln(stdout, summary(res))
		return exitLeftOut
	case errors.As(err, &nothing) && len(nothing.Reps) > 0:
		printRepsNotFound(nothing.Reps, stderr)
		return exitNothing
	}
	if err != nil {
		fmt.Fprintf(stderr, "repcard run: %v\n", err)
		var locked *pipeline.LockedError
		switch {
		case errors.As(err, &locked):
			fmt.Fprintln(stderr, "Not waiting (-no-wait): run again when it is done.")
		case ctx.Err() != nil:
			fmt.Fprintln(stderr, "Stopped: the reports of the run before are in place, untouched; run again to finish.")
		}
		return exitCode(err)
	}
	if ranHook != nil {
		ranHook(res)
	}
	fmt.Fprintln(stdout, summary(res))
	if res.Batch.LeftOut() {
		fmt.Fprintf(stderr, "Some rows or sheets were left out of the numbers: see %s (file, sheet, row, column and why).\n", res.IssuesPath())
		return exitLeftOut
	}
	return exitOK
}

// printRepsNotFound says on stderr which names asked for with -rep no
// report holds, each with the nearest rep name.
func printRepsNotFound(missing []pipeline.RepNotFound, stderr io.Writer) {
	for _, m := range missing {
		msg := fmt.Sprintf("repcard run: no rep named %s in the reports", oneLine(m.Name))
		if m.Nearest != "" {
			msg += fmt.Sprintf("; did you mean %s?", m.Nearest)
		}
		fmt.Fprintln(stderr, msg)
	}
}

// progressHook, when set, wraps run's progress. Only tests set it, to stop
// a run at a chosen step.
var progressHook func(pipeline.Progress) pipeline.Progress

// ranHook, when set, sees the result of each run that wrote its outputs.
// Only tests set it, to read the kinds of the issues a run found.
var ranHook func(res *pipeline.Result)

// exitCode is the exit code of a run that failed with err: it depends on
// what went wrong, not on where.
func exitCode(err error) int {
	var setup *pipeline.SetupError
	var write *pipeline.WriteError
	var locked *pipeline.LockedError
	switch {
	case errors.As(err, &setup), errors.As(err, &locked):
		return exitUsage
	case errors.As(err, &write) && write.Written > 0:
		return exitPartial
	}
	return exitNothing
}

// summary is run's last line. It names the sheets that look like sales
// data but were not read, when there are any.
func summary(res *pipeline.Result) string {
	_, used, left, dups := res.Batch.Totals()
	return fmt.Sprintf("repcard: %s · %s · %s written · %s used, %s left out, %s%s · issues: %s · %.1fs",
		res.Report.Period.Label, plural(len(res.Report.Reps), "rep", "reps"), plural(res.PDFs, "PDF", "PDFs"),
		plural(used, "row", "rows"), plural(left, "row", "rows"), plural(dups, "duplicate", "duplicates"),
		sheetsNotRead(res.Batch), res.IssuesPath(), time.Since(res.Started).Seconds())
}

// sheetsNotRead is ", N sheets not read" when b has sheets that look like
// sales data but were not read, else "".
func sheetsNotRead(b *reader.Batch) string {
	if n := b.SheetsNotRead(); n > 0 {
		return ", " + plural(n, "sheet", "sheets") + " not read"
	}
	return ""
}
