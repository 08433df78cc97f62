package report

import (
	"strings"
	"unicode"

	"github.com/repcard/repcard/internal/untrusted"
	"golang.org/x/text/unicode/norm"
)

// NameKey is a rep's name as a user's -rep is compared with it: spacing,
// case and accents folded, so "sofia  NUNEZ" names Sofía Núñez. Roster
// aliases are resolved while reading and are not in the report, so a name
// is found by its folded roster name, not by an alias.
func NameKey(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(untrusted.Name(s)) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
