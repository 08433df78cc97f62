package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/config"
)

// Exit codes (doc.go).
const (
	exitOK      = 0
	exitLeftOut = 1
	exitUsage   = 2
	exitNothing = 3
	exitPartial = 4
)

const usage = `repcard turns sales spreadsheets into coaching PDFs.

Usage:
  repcard run    [-config FILE] [-in DIR] [-out DIR] [-period P] [-rep NAME]… [-self-review] [-workers N] [-quiet]
  repcard check  [-config FILE] [-in DIR] [-json]
  repcard watch  [-config FILE] [-in DIR] [-out DIR]
  repcard init   [DIR]
  repcard version

Run 'repcard COMMAND -h' for a command's flags and an example.
`

// Main runs repcard with args (without the program name) and returns the
// exit code. Tests call it directly.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "check":
		return cmdCheck(ctx, rest, stdout, stderr)
	case "run":
		return cmdRun(ctx, rest, stdout, stderr)
	case "watch":
		return cmdWatch(ctx, rest, stdout, stderr)
	case "init":
		return cmdInit(rest, stdout, stderr)
	case "version":
		return cmdVersion(stdout)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "repcard: unknown command %q; try 'repcard run' or 'repcard -h'\n", cmd)
	return exitUsage
}

var flagErrHelp = flag.ErrHelp

// parsePeriodFlag reads -period; nil means the default period. A bad value
// is reported and gives exit code 2.
func parsePeriodFlag(s string, stderr io.Writer) (*repcard.Period, int) {
	if s == "" {
		return nil, 0
	}
	p, err := repcard.ParsePeriod(s)
	if err != nil {
		fmt.Fprintf(stderr, "repcard: -period: %v\n", err)
		return nil, exitUsage
	}
	return &p, 0
}

// newFlags returns a flag set that prints usage with an example and never
// exits the process.
func newFlags(name, synopsis, example string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("repcard "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: repcard %s %s\n\n", name, synopsis)
		fs.PrintDefaults()
		fmt.Fprintf(stderr, "\nExample:\n  %s\n", example)
	}
	return fs
}

// parseFlags parses args and turns -h and bad flags into exit codes: ok is
// false when the caller should return code.
func parseFlags(fs *flag.FlagSet, args []string) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK, false
		}
		return exitUsage, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "%s: unexpected argument %q (flags go before, e.g. -in DIR)\n", fs.Name(), fs.Arg(0))
		return exitUsage, false
	}
	return 0, true
}

// loadConfig reads the config file: the named one, or config.yaml in the
// current folder when there is one, else the defaults.
func loadConfig(path string, explicit bool) (*config.Config, error) {
	if !explicit {
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			return config.Default(), nil
		}
	}
	return config.Load(path)
}

// configFlags are the flags every command that reads an inbox shares.
type configFlags struct {
	config string
	in     string
}

func (c *configFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&c.config, "config", "config.yaml", "config `file`")
	fs.StringVar(&c.in, "in", "", "inbox `folder` (default: the config's inbox)")
}

// load reads the config and applies -in. It reports a config error on
// stderr and returns exit code 2 when it fails.
func (c *configFlags) load(fs *flag.FlagSet, stderr io.Writer) (*config.Config, bool) {
	explicit := false
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "config" {
			explicit = true
		}
	})
	cfg, err := loadConfig(c.config, explicit)
	if err != nil {
		fmt.Fprintf(stderr, "repcard: %v\n", err)
		return nil, false
	}
	if c.in != "" {
		cfg.Inbox = c.in
	}
	return cfg, true
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
