package pipeline

import (
	"bytes"
	"context"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/repcard/repcard/output"
)

// cancelAfter cancels a run when it has rendered n documents.
type cancelAfter struct {
	mu        sync.Mutex
	n         int
	rendering bool
	cancel    func()
}

func (c *cancelAfter) Phase(name string, _ int) {
	c.mu.Lock()
	c.rendering = name == "rendering"
	c.mu.Unlock()
}

func (c *cancelAfter) Step(string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.rendering {
		if c.n--; c.n == 0 {
			c.cancel()
		}
	}
}

// The period folder is replaced as a whole: a run stopped part-way leaves
// the previous set exactly; a finished run's set holds no document of the
// previous one it did not write (a rep gone, -self-review dropped), but
// keeps the files that are not outputs (deliveries.csv, outbox/).
func TestRunReplacesWholeSet(t *testing.T) {
	dir := t.TempDir()
	cfg := testConfig(t, dir)
	cfg.Inbox = filepath.Join("..", "examples", "inbox")
	period := filepath.Join(cfg.Out, "2026-10")
	first := run(t, cfg, Options{SelfReview: true})
	if first.Dir != period {
		t.Fatalf("Dir = %s, want %s", first.Dir, period)
	}
	extra := map[string]string{
		"reps/rep-no-longer-here.pdf": "stale",
		"deliveries.csv":              "rep,sent\n",
		"outbox/jane-doe.eml":         "mail",
	}
	for name, text := range extra {
		writeFile(t, filepath.Join(period, name), text)
	}
	before := readTree(t, period)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, err := Run(ctx, cfg, Options{Progress: &cancelAfter{n: 3, cancel: cancel}, Workers: 1})
	var write *WriteError
	if !errors.As(err, &write) || write.Written < 3 || write.Dir != period {
		t.Fatalf("err = %v, want a *WriteError for %s after 3 outputs", err, period)
	}
	if !strings.Contains(err.Error(), "nothing in "+period+" was changed") {
		t.Errorf("error %q does not say the folder is unchanged", err)
	}
	if got := readTree(t, period); !maps.EqualFunc(got, before, bytes.Equal) {
		t.Errorf("a stopped run changed the set: %v, want %v", slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(before)))
	}
	if left := hidden(t, cfg.Out); len(left) > 0 {
		t.Errorf("left in %s: %v", cfg.Out, left)
	}

	run(t, cfg, Options{})
	got := readTree(t, period)
	fresh := testConfig(t, t.TempDir())
	fresh.Inbox = cfg.Inbox
	want := readTree(t, run(t, fresh, Options{}).Dir)
	want["deliveries.csv"] = []byte(extra["deliveries.csv"])
	want["outbox/jane-doe.eml"] = []byte(extra["outbox/jane-doe.eml"])
	if !maps.EqualFunc(got, want, bytes.Equal) {
		t.Errorf("files after the run: %v, want %v", slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)))
	}
	if left := hidden(t, cfg.Out); len(left) > 0 {
		t.Errorf("left in %s: %v", cfg.Out, left)
	}
}

// A -rep run updates those reps' reports and keeps the rest of the set.
func TestRunRepKeepsOthers(t *testing.T) {
	cfg := testConfig(t, smallInbox(t))
	all := readTree(t, run(t, cfg, Options{}).Dir)
	writeFile(t, filepath.Join(cfg.Out, "2026-10", "reps", "jane-doe.pdf"), "old")
	got := readTree(t, run(t, cfg, Options{Reps: []string{"Jane Doe"}}).Dir)
	if !bytes.Equal(got["reps/jane-doe.pdf"], all["reps/jane-doe.pdf"]) {
		t.Error("reps/jane-doe.pdf not written again")
	}
	for _, name := range []string{"team.pdf", "reps/zoe-bronte.pdf", "managers/ana-ruiz.pdf"} {
		if !bytes.Equal(got[name], all[name]) {
			t.Errorf("%s lost or changed by a -rep run", name)
		}
	}
}

// A run that finds the out folder locked waits, or with NoWait says who
// holds it.
func TestRunLocked(t *testing.T) {
	cfg := testConfig(t, smallInbox(t))
	lk, err := output.LockDir(context.Background(), cfg.Out, cfg.Out, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Run(context.Background(), cfg, Options{NoWait: true})
	var locked *LockedError
	if !errors.As(err, &locked) || locked.PID != os.Getpid() || locked.Dir != filepath.Join(cfg.Out, "2026-10") {
		t.Fatalf("err = %#v, want a *LockedError naming pid %d", err, os.Getpid())
	}
	if _, err := os.Stat(filepath.Join(cfg.Out, "2026-10")); !os.IsNotExist(err) {
		t.Errorf("a locked-out run wrote: %v", err)
	}
	waited := make(chan *LockedError, 1)
	done := make(chan error, 1)
	go func() {
		_, err := Run(context.Background(), cfg, Options{Waiting: func(e *LockedError) { waited <- e }})
		done <- err
	}()
	e := <-waited // the run waits; the test lets it go
	if e.PID != os.Getpid() {
		t.Errorf("waiting for pid %d, want %d", e.PID, os.Getpid())
	}
	lk.Unlock()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(cfg.Out, "2026-10", "metrics.json")); err != nil {
		t.Error(err)
	}
}

// hidden lists what out holds besides the period folders and the lock file:
// staging folders and swap markers a run left behind.
func hidden(t *testing.T, out string) []string {
	t.Helper()
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	var left []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") && e.Name() != output.LockName {
			left = append(left, e.Name())
		}
	}
	return left
}
