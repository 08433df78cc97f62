package deliver

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/repcard/repcard/config"
	"github.com/repcard/repcard/internal/fixture"
	"github.com/repcard/repcard/internal/smtptest"
)

// setup writes a period of n reps and starts a test server for it.
func setup(t *testing.T, n int) (Options, *smtptest.Server, []fixture.SendRep) {
	t.Helper()
	dir, reps := fixture.PeriodOut(t, t.TempDir(), n)
	srv := smtptest.Start(t)
	e := config.Default().Email
	e.Server, e.Security, e.From = srv.Addr, "none", "Sales reports <reports@acme.example>"
	e.TeamTo = []string{"head.of.sales@acme.example"}
	e.RatePerMinute = 0
	return Options{Dir: dir, Email: e, Backoff: time.Millisecond}, srv, reps
}

func send(t *testing.T, opts Options) *Summary {
	t.Helper()
	sum, err := Send(context.Background(), opts)
	if err != nil {
		t.Fatalf("Send: %v", err)
	}
	return sum
}

func ledgerRows(t *testing.T, dir string) map[string]Row {
	t.Helper()
	l, err := OpenLedger(filepath.Join(dir, LedgerName))
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]Row{}
	for _, r := range l.Rows() {
		rows[r.key()] = r
	}
	return rows
}

// byRcpt parses the accepted mails by their first envelope recipient.
func byRcpt(t *testing.T, srv *smtptest.Server) map[string][]*smtptest.Parsed {
	t.Helper()
	got := map[string][]*smtptest.Parsed{}
	for _, m := range srv.Mails() {
		p, err := smtptest.Parse(m.Data)
		if err != nil {
			t.Fatalf("mail to %v does not parse: %v", m.To, err)
		}
		got[m.To[0]] = append(got[m.To[0]], p)
	}
	return got
}

func TestSendEveryRecipientTheirOwn(t *testing.T) {
	opts, srv, reps := setup(t, 3)
	opts.Email.CcManager = true
	sum := send(t, opts)
	if sum.Sent != 5 || sum.Failed != 0 {
		t.Fatalf("sent %d, failed %d; want 5 sent (3 reps, a manager, the team), 0 failed", sum.Sent, sum.Failed)
	}
	got := byRcpt(t, srv)
	want := map[string]struct{ subject, file, path string }{
		"head.of.sales@acme.example": {"Team summary · 2026-10", "team.pdf", "team.pdf"},
		"ana.ruiz@acme.example":      {"Your team's summary · 2026-10", "ana-ruiz.pdf", "managers/ana-ruiz.pdf"},
	}
	for _, r := range reps {
		want[r.Email] = struct{ subject, file, path string }{"Your coaching report · 2026-10", r.Slug + ".pdf", "reps/" + r.Slug + ".pdf"}
	}
	if len(got) != len(want) {
		t.Errorf("mails went to %d addresses, want %d", len(got), len(want))
	}
	for addr, w := range want {
		ms := got[addr]
		if len(ms) != 1 {
			t.Errorf("%s got %d mails, want 1", addr, len(ms))
			continue
		}
		m := ms[0]
		if m.Subject != w.subject || !strings.Contains(m.To, addr) {
			t.Errorf("%s: subject %q to %q, want %q", addr, m.Subject, m.To, w.subject)
		}
		pdf, err := os.ReadFile(filepath.Join(opts.Dir, w.path))
		if err != nil {
			t.Fatal(err)
		}
		wantN := 1
		if w.file == "team.pdf" {
			wantN = 2 // and team.xlsx, every list in full
			xlsx, err := os.ReadFile(filepath.Join(opts.Dir, "team.xlsx"))
			if err != nil {
				t.Fatal(err)
			}
			if string(m.Attachments["team.xlsx"]) != string(xlsx) {
				t.Errorf("%s: team.xlsx is not attached byte for byte", addr)
			}
		}
		if len(m.Attachments) != wantN || string(m.Attachments[w.file]) != string(pdf) {
			t.Errorf("%s: attachments %d, %s byte-identical: %v", addr, len(m.Attachments), w.file, string(m.Attachments[w.file]) == string(pdf))
		}
	}
	jane := got["rep01@acme.example"][0]
	if !strings.Contains(jane.Cc, "ana.ruiz@acme.example") || !strings.Contains(jane.Text, "Hello Rep 01") || !strings.Contains(jane.Text, "Each no was worth $101.00") {
		t.Errorf("rep mail: Cc %q, text %q; want the manager in Cc, the name and the headline", jane.Cc, jane.Text)
	}
	if !strings.Contains(got["ana.ruiz@acme.example"][0].Text, "Each no was worth $150.00") {
		t.Errorf("manager mail text %q lacks the team's headline", got["ana.ruiz@acme.example"][0].Text)
	}
	rows := ledgerRows(t, opts.Dir)
	r := rows["rep:Rep 02"]
	if r.Status != StatusSent || r.Address != "rep02@acme.example" || r.Attempts != 1 || r.Code != "250" || len(r.SHA256) != 64 ||
		r.MessageID == "" || r.Documents != "reps/rep-02.pdf" || !strings.Contains(got["rep02@acme.example"][0].MessageID, strings.Trim(r.MessageID, "<>")) {
		t.Errorf("ledger row %+v", r)
	}
}

func TestSendAgainSendsOnlyWhatChanged(t *testing.T) {
	opts, srv, reps := setup(t, 3)
	send(t, opts)
	sum := send(t, opts)
	if sum.Sent != 0 || sum.Already != 5 || len(srv.Mails()) != 5 {
		t.Fatalf("second send: sent %d, already %d, server has %d mails; want 0, 5, 5", sum.Sent, sum.Already, len(srv.Mails()))
	}
	fixture.WriteFile(t, filepath.Join(opts.Dir, "reps", reps[1].Slug+".pdf"), fixture.StandInPDF(reps[1].Rep, 2))
	sum = send(t, opts)
	got := byRcpt(t, srv)
	if sum.Sent != 1 || len(got[reps[1].Email]) != 2 || len(srv.Mails()) != 6 {
		t.Fatalf("after a PDF changed: sent %d, %s has %d mails; want 1 sent, 2 mails", sum.Sent, reps[1].Email, len(got[reps[1].Email]))
	}
	if string(got[reps[1].Email][1].Attachments[reps[1].Slug+".pdf"]) != fixture.StandInPDF(reps[1].Rep, 2) {
		t.Error("the changed PDF was not the one sent")
	}
}

func TestSendRetries(t *testing.T) {
	tests := []struct {
		name         string
		action       func(n int) smtptest.Action
		status       string
		attempts     int
		code         string
		text         string
		wantAccepted int
	}{
		{"451 twice then accepted", func(n int) smtptest.Action {
			if n <= 2 {
				return smtptest.Action{Code: 451, Text: "try again later"}
			}
			return smtptest.Action{}
		}, StatusSent, 3, "250", "", 1},
		{"connection dropped in DATA", func(n int) smtptest.Action { return smtptest.Action{Drop: n == 1} }, StatusSent, 2, "250", "", 1},
		{"550 is not retried", func(int) smtptest.Action { return smtptest.Action{Code: 550, Text: "mailbox unavailable"} }, StatusFailed, 1, "550", "mailbox unavailable", 0},
		{"451 every time gives up", func(int) smtptest.Action { return smtptest.Action{Code: 451, Text: "busy"} }, StatusFailed, 4, "451", "busy", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts, srv, reps := setup(t, 3)
			srv.Script = func(rcpt string, n int) smtptest.Action {
				if rcpt == reps[1].Email {
					return tt.action(n)
				}
				return smtptest.Action{}
			}
			sum := send(t, opts)
			r := ledgerRows(t, opts.Dir)["rep:"+reps[1].Rep]
			if r.Status != tt.status || r.Attempts != tt.attempts || r.Code != tt.code || !strings.Contains(r.Text, tt.text) {
				t.Errorf("row: status %s, attempts %d, code %s, text %q; want %s, %d, %s, %q", r.Status, r.Attempts, r.Code, r.Text, tt.status, tt.attempts, tt.code, tt.text)
			}
			got := byRcpt(t, srv)
			if len(got[reps[1].Email]) != tt.wantAccepted {
				t.Errorf("%s got %d mails, want %d", reps[1].Email, len(got[reps[1].Email]), tt.wantAccepted)
			}
			if srv.Attempts(reps[1].Email) != tt.attempts {
				t.Errorf("server saw %d attempts, want %d", srv.Attempts(reps[1].Email), tt.attempts)
			}
			// The others are all sent, whatever happened to this one.
			if others := len(srv.Mails()) - tt.wantAccepted; others != 4 || sum.Sent != 4+tt.wantAccepted {
				t.Errorf("the others: %d mails, %d sent; want 4", others, sum.Sent)
			}
			if tt.status == StatusFailed {
				if sum.Failed != 1 {
					t.Errorf("failed %d, want 1", sum.Failed)
				}
				// -only-failed sends the failure alone, once the server takes it.
				srv.Script = nil
				sum := send(t, Options{Dir: opts.Dir, Email: opts.Email, Backoff: opts.Backoff, OnlyFailed: true})
				if sum.Sent != 1 || len(byRcpt(t, srv)[reps[1].Email]) != 1 || len(srv.Mails()) != 5 {
					t.Errorf("-only-failed: sent %d, %d mails in all; want 1 and 5", sum.Sent, len(srv.Mails()))
				}
			}
		})
	}
}

func TestSendLoginRefused(t *testing.T) {
	opts, srv, _ := setup(t, 2)
	srv.Users = map[string]string{"reports@acme.example": "right"}
	opts.Email.Username, opts.Password = "reports@acme.example", "wrong"
	sum, err := Send(context.Background(), opts)
	se, ok := err.(*ServerError)
	if !ok || !se.Login || !strings.Contains(se.Error(), "Username and Password not accepted") {
		t.Fatalf("err = %v; want a refused login with the server's words", err)
	}
	if sum.Sent != 0 || len(srv.Mails()) != 0 {
		t.Errorf("sent %d", sum.Sent)
	}
	if rows := ledgerRows(t, opts.Dir); len(rows) != 0 {
		t.Errorf("ledger has %d rows after nothing was sent: %v", len(rows), rows)
	}
	opts.Password = "right"
	if sum := send(t, opts); sum.Sent != 4 {
		t.Errorf("with the right password: sent %d, want 4", sum.Sent)
	}
}

func TestSendServerUnreachable(t *testing.T) {
	opts, _, _ := setup(t, 1)
	opts.Email.Server = "127.0.0.1:1" // nothing listens on port 1
	opts.Attempts = 2
	_, err := Send(context.Background(), opts)
	se, ok := err.(*ServerError)
	if !ok || se.Login || !strings.Contains(se.Error(), "cannot reach 127.0.0.1:1") {
		t.Fatalf("err = %v; want cannot reach", err)
	}
}

func TestReply(t *testing.T) {
	tests := []struct{ err, code, text string }{
		{`closing SMTP DATA writer: 550 "5.0.0 no such user, sorry", affected message ID: <x@vm>`, "550", "550 5.0.0 no such user, sorry"},
		{`SMTP AUTH failed: 535 "5.7.8 Username and Password not accepted"`, "535", "535 5.7.8 Username and Password not accepted"},
		{`sending SMTP RCPT command: 451 4.3.0 try later, affected recipient(s): a@b.c`, "451", "451 4.3.0 try later"},
		{`dial tcp 127.0.0.1:1: connect: connection refused`, "", "dial tcp 127.0.0.1:1: connect: connection refused"},
	}
	for _, tt := range tests {
		code, text := reply(errors.New(tt.err))
		if code != tt.code || text != tt.text {
			t.Errorf("reply(%q) = %q, %q; want %q, %q", tt.err, code, text, tt.code, tt.text)
		}
	}
}

func TestSendTooLargeToAttach(t *testing.T) {
	opts, srv, _ := setup(t, 1)
	opts.Email.MaxAttachmentMB = 1
	fixture.WriteFile(t, filepath.Join(opts.Dir, "team.pdf"), "%PDF-"+strings.Repeat("x", 3<<20))
	send(t, opts)
	m := byRcpt(t, srv)["head.of.sales@acme.example"]
	if len(m) != 1 || len(m[0].Attachments) != 1 || m[0].Attachments["team.xlsx"] == nil ||
		!strings.Contains(m[0].Text, "team.pdf (3 MB) is too large to attach: it is in "+filepath.Join(opts.Dir, "team.pdf")) {
		t.Fatalf("team mail: %d mails; want one with only team.xlsx attached that says where team.pdf is", len(m))
	}
	if rep := byRcpt(t, srv)["rep01@acme.example"]; len(rep) != 1 || len(rep[0].Attachments) != 1 {
		t.Error("a small PDF is still attached")
	}
}

func TestLoadTemplate(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"built-in", "", ""},
		{"syntax error", "{{define \"subject\"}}Hi{{end}}\n{{define \"body\"}}{{if}}{{end}}\n", "email.tmpl:2"},
		{"unknown field", "{{define \"subject\"}}Hi{{end}}\n{{define \"body\"}}\n{{.Nmae}}{{end}}\n", "email.tmpl:3"},
		{"no body", "{{define \"subject\"}}Hi{{end}}\n", `no {{define "body"}}`},
		{"empty subject", "{{define \"subject\"}} {{end}}{{define \"body\"}}x{{end}}\n", "the subject renders empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if tt.src != "" {
				fixture.WriteFile(t, filepath.Join(dir, "email.tmpl"), tt.src)
			}
			_, err := LoadTemplate(dir)
			if tt.want == "" && err != nil || tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)) {
				t.Errorf("LoadTemplate: %v; want %q", err, tt.want)
			}
		})
	}
}

func TestLedgerRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), LedgerName)
	l, err := OpenLedger(path)
	if err != nil {
		t.Fatal(err)
	}
	rows := []Row{
		{Kind: KindRep, Recipient: "=HYPERLINK(\"x\")", Address: "a@b.c", Documents: "reps/x.pdf", SHA256: "ab", Status: StatusFailed, Code: "550", Text: "550 no, \"quoted\"\nline", Attempts: 1, Time: "2026-11-01T09:00:00Z"},
		{Kind: KindTeam, Recipient: "t@b.c", Address: "t@b.c", Status: StatusSent, Attempts: 3},
	}
	for _, r := range rows {
		if err := l.Put(r); err != nil {
			t.Fatal(err)
		}
	}
	rows[1].Status = StatusFailed
	l.Put(rows[1]) // replaces the row of the same message
	back, err := OpenLedger(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := back.Rows(); len(got) != 2 || got[0] != rows[0] || got[1] != rows[1] {
		t.Errorf("read back %+v\nwant %+v", got, rows)
	}
	raw, _ := os.ReadFile(path)
	if !strings.Contains(string(raw), "'=HYPERLINK") {
		t.Errorf("a formula-like name is written as it is:\n%s", raw)
	}
	fixture.WriteFile(t, path, "name,address\nx,y\n")
	if _, err := OpenLedger(path); err == nil || !strings.Contains(err.Error(), "not a ledger repcard wrote") {
		t.Errorf("a foreign CSV: %v", err)
	}
}

func TestSendBadAddressDoesNotStopTheOthers(t *testing.T) {
	opts, srv, reps := setup(t, 3)
	opts.Email.CcManager = true
	b, _ := os.ReadFile(filepath.Join(opts.Dir, "metrics.json"))
	b = []byte(strings.Replace(string(b), reps[0].Email, "n/a", 1))
	b = []byte(strings.Replace(string(b), "ana.ruiz@acme.example", "Ana's desk", 1))
	fixture.WriteFile(t, filepath.Join(opts.Dir, "metrics.json"), string(b))
	sum := send(t, opts)
	if sum.Sent != 3 || sum.Failed != 0 || len(srv.Mails()) != 3 {
		t.Errorf("sent %d, failed %d; want the team and the 2 other reps sent", sum.Sent, sum.Failed)
	}
	notes := strings.Join(sum.NoAddress, "\n")
	for _, want := range []string{`no e-mail address for Rep 01: "n/a" is not one`, `no e-mail address for Ana Ruiz: "Ana's desk" is not one`, `no Cc to Rep 02's manager`} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
	if r := ledgerRows(t, opts.Dir)["rep:Rep 01"]; r.Status != StatusSkipped {
		t.Errorf("Rep 01's row: %+v", r)
	}
}

func TestSendTrialDryRunAndReps(t *testing.T) {
	opts, srv, reps := setup(t, 3)

	trial := opts
	trial.TrialTo = "me@acme.example"
	if sum := send(t, trial); sum.Sent != 5 {
		t.Fatalf("trial: sent %d, want 5", sum.Sent)
	}
	got := byRcpt(t, srv)
	if len(got) != 1 || len(got["me@acme.example"]) != 5 {
		t.Fatalf("trial mails went to %d addresses: want all 5 to me@acme.example", len(got))
	}
	subjects := map[string]bool{}
	for _, m := range got["me@acme.example"] {
		subjects[m.Subject] = true
	}
	if !subjects["[rep02@acme.example] Your coaching report · 2026-10"] {
		t.Errorf("trial subjects %v lack the real recipient in front", subjects)
	}
	if _, err := os.Stat(filepath.Join(opts.Dir, LedgerName)); !os.IsNotExist(err) {
		t.Errorf("a trial wrote the ledger (%v)", err)
	}

	dry := opts
	dry.DryRun, dry.Email.Server = true, ""
	if sum := send(t, dry); sum.DryRun != 5 || len(srv.Mails()) != 5 {
		t.Fatalf("dry run: %d written, server has %d mails; want 5 and still 5", sum.DryRun, len(srv.Mails()))
	}
	only := opts
	only.Reps = []string{"rep  02"}
	if sum := send(t, only); sum.Sent != 1 || len(byRcpt(t, srv)[reps[1].Email]) != 1 {
		t.Errorf("-rep: sent %d; want Rep 02 alone", sum.Sent)
	}
	if sum := send(t, opts); sum.Sent != 4 || sum.Already != 1 {
		t.Errorf("after a dry run and -rep: sent %d, already %d; want 4 and 1", sum.Sent, sum.Already)
	}
}

// Every write of the ledger happens under Options.Lock, taken and released
// around it, and a dry run holds the lock once for the whole run.
func TestSendLedgerWritesUnderLock(t *testing.T) {
	opts, _, _ := setup(t, 3)
	held, takes := false, 0
	opts.Lock = func() (func(), error) {
		if held {
			t.Fatal("the lock was taken while held")
		}
		held, takes = true, takes+1
		return func() { held = false }, nil
	}
	writes := 0
	opts.Progress = func(*Message, Row) {
		if held {
			t.Error("the lock is held between messages")
		}
		writes++
	}
	send(t, opts)
	// Each message writes the ledger twice: "sending", then its outcome.
	if takes != 2*writes || writes != 5 {
		t.Errorf("lock taken %d times for %d messages, want %d", takes, writes, 2*writes)
	}

	dry, _, _ := setup(t, 3)
	dry.DryRun, takes = true, 0
	dry.Lock = opts.Lock
	send(t, dry)
	if takes != 1 || held {
		t.Errorf("dry run: lock taken %d times (want 1), held after: %v", takes, held)
	}

	failing, _, _ := setup(t, 1)
	failing.Lock = func() (func(), error) { return nil, errors.New("out folder locked") }
	if _, err := Send(context.Background(), failing); err == nil || !strings.Contains(err.Error(), "out folder locked") {
		t.Errorf("Send with a lock that fails: err = %v", err)
	}
}

// The mail's headline is the PDF's: "Each decided deal was worth" for a
// rep counted from decided deals, and for a summary whose reps all are.
func TestPlanHeadlineWords(t *testing.T) {
	dir := t.TempDir()
	fixture.WriteFile(t, filepath.Join(dir, "metrics.json"), `{"period":{"label":"2026-10"},"currency":"USD",
"team":{"value_per_contact":10},
"managers":[{"manager":"Ana","email":"ana@x.example","value_per_contact":20},{"manager":"Bo","email":"bo@x.example","value_per_contact":30}],
"reps":[{"rep":"Dee","slug":"dee","manager":"Ana","email":"dee@x.example","value_per_contact":1.5,"sources":{"contacts":"deals (won+lost)"}},
{"rep":"Lou","slug":"lou","manager":"Bo","email":"lou@x.example","value_per_contact":2,"sources":{"contacts":"activities+tallies"}}]}`)
	for _, f := range []string{"team.pdf", "managers/ana.pdf", "managers/bo.pdf", "reps/dee.pdf", "reps/lou.pdf"} {
		fixture.WriteFile(t, filepath.Join(dir, filepath.FromSlash(f)), fixture.StandInPDF(f, 1))
	}
	e := config.Default().Email
	e.TeamTo = []string{"head@x.example"}
	_, msgs, err := Plan(dir, e, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"team:head@x.example": "Each no was worth $10.00", // Lou's contacts are logged
		"manager:Ana":         "Each decided deal was worth $20.00",
		"manager:Bo":          "Each no was worth $30.00",
		"rep:Dee":             "Each decided deal was worth $1.50",
		"rep:Lou":             "Each no was worth $2.00",
	}
	if len(msgs) != len(want) {
		t.Fatalf("%d messages, want %d", len(msgs), len(want))
	}
	for _, m := range msgs {
		if got := m.Headline; got != want[m.Key()] {
			t.Errorf("%s: headline %q, want %q", m.Key(), got, want[m.Key()])
		}
	}
}
