package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/repcard/repcard/config"
	"github.com/repcard/repcard/internal/fixture"
	"github.com/repcard/repcard/output"
	"github.com/repcard/repcard/pipeline"
)

// binary is the repcard command for the tests that need a process of its
// own: it is killed or signalled, or it must not take the test down when it
// crashes or eats memory (hostile inputs). It is this test binary, which
// runs as the command when asChild is set in its environment; the other
// tests call Main in-process.
var binary string

// The environment of a test binary run as the command: asChild makes it
// the command; with issuesEnv naming a file, it writes there the issues
// (with their kinds) of a run that wrote its outputs, as JSON.
const (
	asChild   = "REPCARD_TEST_AS_COMMAND=1"
	issuesEnv = "REPCARD_TEST_ISSUES"
)

func TestMain(m *testing.M) {
	if os.Getenv("REPCARD_TEST_AS_COMMAND") == "1" {
		if path := os.Getenv(issuesEnv); path != "" {
			ranHook = func(res *pipeline.Result) { writeIssues(path, res) }
		}
		if os.Getenv(stepsEnv) == "1" {
			progressHook = func(p pipeline.Progress) pipeline.Progress { return stepLines{p} }
		}
		os.Exit(command())
	}
	var err error
	if binary, err = os.Executable(); err != nil {
		panic(err)
	}
	os.Exit(m.Run())
}

// writeIssues writes the issues and warnings of res to path as JSON.
func writeIssues(path string, res *pipeline.Result) {
	b, err := json.Marshal(append(slices.Clip(res.Batch.Issues), res.Batch.Warnings...))
	if err == nil {
		err = os.WriteFile(path, b, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "test hook:", err)
		os.Exit(99)
	}
}

// repcardCmd returns a command that runs the binary as repcard with args.
func repcardCmd(ctx context.Context, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Env = append(os.Environ(), asChild)
	return cmd
}

type cmdResult struct {
	code           int
	stdout, stderr string
}

// runBinary runs the binary in dir with args, bounded in time.
func runBinary(t *testing.T, dir string, args ...string) cmdResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := repcardCmd(ctx, args...)
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

// writeFile and smallInbox: see internal/fixture.
var (
	writeFile  = fixture.WriteFile
	smallInbox = fixture.SmallInbox
)

func TestRunExitCodes(t *testing.T) {
	dir := smallInbox(t)
	inbox, out := filepath.Join(dir, "inbox"), filepath.Join(dir, "out")
	templates, err := filepath.Abs(filepath.Join("..", "..", "templates"))
	if err != nil {
		t.Fatal(err)
	}
	noConfig := filepath.Join(dir, "config.yaml") // the defaults, without the repository's config
	writeFile(t, noConfig, fmt.Sprintf("templates: %q\n", templates))
	broken := filepath.Join(dir, "broken.yaml")
	writeFile(t, broken, "templates: "+filepath.Join(dir, "nowhere")+"\n")
	empty := filepath.Join(dir, "empty")
	os.Mkdir(empty, 0o755)
	badRow := smallInbox(t)
	writeFile(t, filepath.Join(badRow, "inbox", "bad.csv"), "Rep,Date,Type\n,2026-10-05,call\n")
	blocked := smallInbox(t)
	lk, err := output.LockDir(context.Background(), filepath.Join(blocked, "out"), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer lk.Unlock()

	for _, c := range []struct {
		name   string
		args   []string
		code   int
		stdout string // words the output must have
		stderr string
	}{
		{"good inbox", []string{"run", "-config", noConfig, "-in", inbox, "-out", out}, exitOK, "2 reps", ""},
		{"a row left out", []string{"run", "-config", noConfig, "-in", filepath.Join(badRow, "inbox"), "-out", filepath.Join(badRow, "out")}, exitLeftOut, "1 row left out", "data-issues.csv"},
		{"bad period", []string{"run", "-period", "2026-13"}, exitUsage, "", "-period"},
		{"bad flag", []string{"run", "-nope"}, exitUsage, "", "-nope"},
		{"missing templates", []string{"run", "-config", broken, "-in", inbox, "-out", out}, exitUsage, "", "nowhere"},
		{"empty inbox", []string{"run", "-config", noConfig, "-in", empty, "-out", out}, exitNothing, "", "is empty; copy"},
		{"no such rep", []string{"run", "-config", noConfig, "-in", inbox, "-out", out, "-rep", "Nobody"}, exitNothing, "", "Nobody"},
		{"misspelt flag", []string{"run", "-perod", "2026-10"}, exitUsage, "", "unknown flag -perod (did you mean -period?)"},
		{"misspelt flag, one line", []string{"check", "-jsn"}, exitUsage, "", "run 'repcard check -h' for all flags"},
		{"rep without accents", []string{"run", "-config", noConfig, "-in", inbox, "-out", out, "-rep", "ZOE  bronte"}, exitOK, "1 rep", ""},
		{"rep misspelt", []string{"run", "-config", noConfig, "-in", inbox, "-out", out, "-rep", "Zoe Bronta"}, exitNothing, "", "did you mean Zoë Brontë?"},
		{"one rep of two missing", []string{"run", "-config", noConfig, "-in", inbox, "-out", out, "-rep", "Jane Doe", "-rep", "Nobody"}, exitLeftOut, "1 rep", "no rep named Nobody"},
		{"no such inbox", []string{"run", "-config", noConfig, "-in", filepath.Join(dir, "nowhere"), "-out", out}, exitUsage, "", "is not a folder"},
		{"check: no such inbox", []string{"check", "-config", noConfig, "-in", filepath.Join(dir, "nowhere")}, exitUsage, "", "is not a folder"},
		{"check: empty inbox", []string{"check", "-config", noConfig, "-in", empty}, exitNothing, "", "is empty; copy"},
		{"out folder locked, -no-wait", []string{"run", "-config", noConfig, "-in", filepath.Join(blocked, "inbox"), "-out", filepath.Join(blocked, "out"), "-no-wait"}, exitUsage, "",
			fmt.Sprintf("repcard run: another repcard is writing %s (pid %d)", filepath.Join(blocked, "out", "2026-10"), os.Getpid())},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := runMain(t, c.args...)
			if code != c.code || !strings.Contains(stdout, c.stdout) || !strings.Contains(stderr, c.stderr) {
				t.Errorf("exit %d (want %d)\nstdout %q (want %q)\nstderr %q (want %q)", code, c.code, stdout, c.stdout, stderr, c.stderr)
			}
		})
	}
	issues, _ := os.ReadFile(filepath.Join(badRow, "out", "2026-10", "data-issues.csv"))
	if !strings.Contains(string(issues), "bad.csv,,2,") {
		t.Errorf("data-issues.csv has no line for bad.csv row 2:\n%s", issues)
	}
}

// exitCode decides by what the error is.
func TestExitCode(t *testing.T) {
	for _, c := range []struct {
		err  error
		want int
	}{
		{&pipeline.SetupError{Err: errors.New("templates")}, exitUsage},
		{fmt.Errorf("run: %w", &pipeline.SetupError{Err: errors.New("font")}), exitUsage},
		{&pipeline.NothingError{Msg: "no dated rows"}, exitNothing},
		{&pipeline.WriteError{Written: 0, Err: errors.New("disk full")}, exitNothing},
		{&pipeline.WriteError{Written: 1, Err: errors.New("disk full")}, exitPartial},
		{fmt.Errorf("2026-09: %w", &pipeline.WriteError{Written: 5, Err: context.Canceled}), exitPartial},
		{&pipeline.LockedError{Dir: "out/2026-10", PID: 4242}, exitUsage},
		{context.Canceled, exitNothing},
		{errors.New("inbox: permission denied"), exitNothing},
	} {
		if got := exitCode(c.err); got != c.want {
			t.Errorf("exitCode(%v) = %d, want %d", c.err, got, c.want)
		}
	}
}

func TestInit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "sales")
	code, stdout, stderr := runMain(t, "init", dir)
	if code != exitOK || !strings.Contains(stdout, "config.yaml") {
		t.Fatalf("exit %d %q %s", code, stdout, stderr)
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
	if _, err := os.Stat(filepath.Join(dir, "templates", "email.tmpl")); err != nil {
		t.Errorf("no editable e-mail template for send: %v", err)
	}
	before, _ := os.ReadFile(filepath.Join(dir, "config.yaml"))
	os.WriteFile(filepath.Join(dir, "config.yaml"), append(before, "# mine\n"...), 0o644)
	if code, _, stderr := runMain(t, "init", dir); code != exitUsage || !strings.Contains(stderr, "already exists") {
		t.Errorf("second init: exit %d %q", code, stderr)
	}
	after, _ := os.ReadFile(filepath.Join(dir, "config.yaml"))
	if !bytes.HasSuffix(after, []byte("# mine\n")) {
		t.Error("init overwrote an existing config")
	}
	// The starter config works as it is, from the folder init made.
	writeFile(t, filepath.Join(dir, "inbox", "a.csv"), "Rep,Date,Type\nJane,2026-10-01,call\nJane,2026-10-31,call\n")
	t.Chdir(dir)
	if code, stdout, stderr := runMain(t, "run", "-quiet"); code != exitOK {
		t.Errorf("run in the init folder: exit %d %s%s", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "2026-10", "metrics.json")); err != nil {
		t.Error(err)
	}
}

func TestVersion(t *testing.T) {
	code, stdout, _ := runMain(t, "version")
	if code != exitOK || !strings.HasPrefix(stdout, "repcard ") || !strings.Contains(stdout, "go1.") {
		t.Errorf("version: exit %d %q", code, stdout)
	}
}

// watch prints a line per rebuild and stops cleanly on SIGTERM. (What it
// rebuilds and when is tested in-process, in pipeline.)
func TestWatchSignal(t *testing.T) {
	dir := smallInbox(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := repcardCmd(ctx, "watch", "-in", "inbox", "-out", "out", "-settle", "50ms", "-poll", "20ms")
	cmd.Dir = dir
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	next := watchLines(t, stdout)
	if l := next(); l != "Watching inbox (Ctrl-C to stop)" {
		t.Errorf("first line %q", l)
	}
	if l := next(); !strings.Contains(l, "rebuilt 2026-10: 2 reps, 4 PDFs, 7 rows used in ") {
		t.Errorf("rebuild line %q", l)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	if l := next(); l != "Stopped." {
		t.Errorf("after SIGTERM: %q", l)
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("watch did not exit cleanly: %v", err)
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

func isTempName(d os.DirEntry) bool { return strings.Contains(d.Name(), ".tmp-") }

// countFiles counts the files under dir that match.
func countFiles(dir string, match func(os.DirEntry) bool) int {
	n := 0
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && match(d) {
			n++
		}
		return nil
	})
	return n
}

// watchLines reads watch's output a line at a time: each call of next
// returns the next line, and fails the test (with the lines so far) when
// watch ended first.
func watchLines(t *testing.T, stdout io.Reader) (next func() string) {
	sc := bufio.NewScanner(stdout)
	var lines []string
	return func() string {
		t.Helper()
		if !sc.Scan() {
			t.Fatalf("watch ended early; it printed %q", lines)
		}
		lines = append(lines, sc.Text())
		return sc.Text()
	}
}
