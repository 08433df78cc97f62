package csvsheet

import (
	"bytes"
	"io"
)

// limiter sits between the decoded text and encoding/csv. It passes the
// text through while it checks the limits that encoding/csv would only
// notice after buffering a whole line or record: the length of each
// physical line, and the length and number of fields of each record. To
// know where records and fields begin and end it follows encoding/csv's
// grammar (with LazyQuotes); FuzzRead checks that both agree. When a limit
// is exceeded it delivers the text up to that point and then fails, for
// good, so that encoding/csv never holds more than the limits allow.
//
// Delimiter detection uses the same grammar to count fields (counts).
type limiter struct {
	src       io.Reader
	maxLine   int
	maxRecord int
	maxCols   int
	comma     byte
	sep       []byte // comma, as a slice

	line    int  // physical line of the next byte delivered
	lineLen int  // bytes of that line delivered so far
	lastCR  bool // the last byte delivered was '\r'

	st      quoteState
	fields  int // fields of the current record so far, less one
	recLen  int // bytes of the current record so far
	recLine int // physical line where the current record starts

	err error // final, a *ParseError

	counts []int // when not nil, the field count of each record, up to cap(counts)
}

func newLimiter(src io.Reader, comma byte, maxLine, maxRecord, maxCols int) *limiter {
	return &limiter{
		src:       src,
		maxLine:   maxLine,
		maxRecord: maxRecord,
		maxCols:   maxCols,
		comma:     comma,
		sep:       []byte{comma},
		line:      1,
		recLine:   1,
	}
}

// quoteState is where the limiter is in encoding/csv's grammar.
type quoteState uint8

const (
	stStart    quoteState = iota // at the start of a field
	stUnquoted                   // in a field that did not start with a quote
	stQuoted                     // in a quoted field
	stQuote                      // after a quote in a quoted field
	stQuoteCR                    // after a quote and '\r' in a quoted field
)

func (l *limiter) Read(p []byte) (int, error) {
	if l.err != nil {
		return 0, l.err
	}
	n, err := l.src.Read(p)
	keep, lerr := l.scan(p[:n])
	if lerr != nil {
		return keep, lerr
	}
	if err != nil && err != io.EOF {
		return keep, l.fail(l.line, err)
	}
	return keep, err
}

func (l *limiter) fail(line int, err error) error {
	l.err = &ParseError{Line: line, Err: err}
	return l.err
}

// scan checks b, the next bytes to deliver, and returns how many of them
// to deliver: all of them, or those before a limit was exceeded.
func (l *limiter) scan(b []byte) (int, error) {
	keep, lineErrLine := l.lineLengths(b)
	if n, line, err := l.follow(b[:keep]); err != nil {
		return n, l.fail(line, err)
	}
	if keep < len(b) {
		return keep, l.fail(lineErrLine, ErrLineTooLong)
	}
	return keep, nil
}

var newline = []byte{'\n'}

// lineLengths returns how many bytes of b fit within the line length limit
// and, if not all of them, the line that is too long. A '\r' before '\n' is
// not part of the line.
func (l *limiter) lineLengths(b []byte) (keep, errLine int) {
	line := l.line
	for i := 0; ; {
		j := bytes.IndexByte(b[i:], '\n')
		if j < 0 {
			n := l.lineLen + len(b) - i
			if n > l.maxLine && !(n == l.maxLine+1 && b[len(b)-1] == '\r') {
				return max(0, i+l.maxLine-l.lineLen), line
			}
			l.lineLen = n
			if len(b) > 0 {
				l.lastCR = b[len(b)-1] == '\r'
			}
			return len(b), 0
		}
		n := l.lineLen + j
		if j > 0 && b[i+j-1] == '\r' || j == 0 && l.lastCR {
			n--
		}
		if n > l.maxLine {
			return max(0, i+l.maxLine-l.lineLen), line
		}
		l.lineLen, l.lastCR = 0, false
		line++
		i += j + 1
	}
}

// follow follows b through encoding/csv's grammar, counting lines and the
// fields and bytes of each record. When a record has too many fields or
// bytes it returns how many bytes of b to deliver, the line where the
// record starts, and ErrTooManyColumns or ErrRecordTooLong.
func (l *limiter) follow(b []byte) (keep, line int, err error) {
	c := l.comma
	// The next '\n' and '"' in b at or after i, or len(b): each is looked
	// for once, so that following b costs time in proportion to its length.
	nl, qt := -1, -1
	for i := 0; i < len(b); {
		if nl < i {
			nl = next(b, i, '\n')
		}
		if qt < i {
			qt = next(b, i, '"')
		}
		switch l.st {
		case stStart, stUnquoted:
			if l.st == stStart && qt == i { // the common case in quoted exports
				if l.recLen+1 > l.maxRecord {
					return i, l.recLine, ErrRecordTooLong
				}
				l.recLen++
				l.st = stQuoted
				i++
				continue
			}
			// Up to the end of the line, or to a quote.
			seg := b[i:min(nl, qt)]
			quote := qt < nl
			size := len(seg)
			if quote {
				size++
			}
			n := bytes.Count(seg, l.sep)
			if l.fields+n >= l.maxCols || l.recLen+size > l.maxRecord {
				if l.fields+n >= l.maxCols {
					// The delimiter that starts one field too many.
					k := 0
					for range l.maxCols - l.fields {
						k += bytes.IndexByte(seg[k:], c) + 1
					}
					if k-1 <= l.maxRecord-l.recLen {
						return i + k - 1, l.recLine, ErrTooManyColumns
					}
				}
				return i + l.maxRecord - l.recLen, l.recLine, ErrRecordTooLong
			}
			l.fields += n
			l.recLen += size
			if len(seg) > 0 {
				if seg[len(seg)-1] == c {
					l.st = stStart
				} else {
					l.st = stUnquoted
				}
			}
			i += len(seg)
			switch {
			case quote:
				// A quote opens a quoted field only at the start of a field.
				if l.st == stStart {
					l.st = stQuoted
				} else {
					l.st = stUnquoted
				}
				i++
			case nl < len(b):
				// A blank line, "\n" or "\r\n", is not a record to
				// encoding/csv. (A "\r" in an earlier b is missed: only
				// the counts for detection care, and they come from one b.)
				l.endRecord(l.fields == 0 && (l.recLen == 0 || l.recLen == 1 && len(seg) == 1 && seg[0] == '\r'))
				i++
			}
		case stQuoted:
			// Up to and including the next quote.
			end := qt
			if end < len(b) {
				end++
			}
			seg := b[i:end]
			if l.recLen+len(seg) > l.maxRecord {
				return i + l.maxRecord - l.recLen, l.recLine, ErrRecordTooLong
			}
			l.recLen += len(seg)
			if nl < end {
				l.line += bytes.Count(seg, newline)
			}
			i = end
			if qt < len(b) {
				l.st = stQuote
			}
		case stQuote:
			if b[i] == '\n' {
				l.endRecord(false)
				i++
				continue
			}
			if b[i] == c && l.fields+1 >= l.maxCols {
				return i, l.recLine, ErrTooManyColumns
			}
			if l.recLen+1 > l.maxRecord {
				return i, l.recLine, ErrRecordTooLong
			}
			l.recLen++
			switch b[i] {
			case '"': // an escaped quote
				l.st = stQuoted
			case c:
				l.fields++
				l.st = stStart
			case '\r':
				l.st = stQuoteCR
			default: // a bare quote, kept as text
				l.st = stQuoted
			}
			i++
		case stQuoteCR:
			if b[i] == '\n' { // encoding/csv reads "\r\n" as "\n"
				l.endRecord(false)
				i++
			} else { // a bare quote and '\r', kept as text
				l.st = stQuoted
			}
		}
	}
	return len(b), 0, nil
}

// next returns the index of the first c in b at or after i, or len(b).
func next(b []byte, i int, c byte) int {
	if k := bytes.IndexByte(b[i:], c); k >= 0 {
		return i + k
	}
	return len(b)
}

// endRecord passes the '\n' that ends a record or a blank line.
func (l *limiter) endRecord(blank bool) {
	if l.counts != nil && !blank && len(l.counts) < cap(l.counts) {
		l.counts = append(l.counts, l.fields+1)
	}
	l.line++
	l.st = stStart
	l.fields = 0
	l.recLen = 0
	l.recLine = l.line
}
