package deliver

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/mail"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"

	"github.com/repcard/repcard/config"
	"github.com/repcard/repcard/output"
)

// Options say what one send does.
type Options struct {
	Dir       string // out/<period>
	Email     config.Email
	Templates string // the folder of email.tmpl; "" or no such file: the built-in one
	Password  string // the password or xoauth2 token (Password reads it)

	DryRun     bool     // write each message as a .eml in outbox/, send nothing
	OnlyFailed bool     // send only the messages that failed, or were in flight when a send stopped
	TrialTo    string   // send every message here instead, subject prefixed with the recipient; no ledger
	Reps       []string // only these reps, and no summaries

	// Attempts is how many times a message with a temporary failure is
	// tried (0: 4). Backoff is the wait after the first (0: 2 s), doubled
	// after each, plus up to as much again at random.
	Attempts int
	Backoff  time.Duration
	Timeout  time.Duration       // of each SMTP command (0: 30 s)
	Now      func() time.Time    // nil: time.Now
	Progress func(*Message, Row) // after each message; may be nil

	// Lock, when set, takes the out folder's lock (waiting for a run that
	// is swapping the period folder in) and returns its release. Send
	// holds it for each write of the ledger, so that no run's swap loses a
	// row, and for the whole of a dry run.
	Lock func() (unlock func(), err error)
}

// Summary is what a send did.
type Summary struct {
	Period      string
	Sent        int
	Failed      int
	DryRun      int      // .eml files written
	Already     int      // sent before, documents unchanged: not sent again
	NoAddress   []string // "no e-mail address for Jane Doe: …"
	Interrupted []string // in flight when a send stopped: may have arrived
	Outbox      string   // with DryRun
	Ledger      string
}

// ServerError is a send that could not reach the server or log in: nothing
// more could be sent. Text is the server's words, or the network's.
type ServerError struct {
	Server string
	Login  bool // the server refused the login
	Text   string
}

func (e *ServerError) Error() string {
	if e.Login {
		return fmt.Sprintf("%s refused the login: %s", e.Server, e.Text)
	}
	return fmt.Sprintf("cannot reach %s: %s", e.Server, e.Text)
}

type sender struct {
	opts     Options
	dir      string
	period   string
	from     string
	maxBytes int64
	tmpl     *Template
	now      func() time.Time
	client   *gomail.Client
	live     bool
}

// Send sends the period's messages in opts.Dir that the ledger does not
// already hold as sent with the same address and documents (see the
// package documentation). It returns the summary so far with a
// *ServerError when the server cannot be reached or refuses the login.
func Send(ctx context.Context, opts Options) (*Summary, error) {
	s := &sender{opts: opts, dir: opts.Dir, from: opts.Email.From, maxBytes: int64(opts.Email.MaxAttachmentMB) << 20, now: opts.Now}
	if s.now == nil {
		s.now = time.Now
	}
	if s.opts.Attempts <= 0 {
		s.opts.Attempts = 4
	}
	if s.opts.Backoff <= 0 {
		s.opts.Backoff = 2 * time.Second
	}
	if s.opts.Timeout <= 0 {
		s.opts.Timeout = 30 * time.Second
	}
	if s.maxBytes <= 0 {
		s.maxBytes = 15 << 20
	}
	if !opts.DryRun {
		if opts.Email.Server == "" {
			return nil, errors.New("no email.server in config.yaml: set it (host:port) to send, or use -dry-run")
		}
		if s.from == "" {
			return nil, errors.New("no email.from in config.yaml: set the sender, such as \"Sales reports <reports@example.com>\"")
		}
	} else if s.from == "" {
		s.from = "repcard <repcard@localhost>"
	}
	var err error
	if s.tmpl, err = LoadTemplate(opts.Templates); err != nil {
		return nil, err
	}
	period, msgs, err := Plan(opts.Dir, opts.Email, opts.Reps)
	if err != nil {
		return nil, err
	}
	s.period = period
	sum := &Summary{Period: period, Ledger: filepath.Join(opts.Dir, LedgerName)}
	ledger, err := OpenLedger(sum.Ledger)
	if err != nil {
		return nil, err
	}
	ledger.lock = opts.Lock
	if opts.DryRun && opts.Lock != nil {
		unlock, err := opts.Lock()
		if err != nil {
			return nil, err
		}
		defer unlock()
		ledger.lock = nil
	}
	if opts.DryRun {
		sum.Outbox = filepath.Join(opts.Dir, "outbox")
		if err := clearOutbox(sum.Outbox); err != nil {
			return nil, err
		}
	}
	defer s.close()
	pace := time.Duration(0)
	if r := opts.Email.RatePerMinute; r > 0 && !opts.DryRun {
		pace = time.Minute / time.Duration(r)
	}
	var last time.Time
	for i := range msgs {
		if err := ctx.Err(); err != nil {
			return sum, err
		}
		m := &msgs[i]
		prev, had := ledger.Get(m.Key())
		row := Row{Kind: m.Kind, Recipient: m.Name, Address: m.To, Cc: m.Cc, Documents: rels(m.Docs), SHA256: hashes(m.Docs)}
		if m.Cc != "" && !isAddress(m.Cc) {
			sum.NoAddress = append(sum.NoAddress, fmt.Sprintf("no Cc to %s's manager: %q is not an e-mail address (fix it in the roster)", m.Name, m.Cc))
			m.Cc, row.Cc = "", ""
		}
		if m.To == "" || !isAddress(m.To) {
			what := "add an Email column to the roster"
			if m.Kind == KindManager {
				what = "add a roster row for the manager with an Email, or a Manager email column"
			}
			note := fmt.Sprintf("no e-mail address for %s: %s", m.Name, what)
			if m.To != "" {
				note = fmt.Sprintf("no e-mail address for %s: %q is not one (fix it in the roster)", m.Name, m.To)
			}
			sum.NoAddress = append(sum.NoAddress, note)
			if opts.TrialTo == "" && (!had || prev.Status == StatusSkipped || prev.Status == StatusDryRun) {
				row.Status, row.Text, row.Time = StatusSkipped, note, s.stamp()
				if err := ledger.Put(row); err != nil {
					return sum, err
				}
			}
			continue
		}
		unchanged := had && prev.Address == m.To && prev.SHA256 == row.SHA256
		switch {
		case opts.OnlyFailed && !(had && (prev.Status == StatusFailed || prev.Status == StatusSending)):
			continue
		case unchanged && prev.Status == StatusSent && opts.TrialTo == "":
			sum.Already++
			continue
		case !opts.OnlyFailed && had && prev.Status == StatusSending && opts.TrialTo == "":
			sum.Interrupted = append(sum.Interrupted, fmt.Sprintf("%s <%s> (%s)", m.Name, prev.Address, prev.Time))
			continue
		}
		b, err := s.build(m)
		if err != nil {
			return sum, fmt.Errorf("the mail to %s: %w", m.Name, err)
		}
		row.MessageID = "<" + b.messageID + ">"
		if opts.DryRun {
			name := emlName(m)
			if err := output.WriteFile(filepath.Join(sum.Outbox, name), func(w io.Writer) error {
				_, err := b.msg.WriteTo(w)
				return err
			}); err != nil {
				return sum, err
			}
			sum.DryRun++
			row.Status, row.Text, row.Time = StatusDryRun, "outbox/"+name, s.stamp()
			if !had || prev.Status == StatusSkipped || prev.Status == StatusDryRun {
				if err := ledger.Put(row); err != nil {
					return sum, err
				}
			}
			s.progress(m, row)
			continue
		}
		if pace > 0 && !last.IsZero() {
			if err := sleep(ctx, pace-time.Since(last)); err != nil {
				return sum, err
			}
		}
		if err := s.connect(ctx); err != nil {
			return sum, err
		}
		if opts.TrialTo == "" {
			row.Status, row.Time = StatusSending, s.stamp()
			if err := ledger.Put(row); err != nil {
				return sum, err
			}
		}
		last = time.Now()
		code, text, attempts, sendErr := s.sendRetrying(ctx, b)
		row.Code, row.Text, row.Attempts, row.Time = code, text, attempts, s.stamp()
		row.Status = StatusSent
		if sendErr != nil {
			row.Status = StatusFailed
			sum.Failed++
		} else {
			sum.Sent++
		}
		if opts.TrialTo == "" {
			if err := ledger.Put(row); err != nil {
				return sum, err
			}
		}
		s.progress(m, row)
		var fatal *ServerError
		if errors.As(sendErr, &fatal) {
			return sum, fatal
		}
		if ctx.Err() != nil {
			return sum, ctx.Err()
		}
	}
	return sum, nil
}

func (s *sender) stamp() string { return s.now().UTC().Format(time.RFC3339) }

func (s *sender) progress(m *Message, r Row) {
	if s.opts.Progress != nil {
		s.opts.Progress(m, r)
	}
}

// emlName is the outbox file of m: rep-jane-doe.eml, manager-ana-ruiz.eml,
// team-head-of-sales-example-com.eml.
func emlName(m *Message) string {
	if m.Kind == KindTeam {
		return "team-" + output.Slug(m.Name) + ".eml"
	}
	base := filepath.Base(filepath.FromSlash(m.Docs[0].Rel))
	return m.Kind + "-" + strings.TrimSuffix(base, filepath.Ext(base)) + ".eml"
}

// clearOutbox removes the .eml files of an earlier dry run.
func clearOutbox(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".eml") {
			if err := os.Remove(filepath.Join(dir, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}

func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// backoff is the wait before attempt n+1 (n ≥ 1): base·2^(n−1), plus up to
// as much again at random, so that many senders do not retry together.
func backoff(base time.Duration, n int) time.Duration {
	d := base << (n - 1)
	return d + rand.N(d+1)
}

func (s *sender) newClient() (*gomail.Client, error) {
	e := s.opts.Email
	host, portS, err := net.SplitHostPort(e.Server)
	if err != nil {
		return nil, fmt.Errorf("email.server %q: %w", e.Server, err)
	}
	port, _ := strconv.Atoi(portS)
	opts := []gomail.Option{gomail.WithPort(port), gomail.WithTimeout(s.opts.Timeout)}
	switch e.Security {
	case "tls":
		opts = append(opts, gomail.WithSSL())
	case "none":
		if !config.IsLocalHost(host) {
			return nil, fmt.Errorf("email.security none is only for a server on this machine, not %s", host)
		}
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	default:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	}
	if e.Username != "" {
		auth := map[string]gomail.SMTPAuthType{"plain": gomail.SMTPAuthPlain, "login": gomail.SMTPAuthLogin, "xoauth2": gomail.SMTPAuthXOAUTH2}[e.Auth]
		if e.Security == "none" { // a server on this machine: no TLS to require
			auth = map[string]gomail.SMTPAuthType{"plain": gomail.SMTPAuthPlainNoEnc, "login": gomail.SMTPAuthLoginNoEnc, "xoauth2": gomail.SMTPAuthXOAUTH2}[e.Auth]
		}
		opts = append(opts, gomail.WithSMTPAuth(auth), gomail.WithUsername(e.Username), gomail.WithPassword(s.opts.Password))
	}
	return gomail.NewClient(host, opts...)
}

// connect dials the server unless connected, retrying temporary failures;
// a failure is a *ServerError.
func (s *sender) connect(ctx context.Context) error {
	if s.live {
		return nil
	}
	if s.client == nil {
		c, err := s.newClient()
		if err != nil {
			return err
		}
		s.client = c
	}
	for n := 1; ; n++ {
		err := s.client.DialWithContext(ctx)
		if err == nil {
			s.live = true
			return nil
		}
		code, text := reply(err)
		login := strings.Contains(strings.ToLower(err.Error()), "auth") || code == "535" || code == "534"
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if login || strings.HasPrefix(code, "5") || n >= s.opts.Attempts {
			return &ServerError{Server: s.opts.Email.Server, Login: login, Text: text}
		}
		if err := sleep(ctx, backoff(s.opts.Backoff, n)); err != nil {
			return err
		}
	}
}

func (s *sender) close() {
	if s.client != nil && s.live {
		s.client.Close()
	}
	s.live = false
}

// sendRetrying sends b, retrying a temporary failure (a 4xx reply, or no
// reply: a reset connection, a timeout) after a backoff, on a new
// connection; a permanent one (5xx) is not retried. It returns the
// server's last reply and the attempts made.
func (s *sender) sendRetrying(ctx context.Context, b *built) (code, text string, attempts int, err error) {
	for n := 1; ; n++ {
		if err := s.connect(ctx); err != nil {
			var se *ServerError
			if errors.As(err, &se) {
				return "", se.Text, n - 1, err
			}
			return "", err.Error(), n - 1, err
		}
		sendErr := s.client.Send(b.msg)
		if sendErr == nil {
			code, text := splitReply(b.msg.ServerResponse())
			return code, text, n, nil
		}
		s.close() // a new connection for the next message or attempt
		code, text := reply(sendErr)
		if strings.HasPrefix(code, "5") || n >= s.opts.Attempts || ctx.Err() != nil {
			return code, text, n, sendErr
		}
		if err := sleep(ctx, backoff(s.opts.Backoff, n)); err != nil {
			return code, text, n, sendErr
		}
	}
}

var replyRE = regexp.MustCompile(`\b([245]\d\d) ("(?:[^"\\]|\\.)*"|[^,]*)`)

// reply finds the server's reply in err: its code and text, or no code and
// the error's own words (a network failure).
func reply(err error) (code, text string) {
	msg := err.Error()
	m := replyRE.FindStringSubmatch(msg)
	if m == nil {
		return "", msg
	}
	words := m[2]
	if u, err := strconv.Unquote(words); err == nil {
		words = u
	}
	return m[1], strings.TrimSpace(m[1] + " " + words)
}

func splitReply(s string) (code, text string) {
	s = strings.TrimSpace(s)
	if len(s) >= 3 {
		if _, err := strconv.Atoi(s[:3]); err == nil {
			return s[:3], s
		}
	}
	return "250", strings.TrimSpace("250 " + s)
}

// Password returns the password (or xoauth2 token) of e: the content of
// e.PasswordFile when set, else the variable e.PasswordEnv; "" when e has
// no username. It is never in config.yaml.
func Password(e config.Email) (string, error) {
	if e.Username == "" {
		return "", nil
	}
	if e.PasswordFile != "" {
		b, err := os.ReadFile(e.PasswordFile)
		if err != nil {
			return "", fmt.Errorf("email.password_file: %w", err)
		}
		return strings.TrimRight(string(b), "\r\n"), nil
	}
	if p := os.Getenv(e.PasswordEnv); p != "" {
		return p, nil
	}
	return "", fmt.Errorf("no password for %s: set the variable %s (email.password_env) or email.password_file", e.Username, e.PasswordEnv)
}

// isAddress reports whether s is one e-mail address.
func isAddress(s string) bool {
	a, err := mail.ParseAddress(s)
	return err == nil && strings.Contains(a.Address, "@")
}
