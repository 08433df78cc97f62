package coach

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"text/template"

	"github.com/repcard/repcard/report"
	"github.com/repcard/repcard/templates"
)

// Paragraph is one paragraph of coaching text: the rule that chose it, and
// its title and text as the templates wrote them, whitespace collapsed.
type Paragraph struct {
	Rule  string
	Title string
	Text  string
}

// Set is the parsed and validated coaching templates of one folder, with
// the thresholds of the rules. It is read-only after Load, so one Set may
// render reports from many goroutines.
type Set struct {
	dir   string
	tmpl  *template.Template
	files map[string]*file // by template file name (the ParseName of its trees)
	th    Thresholds
}

// file is one template file.
type file struct {
	path string // as the user knows it: dir joined with the name
	src  string
}

// Error is a template that could not be loaded or executed. File is the
// template file (or the folder, when no one file is at fault) and Line is
// 1-based, 0 when unknown.
type Error struct {
	File string
	Line int
	Msg  string
}

// Error formats e as "templates/coaching.tmpl:12: message".
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Load parses every *.tmpl file in dir, once, and validates the result: every
// rule has a title and a text template, no template names an unknown rule,
// every field a template uses exists in View, and every rule's title and
// text execute without error on built-in sample reps (one with no data at
// all among them). Any problem is an *Error naming the file and the line.
func Load(dir string) (*Set, error) {
	return LoadFS(os.DirFS(dir), dir)
}

// Default returns the built-in templates (package templates), for a run
// with no templates folder of its own.
func Default() (*Set, error) {
	return LoadFS(templates.FS, "built-in templates")
}

// LoadFS is Load on the *.tmpl files at the top of fsys; dir names them in
// messages.
func LoadFS(fsys fs.FS, dir string) (*Set, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("coaching templates: %w", err)
	}
	s := &Set{
		dir:   dir,
		tmpl:  template.New("").Funcs(funcs()).Option("missingkey=error"),
		files: map[string]*file{},
		th:    DefaultThresholds(),
	}
	where := map[string]*template.Template{} // defined template → the file's template that defined it
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".tmpl") || e.Name() == templates.Email {
			continue
		}
		name := e.Name()
		f := &file{path: filepath.Join(dir, name)}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("coaching templates: %w", err)
		}
		f.src = string(b)
		s.files[name] = f
		t, err := template.New(name).Funcs(funcs()).Option("missingkey=error").Parse(f.src)
		if err != nil {
			return nil, s.wrap(err, "")
		}
		if err := s.checkTopLevel(t); err != nil {
			return nil, err
		}
		defined := t.Templates()
		slices.SortFunc(defined, func(a, b *template.Template) int { return strings.Compare(a.Name(), b.Name()) })
		for _, d := range defined {
			if d.Name() == name || d.Tree == nil {
				continue
			}
			if prev, ok := where[d.Name()]; ok {
				return nil, s.at(d.Tree, d.Tree.Root, fmt.Sprintf("{{define %q}} is already in %s", d.Name(), s.locate(prev.Tree, prev.Tree.Root)))
			}
			where[d.Name()] = d
			if _, err := s.tmpl.AddParseTree(d.Name(), d.Tree); err != nil {
				return nil, s.at(d.Tree, d.Tree.Root, err.Error())
			}
		}
	}
	if len(s.files) == 0 {
		return nil, &Error{File: dir, Msg: "no .tmpl file: the coaching text is written from templates such as coaching.tmpl"}
	}
	if err := s.validate(where); err != nil {
		return nil, err
	}
	return s, nil
}

// WithThresholds returns a copy of s whose rules fire at th. s itself is
// unchanged.
func (s *Set) WithThresholds(th Thresholds) *Set {
	c := *s
	c.th = th
	return &c
}

// Thresholds returns the thresholds at which s's rules fire.
func (s *Set) Thresholds() Thresholds { return s.th }

// ForRep returns the coaching paragraphs for rep in rpt: the rules that
// apply, in priority order (see Select), at most limit of them (all when
// limit ≤ 0). A rule whose text renders empty is skipped; when nothing is
// left the fallback rule's paragraph is returned, so the result always has
// at least one paragraph.
func (s *Set) ForRep(rpt *report.Report, rep *report.Rep, limit int) ([]Paragraph, error) {
	if rpt == nil || rep == nil {
		return nil, errors.New("coach: ForRep needs a report and a rep")
	}
	v := NewView(rpt, rep)
	var out []Paragraph
	for _, name := range Select(rep, s.th) {
		if limit > 0 && len(out) == limit {
			break
		}
		p, err := s.paragraph(name, &v)
		if err != nil {
			return nil, fmt.Errorf("coaching text for %s: %w", rep.Rep, err)
		}
		if p.Text != "" {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		name := fallback(rep)
		p, err := s.paragraph(name, &v)
		if err != nil {
			return nil, fmt.Errorf("coaching text for %s: %w", rep.Rep, err)
		}
		if p.Text == "" {
			return nil, fmt.Errorf("coaching text for %s: %w", rep.Rep, s.at(s.tmpl.Lookup(name+".text").Tree, nil, "the text of a fallback rule rendered empty"))
		}
		out = append(out, p)
	}
	return out, nil
}

// paragraph renders rule name's title and text.
func (s *Set) paragraph(name string, v *View) (Paragraph, error) {
	title, err := s.render(name+".title", v)
	if err != nil {
		return Paragraph{}, err
	}
	text, err := s.render(name+".text", v)
	if err != nil {
		return Paragraph{}, err
	}
	return Paragraph{Rule: name, Title: title, Text: text}, nil
}

// render executes one template and collapses its whitespace.
func (s *Set) render(name string, v *View) (string, error) {
	var b strings.Builder
	if err := s.tmpl.ExecuteTemplate(&b, name, *v); err != nil {
		return "", s.wrap(err, "")
	}
	return strings.Join(strings.Fields(b.String()), " "), nil
}

// funcs are the functions templates may call besides text/template's own.
func funcs() template.FuncMap {
	return template.FuncMap{"plural": plural}
}

// plural returns one when n is 1, else many:
// {{.Closings}} {{plural .Closings "sale" "sales"}}.
func plural(n any, one, many string) (string, error) {
	v := reflect.ValueOf(n)
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if v.Int() == 1 {
			return one, nil
		}
		return many, nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if v.Uint() == 1 {
			return one, nil
		}
		return many, nil
	}
	return "", fmt.Errorf("plural counts a whole number, such as .Closings; got %q", fmt.Sprint(n))
}

// tmplErr is how text/template locates its errors: "template: NAME:LINE: msg"
// when parsing, "template: NAME:LINE:COL: executing ..." when executing.
var tmplErr = regexp.MustCompile(`(?s)^template: (.+?):(\d+):(?:\d+:)? ?(.*)$`)

// wrap turns a text/template error into an *Error naming the file and the
// line; note, when not empty, is added to the message.
func (s *Set) wrap(err error, note string) error {
	msg := err.Error()
	e := &Error{File: s.dir, Msg: msg}
	if m := tmplErr.FindStringSubmatch(msg); m != nil {
		if f, ok := s.files[m[1]]; ok {
			e.File = f.path
			e.Line, _ = strconv.Atoi(m[2])
			e.Msg = strings.TrimPrefix(m[3], "template: ")
		}
	}
	if note != "" {
		e.Msg += " (" + note + ")"
	}
	return e
}
