package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/config"
	"github.com/repcard/repcard/reader"
	"github.com/repcard/repcard/report"
)

// cmdWatch rebuilds the reports whenever the inbox changes: it waits until
// dropped files have stopped changing, ignores lock and temp files, and keeps
// going when a file is bad. Besides the period it watches, it rebuilds the
// reports out holds of other periods when their numbers change. SIGINT or
// SIGTERM stop it between writes (every output is written atomically, so
// nothing is left half-written).
func cmdWatch(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("watch", "[-config FILE] [-in DIR] [-out DIR]", "repcard watch -in ~/Dropbox/sales-exports", stderr)
	var o runOptions
	o.register(fs)
	fs.StringVar(&o.out, "out", "", "output `folder` (default: the config's out)")
	fs.StringVar(&o.period, "period", "", "`period` to rebuild (default: the newest whole month in the data)")
	settle := fs.Duration("settle", 2*time.Second, "how long a file must stay unchanged before it is read")
	poll := fs.Duration("poll", time.Second, "how often the inbox is scanned (catches changes that send no event)")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	cfg, ok := o.load(fs, stderr)
	if !ok {
		return exitUsage
	}
	if o.out != "" {
		cfg.Out = o.out
	}
	period, code := parsePeriodFlag(o.period, stderr)
	if code != 0 {
		return code
	}
	if fi, err := os.Stat(cfg.Inbox); err != nil || !fi.IsDir() {
		fmt.Fprintf(stderr, "repcard watch: inbox %s is not a folder\n", cfg.Inbox)
		return exitUsage
	}
	rd, err := newRenderer(cfg)
	if err != nil {
		fmt.Fprintf(stderr, "repcard watch: %v\n", err)
		return exitUsage
	}
	quiet := newProgress(stderr, true)
	rebuild := func() {
		start := time.Now()
		res, also, err := rebuildAll(ctx, cfg, period, rd, quiet)
		stamp := time.Now().Format("15:04:05")
		switch {
		case ctx.Err() != nil:
		case err != nil:
			fmt.Fprintf(stdout, "%s not rebuilt: %v\n", stamp, err)
		default:
			_, used, left, _ := res.batch.Totals()
			line := fmt.Sprintf("%s rebuilt %s: %s, %s, %s used", stamp, res.report.Period.Label,
				plural(len(res.report.Reps), "rep", "reps"), plural(res.pdfs, "PDF", "PDFs"), plural(used, "row", "rows"))
			if left > 0 || len(res.batch.Issues) > 0 {
				line += fmt.Sprintf(", %s left out (see %s)", plural(len(res.batch.Issues), "issue", "issues"), res.issuesPath())
			}
			line += fmt.Sprintf(" in %.1fs", time.Since(start).Seconds())
			if len(also) > 0 {
				line += fmt.Sprintf("; also %s, whose numbers changed", strings.Join(also, ", "))
			}
			fmt.Fprintln(stdout, line)
		}
	}

	w := newInboxWatcher(cfg.Inbox, stderr)
	defer w.close()
	fmt.Fprintf(stdout, "Watching %s (Ctrl-C to stop)\n", cfg.Inbox)
	built := w.snapshot()
	rebuild()
	seen, changed := built, time.Time{}
	tick := time.NewTicker(*poll)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			fmt.Fprintln(stdout, "Stopped.")
			return exitOK
		case <-w.events:
		case <-tick.C:
		}
		cur := w.snapshot()
		if !maps.Equal(cur, seen) {
			seen, changed = cur, time.Now()
			continue
		}
		if !maps.Equal(cur, built) && time.Since(changed) >= *settle {
			built = cur
			rebuild()
		}
	}
}

// rebuildAll reads the inbox once and writes the reports of period (nil:
// the default period), and those of every other period out already holds
// whose numbers the inbox now changes (a late September export dropped in
// November), listed in also.
func rebuildAll(ctx context.Context, cfg *config.Config, period *repcard.Period, rd *renderer, prog *progress) (res *result, also []string, err error) {
	started := time.Now()
	b, batch, err := readInbox(ctx, cfg, prog)
	if err != nil {
		return nil, nil, err
	}
	p, err := choosePeriod(b, cfg, period)
	if err != nil {
		return nil, nil, err
	}
	for _, q := range reportedPeriods(cfg.Out) {
		if q == p {
			continue
		}
		other, err := assemble(b, batch, cfg, q, false, nil, started)
		if err != nil {
			return nil, nil, err
		}
		if !numbersChanged(filepath.Join(other.dir, "metrics.json"), other.report) {
			continue
		}
		if err := other.write(ctx, rd, false, 0, prog); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", q.Label(), err)
		}
		also = append(also, q.Label())
	}
	res, err = assemble(b, batch, cfg, p, true, nil, started)
	if err == nil {
		err = res.write(ctx, rd, false, 0, prog)
	}
	return res, also, err
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

// fileStamp is what tells that a file changed.
type fileStamp struct {
	size int64
	mod  time.Time
}

// inboxWatcher wakes the watch loop on file events, when the system sends
// them; the loop also polls, so a folder whose events never arrive (network
// drives) is still watched.
type inboxWatcher struct {
	dir    string
	fsw    *fsnotify.Watcher
	events chan struct{}
	done   chan struct{}
}

func newInboxWatcher(dir string, stderr io.Writer) *inboxWatcher {
	w := &inboxWatcher{dir: dir, events: make(chan struct{}, 1), done: make(chan struct{})}
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		fmt.Fprintf(stderr, "repcard watch: no file events (%v); scanning the inbox instead\n", err)
		return w
	}
	w.fsw = fsw
	w.addTree(dir)
	go w.forward()
	return w
}

func (w *inboxWatcher) addTree(dir string) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			if p != dir && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			w.fsw.Add(p)
		}
		return nil
	})
}

func (w *inboxWatcher) forward() {
	for {
		select {
		case <-w.done:
			return
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			if ev.Has(fsnotify.Create) {
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
					w.addTree(ev.Name)
				}
			}
			select {
			case w.events <- struct{}{}:
			default:
			}
		case _, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
		}
	}
}

// snapshot stamps every input file under the inbox; lock and temp files are
// not input files, so they never trigger a rebuild.
func (w *inboxWatcher) snapshot() map[string]fileStamp {
	m := make(map[string]fileStamp)
	filepath.WalkDir(w.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if p != w.dir && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		if !reader.IsInputFile(d.Name()) {
			return nil
		}
		if fi, err := d.Info(); err == nil {
			m[p] = fileStamp{fi.Size(), fi.ModTime()}
		}
		return nil
	})
	return m
}

func (w *inboxWatcher) close() {
	close(w.done)
	if w.fsw != nil {
		w.fsw.Close()
	}
}
