package main

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

// renderer is everything that turns a report into PDFs, prepared once per
// run before anything is written: a template error or a bad font stops the
// run here, with nothing half-done.
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
// the repository, or after init); the rules fire at the config's alert
// thresholds.
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
	th := set.Thresholds()
	th.RatioWorsePct, th.ContactsDownPct = cfg.Alerts.RatioWorsePct, cfg.Alerts.ContactsDownPct
	return set.WithThresholds(th), nil
}

// document is one PDF to write.
type document struct {
	path   string
	render func(w io.Writer) error
}

// documents lists the PDFs of a run, in a fixed order: the team summary, the
// managers' summaries, then each rep's report and self-review, by slug.
func (rd *renderer) documents(r *result, selfReview, summaries bool) ([]document, error) {
	rpt := r.report
	var docs []document
	if summaries {
		docs = append(docs, document{filepath.Join(r.dir, "team.pdf"), func(w io.Writer) error { return rd.pdf.Team(w, rpt) }})
		names := make([]string, len(rpt.Managers))
		for i, m := range rpt.Managers {
			names[i] = m.Manager
		}
		for i, slug := range output.Slugs(names) {
			m := &rpt.Managers[i]
			docs = append(docs, document{filepath.Join(r.dir, "managers", slug+".pdf"), func(w io.Writer) error { return rd.pdf.Manager(w, rpt, m) }})
		}
	}
	for i := range rpt.Reps {
		rep := &rpt.Reps[i]
		paras, err := rd.coach.ForRep(rpt, rep, coachingParagraphs)
		if err != nil {
			return nil, fmt.Errorf("coaching text for %s: %w", rep.Rep, err)
		}
		text := make([]pdf.Paragraph, len(paras))
		for j, p := range paras {
			text[j] = pdf.Paragraph{Title: p.Title, Text: p.Text}
		}
		docs = append(docs, document{filepath.Join(r.dir, "reps", rep.Slug+".pdf"), func(w io.Writer) error { return rd.pdf.Rep(w, rpt, rep, text) }})
		if selfReview {
			docs = append(docs, document{filepath.Join(r.dir, "review", rep.Slug+".pdf"), func(w io.Writer) error { return rd.pdf.SelfReview(w, rpt, rep, text) }})
		}
	}
	return docs, nil
}

// writeAll renders and writes docs with n workers. Each file is written
// atomically, so a run stopped at any moment leaves every output whole. The
// error is the first in document order, so it does not depend on timing.
func writeAll(ctx context.Context, docs []document, n int, prog *progress) error {
	if n <= 0 {
		n = runtime.NumCPU()
	}
	errs := make([]error, len(docs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(n, max(len(docs), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				d := docs[i]
				errs[i] = output.WriteFile(d.path, d.render)
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
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
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
