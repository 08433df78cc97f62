package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/repcard/repcard/config"
)

// binary is the repcard command built once for the end-to-end tests.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "repcard-e2e-")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "repcard")
	out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput()
	if err != nil {
		os.Stderr.Write(out)
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type cmdResult struct {
	code           int
	stdout, stderr string
}

// repcard runs the binary in dir with args, bounded in time.
func runBinary(t *testing.T, dir string, args ...string) cmdResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Dir = dir
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	res := cmdResult{stdout: out.String(), stderr: errb.String()}
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		res.code = ee.ExitCode()
	case err != nil:
		t.Fatalf("repcard %v: %v", args, err)
	}
	return res
}

// smallInbox writes a roster and an activities file for two reps into a
// fresh folder and returns it.
func smallInbox(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "inbox", "roster.csv"), "Rep,Manager,Office\nJane Doe,Ana Ruiz,Berlin\nZoë Brontë,Ana Ruiz,Berlin\n")
	writeFile(t, filepath.Join(dir, "inbox", "activities.csv"), "Rep,Date,Type,Outcome,Amount\n"+
		"Jane Doe,2026-10-01,call,Not interested,\n"+
		"Jane Doe,2026-10-02,call,Won,1000\n"+
		"Zoë Brontë,2026-10-03,email,Won,500\n"+
		"Zoë Brontë,2026-09-03,email,,\n"+
		"Zoë Brontë,2026-10-31,email,,\n") // the newest date: October is the default period
	return dir
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readMetrics(t *testing.T, path string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestRunExitCodes(t *testing.T) {
	dir := smallInbox(t)
	if r := runBinary(t, dir, "run", "-in", "inbox", "-out", "out"); r.code != exitOK {
		t.Fatalf("good inbox: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	} else if !strings.Contains(r.stdout, "2026-10") || !strings.Contains(r.stdout, "2 reps") {
		t.Errorf("summary = %q", r.stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "2026-10", "metrics.json")); err != nil {
		t.Error(err)
	}
	writeFile(t, filepath.Join(dir, "inbox", "bad.csv"), "Rep,Date,Type\n,2026-10-05,call\n")
	if r := runBinary(t, dir, "run", "-in", "inbox", "-out", "out"); r.code != exitLeftOut || !strings.Contains(r.stderr, "data-issues.csv") {
		t.Errorf("bad row: exit %d, stderr %q", r.code, r.stderr)
	}
	issues, _ := os.ReadFile(filepath.Join(dir, "out", "2026-10", "data-issues.csv"))
	if !strings.Contains(string(issues), "bad.csv") || !strings.Contains(string(issues), "no rep") {
		t.Errorf("data-issues.csv:\n%s", issues)
	}
	if r := runBinary(t, dir, "run", "-period", "2026-13"); r.code != exitUsage {
		t.Errorf("bad period: exit %d", r.code)
	}
	if r := runBinary(t, dir, "run", "-nope"); r.code != exitUsage || !strings.Contains(r.stderr, "-nope") {
		t.Errorf("bad flag: exit %d %q", r.code, r.stderr)
	}
	empty := t.TempDir()
	os.Mkdir(filepath.Join(empty, "inbox"), 0o755)
	if r := runBinary(t, empty, "run", "-in", "inbox"); r.code != exitNothing || !strings.Contains(r.stderr, "no dated rows") {
		t.Errorf("empty inbox: exit %d %q", r.code, r.stderr)
	}
	if r := runBinary(t, dir, "run", "-in", "inbox", "-rep", "Nobody"); r.code != exitNothing {
		t.Errorf("unknown -rep: exit %d", r.code)
	}
}

func TestRunRepFilter(t *testing.T) {
	dir := smallInbox(t)
	r := runBinary(t, dir, "run", "-in", "inbox", "-out", "out", "-rep", "zoë brontë")
	if r.code != exitOK {
		t.Fatalf("exit %d %s", r.code, r.stderr)
	}
	m := readMetrics(t, filepath.Join(dir, "out", "2026-10", "metrics.json"))
	reps := m["reps"].([]any)
	if len(reps) != 1 || reps[0].(map[string]any)["rep"] != "Zoë Brontë" {
		t.Errorf("reps = %v", reps)
	}
	// Team figures still come from all data: 2 closings, 4 contacts in October.
	team := m["team"].(map[string]any)
	if team["closings"].(float64) != 2 || team["contacts"].(float64) != 4 {
		t.Errorf("team = closings %v contacts %v", team["closings"], team["contacts"])
	}
}

func TestRunTwiceIdentical(t *testing.T) {
	dir := smallInbox(t)
	var first map[string][]byte
	for i := 0; i < 2; i++ {
		os.RemoveAll(filepath.Join(dir, "out"))
		if r := runBinary(t, dir, "run", "-in", "inbox", "-out", "out"); r.code != exitOK {
			t.Fatalf("exit %d %s", r.code, r.stderr)
		}
		files := readTree(t, filepath.Join(dir, "out"))
		if first == nil {
			first = files
			continue
		}
		if len(files) != len(first) {
			t.Fatalf("%d files, then %d", len(first), len(files))
		}
		for name, b := range files {
			if !bytes.Equal(b, first[name]) {
				t.Errorf("%s differs between two runs", name)
			}
		}
	}
}

// readTree returns every file under dir by its relative path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, p)
		files[rel] = b
		return nil
	})
	return files
}

func TestInit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "sales")
	r := runBinary(t, t.TempDir(), "init", dir)
	if r.code != exitOK {
		t.Fatalf("exit %d %s", r.code, r.stderr)
	}
	cfg, err := config.Load(filepath.Join(dir, "config.yaml"))
	if err != nil {
		t.Fatalf("init's config does not load: %v", err)
	}
	if cfg.Inbox != "inbox" || cfg.Commission.Rate != 0.10 {
		t.Errorf("inbox %q rate %v", cfg.Inbox, cfg.Commission.Rate)
	}
	if fi, err := os.Stat(filepath.Join(dir, "inbox")); err != nil || !fi.IsDir() {
		t.Errorf("no inbox folder: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "templates", "coaching.tmpl")); err != nil {
		t.Errorf("no editable coaching templates: %v", err)
	}
	before, _ := os.ReadFile(filepath.Join(dir, "config.yaml"))
	os.WriteFile(filepath.Join(dir, "config.yaml"), append(before, "# mine\n"...), 0o644)
	if r := runBinary(t, t.TempDir(), "init", dir); r.code != exitUsage || !strings.Contains(r.stderr, "already exists") {
		t.Errorf("second init: exit %d %q", r.code, r.stderr)
	}
	after, _ := os.ReadFile(filepath.Join(dir, "config.yaml"))
	if !bytes.HasSuffix(after, []byte("# mine\n")) {
		t.Error("init overwrote an existing config")
	}
	// The starter config works as it is, from the folder init made.
	writeFile(t, filepath.Join(dir, "inbox", "a.csv"), "Rep,Date,Type\nJane,2026-10-01,call\n")
	if r := runBinary(t, dir, "run"); r.code != exitOK {
		t.Errorf("run in the init folder: exit %d %s", r.code, r.stderr)
	}
}

func TestVersion(t *testing.T) {
	r := runBinary(t, t.TempDir(), "version")
	if r.code != exitOK || !strings.HasPrefix(r.stdout, "repcard ") || !strings.Contains(r.stdout, "go1.") {
		t.Errorf("version: exit %d %q", r.code, r.stdout)
	}
}

// TestWatch drops files into a watched inbox: a file written slowly in
// chunks is read once complete, a lock file is ignored, a corrupt file is
// reported and the watch goes on, and SIGTERM stops it cleanly.
// startWatch starts repcard watch in dir on inbox/ into out/, with args,
// for the rest of the test. next waits for the next line of its output
// that contains want, failing after a bounded wait, and returns the lines
// it passed over in skipped.
func startWatch(t *testing.T, dir string, args ...string) (cmd *exec.Cmd, next func(want string) (line string, skipped []string)) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)
	cmd = exec.CommandContext(ctx, binary, append([]string{"watch", "-in", "inbox", "-out", "out"}, args...)...)
	cmd.Dir = dir
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		cmd.Wait()
	})
	lines := make(chan string, 100)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	next = func(want string) (line string, skipped []string) {
		t.Helper()
		timeout := time.After(20 * time.Second)
		for {
			select {
			case l, ok := <-lines:
				if !ok {
					t.Fatalf("watch ended waiting for %q (after %v)", want, skipped)
				}
				if strings.Contains(l, want) {
					return l, skipped
				}
				skipped = append(skipped, l)
			case <-timeout:
				t.Fatalf("no line with %q (got %v)", want, skipped)
			}
		}
	}
	return cmd, next
}

func TestWatch(t *testing.T) {
	dir := smallInbox(t)
	cmd, next := startWatch(t, dir, "-settle", "300ms", "-poll", "50ms")
	next("rebuilt") // the first build

	// A lock file alone triggers nothing; the slow file is read once, when
	// complete: the rebuild after it counts all 6 rows.
	writeFile(t, filepath.Join(dir, "inbox", "~$activities.xlsx"), "lock")
	f, err := os.Create(filepath.Join(dir, "inbox", "late.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, chunk := range []string{"Rep,Date,Type\n", "Jane Doe,2026-10-20,call\n", "Jane Doe,2026-10-21,call\n"} {
		f.WriteString(chunk)
		f.Sync()
		time.Sleep(150 * time.Millisecond) // shorter than -settle: still "changing"
	}
	f.Close()
	line, _ := next("rebuilt")
	if !strings.Contains(line, "9 rows used") { // 2 roster + 5 activities + 2 late
		t.Errorf("rebuild after the slow file: %q", line)
	}

	writeFile(t, filepath.Join(dir, "inbox", "broken.xlsx"), "PK\x03\x04 not really a zip")
	line, skipped := next("rebuilt")
	if !strings.Contains(line, "left out") {
		t.Errorf("corrupt file not reported: %q", line)
	}
	for _, l := range skipped {
		if strings.Contains(l, "rebuilt") {
			t.Errorf("extra rebuild: %q", l)
		}
	}

	cmd.Process.Signal(syscall.SIGTERM)
	next("Stopped")
	if err := cmd.Wait(); err != nil {
		t.Errorf("watch did not exit cleanly: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "2026-10", "metrics.json")); err != nil {
		t.Error(err)
	}
}

// exampleInbox copies the repository's example inbox into a fresh folder,
// as dir/inbox, and returns dir.
func exampleInbox(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join("..", "..", "examples", "inbox")
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, "inbox", e.Name()), string(b))
	}
	return dir
}

func TestRunWorkersIdentical(t *testing.T) {
	dir := exampleInbox(t)
	var trees []map[string][]byte
	for _, n := range []string{"1", "4"} {
		out := "out-" + n
		if r := runBinary(t, dir, "run", "-in", "inbox", "-out", out, "-workers", n, "-self-review"); r.code != exitOK {
			t.Fatalf("-workers %s: exit %d %s", n, r.code, r.stderr)
		}
		trees = append(trees, readTree(t, filepath.Join(dir, out)))
	}
	if len(trees[0]) < 20 {
		t.Fatalf("only %d files written", len(trees[0]))
	}
	for name, b := range trees[0] {
		if !bytes.Equal(b, trees[1][name]) {
			t.Errorf("%s differs between -workers 1 and -workers 4", name)
		}
	}
	if len(trees[0]) != len(trees[1]) {
		t.Errorf("%d files vs %d", len(trees[0]), len(trees[1]))
	}
}

// TestRunKilled kills a run with SIGKILL at several moments while it
// renders: the outputs of the previous run must stay whole (the same inputs
// give the same bytes, so every file must equal its earlier copy), and the
// next run must leave no temp file behind.
func TestRunKilled(t *testing.T) {
	dir := exampleInbox(t)
	args := []string{"run", "-in", "inbox", "-out", "out", "-self-review", "-workers", "2"}
	if r := runBinary(t, dir, args...); r.code != exitOK {
		t.Fatalf("first run: exit %d %s", r.code, r.stderr)
	}
	want := readTree(t, filepath.Join(dir, "out"))
	start := time.Now()
	runBinary(t, dir, args...)
	full := time.Since(start)
	killed := 0
	for i, frac := range []float64{0.05, 0.2, 0.4, 0.6, 0.8, 0.95} {
		cmd := exec.Command(binary, args...)
		cmd.Dir = dir
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(frac * float64(full)))
		if cmd.Process.Signal(syscall.SIGKILL) == nil {
			killed++
		}
		cmd.Wait()
		got := readTree(t, filepath.Join(dir, "out"))
		for name, b := range want {
			if g, ok := got[name]; !ok || !bytes.Equal(g, b) {
				t.Errorf("kill %d (%.0f%%): %s missing or changed (%d bytes, want %d)", i, frac*100, name, len(g), len(b))
			}
		}
	}
	if killed == 0 {
		t.Log("every run finished before it could be killed")
	}
	if r := runBinary(t, dir, args...); r.code != exitOK {
		t.Fatalf("run after kills: exit %d %s", r.code, r.stderr)
	}
	for name := range readTree(t, filepath.Join(dir, "out")) {
		if strings.Contains(filepath.Base(name), ".tmp-") {
			t.Errorf("stray temp file after the next run: %s", name)
		}
	}
}

func TestRunBrokenTemplate(t *testing.T) {
	dir := smallInbox(t)
	good, err := os.ReadFile(filepath.Join("..", "..", "templates", "coaching.tmpl"))
	if err != nil {
		t.Fatal(err)
	}
	// Line 3 of the team's copy has an {{if}} with no condition.
	broken := "{{/* ours */}}\n\n{{if}}{{end}}\n" + string(good)
	writeFile(t, filepath.Join(dir, "mytemplates", "coaching.tmpl"), broken)
	writeFile(t, filepath.Join(dir, "config.yaml"), "inbox: inbox\nout: out\ntemplates: mytemplates\n")
	r := runBinary(t, dir, "run")
	if r.code != exitUsage || !strings.Contains(r.stderr, "coaching.tmpl:3") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); !os.IsNotExist(err) {
		t.Errorf("outputs written despite the broken template: %v", err)
	}
	writeFile(t, filepath.Join(dir, "config.yaml"), "inbox: inbox\nout: out\ntemplates: nowhere\n")
	if r := runBinary(t, dir, "run"); r.code != exitUsage || !strings.Contains(r.stderr, "nowhere") {
		t.Errorf("missing templates folder: exit %d, %q", r.code, r.stderr)
	}
}

// Two exports of the same deals: the quarter's, taken at the end of
// September, sorts first; October's has D1 won. The October version counts
// (its newest decided deal is later), in metrics.json and in the inputs.
func TestRunDealExports(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "inbox", "roster.csv"), "Rep,Manager,Office\nJane Doe,Ana Ruiz,Berlin\n")
	const head = "Opportunity ID,Opportunity Owner,Account Name,Stage,Amount,Close Date\n"
	writeFile(t, filepath.Join(dir, "inbox", "2026-Q3 opportunities.csv"), head+
		"D1,Jane Doe,Acme,Proposal,2000,2026-10-15\n"+
		"D2,Jane Doe,Globex,Closed Won,1000,2026-09-20\n")
	writeFile(t, filepath.Join(dir, "inbox", "opportunities october.csv"), head+
		"D1,Jane Doe,Acme,Closed Won,2500,2026-10-10\n"+
		"D2,Jane Doe,Globex,Closed Won,1000,2026-09-20\n"+
		"D3,Jane Doe,Initech,Closed Lost,700,2026-10-31\n")
	if r := runBinary(t, dir, "run", "-in", "inbox", "-out", "out"); r.code != exitOK {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	} else if !strings.Contains(r.stdout, "4 rows used") || !strings.Contains(r.stdout, "2 duplicates") {
		t.Errorf("summary = %q", r.stdout)
	}
	m := readMetrics(t, filepath.Join(dir, "out", "2026-10", "metrics.json"))
	team := m["team"].(map[string]any)
	if team["closings"].(float64) != 1 {
		t.Errorf("October closings = %v, want 1 (D1, won in the newer export)", team["closings"])
	}
	want := map[string][2]float64{"2026-Q3 opportunities.csv": {0, 2}, "opportunities october.csv": {3, 0}}
	for _, in := range m["inputs"].([]any) {
		in := in.(map[string]any)
		if w, ok := want[in["file"].(string)]; ok {
			if got := [2]float64{in["used"].(float64), in["duplicates"].(float64)}; got != w {
				t.Errorf("%s: used, duplicates = %v, want %v", in["file"], got, w)
			}
			delete(want, in["file"].(string))
		}
	}
	if len(want) > 0 {
		t.Errorf("inputs missing: %v", want)
	}
}

// watch also rebuilds the reports out holds of another period, when a
// file changes that period's numbers, and leaves them alone otherwise.
func TestWatchRebuildsOtherPeriods(t *testing.T) {
	dir := smallInbox(t)
	if r := runBinary(t, dir, "run", "-in", "inbox", "-out", "out", "-period", "2026-09"); r.code != exitOK {
		t.Fatalf("run -period 2026-09: exit %d %s", r.code, r.stderr)
	}
	september := filepath.Join(dir, "out", "2026-09", "metrics.json")
	contacts := func() float64 {
		t.Helper()
		return readMetrics(t, september)["team"].(map[string]any)["contacts"].(float64)
	}
	if got := contacts(); got != 1 {
		t.Fatalf("September contacts %v, want 1", got)
	}
	before, _ := os.ReadFile(september)
	_, next := startWatch(t, dir, "-settle", "200ms", "-poll", "50ms")
	rebuilt := func() string {
		t.Helper()
		l, _ := next("rebuilt")
		return l
	}

	// The first build: September's numbers are what the inbox says.
	if l := rebuilt(); !strings.Contains(l, "rebuilt 2026-10") || strings.Contains(l, "also") {
		t.Errorf("first build: %q", l)
	}
	if after, _ := os.ReadFile(september); !bytes.Equal(after, before) {
		t.Error("September's metrics.json was written again with the same numbers")
	}

	// October rows only: September stays as it is.
	writeFile(t, filepath.Join(dir, "inbox", "october.csv"), "Rep,Date,Type\nJane Doe,2026-10-20,call\n")
	if l := rebuilt(); strings.Contains(l, "also") {
		t.Errorf("October rows rebuilt another period: %q", l)
	}
	if after, _ := os.ReadFile(september); !bytes.Equal(after, before) {
		t.Error("September's metrics.json changed for an October file")
	}

	// A late September export: September is rebuilt too.
	writeFile(t, filepath.Join(dir, "inbox", "september-late.csv"), "Rep,Date,Type\nJane Doe,2026-09-20,call\nJane Doe,2026-09-21,call\n")
	if l := rebuilt(); !strings.Contains(l, "also 2026-09, whose numbers changed") {
		t.Errorf("late September export: %q", l)
	}
	if got := contacts(); got != 3 {
		t.Errorf("September contacts %v after the late export, want 3", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "2026-09", "reps", "jane-doe.pdf")); err != nil {
		t.Errorf("September's PDFs: %v", err)
	}
}
