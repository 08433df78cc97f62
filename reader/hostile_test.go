package reader

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/config"
)

// Reader-level tests of hostile and broken input; the end-to-end suite is
// cmd/repcard/hostile_test.go.

// readInbox reads dir with cfg (the defaults when nil) and opts, failing on
// an error.
func readInbox(t *testing.T, dir string, cfg *config.Config, opts ...Option) (*Batch, []repcard.Record) {
	t.Helper()
	if cfg == nil {
		cfg = config.Default()
	}
	var recs []repcard.Record
	b, err := ReadInbox(context.Background(), dir, cfg, func(r *repcard.Record) { recs = append(recs, *r) }, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return b, recs
}

// hasIssue reports whether b has an issue of the kind about file whose
// detail holds words.
func hasIssue(b *Batch, file string, kind repcard.IssueKind, words string) bool {
	for _, is := range b.Issues {
		if is.File == file && is.Kind == kind && strings.Contains(is.Detail, words) {
			return true
		}
	}
	return false
}

func issueList(b *Batch) string {
	var s strings.Builder
	for _, is := range b.Issues {
		fmt.Fprintf(&s, "  %s\n", is)
	}
	return s.String()
}

func TestXMLGuard(t *testing.T) {
	tests := []struct {
		name, in, want, err string
		maxText             int
	}{
		{name: "plain", in: `<a x="1">text &amp; more</a>`, want: `<a x="1">text &amp; more</a>`},
		{name: "invalid UTF-8", in: "<a>J\xe9r\xf4me \xff</a>", want: "<a>J\uFFFDr\uFFFDme \uFFFD</a>"},
		{name: "NUL and controls", in: "<a>x\x00y\x01z\tw</a>", want: "<a>xy\uFFFDz\tw</a>"},
		{name: "noncharacters", in: "<a>\uFFFE\uFFFF</a>", want: "<a>\uFFFD\uFFFD</a>"},
		{name: "rune cut at the end", in: "<a>\xe2\x82", want: "<a>\uFFFD\uFFFD"},
		{name: "long text cut", in: "<a>" + strings.Repeat("x", 20) + "</a>", want: "<a>" + strings.Repeat("x", 8) + "</a>", maxText: 8},
		{name: "cut outside an entity", in: "<a>xxxxxx&amp;yyy</a>", want: "<a>xxxxxx&amp;</a>", maxText: 8},
		{name: "cut at a rune", in: "<a>xxxxxxxé€</a>", want: "<a>xxxxxxxé</a>", maxText: 8},
		{name: "quoted >", in: `<a x="a>b">t</a>`, want: `<a x="a>b">t</a>`},
		{name: "comment", in: "<!-- a > b --><a/>", want: "<!-- a > b --><a/>"},
		{name: "comment ---", in: "<!-- a --->x", want: "<!-- a --->x"},
		{name: "CDATA", in: "<a><![CDATA[<b>]]]></a>", want: "<a><![CDATA[<b>]]]></a>"},
		{name: "doctype", in: `<!DOCTYPE x [<!ENTITY a "b">]><x/>`, err: "DOCTYPE"},
		{name: "tag too long", in: "<a " + strings.Repeat(`x="1" `, 200_000) + "/>", err: "tag longer than"},
		{name: "attribute too long", in: `<a x="` + strings.Repeat(">", 1<<21) + `"/>`, err: "tag longer than"},
		{name: "comment too long", in: "<!--" + strings.Repeat("-> ", 1<<20) + "-->", err: "comment"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			maxText := tt.maxText
			if maxText == 0 {
				maxText = 1 << 20
			}
			g := newXMLGuard(strings.NewReader(tt.in), "part", maxText, maxMarkupBytes, true)
			got, err := io.ReadAll(g)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestPartsInMemoryBounded: excelize holds every part of a workbook in
// memory but the large worksheets; a small file with an "image" that
// unzips to 256 MB is refused without unzipping it, and a sheet with one
// 24 MB cell is refused before excelize decodes the cell.
func TestPartsInMemoryBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("writes parts of 256 and 24 MB (about 0.3 MB zipped)")
	}
	zeros := make([]byte, 1<<20)
	workbook := func(extra string, sheet func(w io.Writer)) []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, p := range []struct{ name, body string }{
			{"[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`},
			{"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
			{"xl/workbook.xml", `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Calls" sheetId="1" r:id="rId1"/></sheets></workbook>`},
			{"xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`},
			{"xl/styles.xml", `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>`},
		} {
			w, _ := zw.Create(p.name)
			io.WriteString(w, p.body)
		}
		w, _ := zw.Create("xl/worksheets/sheet1.xml")
		io.WriteString(w, `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Rep</t></is></c><c r="B1" t="inlineStr"><is><t>Date</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Ann</t></is></c><c r="B2"><v>46296</v></c></row>`)
		if sheet != nil {
			sheet(w)
		}
		io.WriteString(w, `</sheetData></worksheet>`)
		if extra != "" {
			w, _ := zw.Create(extra)
			for range 256 {
				w.Write(zeros)
			}
		}
		zw.Close()
		return buf.Bytes()
	}
	tests := []struct {
		name string
		data []byte
		kind repcard.IssueKind
		want string
	}{
		{"image", workbook("xl/media/image1.png", nil), repcard.IssueOverLimit, "more than 8 × limits.max_xml_memory_mb"},
		{"cell", workbook("", func(w io.Writer) {
			io.WriteString(w, `<row r="3"><c r="A3" t="inlineStr"><is><t>`)
			for range 24 {
				w.Write(bytes.Repeat([]byte("x"), 1<<20))
			}
			io.WriteString(w, `</t></is></c></row>`)
		}), repcard.IssueOverLimit, "a cell holds more than 16 MB of text"},
		{"strings", func() []byte {
			// 2 million empty strings: 10 MB, under every size limit,
			// and a minute of excelize's time.
			b := workbook("", nil)
			zr, _ := zip.NewReader(bytes.NewReader(b), int64(len(b)))
			var buf bytes.Buffer
			zw := zip.NewWriter(&buf)
			for _, f := range zr.File {
				w, _ := zw.Create(f.Name)
				rc, _ := f.Open()
				io.Copy(w, rc)
				rc.Close()
			}
			w, _ := zw.Create("xl/sharedStrings.xml")
			io.WriteString(w, `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`+strings.Repeat("<si/>", 2<<20)+`</sst>`)
			zw.Close()
			return buf.Bytes()
		}(), repcard.IssueOverLimit, "shared strings hold 2097152 strings, more than 1048576"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "a.xlsx"), tt.data, 0o644)
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			b, recs := readInbox(t, dir, nil)
			runtime.ReadMemStats(&after)
			if !hasIssue(b, "a.xlsx", tt.kind, tt.want) {
				t.Errorf("no issue %v with %q:\n%s", tt.kind, tt.want, issueList(b))
			}
			if len(recs) != 0 {
				t.Errorf("%d records from a refused workbook", len(recs))
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 32<<20 {
				t.Errorf("reading allocated %d MB", alloc>>20)
			}
		})
	}
	// A cell over limits.max_cell_bytes but not over the memory limit is
	// one row left out.
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.xlsx"), workbook("", func(w io.Writer) {
		io.WriteString(w, `<row r="3"><c r="A3" t="inlineStr"><is><t>`+strings.Repeat("x", 1<<20)+`</t></is></c></row>`)
	}), 0o644)
	b, recs := readInbox(t, dir, nil)
	if len(recs) != 1 || !hasIssue(b, "a.xlsx", repcard.IssueOverLimit, "limits.max_cell_bytes") {
		t.Errorf("a 1 MB cell: %d records, issues:\n%s", len(recs), issueList(b))
	}
}

// TestLimits checks that each limit on rows and cells is enforced on
// workbooks and CSV files, with a message that names its config key; and
// limits.max_xml_memory_mb on the parts excelize holds in memory. (The
// limits on files and zips are in the end-to-end suite.)
func TestLimits(t *testing.T) {
	wide := []any{"Rep", "Date"}
	for range 50 {
		wide = append(wide, "x")
	}
	tests := []struct {
		name   string
		limits config.Limits
		rows   [][]any
		kind   repcard.IssueKind
		want   string
	}{
		{"max_columns", config.Limits{MaxColumns: 10}, [][]any{{"Rep", "Date"}, {"Ann", "2026-10-01"}, wide}, repcard.IssueOverLimit, "limits.max_columns"},
		{"max_cell_bytes", config.Limits{MaxCellBytes: 50}, [][]any{{"Rep", "Date"}, {"Ann", "2026-10-01"}, {"Ann", strings.Repeat("é", 26)}}, repcard.IssueOverLimit, "limits.max_cell_bytes"},
		{"max_rows", config.Limits{MaxRows: 2}, [][]any{{"Rep", "Date"}, {"Ann", "2026-10-01"}, {"Ann", "2026-10-02"}}, repcard.IssueOverLimit, "limits.max_rows = 2"},
		{"max_total_rows", config.Limits{MaxTotalRows: 1}, [][]any{{"Rep", "Date"}, {"Ann", "2026-10-01"}, {"Ann", "2026-10-02"}}, repcard.IssueOverTotalRows, "1"},
	}
	for _, tt := range tests {
		for _, name := range []string{"a.xlsx", "a.csv"} {
			t.Run(tt.name+" "+name, func(t *testing.T) {
				dir := t.TempDir()
				writeSheet(t, filepath.Join(dir, name), tt.rows)
				cfg := config.Default()
				cfg.Limits = tt.limits
				b, recs := readInbox(t, dir, cfg)
				if len(recs) != 1 || recs[0].Rep != "Ann" {
					t.Errorf("records %v, want the good row only", recs)
				}
				if !hasIssue(b, name, tt.kind, tt.want) {
					t.Errorf("no issue %v naming %s:\n%s", tt.kind, tt.want, issueList(b))
				}
				for _, in := range b.Inputs {
					if in.Rows != in.Used+in.LeftOut+in.Duplicates {
						t.Errorf("rows not accounted for: %+v", in)
					}
				}
			})
		}
	}
	// A workbook part read whole: over limits.max_xml_memory_mb.
	dir := t.TempDir()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("xl/workbook.xml")
	io.WriteString(w, `<workbook><sheets>`+strings.Repeat(`<sheet name="x"/>`, 600_000)+`</sheets></workbook>`)
	zw.Close()
	os.WriteFile(filepath.Join(dir, "a.xlsx"), buf.Bytes(), 0o644)
	cfg := config.Default()
	cfg.Limits.MaxXMLMemoryMB = 1
	b, _ := readInbox(t, dir, cfg)
	if !hasIssue(b, "a.xlsx", repcard.IssueOverLimit, "limits.max_xml_memory_mb") {
		t.Errorf("no issue naming limits.max_xml_memory_mb:\n%s", issueList(b))
	}
}

// TestReadsLikeExcelize reads a workbook excelize writes, with every kind
// of cell value, through the reader's xlsx source, and requires the rows
// excelize's GetRows gives.
func TestReadsLikeExcelize(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	set := func(cell string, v any) {
		if err := f.SetCellValue("Sheet1", cell, v); err != nil {
			t.Fatal(err)
		}
	}
	set("A1", "text")
	set("B1", 12.5)
	set("C1", true)
	set("D1", time.Date(2026, 10, 31, 13, 30, 0, 0, time.UTC))
	set("F1", "x_x0041_y & <z> \"q\"")
	set("A3", -0.000123)
	set("C3", int64(1)<<53)
	set("B4", "  spaces  ")
	set("Z9", "far")
	f.SetCellFormula("Sheet1", "A5", "B1*2")
	f.SetCellRichText("Sheet1", "B5", []excelize.RichTextRun{{Text: "rich "}, {Text: "text", Font: &excelize.Font{Bold: true}}})
	f.NewSheet("Second")
	f.SetCellValue("Second", "A1", "other sheet")
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	compareWithExcelize(t, buf.Bytes())
}

func TestCountElements(t *testing.T) {
	text := `<sst><si><t>a</t></si><si/><si
><sig/><si>` + strings.Repeat("x", 300) + `<si attr="1"/></sst>`
	for _, size := range []int{1, 2, 3, 4, 7, 64, len(text)} {
		tw := tailWriter{count: []byte("<si")}
		for i := 0; i < len(text); i += size {
			tw.Write([]byte(text[i:min(i+size, len(text))]))
		}
		if tw.n != 5 {
			t.Errorf("in writes of %d bytes: %d elements, want 5", size, tw.n)
		}
		if !bytes.HasSuffix(tw.b, []byte("</sst>")) {
			t.Errorf("in writes of %d bytes: tail %q", size, tw.b)
		}
	}
}

// FuzzXMLGuard checks that reading a guard in bulk (Read, as io.Copy does)
// gives what reading it byte by byte gives, with the same cuts and errors.
func FuzzXMLGuard(f *testing.F) {
	f.Add([]byte(`<a x="1" y='>'>text &amp; more<!-- c --><![CDATA[<x>]]><?pi x?></a>`), uint16(8), false)
	f.Add([]byte("<a>"+strings.Repeat("x", 100)+"</a><b c=\""+strings.Repeat("y", 100)+"\"/>"), uint16(16), true)
	f.Add([]byte("<a>J\xe9r\xf4me\x00\x01</a><!DOCTYPE x>"), uint16(4), false)
	f.Fuzz(func(t *testing.T, data []byte, limit uint16, utf bool) {
		maxText := int(limit%512) + 1
		bulk := newXMLGuard(bytes.NewReader(data), "p", maxText, 64, utf)
		got, gerr := io.ReadAll(bulk)
		slow := newXMLGuard(bytes.NewReader(data), "p", maxText, 64, utf)
		var want []byte
		var werr error
		for {
			b, err := slow.ReadByte()
			if err != nil {
				if err != io.EOF {
					werr = err
				}
				break
			}
			want = append(want, b)
		}
		if !bytes.Equal(got, want) || bulk.cut != slow.cut || (gerr == nil) != (werr == nil) {
			t.Fatalf("bulk %q (cut %d, %v)\nbyte %q (cut %d, %v)", got, bulk.cut, gerr, want, slow.cut, werr)
		}
	})
}
