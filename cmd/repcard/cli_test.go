package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/repcard/repcard/internal/checkprint"
)

// Help goes to stdout with exit 0, for 'COMMAND -h' and 'help COMMAND'
// alike; it shows every flag with a readable placeholder, and no flag
// block for a command with no flags.
func TestHelp(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		args    []string
		want    []string // lines or words the help must have
		notWant []string
	}{
		{[]string{"run", "-h"}, []string{"Usage: repcard run ", "  -rep NAME\n", "  -workers N\n", "  -period P\n", "  -config FILE\n", "  -in DIR\n", "  -out DIR\n", "a roster alias", "Example:\n  repcard run "}, []string{"value", " int\n", "(default \"config.yaml\")"}},
		{[]string{"help", "run"}, []string{"Usage: repcard run ", "  -rep NAME\n"}, nil},
		{[]string{"run", "--help"}, []string{"Usage: repcard run "}, nil},
		{[]string{"watch", "-h"}, []string{"[-period P] [-settle DURATION]\n                     [-poll DURATION] [-retry DURATION] [-no-wait]", "  -retry DURATION\n", "  -no-wait\n", "  -settle DURATION\n", "  -poll DURATION\n", "  -period P\n", "  -out DIR\n"}, nil},
		{[]string{"help", "check"}, []string{"Usage: repcard check [-config FILE] [-in DIR] [-json]", "  -json\n"}, nil},
		{[]string{"init", "-h"}, []string{"Usage: repcard init [DIR]\n\nWrites a commented config.yaml", "\n\nExample:\n  repcard init ~/sales"}, []string{"Flags:", "\n\n\n"}},
		{[]string{"help", "version"}, []string{"Usage: repcard version\n"}, []string{"Flags:"}},
		{[]string{"help"}, []string{"repcard help COMMAND", "repcard watch  [-config FILE] [-in DIR] [-out DIR] [-period P] [-settle DURATION]\n                 [-poll DURATION] [-retry DURATION] [-no-wait]"}, nil},
		{[]string{"-h"}, []string{"Usage:\n  repcard run "}, nil},
	} {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			r := runBinary(t, dir, c.args...)
			if r.code != exitOK || r.stderr != "" {
				t.Fatalf("exit %d, stderr %q; want 0 and help on stdout", r.code, r.stderr)
			}
			for _, w := range c.want {
				if !strings.Contains(r.stdout, w) {
					t.Errorf("help lacks %q:\n%s", w, r.stdout)
				}
			}
			for _, w := range c.notWant {
				if strings.Contains(r.stdout, w) {
					t.Errorf("help has %q:\n%s", w, r.stdout)
				}
			}
			for _, l := range strings.Split(r.stdout, "\n") {
				if n := utf8.RuneCountInString(strings.ReplaceAll(l, "\t", "        ")); n > 120 {
					t.Errorf("a line of %d columns: %q", n, l)
				}
			}
		})
	}
	if a, b := runBinary(t, dir, "help", "run"), runBinary(t, dir, "run", "-h"); a.stdout != b.stdout {
		t.Errorf("'help run' and 'run -h' differ:\n%s\n%s", a.stdout, b.stdout)
	}
	for _, args := range [][]string{{"help", "frobnicate"}, {"frobnicate"}} {
		if r := runBinary(t, dir, args...); r.code != exitUsage || !strings.Contains(r.stderr, `unknown command "frobnicate"`) || r.stdout != "" {
			t.Errorf("repcard %v: exit %d, stdout %q, stderr %q", args, r.code, r.stdout, r.stderr)
		}
	}
}

// version, -version and --version print the same line.
func TestVersionFlags(t *testing.T) {
	dir := t.TempDir()
	want := runBinary(t, dir, "version")
	if want.code != exitOK || !strings.HasPrefix(want.stdout, "repcard ") || !strings.Contains(want.stdout, "go1.") {
		t.Fatalf("version: exit %d %q %q", want.code, want.stdout, want.stderr)
	}
	for _, arg := range []string{"-version", "--version"} {
		if r := runBinary(t, dir, arg); r.code != exitOK || r.stdout != want.stdout {
			t.Errorf("%s: exit %d %q, want %q", arg, r.code, r.stdout, want.stdout)
		}
	}
}

func TestVersionLine(t *testing.T) {
	vcs := func(rev, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified}}
	}
	for _, c := range []struct {
		name    string
		stamped string
		bi      *debug.BuildInfo
		want    string
	}{
		{"go install @v1.2.0", "", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.0"}}, "repcard v1.2.0 (go1.26.8)"},
		{"stamped release build", "v1.2.0", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: vcs("0123456789abcdef0123", "false")}, "repcard v1.2.0 (commit 0123456789ab, go1.26.8)"},
		{"source build, changes", "", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: vcs("0123456789abcdef0123", "true")}, "repcard (devel) (commit 0123456789ab+dirty, go1.26.8)"},
		{"source build, no vcs", "", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}}, "repcard (devel) (commit unknown, go1.26.8)"},
		{"toolchain pseudo-version", "", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.0.0-20261202145000-0123456789ab"}, Settings: vcs("0123456789abcdef", "false")}, "repcard v0.0.0-20261202145000-0123456789ab (commit 0123456789ab, go1.26.8)"},
		{"no build info", "", nil, "repcard (devel) (commit unknown, unknown Go)"},
		{"stamped, no build info", "v2.0.0", nil, "repcard v2.0.0 (unknown Go)"},
	} {
		if got := versionLine(c.stamped, c.bi); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

// A release build stamped with -ldflags prints its version. It builds the
// command, so -short leaves it out.
func TestReleaseBuildVersion(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	bin := filepath.Join(t.TempDir(), "repcard")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	build := exec.CommandContext(ctx, "go", "build", "-ldflags", "-X main.version=v9.8.7", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.CommandContext(ctx, bin, "--version").Output()
	if err != nil || !strings.HasPrefix(string(out), "repcard v9.8.7 (") {
		t.Errorf("stamped build: %q, %v", out, err)
	}
}

// With no config.yaml in the current folder and no -in, a command says so
// and what to do, and names a folder above that has one; it never falls
// back to a default inbox the user did not name. With -in it reads that
// inbox with the defaults.
func TestNoConfigHere(t *testing.T) {
	sales := smallInbox(t)
	writeFile(t, filepath.Join(sales, "config.yaml"), "inbox: inbox\n")
	inbox := filepath.Join(sales, "inbox")
	for _, args := range [][]string{{"run"}, {"check"}, {"watch"}, {"run", "-out", "out", "-period", "2026-10"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			r := runBinary(t, inbox, args...)
			if r.code != exitUsage || !strings.Contains(r.stderr, "no config.yaml here; run 'repcard init' to set up this folder, or pass -config FILE or -in DIR") ||
				!strings.Contains(r.stderr, "("+sales+" has one: cd "+sales+")") || strings.Contains(r.stderr, "examples") {
				t.Errorf("exit %d, stderr %q", r.code, r.stderr)
			}
		})
	}
	// Nothing above: no folder is named.
	bare := t.TempDir()
	if _, err := os.Stat(filepath.Join(filepath.Dir(bare), "config.yaml")); err == nil {
		t.Skip("a config.yaml above the test's temp folder")
	}
	if r := runBinary(t, bare, "check"); r.code != exitUsage || !strings.HasSuffix(r.stderr, "pass -config FILE or -in DIR\n") {
		t.Errorf("no config anywhere: exit %d, stderr %q", r.code, r.stderr)
	}
	// -in without a config: the defaults.
	if r := runBinary(t, bare, "check", "-in", inbox); r.code != exitOK || !strings.Contains(r.stdout, "activities.csv") {
		t.Errorf("-in without a config: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// -rep finds a rep by a roster alias or e-mail, without accents, in any
// case; a name near one is answered with it; a name missing beside one
// found is warned of, with exit 1.
func TestRepAliases(t *testing.T) {
	dir := smallInbox(t)
	writeFile(t, filepath.Join(dir, "inbox", "roster.csv"), "Rep,Manager,Office,Email,Aliases\n"+
		"Jane Doe,Ana Ruiz,Berlin,jane@acme.example,J. Doe\n"+
		"Zoë Brontë,Ana Ruiz,Berlin,zoe@acme.example,Zoe B;Zed Bronte\n")
	writeFile(t, filepath.Join(dir, "config.yaml"), "inbox: inbox\nout: out\n")
	for _, c := range []struct {
		name   string
		reps   []string
		code   int
		pdfs   []string // reps/<slug>.pdf written
		stderr string
	}{
		{"alias", []string{"zed bronte"}, exitOK, []string{"zoe-bronte.pdf"}, ""},
		{"alias, other case", []string{"J. DOE"}, exitOK, []string{"jane-doe.pdf"}, ""},
		{"e-mail", []string{"Jane@Acme.example"}, exitOK, []string{"jane-doe.pdf"}, ""},
		{"name without accents", []string{"zoe bronte"}, exitOK, []string{"zoe-bronte.pdf"}, ""},
		{"two names, one an alias", []string{"Zoe B", "jane doe"}, exitOK, []string{"jane-doe.pdf", "zoe-bronte.pdf"}, ""},
		{"near an alias", []string{"Zed Bronti"}, exitNothing, nil, "no rep named Zed Bronti in the reports; did you mean Zoë Brontë?"},
		{"first name only", []string{"Jane"}, exitNothing, nil, "did you mean Jane Doe?"},
		{"one found, one not", []string{"Zoe B", "Nobody"}, exitLeftOut, []string{"zoe-bronte.pdf"}, "no rep named Nobody in the reports\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			os.RemoveAll(filepath.Join(dir, "out"))
			args := []string{"run", "-quiet"}
			for _, r := range c.reps {
				args = append(args, "-rep", r)
			}
			r := runBinary(t, dir, args...)
			if r.code != c.code || !strings.Contains(r.stderr, c.stderr) || (c.stderr == "" && r.stderr != "") {
				t.Errorf("exit %d (want %d), stderr %q (want %q)", r.code, c.code, r.stderr, c.stderr)
			}
			entries, _ := os.ReadDir(filepath.Join(dir, "out", "2026-10", "reps"))
			var got []string
			for _, e := range entries {
				got = append(got, e.Name())
			}
			if strings.Join(got, " ") != strings.Join(c.pdfs, " ") {
				t.Errorf("reps written %q, want %q", got, c.pdfs)
			}
		})
	}
}

// An inbox that is not a folder is a usage error (exit 2) in every command
// that reads one.
func TestInboxNotAFolder(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "exports.csv")
	writeFile(t, file, "Rep,Date\n")
	for _, args := range [][]string{
		{"run", "-in", filepath.Join(dir, "nowhere"), "-out", "out"},
		{"check", "-in", filepath.Join(dir, "nowhere")},
		{"watch", "-in", filepath.Join(dir, "nowhere")},
		{"run", "-in", file},
		{"watch", "-in", file},
	} {
		if r := runBinary(t, dir, args...); r.code != exitUsage || !strings.Contains(r.stderr, "is not a folder") {
			t.Errorf("repcard %v: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
}

// An inbox with no file in it, at any depth, says it is empty and where to
// copy the exports; one with only files passed over lists them.
func TestInboxEmpty(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "inbox")
	os.MkdirAll(filepath.Join(empty, "2026", "october"), 0o755)
	writeFile(t, filepath.Join(empty, ".DS_Store"), "x")
	for _, cmd := range []string{"run", "check"} {
		r := runBinary(t, dir, cmd, "-in", empty)
		if r.code != exitNothing || r.stderr != "repcard "+cmd+": inbox "+empty+" is empty; copy your sales exports (.xlsx, .csv, …) into it, then run again\n" {
			t.Errorf("%s: exit %d, stderr %q", cmd, r.code, r.stderr)
		}
	}
	writeFile(t, filepath.Join(empty, "2026", "notes.txt"), "x")
	r := runBinary(t, dir, "check", "-in", empty)
	if r.code != exitNothing || !strings.Contains(r.stdout, "\n  2026/notes.txt: not a spreadsheet") || !strings.HasSuffix(r.stderr, ": no spreadsheet in "+empty+" (.xlsx, .xlsm, .csv, .tsv); copy your sales exports into it, then run again\n") {
		t.Errorf("only a file passed over: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// check's lines fit 100 columns, on inboxes with long file and sheet names
// and long reasons.
func TestCheckWidth(t *testing.T) {
	inboxes := []string{filepath.Join("..", "..", "examples", "inbox")}
	if root := sharedDatasetsIfAny(); root != "" {
		inboxes = append(inboxes, filepath.Join(root, "crm-sales-opportunities"), filepath.Join(root, "deal-owner-pipeline"))
	}
	long := t.TempDir()
	writeFile(t, filepath.Join(long, "a-rather-long-export-file-name-from-the-crm-of-the-london-office-2026.csv"),
		"Rep,Date,Type\nJane,2026-10-01,call\n,2026-10-02,"+strings.Repeat("very long type ", 12)+"\n")
	writeFile(t, filepath.Join(long, "notes.csv"), "Some,Words,"+strings.Repeat("Column,", 30)+"\nx,y,z\n")
	inboxes = append(inboxes, long)
	for _, in := range inboxes {
		_, out, _ := runMain(t, "check", "-in", in)
		if !strings.Contains(out, "rows") {
			t.Fatalf("%s: no inputs:\n%s", in, out)
		}
		for _, l := range strings.Split(out, "\n") {
			if n := utf8.RuneCountInString(l); n > checkprint.Width {
				t.Errorf("%s: a line of %d columns:\n%s", in, n, l)
			}
		}
	}
}

// sharedDatasetsIfAny is the folder of the public data sets, or "".
func sharedDatasetsIfAny() string {
	if dir := os.Getenv("REPCARD_DATASETS"); dir != "" {
		return dir
	}
	dir, _ := filepath.Abs("../../../shared/datasets")
	if _, err := os.Stat(dir); err != nil {
		return ""
	}
	return dir
}
