package config

import (
	"net"
	"net/mail"
	"strconv"
	"strings"
)

// Email is how "repcard send" delivers the reports (package deliver). The
// password is never in the file: PasswordFile, when set, names a file that
// holds it, else the variable PasswordEnv does.
type Email struct {
	Server          string   `yaml:"server"`   // host:port; needed to send, not for a dry run
	Security        string   `yaml:"security"` // "starttls", "tls" or "none" (a server on this machine only)
	Username        string   `yaml:"username"` // "": no authentication
	PasswordEnv     string   `yaml:"password_env"`
	PasswordFile    string   `yaml:"password_file"`
	Auth            string   `yaml:"auth"` // "plain", "login" or "xoauth2"
	From            string   `yaml:"from"` // "Sales reports <reports@example.com>"
	TeamTo          []string `yaml:"team_to"`
	CcManager       bool     `yaml:"cc_manager"`
	RatePerMinute   int      `yaml:"rate_per_minute"`   // 0: no pacing
	MaxAttachmentMB int      `yaml:"max_attachment_mb"` // a larger PDF is not attached
}

func defaultEmail() Email {
	return Email{
		Security:        "starttls",
		PasswordEnv:     "REPCARD_SMTP_PASSWORD",
		Auth:            "plain",
		TeamTo:          []string{},
		RatePerMinute:   30,
		MaxAttachmentMB: 15,
	}
}

// IsLocalHost reports whether host names this machine: the only kind of
// server that security "none" may be used with.
func IsLocalHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func (v validator) email(e *Email) *Error {
	if e.Server != "" {
		host, port, err := net.SplitHostPort(e.Server)
		n, perr := strconv.Atoi(port)
		if err != nil || host == "" || perr != nil || n < 1 || n > 65535 {
			return v.fail("email.server", []string{"email"}, "want host:port such as smtp.example.com:587, got %s", quote(e.Server))
		}
		if e.Security == "none" && !IsLocalHost(host) {
			return v.fail("email.security", []string{"email.server", "email"},
				"none sends the password and the reports unencrypted: only for a server on this machine (localhost), not %s; use starttls or tls", quote(host))
		}
	}
	if err := v.oneOf("email.security", e.Security, "starttls", "tls", "none"); err != nil {
		return err
	}
	if err := v.oneOf("email.auth", e.Auth, "plain", "login", "xoauth2"); err != nil {
		return err
	}
	if e.Username != "" && e.PasswordEnv == "" && e.PasswordFile == "" {
		return v.fail("email.password_env", []string{"email.username", "email"}, "want the name of the variable that holds the password (or password_file)")
	}
	if e.From != "" {
		if _, err := mail.ParseAddress(e.From); err != nil {
			return v.fail("email.from", []string{"email"}, "want an address such as \"Sales reports <reports@example.com>\", got %s", quote(e.From))
		}
	}
	for i, a := range e.TeamTo {
		if _, err := mail.ParseAddress(a); err != nil {
			return v.fail(indexKey("email.team_to", i), []string{"email.team_to", "email"}, "want an e-mail address, got %s", quote(a))
		}
	}
	if err := v.count("email.rate_per_minute", e.RatePerMinute); err != nil {
		return err
	}
	return v.limit("email.max_attachment_mb", e.MaxAttachmentMB)
}
