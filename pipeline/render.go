package pipeline

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/coach"
	"github.com/repcard/repcard/config"
	"github.com/repcard/repcard/output"
	"github.com/repcard/repcard/pdf"
	"github.com/repcard/repcard/report"
)

// coachingParagraphs is how many coaching paragraphs a rep report prints.
const coachingParagraphs = 2

// renderer is everything that turns a report into PDFs, prepared once
// before anything is written: a template error or a bad font stops the run
// there, with nothing half-done.
type renderer struct {
	pdf   *pdf.Renderer
	coach *coach.Set
}

func newRenderer(cfg *config.Config) (*renderer, error) {
	set, err := loadCoaching(cfg)
	if err != nil {
		return nil, err
	}
	var font []byte
	if cfg.Font != "" {
		if font, err = os.ReadFile(cfg.Font); err != nil {
			return nil, fmt.Errorf("font: %w", err)
		}
	}
	r, err := pdf.New(pdf.Options{PageSize: cfg.PageSize, Currency: cfg.Currency, ExtraFont: font})
	if err != nil {
		return nil, err
	}
	return &renderer{pdf: r, coach: set}, nil
}

// loadCoaching loads the coaching templates: the config's folder when it
// exists, the built-in ones when the default folder does not (a run outside
// the repository, or after init). The rules read the report's alerts,
// which fire at the config's alert thresholds.
func loadCoaching(cfg *config.Config) (*coach.Set, error) {
	var set *coach.Set
	var err error
	switch fi, statErr := os.Stat(cfg.Templates); {
	case statErr == nil && fi.IsDir():
		set, err = coach.Load(cfg.Templates)
	case cfg.Templates == config.Default().Templates:
		set, err = coach.Default()
	default:
		return nil, fmt.Errorf("templates: folder %s not found (set templates: in config, or remove the line for the built-in coaching text)", cfg.Templates)
	}
	if err != nil {
		return nil, err
	}
	return set, nil
}

// document is one PDF to write.
type document struct {
	path   string
	render func(w io.Writer) error
}

// documents lists the PDFs of a run, in a fixed order: the team summary, the
// managers' summaries, then each rep's report and self-review, by slug.
// Every path is built from slugs (output.SafeJoin), so no name from a
// spreadsheet can point outside the period folder.
func (rd *renderer) documents(res *Result, selfReview, summaries bool) ([]document, error) {
	rpt := res.Report
	var docs []document
	add := func(render func(w io.Writer) error, elems ...string) error {
		path, err := output.SafeJoin(res.Dir, elems...)
		if err != nil {
			return err
		}
		docs = append(docs, document{path, render})
		return nil
	}
	week := pdf.IsWeek(rpt) // weekly cards (weekly.go)
	if summaries {
		team, manager := rd.pdf.Team, rd.pdf.Manager
		if week {
			team, manager = rd.pdf.WeeklyTeam, rd.pdf.WeeklyManager
		}
		if err := add(func(w io.Writer) error { return team(w, rpt) }, "team.pdf"); err != nil {
			return nil, err
		}
		names := make([]string, len(rpt.Managers))
		for i, m := range rpt.Managers {
			names[i] = m.Manager
		}
		for i, slug := range output.Slugs(names) {
			m := &rpt.Managers[i]
			if err := add(func(w io.Writer) error { return manager(w, rpt, m) }, "managers", slug+".pdf"); err != nil {
				return nil, err
			}
		}
	}
	for i := range rpt.Reps {
		rep := &rpt.Reps[i]
		if week && !weekHasData(rep) {
			continue
		}
		paras, err := rd.coach.ForRep(rpt, rep, coachingParagraphs)
		if err != nil {
			return nil, fmt.Errorf("coaching text for %s: %w", rep.Rep, err)
		}
		text := make([]pdf.Paragraph, len(paras))
		for j, p := range paras {
			text[j] = pdf.Paragraph{Title: p.Title, Text: p.Text, Rule: p.Rule}
		}
		if week {
			if err := add(func(w io.Writer) error { return rd.pdf.WeeklyRep(w, rpt, rep, text) }, "reps", rep.Slug+".pdf"); err != nil {
				return nil, err
			}
			continue
		}
		if err := add(func(w io.Writer) error { return rd.pdf.Rep(w, rpt, rep, text) }, "reps", rep.Slug+".pdf"); err != nil {
			return nil, err
		}
		if selfReview {
			if err := add(func(w io.Writer) error { return rd.pdf.SelfReview(w, rpt, rep, text) }, "review", rep.Slug+".pdf"); err != nil {
				return nil, err
			}
		}
	}
	return docs, nil
}

// weekHasData reports whether a week report's rep has a row in the week:
// only those reps get a weekly card (the team card lists them all).
func weekHasData(rep *report.Rep) bool {
	n := len(rep.Weekly)
	return n > 0 && rep.Weekly[n-1].Counts != nil
}

// writeAll renders and writes docs with n workers (0: one per CPU) and
// returns how many it wrote, each with write. The error is the first
// in document order, so it does not depend on timing.
func writeAll(ctx context.Context, docs []document, n int, prog Progress, write func(string, func(io.Writer) error) error) (int, error) {
	if n <= 0 {
		n = runtime.NumCPU()
	}
	errs := make([]error, len(docs))
	done := make([]bool, len(docs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(n, max(len(docs), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				d := docs[i]
				errs[i] = write(d.path, d.render)
				done[i] = errs[i] == nil
				prog.Step(filepath.Base(d.path))
			}
		}()
	}
feed:
	for i := range docs {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	written := 0
	for _, ok := range done {
		if ok {
			written++
		}
	}
	if err := ctx.Err(); err != nil {
		return written, err
	}
	for _, err := range errs {
		if err != nil {
			return written, err
		}
	}
	return written, nil
}

// glyphWarnings reports, once per character, text from the spreadsheets that
// no embedded font can print.
func (rd *renderer) glyphWarnings(rpt *report.Report) []repcard.Issue {
	seen := map[rune]string{}
	check := func(s string) {
		for _, c := range rd.pdf.Missing(s) {
			if _, ok := seen[c]; !ok {
				seen[c] = s
			}
		}
	}
	for i := range rpt.Reps {
		rep := &rpt.Reps[i]
		check(rep.Rep)
		check(rep.Manager)
		check(rep.Office)
		for _, f := range rep.FollowUpsDue {
			check(f.Prospect)
			check(f.Reason)
		}
		for _, s := range rep.StaleMaybes {
			check(s.Prospect)
		}
		for _, n := range rep.NearMisses {
			check(n.Prospect)
			check(n.Reason)
		}
		for _, l := range rep.Losses {
			check(l.Prospect)
			check(l.Reason)
		}
		for _, w := range rep.Wins {
			check(w.Prospect)
		}
		for _, lr := range rep.LossReasons {
			check(lr.Reason)
		}
	}
	runes := make([]rune, 0, len(seen))
	for c := range seen {
		runes = append(runes, c)
	}
	slices.Sort(runes)
	var out []repcard.Issue
	for _, c := range runes {
		out = append(out, repcard.Issue{
			File:   "(PDF fonts)",
			Raw:    seen[c],
			Kind:   repcard.IssueMissingGlyph,
			Detail: string(c),
		})
	}
	return out
}
