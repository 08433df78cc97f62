package report

import (
	"slices"
	"strings"
	"unicode"

	"github.com/repcard/repcard/config"
	"github.com/repcard/repcard/internal/untrusted"
	"golang.org/x/text/unicode/norm"
)

// NameKey is a rep's name as a user's -rep is compared with it: spacing,
// case and accents folded, so "sofia  NUNEZ" names Sofía Núñez.
func NameKey(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(untrusted.Name(s)) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// RepNamed returns the name of the rep of r that name names: a rep's own
// name, else an alias or e-mail address the roster gives the rep, each
// compared by NameKey. A rep's own name wins over another rep's alias.
func (r *Report) RepNamed(name string) (string, bool) {
	k := NameKey(name)
	if k == "" {
		return "", false
	}
	for _, rep := range r.Reps {
		if NameKey(rep.Rep) == k {
			return rep.Rep, true
		}
	}
	if n, ok := r.aliases[k]; ok {
		return n, true
	}
	return "", false
}

// NearestRep is the name of the rep of r whose name or roster alias is
// nearest to name (a letter or two off, or its start: "Sofia" for Sofía
// Núñez), or "" when none is near.
func (r *Report) NearestRep(name string) string {
	byKey := map[string]string{}
	for k, n := range r.aliases {
		byKey[k] = n
	}
	for _, rep := range r.Reps { // own names last: they win over aliases
		byKey[NameKey(rep.Rep)] = rep.Rep
	}
	keys := make([]string, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	slices.Sort(keys) // the nearest of equals is the first in order
	return byKey[config.Suggest(NameKey(name), keys)]
}
