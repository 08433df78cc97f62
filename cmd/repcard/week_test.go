package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// -period takes an ISO week in run and send; a week the year does not have
// is a usage error. smallInbox's 2026-W40 (28 September – 4 October) has
// Jane's no and win and Zoë's win.
func TestWeekPeriodFlag(t *testing.T) {
	dir := smallInbox(t)
	res := runBinary(t, dir, "run", "-in", "inbox", "-out", "out", "-period", "2026-W40", "-quiet")
	if res.code != exitOK || !strings.HasPrefix(res.stdout, "repcard: 2026-W40 · 2 reps") {
		t.Fatalf("run: exit %d\nstdout: %s\nstderr: %s", res.code, res.stdout, res.stderr)
	}
	b, err := os.ReadFile(filepath.Join(dir, "out", "2026-W40", "metrics.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Period struct{ Label, Start, End string }
		Team   struct {
			Contacts, Closings int
			Weekly             []json.RawMessage
		}
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if m.Period.Label != "2026-W40" || m.Period.Start != "2026-09-28" || m.Period.End != "2026-10-04" ||
		m.Team.Contacts != 3 || m.Team.Closings != 2 || len(m.Team.Weekly) != 12 {
		t.Errorf("metrics: %+v", m)
	}
	for _, f := range []string{"team.pdf", "reps/jane-doe.pdf", "reps/zoe-bronte.pdf"} {
		if _, err := os.Stat(filepath.Join(dir, "out", "2026-W40", f)); err != nil {
			t.Error(err)
		}
	}

	writeFile(t, filepath.Join(dir, "config.yaml"), "inbox: inbox\nout: out\n")
	res = runBinary(t, dir, "send", "-out", "out", "-period", "2026-W40", "-dry-run")
	if !strings.Contains(res.stdout, "2026-W40: ") {
		t.Errorf("send: exit %d\nstdout: %s\nstderr: %s", res.code, res.stdout, res.stderr)
	}

	res = runBinary(t, dir, "run", "-in", "inbox", "-out", "out", "-period", "2027-W53")
	if res.code != exitUsage || !strings.Contains(res.stderr, `-period: period "2027-W53": 2027 has weeks W01 to W52`) {
		t.Errorf("2027-W53: exit %d, stderr %q", res.code, res.stderr)
	}
}
