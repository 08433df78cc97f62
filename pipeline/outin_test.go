package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// An out folder inside the inbox is never read: a second run reads what the
// first did, and the watcher's scan does not see the outputs.
func TestOutInsideInbox(t *testing.T) {
	dir := smallInbox(t)
	cfg := testConfig(t, dir)
	cfg.Out = filepath.Join(cfg.Inbox, "reports")
	first := run(t, cfg, Options{})
	issues1, err := os.ReadFile(first.IssuesPath())
	if err != nil {
		t.Fatal(err)
	}
	second := run(t, cfg, Options{})
	issues2, _ := os.ReadFile(second.IssuesPath())
	if !bytes.Equal(issues1, issues2) {
		t.Errorf("data-issues.csv changed on the second run:\n%s\nthen\n%s", issues1, issues2)
	}
	if len(second.Report.Inputs) != len(first.Report.Inputs) {
		t.Errorf("inputs %d, then %d", len(first.Report.Inputs), len(second.Report.Inputs))
	}
	for _, in := range second.Report.Inputs {
		if strings.HasPrefix(in.File, "reports/") {
			t.Errorf("read its own output %s", in.File)
		}
	}
	if second.Batch.OutFolder != "reports" {
		t.Errorf("OutFolder = %q, want reports", second.Batch.OutFolder)
	}
	w := newInboxWatcher(cfg.Inbox, cfg.Out, nil)
	defer w.close()
	for p := range w.snapshot() {
		if strings.HasPrefix(p, cfg.Out) {
			t.Errorf("watch scans %s", p)
		}
	}
}

// The inbox entries that are not files — links, pipes — are listed in
// data-issues.csv as notes, each with what it is.
func TestPassedOverListed(t *testing.T) {
	dir := smallInbox(t)
	cfg := testConfig(t, dir)
	if err := os.Symlink(filepath.Join(cfg.Inbox, "roster.csv"), filepath.Join(cfg.Inbox, "link.csv")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := syscall.Mkfifo(filepath.Join(cfg.Inbox, "pipe.csv"), 0o644); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(cfg.Inbox, ".hidden.csv"), "not listed")
	res := run(t, cfg, Options{})
	b, err := os.ReadFile(res.IssuesPath())
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	for _, want := range []string{
		"link.csv,,,,,note (nothing left out): passed over: symbolic link (not followed)\n",
		"pipe.csv,,,,,\"note (nothing left out): passed over: named pipe (fifo), not a file\"\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("data-issues.csv has no line %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, ".hidden.csv") {
		t.Errorf("a hidden file is listed:\n%s", text)
	}
}
