// Package untrusted makes text from spreadsheets (a rep's name, a loss
// reason, a sheet name) safe to print: in a PDF, on a terminal line, in a
// CSV cell. The reader, the PDF renderer and the output files share its
// rule, so a name reads the same everywhere.
package untrusted

import (
	"strings"
	"unicode"
)

// Line makes s one clean line:
//   - invalid UTF-8 becomes U+FFFD;
//   - every run of white space (space, tab, CR, LF, NBSP, U+2028 …) becomes
//     one space, and the result is trimmed;
//   - other control characters (C0, DEL, C1, so also ESC sequences' ESC) are
//     removed, as are the invisible bidi controls (IsBidiControl), the
//     byte-order mark U+FEFF and the soft hyphen U+00AD.
//
// Letters of every script, combining marks and joiners are kept.
// Line(Line(s)) == Line(s).
func Line(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s { // invalid bytes arrive as utf8.RuneError
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r), IsBidiControl(r), r == '\ufeff', r == '\u00ad':
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

// IsBidiControl reports whether r is an invisible bidirectional formatting
// character: a mark (U+200E, U+200F, U+061C), an embedding or override
// (U+202A–U+202E) or an isolate (U+2066–U+2069). Printed, they can reorder
// the text around them.
func IsBidiControl(r rune) bool {
	return r == '\u200e' || r == '\u200f' || r == '\u061c' ||
		r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'
}
