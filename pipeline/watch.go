package pipeline

import (
	"context"
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
}

// Rebuild is the end of one rebuild in Watch.
type Rebuild struct {
	Result *Result // nil when Err is set
	Err    error
	Took   time.Duration
}

// Watch writes the reports (RunAll) once, then again whenever the inbox's
// input files change and have settled, until ctx is done; it returns nil
// then. A failed rebuild is reported through opts.Rebuilt and the watch
// goes on.
func (p *Pipeline) Watch(ctx context.Context, opts WatchOptions) error {
	w := newInboxWatcher(p.cfg.Inbox, p.cfg.Out, opts.NoEvents)
	defer w.close()
	rebuild := func() {
		start := time.Now()
		res, err := p.RunAll(ctx, opts.Options)
		if ctx.Err() != nil || opts.Rebuilt == nil {
			return
		}
		opts.Rebuilt(Rebuild{Result: res, Err: err, Took: time.Since(start)})
	}
	s := newSettler(w.snapshot(), opts.Settle)
	rebuild()
	tick := time.NewTicker(opts.Poll)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-w.events:
		case <-tick.C:
		}
		if s.observe(w.snapshot(), time.Now()) {
			rebuild()
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
