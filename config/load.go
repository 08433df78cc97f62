package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// maxFileBytes bounds the size of a config file: a config is a few kilobytes,
// so a larger file is a mistake (a spreadsheet passed as -config).
const maxFileBytes = 4 << 20

// Load reads the config file at path and returns it over the defaults (see
// Parse). Load("") returns Default(). A file that does not exist is an
// *Error naming the path that wraps fs.ErrNotExist; the caller decides
// whether a missing default config.yaml should fall back to Load("").
//
// Templates and Font are paths relative to the working directory; when one
// does not exist there but does exist relative to the config file's folder,
// Load returns the latter (so "-config other/config.yaml" finds
// other/templates). Inbox and Out are returned as written.
func Load(path string) (*Config, error) {
	if path == "" {
		return Default(), nil
	}
	data, err := readFile(path)
	if err != nil {
		return nil, err
	}
	cfg, err := Parse(data, path)
	if err != nil {
		return nil, err
	}
	dir := filepath.Dir(path)
	cfg.Templates = besidePath(cfg.Templates, dir)
	cfg.Font = besidePath(cfg.Font, dir)
	return cfg, nil
}

func readFile(path string) ([]byte, error) {
	fail := func(err error) error {
		msg := err.Error()
		var pe *fs.PathError
		if errors.As(err, &pe) {
			msg = pe.Err.Error()
		}
		if errors.Is(err, fs.ErrNotExist) {
			msg = `no such file ("repcard init" writes a starter config.yaml)`
		}
		return &Error{File: path, Msg: "cannot read the config file: " + msg, Err: err}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fail(err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFileBytes+1))
	if err != nil {
		return nil, fail(err)
	}
	if len(data) > maxFileBytes {
		return nil, &Error{File: path, Msg: fmt.Sprintf("over %d MB: too large for a config file", maxFileBytes>>20)}
	}
	return data, nil
}

// besidePath returns p, or p joined to dir when p is relative, missing from
// the working directory and present in dir.
func besidePath(p, dir string) string {
	if p == "" || filepath.IsAbs(p) || dir == "." || dir == "" {
		return p
	}
	if _, err := os.Stat(p); err == nil {
		return p
	}
	alt := filepath.Join(dir, p)
	if _, err := os.Stat(alt); err == nil {
		return alt
	}
	return p
}

// Parse reads config.yaml from data over the defaults and validates it; name
// is the file name used in messages. Empty data, or data holding only
// comments, gives Default(). Every problem is an *Error with the full key and
// the line of that key.
//
// Keys the data leaves out, and keys written with no value, keep their
// defaults. A list in the data replaces the default list ("contact_types:
// [call]" counts calls only; "contact_types: []" counts none), and
// loss_reasons.categories in the data replaces the default categories.
func Parse(data []byte, name string) (cfg *Config, err error) {
	defer func() {
		// yaml.v3 should not panic, but a config is user input: a panic
		// in the parser must be a config error, not a crash.
		if r := recover(); r != nil {
			cfg, err = nil, &Error{File: name, Msg: fmt.Sprintf("cannot read the YAML: %v", r)}
		}
	}()

	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return Default(), nil
		}
		return nil, syntaxError(name, data, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, &Error{File: name, Line: extra.Line, Msg: "a second YAML document: a config file holds one"}
	} else if !errors.Is(err, io.EOF) {
		return nil, syntaxError(name, data, err)
	}
	if len(doc.Content) == 0 || isNull(doc.Content[0]) {
		return Default(), nil
	}
	root := doc.Content[0]

	w := &walker{lines: map[string]int{}, budget: maxNodes}
	if e := w.walk(root, configType, "", root.Line, 0); e != nil {
		e.File = name
		return nil, e
	}

	cfg = Default()
	// yaml.v3 adds to a map that is already there; the categories in a
	// file replace the default ones, so start from none and put the
	// defaults back below if the file has none.
	cfg.LossReasons.Categories = nil
	dec = yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(cfg); err != nil {
		// The walk above checks everything the decoder does; this is a
		// safety net that still names a key and a line.
		e := w.decodeError(err)
		e.File = name
		return nil, e
	}
	fillNil(reflect.ValueOf(cfg).Elem(), reflect.ValueOf(Default()).Elem())
	for k := range w.lines {
		if strings.HasPrefix(k, "commission.") {
			cfg.CommissionSet = true
		}
	}
	cfg.normalize()
	if e := cfg.validate(w.lines); e != nil {
		e.File = name
		return nil, e
	}
	return cfg, nil
}

// fillNil sets every nil slice or map in c, through nested structs, to the
// one in def: a list or map written with no value ("contact_types:") keeps
// its default.
func fillNil(c, def reflect.Value) {
	for i := range c.NumField() {
		f := c.Field(i)
		switch f.Kind() {
		case reflect.Struct:
			fillNil(f, def.Field(i))
		case reflect.Slice, reflect.Map:
			if f.IsNil() {
				f.Set(def.Field(i))
			}
		}
	}
}

// normalize spells enumerated values canonically, so that Validate and the
// packages that read them need compare only exact strings.
func (c *Config) normalize() {
	switch {
	case strings.EqualFold(strings.TrimSpace(c.PageSize), "a4"):
		c.PageSize = "A4"
	case strings.EqualFold(strings.TrimSpace(c.PageSize), "letter"):
		c.PageSize = "Letter"
	}
	c.DateOrder = strings.ToLower(strings.TrimSpace(c.DateOrder))
	c.Decimal = strings.ToLower(strings.TrimSpace(c.Decimal))
	c.Goals.Basis = strings.ToLower(strings.TrimSpace(c.Goals.Basis))
	c.Cadence = strings.ToLower(strings.TrimSpace(c.Cadence))
	for i := range c.Mapping {
		m := &c.Mapping[i]
		m.Kind = strings.ToLower(strings.TrimSpace(m.Kind))
		if m.Columns != nil {
			cols := make(map[string]string, len(m.Columns))
			for k, v := range m.Columns {
				cols[fieldKey(k)] = v
			}
			m.Columns = cols
		}
	}
}

// fieldKey folds a columns key to the spelling of Fields: "Deal ID" and
// "deal-id" are "deal_id".
func fieldKey(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), "_"))
	return strings.ReplaceAll(s, "-", "_")
}

var lineRE = regexp.MustCompile(`^line (\d+): `)

// splitLine takes a leading "line N: " off a yaml.v3 message.
func splitLine(msg string) (int, string) {
	msg = strings.TrimPrefix(msg, "yaml: ")
	m := lineRE.FindStringSubmatch(msg)
	if m == nil {
		return 0, msg
	}
	n, _ := strconv.Atoi(m[1])
	return n, msg[len(m[0]):]
}

func syntaxError(name string, data []byte, err error) *Error {
	line, msg := splitLine(err.Error())
	if line > 0 {
		// yaml.v3 gives the parser's (not the scanner's) errors a 0-based
		// line; these are its parser's messages.
		for _, p := range []string{"did not find expected", "found duplicate %", "found incompatible YAML", "found undefined tag"} {
			if strings.HasPrefix(msg, p) {
				line++
				break
			}
		}
		lines := bytes.Split(data, []byte("\n"))
		if len(lines) > 1 && len(lines[len(lines)-1]) == 0 {
			lines = lines[:len(lines)-1] // the end of the last line
		}
		line = min(line, len(lines))
		if line > 0 {
			l := lines[line-1]
			indent := l[:len(l)-len(bytes.TrimLeft(l, " \t"))]
			if bytes.IndexByte(indent, '\t') >= 0 {
				msg += " (indent with spaces, not tabs)"
			}
		}
	}
	return &Error{File: name, Line: line, Msg: "YAML syntax: " + msg, Err: err}
}

// maxNodes and maxDepth bound the walk: aliases can make a small file name
// the same values very many times, or contain themselves.
const (
	maxNodes = 100000
	maxDepth = 64
)

var (
	configType  = reflect.TypeFor[Config]()
	columnsType = reflect.TypeFor[map[string]string]()
)

// walker checks a yaml.Node tree against the Config type before decoding,
// so that every unknown key and wrong type is reported with its full key and
// line, and records the line of every key for Validate.
type walker struct {
	lines  map[string]int // dotted key → line of the key (or list entry)
	budget int
}

// spend counts one more node walked at depth, and fails past the bounds.
func (w *walker) spend(key string, line, depth int) *Error {
	if w.budget--; w.budget < 0 {
		return &Error{Key: key, Line: line, Msg: fmt.Sprintf("more than %d values: too many for a config file (is an alias repeated?)", maxNodes)}
	}
	if depth > maxDepth {
		return &Error{Key: key, Line: line, Msg: "nested too deeply (does an alias contain itself?)"}
	}
	return nil
}

func isNull(n *yaml.Node) bool {
	n = deref(n)
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

func isMerge(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!merge"
}

func deref(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

// describe says what a node holds, for "got …" in messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "key: value pairs"
	case yaml.ScalarNode:
		return quote(n.Value)
	}
	return "nothing"
}

func wrongType(key string, line int, want string, n *yaml.Node) *Error {
	return &Error{Key: key, Line: line, Msg: "want " + want + ", got " + describe(n)}
}

// walk checks node n, found at key on line, against type t.
func (w *walker) walk(n *yaml.Node, t reflect.Type, key string, line, depth int) *Error {
	if e := w.spend(key, line, depth); e != nil {
		return e
	}
	if _, ok := w.lines[key]; !ok {
		w.lines[key] = line
	}
	n = deref(n)
	if isNull(n) {
		return nil // keeps the default; see fillNil
	}
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			if key == "" {
				return wrongType(key, line, "key: value lines such as \"inbox: examples/inbox\"", n)
			}
			return wrongType(key, line, "keys under it ("+strings.Join(fieldNames(t), ", ")+")", n)
		}
		return w.walkStruct(n, t, key, depth, map[string]int{})
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			return wrongType(key, line, "name: value pairs", n)
		}
		return w.walkMap(n, t, key, depth, map[string]int{})
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			return wrongType(key, line, "a list such as [a, b]", n)
		}
		for i, c := range n.Content {
			ck := indexKey(key, i)
			if isNull(c) {
				return &Error{Key: ck, Line: c.Line, Msg: "an empty entry in a list"}
			}
			if e := w.walk(c, t.Elem(), ck, c.Line, depth+1); e != nil {
				return e
			}
		}
		return nil
	}
	want := map[reflect.Kind]string{
		reflect.String:  "text",
		reflect.Bool:    "true or false",
		reflect.Int:     "a whole number",
		reflect.Float64: "a number",
	}[t.Kind()]
	if want == "" {
		panic("config: no check for " + t.String()) // a field type walk does not know
	}
	if n.Kind != yaml.ScalarNode {
		return wrongType(key, line, want, n)
	}
	if t.Kind() == reflect.String && n.ShortTag() == "!!str" {
		return nil
	}
	v := reflect.New(t)
	if err := n.Decode(v.Interface()); err != nil {
		return wrongType(key, line, want, n)
	}
	if t.Kind() == reflect.Int && n.ShortTag() == "!!float" {
		// yaml.v3 truncates 2.5 to 2 without a word.
		var f float64
		if n.Decode(&f) != nil || f != math.Trunc(f) || math.Abs(f) >= 1<<53 || float64(v.Elem().Int()) != f {
			return wrongType(key, line, want, n)
		}
	}
	return nil
}

// mergeSources returns the mappings a "<<" key merges in.
func mergeSources(v *yaml.Node) ([]*yaml.Node, bool) {
	v = deref(v)
	switch v.Kind {
	case yaml.MappingNode:
		return []*yaml.Node{v}, true
	case yaml.SequenceNode:
		var ms []*yaml.Node
		for _, c := range v.Content {
			c = deref(c)
			if c.Kind != yaml.MappingNode {
				return nil, false
			}
			ms = append(ms, c)
		}
		return ms, true
	}
	return nil, false
}

// pairs walks the key: value pairs of mapping n, following "<<" merges; seen
// is nil inside a merged mapping, whose keys may repeat the explicit ones.
func (w *walker) pairs(n *yaml.Node, key string, depth int, seen map[string]int, fold func(string) string,
	each func(name string, k, v *yaml.Node) *Error) *Error {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := deref(n.Content[i]), n.Content[i+1]
		if isMerge(k) {
			ms, ok := mergeSources(v)
			if !ok {
				return &Error{Key: key, Line: k.Line, Msg: "want a mapping or a list of mappings after <<"}
			}
			for _, m := range ms {
				if e := w.spend(key, k.Line, depth); e != nil {
					return e
				}
				if e := w.pairs(m, key, depth+1, nil, fold, each); e != nil {
					return e
				}
			}
			continue
		}
		if k.Kind != yaml.ScalarNode || isNull(k) {
			return &Error{Key: key, Line: k.Line, Msg: "want a name before the colon, got " + describe(k)}
		}
		name := fold(k.Value)
		if seen != nil {
			if first, dup := seen[name]; dup {
				msg := "given twice"
				if first != k.Line {
					msg += fmt.Sprintf(" (first on line %d)", first)
				}
				return &Error{Key: joinKey(key, name), Line: k.Line, Msg: msg}
			}
			seen[name] = k.Line
		}
		if e := each(name, k, v); e != nil {
			return e
		}
	}
	return nil
}

func (w *walker) walkStruct(n *yaml.Node, t reflect.Type, key string, depth int, seen map[string]int) *Error {
	names := fieldNames(t)
	return w.pairs(n, key, depth, seen, func(s string) string { return s },
		func(name string, k, v *yaml.Node) *Error {
			ck := joinKey(key, name)
			f, ok := fieldByName(t, name)
			if !ok {
				return &Error{Key: ck, Line: k.Line, Msg: unknownKey(key, name, names)}
			}
			return w.walk(v, f, ck, k.Line, depth+1)
		})
}

func (w *walker) walkMap(n *yaml.Node, t reflect.Type, key string, depth int, seen map[string]int) *Error {
	fold := func(s string) string { return s }
	if t == columnsType {
		fold = fieldKey // normalize folds these keys the same way
	}
	return w.pairs(n, key, depth, seen, fold,
		func(name string, k, v *yaml.Node) *Error {
			return w.walk(v, t.Elem(), joinKey(key, name), k.Line, depth+1)
		})
}

// unknownKey explains an unknown key name under parent.
func unknownKey(parent, name string, names []string) string {
	if s := suggest(name, names); s != "" {
		return "unknown key (did you mean " + s + "?)"
	}
	// A key put at the wrong level: "rate" at the top is commission.rate.
	for _, p := range structKeys(configType, "") {
		i := strings.LastIndexByte(p, '.')
		if strings.EqualFold(p[i+1:], name) && p[:max(i, 0)] != parent {
			return "unknown key here (did you mean " + p + "?)"
		}
	}
	return "unknown key; the keys here are " + strings.Join(names, ", ")
}

// structKeys lists the dotted keys reachable from t through struct fields
// only, in field order.
func structKeys(t reflect.Type, prefix string) []string {
	var keys []string
	for _, name := range fieldNames(t) {
		f, _ := fieldByName(t, name)
		k := joinKey(prefix, name)
		keys = append(keys, k)
		if f.Kind() == reflect.Struct {
			keys = append(keys, structKeys(f, k)...)
		}
	}
	return keys
}

// fieldNames returns the yaml keys of struct type t, in field order.
func fieldNames(t reflect.Type) []string {
	var names []string
	for f := range t.Fields() {
		if name := yamlName(f); name != "" {
			names = append(names, name)
		}
	}
	return names
}

func fieldByName(t reflect.Type, name string) (reflect.Type, bool) {
	for f := range t.Fields() {
		if yamlName(f) == name {
			return f.Type, true
		}
	}
	return nil, false
}

func yamlName(f reflect.StructField) string {
	if !f.IsExported() {
		return ""
	}
	tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	if tag == "-" {
		return ""
	}
	if tag == "" {
		return strings.ToLower(f.Name) // yaml.v3's default
	}
	return tag
}

// decodeError turns a yaml.v3 decode error into an *Error, finding the key
// from the line the message names.
func (w *walker) decodeError(err error) *Error {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	line, msg := splitLine(msg)
	key := ""
	if line > 0 {
		for _, k := range slices.Sorted(maps.Keys(w.lines)) {
			if w.lines[k] == line && len(k) > len(key) {
				key = k
			}
		}
	}
	return &Error{Key: key, Line: line, Msg: msg, Err: err}
}
