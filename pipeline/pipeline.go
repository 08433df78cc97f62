package pipeline

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/config"
	"github.com/repcard/repcard/output"
	"github.com/repcard/repcard/reader"
	"github.com/repcard/repcard/report"
)

// Progress hears how a run goes: a phase ("reading", "rendering") of total
// steps, then each step as it ends. Its methods may be called from several
// goroutines at once.
type Progress interface {
	Phase(name string, total int)
	Step(what string)
}

// noProgress is the Progress of a run nobody watches.
type noProgress struct{}

func (noProgress) Phase(string, int) {}
func (noProgress) Step(string)       {}

// Options say what one run writes.
type Options struct {
	// Period to report; nil is the newest whole month in the data (the
	// newest whole week with config cadence: week).
	Period *repcard.Period
	// Reps, when not empty, limits the PDFs to these reps (matched as the
	// report matches names) and leaves out the team and manager summaries;
	// the team's figures still come from all data.
	Reps []string
	// SelfReview also writes each rep's self-review edition.
	SelfReview bool
	// Workers is how many PDFs render at once; 0 is one per CPU. The
	// output is the same for any number.
	Workers int
	// Progress hears the run's phases and steps; nil is silent.
	Progress Progress
	// NoWait: when another repcard is writing into the out folder, fail
	// with a *LockedError rather than wait for it.
	NoWait bool
	// Waiting hears, once, that another repcard is writing into the out
	// folder and that this run waits for it.
	Waiting func(*LockedError)
}

// Result is what a run wrote.
type Result struct {
	Report  *report.Report
	Batch   *reader.Batch
	Dir     string    // out/<period>
	PDFs    int       // PDFs written
	Written int       // files written: metrics.json, team.xlsx, the PDFs, data-issues.csv
	Started time.Time // when the run began to read

	// Also lists the other periods in out whose reports Watch wrote again
	// with this one, because their numbers changed.
	Also []string

	// RepsNotFound are the names of Options.Reps that no rep of the report
	// has; the others' reports were written.
	RepsNotFound []RepNotFound

	filtered bool // Options.Reps: only those reps' PDFs, no summaries
}

// IssuesPath is the run's data-issues.csv.
func (r *Result) IssuesPath() string { return filepath.Join(r.Dir, "data-issues.csv") }

// Pipeline runs batches with one config. New prepares what every run needs
// (templates, fonts), so a mistake there stops the first run before it
// reads or writes anything.
type Pipeline struct {
	cfg *config.Config
	rd  *renderer
}

// New returns a Pipeline for cfg, or a *SetupError.
func New(cfg *config.Config) (*Pipeline, error) {
	rd, err := newRenderer(cfg)
	if err != nil {
		return nil, &SetupError{err}
	}
	return &Pipeline{cfg: cfg, rd: rd}, nil
}

// Run reads cfg's inbox and writes the reports of one period into cfg's
// out folder: New, then Pipeline.Run.
func Run(ctx context.Context, cfg *config.Config, opts Options) (*Result, error) {
	p, err := New(cfg)
	if err != nil {
		return nil, err
	}
	return p.Run(ctx, opts)
}

// Run reads the inbox, builds the report of opts.Period and writes it.
func (p *Pipeline) Run(ctx context.Context, opts Options) (*Result, error) {
	prog := progressOf(opts.Progress)
	in, err := p.readPeriod(ctx, opts.Period, p.weeks(opts.Period, false), prog)
	if err != nil {
		return nil, err
	}
	res, err := p.assemble(in, in.period, true, opts.Reps)
	if err != nil {
		return nil, err
	}
	lk, err := p.lock(ctx, res.Dir, opts)
	if err != nil {
		return nil, err
	}
	defer lk.Unlock()
	return res, p.write(ctx, res, opts.SelfReview, opts.Workers, prog)
}

// lock takes the lock of the out folder, one writer at a time, to write
// dir: it waits for another repcard's run or watch to end, or with
// opts.NoWait returns a *LockedError.
func (p *Pipeline) lock(ctx context.Context, dir string, opts Options) (*output.Lock, error) {
	waiting := func(e *LockedError) {
		if opts.Waiting != nil {
			opts.Waiting(e)
		}
	}
	if opts.NoWait {
		waiting = nil
	}
	return output.LockDir(ctx, p.cfg.Out, dir, waiting)
}

// inbox is the inbox as read: folded into a report Builder, with the
// account of every file, the period to report and when reading began.
type inbox struct {
	b       *report.Builder
	batch   *reader.Batch
	period  repcard.Period
	started time.Time
}

// readPeriod reads the inbox and settles the period: period, or the
// default period of what the inbox holds.
func (p *Pipeline) readPeriod(ctx context.Context, period *repcard.Period, weeks bool, prog Progress) (*inbox, error) {
	in := &inbox{started: time.Now()}
	var err error
	if in.b, in.batch, err = p.read(ctx, weeks, prog); err != nil {
		return nil, err
	}
	if in.period, err = p.choosePeriod(in.b, period); err != nil {
		return nil, err
	}
	return in, nil
}

func progressOf(p Progress) Progress {
	if p == nil {
		return noProgress{}
	}
	return p
}

// weeks reports whether a run may build a week report, so that its Builder
// must count by day (report.Builder.TrackWeeks): a week period, config
// cadence: week, or, for watch (all), a week report in out to keep current.
func (p *Pipeline) weeks(period *repcard.Period, all bool) bool {
	if period != nil && period.Kind == repcard.PeriodWeek || p.cfg.Cadence == "week" {
		return true
	}
	if all {
		for _, q := range reportedPeriods(p.cfg.Out) {
			if q.Kind == repcard.PeriodWeek {
				return true
			}
		}
	}
	return false
}

// read reads the inbox into a report Builder; weeks: one that can build
// week reports too.
func (p *Pipeline) read(ctx context.Context, weeks bool, prog Progress) (*report.Builder, *reader.Batch, error) {
	b := report.NewBuilder(p.cfg)
	if weeks {
		b.TrackWeeks()
	}
	add, wait := reader.Async(b.Add) // fold on one core while the reader parses on another
	batch, err := reader.ReadInbox(ctx, p.cfg.Inbox, p.cfg, add, reader.WithProgress(
		func(n int) { prog.Phase("reading", n) },
		func(file string) { prog.Step(file) }))
	wait()
	if err != nil {
		return nil, nil, err
	}
	b.SetCurrency(batch.Currency) // settled from the data when config has none
	return b, batch, nil
}

// choosePeriod is period, or the default period of what b holds.
func (p *Pipeline) choosePeriod(b *report.Builder, period *repcard.Period) (repcard.Period, error) {
	d, ok := b.DefaultPeriod()
	if p.cfg.Cadence == "week" {
		d, ok = b.DefaultWeek()
	}
	if !ok {
		return d, &NothingError{Msg: fmt.Sprintf("no dated rows in %s, so there is no period to report (run 'repcard check' to see what was found)", p.cfg.Inbox)}
	}
	if period == nil {
		return d, nil
	}
	// A period all after or all before the data is no report of zeros.
	if first, last, _ := b.DataSpan(); period.Start() > last || period.End() < first {
		return *period, &NothingError{Msg: fmt.Sprintf("no data in %s: the inbox's rows run from %s to %s (run without -period for the newest whole month)", period.Label(), first, last)}
	}
	return *period, nil
}

// assemble computes the report of period from what in holds, keeping only
// the reps named in only (all when empty). final is for the last report made
// from in (Builder.Finish), which must come after the others.
func (p *Pipeline) assemble(in *inbox, period repcard.Period, final bool, only []string) (*Result, error) {
	b, batch := in.b, in.batch
	var rep *report.Report
	switch {
	case period.Kind == repcard.PeriodWeek:
		rep = b.BuildWeek(period)
	case final:
		rep = b.Finish(period)
	default:
		rep = b.Build(period)
	}
	rep.Inputs = batch.Inputs
	names := make([]string, len(rep.Reps))
	for i, r := range rep.Reps {
		names[i] = r.Rep
	}
	for i, s := range output.Slugs(names) {
		rep.Reps[i].Slug = s
	}
	var missing []RepNotFound
	if len(only) > 0 {
		missing = repsNotFound(rep, only)
		rep = rep.Only(only)
		if len(rep.Reps) == 0 {
			return nil, &NothingError{Msg: fmt.Sprintf("no rep named %s in the data", strings.Join(only, " or ")), Reps: missing}
		}
	}
	return &Result{
		Report:   rep,
		Batch:    batch,
		Dir:      filepath.Join(p.cfg.Out, period.Label()),
		Started:  in.started,
		filtered: len(only) > 0,

		RepsNotFound: missing,
	}, nil
}

// Check reads cfg's inbox and says what each file and sheet is and where
// its rows went, without building or writing anything.
func Check(ctx context.Context, cfg *config.Config) (*reader.Batch, error) {
	return reader.ReadInbox(ctx, cfg.Inbox, cfg, func(*repcard.Record) {})
}

// RepNotFound is a name asked for (Options.Reps) that no rep of the report
// has, and the report's rep name nearest to it ("" when none is near).
type RepNotFound struct{ Name, Nearest string }

// repsNotFound lists the names of only that no rep of rpt has, as
// Report.Only matches them, each with the nearest rep name.
func repsNotFound(rpt *report.Report, only []string) []RepNotFound {
	var out []RepNotFound
	for _, n := range only {
		if _, ok := rpt.RepNamed(n); !ok {
			out = append(out, RepNotFound{Name: n, Nearest: rpt.NearestRep(n)})
		}
	}
	return out
}
