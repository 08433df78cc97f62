package csvsheet

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf16"
)

// encodeUTF16 returns s in UTF-16 with the given byte order, after a byte
// order mark when bom is set.
func encodeUTF16(s string, order binary.AppendByteOrder, bom bool) string {
	var b []byte
	if bom {
		b = order.AppendUint16(b, 0xFEFF)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		b = order.AppendUint16(b, u)
	}
	return string(b)
}

var readTests = []struct {
	Name     string
	Input    string
	Opt      Options
	Encoding string // when set, Encoding() must return it
	Comma    rune   // when set, Comma() must return it
	Output   [][]string
	Lines    []int // when set, the line of each record in Output
	Error    error // the error Read returns after Output
	ErrLine  int
	Then     [][]string // records read after Error (ErrCellTooLong only)
}{{
	Name:     "Simple",
	Input:    "rep,date,amount\nJane Doe,2026-10-31,500\n",
	Encoding: "utf-8",
	Comma:    ',',
	Output:   [][]string{{"rep", "date", "amount"}, {"Jane Doe", "2026-10-31", "500"}},
	Lines:    []int{1, 2},
}, {
	Name:   "NoFinalNewline",
	Input:  "a,b\n1,2",
	Output: [][]string{{"a", "b"}, {"1", "2"}},
	Lines:  []int{1, 2},
}, {
	Name:     "UTF8BOM",
	Input:    "\xef\xbb\xbfRep,Amount\nJosé,1\n",
	Encoding: "utf-8-bom",
	Output:   [][]string{{"Rep", "Amount"}, {"José", "1"}},
}, {
	Name:     "UTF8BOMQuotedHeader",
	Input:    "\xef\xbb\xbf\"Rep\",\"Amount\"\n",
	Encoding: "utf-8-bom",
	Output:   [][]string{{"Rep", "Amount"}},
}, {
	Name:     "UTF16LEBOM",
	Input:    encodeUTF16("Rep;Amount\r\nZoë Brontë;1,5\r\n€;\"a;b\"\r\n", binary.LittleEndian, true),
	Encoding: "utf-16le",
	Comma:    ';',
	Output:   [][]string{{"Rep", "Amount"}, {"Zoë Brontë", "1,5"}, {"€", "a;b"}},
	Lines:    []int{1, 2, 3},
}, {
	Name:     "UTF16BEBOM",
	Input:    encodeUTF16("Rep\tAmount\nJosé Müller\t12\n𝄞\tx\n", binary.BigEndian, true),
	Encoding: "utf-16be",
	Comma:    '\t',
	Output:   [][]string{{"Rep", "Amount"}, {"José Müller", "12"}, {"𝄞", "x"}},
}, {
	Name:     "UTF16LENoBOM",
	Input:    encodeUTF16("Rep,Amount\nJosé,12\n", binary.LittleEndian, false),
	Encoding: "utf-16le",
	Output:   [][]string{{"Rep", "Amount"}, {"José", "12"}},
}, {
	Name:     "UTF16BENoBOM",
	Input:    encodeUTF16("Rep|Amount\nJosé|12\n", binary.BigEndian, false),
	Encoding: "utf-16be",
	Comma:    '|',
	Output:   [][]string{{"Rep", "Amount"}, {"José", "12"}},
}, {
	Name:     "UTF16UnpairedSurrogate",
	Input:    "\xff\xfea\x00,\x00\x00\xd8b\x00\n\x00",
	Encoding: "utf-16le",
	Output:   [][]string{{"a", "\uFFFDb"}},
}, {
	Name:     "UTF16OddByte",
	Input:    "\xff\xfea\x00,\x00b\x00\n\x00c",
	Encoding: "utf-16le",
	Output:   [][]string{{"a", "b"}, {"\uFFFD"}},
}, {
	Name:     "OnlyUTF16BOM",
	Input:    "\xfe\xff",
	Encoding: "utf-16be",
}, {
	Name:     "Windows1252",
	Input:    "Rep;Amount;City\nJos\xe9 M\xfcller;\x80 1.234,50;K\xf6ln\n",
	Encoding: "windows-1252",
	Comma:    ';',
	Output:   [][]string{{"Rep", "Amount", "City"}, {"José Müller", "€ 1.234,50", "Köln"}},
}, {
	Name:     "Windows1252Undefined",
	Input:    "a,\x81\x8d\x8f\x90\x9d\n",
	Encoding: "windows-1252",
	Output:   [][]string{{"a", "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD"}},
}, {
	Name:     "InvalidUTF8AfterBOM",
	Input:    "\xef\xbb\xbfcaf\xe9,\xc3\xa9t\xe9,\xe2\x82\xac\xe2\x82\n",
	Encoding: "utf-8-bom",
	Output:   [][]string{{"café", "été", "€â‚"}},
}, {
	Name:   "InvalidUTF8AtEOF",
	Input:  "\xef\xbb\xbfa,\xf0\x9f\x98",
	Output: [][]string{{"a", "ðŸ˜"}},
}, {
	Name:     "EncodedReplacementChar",
	Input:    "a,\xef\xbf\xbd\n",
	Encoding: "utf-8",
	Output:   [][]string{{"a", "\uFFFD"}},
}, {
	Name:     "NULBytes",
	Input:    "a\x00b,c\x00\x00\n\x00\n1,2\n",
	Encoding: "utf-8",
	Output:   [][]string{{"ab", "c"}, {"1", "2"}},
	Lines:    []int{1, 3},
}, {
	Name:     "NULWindows1252",
	Input:    "\xe9\x00,b\n",
	Encoding: "windows-1252",
	Output:   [][]string{{"é", "b"}},
}, {
	Name:   "Comma",
	Input:  "a,b,c\n1,2,3\n",
	Comma:  ',',
	Output: [][]string{{"a", "b", "c"}, {"1", "2", "3"}},
}, {
	Name:   "Semicolon",
	Input:  "a;b;c\n1;2;3\n",
	Comma:  ';',
	Output: [][]string{{"a", "b", "c"}, {"1", "2", "3"}},
}, {
	Name:   "Tab",
	Input:  "a\tb\tc\n1\t2\t3\n",
	Comma:  '\t',
	Output: [][]string{{"a", "b", "c"}, {"1", "2", "3"}},
}, {
	Name:   "Pipe",
	Input:  "a|b|c\n1|2|3\n",
	Comma:  '|',
	Output: [][]string{{"a", "b", "c"}, {"1", "2", "3"}},
}, {
	Name:   "SemicolonDecimalCommaQuoted",
	Input:  "\"Rep\";\"Amount\"\n\"Jane\";\"1.234,50\"\n\"Bob\";\"12,5\"\n",
	Comma:  ';',
	Output: [][]string{{"Rep", "Amount"}, {"Jane", "1.234,50"}, {"Bob", "12,5"}},
}, {
	Name:   "SemicolonDecimalCommaUnquoted",
	Input:  "Rep;Amount;Date\nJane;1234,50;2026-10-01\nBob;99,00;2026-10-02\n",
	Comma:  ';',
	Output: [][]string{{"Rep", "Amount", "Date"}, {"Jane", "1234,50", "2026-10-01"}, {"Bob", "99,00", "2026-10-02"}},
}, {
	Name:   "TabWithCommasInCells",
	Input:  "Rep\tAmount\tCity\nJane\t1,234.50\tSpringfield, IL\nBob\t2,000\tAkron, OH\n",
	Comma:  '\t',
	Output: [][]string{{"Rep", "Amount", "City"}, {"Jane", "1,234.50", "Springfield, IL"}, {"Bob", "2,000", "Akron, OH"}},
}, {
	Name:   "CommaWithSemicolonNotes",
	Input:  "rep,note\nJane,\"call back; maybe\"\nBob,no; not now; never\nAmy,ok\n",
	Comma:  ',',
	Output: [][]string{{"rep", "note"}, {"Jane", "call back; maybe"}, {"Bob", "no; not now; never"}, {"Amy", "ok"}},
}, {
	Name:   "TitleRowsAboveHeader",
	Input:  "Sales report\nOctober 31, 2026\n\nrep;date;amount\nJane;2026-10-01;5\nBob;2026-10-02;6\n",
	Comma:  ';',
	Output: [][]string{{"Sales report"}, {"October 31, 2026"}, {"rep", "date", "amount"}, {"Jane", "2026-10-01", "5"}, {"Bob", "2026-10-02", "6"}},
	Lines:  []int{1, 2, 4, 5, 6},
}, {
	Name:   "SingleColumn",
	Input:  "Name\nJane\nBob\n",
	Comma:  ',',
	Output: [][]string{{"Name"}, {"Jane"}, {"Bob"}},
}, {
	Name:   "ForcedComma",
	Input:  "a,b\tc\n1,2\t3\n",
	Opt:    Options{Comma: '\t'},
	Comma:  '\t',
	Output: [][]string{{"a,b", "c"}, {"1,2", "3"}},
}, {
	Name:   "QuotedDelimiters",
	Input:  "a,\"b,c\",d\n\"1,5\",\"x;y\",\"\"\"q\"\"\"\n",
	Comma:  ',',
	Output: [][]string{{"a", "b,c", "d"}, {"1,5", "x;y", `"q"`}},
}, {
	Name:   "QuotedNewlines",
	Input:  "rep,note\nJane,\"first\nsecond\n\nfourth\"\nBob,x\n\"multi\nline\",y\n",
	Output: [][]string{{"rep", "note"}, {"Jane", "first\nsecond\n\nfourth"}, {"Bob", "x"}, {"multi\nline", "y"}},
	Lines:  []int{1, 2, 6, 7},
}, {
	Name:   "QuotedCRLF",
	Input:  "a,\"x\r\ny\"\r\nb,c\r\n",
	Output: [][]string{{"a", "x\ny"}, {"b", "c"}},
	Lines:  []int{1, 3},
}, {
	Name:   "RaggedRows",
	Input:  "a,b,c\n1\n1,2,3,4,5\n,\n",
	Output: [][]string{{"a", "b", "c"}, {"1"}, {"1", "2", "3", "4", "5"}, {"", ""}},
}, {
	Name:   "TrailingEmptyColumn",
	Input:  "a,b,\n1,2,\n",
	Output: [][]string{{"a", "b", ""}, {"1", "2", ""}},
}, {
	Name:   "BlankLines",
	Input:  "\n\na,b\n\n\n1,2\n\r\n\n",
	Output: [][]string{{"a", "b"}, {"1", "2"}},
	Lines:  []int{3, 6},
}, {
	Name:   "CRLF",
	Input:  "a,b\r\n1,2\r\n",
	Output: [][]string{{"a", "b"}, {"1", "2"}},
	Lines:  []int{1, 2},
}, {
	Name:   "BareCR",
	Input:  "a;b\r1;\"x\r2\"\r3;4\r",
	Comma:  ';',
	Output: [][]string{{"a", "b"}, {"1", "x\n2"}, {"3", "4"}},
	Lines:  []int{1, 2, 4},
}, {
	Name:   "NoTrimming",
	Input:  " a , b \n\t1\t,2 \n",
	Comma:  ',',
	Output: [][]string{{" a ", " b "}, {"\t1\t", "2 "}},
}, {
	Name:   "StrayQuotes",
	Input:  "name,size\nAcme \"Best\" Inc,27\" monitor\n",
	Output: [][]string{{"name", "size"}, {`Acme "Best" Inc`, `27" monitor`}},
}, {
	Name:   "BareQuoteInQuotedField",
	Input:  "a,\"b\"c\",d\ne,f\n",
	Output: [][]string{{"a", `b"c`, "d"}, {"e", "f"}},
}, {
	Name:   "UnclosedQuote",
	Input:  "a,\"b\nc,d\n",
	Output: [][]string{{"a", "b\nc,d\n"}},
}, {
	Name:     "Empty",
	Input:    "",
	Encoding: "utf-8",
	Comma:    ',',
}, {
	Name:     "OnlyBOM",
	Input:    "\xef\xbb\xbf",
	Encoding: "utf-8-bom",
}, {
	Name:  "OnlyNewlines",
	Input: "\n\r\n\n",
}, {
	Name:    "LineTooLong",
	Input:   "a,b\n0123456789\r\n0123456789A\n1,2\n",
	Opt:     Options{MaxLineBytes: 10},
	Output:  [][]string{{"a", "b"}, {"0123456789"}},
	Error:   ErrLineTooLong,
	ErrLine: 3,
}, {
	Name:    "LineTooLongQuoted",
	Input:   "a,\"b\nc\n0123456789A\"\n",
	Opt:     Options{MaxLineBytes: 10},
	Error:   ErrLineTooLong,
	ErrLine: 3,
}, {
	Name:    "LineTooLongNoNewline",
	Input:   "a,b\n0123456789AB",
	Opt:     Options{MaxLineBytes: 10},
	Output:  [][]string{{"a", "b"}},
	Error:   ErrLineTooLong,
	ErrLine: 2,
}, {
	Name:    "TooManyColumns",
	Input:   "a,b,c\n1,2,3,4\n5,6\n",
	Opt:     Options{MaxColumns: 3},
	Output:  [][]string{{"a", "b", "c"}},
	Error:   ErrTooManyColumns,
	ErrLine: 2,
}, {
	Name:    "TooManyColumnsAfterQuote",
	Input:   "\"a\nb\",\"c\",d\n",
	Opt:     Options{MaxColumns: 2},
	Error:   ErrTooManyColumns,
	ErrLine: 1,
}, {
	Name:   "QuotedCommasAreNotColumns",
	Input:  "\"a,b,c,d\",e\n\"x\"\",\"\",\",y\n",
	Opt:    Options{MaxColumns: 2},
	Output: [][]string{{"a,b,c,d", "e"}, {`x",",`, "y"}},
}, {
	Name:    "CellTooLong",
	Input:   "a,b\nc,123456\n\"12\n4\",x\nd,e\n",
	Opt:     Options{MaxCellBytes: 5},
	Output:  [][]string{{"a", "b"}},
	Error:   ErrCellTooLong,
	ErrLine: 2,
	Then:    [][]string{{"12\n4", "x"}, {"d", "e"}},
}, {
	Name:    "RecordTooLong",
	Input:   "a,b\nc,\"" + strings.Repeat("xxxxxxxxx\n", 10) + "\"\nd,e\n",
	Opt:     Options{MaxLineBytes: 20, MaxRecordBytes: 50},
	Output:  [][]string{{"a", "b"}},
	Error:   ErrRecordTooLong,
	ErrLine: 2,
}, {
	Name:   "RecordAtLimit",
	Input:  "a,b\n\"12345\n7890\"\nc\n",
	Opt:    Options{MaxRecordBytes: 12},
	Output: [][]string{{"a", "b"}, {"12345\n7890"}, {"c"}},
}}

func TestRead(t *testing.T) {
	readers := []struct {
		name string
		wrap func(io.Reader) io.Reader
	}{
		{"", func(r io.Reader) io.Reader { return r }},
		{"/OneByte", iotest.OneByteReader},
		{"/Half", iotest.HalfReader},
	}
	for _, tt := range readTests {
		for _, rd := range readers {
			t.Run(tt.Name+rd.name, func(t *testing.T) {
				r, err := newReader(rd.wrap(strings.NewReader(tt.Input)), tt.Opt, rd.wrap)
				if err != nil {
					t.Fatalf("NewReader: %v", err)
				}
				if tt.Encoding != "" && r.Encoding() != tt.Encoding {
					t.Errorf("Encoding() = %q, want %q", r.Encoding(), tt.Encoding)
				}
				if tt.Comma != 0 && r.Comma() != tt.Comma {
					t.Errorf("Comma() = %q, want %q", r.Comma(), tt.Comma)
				}
				out, lines, err := readAll(r)
				if tt.Error == nil {
					if err != nil {
						t.Fatalf("Read error after %q: %v", out, err)
					}
				} else {
					var pe *ParseError
					if !errors.Is(err, tt.Error) || !errors.As(err, &pe) || pe.Line != tt.ErrLine {
						t.Fatalf("Read error after %q: %v, want %v on line %d", out, err, tt.Error, tt.ErrLine)
					}
				}
				if !reflect.DeepEqual(out, tt.Output) {
					t.Errorf("records:\n got %q\nwant %q", out, tt.Output)
				}
				if tt.Lines != nil && !slices.Equal(lines, tt.Lines) {
					t.Errorf("lines = %v, want %v", lines, tt.Lines)
				}
				if tt.Error == nil {
					return
				}
				if tt.Then != nil {
					then, _, err := readAll(r)
					if err != nil || !reflect.DeepEqual(then, tt.Then) {
						t.Errorf("after the error: %q, %v; want %q", then, err, tt.Then)
					}
					return
				}
				// The error is final.
				for range 2 {
					row, line, err2 := r.Read()
					if row != nil || line != tt.ErrLine || err2 != err {
						t.Errorf("Read after the error = %q, %d, %v; want nil, %d, %v", row, line, err2, tt.ErrLine, err)
					}
				}
			})
		}
	}
}

// readAll reads up to the first error, copying the records.
func readAll(r *Reader) (rows [][]string, lines []int, err error) {
	for {
		row, line, err := r.Read()
		if err == io.EOF {
			return rows, lines, nil
		}
		if err != nil {
			return rows, lines, err
		}
		rows = append(rows, slices.Clone(row))
		lines = append(lines, line)
	}
}

func TestReadAfterEOF(t *testing.T) {
	r, err := NewReader(strings.NewReader("a\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := r.Read(); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if row, _, err := r.Read(); row != nil || err != io.EOF {
			t.Fatalf("Read = %q, %v; want nil, io.EOF", row, err)
		}
	}
}

// TestReuseRecord checks the documented contract: the slice is reused,
// the strings in it stay valid.
func TestReuseRecord(t *testing.T) {
	r, err := NewReader(strings.NewReader("a,b\nc,d\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := r.Read()
	a, b := first[0], first[1]
	second, _, _ := r.Read()
	if &first[0] != &second[0] {
		t.Error("Read did not reuse the row slice")
	}
	if a != "a" || b != "b" {
		t.Errorf("strings of the first row changed to %q %q", a, b)
	}
}

// TestLateInvalidUTF8 reads a file that is valid UTF-8 in its first 64 KiB
// and has Windows-1252 bytes later on.
func TestLateInvalidUTF8(t *testing.T) {
	var in strings.Builder
	in.WriteString("rep,city\n")
	for in.Len() < 3*peekBytes {
		in.WriteString("Zoë,Köln\n")
	}
	in.WriteString("Jos\xe9,M\xfcnchen \x80\n")
	r, err := NewReader(strings.NewReader(in.String()), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Encoding() != "utf-8" {
		t.Errorf("Encoding() = %q, want utf-8", r.Encoding())
	}
	rows, _, err := readAll(r)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rows[len(rows)-1], []string{"José", "München €"}; !slices.Equal(got, want) {
		t.Errorf("last row = %q, want %q", got, want)
	}
	for _, row := range rows[1 : len(rows)-1] {
		if row[0] != "Zoë" || row[1] != "Köln" {
			t.Fatalf("row %q", row)
		}
	}
}

// TestDecodeChunks decodes long texts through NewReader and compares them
// with the whole text decoded at once, so that runes cut by buffer
// boundaries are caught.
func TestDecodeChunks(t *testing.T) {
	var text strings.Builder
	for i := 0; text.Len() < 200_000; i++ {
		text.WriteString([]string{"a", "é", "€", "𝄞", ",", "\n", "\"", "Ω", "x,y"}[i*7%9])
	}
	s := text.String()
	inputs := map[string]string{
		"utf-8":        s,
		"utf-8-bom":    "\xef\xbb\xbf" + s + "\xe9\x80",
		"utf-16le":     encodeUTF16(s, binary.LittleEndian, true),
		"utf-16be":     encodeUTF16(s, binary.BigEndian, true),
		"windows-1252": strings.Repeat("Jos\xe9,M\xfcller\x80\n", 20_000),
	}
	for enc, in := range inputs {
		t.Run(enc, func(t *testing.T) {
			opt := Options{Comma: ',', MaxCellBytes: 1 << 20}
			want := plainRead(t, []byte(in), opt)
			for _, wrap := range []func(io.Reader) io.Reader{
				func(r io.Reader) io.Reader { return r },
				iotest.OneByteReader,
				iotest.HalfReader,
			} {
				r, err := NewReader(wrap(strings.NewReader(in)), opt)
				if err != nil {
					t.Fatal(err)
				}
				if r.Encoding() != enc {
					t.Errorf("Encoding() = %q, want %q", r.Encoding(), enc)
				}
				got, _, err := readAll(r)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("%d records differ from the text decoded at once (%d records)", len(got), len(want))
				}
			}
		})
	}
}

// countingReader counts the bytes read from it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// repeatReader returns s over and over, up to n bytes.
func repeatReader(s string, n int64) io.Reader {
	return io.LimitReader(&loopReader{s: s}, n)
}

type loopReader struct {
	s   string
	off int
}

func (l *loopReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		c := copy(p[n:], l.s[l.off:])
		n += c
		l.off = (l.off + c) % len(l.s)
	}
	return n, nil
}

// TestBounded feeds hostile files and checks that Read fails having read
// little more than the limit allows.
func TestBounded(t *testing.T) {
	const slack = 4 * peekBytes // buffers between the input and the check
	tests := []struct {
		name    string
		in      io.Reader
		opt     Options
		err     error
		line    int
		maxRead int64
	}{
		{"2MiBLine", io.MultiReader(strings.NewReader("a,b\n"), repeatReader("x", 2<<20), strings.NewReader("\n1,2\n")),
			Options{}, ErrLineTooLong, 2, DefaultMaxLineBytes + slack},
		{"100MBLine", repeatReader("abcdefghij", 100_000_000),
			Options{}, ErrLineTooLong, 1, DefaultMaxLineBytes + slack},
		{"100MBLineUTF16", io.MultiReader(strings.NewReader("\xff\xfe"), repeatReader("x\x00", 100_000_000)),
			Options{}, ErrLineTooLong, 1, 2*DefaultMaxLineBytes + slack},
		{"20000Columns", strings.NewReader(strings.Repeat("col,", 19_999) + "col\n1,2\n"),
			Options{}, ErrTooManyColumns, 1, 80_000 + slack},
		{"MillionColumns", repeatReader(",", 1_000_000),
			Options{}, ErrTooManyColumns, 1, DefaultMaxColumns + slack},
		{"MillionColumnsWide", repeatReader("abc,", 4_000_000),
			Options{}, ErrTooManyColumns, 1, 4*DefaultMaxColumns + slack},
		{"MillionColumnsLongCells", repeatReader(strings.Repeat("x", 99)+",", 100_000_000),
			Options{}, ErrLineTooLong, 1, DefaultMaxLineBytes + slack},
		{"MillionQuotedColumns", repeatReader(`"",`, 3_000_000),
			Options{}, ErrTooManyColumns, 1, 3*DefaultMaxColumns + slack},
		{"UnclosedQuote", io.MultiReader(strings.NewReader("a,\"b\n"), repeatReader("short line\n", 100_000_000)),
			Options{}, ErrRecordTooLong, 1, 4*DefaultMaxLineBytes + slack},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cr := &countingReader{r: tt.in}
			r, err := NewReader(cr, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			var last error
			for range 10 {
				_, _, err := r.Read()
				if err != nil {
					last = err
					break
				}
			}
			var pe *ParseError
			if !errors.Is(last, tt.err) || !errors.As(last, &pe) || pe.Line != tt.line {
				t.Fatalf("error %v, want %v on line %d", last, tt.err, tt.line)
			}
			if cr.n > tt.maxRead {
				t.Errorf("read %d bytes of input before failing, want at most %d", cr.n, tt.maxRead)
			}
		})
	}
}

// TestBoundedMemory checks that a header of a million empty columns fails
// having allocated no more than the buffers and MaxColumns fields need.
func TestBoundedMemory(t *testing.T) {
	in := []byte(strings.Repeat(",", 1_000_000) + "\n")
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	r, err := NewReader(bytes.NewReader(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := r.Read(); !errors.Is(err, ErrTooManyColumns) {
		t.Fatalf("Read error %v, want ErrTooManyColumns", err)
	}
	runtime.ReadMemStats(&after)
	if n := after.TotalAlloc - before.TotalAlloc; n > 4<<20 {
		t.Errorf("%d bytes allocated, want under 4 MiB", n)
	} else {
		t.Logf("%d bytes allocated", n)
	}
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

func TestNewReaderErrors(t *testing.T) {
	boom := errors.New("boom")
	if _, err := NewReader(errReader{boom}, Options{}); !errors.Is(err, boom) {
		t.Errorf("NewReader of a failing reader: %v, want boom", err)
	}
	for _, opt := range []Options{
		{Comma: '"'}, {Comma: '§'}, {Comma: '\n'}, {Comma: '\r'}, {Comma: 0xFFFD}, {Comma: -1}, {Comma: 0xD800},
		{MaxLineBytes: -1}, {MaxColumns: -1}, {MaxCellBytes: -1}, {MaxRecordBytes: -1},
	} {
		if _, err := NewReader(strings.NewReader("a,b\n"), opt); err == nil {
			t.Errorf("NewReader with %+v: no error", opt)
		}
	}
}

// TestReadIOError checks that an I/O error after the start is a final
// *ParseError that wraps it.
func TestReadIOError(t *testing.T) {
	boom := errors.New("boom")
	head := strings.Repeat("a,b\n", peekBytes/4) + "c,d\n"
	r, err := NewReader(io.MultiReader(strings.NewReader(head), errReader{boom}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	rows, _, err := readAll(r)
	var pe *ParseError
	if !errors.Is(err, boom) || !errors.As(err, &pe) {
		t.Fatalf("error %v, want a *ParseError wrapping boom", err)
	}
	if len(rows) != peekBytes/4+1 {
		t.Errorf("%d records before the error, want %d", len(rows), peekBytes/4+1)
	}
	if pe.Line != len(rows)+1 {
		t.Errorf("error on line %d, want %d", pe.Line, len(rows)+1)
	}
	if _, _, err2 := r.Read(); err2 != err {
		t.Errorf("next Read: %v, want the same error", err2)
	}
}

func TestParseErrorString(t *testing.T) {
	for _, tt := range []struct {
		err  *ParseError
		want string
	}{
		{&ParseError{Line: 3, Err: ErrLineTooLong}, "line 3: line too long"},
		{&ParseError{Line: 4, Field: 2, Err: ErrCellTooLong}, "line 4, field 2: cell too long"},
	} {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}
