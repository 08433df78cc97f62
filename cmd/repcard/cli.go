package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/config"
	"github.com/repcard/repcard/reader"
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
  repcard run    [-config FILE] [-in DIR] [-out DIR] [-period P] [-rep NAME]… [-self-review]
                 [-workers N] [-quiet] [-no-wait]
  repcard check  [-config FILE] [-in DIR] [-json]
  repcard watch  [-config FILE] [-in DIR] [-out DIR] [-period P] [-settle DURATION]
                 [-poll DURATION] [-retry DURATION] [-no-wait]
  repcard send   [-config FILE] [-out DIR] [-period P] [-dry-run] [-only-failed] [-to ADDRESS] [-rep NAME]…
  repcard init   [DIR]
  repcard version

Run 'repcard help COMMAND' (or 'repcard COMMAND -h') for a command's flags and an example.
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
	case "send":
		return cmdSend(ctx, rest, stdout, stderr)
	case "init":
		return cmdInit(rest, stdout, stderr)
	case "version", "-version", "--version":
		return cmdVersion(rest, stdout, stderr)
	case "help":
		if len(rest) > 0 && rest[0] != "help" {
			return Main(ctx, []string{rest[0], "-h"}, stdout, stderr)
		}
		fmt.Fprint(stdout, usage)
		return exitOK
	case "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "repcard: unknown command %q; try 'repcard run' or 'repcard help'\n", cmd)
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

// newFlags returns a flag set that never exits the process. Its usage,
// for -h or 'repcard help', goes to stdout: what the command does, its
// synopsis, its flags (when it has any) and an example; the one line a
// mistake gets goes to stderr.
func newFlags(name, synopsis, example string, stdout, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("repcard "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stdout, "Usage: %s\n\n", strings.TrimSpace("repcard "+name+" "+synopsis))
		if about := commandAbout[name]; about != "" {
			fmt.Fprintf(stdout, "%s\n\n", about)
		}
		hasFlags := false
		fs.VisitAll(func(*flag.Flag) { hasFlags = true })
		if hasFlags {
			fmt.Fprintln(stdout, "Flags:")
			out := fs.Output()
			fs.SetOutput(stdout)
			fs.PrintDefaults()
			fs.SetOutput(out)
			fmt.Fprintln(stdout)
		}
		fmt.Fprintf(stdout, "Example:\n  %s\n", example)
	}
	return fs
}

// commandAbout says in a few lines what each command does, under its
// synopsis in its usage.
var commandAbout = map[string]string{
	"run": `Reads the inbox and writes, for one period, a coaching PDF per rep, the team
and manager summaries, metrics.json and data-issues.csv into OUT/<period>/.`,
	"check": `Reads the inbox and says what it found in every file and sheet, and every row
left out and why. Writes nothing.`,
	"watch": `Rebuilds the reports whenever an export lands in the inbox or changes, until
Ctrl-C.`,
	"send": `E-mails each rep their report (and self-review), each manager their summary and
the team summary to email.team_to, once: deliveries.csv in OUT/<period>/ records
every message, so a second send mails only what is new, changed or failed.`,
	"init": `Writes a commented config.yaml, the coaching texts (templates/) and an empty
inbox/ into DIR (default: the current folder). It never overwrites a config.`,
	"version": `Prints the version of repcard, the commit it was built from and the Go version.`,
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

// configName is the config file a command reads when -config does not
// name one: config.yaml in the current folder. repcard does not look for
// it in the folders above, as the inbox and out folders it names are
// taken from the current folder.
const configName = "config.yaml"

// configFlags are the flags every command that reads an inbox shares.
type configFlags struct {
	config string
	in     string
}

func (c *configFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&c.config, "config", "", "read the config `FILE` (default: config.yaml in the current folder)")
	fs.StringVar(&c.in, "in", "", "read the exports in `DIR` (default: the config's inbox)")
}

// load reads the config and applies -in. With no -config it reads
// config.yaml in the current folder; when there is none, -in names the
// inbox and the defaults do the rest, and without -in it is a usage error
// that says so. It reports an error on stderr; ok is false then.
func (c *configFlags) load(fs *flag.FlagSet, stderr io.Writer) (*config.Config, bool) {
	path := c.config
	if path == "" {
		path = configName
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			if c.in == "" {
				fmt.Fprintf(stderr, "%s: %s\n", fs.Name(), noConfigHere())
				return nil, false
			}
			path = ""
		}
	}
	cfg, err := config.Load(path)
	if err != nil {
		fmt.Fprintf(stderr, "repcard: %v\n", err)
		return nil, false
	}
	if c.in != "" {
		cfg.Inbox = c.in
	}
	return cfg, true
}

// noConfigHere says that the current folder has no config.yaml and what to
// do, naming the nearest folder above that has one.
func noConfigHere() string {
	msg := "no config.yaml here; run 'repcard init' to set up this folder, or pass -config FILE or -in DIR"
	wd, err := os.Getwd()
	if err != nil {
		return msg
	}
	for dir := filepath.Dir(wd); ; dir = filepath.Dir(dir) {
		if fi, err := os.Stat(filepath.Join(dir, configName)); err == nil && fi.Mode().IsRegular() {
			return msg + fmt.Sprintf(" (%s has one: cd %s)", dir, dir)
		}
		if dir == filepath.Dir(dir) {
			return msg
		}
	}
}

// inboxCode checks the inbox before a command reads it and says on stderr
// what is wrong: not a folder is a usage error (exit 2); a folder with no
// file in it at any depth, unless emptyOK, has nothing to report (exit 3).
// It returns 0 when the inbox can be read.
func inboxCode(cmd, inbox string, emptyOK bool, stderr io.Writer) int {
	fi, err := os.Stat(inbox)
	if err == nil && !fi.IsDir() {
		err = errors.New("it is a file")
	}
	if _, rerr := os.ReadDir(inbox); err == nil && rerr != nil {
		fmt.Fprintf(stderr, "%s: inbox %s cannot be read (%v); let your user read the folder, or name another with -in DIR\n",
			cmd, inbox, errors.Unwrap(rerr))
		return exitUsage
	}
	if err != nil {
		if u := errors.Unwrap(err); u != nil {
			err = u
		}
		fmt.Fprintf(stderr, "%s: inbox %s is not a folder (%v); name the folder of your exports with -in DIR or inbox: in config.yaml\n",
			cmd, inbox, err)
		return exitUsage
	}
	if emptyOK || hasFile(inbox) {
		return 0
	}
	fmt.Fprintf(stderr, "%s: inbox %s is empty; copy your sales exports (.xlsx, .csv, …) into it, then run again\n", cmd, inbox)
	return exitNothing
}

// hasFile reports whether dir holds a file the reader would look at: one
// not hidden, in dir or a folder under it the reader walks into.
func hasFile(dir string) bool {
	found := false
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			found = true // the reader says what it cannot list
			return fs.SkipAll
		case d.IsDir():
			if p != dir && !reader.IsInputDir(d.Name()) {
				return fs.SkipDir
			}
		case !strings.HasPrefix(d.Name(), "."):
			found = true
			return fs.SkipAll
		}
		return nil
	})
	return found
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
