package reader

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/repcard/repcard"
	"github.com/repcard/repcard/config"
)

// The fuzz targets feed the whole read path, from the bytes of a file to
// records and issues, and check what must hold for any input:
//
//   - no panic, and ReadInbox returns no error (a bad file is an issue);
//   - every row is accounted for: per input, Rows = Used + LeftOut +
//     Duplicates, and the records emitted are the rows used;
//   - every issue names its file and has a reason; every record has a rep;
//   - every string that leaves the reader is valid UTF-8.
//
// CI runs the seeds (testdata/fuzz) with plain go test; run a target with
// go test ./reader -run=^$ -fuzz=FuzzReadCSV -fuzztime=2m.

// fuzzConfig has small limits, so that the fuzzer reaches them.
func fuzzConfig() *config.Config {
	cfg := config.Default()
	cfg.Limits = config.Limits{MaxFileMB: 1, MaxUnzipMB: 2, MaxXMLMemoryMB: 1, MaxRows: 200, MaxColumns: 40, MaxCellBytes: 256, MaxTotalRows: 300}
	return cfg
}

// readAndCheck reads an inbox holding only file (named name) and checks the
// invariants.
func readAndCheck(t *testing.T, name string, data []byte, cfg *config.Config) *Batch {
	t.Helper()
	return readAndCheckFiles(t, map[string][]byte{name: data}, cfg)
}

// readAndCheckFiles reads an inbox of files (name → content) and checks the
// invariants.
func readAndCheckFiles(t *testing.T, files map[string][]byte, cfg *config.Config) *Batch {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	emitted := 0
	batch, err := ReadInbox(context.Background(), dir, cfg, func(rec *repcard.Record) {
		emitted++
		if rec.Rep == "" {
			t.Errorf("record without a rep: %+v", rec)
		}
		for _, s := range []string{rec.Rep, rec.Type, rec.Prospect, rec.OutcomeText, rec.ID, rec.DealID, rec.LossReason, rec.Stage, rec.Manager, rec.Office, rec.Email, rec.Src.File, rec.Src.Sheet} {
			if !utf8.ValidString(s) {
				t.Errorf("record field %q is not UTF-8", s)
			}
		}
		for _, a := range rec.Aliases {
			if !utf8.ValidString(a) {
				t.Errorf("alias %q is not UTF-8", a)
			}
		}
		if rec.Date != 0 {
			if y, _, _ := rec.Date.YMD(); y < minYear || y > maxYear {
				t.Errorf("date %v out of range", rec.Date)
			}
		}
	})
	if err != nil {
		t.Fatalf("ReadInbox: %v", err)
	}
	used := 0
	for _, in := range batch.Inputs {
		if in.Rows != in.Used+in.LeftOut+in.Duplicates {
			t.Errorf("%s [%s]: rows %d != used %d + left out %d + duplicates %d", in.File, in.Sheet, in.Rows, in.Used, in.LeftOut, in.Duplicates)
		}
		if in.Rows < 0 || in.Skipped < 0 {
			t.Errorf("negative count: %+v", in)
		}
		for _, s := range []string{in.Sheet, in.Reason, in.Mapping, in.RepFrom} {
			if !utf8.ValidString(s) {
				t.Errorf("input field %q is not UTF-8", s)
			}
		}
		used += in.Used
	}
	if used != emitted {
		t.Errorf("%d rows used, %d records emitted", used, emitted)
	}
	for _, list := range [][]repcard.Issue{batch.Issues, batch.Warnings} {
		for _, is := range list {
			if _, ok := files[is.File]; !ok {
				t.Errorf("issue with file %q: %+v", is.File, is)
			}
			if is.Reason() == "" {
				t.Errorf("issue without a reason: %+v", is)
			}
			for _, s := range []string{is.Sheet, is.Column, is.Raw, is.Reason()} {
				if !utf8.ValidString(s) {
					t.Errorf("issue field %q is not UTF-8", s)
				}
			}
		}
	}
	if len(batch.Inputs) == 0 && len(batch.Issues) == 0 {
		t.Errorf("the file left no trace: no input, no issue")
	}
	return batch
}

// FuzzReadDealExports reads two files, as two exports of deals that may
// hold the same deals in other versions (dealVersions), and checks the
// invariants: a row held back and then superseded is still accounted for.
func FuzzReadDealExports(f *testing.F) {
	const head = "Deal - ID;Deal - Title;Deal - Owner;Deal - Value;Deal - Status;Deal - Won time;Deal - Lost time;Deal - Expected close date\n"
	f.Add([]byte(head+"1;Big;Jane Doe;1000;won;31.10.2026;;\n2;Slow;Jane Doe;3000;open;;;30.11.2026\n"),
		[]byte(head+"1;Big;Jane Doe;1000;open;;;15.10.2026\n2;Slow;;2000;open;;;31.10.2026\n3;Gone;Jane Doe;500;lost;;20.09.2026;\n"))
	f.Add([]byte(head+"5;L;Jane Doe;100;won;05.10.2026;;\n5;L;Jane Doe;200;won;05.10.2026;;\n"), []byte(head+"5;L;Jane Doe;100;open;;;\n;L;Ana;1;won;01.01.2026;;\n"))
	f.Add([]byte("Opportunity ID,Opportunity Owner,Stage,Amount,Close Date\nX,Ana,Closed Won,5,2026-10-01\n"), []byte("Opportunity ID,Opportunity Owner,Stage,Amount,Close Date\nX,Ana,Closed Lost,5,2026-10-02\nX,Ana,Closed Lost,5,2026-10-02\n"))
	f.Fuzz(func(t *testing.T, a, b []byte) {
		readAndCheckFiles(t, map[string][]byte{"deals-a.csv": a, "deals-b.csv": b}, fuzzConfig())
	})
}

func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("Rep,Date,Type,Outcome,Amount\nJane Doe,2026-10-01,call,Won,1200\nJane Doe,10/31/2026,email,Lost,\n,2026-10-02,call,,\n"))
	f.Add([]byte("Deal Owner;Stage;Close Date;Amount\nZoë;Closed Won;31.10.2026;1.234,50\nZoë;Closed Lost;;\n"))
	f.Add([]byte("Rep\tManager\tOffice\tAliases\nJane Doe\tAna\tBerlin\tJ. Doe; jdoe@x.com\n"))
	f.Add([]byte("Week of,Calls,Emails,Closings\n2026-10-05,10,5,1\n2026-10-12,-3,,\nTotal,7,5,1\n"))
	f.Add([]byte("\xff\xfeR\x00e\x00p\x00,\x00D\x00a\x00t\x00e\x00\n\x00X\x00,\x002\x000\x002\x006\x00-\x001\x000\x00-\x000\x001\x00\n\x00"))
	f.Add([]byte("Rep,Date\nNul\x00Byte,2026-10-01\nBad\xffUTF,9999-12-31\n\"unclosed,2026-10-02\n"))
	f.Add([]byte("Potential Owner,Amount,Potential Name,Closing Date,Stage\nCarla Diaz,\"$22,700.00\",Acme,\"16 Apr, 2021 00:03:00\",Closed Won\n"))
	f.Add([]byte("First Name,Last Name,Email,Contact owner,Lifecycle Stage,Create Date\nAnn,Lee,a@b.c,Carla Diaz,Lead,2021-03-01\n"))
	f.Add([]byte("sales rep,date,customer name,quantity,unit price,ext price\nCarla Diaz,2014-01-01,Barton,39,86.69,\nBen Ito,2014-01-02,Kulas,x,1,\n"))
	f.Add([]byte("Fecha,Vendedor,Cliente\n2021-04-12,Carla Diaz,Acme\n"))
	f.Add([]byte(strings.Repeat("a,", 50) + "\n"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		readAndCheck(t, "fuzz.csv", data, fuzzConfig())
	})
}

// FuzzReadXLSX writes a workbook with excelize from cells the fuzzer
// chooses, reads it, and checks the invariants; then it reads each sheet
// with the reader's xlsx source and with excelize, and requires the same
// rows.
//
// spec is a sheet name, then rows separated by '\n' of cells separated by
// '|'; a cell starting with '#' is a number, '?' a boolean, '=' a formula
// (with the rest of the cell after ';' as its saved value), '@' a date
// serial; anything else is text.
func FuzzReadXLSX(f *testing.F) {
	f.Add("Calls\nRep|Date|Type|Outcome|Amount\nJane Doe|@46296|call|Won|#1200\nJane Doe|2026-10-02|email|Lost|\n|@46297|call||", false)
	f.Add("Opportunities\nOpportunity Owner|Stage|Close Date|Amount|Probability (%)\nZoë Brontë|Closed Won|@46300|=2*600;1200|#100\nZoë Brontë|Negotiation||#5000|#80", true)
	f.Add("Zoë Brontë\nWeek of|Calls|Emails|Closings\n@46300|#10|#4|#1\n@46307|?true|#-2|", false)
	f.Add("Roster\nRep|Manager|Office|Email|Aliases\nJane Doe|Ana Ruiz|Berlin|jane@x.com|J. Doe;JD", false)
	f.Add("Sheet1\nRep|Date\n_x0041_bc_x005F_x0042_|@46296\nA&B <c>|@2958465", false)
	f.Fuzz(func(t *testing.T, spec string, date1904 bool) {
		name, body, _ := strings.Cut(spec, "\n")
		if len(spec) > 4000 || strings.Count(spec, "|") > 400 {
			t.Skip()
		}
		xf := excelize.NewFile()
		defer xf.Close()
		if date1904 {
			v := true
			xf.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &v})
		}
		if name != "Sheet1" {
			if err := xf.SetSheetName("Sheet1", name); err != nil || xf.GetSheetList()[0] != name {
				t.Skip() // a name Excel does not allow
			}
		}
		for r, line := range strings.Split(body, "\n") {
			for c, v := range strings.Split(line, "|") {
				cell, err := excelize.CoordinatesToCellName(c+1, r+1)
				if err != nil {
					t.Skip()
				}
				if err := setFuzzCell(xf, name, cell, v); err != nil {
					t.Skip()
				}
			}
		}
		var buf bytes.Buffer
		if err := xf.Write(&buf); err != nil {
			t.Skip()
		}
		readAndCheck(t, "fuzz.xlsx", buf.Bytes(), fuzzConfig())
		compareWithExcelize(t, buf.Bytes())
	})
}

func setFuzzCell(xf *excelize.File, sheet, cell, v string) error {
	switch {
	case v == "":
		return nil
	case v[0] == '#':
		var n float64
		if _, err := fmt.Sscan(v[1:], &n); err != nil {
			return xf.SetCellValue(sheet, cell, v)
		}
		return xf.SetCellValue(sheet, cell, n)
	case v[0] == '?':
		return xf.SetCellValue(sheet, cell, strings.HasPrefix(v[1:], "t"))
	case v[0] == '@':
		var n int
		fmt.Sscan(v[1:], &n)
		return xf.SetCellValue(sheet, cell, n)
	case v[0] == '=':
		formula, saved, _ := strings.Cut(v[1:], ";")
		if err := xf.SetCellFormula(sheet, cell, formula); err != nil {
			return err
		}
		if saved != "" {
			return xf.SetCellStr(sheet, cell, saved) // keeps the formula
		}
		return nil
	}
	return xf.SetCellStr(sheet, cell, v)
}

// compareWithExcelize reads every sheet of the workbook in data with the
// reader's xlsx source and with excelize (raw values, as repcard read
// workbooks before it had its own reader), and requires the same rows.
// Rows the source reports as a problem are skipped.
func compareWithExcelize(t *testing.T, data []byte) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "cmp.xlsx")
	os.WriteFile(path, data, 0o644)
	lim := limitsOf(config.Limits{})
	ours, err := openXLSX(path, int64(len(data)), lim)
	if err != nil {
		t.Fatalf("the reader cannot open what excelize wrote: %v", err)
	}
	defer ours.Close()
	theirs, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true})
	if err != nil {
		return
	}
	defer theirs.Close()
	for _, sheet := range ours.Sheets() {
		want, err := theirs.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			continue
		}
		src, err := ours.Open(sheet)
		if err != nil {
			t.Fatalf("sheet %q: %v", sheet, err)
		}
		var got [][]string
		for {
			row, num, err := src.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				if _, ok := err.(*rowError); ok {
					for len(got) < num {
						got = append(got, nil)
					}
					got[num-1] = want[min(num-1, len(want)-1)]
					continue
				}
				t.Fatalf("sheet %q: %v", sheet, err)
			}
			for len(got) < num-1 {
				got = append(got, nil)
			}
			got = append(got, append([]string(nil), row...))
		}
		src.Close()
		for len(got) > 0 && len(got[len(got)-1]) == 0 {
			got = got[:len(got)-1]
		}
		if len(got) != len(want) {
			t.Fatalf("sheet %q: %d rows, excelize reads %d:\n%q\n%q", sheet, len(got), len(want), got, want)
		}
		for i := range want {
			if !equalRow(got[i], want[i]) {
				t.Errorf("sheet %q row %d: %q, excelize reads %q", sheet, i+1, got[i], want[i])
			}
		}
	}
}

// equalRow compares rows, ignoring empty cells at their end.
func equalRow(a, b []string) bool {
	trim := func(r []string) []string {
		for len(r) > 0 && r[len(r)-1] == "" {
			r = r[:len(r)-1]
		}
		return r
	}
	a, b = trim(a), trim(b)
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// FuzzReadXLSXParts reads a workbook whose sheet and shared strings XML
// are the fuzzer's bytes: what a damaged or hostile file holds.
func FuzzReadXLSXParts(f *testing.F) {
	f.Add([]byte(`<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Date</t></is></c></row><row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>46296</v></c></row></sheetData></worksheet>`),
		[]byte(`<sst><si><t>Rep</t></si><si><r><t>Jane</t></r><r><t xml:space="preserve"> Doe</t></r><rPh><t>ジェーン</t></rPh></si></sst>`))
	f.Add([]byte(`<worksheet><sheetData><row><c t="inlineStr"><is><t>Rep</t></is></c><c t="inlineStr"><is><t>Date</t></is></c></row><row><c t="s"><v>7</v></c><c><f>NOW()</f></c></row><row r="1048577"/></sheetData></worksheet>`),
		[]byte(`<sst><si><t>a</t></si></sst>`))
	f.Add([]byte(`<?xml version="1.0" encoding="windows-1252"?><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Rep</t></is></c><c r="B1" t="inlineStr"><is><t>Date</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Jos`+"\xe9"+`</t></is></c><c r="B2"><v>46296</v></c></row></sheetData></worksheet>`),
		[]byte(``))
	f.Add([]byte(`<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Rep</t></is></c><c r="B1" t="inlineStr"><is><t>Date</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Nul`+"\x00\xff"+`_x0000_</t></is></c><c r="B2"><v>46296</v></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>Cut`),
		[]byte(`<!DOCTYPE x [<!ENTITY a "aaaa">]><sst><si><t>&a;</t></si></sst>`))
	f.Add([]byte(`<worksheet><sheetData><row r="1"><c r="XFD1"><v>1</v></c><c r="A1"><v>2</v></c></row><row r="0"/><row r="x"/></sheetData></worksheet>`),
		[]byte(`<sst><si><t><![CDATA[Rep]]></t></si><!-- -- --></sst>`))
	f.Fuzz(func(t *testing.T, sheetXML, sstXML []byte) {
		readAndCheck(t, "fuzz.xlsx", rawWorkbook(sheetXML, sstXML), fuzzConfig())
	})
}

// rawWorkbook zips a workbook of one sheet "Data" whose sheet and shared
// strings parts are the given bytes.
func rawWorkbook(sheetXML, sstXML []byte) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name string, b []byte) {
		w, _ := zw.Create(name)
		w.Write(b)
	}
	add("[Content_Types].xml", []byte(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`))
	add("_rels/.rels", []byte(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`))
	add("xl/workbook.xml", []byte(`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`))
	add("xl/_rels/workbook.xml.rels", []byte(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`))
	add("xl/worksheets/sheet1.xml", sheetXML)
	add("xl/sharedStrings.xml", sstXML)
	zw.Close()
	return buf.Bytes()
}
