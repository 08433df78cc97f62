package pipeline

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/output"
)

// The settle rule on hand-made scans: a file still changing is not read; it
// is read once it has stayed the same for the settle time, and only once.
func TestSettler(t *testing.T) {
	t0 := time.Date(2026, 10, 31, 9, 0, 0, 0, time.UTC)
	at := func(ms int) time.Time { return t0.Add(time.Duration(ms) * time.Millisecond) }
	stamp := func(size int64) fileStamp { return fileStamp{size: size, mod: t0} }
	built := map[string]fileStamp{"a.csv": stamp(10)}
	growing := func(size int64) map[string]fileStamp {
		return map[string]fileStamp{"a.csv": stamp(10), "late.csv": stamp(size)}
	}
	steps := []struct {
		ms      int
		scan    map[string]fileStamp
		rebuild bool
	}{
		{0, built, false},          // nothing new
		{100, growing(14), false},  // late.csv appears
		{250, growing(40), false},  // still growing
		{400, growing(66), false},  // still growing
		{600, growing(66), false},  // unchanged for 200 ms < settle
		{701, growing(66), true},   // unchanged for 301 ms: read it
		{900, growing(66), false},  // built already
		{1000, built, false},       // late.csv removed: a change
		{1400, built, true},        // settled: the inbox as first built, but not as last built
		{1500, nil, false},         // everything removed
		{1499 + 300, nil, false},   // not yet settled
		{1500 + 300, nil, true},    // exactly the settle time
		{1500 + 301, nil, false},   // and only once
		{1900, growing(66), false}, //
		{1901, growing(66), false}, // 1 ms
		{2199, growing(66), false}, // 299 ms
		{2200, growing(66), true},  // 300 ms
		{2300, map[string]fileStamp{"a.csv": stamp(10), "late.csv": {size: 66, mod: t0.Add(time.Second)}}, false}, // touched: same size, new time
	}
	s := newSettler(built, 300*time.Millisecond)
	for _, st := range steps {
		if got := s.observe(st.scan, at(st.ms)); got != st.rebuild {
			t.Errorf("at %d ms with %d files: rebuild %v, want %v", st.ms, len(st.scan), got, st.rebuild)
		}
	}
}

// watcher runs Watch on dir for the rest of the test and returns a function
// that waits for its next rebuild.
func watcher(t *testing.T, dir string) func() Rebuild {
	t.Helper()
	p, err := New(testConfig(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	rebuilt := make(chan Rebuild, 10)
	done := make(chan error)
	go func() {
		done <- p.Watch(ctx, WatchOptions{
			Settle:  20 * time.Millisecond,
			Poll:    10 * time.Millisecond,
			Rebuilt: func(r Rebuild) { rebuilt <- r },
		})
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Watch: %v", err)
		}
	})
	return func() Rebuild {
		t.Helper()
		select {
		case r := <-rebuilt:
			return r
		case <-time.After(30 * time.Second):
			t.Fatal("no rebuild within 30 s")
			return Rebuild{}
		}
	}
}

// used is the rows a rebuild used.
func used(r Rebuild) int {
	if r.Result == nil {
		return -1
	}
	_, n, _, _ := r.Result.Batch.Totals()
	return n
}

// Files dropped into a watched inbox: each complete drop is read, a lock
// file triggers nothing, a corrupt file is reported and the watch goes on.
func TestWatch(t *testing.T) {
	dir := smallInbox(t)
	next := watcher(t, dir)
	if r := next(); r.Err != nil || used(r) != 7 { // 2 roster + 5 activities
		t.Fatalf("first build: %v, %d rows used", r.Err, used(r))
	}
	writeFile(t, filepath.Join(dir, "inbox", "~$activities.xlsx"), "lock")
	writeFile(t, filepath.Join(dir, "inbox", "late.csv"), "Rep,Date,Type\nJane Doe,2026-10-20,call\nJane Doe,2026-10-21,call\n")
	r := next()
	if r.Err != nil || used(r) != 9 {
		t.Errorf("after late.csv: %v, %d rows used; want 9", r.Err, used(r))
	}
	writeFile(t, filepath.Join(dir, "inbox", "broken.xlsx"), "PK\x03\x04 not really a zip")
	r = next()
	if r.Err != nil || !r.Result.Batch.LeftOut() || used(r) != 9 {
		t.Errorf("after broken.xlsx: %v, left out %v, %d rows used", r.Err, r.Result != nil && r.Result.Batch.LeftOut(), used(r))
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "2026-10", "metrics.json")); err != nil {
		t.Error(err)
	}
}

// Watch also rebuilds the reports out holds of another period when a file
// changes that period's numbers, and leaves them alone otherwise.
func TestWatchRebuildsOtherPeriods(t *testing.T) {
	dir := smallInbox(t)
	september := repcard.MonthPeriod(repcard.MonthOf(2026, 9))
	run(t, testConfig(t, dir), Options{Period: &september})
	path := filepath.Join(dir, "out", "2026-09", "metrics.json")
	if got := readMetrics(t, path).Team.Contacts; got != 1 {
		t.Fatalf("September contacts %d, want 1", got)
	}
	before, _ := os.ReadFile(path)
	next := watcher(t, dir)

	// The first build: September's numbers are what the inbox says.
	if r := next(); r.Err != nil || r.Result.Report.Period.Label != "2026-10" || len(r.Result.Also) != 0 {
		t.Errorf("first build: %v, also %v", r.Err, r.Result.Also)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
		t.Error("September's metrics.json was written again with the same numbers")
	}

	// October rows only: September stays as it is.
	writeFile(t, filepath.Join(dir, "inbox", "october.csv"), "Rep,Date,Type\nJane Doe,2026-10-20,call\n")
	if r := next(); r.Err != nil || len(r.Result.Also) != 0 {
		t.Errorf("October rows: %v, also %v", r.Err, r.Result.Also)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
		t.Error("September's metrics.json changed for an October file")
	}

	// A late September export: September is rebuilt too.
	writeFile(t, filepath.Join(dir, "inbox", "september-late.csv"), "Rep,Date,Type\nJane Doe,2026-09-20,call\nJane Doe,2026-09-21,call\n")
	if r := next(); r.Err != nil || strings.Join(r.Result.Also, ",") != "2026-09" {
		t.Errorf("late September export: %v, also %v", r.Err, r.Result.Also)
	}
	if got := readMetrics(t, path).Team.Contacts; got != 3 {
		t.Errorf("September contacts %d after the late export, want 3", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "2026-09", "reps", "jane-doe.pdf")); err != nil {
		t.Errorf("September's PDFs: %v", err)
	}
}

// A failed rebuild is tried again, waiting longer each time, until it
// succeeds; the success says how many failed before it.
func TestWatchRetries(t *testing.T) {
	dir := smallInbox(t)
	cfg := testConfig(t, dir)
	lk, err := output.LockDir(context.Background(), cfg.Out, cfg.Out, nil)
	if err != nil {
		t.Fatal(err)
	}
	p, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	rebuilt := make(chan Rebuild, 10)
	done := make(chan error)
	go func() {
		done <- p.Watch(ctx, WatchOptions{
			Options:  Options{NoWait: true},
			Settle:   20 * time.Millisecond,
			Poll:     10 * time.Millisecond,
			RetryMin: 5 * time.Millisecond,
			RetryMax: 20 * time.Millisecond,
			Rebuilt:  func(r Rebuild) { rebuilt <- r },
		})
	}()
	var waits []time.Duration
	for len(waits) < 4 {
		r := <-rebuilt
		var locked *LockedError
		if !errors.As(r.Err, &locked) {
			t.Fatalf("rebuild %d: %v, want a *LockedError", len(waits)+1, r.Err)
		}
		waits = append(waits, r.RetryIn)
	}
	ms := time.Millisecond
	if want := []time.Duration{5 * ms, 10 * ms, 20 * ms, 20 * ms}; !slices.Equal(waits, want) {
		t.Errorf("waits %v, want %v", waits, want)
	}
	lk.Unlock()
	for {
		r := <-rebuilt
		if r.Err == nil {
			if r.Failed < 4 {
				t.Errorf("recovered after %d failures, want at least 4", r.Failed)
			}
			break
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Error(err)
	}
	if _, err := os.Stat(filepath.Join(cfg.Out, "2026-10", "metrics.json")); err != nil {
		t.Error(err)
	}
}
