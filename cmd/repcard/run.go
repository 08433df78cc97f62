package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/config"
	"github.com/repcard/repcard/output"
	"github.com/repcard/repcard/pdf"
	"github.com/repcard/repcard/reader"
	"github.com/repcard/repcard/report"
)

// stringList is a flag that may be given several times (-rep A -rep B).
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ", ") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

// runOptions are run's flags after parsing.
type runOptions struct {
	configFlags
	out        string
	period     string
	reps       stringList
	selfReview bool
	workers    int
	quiet      bool
}

func cmdRun(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("run", "[-config FILE] [-in DIR] [-out DIR] [-period P] [-rep NAME]… [-self-review] [-workers N] [-quiet]",
		"repcard run -in exports -period 2026-10 -rep \"Jane Doe\" -self-review", stderr)
	var o runOptions
	o.register(fs)
	fs.StringVar(&o.out, "out", "", "output `folder` (default: the config's out)")
	fs.StringVar(&o.period, "period", "", "`period` to report: 2026-10, 2026-Q4 or 2026 (default: the newest whole month in the data)")
	fs.Var(&o.reps, "rep", "only this rep's reports (repeatable); team figures still use all data")
	fs.BoolVar(&o.selfReview, "self-review", false, "also write the self-review edition of each rep report")
	fs.IntVar(&o.workers, "workers", 0, "rendering workers (default: number of CPUs)")
	fs.BoolVar(&o.quiet, "quiet", false, "print only the final summary line")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	period, code := parsePeriodFlag(o.period, stderr)
	if code != 0 {
		return code
	}
	cfg, ok := o.load(fs, stderr)
	if !ok {
		return exitUsage
	}
	if o.out != "" {
		cfg.Out = o.out
	}
	rd, err := newRenderer(cfg)
	if err != nil {
		fmt.Fprintf(stderr, "repcard run: %v\n", err)
		return exitUsage
	}
	prog := newProgress(stderr, o.quiet)
	res, err := build(ctx, cfg, period, o.reps, prog)
	if err == nil {
		err = res.write(ctx, rd, o.selfReview, o.workers, prog)
	}
	prog.Done()
	if err != nil {
		fmt.Fprintf(stderr, "repcard run: %v\n", err)
		if ctx.Err() != nil {
			fmt.Fprintln(stderr, "Stopped: the outputs written before are whole; run again to finish.")
		}
		return exitNothing
	}
	fmt.Fprintln(stdout, res.summary())
	if res.batch.LeftOut() {
		fmt.Fprintf(stderr, "Some rows were left out of the numbers: see %s (file, sheet, row, column and why).\n", res.issuesPath())
		return exitLeftOut
	}
	return exitOK
}

// nothingError says a run could produce nothing at all.
type nothingError struct{ msg string }

func (e *nothingError) Error() string { return e.msg }

// result is one run's outcome, ready to write.
type result struct {
	cfg      *config.Config
	batch    *reader.Batch
	report   *report.Report
	dir      string // out/<period>
	started  time.Time
	written  int
	pdfs     int
	filtered bool // -rep: only those reps' PDFs, no summaries
}

// build reads the inbox and computes the report for period (nil: the
// default period), keeping only the reps named in only (all when empty).
func build(ctx context.Context, cfg *config.Config, period *repcard.Period, only []string, prog *progress) (*result, error) {
	started := time.Now()
	b, batch, err := readInbox(ctx, cfg, prog)
	if err != nil {
		return nil, err
	}
	p, err := choosePeriod(b, cfg, period)
	if err != nil {
		return nil, err
	}
	return assemble(b, batch, cfg, p, true, only, started)
}

// readInbox reads the inbox into a report Builder.
func readInbox(ctx context.Context, cfg *config.Config, prog *progress) (*report.Builder, *reader.Batch, error) {
	b := report.NewBuilder(cfg)
	add, wait := reader.Async(b.Add) // fold on one core while the reader parses on another
	batch, err := reader.ReadInbox(ctx, cfg.Inbox, cfg, add, reader.WithProgress(
		func(n int) { prog.Phase("reading", n) },
		func(file string) { prog.Step(file) }))
	wait()
	if err != nil {
		return nil, nil, err
	}
	return b, batch, nil
}

// choosePeriod is period, or the default period of what b holds.
func choosePeriod(b *report.Builder, cfg *config.Config, period *repcard.Period) (repcard.Period, error) {
	if period != nil {
		return *period, nil
	}
	p, ok := b.DefaultPeriod()
	if !ok {
		return p, &nothingError{fmt.Sprintf("no dated rows in %s, so there is no period to report (run 'repcard check' to see what was found)", cfg.Inbox)}
	}
	return p, nil
}

// assemble computes the report for p from b, keeping only the reps named
// in only (all when empty). final is for the last report made from b
// (Builder.Finish), which must come after the others.
func assemble(b *report.Builder, batch *reader.Batch, cfg *config.Config, p repcard.Period, final bool, only []string, started time.Time) (*result, error) {
	var rep *report.Report
	if final {
		rep = b.Finish(p)
	} else {
		rep = b.Build(p)
	}
	rep.Inputs = batch.Inputs
	names := make([]string, len(rep.Reps))
	for i, r := range rep.Reps {
		names[i] = r.Rep
	}
	for i, s := range output.Slugs(names) {
		rep.Reps[i].Slug = s
	}
	if len(only) > 0 {
		rep = rep.Only(only)
		if len(rep.Reps) == 0 {
			return nil, &nothingError{fmt.Sprintf("no rep named %s in the data", strings.Join(only, " or "))}
		}
	}
	return &result{cfg: cfg, batch: batch, report: rep, dir: filepath.Join(cfg.Out, p.Label()), started: started, filtered: len(only) > 0}, nil
}

func (r *result) issuesPath() string { return filepath.Join(r.dir, "data-issues.csv") }

// write writes metrics.json, then the PDFs, then data-issues.csv, each
// atomically. Temp files a killed run left behind are removed first. The
// coaching text is worked out from the whole report before the report's
// long lists are cut to what the PDFs print.
func (r *result) write(ctx context.Context, rd *renderer, selfReview bool, workers int, prog *progress) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if _, err := output.CleanTemp(r.dir); err != nil {
		return err
	}
	// The batch may serve the reports of several periods (watch): the
	// warnings about this report's glyphs are its own.
	warns := append(slices.Clip(r.batch.Warnings), rd.glyphWarnings(r.report)...)
	docs, err := rd.documents(r, selfReview, !r.filtered)
	if err != nil {
		return err
	}
	if err := output.WriteFile(filepath.Join(r.dir, "metrics.json"), r.report.WriteJSON); err != nil {
		return err
	}
	r.written++
	// The PDFs print the first few of each list; the rest is in
	// metrics.json and need not be held while rendering.
	r.report.Shorten(pdf.ListRows)
	prog.Phase("rendering", len(docs))
	if err := writeAll(ctx, docs, workers, prog); err != nil {
		return err
	}
	r.pdfs = len(docs)
	r.written += len(docs)
	issues := append(slices.Clip(r.batch.Issues), warns...)
	if err := output.WriteFile(r.issuesPath(), func(w io.Writer) error {
		// A byte-order mark, so that Excel shows names with accents right.
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return err
		}
		return output.WriteIssuesCSV(w, issues)
	}); err != nil {
		return err
	}
	r.written++
	return nil
}

func (r *result) summary() string {
	_, used, left, dups := r.batch.Totals()
	return fmt.Sprintf("repcard: %s · %s · %s written · %s used, %s left out, %s · issues: %s · %.1fs",
		r.report.Period.Label, plural(len(r.report.Reps), "rep", "reps"), plural(r.pdfs, "PDF", "PDFs"),
		plural(used, "row", "rows"), plural(left, "row", "rows"), plural(dups, "duplicate", "duplicates"),
		r.issuesPath(), time.Since(r.started).Seconds())
}
