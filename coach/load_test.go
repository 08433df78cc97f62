package coach

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// minimal is a valid template file with every rule but those in skip, one
// line per template.
func minimal(skip ...string) string {
	var b strings.Builder
	for _, r := range Rules() {
		for _, part := range []string{".title", ".text"} {
			if !contains(skip, r+part) {
				fmt.Fprintf(&b, "{{define %q}}Words of %s for {{.FirstName}}.{{end}}\n", r+part, r)
			}
		}
	}
	return b.String()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// writeDir writes files into a new folder and returns it.
func writeDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoadMinimal(t *testing.T) {
	s, err := Load(writeDir(t, map[string]string{"coaching.tmpl": minimal()}))
	if err != nil {
		t.Fatal(err)
	}
	ps, err := s.ForRep(&october, steadyRep(), 2)
	if err != nil {
		t.Fatal(err)
	}
	if want := (Paragraph{RuleSteady, "Words of steady for Jane.", "Words of steady for Jane."}); len(ps) != 1 || ps[0] != want {
		t.Errorf("ForRep = %+v, want [%+v]", ps, want)
	}
}

// TestLoadErrors: a broken template fails Load with an *Error that names
// the file and the line of the mistake.
func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name  string
		head  string // the first lines of coaching.tmpl; minimal() follows, without the templates head defines
		skip  []string
		extra map[string]string // more files
		file  string            // the file named; "" = coaching.tmpl
		line  int
		msg   string // a part of the message
	}{
		{
			name: "syntax error: unclosed action",
			head: "{{define \"steady.text\"}}\nEach no was worth\n{{.ValuePerContact}\nbetween them.{{end}}\n",
			skip: []string{"steady.text"}, line: 3, msg: "bad character",
		},
		{
			name: "syntax error: if without end",
			head: "\n{{define \"steady.text\"}}\n{{if .Closings}}sales\n{{end}}\n",
			skip: []string{"steady.text"}, line: 5, msg: "unexpected <define>",
		},
		{
			name: "field that does not exist",
			head: "{{define \"ratio_worse.title\"}}Your ratio{{end}}\n{{define \"ratio_worse.text\"}}\nIt took {{.MonthRatio}} contacts,\nagainst {{.Ratoi}} before.{{end}}\n",
			skip: []string{"ratio_worse.title", "ratio_worse.text"}, line: 4, msg: "ratio_worse.text: there is no field .Ratoi",
		},
		{
			name: "field that does not exist, in a branch no sample takes",
			head: "{{define \"win_streak.text\"}}{{if eq .Rep \"Nobody At All\"}}\n\n{{.Streak}}{{end}}{{end}}\n",
			skip: []string{"win_streak.text"}, line: 3, msg: "no field .Streak",
		},
		{
			name: "field of a field",
			head: "{{define \"steady.text\"}}{{.Rep.Surname}}{{end}}\n",
			skip: []string{"steady.text"}, line: 1, msg: ".Rep is text and has no field .Surname",
		},
		{
			name: "field of dot inside with",
			head: "{{define \"controllable_losses.text\"}}\n{{with .TopReason}}\n“{{.Reason}}”{{end}}{{end}}\n",
			skip: []string{"controllable_losses.text"}, line: 3, msg: "has no field .Reason",
		},
		{
			name: "$ field inside with",
			head: "{{define \"controllable_losses.text\"}}{{with .TopReason}}{{.}} ({{$.TopReasonCnt}}){{end}}{{end}}\n",
			skip: []string{"controllable_losses.text"}, line: 1, msg: "no field .TopReasonCnt",
		},
		{
			name: "function that does not exist",
			head: "{{define \"steady.text\"}}\n{{.Closings}} {{pluralize .Closings \"sale\" \"sales\"}}{{end}}\n",
			skip: []string{"steady.text"}, line: 2, msg: `function "pluralize" not defined`,
		},
		{
			name: "plural of a name",
			head: "{{define \"steady.text\"}}\n\n{{plural .Rep \"sale\" \"sales\"}}{{end}}\n",
			skip: []string{"steady.text"}, line: 3, msg: "error calling plural: plural counts a whole number",
		},
		{
			name: "plural with too few words",
			head: "{{define \"steady.text\"}}{{.Closings}}\n{{plural .Closings \"sale\"}}{{end}}\n",
			skip: []string{"steady.text"}, line: 2, msg: "wrong number of args for plural",
		},
		{
			name: "comparison of text with a number",
			head: "{{define \"steady.text\"}}\n{{if gt .Ratio 10}}many{{end}}{{end}}\n",
			skip: []string{"steady.text"}, line: 2, msg: "incompatible types for comparison",
		},
		{
			name: "template that does not exist",
			head: "{{define \"steady.text\"}}\n{{template \"signature\" .}}{{end}}\n",
			skip: []string{"steady.text"}, line: 2, msg: `"signature"`,
		},
		{
			name: "error with the empty sample only",
			head: "{{define \"no_contacts.text\"}}No contacts.\n{{if not .Period}}{{plural .Period \"a\" \"b\"}}{{end}}{{end}}\n",
			skip: []string{"no_contacts.text"}, line: 2, msg: "a rep with no data at all",
		},
		{
			name: "rule that does not exist",
			head: "\n{{define \"ratio_wrose.text\"}}Typo{{end}}\n",
			line: 2, msg: `there is no rule "ratio_wrose"`,
		},
		{
			name: "rule without a text",
			skip: []string{"win_streak.text"}, line: 0, msg: `rule win_streak has no {{define "win_streak.text"}}`,
		},
		{
			name: "text outside define",
			head: "{{/* a note */}}\n\n  Keep it short!\n",
			line: 3, msg: "never printed",
		},
		{
			name: "action outside define",
			head: "\n{{.Rep}}\n",
			line: 2, msg: "never printed",
		},
		{
			name: "defined twice in one file",
			head: "{{define \"steady.text\"}}One{{end}}\n{{define \"steady.text\"}}Two{{end}}\n",
			skip: []string{"steady.text"}, line: 2, msg: "multiple definition",
		},
		{
			name:  "defined in two files",
			extra: map[string]string{"extra.tmpl": "\n{{define \"steady.text\"}}Again{{end}}\n"},
			file:  "extra.tmpl", line: 2, msg: "is already in",
		},
		{
			name: "fallback that renders empty",
			head: "{{define \"steady.text\"}}\n{{if not .Closings}}Nothing{{end}}{{end}}\n",
			skip: []string{"steady.text"}, line: 1, msg: "a fallback rule must always say something",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{"coaching.tmpl": tc.head + minimal(tc.skip...)}
			for k, v := range tc.extra {
				files[k] = v
			}
			dir := writeDir(t, files)
			_, err := Load(dir)
			if err == nil {
				t.Fatal("Load succeeded")
			}
			t.Log(err)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Load error %v (%T) is not an *Error", err, err)
			}
			file := filepath.Join(dir, "coaching.tmpl")
			if tc.file != "" {
				file = filepath.Join(dir, tc.file)
			}
			if e.File != file || e.Line != tc.line {
				t.Errorf("error at %s:%d, want %s:%d (%v)", e.File, e.Line, file, tc.line, err)
			}
			prefix := file + ":"
			if tc.line > 0 {
				prefix = fmt.Sprintf("%s:%d: ", file, tc.line)
			}
			if !strings.HasPrefix(err.Error(), prefix) {
				t.Errorf("error %q does not start with %q", err, prefix)
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error %q does not say %q", err, tc.msg)
			}
			if strings.Contains(err.Error(), "template: ") {
				t.Errorf("error %q keeps text/template's prefix", err)
			}
		})
	}
}

func TestLoadFolder(t *testing.T) {
	if _, err := Load(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("Load of a missing folder succeeded")
	}
	dir := writeDir(t, map[string]string{"README.md": "# not a template {{.Nope}}"})
	_, err := Load(dir)
	var e *Error
	if !errors.As(err, &e) || e.File != dir || !strings.Contains(err.Error(), "no .tmpl file") {
		t.Errorf("Load of a folder with no template: %v", err)
	}
	// Files other than *.tmpl, and folders, are left alone.
	dir = writeDir(t, map[string]string{"coaching.tmpl": minimal(), "README.md": "{{.Nope}}", "old.tmpl.bak": "{{"})
	if err := os.Mkdir(filepath.Join(dir, "drafts.tmpl"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(dir); err != nil {
		t.Errorf("Load: %v", err)
	}
}

// TestLoadSplitFiles: rules may be spread over several files, and share
// helper templates called with the same data.
func TestLoadSplitFiles(t *testing.T) {
	dir := writeDir(t, map[string]string{
		"a.tmpl": minimal("steady.text", "win_streak.text"),
		"b.tmpl": "{{define \"signoff\"}}Keep going, {{.FirstName}}.{{end}}\n" +
			"{{define \"steady.text\"}}{{.Closings}} {{plural .Closings \"sale\" \"sales\"}}. {{template \"signoff\" .}}{{end}}\n" +
			"{{define \"win_streak.text\"}}{{end}}\n",
	})
	s, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := s.ForRep(&october, steadyRep(), 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 1 || ps[0].Text != "11 sales. Keep going, Jane." {
		t.Errorf("ForRep = %+v", ps)
	}

	// A helper with a field that does not exist is caught through its caller.
	dir = writeDir(t, map[string]string{
		"a.tmpl": minimal("steady.text"),
		"b.tmpl": "{{define \"steady.text\"}}{{template \"signoff\" .}}{{end}}\n\n{{define \"signoff\"}}Keep going, {{.Nickname}}.{{end}}\n",
	})
	_, err = Load(dir)
	if want := filepath.Join(dir, "b.tmpl") + ":3: signoff: there is no field .Nickname"; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("Load: %v, want %s…", err, want)
	}
}

func TestDefaultIsTheRepositoryTemplates(t *testing.T) {
	def, err := Default()
	if err != nil {
		t.Fatalf("built-in templates: %v", err)
	}
	repo, err := Load("../templates")
	if err != nil {
		t.Fatal(err)
	}
	smp := samples()[0]
	a, err := def.ForRep(&smp.rpt, &smp.rep, 0)
	if err != nil {
		t.Fatal(err)
	}
	b, err := repo.ForRep(&smp.rpt, &smp.rep, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(a) == 0 || fmt.Sprint(a) != fmt.Sprint(b) {
		t.Errorf("built-in %v\nfolder   %v", a, b)
	}
}
