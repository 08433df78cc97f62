package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/report"
)

// RunAll reads the inbox once and writes the reports of opts.Period (nil:
// the default period), and those of every other period out already holds
// whose numbers the inbox now changes (a late September export dropped in
// November); those are listed in the result's Also. opts.Reps is not used:
// Watch keeps whole reports current.
func (p *Pipeline) RunAll(ctx context.Context, opts Options) (*Result, error) {
	prog := progressOf(opts.Progress)
	in, err := p.readPeriod(ctx, opts.Period, p.weeks(opts.Period, true), prog)
	if err != nil {
		return nil, err
	}
	lk, err := p.lock(ctx, filepath.Join(p.cfg.Out, in.period.Label()), opts)
	if err != nil {
		return nil, err
	}
	defer lk.Unlock()
	var also []string
	for _, q := range reportedPeriods(p.cfg.Out) {
		if q == in.period {
			continue
		}
		other, err := p.assemble(in, q, false, nil)
		if err != nil {
			return nil, err
		}
		if !numbersChanged(filepath.Join(other.Dir, "metrics.json"), other.Report) {
			continue
		}
		if err := p.write(ctx, other, opts.SelfReview, opts.Workers, prog); err != nil {
			return nil, fmt.Errorf("%s: %w", q.Label(), err)
		}
		also = append(also, q.Label())
	}
	res, err := p.assemble(in, in.period, true, nil)
	if err != nil {
		return nil, err
	}
	res.Also = also
	return res, p.write(ctx, res, opts.SelfReview, opts.Workers, prog)
}

// reportedPeriods lists the periods out holds reports of: the folders
// named as a period (2026-09, 2026-Q3, 2026) with a metrics.json, in name
// order.
func reportedPeriods(out string) []repcard.Period {
	entries, err := os.ReadDir(out)
	if err != nil {
		return nil
	}
	var ps []repcard.Period
	for _, e := range entries {
		p, err := repcard.ParsePeriod(e.Name())
		if err != nil || !e.IsDir() || p.Label() != e.Name() {
			continue
		}
		if _, err := os.Stat(filepath.Join(out, e.Name(), "metrics.json")); err == nil {
			ps = append(ps, p)
		}
	}
	return ps
}

// maxCompareBytes is the largest metrics.json numbersChanged reads; a
// larger one is taken as changed (its reports are written again).
const maxCompareBytes = 64 << 20

// numbersChanged reports whether rpt says anything the metrics.json at path
// does not, its list of inputs aside: that list names every file of the
// inbox, so it changes with any file, whichever period the file is about.
func numbersChanged(path string, rpt *report.Report) bool {
	if fi, err := os.Stat(path); err != nil || fi.Size() > maxCompareBytes {
		return true
	}
	old, err := os.ReadFile(path)
	if err != nil {
		return true
	}
	cur, err := rpt.JSON()
	if err != nil {
		return true
	}
	var a, b map[string]json.RawMessage
	if json.Unmarshal(old, &a) != nil || json.Unmarshal(cur, &b) != nil {
		return true
	}
	delete(a, "inputs")
	delete(b, "inputs")
	return !maps.EqualFunc(a, b, func(x, y json.RawMessage) bool { return bytes.Equal(x, y) })
}
