package teamxlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/report"
)

// The archive's parts come in one fixed order, none stamped with a time,
// and each is well-formed XML.
func TestParts(t *testing.T) {
	rpt := fixture()
	rpt.Period.Label = `Q4 <"&'>` // escaped in the title
	rpt.Currency = `X"Y`          // in a number format, an attribute
	rpt.Reps[1].Wins[0].Prospect = "a\x01b <c> & \"d\" \uFFFE\r\n_x0041_ "
	b := write(t, rpt, []repcard.Issue{{File: "f\x00.csv", Raw: "\xff\xfe", Kind: repcard.IssueNoDate}})
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml",
		"xl/_rels/workbook.xml.rels", "xl/styles.xml",
		"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml",
		"xl/worksheets/sheet4.xml", "xl/worksheets/sheet5.xml", "xl/worksheets/sheet6.xml",
		"xl/worksheets/sheet7.xml", "xl/workbook.xml",
	}
	var got []string
	for _, f := range zr.File {
		got = append(got, f.Name)
		if f.ModifiedDate != 0 || f.ModifiedTime != 0 || len(f.Extra) > 0 { // no time, no extended timestamp
			t.Errorf("%s: modified %d %d, extra %x; want no time", f.Name, f.ModifiedDate, f.ModifiedTime, f.Extra)
		}
		if f.Method != zip.Deflate {
			t.Errorf("%s: method %d, want deflate", f.Name, f.Method)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if err := wellFormed(data); err != nil {
			t.Errorf("%s: %v", f.Name, err)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("parts %q, want %q", got, want)
	}
	if props, err := open(t, b).GetDocProps(); err != nil || props.Title != `Team lists Q4 <"&'>` {
		t.Errorf("title %q (%v)", props.Title, err)
	}
}

// wellFormed reads all of an XML document.
func wellFormed(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// A text cell reads back as the text, whatever it holds: escapes of XML
// and of the workbook's own _xHHHH_, white space at its ends, characters
// XML cannot hold (U+FFFD then), and past 32,767 UTF-16 units it is cut.
func TestTextCells(t *testing.T) {
	long := strings.Repeat("ab", 20000)
	emoji := strings.Repeat("x", maxCellChars-1) + "😀" // would end past the limit: cut before it
	cases := []struct{ in, want string }{
		{"_x0041_", "_x0041_"},
		{"_x005F_x0041_", "_x005F_x0041_"},
		{"a_x00e9_b_X0041_c_x00G1_", "a_x00e9_b_X0041_c_x00G1_"},
		{"<b>&amp;</b> \"q\" 'a'", "<b>&amp;</b> \"q\" 'a'"},
		{" lead", " lead"},
		{"trail\t", "trail\t"},
		{"a\tb\nc\rd", "a\tb\nc\rd"},
		{"x\x01y\x7fz", "x\uFFFDy\x7fz"},
		{"u\uFFFEv\uFFFF", "u\uFFFDv\uFFFD"},
		{"bad\xffbyte", "bad\uFFFDbyte"},
		{long, long[:maxCellChars]},
		{emoji, emoji[:maxCellChars-1]},
	}
	var buf bytes.Buffer
	err := writeBook(&buf, fixture(), nil, []sheetFill{{"T", func(b *book, _ *report.Report, _ []repcard.Issue) error {
		return b.table("T", []column{{"Text", 10, kText}}, "", func(s *sheet) {
			for _, c := range cases {
				s.add(str(c.in))
			}
		})
	}}})
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open(sheetPart(1))
	if err != nil {
		t.Fatal(err)
	}
	data, _ := io.ReadAll(rc)
	if err := wellFormed(data); err != nil {
		t.Fatal(err)
	}
	// Read the cells back as a reader would: decode the XML, then the
	// workbook's _xHHHH_ escapes; and with excelize, a reader of its own.
	var ws struct {
		Rows []struct {
			Cells []struct {
				T string `xml:"is>t"`
			} `xml:"c"`
		} `xml:"sheetData>row"`
	}
	if err := xml.Unmarshal(data, &ws); err != nil {
		t.Fatal(err)
	}
	f := open(t, buf.Bytes())
	for i, c := range cases {
		got := unescapeBstr(ws.Rows[i+1].Cells[0].T)
		if got != c.want {
			t.Errorf("%.40q: read %.40q (%d), want %.40q (%d)", c.in, got, len(got), c.want, len(c.want))
		}
		if n := len(utf16.Encode([]rune(got))); n > maxCellChars {
			t.Errorf("%.40q: %d UTF-16 units", c.in, n)
		}
		ref := "A" + strconv.Itoa(i+2)
		if got, err := f.GetCellValue("T", ref, excelizeRaw); err != nil || got != c.want {
			t.Errorf("excelize %s = %.40q (%v), want %.40q", ref, got, err, c.want)
		}
	}
}

// unescapeBstr decodes _xHHHH_ as Excel does, left to right.
func unescapeBstr(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && isHex(s[i+2]) && isHex(s[i+3]) && isHex(s[i+4]) && isHex(s[i+5]) && s[i+6] == '_' {
			var r rune
			for _, c := range s[i+2 : i+6] {
				r <<= 4
				switch {
				case c <= '9':
					r |= c - '0'
				case c <= 'F':
					r |= c - 'A' + 10
				default:
					r |= c - 'a' + 10
				}
			}
			b.WriteRune(r)
			i += 7
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

func TestDates(t *testing.T) {
	for _, c := range []struct {
		d    repcard.Date
		want cell
	}{
		{repcard.MakeDate(2026, 10, 5), cell{k: cDate, i: 46300}},
		{repcard.MakeDate(1900, 3, 1), cell{k: cDate, i: 61}},
		{repcard.MakeDate(1900, 2, 28), cell{k: cDate, i: 59}},
		{repcard.MakeDate(1900, 1, 1), cell{k: cDate, i: 1}},
		{repcard.MakeDate(1899, 12, 31), cell{k: cText, s: "1899-12-31"}},
	} {
		if got := date(c.d); got != c.want {
			t.Errorf("date(%v) = %+v, want %+v", c.d.Time(), got, c.want)
		}
	}
	if got := day(report.Day(0)); got.k != cEmpty {
		t.Errorf("day(0) = %+v, want empty", got)
	}
}

func TestColName(t *testing.T) {
	for i, want := range map[int]string{0: "A", 10: "K", 25: "Z", 26: "AA", 27: "AB", 701: "ZZ", 702: "AAA"} {
		if got := colName(i); got != want {
			t.Errorf("colName(%d) = %q, want %q", i, got, want)
		}
	}
	if got := absRef("A1:AB12"); got != "$A$1:$AB$12" {
		t.Errorf("absRef = %q", got)
	}
}
