package csvsheet

import (
	"bytes"
	"math"
	"unicode/utf8"

	"golang.org/x/text/transform"
)

// start is what NewReader learns from the start of a file.
type start struct {
	enc   string // the encoding, as Reader.Encoding names it
	bom   int    // the length of the byte order mark
	cr    bool   // lines end with a bare '\r'
	comma rune   // the delimiter
}

// detect examines head, the first bytes of a file (all of it when atEOF).
// A comma other than 0 is taken as the delimiter.
func detect(head []byte, atEOF bool, comma rune) start {
	var d start
	d.enc, d.bom = detectEncoding(head, atEOF)
	head = head[d.bom:]
	// Look at the start decoded as the rest will be.
	text, _, _ := transform.Bytes(newDecoder(d.enc, false), head)
	if bareCR(text) {
		d.cr = true
		text, _, _ = transform.Bytes(newDecoder(d.enc, true), head)
	}
	d.comma = comma
	if d.comma == 0 {
		d.comma = detectComma(text, atEOF)
	}
	return d
}

// detectEncoding names the encoding of a file that starts with head, and
// the length of its byte order mark. atEOF says head is the whole file.
func detectEncoding(head []byte, atEOF bool) (enc string, bom int) {
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		return encUTF8BOM, 3
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return encUTF16LE, 2
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return encUTF16BE, 2
	}
	if enc := sniffUTF16(head); enc != "" {
		return enc, 0
	}
	if validStart(head, atEOF) {
		return encUTF8, 0
	}
	return encWindows1252, 0
}

// sniffUTF16 recognises UTF-16 without a byte order mark: text that is
// mostly ASCII has a NUL in every other byte, and the other byte is not NUL.
func sniffUTF16(head []byte) string {
	const sniffBytes = 1024
	b := head[:min(len(head), sniffBytes)&^1]
	pairs := len(b) / 2
	if pairs < 2 {
		return ""
	}
	var le, be int // pairs that look like ASCII in little and big endian
	for i := 0; i < len(b); i += 2 {
		switch {
		case b[i] != 0 && b[i+1] == 0:
			le++
		case b[i] == 0 && b[i+1] != 0:
			be++
		}
	}
	switch {
	case 4*le >= 3*pairs && 16*be <= pairs:
		return encUTF16LE
	case 4*be >= 3*pairs && 16*le <= pairs:
		return encUTF16BE
	}
	return ""
}

// validStart reports whether head is valid UTF-8, allowing a rune cut short
// at its end when the file goes on.
func validStart(head []byte, atEOF bool) bool {
	if atEOF {
		return utf8.Valid(head)
	}
	n := validPrefix(head) // valid up to n; the rest is bad or cut short
	return n == len(head) || !utf8.FullRune(head[n:])
}

// bareCR reports whether text's lines end with a carriage return alone.
func bareCR(text []byte) bool {
	return bytes.IndexByte(text, '\n') < 0 && bytes.IndexByte(text, '\r') >= 0
}

// commaCandidates are the delimiters detectComma chooses among, in the
// order that breaks ties.
var commaCandidates = [...]rune{',', '\t', ';', '|'}

// detectComma chooses the delimiter of text, the decoded start of a file
// (the whole file when atEOF). Each of commaCandidates splits the first
// records into fields, as Reader would; the winner is the one with the
// largest share of records having its most common field count above 1;
// then the one with more fields; then the first. It returns ',' when none
// gives more than one field.
func detectComma(text []byte, atEOF bool) rune {
	best, bestScore := ',', commaScore{}
	for _, c := range commaCandidates {
		s := scoreComma(text, byte(c), atEOF)
		if s.fields > 1 && s.better(bestScore) {
			best, bestScore = c, s
		}
	}
	return best
}

// commaScore says how well a delimiter splits the sample records.
type commaScore struct {
	records int // records in the sample
	match   int // records with the most common field count above 1
	fields  int // that field count (the larger one on a tie), or 0
}

// better reports whether s beats t: a larger share of records with the
// common field count, then more fields.
func (s commaScore) better(t commaScore) bool {
	if t.records == 0 {
		return true
	}
	if a, b := s.match*t.records, t.match*s.records; a != b {
		return a > b
	}
	return s.fields > t.fields
}

// scoreComma scores the field counts of the first records of text with
// delimiter c, as Reader would read them.
func scoreComma(text []byte, c byte, atEOF bool) commaScore {
	var buf [maxSampleRecords]int
	counts := fieldCounts(text, c, atEOF, buf[:0])
	s := commaScore{records: len(counts)}
	for _, n := range counts {
		if n < 2 {
			continue
		}
		m := 0
		for _, n2 := range counts {
			if n2 == n {
				m++
			}
		}
		if m > s.match || m == s.match && n > s.fields {
			s.match, s.fields = m, n
		}
	}
	return s
}

// fieldCounts returns the field count of each record of text, up to
// cap(counts) of them, with delimiter c. Unless atEOF, a record that text
// ends in the middle of is left out as cut short, unless it is the only one.
func fieldCounts(text []byte, c byte, atEOF bool, counts []int) []int {
	l := newLimiter(nil, c, math.MaxInt, math.MaxInt, math.MaxInt)
	l.counts = counts[:0]
	l.follow(text)
	// Is there a record text ends in? Not if that is blank, or a lone
	// '\r', which encoding/csv drops at the end.
	last := l.st != stStart && !(l.fields == 0 && l.recLen == 1 && text[len(text)-1] == '\r') || l.fields > 0
	if last && (atEOF || len(l.counts) == 0) && len(l.counts) < cap(l.counts) {
		l.counts = append(l.counts, l.fields+1)
	}
	return l.counts
}
