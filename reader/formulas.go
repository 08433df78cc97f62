package reader

import (
	"bytes"
	"math"
	"strconv"

	"github.com/repcard/repcard"
)

// formulaScan finds, in a worksheet's XML written to it, the formula cells
// saved without a value: <c r="E5"><f>B5*C5</f></c>, with no <v>. Excel,
// LibreOffice and Google Sheets save the value they calculated with each
// formula, and repcard reads that value and never evaluates a formula; a
// program that writes formulas without calculating them (openpyxl, some
// exporters) leaves the value out, and those cells read as blank. The scan
// counts them per column, so that the reader can warn about the columns
// it uses.
//
// It looks only for "<f" (an 'f', with bytes.IndexByte) and then for the
// cell's "<v" or "</c>", so it adds little to the pass that streams each worksheet
// through the guard. A match across two writes is found: the last bytes of
// each write are looked at again with the next.
type formulaScan struct {
	cols map[int]*uncachedColumn // 0-based column → its uncached formula cells

	inFormula bool   // after a cell's <f, before its <v or </c>
	col, row  int    // that cell's column and row (-1: its reference was not found)
	buf       []byte // the carried bytes and the write being scanned
}

// uncachedColumn is a column's formula cells with no saved value: how many
// in each row where the header may be, and after.
type uncachedColumn struct {
	top        [headerWindow + 1]int // by row, 1 to headerWindow
	below      int                   // in rows after headerWindow
	firstBelow int                   // the first of those rows
}

// Bytes of a write kept for the next: its last carryBytes (one less than
// the longest pattern, "</c>") are scanned again, and the last keepBytes
// are where a formula at the start of the next write finds its cell's tag.
const (
	carryBytes = 3
	keepBytes  = 512
)

var (
	tagF     = []byte("<f")
	tagV     = []byte("<v")
	closeC   = []byte("</c>")
	cellOpen = []byte("<c ")
)

func (s *formulaScan) Write(p []byte) (int, error) {
	k := min(len(s.buf), keepBytes)
	copy(s.buf, s.buf[len(s.buf)-k:])
	s.buf = append(s.buf[:k], p...)
	s.scan(s.buf, max(0, k-carryBytes), len(s.buf)-carryBytes)
	return len(p), nil
}

// scan handles the matches in b that start from start and before end;
// earlier ones were handled with the write before, later ones are carried
// to the next.
func (s *formulaScan) scan(b []byte, start, end int) {
	i := start
	for i < end {
		if !s.inFormula {
			// 'f' is rare in worksheet XML but for formulas, and '<' is
			// everywhere: look for the 'f', then at the byte before it.
			j := bytes.IndexByte(b[i+1:], 'f')
			if j < 0 || i+j >= end {
				return
			}
			at := i + j // the '<' of "<f", if it is one
			i = at + 1
			if b[at] != '<' {
				continue
			}
			i = at + len(tagF)
			switch b[i] { // at < end, so b[at+2] is there
			case '>', ' ', '/', '\t', '\r', '\n':
				s.inFormula = true
				s.col, s.row = cellOf(b[max(0, at-keepBytes):at])
			}
			continue
		}
		v, c := bytes.Index(b[i:], tagV), bytes.Index(b[i:], closeC)
		switch {
		case v >= 0 && (c < 0 || v < c) && i+v < end:
			s.inFormula = false // saved with a value
			i += v + len(tagV)
		case c >= 0 && (v < 0 || c < v) && i+c < end:
			s.inFormula = false
			s.count()
			i += c + len(closeC)
		default:
			return
		}
	}
}

func (s *formulaScan) count() {
	if s.col < 0 {
		return
	}
	if s.cols == nil {
		s.cols = map[int]*uncachedColumn{}
	}
	c := s.cols[s.col]
	if c == nil {
		c = &uncachedColumn{}
		s.cols[s.col] = c
	}
	switch {
	case s.row <= headerWindow:
		c.top[s.row]++
	default:
		if c.below == 0 {
			c.firstBelow = s.row
		}
		c.below++
	}
}

// cellOf reads the column and row of the cell whose start tag is the last
// one in b (its r="E5"), or -1 when b does not hold it. The scan gives it
// the keepBytes before a formula, however the XML was cut into writes.
func cellOf(b []byte) (col, row int) {
	at := bytes.LastIndex(b, cellOpen)
	if at < 0 {
		return -1, 0
	}
	tag := b[at+len(cellOpen):]
	if end := bytes.IndexByte(tag, '>'); end >= 0 {
		tag = tag[:end]
	}
	r := 0
	for {
		k := bytes.Index(tag[r:], []byte(`r="`))
		if k < 0 {
			return -1, 0
		}
		r += k
		if r == 0 || tag[r-1] == ' ' || tag[r-1] == '\t' || tag[r-1] == '\n' || tag[r-1] == '\r' {
			break // r=, not xr=
		}
		r += 3
	}
	ref := tag[r+3:]
	if q := bytes.IndexByte(ref, '"'); q >= 0 {
		ref = ref[:q]
	}
	return parseCellRef(ref)
}

// parseCellRef splits "E5" into column 4 and row 5; -1 when it is not a
// cell reference.
func parseCellRef(ref []byte) (col, row int) {
	k := 0
	for k < len(ref) && k < 3 && (ref[k]|0x20) >= 'a' && (ref[k]|0x20) <= 'z' {
		col = col*26 + int(ref[k]|0x20-'a') + 1
		k++
	}
	if k == 0 || k == len(ref) || len(ref)-k > 7 {
		return -1, 0
	}
	for _, d := range ref[k:] {
		if d < '0' || d > '9' {
			return -1, 0
		}
		row = row*10 + int(d-'0')
	}
	if row == 0 || row > math.MaxInt32 {
		return -1, 0
	}
	return col - 1, row
}

// in counts the uncached formula cells below row after, in the columns used
// reports on, and gives the column and row of the first of them (the
// leftmost of the first row).
func (s *formulaScan) in(after int, used func(col int) bool) (n, firstCol, firstRow int) {
	firstRow = math.MaxInt
	for col, c := range s.cols {
		if !used(col) {
			continue
		}
		first := 0
		for r := headerWindow; r > after; r-- {
			if c.top[r] > 0 {
				n += c.top[r]
				first = r
			}
		}
		if c.below > 0 {
			n += c.below
			if first == 0 {
				first = c.firstBelow
			}
		}
		if first > 0 && (first < firstRow || first == firstRow && col < firstCol) {
			firstCol, firstRow = col, first
		}
	}
	if n == 0 {
		return 0, 0, 0
	}
	return n, firstCol, firstRow
}

// warnUncachedFormulas warns about the formula cells under the header of a
// sheet, in the columns it reads, that were saved without a value: they
// read as blank.
func (r *inboxReader) warnUncachedFormulas(p *sheetPlan, wb workbook) {
	book, ok := wb.(*xlsxBook)
	if !ok || book.formulas[p.sheet] == nil {
		return
	}
	scan := book.formulas[p.sheet]
	l := p.layout
	n, col, row := scan.in(l.headerRow, l.uses)
	if n == 0 {
		return
	}
	r.addWarning(p, row, l.columnName(col), repcard.IssueUncachedFormulas, strconv.Itoa(n))
}
