package coach

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"text/template"
	"text/template/parse"
	"unicode"
)

// validate checks the parsed set: the rule templates are all there and no
// other, their fields exist, and they execute on every sample.
func (s *Set) validate(where map[string]*template.Template) error {
	known := map[string]bool{}
	for _, r := range Rules() {
		known[r] = true
	}
	names := make([]string, 0, len(where))
	for n := range where {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		rule, ok := strings.CutSuffix(n, ".title")
		if !ok {
			rule, ok = strings.CutSuffix(n, ".text")
		}
		if ok && !known[rule] {
			t := where[n].Tree
			return s.at(t, t.Root, fmt.Sprintf("{{define %q}}: there is no rule %q; the rules are %s", n, rule, strings.Join(Rules(), ", ")))
		}
	}
	for _, r := range Rules() {
		for _, part := range [...]string{".title", ".text"} {
			if where[r+part] == nil {
				return &Error{File: s.folderOrFile(), Msg: fmt.Sprintf(
					"rule %s has no {{define %q}}: every rule needs a title and a text (an empty text switches the rule off)", r, r+part)}
			}
		}
	}

	c := &checker{s: s, seen: map[string]bool{}}
	for _, r := range Rules() {
		for _, part := range [...]string{".title", ".text"} {
			if err := c.template(r + part); err != nil {
				return err
			}
		}
	}

	for _, smp := range samples() {
		v := NewView(&smp.rpt, &smp.rep)
		for _, r := range Rules() {
			for _, part := range [...]string{".title", ".text"} {
				out, err := s.render(r+part, &v)
				if err != nil {
					if e := (*Error)(nil); errors.As(err, &e) {
						e.Msg += " (with the sample data of " + smp.name + ")"
					}
					return err
				}
				if part == ".text" && out == "" && isFallback(r) && fallback(&smp.rep) == r {
					t := where[r+part].Tree
					return s.at(t, t.Root, fmt.Sprintf(
						"%s renders empty for %s: a fallback rule must always say something, or a rep could get no coaching text", r+part, smp.name))
				}
			}
		}
	}
	return nil
}

// folderOrFile is where to point at for a template that is missing: the one
// template file, or the folder when there are several.
func (s *Set) folderOrFile() string {
	if len(s.files) == 1 {
		for _, f := range s.files {
			return f.path
		}
	}
	return s.dir
}

// checkTopLevel rejects anything outside {{define}} blocks in a file: it
// would never be printed.
func (s *Set) checkTopLevel(t *template.Template) error {
	if t.Tree == nil || t.Tree.Root == nil {
		return nil
	}
	for _, n := range t.Tree.Root.Nodes {
		if tn, ok := n.(*parse.TextNode); ok {
			text := string(tn.Text)
			i := strings.IndexFunc(text, func(r rune) bool { return !unicode.IsSpace(r) })
			if i < 0 {
				continue
			}
			return s.atPos(t.Tree, int(tn.Pos)+i, fmt.Sprintf(
				"text outside {{define}} … {{end}} is never printed: put it inside a rule's {{define \"RULE.text\"}}"))
		}
		return s.at(t.Tree, n, fmt.Sprintf(
			"%s outside {{define}} … {{end}} is never printed: put it inside a rule's {{define \"RULE.text\"}}", n))
	}
	return nil
}

// at returns an *Error at node n of tree t (its root when n is nil).
func (s *Set) at(t *parse.Tree, n parse.Node, msg string) error {
	if n == nil {
		n = t.Root
	}
	return s.atPos(t, int(n.Position()), msg)
}

func (s *Set) atPos(t *parse.Tree, pos int, msg string) error {
	f, ok := s.files[t.ParseName]
	if !ok {
		return &Error{File: s.dir, Msg: msg}
	}
	return &Error{File: f.path, Line: 1 + strings.Count(f.src[:min(max(pos, 0), len(f.src))], "\n"), Msg: msg}
}

// locate is "file:line" of node n of tree t.
func (s *Set) locate(t *parse.Tree, n parse.Node) string {
	e := s.at(t, n, "").(*Error)
	return fmt.Sprintf("%s:%d", e.File, e.Line)
}

var viewType = reflect.TypeFor[View]()

// checker walks the rule templates, and the templates they call with the
// same data, and checks every field reference against View. Where the type
// of dot is not known (inside range, in a template called with other data)
// it checks nothing: execution on the samples covers the rest.
type checker struct {
	s    *Set
	seen map[string]bool
}

func (c *checker) template(name string) error {
	if c.seen[name] {
		return nil
	}
	c.seen[name] = true
	t := c.s.tmpl.Lookup(name)
	if t == nil || t.Tree == nil {
		return nil // execution reports the missing template
	}
	return c.node(t.Tree, t.Tree.Root, viewType)
}

func (c *checker) node(tr *parse.Tree, n parse.Node, dot reflect.Type) error {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return nil
		}
		for _, x := range n.Nodes {
			if err := c.node(tr, x, dot); err != nil {
				return err
			}
		}
	case *parse.ActionNode:
		return c.pipe(tr, n.Pipe, dot)
	case *parse.IfNode:
		return c.branch(tr, &n.BranchNode, dot, dot)
	case *parse.WithNode:
		return c.branch(tr, &n.BranchNode, dot, c.typeOf(tr, n.Pipe, dot))
	case *parse.RangeNode:
		return c.branch(tr, &n.BranchNode, dot, nil)
	case *parse.TemplateNode:
		if err := c.pipe(tr, n.Pipe, dot); err != nil {
			return err
		}
		if dot == viewType && isDot(n.Pipe) {
			return c.template(n.Name)
		}
	}
	return nil
}

func (c *checker) branch(tr *parse.Tree, b *parse.BranchNode, dot, inner reflect.Type) error {
	if err := c.pipe(tr, b.Pipe, dot); err != nil {
		return err
	}
	if err := c.node(tr, b.List, inner); err != nil {
		return err
	}
	if b.ElseList != nil {
		return c.node(tr, b.ElseList, dot)
	}
	return nil
}

func (c *checker) pipe(tr *parse.Tree, p *parse.PipeNode, dot reflect.Type) error {
	if p == nil {
		return nil
	}
	for _, cmd := range p.Cmds {
		for _, a := range cmd.Args {
			if err := c.arg(tr, a, dot); err != nil {
				return err
			}
		}
	}
	return nil
}

func (c *checker) arg(tr *parse.Tree, a parse.Node, dot reflect.Type) error {
	switch a := a.(type) {
	case *parse.FieldNode:
		_, err := c.fields(tr, a, dot, a.Ident)
		return err
	case *parse.VariableNode:
		if a.Ident[0] == "$" {
			_, err := c.fields(tr, a, viewType, a.Ident[1:])
			return err
		}
	case *parse.PipeNode:
		return c.pipe(tr, a, dot)
	case *parse.ChainNode:
		if p, ok := a.Node.(*parse.PipeNode); ok {
			return c.pipe(tr, p, dot)
		}
	}
	return nil
}

// fields follows a chain of field names from type t and returns the type
// at its end, nil when it cannot be known.
func (c *checker) fields(tr *parse.Tree, n parse.Node, t reflect.Type, idents []string) (reflect.Type, error) {
	for i, id := range idents {
		if t == nil {
			return nil, nil
		}
		if m, ok := reflect.PointerTo(t).MethodByName(id); ok {
			if m.Type.NumOut() == 0 {
				return nil, nil
			}
			t = m.Type.Out(0)
			continue
		}
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		switch t.Kind() {
		case reflect.Struct:
			if f, ok := t.FieldByName(id); ok && f.IsExported() {
				t = f.Type
				continue
			}
			if t == viewType {
				return nil, c.s.at(tr, n, fmt.Sprintf("%s: there is no field .%s (the fields are listed in templates/README.md)", tr.Name, id))
			}
		case reflect.Map, reflect.Interface:
			return nil, nil
		}
		if i == 0 {
			return nil, c.s.at(tr, n, fmt.Sprintf("%s: here {{.}} is %s (the value of the {{with}} around it) and has no field .%s; write {{$.%s}} for the rep's field",
				tr.Name, kindName(t), id, id))
		}
		return nil, c.s.at(tr, n, fmt.Sprintf("%s: .%s is %s and has no field .%s", tr.Name, strings.Join(idents[:i], "."), kindName(t), id))
	}
	return t, nil
}

// typeOf is the type of a pipeline's value when it is a plain field chain.
func (c *checker) typeOf(tr *parse.Tree, p *parse.PipeNode, dot reflect.Type) reflect.Type {
	if p == nil || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return nil
	}
	switch a := p.Cmds[0].Args[0].(type) {
	case *parse.DotNode:
		return dot
	case *parse.FieldNode:
		t, _ := c.fields(tr, a, dot, a.Ident)
		return t
	case *parse.VariableNode:
		if a.Ident[0] == "$" {
			t, _ := c.fields(tr, a, viewType, a.Ident[1:])
			return t
		}
	}
	return nil
}

// isDot reports whether a pipeline is just ".".
func isDot(p *parse.PipeNode) bool {
	if p == nil || len(p.Decl) > 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return false
	}
	_, ok := p.Cmds[0].Args[0].(*parse.DotNode)
	return ok
}

func kindName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "yes/no"
	case reflect.Int, reflect.Int64:
		return "a number"
	}
	return "a " + t.Kind().String()
}
