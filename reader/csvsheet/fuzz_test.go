package csvsheet

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/transform"
)

// refFile is a file read the simple way: decoded whole, then parsed by
// encoding/csv with no limits. Reader must give the same records, or fail
// where the reference shows a limit is exceeded.
type refFile struct {
	text    []byte // data decoded
	comma   rune
	records []refRecord
	lineLen []int // length of each physical line, without its line break
}

type refRecord struct {
	row        []string
	line       int   // line of the first field
	fieldLines []int // line of each field
	size       int   // bytes from the first field to the record's final line break
}

func reference(t *testing.T, data []byte, comma rune) refFile {
	t.Helper()
	head := data[:min(len(data), peekBytes)]
	d := detect(head, len(data) < peekBytes, comma)
	text, _, err := transform.Bytes(newDecoder(d.enc, d.cr), data[d.bom:])
	if err != nil {
		t.Fatalf("decoding: %v", err)
	}
	ref := refFile{text: text, comma: d.comma}
	starts := []int{0}
	for i, c := range text {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	for i, s := range starts {
		end := len(text)
		if i+1 < len(starts) {
			end = starts[i+1] - 1 // the '\n'
		}
		n := end - s
		if n > 0 && text[end-1] == '\r' {
			n-- // before '\n', or at the end, where encoding/csv drops it
		}
		ref.lineLen = append(ref.lineLen, n)
	}
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma = d.comma
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	for {
		row, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("reference csv: %v", err)
		}
		rec := refRecord{row: row}
		for i := range row {
			line, _ := r.FieldPos(i)
			rec.fieldLines = append(rec.fieldLines, line)
		}
		rec.line = rec.fieldLines[0]
		start, end := starts[rec.line-1], int(r.InputOffset())
		rec.size = end - start
		if end > 0 && text[end-1] == '\n' && (end < len(text) || ends(text[start:end], d.comma)) {
			rec.size-- // the line break that ends it
		}
		ref.records = append(ref.records, rec)
	}
	return ref
}

// ends reports whether the '\n' at the end of the record rec, the last of
// the file, ends it, rather than being part of an unclosed quoted field.
func ends(rec []byte, comma rune) bool {
	r := csv.NewReader(io.MultiReader(bytes.NewReader(rec), strings.NewReader("Z")))
	r.Comma = comma
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	all, _ := r.ReadAll()
	return len(all) == 2
}

// plainRead returns the records of the reference reading of data.
func plainRead(t *testing.T, data []byte, opt Options) [][]string {
	var rows [][]string
	for _, rec := range reference(t, data, opt.Comma).records {
		rows = append(rows, rec.row)
	}
	return rows
}

// checkRead reads data with NewReader and checks each record and error
// against the reference reading.
func checkRead(t *testing.T, data []byte, opt Options, wrap func(io.Reader) io.Reader) {
	t.Helper()
	ref := reference(t, data, opt.Comma)
	lim := opt.withDefaults()
	r, err := newReader(wrap(bytes.NewReader(data)), opt, wrap)
	if err != nil {
		t.Fatalf("NewReader: %v", err)
	}
	if r.Comma() != ref.comma {
		t.Fatalf("Comma() = %q, reference %q", r.Comma(), ref.comma)
	}
	linesOK := func(upTo int) { // lines before upTo are within the limit
		for i, n := range ref.lineLen[:min(upTo-1, len(ref.lineLen))] {
			if n > lim.MaxLineBytes {
				t.Fatalf("line %d has %d bytes, but no ErrLineTooLong", i+1, n)
			}
		}
	}
	for k := 0; ; k++ {
		row, line, err := r.Read()
		for _, s := range row {
			if !utf8.ValidString(s) || strings.IndexByte(s, 0) >= 0 {
				t.Fatalf("record %d: bad string %q", k, s)
			}
		}
		if err == io.EOF {
			if k != len(ref.records) {
				t.Fatalf("io.EOF after %d records, reference has %d", k, len(ref.records))
			}
			linesOK(len(ref.lineLen) + 1)
			return
		}
		if k >= len(ref.records) {
			t.Fatalf("record %d (%q, %v) beyond the reference's %d", k, row, err, len(ref.records))
		}
		rec := ref.records[k]
		if err == nil {
			if !slices.Equal(row, rec.row) || line != rec.line {
				t.Fatalf("record %d: %q on line %d, reference %q on line %d", k, row, line, rec.row, rec.line)
			}
			if len(row) > lim.MaxColumns || rec.size > lim.MaxRecordBytes {
				t.Fatalf("record %d: %d fields, %d bytes: no error", k, len(row), rec.size)
			}
			for _, s := range row {
				if len(s) > lim.MaxCellBytes {
					t.Fatalf("record %d: cell of %d bytes, no error", k, len(s))
				}
			}
			continue
		}
		var pe *ParseError
		if !errors.As(err, &pe) || row != nil || line != pe.Line {
			t.Fatalf("record %d: Read = %q, %d, %v; want nil, the line, and a *ParseError", k, row, line, err)
		}
		switch {
		case errors.Is(err, ErrCellTooLong):
			i := pe.Field - 1
			if i < 0 || i >= len(rec.row) || len(rec.row[i]) <= lim.MaxCellBytes || pe.Line != rec.fieldLines[i] {
				t.Fatalf("record %d: %v, reference %q", k, err, rec.row)
			}
			if len(rec.row) > lim.MaxColumns || rec.size > lim.MaxRecordBytes {
				t.Fatalf("record %d: %v, but it has %d fields, %d bytes", k, err, len(rec.row), rec.size)
			}
			continue // not final
		case errors.Is(err, ErrTooManyColumns):
			if len(rec.row) <= lim.MaxColumns || pe.Line != rec.line {
				t.Fatalf("record %d: %v, reference has %d fields on line %d", k, err, len(rec.row), rec.line)
			}
		case errors.Is(err, ErrRecordTooLong):
			if rec.size <= lim.MaxRecordBytes || pe.Line != rec.line {
				t.Fatalf("record %d: %v, reference has %d bytes on line %d", k, err, rec.size, rec.line)
			}
		case errors.Is(err, ErrLineTooLong):
			if pe.Line < rec.line || pe.Line > len(ref.lineLen) || ref.lineLen[pe.Line-1] <= lim.MaxLineBytes {
				t.Fatalf("record %d on line %d: %v, but it is not", k, rec.line, err)
			}
			linesOK(pe.Line)
		default:
			t.Fatalf("record %d: unexpected error %v", k, err)
		}
		linesOK(rec.line)
		if row, _, err2 := r.Read(); row != nil || err2 != err {
			t.Fatalf("Read after %v = %q, %v", err, row, err2)
		}
		return
	}
}

// TestReadReference runs the table inputs through the reference check, with
// limits small enough to be hit.
func TestReadReference(t *testing.T) {
	for _, tt := range readTests {
		t.Run(tt.Name, func(t *testing.T) {
			checkRead(t, []byte(tt.Input), tt.Opt, iotest.OneByteReader)
			checkRead(t, []byte(tt.Input), smallLimits(0), iotest.HalfReader)
			checkCounts(t, reference(t, []byte(tt.Input), 0).text)
		})
	}
}

func smallLimits(comma rune) Options {
	return Options{MaxLineBytes: 40, MaxRecordBytes: 100, MaxColumns: 6, MaxCellBytes: 12, Comma: comma}
}

// FuzzRead reads arbitrary bytes: Read never panics, returns only valid
// UTF-8 without NUL, keeps to the limits, and otherwise agrees with
// encoding/csv reading the whole file decoded at once.
func FuzzRead(f *testing.F) {
	for _, tt := range readTests {
		f.Add([]byte(tt.Input))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, data, Options{}, func(r io.Reader) io.Reader { return r })
		checkCounts(t, reference(t, data, 0).text)
		checkRead(t, data, smallLimits(0), iotest.OneByteReader)
		if c := len(data) % 5; c > 0 {
			checkRead(t, data, smallLimits(commaCandidates[c-1]), iotest.HalfReader)
		}
		if len(data) > 0 && data[0] == 0 {
			// Past the start that detection looks at.
			big := bytes.Repeat(data, peekBytes/len(data)+2)
			checkRead(t, big, Options{MaxLineBytes: 4 << 10}, func(r io.Reader) io.Reader { return r })
		}
	})
}

// checkCounts checks the field counts delimiter detection uses against
// encoding/csv's.
func checkCounts(t *testing.T, text []byte) {
	t.Helper()
	for _, c := range commaCandidates {
		var want []int
		r := csv.NewReader(bytes.NewReader(text))
		r.Comma = c
		r.LazyQuotes = true
		r.FieldsPerRecord = -1
		for {
			row, err := r.Read()
			if err != nil {
				break
			}
			want = append(want, len(row))
		}
		got := fieldCounts(text, byte(c), true, make([]int, 0, len(text)+1))
		if !slices.Equal(got, want) {
			t.Fatalf("delimiter %q: field counts %v, encoding/csv %v", c, got, want)
		}
	}
}

// FuzzRoundTrip writes records with encoding/csv and reads them back: with
// the delimiter given, any text comes back as written; with the delimiter
// detected, records of plain text with a constant field count above 1 come
// back as written, with the delimiter they were written with.
func FuzzRoundTrip(f *testing.F) {
	f.Add(uint8(0), uint8(3), "rep\x1fdate\x1famount\x1fJane Doe\x1f2026-10-31\x1f500")
	f.Add(uint8(1), uint8(2), "Zoë\x1f\"quoted\", with comma\x1fmulti\nline\x1f")
	f.Add(uint8(2), uint8(2), "Jane\x1f1.234,50\x1fBob\x1f12,5")
	f.Add(uint8(3), uint8(4), "a|b\x1f\x1f \x1f\r\n\x1f\\.\x1fx")
	f.Fuzz(func(t *testing.T, sel, width uint8, text string) {
		comma := commaCandidates[int(sel)%len(commaCandidates)]
		w := int(width)%8 + 1
		var cells []string
		for _, s := range strings.Split(text, "\x1f") {
			// Reader returns valid UTF-8 without NUL, and removes a
			// leading byte order mark.
			s = strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "")
			cells = append(cells, strings.TrimLeft(s, "\uFEFF"))
		}
		rows := chunk(cells, w)

		// Forced delimiter: any text.
		opt := Options{Comma: comma, MaxCellBytes: 1 << 20, MaxColumns: 1 << 20}
		got := roundTrip(t, rows, comma, opt)
		var want [][]string
		for _, row := range rows {
			if len(row) == 1 && row[0] == "" {
				continue // written as a blank line
			}
			row = slices.Clone(row)
			for i, s := range row {
				row[i] = strings.ReplaceAll(s, "\r\n", "\n") // as encoding/csv reads it
			}
			want = append(want, row)
		}
		if !slicesEqual(got, want) {
			t.Fatalf("delimiter %q: read back\n%q\nwant\n%q", comma, got, want)
		}

		// Detected delimiter: plain text, whole rows of w > 1 fields.
		if w < 2 || len(cells) < w {
			return
		}
		for i, s := range cells {
			cells[i] = strings.Map(plain, s)
		}
		rows = chunk(cells[:len(cells)/w*w], w)
		got = roundTrip(t, rows, comma, Options{MaxCellBytes: 1 << 20})
		if !slicesEqual(got, rows) {
			t.Fatalf("detecting %q: read back\n%q\nwant\n%q", comma, got, rows)
		}
	})
}

// plain keeps letters, digits, spaces and a few punctuation marks that are
// not delimiters.
func plain(r rune) rune {
	if unicode.IsLetter(r) || unicode.IsDigit(r) || r == ' ' || r == '.' || r == '-' || r == '/' {
		return r
	}
	return -1
}

func chunk(cells []string, w int) [][]string {
	var rows [][]string
	for len(cells) > 0 {
		n := min(w, len(cells))
		rows = append(rows, cells[:n])
		cells = cells[n:]
	}
	return rows
}

// roundTrip writes rows with comma and reads them back with opt, checking
// the delimiter Reader uses.
func roundTrip(t *testing.T, rows [][]string, comma rune, opt Options) [][]string {
	t.Helper()
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Comma = comma
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	r, err := NewReader(bytes.NewReader(buf.Bytes()), opt)
	if err != nil {
		t.Fatal(err)
	}
	if r.Comma() != comma {
		t.Fatalf("Comma() = %q, want %q; file:\n%q", r.Comma(), comma, buf.Bytes())
	}
	got, _, err := readAll(r)
	if err != nil {
		t.Fatalf("reading %q: %v", buf.Bytes(), err)
	}
	return got
}

func slicesEqual(a, b [][]string) bool {
	return slices.EqualFunc(a, b, slices.Equal)
}
