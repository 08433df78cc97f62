package pipeline

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"

	"github.com/repcard/repcard/config"
	"github.com/repcard/repcard/output"
	"github.com/repcard/repcard/templates"
)

// ErrConfigExists is Init's error when the folder already has a
// config.yaml: it is never overwritten.
var ErrConfigExists = errors.New("already exists")

// Setup is what Init made.
type Setup struct {
	Config    string // dir/config.yaml
	Inbox     string // dir/inbox
	Templates string // dir/templates
}

// Init sets up dir for a team: a commented starter config.yaml whose inbox
// is dir/inbox, that empty inbox, and the built-in coaching templates to
// edit. It never overwrites a config (ErrConfigExists) nor a template file
// already there.
func Init(dir string) (Setup, error) {
	s := Setup{
		Config:    filepath.Join(dir, "config.yaml"),
		Inbox:     filepath.Join(dir, "inbox"),
		Templates: filepath.Join(dir, "templates"),
	}
	if _, err := os.Stat(s.Config); err == nil {
		return s, fmt.Errorf("%s %w; not overwriting it (delete it first to start over)", s.Config, ErrConfigExists)
	}
	if err := os.MkdirAll(s.Inbox, 0o755); err != nil {
		return s, err
	}
	if err := output.WriteFile(s.Config, func(w io.Writer) error {
		_, err := w.Write(starterFor("inbox"))
		return err
	}); err != nil {
		return s, err
	}
	return s, writeTemplates(s.Templates)
}

var inboxLine = regexp.MustCompile(`(?m)^inbox: examples/inbox( *)`)

// starterFor returns the starter config with its inbox set to inbox
// (relative to the folder repcard runs in).
func starterFor(inbox string) []byte {
	s := config.Starter()
	return inboxLine.ReplaceAllFunc(s, func(m []byte) []byte {
		pad := len(m) - len("inbox: ") - len(inbox)
		return append([]byte("inbox: "+inbox), bytes.Repeat([]byte(" "), max(pad, 1))...)
	})
}

// writeTemplates copies the built-in coaching templates into dir for a team
// to edit, leaving any file already there alone.
func writeTemplates(dir string) error {
	entries, err := fs.ReadDir(templates.FS, ".")
	if err != nil {
		return err
	}
	for _, e := range entries {
		dst := filepath.Join(dir, e.Name())
		if _, err := os.Stat(dst); err == nil {
			continue
		}
		b, err := fs.ReadFile(templates.FS, e.Name())
		if err != nil {
			return err
		}
		if err := output.WriteFile(dst, func(w io.Writer) error { _, err := w.Write(b); return err }); err != nil {
			return err
		}
	}
	return nil
}
