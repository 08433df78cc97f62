package reader

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/repcard/repcard"
)

// xmlGuard reads a part of a workbook as encoding/xml would, and bounds
// what it would hold at once. The decoder (excelize's too) holds a whole
// token in memory (a text run, a tag with its attributes, a comment), so a
// hostile part of a single 500 MB cell would cost 500 MB; checkPart streams
// each worksheet through a guard before excelize reads it. The guard bounds
// every token and cleans the bytes on the way:
//
//   - a text run longer than maxText is cut at a character boundary outside
//     an entity, and the rest of it, up to the next '<', is dropped; cut
//     counts such runs;
//   - a tag (quoted attribute values included), comment, processing
//     instruction or CDATA section longer than maxMarkup is an error, and so
//     is a DOCTYPE or any other declaration, which OOXML does not use;
//   - when fixUTF8 is set, bytes that are not valid UTF-8, U+FFFE and U+FFFF
//     become U+FFFD; NUL is dropped and the other control characters XML
//     forbids become U+FFFD, so that one bad byte does not end the sheet.
//
// It implements io.ByteReader, so that a decoder reading through it does not
// buffer ahead.
type xmlGuard struct {
	r         *bufio.Reader
	maxText   int
	maxMarkup int
	fixUTF8   bool

	state    guardState
	n        int  // bytes of the current run, tag or construct
	quote    byte // in a tag: the quote of the open attribute value, or 0
	ent      int  // in text: bytes since an '&' not yet closed by ';', or 0
	dropping bool // in text: dropping the rest of a run that was too long
	bang     []byte
	term     string // terminator of the open comment, PI or CDATA section
	tm       int    // how much of term has been seen
	limit    int    // the length limit of the open construct

	cut int // text runs cut so far

	out  []byte // bytes of the current character still to deliver
	one  [4]byte
	err  error
	part string
}

type guardState uint8

const (
	gText    guardState = iota // character data
	gOpen                      // just after '<'
	gBang                      // after "<!": a comment, CDATA or a declaration
	gTag                       // in a start or end tag
	gSpecial                   // in a comment, PI or CDATA section, until term
)

// maxMarkupBytes is the longest tag, comment, processing instruction or
// declaration the guard lets through.
const maxMarkupBytes = 1 << 20

// guardError is an error of the guard about the XML text: a limit passed
// (repcard.IssueOverLimit), or XML a workbook never has
// (repcard.IssueDamaged).
type guardError struct {
	kind repcard.IssueKind
	msg  string
}

func (e *guardError) Error() string { return e.msg }

var replacement = []byte("\uFFFD")

func newXMLGuard(r io.Reader, part string, maxText, maxMarkup int, fixUTF8 bool) *xmlGuard {
	return &xmlGuard{r: bufio.NewReaderSize(r, 64<<10), part: part, maxText: maxText, maxMarkup: maxMarkup, fixUTF8: fixUTF8}
}

// ReadByte returns the next byte to deliver.
func (g *xmlGuard) ReadByte() (byte, error) {
	for len(g.out) == 0 {
		if g.err != nil {
			return 0, g.err
		}
		if err := g.next(); err != nil {
			g.err = err
		}
	}
	b := g.out[0]
	g.out = g.out[1:]
	return b, nil
}

// Read is for readers that do not use ReadByte. Runs of plain bytes in
// text and in tags are passed on in bulk.
func (g *xmlGuard) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		if k := g.plain(p[n:]); k > 0 {
			n += k
			continue
		}
		b, err := g.ReadByte()
		if err != nil {
			if n > 0 {
				return n, nil
			}
			return 0, err
		}
		p[n] = b
		n++
	}
	return n, nil
}

// plain copies into p the buffered bytes that account passes through
// unchanged, and returns how many; it stops at a byte that is dropped,
// replaced or an error, which the byte-by-byte path then handles. Text,
// tags, their quoted values and the step from text into a tag are followed
// in one tight loop, as account would follow them; everything else (an
// entity, '<!', '<?', a run at its limit) goes through account.
func (g *xmlGuard) plain(p []byte) int {
	if len(g.out) > 0 || g.err != nil || g.fixUTF8 || g.dropping {
		return 0
	}
	buf, _ := g.r.Peek(min(g.r.Buffered(), len(p)))
	state, n, quote := g.state, g.n, g.quote
	k := 0
	for k < len(buf) {
		b := buf[k]
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' {
			break // replaced or dropped: the byte-by-byte path
		}
		switch {
		case state == gText && g.ent == 0 && b != '<' && b != '&' && b != ';' && n < g.maxText:
			n++
			k++
			continue
		case state == gText && g.ent == 0 && b == '<' && k+1 < len(buf):
			// '<' and a name or '/': account would go to gOpen and then
			// to gTag with n = 2.
			if c := buf[k+1]; c >= 0x20 && c != '!' && c != '?' && c != '"' && c != '\'' && c != '>' {
				state, n, quote = gTag, 2, 0
				k += 2
				continue
			}
		case state == gTag && n < g.maxMarkup:
			n++
			switch {
			case quote != 0:
				if b == quote {
					quote = 0
				}
			case b == '"' || b == '\'':
				quote = b
			case b == '>':
				state, n = gText, 0
			}
			k++
			continue
		}
		// One byte through the state machine.
		g.state, g.n, g.quote = state, n, quote
		keep, err := g.account(buf[k : k+1])
		state, n, quote = g.state, g.n, g.quote
		if err != nil || !keep { // dropped, or an error: this byte is not delivered
			copy(p, buf[:k])
			g.r.Discard(k + 1)
			g.err = err
			return k
		}
		k++
	}
	g.state, g.n, g.quote = state, n, quote
	copy(p, buf[:k])
	g.r.Discard(k)
	return k
}

// next reads one character from the input and sets out to what is to be
// delivered for it (nothing when it is dropped).
func (g *xmlGuard) next() error {
	if g.state == gText && g.dropping {
		// Skip the rest of the run in bulk.
		for {
			buf, err := g.r.Peek(max(1, g.r.Buffered()))
			if i := bytes.IndexByte(buf, '<'); i >= 0 {
				g.r.Discard(i)
				break
			}
			g.r.Discard(len(buf))
			if err != nil {
				break // ReadByte says why
			}
		}
	}
	b, err := g.r.ReadByte()
	if err != nil {
		if err == io.EOF {
			return io.EOF
		}
		return fmt.Errorf("reading %s: %w", g.part, err)
	}
	var ch []byte
	switch {
	case b < 0x20 && b != '\t' && b != '\n' && b != '\r':
		if b == 0 {
			return nil // NUL: dropped, as CSV does
		}
		ch = replacement
	case b < utf8.RuneSelf || !g.fixUTF8:
		g.one[0] = b
		ch = g.one[:1]
	default:
		g.r.UnreadByte()
		buf, _ := g.r.Peek(utf8.UTFMax) // fewer at the end of the input
		r, size := utf8.DecodeRune(buf)
		if r == utf8.RuneError && size <= 1 || r == 0xFFFE || r == 0xFFFF {
			ch = replacement
			size = max(size, 1)
		} else {
			ch = g.one[:copy(g.one[:], buf[:size])]
		}
		g.r.Discard(size)
	}
	keep, err := g.account(ch)
	if err != nil {
		return err
	}
	if keep {
		g.out = ch
	}
	return nil
}

func (g *xmlGuard) fail(kind repcard.IssueKind, format string, args ...any) error {
	return &guardError{kind, fmt.Sprintf(format, args...)}
}

// account moves the state machine over one character and reports whether
// to deliver it.
func (g *xmlGuard) account(ch []byte) (bool, error) {
	b := ch[0] // only ASCII characters matter to the grammar
	switch g.state {
	case gText:
		if b == '<' {
			g.state, g.n, g.ent, g.dropping = gOpen, 1, 0, false
			return true, nil
		}
		if g.dropping {
			return false, nil
		}
		if g.n >= g.maxText && (g.ent == 0 || g.ent > 64) {
			g.dropping = true
			g.cut++
			return false, nil
		}
		g.n += len(ch)
		switch {
		case b == '&':
			g.ent = 1
		case b == ';':
			g.ent = 0
		case g.ent > 0:
			g.ent++
		}
		return true, nil
	case gOpen:
		g.n++
		switch b {
		case '!':
			g.state, g.bang = gBang, g.bang[:0]
		case '?':
			g.state, g.term, g.tm, g.limit = gSpecial, "?>", 0, g.maxMarkup
		default:
			g.state, g.quote = gTag, 0
			return g.tag(b)
		}
		return true, nil
	case gBang:
		g.n++
		g.bang = append(g.bang, ch...)
		s := string(g.bang)
		switch {
		case s == "--":
			g.state, g.term, g.tm, g.limit = gSpecial, "-->", 0, g.maxMarkup
		case s == "[CDATA[":
			g.state, g.term, g.tm, g.limit = gSpecial, "]]>", 0, g.maxText
		case len(s) < 2 && s == "-"[:len(s)], len(s) < 7 && s == "[CDATA["[:len(s)]:
			// not decided yet
		default:
			return false, g.fail(repcard.IssueDamaged, "%s has a DOCTYPE or another declaration (%q…), which a workbook never has", g.part, strings.ToValidUTF8("<!"+s, "\uFFFD"))
		}
		return true, nil
	case gTag:
		g.n += len(ch)
		if g.n > g.maxMarkup {
			return false, g.fail(repcard.IssueOverLimit, "%s has a tag longer than %d KB", g.part, g.maxMarkup>>10)
		}
		return g.tag(b)
	case gSpecial:
		g.n += len(ch)
		if g.n > g.limit {
			return false, g.fail(repcard.IssueOverLimit, "%s has a comment, CDATA section or processing instruction longer than %d KB", g.part, g.limit>>10)
		}
		switch {
		case b == g.term[g.tm]:
			g.tm++
			if g.tm == len(g.term) {
				g.state, g.n = gText, 0
			}
		case g.tm == 2 && g.term[0] == g.term[1] && b == g.term[0]:
			// "--->" or "]]]>": the last two characters still match
		case b == g.term[0]:
			g.tm = 1
		default:
			g.tm = 0
		}
		return true, nil
	}
	return true, nil
}

// tag follows one character of a start or end tag.
func (g *xmlGuard) tag(b byte) (bool, error) {
	switch {
	case g.quote != 0:
		if b == g.quote {
			g.quote = 0
		}
	case b == '"' || b == '\'':
		g.quote = b
	case b == '>':
		g.state, g.n = gText, 0
	}
	return true, nil
}
