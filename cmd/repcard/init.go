package main

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

// cmdInit writes a commented starter config.yaml and an empty inbox into
// DIR (default: the current folder). It never overwrites a config.
func cmdInit(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("init", "[DIR]", "repcard init ~/sales && cd ~/sales && repcard run", stderr)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flagErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() > 1 {
		fmt.Fprintf(stderr, "repcard init: one folder at most, got %d (e.g. repcard init ~/sales)\n", fs.NArg())
		return exitUsage
	}
	dir := "."
	if fs.NArg() == 1 {
		dir = fs.Arg(0)
	}
	cfgPath := filepath.Join(dir, "config.yaml")
	if _, err := os.Stat(cfgPath); err == nil {
		fmt.Fprintf(stderr, "repcard init: %s already exists; not overwriting it (delete it first to start over)\n", cfgPath)
		return exitUsage
	}
	inbox := filepath.Join(dir, "inbox")
	if err := os.MkdirAll(inbox, 0o755); err != nil {
		fmt.Fprintf(stderr, "repcard init: %v\n", err)
		return exitNothing
	}
	if err := output.WriteFile(cfgPath, func(w io.Writer) error {
		_, err := w.Write(starterFor("inbox"))
		return err
	}); err != nil {
		fmt.Fprintf(stderr, "repcard init: %v\n", err)
		return exitNothing
	}
	tmplDir := filepath.Join(dir, "templates")
	if err := writeTemplates(tmplDir); err != nil {
		fmt.Fprintf(stderr, "repcard init: %v\n", err)
		return exitNothing
	}
	fmt.Fprintf(stdout, "Wrote %s, the coaching texts in %s and an empty inbox %s.\nDrop your exports into the inbox, then run:\n  cd %s && repcard run\n",
		cfgPath, tmplDir+string(filepath.Separator), inbox+string(filepath.Separator), dir)
	return exitOK
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
