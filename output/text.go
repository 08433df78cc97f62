package output

import (
	"strings"
	"unicode"
)

// SanitizeText makes untrusted text (a name, a loss reason, a sheet name)
// safe to print in a PDF or on a terminal line:
//   - invalid UTF-8 becomes U+FFFD;
//   - every run of white space (space, tab, CR, LF, NBSP, U+2028 …) becomes
//     one space, and the result is trimmed;
//   - other control characters (C0, DEL, C1, so also ESC sequences' ESC) are
//     removed, as are the invisible bidi controls (U+200E, U+200F, U+061C,
//     U+202A–U+202E, U+2066–U+2069) and the byte-order mark U+FEFF.
//
// Letters of every script, combining marks and joiners are kept. The result
// is one line; SanitizeText(SanitizeText(s)) == SanitizeText(s).
func SanitizeText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s { // invalid bytes arrive as utf8.RuneError
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r), isBidi(r), r == '\ufeff':
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
