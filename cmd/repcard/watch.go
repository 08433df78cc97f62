package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/repcard/repcard/reader"
)

// cmdWatch rebuilds the reports whenever the inbox changes: it waits until
// dropped files have stopped changing, ignores lock and temp files, and keeps
// going when a file is bad. SIGINT or SIGTERM stop it between writes (every
// output is written atomically, so nothing is left half-written).
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
		res, err := build(ctx, cfg, period, nil, quiet)
		if err == nil {
			err = res.write(ctx, rd, false, 0, quiet)
		}
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
			fmt.Fprintf(stdout, "%s in %.1fs\n", line, time.Since(start).Seconds())
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
