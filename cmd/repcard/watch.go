package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/repcard/repcard/pipeline"
)

// cmdWatch rebuilds the reports whenever the inbox changes (pipeline.Watch):
// it waits until dropped files have stopped changing, ignores lock and temp
// files, and keeps going when a file is bad. Besides the period it watches,
// it rebuilds the reports out holds of other periods when their numbers
// change. SIGINT or SIGTERM stop it between writes (every output is written
// atomically, so nothing is left half-written).
func cmdWatch(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("watch", "[-config FILE] [-in DIR] [-out DIR] [-period P] [-settle DURATION]\n                     [-poll DURATION] [-retry DURATION] [-no-wait]",
		"repcard watch -in ~/Dropbox/sales-exports", stdout, stderr)
	var bf batchFlags
	bf.register(fs, "rebuild")
	settle := fs.Duration("settle", 2*time.Second, "read a file once it has stayed unchanged for `DURATION`")
	poll := fs.Duration("poll", time.Second, "scan the inbox every `DURATION` (catches changes that send no event)")
	retry := fs.Duration("retry", time.Second, "wait `DURATION` before a failed rebuild is tried again; it doubles up to a minute")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	p, inbox, opts, ok := bf.setup(fs, stderr)
	if !ok {
		return exitUsage
	}
	if code := inboxCode(fs.Name(), inbox, true, stderr); code != 0 {
		return code
	}
	fmt.Fprintf(stdout, "Watching %s (Ctrl-C to stop)\n", inbox)
	p.Watch(ctx, pipeline.WatchOptions{
		Options:  opts,
		Settle:   *settle,
		Poll:     *poll,
		RetryMin: *retry,
		Rebuilt:  func(r pipeline.Rebuild) { fmt.Fprintln(stdout, rebuiltLine(time.Now(), r)) },
		NoEvents: func(err error) {
			fmt.Fprintf(stderr, "repcard watch: no file events (%v); scanning the inbox instead\n", err)
		},
	})
	fmt.Fprintln(stdout, "Stopped.")
	return exitOK
}

// rebuiltLine is watch's line for one rebuild, stamped at.
func rebuiltLine(at time.Time, r pipeline.Rebuild) string {
	stamp := at.Format("15:04:05")
	if r.Err != nil {
		line := fmt.Sprintf("%s not rebuilt: %v", stamp, r.Err)
		if r.RetryIn > 0 {
			line += fmt.Sprintf("; trying again in %s", r.RetryIn.Round(time.Millisecond))
		}
		return line
	}
	res := r.Result
	_, used, left, _ := res.Batch.Totals()
	line := fmt.Sprintf("%s rebuilt %s: %s, %s, %s used", stamp, res.Report.Period.Label,
		plural(len(res.Report.Reps), "rep", "reps"), plural(res.PDFs, "PDF", "PDFs"), plural(used, "row", "rows"))
	notRead := sheetsNotRead(res.Batch)
	switch {
	case left > 0 || len(res.Batch.Issues) > 0:
		line += fmt.Sprintf(", %s left out%s (see %s)", plural(len(res.Batch.Issues), "issue", "issues"), notRead, res.IssuesPath())
	case notRead != "":
		line += fmt.Sprintf("%s (see %s)", notRead, res.IssuesPath())
	}
	line += fmt.Sprintf(" in %.1fs", r.Took.Seconds())
	if len(res.Also) > 0 {
		line += fmt.Sprintf("; also %s, whose numbers changed", strings.Join(res.Also, ", "))
	}
	if r.Failed > 0 {
		line += fmt.Sprintf(" (recovered after %s)", plural(r.Failed, "failed rebuild", "failed rebuilds"))
	}
	return line
}
