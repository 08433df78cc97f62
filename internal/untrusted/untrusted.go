// Package untrusted makes text from spreadsheets (a rep's name, a loss
// reason, a sheet name) safe to print: in a PDF, on a terminal line, in a
// CSV cell. The reader, the PDF renderer and the output files share its
// rule, so a name reads the same everywhere.
//
// The rule is one: invalid UTF-8 becomes U+FFFD, and no control character
// or bidi control (IsBidiControl) is printed as it is. What becomes of such
// a character depends on what the text is for, so the rule has three
// variants, which must stay apart: each is pinned by the bytes repcard
// writes (metrics.json, data-issues.csv, PDFs) for hostile input.
//
//   - Line, for text that is only read (a loss reason in a PDF): hidden
//     characters (with the byte-order mark and the soft hyphen) vanish and
//     white space collapses to single spaces.
//   - Name, for a person's name, which is also compared: like Line, but a
//     control character separates words as a space does ("Bell\aRinger" is
//     "Bell Ringer", not "BellRinger"), and the zero-width space and word
//     joiner vanish too, so that two names differing only by them are one.
//   - Visible, for a file or sheet name, or a message about one: nothing is
//     removed or moved, so the file can still be found; each control and
//     bidi control becomes U+FFFD, so the reader sees something was there.
package untrusted

import (
	"strings"
	"unicode"
	"unicode/utf8"
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
	return fold(s, false, isHiddenFormat) // invalid bytes arrive as utf8.RuneError, one each
}

// Name makes s a clean name, to print and to compare:
//   - each run of invalid UTF-8 becomes one U+FFFD;
//   - control characters count as white space, every run of white space
//     becomes one space, and the result is trimmed;
//   - the invisible formatting characters are removed: those Line removes,
//     and the zero-width space U+200B and word joiner U+2060. The zero-width
//     (non-)joiners, which some scripts need, stay.
//
// Name(Name(s)) == Name(s).
func Name(s string) string {
	return fold(strings.ToValidUTF8(s, "\uFFFD"), true, isInvisibleInName)
}

// Visible returns s with each run of invalid UTF-8 and each control
// character (C0, DEL, C1) and bidi control replaced by U+FFFD, and nothing
// else changed: a file or sheet name, or a message that quotes one, cannot
// drive a terminal or hide what it says, and still says which file it is.
// It returns s itself when there is nothing to replace.
func Visible(s string) string {
	if utf8.ValidString(s) && strings.IndexFunc(s, isMarked) < 0 {
		return s
	}
	return strings.Map(func(c rune) rune {
		if isMarked(c) {
			return utf8.RuneError
		}
		return c
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

// fold is the part of the rule Line and Name share: white space runs become
// one space and the result is trimmed; characters for which drop is true
// are removed; a control character is removed, or separates words as white
// space does when controlsSeparate is set.
func fold(s string, controlsSeparate bool, drop func(rune) bool) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r), controlsSeparate && unicode.IsControl(r):
			space = true
			continue
		case unicode.IsControl(r), drop(r):
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

// isHiddenFormat reports the invisible formatting characters every variant
// of the rule hides: the bidi controls, the byte-order mark and the soft
// hyphen.
func isHiddenFormat(r rune) bool {
	return IsBidiControl(r) || r == '\ufeff' || r == '\u00ad'
}

// isInvisibleInName reports the characters Name removes: those Line
// removes, and the zero-width space and word joiner.
func isInvisibleInName(r rune) bool {
	return isHiddenFormat(r) || r == '\u200b' || r == '\u2060'
}

// isMarked reports the characters Visible replaces.
func isMarked(r rune) bool {
	return unicode.IsControl(r) || IsBidiControl(r)
}

// IsBidiControl reports whether r is an invisible bidirectional formatting
// character: a mark (U+200E, U+200F, U+061C), an embedding or override
// (U+202A–U+202E) or an isolate (U+2066–U+2069). Printed, they can reorder
// the text around them.
func IsBidiControl(r rune) bool {
	return r == '\u200e' || r == '\u200f' || r == '\u061c' ||
		r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'
}
