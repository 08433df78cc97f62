package deliver

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/mail"
	"os"
	"path"
	"path/filepath"
	"strings"
	"text/template"
	"time"

	gomail "github.com/wneessen/go-mail"

	"github.com/repcard/repcard/templates"
)

// Template is the parsed email.tmpl.
type Template struct {
	t *template.Template
}

// mailData is what email.tmpl reads.
type mailData struct {
	Name        string
	Kind        string
	Period      string
	Headline    string
	Documents   []string
	NotAttached []string
}

// LoadTemplate parses email.tmpl in dir, or the built-in one when dir has
// none, and executes it on sample data: a mistake is an error naming the
// file and line before anything is sent.
func LoadTemplate(dir string) (*Template, error) {
	name := filepath.Join(dir, templates.Email)
	b, err := os.ReadFile(name)
	if dir == "" || errors.Is(err, fs.ErrNotExist) {
		name = "built-in " + templates.Email
		b, err = fs.ReadFile(templates.FS, templates.Email)
	}
	if err != nil {
		return nil, err
	}
	t, err := template.New(name).Option("missingkey=error").Parse(string(b))
	if err != nil {
		return nil, err
	}
	tm := &Template{t: t}
	for _, kind := range []string{KindRep, KindManager, KindTeam} {
		for _, hl := range []string{"Each no was worth $162.97", ""} {
			d := mailData{Name: "Jane Doe", Kind: kind, Period: "2026-10", Headline: hl, Documents: []string{"jane-doe.pdf"},
				NotAttached: []string{"team.pdf (23 MB) is too large to attach: it is in out/2026-10/team.pdf"}}
			subject, _, err := tm.execute(d)
			if err != nil {
				return nil, err
			}
			if subject == "" {
				return nil, fmt.Errorf("%s: the subject renders empty", name)
			}
		}
	}
	return tm, nil
}

func (tm *Template) execute(d mailData) (subject, body string, err error) {
	var s, b bytes.Buffer
	for _, x := range []struct {
		name string
		buf  *bytes.Buffer
	}{{"subject", &s}, {"body", &b}} {
		if tm.t.Lookup(x.name) == nil {
			return "", "", fmt.Errorf("%s: no {{define %q}}", tm.t.Name(), x.name)
		}
		if err := tm.t.ExecuteTemplate(x.buf, x.name, d); err != nil {
			return "", "", err
		}
	}
	return strings.Join(strings.Fields(s.String()), " "), strings.TrimSpace(b.String()) + "\n", nil
}

// built is one message ready to send or to write as .eml.
type built struct {
	msg       *gomail.Msg
	messageID string
	rcpt      string // where it goes: the recipient, or the -to address
}

// messageID is the same for the same message, so that a retry of it, or
// a mail client, can tell a copy: the period, the recipient, the address
// and the documents' hashes.
func messageID(period string, m *Message, from string) string {
	h := sha256.Sum256([]byte(strings.Join([]string{period, m.Key(), m.To, m.Cc, hashes(m.Docs)}, "\x00")))
	domain := "repcard.invalid"
	if a, err := mail.ParseAddress(from); err == nil {
		if _, d, ok := strings.Cut(a.Address, "@"); ok && d != "" {
			domain = d
		}
	}
	return "repcard." + period + "." + hex.EncodeToString(h[:12]) + "@" + domain
}

// build writes m as a MIME message: the text of email.tmpl, and the
// documents attached, but for those larger than maxBytes, which the text
// names with their place instead. trialTo, when set, replaces the
// recipients and prefixes the subject with the real one.
func (s *sender) build(m *Message) (*built, error) {
	d := mailData{Name: m.Name, Kind: m.Kind, Period: s.period, Headline: m.Headline}
	if m.Kind == KindTeam {
		d.Name = "team"
		if a, err := mail.ParseAddress(m.To); err == nil && a.Name != "" {
			d.Name = a.Name
		}
	}
	var attach []Doc
	for _, doc := range m.Docs {
		d.Documents = append(d.Documents, attachName(doc.Rel))
		if doc.Size > s.maxBytes {
			d.NotAttached = append(d.NotAttached, fmt.Sprintf("%s (%.0f MB) is too large to attach: it is in %s",
				attachName(doc.Rel), float64(doc.Size)/(1<<20), filepath.Join(s.dir, filepath.FromSlash(doc.Rel))))
			continue
		}
		attach = append(attach, doc)
	}
	subject, body, err := s.tmpl.execute(d)
	if err != nil {
		return nil, err
	}
	msg := gomail.NewMsg()
	if err := msg.From(s.from); err != nil {
		return nil, fmt.Errorf("email.from %q: %w", s.from, err)
	}
	b := &built{msg: msg, messageID: messageID(s.period, m, s.from), rcpt: m.To}
	if s.opts.TrialTo != "" {
		b.rcpt = s.opts.TrialTo
		subject = "[" + m.To + "] " + subject
	}
	var err2 error
	if s.opts.TrialTo == "" && m.Kind != KindTeam {
		err2 = msg.AddToFormat(m.Name, b.rcpt)
	} else {
		err2 = msg.To(b.rcpt)
	}
	if err2 != nil {
		return nil, fmt.Errorf("the address of %s, %q: %w", m.Name, b.rcpt, err2)
	}
	if m.Cc != "" && s.opts.TrialTo == "" {
		if err := msg.Cc(m.Cc); err != nil {
			return nil, fmt.Errorf("the manager's address on %s's mail, %q: %w", m.Name, m.Cc, err)
		}
	}
	msg.Subject(subject)
	msg.SetMessageIDWithValue(b.messageID)
	msg.SetDateWithValue(s.now().UTC().Truncate(time.Second))
	msg.SetBodyString(gomail.TypeTextPlain, body)
	for _, doc := range attach {
		data, err := os.ReadFile(doc.Path)
		if err != nil {
			return nil, err
		}
		if hex.EncodeToString(sha(data)) != doc.SHA256 {
			return nil, fmt.Errorf("%s changed while sending; run send again", doc.Path)
		}
		if err := msg.AttachReader(attachName(doc.Rel), bytes.NewReader(data), gomail.WithFileContentType(gomail.ContentType("application/pdf"))); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// attachName is the file name a document is attached as: jane-doe.pdf,
// and jane-doe-self-review.pdf for review/jane-doe.pdf.
func attachName(rel string) string {
	base := path.Base(rel)
	if path.Dir(rel) == "review" {
		return strings.TrimSuffix(base, ".pdf") + "-self-review.pdf"
	}
	return base
}

func sha(b []byte) []byte {
	h := sha256.Sum256(b)
	return h[:]
}
