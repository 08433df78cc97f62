package cell

import (
	"unicode"
	"unicode/utf8"
)

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isLetter(c byte) bool { c |= 0x20; return 'a' <= c && c <= 'z' }

func isASCIISpace(c byte) bool { return c == ' ' || '\t' <= c && c <= '\r' }

// isSpaceRune reports white space, including the no-break and narrow spaces
// that spreadsheets put in numbers, the byte-order mark and the zero-width
// space that exports leave behind.
func isSpaceRune(r rune) bool {
	return unicode.IsSpace(r) || r == '\uFEFF' || r == '\u200B'
}

// trimSpace trims white space (as isSpaceRune) from both ends of s.
func trimSpace(s string) string {
	for len(s) > 0 {
		if c := s[0]; c < utf8.RuneSelf {
			if !isASCIISpace(c) {
				break
			}
			s = s[1:]
			continue
		}
		r, n := utf8.DecodeRuneInString(s)
		if !isSpaceRune(r) {
			break
		}
		s = s[n:]
	}
	for len(s) > 0 {
		if c := s[len(s)-1]; c < utf8.RuneSelf {
			if !isASCIISpace(c) {
				break
			}
			s = s[:len(s)-1]
			continue
		}
		r, n := utf8.DecodeLastRuneInString(s)
		if !isSpaceRune(r) {
			break
		}
		s = s[:len(s)-n]
	}
	return s
}

// spaceAt returns the width in bytes of the white space at s[i], or 0.
func spaceAt(s string, i int) int {
	if c := s[i]; c < utf8.RuneSelf {
		if isASCIISpace(c) {
			return 1
		}
		return 0
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if isSpaceRune(r) {
		return n
	}
	return 0
}

// skipSpaces returns the index of the first byte at or after i that is not
// white space.
func skipSpaces(s string, i int) int {
	for i < len(s) {
		n := spaceAt(s, i)
		if n == 0 {
			break
		}
		i += n
	}
	return i
}

// skipCommaSpace skips white space, at most one comma, and white space.
func skipCommaSpace(s string, i int) int {
	i = skipSpaces(s, i)
	if i < len(s) && s[i] == ',' {
		i = skipSpaces(s, i+1)
	}
	return i
}

// digits reads the run of ASCII digits at s[i:]: n is its length and v its
// value, which is only meaningful for runs of up to 9 digits.
func digits(s string, i int) (v, n int) {
	for ; i < len(s) && isDigit(s[i]); i++ {
		if n < 9 {
			v = v*10 + int(s[i]-'0')
		}
		n++
	}
	return v, n
}

// wordBuf is long enough for every word we look up ("wednesday",
// "september"); longer words are cut and so never match.
const wordBuf = 10

// word reads the run of ASCII letters at s[i:], lower-cased into buf, and
// returns it with the index after the run. A run longer than buf comes back
// as a prefix followed by '*', which matches nothing.
func word(s string, i int, buf *[wordBuf]byte) ([]byte, int) {
	n := 0
	for ; i < len(s) && isLetter(s[i]); i++ {
		if n < wordBuf {
			buf[n] = s[i] | 0x20
		}
		n++
	}
	if n > wordBuf {
		buf[wordBuf-1] = '*'
		n = wordBuf
	}
	return buf[:n], i
}
