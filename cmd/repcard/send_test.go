package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/repcard/repcard/internal/fixture"
	"github.com/repcard/repcard/internal/smtptest"
)

// sendConfig writes a config.yaml in dir that sends to srv.
func sendConfig(t *testing.T, dir string, srv *smtptest.Server, extra string) string {
	t.Helper()
	path := filepath.Join(dir, "config.yaml")
	fixture.WriteFile(t, path, fmt.Sprintf(`email:
  server: %s
  security: none
  from: "Sales reports <reports@acme.example>"
  team_to: [head.of.sales@acme.example]
  rate_per_minute: 0
%s`, srv.Addr, extra))
	return path
}

// ledgerStatus reads deliveries.csv: recipient → status.
func ledgerStatus(t *testing.T, periodDir string) map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join(periodDir, "deliveries.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	st := map[string]string{}
	for _, r := range recs[1:] {
		st[r[1]] = r[7]
	}
	return st
}

// copies counts the accepted mails by first recipient.
func copies(srv *smtptest.Server) map[string]int {
	n := map[string]int{}
	for _, m := range srv.Mails() {
		n[m.To[0]]++
	}
	return n
}

func TestSendExitCodes(t *testing.T) {
	t.Run("550 for one rep", func(t *testing.T) {
		dir := t.TempDir()
		_, reps := fixture.PeriodOut(t, dir, 3)
		srv := smtptest.Start(t)
		srv.Script = func(rcpt string, n int) smtptest.Action {
			if rcpt == reps[0].Email {
				return smtptest.Action{Code: 550, Text: "no such mailbox"}
			}
			return smtptest.Action{}
		}
		res := runBinary(t, dir, "send", "-config", sendConfig(t, dir, srv, ""), "-out", "out")
		if res.code != exitLeftOut || !strings.Contains(res.stdout, "2026-10: 4 sent, 1 failed (see out/2026-10/deliveries.csv)") ||
			!strings.Contains(res.stdout, "failed   Rep 01 <rep01@acme.example>: 550 5.0.0 no such mailbox (1 attempt)") {
			t.Errorf("exit %d\nstdout: %s\nstderr: %s", res.code, res.stdout, res.stderr)
		}
		if got := len(srv.Mails()); got != 4 {
			t.Errorf("%d mails accepted, want 4", got)
		}
	})
	t.Run("login refused", func(t *testing.T) {
		dir := t.TempDir()
		fixture.PeriodOut(t, dir, 2)
		srv := smtptest.Start(t)
		srv.Users = map[string]string{"reports@acme.example": "right"}
		cfg := sendConfig(t, dir, srv, "  username: reports@acme.example\n  password_env: TEST_SMTP_PASSWORD\n")
		cmd := repcardCmd(t.Context(), "send", "-config", cfg, "-out", "out")
		cmd.Dir = dir
		cmd.Env = append(cmd.Env, "TEST_SMTP_PASSWORD=wrong")
		out, err := cmd.CombinedOutput()
		if cmd.ProcessState.ExitCode() != exitNothing || !strings.Contains(string(out), "refused the login: 535 5.7.8 Username and Password not accepted") {
			t.Errorf("exit %d (%v)\n%s", cmd.ProcessState.ExitCode(), err, out)
		}
		if len(srv.Mails()) != 0 {
			t.Errorf("%d mails accepted", len(srv.Mails()))
		}
	})
	t.Run("no password", func(t *testing.T) {
		dir := t.TempDir()
		fixture.PeriodOut(t, dir, 1)
		srv := smtptest.Start(t)
		cfg := sendConfig(t, dir, srv, "  username: reports@acme.example\n  password_env: REPCARD_TEST_UNSET_PASSWORD\n")
		res := runBinary(t, dir, "send", "-config", cfg, "-out", "out")
		if res.code != exitUsage || !strings.Contains(res.stderr, "set the variable REPCARD_TEST_UNSET_PASSWORD") {
			t.Errorf("exit %d\n%s", res.code, res.stderr)
		}
	})
	t.Run("no reports", func(t *testing.T) {
		dir := t.TempDir()
		srv := smtptest.Start(t)
		res := runBinary(t, dir, "send", "-config", sendConfig(t, dir, srv, ""), "-out", "out")
		if res.code != exitNothing || !strings.Contains(res.stderr, "no reports in out to send; run 'repcard run' first") {
			t.Errorf("exit %d\n%s", res.code, res.stderr)
		}
	})
}

// A send killed in the middle of 52 messages (50 reps, a manager, the
// team): the next send completes the rest, the message in flight is sent
// only with -only-failed, and nobody gets two copies.
func TestSendKilled(t *testing.T) {
	dir := t.TempDir()
	periodDir, reps := fixture.PeriodOut(t, dir, 50)
	srv := smtptest.Start(t)
	held, release := make(chan string, 1), make(chan struct{})
	var data atomic.Int32
	srv.Script = func(rcpt string, n int) smtptest.Action {
		if data.Add(1) == 20 {
			return smtptest.Action{Hold: held, Release: release}
		}
		return smtptest.Action{}
	}
	cfg := sendConfig(t, dir, srv, "")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := repcardCmd(ctx, "send", "-config", cfg, "-out", "out")
	cmd.Dir = dir
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var inFlight string
	select {
	case inFlight = <-held:
	case <-ctx.Done():
		t.Fatal("the send never reached its 20th message")
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	close(release)

	st := ledgerStatus(t, periodDir)
	sent, sending := 0, 0
	for _, s := range st {
		switch s {
		case "sent":
			sent++
		case "sending":
			sending++
		}
	}
	if sent != 19 || sending != 1 || len(srv.Mails()) != 19 {
		t.Fatalf("after the kill: %d sent, %d sending in the ledger, %d accepted; want 19, 1, 19", sent, sending, len(srv.Mails()))
	}

	res := runBinary(t, dir, "send", "-config", cfg, "-out", "out")
	if res.code != exitLeftOut || !strings.Contains(res.stdout, "2026-10: 32 sent, 19 already sent") ||
		!strings.Contains(res.stderr, "<"+inFlight+">") || !strings.Contains(res.stderr, "may have arrived; 'repcard send -only-failed' sends it") {
		t.Errorf("second send: exit %d\nstdout tail: %s\nstderr: %s", res.code, lastLine(res.stdout), res.stderr)
	}
	if n := copies(srv)[inFlight]; n != 0 {
		t.Errorf("the message in flight was sent again without -only-failed (%d copies)", n)
	}

	res = runBinary(t, dir, "send", "-config", cfg, "-out", "out", "-only-failed")
	if res.code != exitOK || !strings.Contains(res.stdout, "2026-10: 1 sent") {
		t.Errorf("-only-failed: exit %d\n%s\n%s", res.code, res.stdout, res.stderr)
	}
	res = runBinary(t, dir, "send", "-config", cfg, "-out", "out")
	if res.code != exitOK || !strings.Contains(res.stdout, "2026-10: 0 sent, 52 already sent") {
		t.Errorf("last send: exit %d\n%s\n%s", res.code, res.stdout, res.stderr)
	}
	got := copies(srv)
	want := []string{"head.of.sales@acme.example", "ana.ruiz@acme.example"}
	for _, r := range reps {
		want = append(want, r.Email)
	}
	for _, addr := range want {
		if got[addr] != 1 {
			t.Errorf("%s got %d copies, want 1", addr, got[addr])
		}
	}
	if len(got) != len(want) {
		t.Errorf("mail went to %d addresses, want %d", len(got), len(want))
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

// The examples inbox, run and sent as a dry run: one .eml per recipient
// with an address, each a MIME message with its PDFs attached.
func TestSendDryRunExamples(t *testing.T) {
	dir := t.TempDir()
	inbox, err := filepath.Abs(filepath.Join("..", "..", "examples", "inbox"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "config.yaml")
	fixture.WriteFile(t, cfg, "email:\n  team_to: [head.of.sales@acme.example]\n  cc_manager: true\n")
	if res := runBinary(t, dir, "run", "-config", cfg, "-in", inbox, "-out", "out", "-self-review", "-quiet"); res.code > exitLeftOut {
		t.Fatalf("run: exit %d\n%s", res.code, res.stderr)
	}
	res := runBinary(t, dir, "send", "-config", cfg, "-out", "out", "-dry-run")
	if res.code != exitOK || !strings.Contains(res.stdout, "2026-10: 13 messages written to out/2026-10/outbox, nothing sent") ||
		res.stderr != "" {
		t.Fatalf("send -dry-run: exit %d\nstdout: %s\nstderr: %s", res.code, res.stdout, res.stderr)
	}
	out := filepath.Join(dir, "out", "2026-10")
	emls, err := filepath.Glob(filepath.Join(out, "outbox", "*.eml"))
	if err != nil || len(emls) != 13 {
		t.Fatalf("%d .eml files (%v), want 13: 10 reps, 2 managers and the team", len(emls), err)
	}
	for _, path := range emls {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		m, err := smtptest.Parse(data)
		if err != nil {
			t.Errorf("%s does not parse as MIME: %v", filepath.Base(path), err)
			continue
		}
		name := strings.TrimSuffix(filepath.Base(path), ".eml")
		var want map[string]string // attachment → file in out
		switch {
		case name == "team-head-of-sales-acme-example":
			want = map[string]string{"team.pdf": "team.pdf", "team.xlsx": "team.xlsx"}
		case strings.HasPrefix(name, "manager-"):
			slug := strings.TrimPrefix(name, "manager-")
			want = map[string]string{slug + ".pdf": "managers/" + slug + ".pdf"}
		case strings.HasPrefix(name, "rep-"):
			slug := strings.TrimPrefix(name, "rep-")
			want = map[string]string{slug + ".pdf": "reps/" + slug + ".pdf", slug + "-self-review.pdf": "review/" + slug + ".pdf"}
			if !strings.HasSuffix(m.Cc, "@acme.example>") && !strings.HasSuffix(m.Cc, "@acme.example") {
				t.Errorf("%s: Cc %q, want the rep's manager (cc_manager: true)", name, m.Cc)
			}
		default:
			t.Errorf("unexpected %s", name)
			continue
		}
		if len(m.Attachments) != len(want) || !strings.Contains(m.To, "@") || !strings.Contains(m.Subject, "2026-10") {
			t.Errorf("%s: to %q, subject %q, %d attachments; want %d", name, m.To, m.Subject, len(m.Attachments), len(want))
		}
		for att, file := range want {
			pdf, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(file)))
			if err != nil {
				t.Fatal(err)
			}
			if string(m.Attachments[att]) != string(pdf) || (strings.HasSuffix(file, ".pdf") && !strings.HasPrefix(string(pdf), "%PDF-")) {
				t.Errorf("%s: attachment %s is not %s byte for byte", name, att, file)
			}
		}
	}
	st := ledgerStatus(t, out)
	if st["Jane Doe"] != "dry-run" || st["Ana Ruiz"] != "dry-run" {
		t.Errorf("ledger: Jane Doe %q, Ana Ruiz %q; want dry-run for both", st["Jane Doe"], st["Ana Ruiz"])
	}
}

// A corrected roster, run again, is sent on the next send, and nobody
// else: the run keeps deliveries.csv and writes the same PDFs.
func TestSendAfterCorrectedRoster(t *testing.T) {
	dir := smallInbox(t)
	roster := filepath.Join(dir, "inbox", "roster.csv")
	writeFile(t, roster, "Rep,Manager,Office,Email\nJane Doe,Ana Ruiz,Berlin,jane@acme.example\nZoë Brontë,Ana Ruiz,Berlin,\n")
	srv := smtptest.Start(t)
	cfg := sendConfig(t, dir, srv, "")
	run := func() {
		t.Helper()
		if res := runBinary(t, dir, "run", "-config", cfg, "-in", "inbox", "-out", "out", "-quiet"); res.code != exitOK {
			t.Fatalf("run: exit %d\n%s", res.code, res.stderr)
		}
	}
	run()
	res := runBinary(t, dir, "send", "-config", cfg, "-out", "out")
	if res.code != exitOK || !strings.Contains(res.stdout, "2026-10: 2 sent, 2 with no e-mail address") ||
		!strings.Contains(res.stderr, "no e-mail address for Zoë Brontë: add an Email column to the roster") {
		t.Fatalf("first send: exit %d\n%s\n%s", res.code, res.stdout, res.stderr)
	}
	writeFile(t, roster, "Rep,Manager,Office,Email\nJane Doe,Ana Ruiz,Berlin,jane@acme.example\nZoë Brontë,Ana Ruiz,Berlin,zoe@acme.example\n")
	run()
	res = runBinary(t, dir, "send", "-config", cfg, "-out", "out")
	if res.code != exitOK || !strings.Contains(res.stdout, "2026-10: 1 sent, 2 already sent, 1 with no e-mail address") {
		t.Errorf("send after the roster was corrected: exit %d\n%s\n%s", res.code, res.stdout, res.stderr)
	}
	got := copies(srv)
	if got["zoe@acme.example"] != 1 || got["jane@acme.example"] != 1 || got["head.of.sales@acme.example"] != 1 || len(srv.Mails()) != 3 {
		t.Errorf("copies: %v; want one each for Jane, Zoë and the team", got)
	}
}
