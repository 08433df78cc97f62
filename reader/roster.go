package reader

import (
	"path"
	"strings"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/internal/untrusted"
)

// rosterIndex maps every way a rep is written (name, alias, email), folded
// for case and spacing, to the rep's name on the roster.
type rosterIndex struct {
	byKey map[string]string
}

func nameKey(s string) string { return strings.ToLower(untrusted.Name(s)) }

func newRosterIndex(roster []repcard.Record) *rosterIndex {
	x := &rosterIndex{byKey: make(map[string]string)}
	// Names first, so an alias never shadows another rep's own name.
	for _, r := range roster {
		if k := nameKey(r.Rep); x.byKey[k] == "" {
			x.byKey[k] = r.Rep
		}
	}
	for _, r := range roster {
		for _, a := range append([]string{r.Email}, r.Aliases...) {
			if k := nameKey(a); k != "" && x.byKey[k] == "" {
				x.byKey[k] = r.Rep
			}
		}
	}
	return x
}

// canonical returns the roster name for s, or s cleaned when the roster
// does not know it.
func (x *rosterIndex) canonical(s string) string {
	s = untrusted.Name(s)
	if x != nil {
		if n, ok := x.byKey[strings.ToLower(s)]; ok {
			return n
		}
	}
	return s
}

// lookup returns the roster name for s and whether the roster knows it.
func (x *rosterIndex) lookup(s string) (string, bool) {
	if x == nil || s == "" {
		return "", false
	}
	n, ok := x.byKey[nameKey(s)]
	return n, ok
}

// repFor finds the rep of a sheet with no rep column, by the spec's rules:
// the sheet's name on the roster, else the file's name, else the config
// mapping's fixed rep.
func (x *rosterIndex) repFor(sheet, file, fixed string) (rep, from string) {
	if n, ok := x.lookup(sheet); ok {
		return n, "sheet name"
	}
	base := path.Base(file)
	base = strings.TrimSuffix(base, path.Ext(base))
	if n, ok := x.lookup(base); ok {
		return n, "file name"
	}
	if n, ok := x.lookup(strings.NewReplacer("_", " ", "-", " ", ".", " ").Replace(base)); ok {
		return n, "file name"
	}
	if fixed != "" {
		return x.canonical(fixed), "config"
	}
	return "", ""
}

// repeatedRoster reports whether a roster row says what one already read
// said, and remembers it if not.
func (r *inboxReader) repeatedRoster(rec *repcard.Record) bool {
	k := strings.Join(append([]string{rec.Rep, rec.Manager, rec.Office, rec.Email, rec.ManagerEmail, rec.Date.String()}, rec.Aliases...), "\x00")
	if r.rosterRows[k] {
		return true
	}
	if r.rosterRows == nil {
		r.rosterRows = map[string]bool{}
	}
	r.rosterRows[k] = true
	return false
}
