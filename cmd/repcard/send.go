package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/deliver"
	"github.com/repcard/repcard/output"
)

// sendBackoff is deliver's first wait after a temporary failure; tests
// shorten it.
var sendBackoff = 2 * time.Second

func cmdSend(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("send", "[-config FILE] [-out DIR] [-period P] [-dry-run] [-only-failed] [-to ADDRESS] [-rep NAME]…",
		"repcard send -dry-run   (then: repcard send -to me@example.com, then: repcard send)", stdout, stderr)
	var cf configFlags // no -in: send reads what run wrote
	fs.StringVar(&cf.config, "config", "", "read the config `FILE` (default: config.yaml in the current folder)")
	out := fs.String("out", "", "send what run wrote into `DIR`/<period>/ (default: the config's out)")
	period := fs.String("period", "", "send the period `P`, such as 2026-10 (default: the newest in the output folder)")
	dryRun := fs.Bool("dry-run", false, "write each message as a .eml file in out/<period>/outbox/ and send nothing")
	onlyFailed := fs.Bool("only-failed", false, "send again only the messages that failed, or were cut off by a stopped send")
	to := fs.String("to", "", "send every message to this `address` instead, for a trial (the ledger is not changed)")
	var reps stringList
	fs.Var(&reps, "rep", "send only the mail of the rep `NAME` (repeatable); no summaries")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	cfg, ok := cf.load(fs, stderr)
	if !ok {
		return exitUsage
	}
	if *out != "" {
		cfg.Out = *out
	}
	dir, code := periodDir(cfg.Out, *period, stderr)
	if code != 0 {
		return code
	}
	opts := deliver.Options{
		Dir: dir, Email: cfg.Email, Templates: cfg.Templates,
		DryRun: *dryRun, OnlyFailed: *onlyFailed, TrialTo: *to, Reps: reps, Backoff: sendBackoff,
		Progress: func(m *deliver.Message, r deliver.Row) {
			name := m.Name
			if m.Kind == deliver.KindTeam {
				name = "Team summary"
			}
			switch r.Status {
			case deliver.StatusFailed:
				fmt.Fprintf(stdout, "failed   %s <%s>: %s (%s)\n", name, r.Address, r.Text, plural(r.Attempts, "attempt", "attempts"))
			case deliver.StatusDryRun:
				fmt.Fprintf(stdout, "wrote    %s  %s <%s>\n", filepath.Join(dir, filepath.FromSlash(r.Text)), name, r.Address)
			default:
				fmt.Fprintf(stdout, "%-8s %s <%s>  %s\n", r.Status, name, r.Address, r.Documents)
			}
		},
	}
	if !*dryRun {
		pw, err := deliver.Password(cfg.Email)
		if err != nil {
			fmt.Fprintf(stderr, "repcard send: %v\n", err)
			return exitUsage
		}
		opts.Password = pw
	}
	// A run swaps the period folder in whole: the ledger is written under
	// the out folder's lock, so that no swap loses a row of it.
	waited := false
	opts.Lock = func() (func(), error) {
		lk, err := output.LockDir(ctx, cfg.Out, dir, func(e *output.LockedError) {
			if !waited {
				fmt.Fprintf(stderr, "repcard send: %v; waiting…\n", e)
				waited = true
			}
		})
		if err != nil {
			return nil, err
		}
		return func() { lk.Unlock() }, nil
	}
	sum, err := deliver.Send(ctx, opts)
	if sum != nil {
		for _, n := range sum.NoAddress {
			fmt.Fprintln(stderr, n)
		}
		if len(cfg.Email.TeamTo) == 0 && len(reps) == 0 && !*onlyFailed {
			fmt.Fprintln(stderr, "team.pdf is not sent: no addresses in email.team_to")
		}
		for _, n := range sum.Interrupted {
			fmt.Fprintf(stderr, "not sent again: %s was being sent when a send stopped and may have arrived; 'repcard send -only-failed' sends it\n", n)
		}
		fmt.Fprintln(stdout, sendSummary(sum, *to))
	}
	var se *deliver.ServerError
	switch {
	case errors.As(err, &se):
		fmt.Fprintf(stderr, "repcard send: %v\n", se)
		if sum.Sent == 0 {
			return exitNothing
		}
		return exitLeftOut
	case err != nil:
		fmt.Fprintf(stderr, "repcard send: %v\n", err)
		if ctx.Err() != nil {
			fmt.Fprintln(stderr, "Stopped: deliveries.csv says what was sent; run send again to finish.")
			return exitPartial
		}
		return exitUsage
	case sum.Failed > 0 || len(sum.Interrupted) > 0:
		return exitLeftOut
	}
	return exitOK
}

// sendSummary is the last line: "498 sent, 2 failed (see deliveries.csv)".
func sendSummary(s *deliver.Summary, trialTo string) string {
	var line string
	switch {
	case s.Outbox != "":
		line = fmt.Sprintf("%s: %s written to %s, nothing sent", s.Period, plural(s.DryRun, "message", "messages"), s.Outbox)
	case trialTo != "":
		line = fmt.Sprintf("%s: %d sent to %s (a trial: deliveries.csv unchanged)", s.Period, s.Sent, trialTo)
	default:
		line = fmt.Sprintf("%s: %d sent", s.Period, s.Sent)
	}
	if s.Failed > 0 {
		line += fmt.Sprintf(", %d failed (see %s)", s.Failed, s.Ledger)
	}
	if s.Already > 0 {
		line += fmt.Sprintf(", %d already sent", s.Already)
	}
	if n := len(s.NoAddress); n > 0 {
		line += fmt.Sprintf(", %d with no e-mail address", n)
	}
	return line
}

// periodDir is out/<period>: the one named, or the newest period in out
// that has a metrics.json.
func periodDir(out, period string, stderr io.Writer) (string, int) {
	if period != "" {
		p, code := parsePeriodFlag(period, stderr)
		if code != 0 {
			return "", code
		}
		dir := filepath.Join(out, p.Label())
		if _, err := os.Stat(filepath.Join(dir, "metrics.json")); err != nil {
			fmt.Fprintf(stderr, "repcard send: no reports for %s in %s; run 'repcard run -period %s' first\n", p.Label(), out, p.Label())
			return "", exitNothing
		}
		return dir, 0
	}
	entries, _ := os.ReadDir(out)
	var best repcard.Period
	var bestTime time.Time
	found := false
	for _, e := range entries {
		p, err := repcard.ParsePeriod(e.Name())
		if err != nil || !e.IsDir() || p.Label() != e.Name() {
			continue
		}
		st, err := os.Stat(filepath.Join(out, e.Name(), "metrics.json"))
		if err != nil {
			continue
		}
		if !found || p.End() > best.End() || p.End() == best.End() && st.ModTime().After(bestTime) {
			best, bestTime, found = p, st.ModTime(), true
		}
	}
	if !found {
		fmt.Fprintf(stderr, "repcard send: no reports in %s to send; run 'repcard run' first\n", out)
		return "", exitNothing
	}
	return filepath.Join(out, best.Label()), 0
}
