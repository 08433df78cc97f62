package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/repcard/repcard/pipeline"
)

// cmdInit writes a commented starter config.yaml, the coaching templates and
// an empty inbox into DIR (default: the current folder). It never
// overwrites a config.
func cmdInit(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("init", "[DIR]", "repcard init ~/sales && cd ~/sales && repcard run", stdout, stderr)
	if code, ok := parseArgs(fs, args); !ok {
		return code
	}
	if fs.NArg() > 1 {
		fmt.Fprintf(stderr, "repcard init: one folder at most, got %d (e.g. repcard init ~/sales)\n", fs.NArg())
		return exitUsage
	}
	dir := "."
	if fs.NArg() == 1 {
		dir = fs.Arg(0)
	}
	s, err := pipeline.Init(dir)
	if err != nil {
		fmt.Fprintf(stderr, "repcard init: %v\n", err)
		if errors.Is(err, pipeline.ErrConfigExists) {
			return exitUsage
		}
		return exitNothing
	}
	fmt.Fprintf(stdout, "Wrote %s, the coaching texts in %s and an empty inbox %s.\nDrop your exports into the inbox, then run:\n  cd %s && repcard run\n",
		s.Config, s.Templates+string(filepath.Separator), s.Inbox+string(filepath.Separator), dir)
	return exitOK
}
