package pipeline

import (
	"cmp"
	"context"
	"errors"
	"maps"
	"time"
)

// WatchOptions say how Watch watches.
type WatchOptions struct {
	// Options of each rebuild (Period, Workers, SelfReview, Progress).
	Options
	// Settle is how long the inbox must stay unchanged before it is read,
	// so that a file still being copied is not read half-written.
	Settle time.Duration
	// Poll is how often the inbox is scanned, besides the file events.
	Poll time.Duration
	// Rebuilt hears each rebuild as it ends: its result, or why it failed.
	Rebuilt func(Rebuild)
	// NoEvents hears why the system's file events are not available; the
	// inbox is then scanned every Poll.
	NoEvents func(err error)
	// RetryMin and RetryMax bound the wait before a failed rebuild is
	// tried again: RetryMin after the first failure, twice as long after
	// each next one, at most RetryMax. Zero is 1 s and 1 min.
	RetryMin, RetryMax time.Duration
}

// Rebuild is the end of one rebuild in Watch.
type Rebuild struct {
	Result *Result // nil when Err is set
	Err    error
	Took   time.Duration
	// RetryIn, after a failure, is when the rebuild is tried again (0: not
	// until the inputs change, as when there is nothing to report).
	RetryIn time.Duration
	// Failed, after a success, is how many rebuilds failed before it.
	Failed int
}

// Watch writes the reports (RunAll) once, then again whenever the inbox's
// input files change and have settled, until ctx is done; it returns nil
// then. A failed rebuild (disk full, a write that another process's lock
// held up with NoWait) is reported through opts.Rebuilt and tried again
// with a growing wait until it succeeds; a change of the inputs rebuilds
// at once and starts the wait afresh. A rebuild that found nothing to
// report waits for the inputs to change.
func (p *Pipeline) Watch(ctx context.Context, opts WatchOptions) error {
	w := newInboxWatcher(p.cfg.Inbox, p.cfg.Out, opts.NoEvents)
	defer w.close()
	retryMin, retryMax := cmp.Or(opts.RetryMin, time.Second), cmp.Or(opts.RetryMax, time.Minute)
	retry := time.NewTimer(time.Hour)
	retry.Stop()
	defer retry.Stop()
	failed, delay := 0, time.Duration(0)
	rebuild := func(inputsChanged bool) {
		start := time.Now()
		res, err := p.RunAll(ctx, opts.Options)
		if ctx.Err() != nil {
			return
		}
		r := Rebuild{Result: res, Err: err, Took: time.Since(start)}
		var nothing *NothingError
		switch {
		case err == nil:
			r.Failed, failed, delay = failed, 0, 0
		case errors.As(err, &nothing):
			failed++
		default:
			failed++
			if inputsChanged || delay == 0 {
				delay = retryMin
			} else {
				delay = min(2*delay, retryMax)
			}
			r.RetryIn = delay
			retry.Reset(delay)
		}
		if opts.Rebuilt != nil {
			opts.Rebuilt(r)
		}
	}
	s := newSettler(w.snapshot(), opts.Settle)
	rebuild(true)
	tick := time.NewTicker(opts.Poll)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-w.events:
		case <-tick.C:
		case <-retry.C:
			if !s.changing(w.snapshot()) {
				rebuild(false)
				continue
			}
		}
		if s.observe(w.snapshot(), time.Now()) {
			retry.Stop()
			rebuild(true)
		}
	}
}

// settler decides when the inbox is worth reading again: when what it
// holds differs from what was last built and has not changed for settle.
type settler struct {
	settle  time.Duration
	built   map[string]fileStamp // the inbox as last built
	seen    map[string]fileStamp // the inbox as last scanned
	changed time.Time            // when seen last changed
}

func newSettler(built map[string]fileStamp, settle time.Duration) *settler {
	return &settler{settle: settle, built: built, seen: built}
}

// changing reports whether cur differs from what was last built: a
// rebuild of the inputs as they are now waits for them to settle.
func (s *settler) changing(cur map[string]fileStamp) bool {
	return !maps.Equal(cur, s.built)
}

// observe takes a scan of the inbox made at now and reports whether to
// rebuild; it then takes cur as built.
func (s *settler) observe(cur map[string]fileStamp, now time.Time) bool {
	if !maps.Equal(cur, s.seen) {
		s.seen, s.changed = cur, now
		return false
	}
	if maps.Equal(cur, s.built) || now.Sub(s.changed) < s.settle {
		return false
	}
	s.built = cur
	return true
}
