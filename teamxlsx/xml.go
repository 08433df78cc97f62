package teamxlsx

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/internal/untrusted"
	"github.com/repcard/repcard/report"
)

// cellKind is what a cell holds.
type cellKind uint8

const (
	cEmpty cellKind = iota // no cell: a value that does not exist
	cText                  // an inline string, never a formula
	cInt
	cFloat
	cDate // i is the serial day (1900 system)
)

// cell is one value of a row, as it is written.
type cell struct {
	k cellKind
	s string
	f float64
	i int64
}

// str is a text cell of s as it is; empty when s is.
func str(s string) cell {
	if s == "" {
		return cell{}
	}
	return cell{k: cText, s: s}
}

// num is a whole number.
func num(n int) cell { return cell{k: cInt, i: int64(n)} }

// maxCellChars is the most UTF-16 units a cell's text holds (Excel's
// limit); longer text is cut.
const maxCellChars = 32767

// dates of Excel's 1900 date system: serial 1 is 1900-01-01, serial 60
// the 29 February 1900 that Excel counts and that did not exist, so from
// 1 March 1900 a serial is the days since 1899-12-30.
var (
	excel1900   = repcard.MakeDate(1900, 1, 1)
	excelMarch  = repcard.MakeDate(1900, 3, 1)
	excelZero   = repcard.MakeDate(1899, 12, 30)
	excelJanFeb = repcard.MakeDate(1899, 12, 31) // before the 29th: days since this
)

// date is d as a date cell; a date before 1900, which a workbook cannot
// hold, is its text (yyyy-mm-dd).
func date(d repcard.Date) cell {
	switch {
	case d >= excelMarch:
		return cell{k: cDate, i: int64(d - excelZero)}
	case d >= excel1900:
		return cell{k: cDate, i: int64(d - excelJanFeb)}
	}
	return cell{k: cText, s: d.Time().Format(time.DateOnly)}
}

// colName is the letters of the column i (0 is A).
func colName(i int) string {
	name := ""
	for i++; i > 0; i = (i - 1) / 26 {
		name = string(rune('A'+(i-1)%26)) + name
	}
	return name
}

// appendCell appends the cell c of column col (its letters) in row (its
// number's digits), with the cell format s (0: the default, no attribute).
func appendCell(buf []byte, col string, row []byte, s int, c cell) []byte {
	buf = append(buf, `<c r="`...)
	buf = append(buf, col...)
	buf = append(buf, row...)
	buf = append(buf, '"')
	if s != 0 {
		buf = append(buf, ` s="`...)
		buf = strconv.AppendInt(buf, int64(s), 10)
		buf = append(buf, '"')
	}
	switch c.k {
	case cText:
		buf = append(buf, ` t="inlineStr"><is><t`...)
		buf = appendText(buf, c.s)
		buf = append(buf, `</t></is></c>`...)
	case cInt, cDate:
		buf = append(buf, `><v>`...)
		buf = strconv.AppendInt(buf, c.i, 10)
		buf = append(buf, `</v></c>`...)
	case cFloat:
		buf = append(buf, `><v>`...)
		// Excel keeps 15 significant digits.
		buf = strconv.AppendFloat(buf, c.f, 'g', 15, 64)
		buf = append(buf, `</v></c>`...)
	}
	return buf
}

// appendText appends the rest of a <t> element holding s: its attributes,
// ">", and s cut to what a cell holds, with each _xHHHH_ in it escaped
// (a workbook reads _x0041_ as "A"), XML-escaped, and each character XML
// 1.0 forbids (and invalid UTF-8) made U+FFFD.
func appendText(buf []byte, s string) []byte {
	if len(s) > maxCellChars { // bytes ≥ UTF-16 units: only then can it be too long
		s = cutUTF16(s, maxCellChars)
	}
	if s != "" && (isSpace(s[0]) || isSpace(s[len(s)-1])) {
		buf = append(buf, ` xml:space="preserve"`...)
	}
	buf = append(buf, '>')
	if strings.Contains(s, "_x") {
		s = escapeBstr(s)
	}
	return appendEscaped(buf, s, false)
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// cutUTF16 returns s cut to at most n UTF-16 units, never inside a
// character.
func cutUTF16(s string, n int) string {
	units := 0
	for i, r := range s {
		w := 1
		if r >= 0x10000 {
			w = 2
		}
		if units+w > n {
			return s[:i]
		}
		units += w
	}
	return s
}

// escapeBstr escapes the underscore that starts each _xHHHH_ in s as
// _x005F_, so that a reader, which decodes _xHHHH_ to a character, reads s.
func escapeBstr(s string) string {
	var b strings.Builder
	last, found := 0, false
	for i := 0; i+7 <= len(s); i++ {
		if s[i] == '_' && s[i+1] == 'x' && isHex(s[i+2]) && isHex(s[i+3]) && isHex(s[i+4]) && isHex(s[i+5]) && s[i+6] == '_' {
			b.WriteString(s[last:i])
			b.WriteString("_x005F")
			last, found = i, true // the underscore itself follows: _x005F_xHHHH_
		}
	}
	if !found {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// appendEscaped appends s XML-escaped: &, <, > (and " in an attribute)
// as entities, CR as &#xD; (a parser would make it LF), and each character
// XML 1.0 forbids (C0 controls but tab, LF and CR; U+FFFE, U+FFFF) and
// each invalid byte as U+FFFD.
func appendEscaped(buf []byte, s string, attr bool) []byte {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			var esc string
			switch {
			case c == '&':
				esc = "&amp;"
			case c == '<':
				esc = "&lt;"
			case c == '>':
				esc = "&gt;"
			case c == '"' && attr:
				esc = "&quot;"
			case c == '\r':
				esc = "&#xD;"
			case (c == '\n' || c == '\t') && attr:
				esc = "&#xA;"
				if c == '\t' {
					esc = "&#x9;"
				}
			case c < 0x20 && c != '\n' && c != '\t':
				esc = "\uFFFD"
			default:
				i++
				continue
			}
			buf = append(buf, s[last:i]...)
			buf = append(buf, esc...)
			i++
			last = i
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && w == 1) || r == 0xFFFE || r == 0xFFFF {
			buf = append(buf, s[last:i]...)
			buf = append(buf, "\uFFFD"...)
			i += w
			last = i
			continue
		}
		i += w
	}
	return append(buf, s[last:]...)
}

// Cells of the report's values.

// text is spreadsheet text made one clean line (untrusted.Line); empty
// when nothing is left.
func text(s string) cell {
	if cleanASCII(s) { // most names and prospects: Line would return s
		return str(s)
	}
	return str(untrusted.Line(s))
}

// cleanASCII reports whether s is printable ASCII with no space at either
// end and no two spaces in a row: text untrusted.Line leaves as it is.
func cleanASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < ' ' || c > '~' || c == ' ' && (i == 0 || i == len(s)-1 || s[i-1] == ' ') {
			return false
		}
	}
	return true
}

func money(m repcard.Money) cell { return cell{k: cFloat, f: m.Units()} }

func nullMoney(m report.NullMoney) cell {
	if !m.OK {
		return cell{}
	}
	return money(m.V)
}

func ratio(r report.Ratio) cell {
	if !r.OK || math.IsNaN(r.V) || math.IsInf(r.V, 0) {
		return cell{}
	}
	return cell{k: cFloat, f: r.V}
}

func day(d report.Day) cell {
	if d == 0 {
		return cell{}
	}
	return date(repcard.Date(d))
}
