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

// parseFlags parses args, which are flags only, and turns -h and bad flags
// into exit codes: ok is false when the caller should return code.
func parseFlags(fs *flag.FlagSet, args []string) (code int, ok bool) {
	if code, ok := parseArgs(fs, args); !ok {
		return code, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "%s: unexpected argument %q (flags go before, e.g. -in DIR)\n", fs.Name(), fs.Arg(0))
		return exitUsage, false
	}
	return 0, true
}

// parseArgs parses args as parseFlags does, leaving the arguments after
// the flags to the caller. -h prints the full usage; a mistake prints one
// line, with the flag meant when it is close, and a hint.
func parseArgs(fs *flag.FlagSet, args []string) (code int, ok bool) {
	out, usage := fs.Output(), fs.Usage
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	err := fs.Parse(args)
	fs.SetOutput(out)
	fs.Usage = usage
	switch {
	case errors.Is(err, flag.ErrHelp):
		fs.Usage()
		return exitOK, false
	case err != nil:
		fmt.Fprintf(out, "%s: %s\nrun '%s -h' for all flags\n", fs.Name(), flagMistake(fs, err), fs.Name())
		return exitUsage, false
	}
	return 0, true
}

// flagMistake says what is wrong in err, a flag package parse error, and
// names the flag meant when an unknown one is close to it.
func flagMistake(fs *flag.FlagSet, err error) string {
	name, unknown := strings.CutPrefix(err.Error(), "flag provided but not defined: ")
	if !unknown {
		return err.Error()
	}
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	msg := "unknown flag " + name
	if s := config.Suggest(strings.TrimLeft(name, "-"), names); s != "" {
		msg += " (did you mean -" + s + "?)"
	}
	return msg
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

// inboxCode checks the inbox before a command reads it and says on stderr
// what is wrong: not a folder is a usage error (exit 2); a folder with no
// file in it, unless emptyOK, has nothing to report (exit 3). It returns 0
// when the inbox can be read.
func inboxCode(cmd, inbox string, emptyOK bool, stderr io.Writer) int {
	entries, err := os.ReadDir(inbox)
	if fi, serr := os.Stat(inbox); err != nil && serr == nil && fi.IsDir() {
		fmt.Fprintf(stderr, "%s: inbox %s cannot be read (%v); let your user read the folder, or name another with -in DIR\n",
			cmd, inbox, errors.Unwrap(err))
		return exitUsage
	}
	if err != nil {
		fmt.Fprintf(stderr, "%s: inbox %s is not a folder (%v); name the folder of your exports with -in DIR or inbox: in config.yaml\n",
			cmd, inbox, errors.Unwrap(err))
		return exitUsage
	}
	if emptyOK {
		return 0
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") {
			return 0
		}
	}
	fmt.Fprintf(stderr, "%s: inbox %s is empty; copy your sales exports (.xlsx, .csv, …) into it, then run again\n", cmd, inbox)
	return exitNothing
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
