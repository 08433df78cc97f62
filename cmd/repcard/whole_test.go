package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/repcard/repcard/pipeline"
	"github.com/repcard/repcard/reader"
	"github.com/repcard/repcard/report"
)

// stepsEnv set to 1 has the command run as a test child print a line on
// stderr for each step of its progress ("step"), so that a test can stop
// it at a chosen step.
const stepsEnv = "REPCARD_TEST_STEPS"

type stepLines struct{ pipeline.Progress }

var stepMu sync.Mutex

func (s stepLines) Step(what string) {
	s.Progress.Step(what)
	stepMu.Lock()
	fmt.Fprintln(os.Stderr, "step", what)
	stepMu.Unlock()
}

// examplesInbox is the repository's example inbox.
func examplesInbox(t *testing.T) string {
	t.Helper()
	inbox, err := filepath.Abs(filepath.Join("..", "..", "examples", "inbox"))
	if err != nil {
		t.Fatal(err)
	}
	return inbox
}

// sets are the two complete sets a period folder may hold in the kill
// tests: the old one (with -self-review, a document of a rep no longer in
// the data, and a delivery ledger) and the new one (without -self-review,
// the ledger carried over).
func oldAndNew(t *testing.T, dir, inbox string) (oldSet, newSet map[string][]byte) {
	t.Helper()
	newOut := filepath.Join(dir, "new")
	if r := runBinary(t, dir, "run", "-in", inbox, "-out", newOut, "-quiet"); r.code != exitOK {
		t.Fatalf("run: exit %d %s", r.code, r.stderr)
	}
	oldOut := filepath.Join(dir, "old")
	if r := runBinary(t, dir, "run", "-in", inbox, "-out", oldOut, "-self-review", "-quiet"); r.code != exitOK {
		t.Fatalf("run: exit %d %s", r.code, r.stderr)
	}
	writeFile(t, filepath.Join(oldOut, "2026-10", "reps", "gone.pdf"), "a rep no longer in the data")
	writeFile(t, filepath.Join(oldOut, "2026-10", "deliveries.csv"), "rep,sent\n")
	writeFile(t, filepath.Join(newOut, "2026-10", "deliveries.csv"), "rep,sent\n")
	return readTree(t, filepath.Join(oldOut, "2026-10")), readTree(t, filepath.Join(newOut, "2026-10"))
}

// putTree makes dir hold exactly files.
func putTree(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	for name, b := range files {
		writeFile(t, filepath.Join(dir, name), string(b))
	}
}

// TestRunKilled stops a run with SIGKILL or SIGTERM after a step chosen at
// random from the steps it prints (reading each file, rendering each PDF),
// never by the clock: the period folder must then hold, byte for byte,
// either the whole old set or the whole new one; and the next run leaves
// no staging folder or temp file behind.
func TestRunKilled(t *testing.T) {
	dir := t.TempDir()
	inbox := examplesInbox(t)
	oldSet, newSet := oldAndNew(t, dir, inbox)
	out := filepath.Join(dir, "out")
	period := filepath.Join(out, "2026-10")
	args := []string{"run", "-in", inbox, "-out", out, "-workers", "2"}

	// How many steps a whole run prints.
	putTree(t, period, oldSet)
	steps := len(runSteps(t, dir, args, -1, 0))
	if steps < 10 {
		t.Fatalf("a run printed %d steps", steps)
	}
	seed := time.Now().UnixNano()
	t.Logf("seed %d; %d steps", seed, steps)
	rnd := rand.New(rand.NewPCG(uint64(seed), 0))
	sawOld, sawNew := 0, 0
	for _, sig := range []syscall.Signal{syscall.SIGKILL, syscall.SIGTERM} {
		// The first step, the last, and random ones between.
		at := []int{1, steps}
		for range 4 {
			at = append(at, 1+rnd.IntN(steps))
		}
		for _, k := range at {
			putTree(t, period, oldSet)
			runSteps(t, dir, args, k, sig)
			got := readTree(t, period)
			switch {
			case maps.EqualFunc(got, oldSet, bytes.Equal):
				sawOld++
			case maps.EqualFunc(got, newSet, bytes.Equal):
				sawNew++
			default:
				t.Errorf("%v after step %d of %d: a mixed set: %v", sig, k, steps, slices.Sorted(maps.Keys(got)))
			}
		}
	}
	t.Logf("old set %d times, new set %d times", sawOld, sawNew)
	if r := runBinary(t, dir, args...); r.code != exitOK {
		t.Fatalf("run after kills: exit %d %s", r.code, r.stderr)
	}
	if got := readTree(t, period); !maps.EqualFunc(got, newSet, bytes.Equal) {
		t.Errorf("after a whole run: %v", slices.Sorted(maps.Keys(got)))
	}
	if n := countFiles(out, isTempName); n > 0 {
		t.Errorf("%d stray temp files after the next run", n)
	}
	if left, _ := filepath.Glob(filepath.Join(out, ".2026-10.*")); len(left) > 0 {
		t.Errorf("left after the next run: %v", left)
	}
}

// runSteps runs the binary with args, printing its steps, and sends it sig
// right after its k-th step (k < 0: never); it returns the steps seen.
func runSteps(t *testing.T, dir string, args []string, k int, sig syscall.Signal) []string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := repcardCmd(ctx, args...)
	cmd.Dir = dir
	cmd.Env = append(cmd.Env, stepsEnv+"=1")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var steps, other []string
	sc := bufio.NewScanner(stderr)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "step ") {
			other = append(other, line)
			continue
		}
		steps = append(steps, line)
		if len(steps) == k {
			cmd.Process.Signal(sig)
		}
	}
	err = cmd.Wait()
	if k < 0 && err != nil {
		t.Fatalf("run: %v %s", err, other)
	}
	if k > 0 && len(steps) < k {
		t.Fatalf("the run ended after %d steps, before step %d", len(steps), k)
	}
	var ee *exec.ExitError
	if k > 0 && sig == syscall.SIGTERM && errors.As(err, &ee) && ee.ExitCode() < 0 {
		t.Errorf("SIGTERM ended the run without its handler: %v", err)
	}
	return steps
}

// TestRunConcurrent starts two runs on one out folder at once, ten times:
// both end well — the second waits for the first, or with -no-wait says
// who is writing and exits 2 — and the folder holds one run's set.
func TestRunConcurrent(t *testing.T) {
	dir := smallInbox(t)
	inbox := filepath.Join(dir, "inbox")
	single := filepath.Join(dir, "single")
	if r := runBinary(t, dir, "run", "-in", inbox, "-out", single, "-quiet"); r.code != exitOK {
		t.Fatalf("run: exit %d %s", r.code, r.stderr)
	}
	want := readTree(t, filepath.Join(single, "2026-10"))
	out := filepath.Join(dir, "out")
	for i := range 10 {
		noWait := i%2 == 1
		var wg sync.WaitGroup
		res := make([]cmdResult, 2)
		for j := range 2 {
			args := []string{"run", "-in", inbox, "-out", out, "-quiet"}
			if noWait && j == 1 {
				args = append(args, "-no-wait")
			}
			wg.Go(func() { res[j] = runBinary(t, dir, args...) })
		}
		wg.Wait()
		for j, r := range res {
			locked := noWait && j == 1 && r.code == exitUsage && strings.Contains(r.stderr, "another repcard is writing "+filepath.Join(out, "2026-10")) // with its pid once the holder has written it
			if r.code != exitOK && !locked {
				t.Errorf("pair %d, run %d: exit %d %s", i, j, r.code, r.stderr)
			}
		}
		if got := readTree(t, filepath.Join(out, "2026-10")); !maps.EqualFunc(got, want, bytes.Equal) {
			t.Errorf("pair %d: set %v, want %v", i, slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)))
		}
	}
	if left, _ := filepath.Glob(filepath.Join(out, ".2026-10.*")); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}

// smallDisk mounts a tmpfs of size (as mount's size=, "1536k") at a new
// folder, unmounted when the test ends; it skips the test where it cannot
// mount (not root, no tmpfs).
func smallDisk(t *testing.T, size string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "disk")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("skipped: cannot mount a %s tmpfs to fill (%v: %s); needs root on Linux", size, err, bytes.TrimSpace(out))
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v %s", dir, err, out)
		}
	})
	return dir
}

// TestRunDiskFull: a run that fills the disk leaves the previous set as it
// was, and no staging folder.
func TestRunDiskFull(t *testing.T) {
	disk := smallDisk(t, "1536k")
	out := filepath.Join(disk, "out")
	small := filepath.Join(smallInbox(t), "inbox")
	if r := runBinary(t, disk, "run", "-in", small, "-out", out, "-quiet"); r.code != exitOK {
		t.Fatalf("small run: exit %d %s", r.code, r.stderr)
	}
	period := filepath.Join(out, "2026-10")
	want := readTree(t, period)
	r := runBinary(t, disk, "run", "-in", examplesInbox(t), "-out", out, "-self-review", "-quiet")
	if r.code != exitPartial || !strings.Contains(r.stderr, "no space left on device") || !strings.Contains(r.stderr, "nothing in "+period+" was changed") {
		t.Errorf("exit %d (want %d), stderr %q", r.code, exitPartial, r.stderr)
	}
	if got := readTree(t, period); !maps.EqualFunc(got, want, bytes.Equal) {
		t.Errorf("after a disk-full run: %v, want %v", slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)))
	}
	if left, _ := filepath.Glob(filepath.Join(out, ".2026-10.*")); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}

// TestUnreadableInbox runs the command as another user on an inbox that
// user may not read: it says so, rather than that there are no dated rows.
func TestUnreadableInbox(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("skipped: needs root, to run the command as a user who cannot read the inbox")
	}
	base, err := os.MkdirTemp("", "repcard-unreadable-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(base)
	if err := os.Chmod(base, 0o755); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(binary)
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(base, "repcard")
	if err := os.WriteFile(bin, b, 0o755); err != nil {
		t.Fatal(err)
	}
	inbox := filepath.Join(base, "inbox")
	writeFile(t, filepath.Join(inbox, "calls.csv"), "Rep,Date,Type\nJane Doe,2026-10-05,call\n")
	if err := os.Chmod(inbox, 0o700); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"run", "check"} {
		cmd := exec.Command(bin, name, "-in", inbox)
		cmd.Dir = base
		cmd.Env = append(os.Environ(), asChild)
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != exitUsage {
			t.Fatalf("%s: %v, want exit %d; stderr %s", name, err, exitUsage, stderr.String())
		}
		if want := "inbox " + inbox + " cannot be read (permission denied)"; !strings.Contains(stderr.String(), want) {
			t.Errorf("%s: stderr %q, want %q", name, stderr.String(), want)
		}
	}
}

// TestWatchRecoversDiskFull: watch's rebuild fails on a full disk, says so
// and when it tries again, and succeeds once space is freed.
func TestWatchRecoversDiskFull(t *testing.T) {
	disk := smallDisk(t, "1536k")
	filler := filepath.Join(disk, "filler")
	f, err := os.Create(filler)
	if err != nil {
		t.Fatal(err)
	}
	f.Write(make([]byte, 1536<<10)) // fills the disk: the error is expected
	f.Close()
	inbox := filepath.Join(smallInbox(t), "inbox")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := repcardCmd(ctx, "watch", "-in", inbox, "-out", filepath.Join(disk, "out"), "-settle", "50ms", "-poll", "20ms", "-retry", "50ms")
	cmd.Dir = disk
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Wait()
	defer cmd.Process.Signal(syscall.SIGTERM)
	next := watchLines(t, stdout)
	if l := next(); !strings.HasPrefix(l, "Watching ") {
		t.Fatalf("first line %q", l)
	}
	l := next()
	if !strings.Contains(l, "not rebuilt: write ") || !strings.Contains(l, "metrics.json: no space left on device (nothing in "+filepath.Join(disk, "out", "2026-10")+" was changed); trying again in 50ms") {
		t.Fatalf("on a full disk: %q", l)
	}
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	for {
		l = next()
		if !strings.Contains(l, "not rebuilt: ") {
			break
		}
	}
	if !strings.Contains(l, "rebuilt 2026-10: 2 reps, 4 PDFs") || !strings.Contains(l, "(recovered after ") {
		t.Errorf("after freeing space: %q", l)
	}
	if _, err := os.Stat(filepath.Join(disk, "out", "2026-10", "metrics.json")); err != nil {
		t.Error(err)
	}
}

// TestRebuiltLineRetry: watch's line says when a failed rebuild is tried
// again, and how many failed before a success.
func TestRebuiltLineRetry(t *testing.T) {
	at := time.Date(2026, 11, 2, 9, 12, 3, 0, time.UTC)
	res := &pipeline.Result{Report: &report.Report{Period: report.PeriodJSON{Label: "2026-10"}}, Batch: &reader.Batch{}, Dir: "out/2026-10"}
	for _, c := range []struct {
		r    pipeline.Rebuild
		want string
	}{
		{pipeline.Rebuild{Err: errors.New("disk full"), RetryIn: 2 * time.Second}, "09:12:03 not rebuilt: disk full; trying again in 2s"},
		{pipeline.Rebuild{Err: errors.New("no dated rows")}, "09:12:03 not rebuilt: no dated rows"},
		{pipeline.Rebuild{Result: res, Took: time.Second, Failed: 1}, "09:12:03 rebuilt 2026-10: 0 reps, 0 PDFs, 0 rows used in 1.0s (recovered after 1 failed rebuild)"},
		{pipeline.Rebuild{Result: res, Took: time.Second, Failed: 3}, "09:12:03 rebuilt 2026-10: 0 reps, 0 PDFs, 0 rows used in 1.0s (recovered after 3 failed rebuilds)"},
	} {
		if got := rebuiltLine(at, c.r); got != c.want {
			t.Errorf("got  %s\nwant %s", got, c.want)
		}
	}
}
