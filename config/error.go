package config

import (
	"strconv"
	"strings"
)

// Error is a problem with a config file: a YAML syntax error, an unknown key,
// a value of the wrong type, a value out of range, or a file that cannot be
// read. Key is the full dotted key ("commission.rate", "mapping[1].columns"),
// empty for a problem with the file as a whole. Line is 1-based, 0 when not
// known (as for a Config built in code and checked with Validate).
type Error struct {
	File string
	Key  string
	Line int
	Msg  string
	Err  error // the underlying error, if any (such as fs.ErrNotExist)
}

// Error reads like `config.yaml:12: commission.rate: want a number, got "ten"`.
func (e *Error) Error() string {
	var b strings.Builder
	switch {
	case e.File != "" && e.Line > 0:
		b.WriteString(e.File + ":" + strconv.Itoa(e.Line))
	case e.File != "":
		b.WriteString(e.File)
	case e.Line > 0:
		b.WriteString("line " + strconv.Itoa(e.Line))
	}
	if e.Key != "" {
		if b.Len() > 0 {
			b.WriteString(": ")
		}
		b.WriteString(e.Key)
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Unwrap returns the underlying error, if any.
func (e *Error) Unwrap() error { return e.Err }

// joinKey appends one mapping key to a dotted key: "commission" + "rate" is
// "commission.rate"; a name that is not a plain word is quoted:
// `commission.reps["Jane Doe"]`.
func joinKey(parent, name string) string {
	if !plainName(name) {
		return parent + "[" + strconv.Quote(name) + "]"
	}
	if parent == "" {
		return name
	}
	return parent + "." + name
}

// indexKey appends a list index (0-based) to a dotted key: "mapping[1]".
func indexKey(parent string, i int) string {
	return parent + "[" + strconv.Itoa(i) + "]"
}

func plainName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}

// quote shows a value in a message, shortened when long.
func quote(s string) string {
	if r := []rune(s); len(r) > 40 {
		s = string(r[:37]) + "..."
	}
	return strconv.Quote(s)
}

// Suggest returns the candidate closest to name (case folded, at most two
// edits away), or "" when none is close: the "did you mean" of a message.
func Suggest(name string, candidates []string) string { return suggest(name, candidates) }

// suggest returns the candidate closest to name, or "" when none is close.
func suggest(name string, candidates []string) string {
	best, bestD := "", -1
	ln := strings.ToLower(name)
	for _, c := range candidates {
		lc := strings.ToLower(c)
		d := distance(ln, lc)
		if len(ln) >= 4 && len(lc) >= 4 && (strings.HasPrefix(lc, ln) || strings.HasPrefix(ln, lc)) {
			d = min(d, 1)
		}
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	limit := 2
	if len([]rune(name)) <= 4 {
		limit = 1
	}
	if bestD < 0 || bestD > limit {
		return ""
	}
	return best
}

// distance is the Levenshtein distance between a and b, in runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
