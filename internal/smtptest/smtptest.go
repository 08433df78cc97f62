// Package smtptest runs an SMTP server in the test's own process, on
// 127.0.0.1 only, that records what it accepts and answers as a test
// scripts it (a 451, a 550, a connection dropped in the middle of DATA, a
// refused login). Only tests import it.
package smtptest

import (
	"errors"
	"io"
	"log"
	"net"
	"slices"
	"sync"
	"testing"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// Mail is a message the server accepted.
type Mail struct {
	From string
	To   []string // the envelope recipients, To and Cc
	Data []byte
}

// Action is the server's answer to one DATA.
type Action struct {
	Code int    // 0: accept; else reply with this code and Text
	Text string //
	Drop bool   // close the connection after reading part of the message
	// Hold, when not nil, is signalled when the message has arrived; the
	// server then waits for the test to close Release and refuses the
	// message (it was never accepted).
	Hold    chan<- string
	Release <-chan struct{}
}

// Server is a running test server.
type Server struct {
	Addr string // 127.0.0.1:port

	// Script, when set, decides the answer to the n-th DATA (from 1) for
	// a message whose first recipient is rcpt.
	Script func(rcpt string, n int) Action
	// Users, when not empty, are the only logins accepted (PLAIN); a
	// message without a login is refused.
	Users map[string]string

	mu       sync.Mutex
	mails    []Mail
	attempts map[string]int
}

// Start starts a server on 127.0.0.1 that stops at the end of the test.
func Start(t testing.TB) *Server {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{Addr: l.Addr().String(), attempts: map[string]int{}}
	srv := smtp.NewServer(&backend{s})
	srv.Domain = "localhost"
	srv.AllowInsecureAuth = true
	srv.ErrorLog = log.New(io.Discard, "", 0)
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })
	return s
}

// Mails returns the messages accepted so far.
func (s *Server) Mails() []Mail {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.mails)
}

// Attempts returns how many DATA commands came for rcpt.
func (s *Server) Attempts(rcpt string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.attempts[rcpt]
}

type backend struct{ s *Server }

func (b *backend) NewSession(c *smtp.Conn) (smtp.Session, error) {
	return &session{s: b.s, conn: c}, nil
}

type session struct {
	s      *Server
	conn   *smtp.Conn
	authed bool
	from   string
	to     []string
}

func (x *session) AuthMechanisms() []string {
	if len(x.s.Users) == 0 {
		return nil
	}
	return []string{sasl.Plain}
}

func (x *session) Auth(mech string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, user, pass string) error {
		if p, ok := x.s.Users[user]; ok && p == pass {
			x.authed = true
			return nil
		}
		return &smtp.SMTPError{Code: 535, EnhancedCode: smtp.EnhancedCode{5, 7, 8}, Message: "Username and Password not accepted"}
	}), nil
}

func (x *session) Mail(from string, _ *smtp.MailOptions) error {
	if len(x.s.Users) > 0 && !x.authed {
		return smtp.ErrAuthRequired
	}
	x.from = from
	return nil
}

func (x *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	x.to = append(x.to, to)
	return nil
}

func (x *session) Data(r io.Reader) error {
	rcpt := ""
	if len(x.to) > 0 {
		rcpt = x.to[0]
	}
	x.s.mu.Lock()
	x.s.attempts[rcpt]++
	n := x.s.attempts[rcpt]
	x.s.mu.Unlock()
	var a Action
	if x.s.Script != nil {
		a = x.s.Script(rcpt, n)
	}
	if a.Drop {
		io.CopyN(io.Discard, r, 100)
		x.conn.Conn().Close()
		return errors.New("dropped")
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	if a.Hold != nil {
		a.Hold <- rcpt
		<-a.Release
		return &smtp.SMTPError{Code: 451, Message: "held by the test"}
	}
	if a.Code != 0 {
		return &smtp.SMTPError{Code: a.Code, Message: a.Text}
	}
	x.s.mu.Lock()
	x.s.mails = append(x.s.mails, Mail{From: x.from, To: slices.Clone(x.to), Data: data})
	x.s.mu.Unlock()
	return nil
}

func (x *session) Reset()        { x.from, x.to = "", nil }
func (x *session) Logout() error { return nil }
