package csvsheet

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"golang.org/x/text/transform"
)

// The limits used when an Options field is 0.
const (
	DefaultMaxLineBytes   = 1 << 20  // 1 MiB
	DefaultMaxRecordLines = 4        // MaxRecordBytes is this many times MaxLineBytes (at most 256 MiB)
	DefaultMaxColumns     = 16384    // as many as Excel has
	DefaultMaxCellBytes   = 32 << 10 // 32 KiB, about Excel's 32,767 characters
)

const (
	peekBytes        = 64 << 10  // how much of the start detection looks at
	maxSampleRecords = 20        // how many records delimiter detection looks at
	csvBufferBytes   = 64 << 10  // encoding/csv's read buffer
	maxRecordCap     = 256 << 20 // the default MaxRecordBytes never exceeds this, unless MaxLineBytes does
)

// The limit errors, returned by Read wrapped in a *ParseError.
var (
	ErrLineTooLong    = errors.New("line too long")
	ErrRecordTooLong  = errors.New("record too long")
	ErrTooManyColumns = errors.New("too many columns")
	ErrCellTooLong    = errors.New("cell too long")
)

// Options bound what a file may cost and can force the delimiter. The zero
// value is ready to use. Sizes count bytes of the UTF-8 text after decoding.
type Options struct {
	// MaxLineBytes is the longest physical line accepted, without its line
	// break; 0 means DefaultMaxLineBytes. A longer line is ErrLineTooLong,
	// found after reading at most MaxLineBytes of it.
	MaxLineBytes int

	// MaxRecordBytes is the most text one record may span, from its first
	// byte to the line break that ends it, line breaks inside quoted fields
	// included; 0 means DefaultMaxRecordLines × MaxLineBytes. It stops an
	// unclosed quote from swallowing the rest of a file into one field. A
	// longer record is ErrRecordTooLong, found after reading at most
	// MaxRecordBytes of it.
	MaxRecordBytes int

	// MaxColumns is the most fields a record may have; 0 means
	// DefaultMaxColumns. More is ErrTooManyColumns, found while the record
	// is read, before the fields past the limit are stored.
	MaxColumns int

	// MaxCellBytes is the longest field accepted; 0 means
	// DefaultMaxCellBytes. A longer field is ErrCellTooLong.
	MaxCellBytes int

	// Comma is the field delimiter; 0 means detect it (see Reader.Comma).
	// It must be an ASCII character other than '"', '\r' and '\n'. A
	// caller reading a .tsv file sets '\t'.
	Comma rune
}

// ParseError is an error found while reading a record: a limit was
// exceeded, or the underlying reader failed. Line is the 1-based physical
// line of the input: the line too long for ErrLineTooLong; where the
// record starts for ErrRecordTooLong and ErrTooManyColumns; where the field
// starts for ErrCellTooLong; the line being read for an I/O error.
type ParseError struct {
	Line  int   // physical line of the input, from 1
	Field int   // field of the record, from 1, for ErrCellTooLong; else 0
	Err   error // ErrLineTooLong, ErrRecordTooLong, ErrTooManyColumns, ErrCellTooLong, or an I/O error
}

func (e *ParseError) Error() string {
	if e.Field > 0 {
		return fmt.Sprintf("line %d, field %d: %v", e.Line, e.Field, e.Err)
	}
	return fmt.Sprintf("line %d: %v", e.Line, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// A Reader reads the records of one CSV file.
//
// The text is decoded to UTF-8 as detected by NewReader (see Encoding), so
// every string Read returns is valid UTF-8:
//   - In a file read as UTF-8, a byte that is not part of valid UTF-8 is
//     taken as a Windows-1252 character: a stray 0xE9 in an otherwise
//     UTF-8 file reads as "é". (Bytes Windows-1252 leaves undefined, such as
//     0x81, read as U+FFFD.)
//   - In UTF-16, an unpaired surrogate reads as U+FFFD.
//   - NUL bytes are dropped, whatever the encoding.
//   - A file whose lines end with a bare carriage return (as saved by old
//     Mac software) is read as if they ended with a newline.
//
// Records are parsed by encoding/csv with LazyQuotes, any number of fields
// per record and ReuseRecord (see Read).
type Reader struct {
	enc     string
	comma   rune
	maxCols int
	maxCell int
	lim     *limiter
	csv     *csv.Reader
	err     error // final: returned by every Read once set
	errLine int
}

// NewReader returns a Reader of r. It reads up to 64 KiB of r to detect
// the encoding and, unless opt.Comma is set, the delimiter. It returns an
// error only when reading r fails or opt is invalid (a negative limit, or
// a Comma that is not allowed): any bytes decode as one of the encodings.
func NewReader(r io.Reader, opt Options) (*Reader, error) {
	return newReader(r, opt, nil)
}

// newReader is NewReader; tests pass a chunk function to cut the decoded
// text into small reads.
func newReader(r io.Reader, opt Options, chunk func(io.Reader) io.Reader) (*Reader, error) {
	if opt.MaxLineBytes < 0 || opt.MaxRecordBytes < 0 || opt.MaxColumns < 0 || opt.MaxCellBytes < 0 {
		return nil, errors.New("csvsheet: negative limit in Options")
	}
	if opt.Comma != 0 && !validComma(opt.Comma) {
		return nil, fmt.Errorf("csvsheet: invalid Comma %q", opt.Comma)
	}
	opt = opt.withDefaults()

	br := bufio.NewReaderSize(r, peekBytes)
	head, err := br.Peek(peekBytes)
	atEOF := false
	switch err {
	case nil, bufio.ErrBufferFull:
	case io.EOF:
		atEOF = true
	default:
		return nil, fmt.Errorf("csvsheet: %w", err)
	}

	d := detect(head, atEOF, opt.Comma)
	if _, err := br.Discard(d.bom); err != nil {
		return nil, fmt.Errorf("csvsheet: %w", err)
	}
	comma := d.comma
	var text io.Reader = transform.NewReader(br, newDecoder(d.enc, d.cr))
	if chunk != nil {
		text = chunk(text)
	}
	lim := newLimiter(text, byte(comma), opt.MaxLineBytes, opt.MaxRecordBytes, opt.MaxColumns)
	c := csv.NewReader(bufio.NewReaderSize(lim, csvBufferBytes))
	c.Comma = comma
	c.LazyQuotes = true
	c.FieldsPerRecord = -1
	c.ReuseRecord = true
	return &Reader{
		enc:     d.enc,
		comma:   comma,
		maxCols: opt.MaxColumns,
		maxCell: opt.MaxCellBytes,
		lim:     lim,
		csv:     c,
	}, nil
}

// Encoding returns the text encoding NewReader detected: "utf-8",
// "utf-8-bom", "utf-16le", "utf-16be" or "windows-1252". UTF-16 is
// recognised by its byte order mark, or without one when the start of the
// file is mostly ASCII with a NUL in every other byte. Otherwise the file is
// UTF-8 when its first 64 KiB are valid UTF-8, else Windows-1252.
func (r *Reader) Encoding() string { return r.enc }

// Comma returns the delimiter: Options.Comma when set, else the one
// detected among ',' '\t' ';' and '|' from the first records (up to 20,
// within 64 KiB), split as Read splits them, quotes respected: the one
// giving the most consistent field count above 1 (the largest share of
// records having it), then more fields, then the first in that order. A
// file where none gives more than one field reads with ','.
func (r *Reader) Comma() rune { return r.comma }

// Read returns the next record, and the 1-based physical line of the input
// where it starts. Blank lines are skipped; a quoted field may span lines
// (line is where it starts). Fields are as in the file: nothing is trimmed,
// and a trailing delimiter gives a last field "". At the end of the input
// Read returns io.EOF, then io.EOF again.
//
// The returned slice is reused: it is valid only until the next call to
// Read, which overwrites it. The strings in it are never modified and may be
// kept; to keep the whole row, copy the slice (slices.Clone).
//
// Any other error is a *ParseError, with a nil row. ErrCellTooLong rejects
// one record, and the next Read goes on with the following one. Every other
// error is final: Read returns it again from then on.
func (r *Reader) Read() (row []string, line int, err error) {
	if r.err != nil {
		return nil, r.errLine, r.err
	}
	row, err = r.csv.Read()
	if err != nil {
		if err == io.EOF {
			r.err = io.EOF
			return nil, 0, io.EOF
		}
		line, err = r.fail(r.lim.line, err)
		return nil, line, err
	}
	if len(row) == 0 { // never from encoding/csv; keeps FieldPos safe
		return row, r.lim.line, nil
	}
	line, _ = r.csv.FieldPos(0)
	if len(row) > r.maxCols { // the limiter stops such a record first; a safety net
		line, err = r.fail(line, ErrTooManyColumns)
		return nil, line, err
	}
	for i, f := range row {
		if len(f) > r.maxCell {
			l, _ := r.csv.FieldPos(i)
			return nil, l, &ParseError{Line: l, Field: i + 1, Err: ErrCellTooLong}
		}
	}
	return row, line, nil
}

// fail makes err final, as a *ParseError on line unless it is one.
func (r *Reader) fail(line int, err error) (int, error) {
	var pe *ParseError
	if !errors.As(err, &pe) {
		pe = &ParseError{Line: line, Err: err}
	}
	r.err, r.errLine = pe, pe.Line
	return pe.Line, pe
}

// withDefaults returns o with each zero limit set to its default.
func (o Options) withDefaults() Options {
	if o.MaxLineBytes == 0 {
		o.MaxLineBytes = DefaultMaxLineBytes
	}
	if o.MaxRecordBytes == 0 {
		o.MaxRecordBytes = max(o.MaxLineBytes, maxRecordCap)
		if o.MaxLineBytes <= maxRecordCap/DefaultMaxRecordLines {
			o.MaxRecordBytes = DefaultMaxRecordLines * o.MaxLineBytes
		}
	}
	if o.MaxColumns == 0 {
		o.MaxColumns = DefaultMaxColumns
	}
	if o.MaxCellBytes == 0 {
		o.MaxCellBytes = DefaultMaxCellBytes
	}
	return o
}

// validComma reports whether c may be a delimiter.
func validComma(c rune) bool {
	return 0 < c && c < utf8.RuneSelf && c != '"' && c != '\r' && c != '\n'
}
